"""Term help on every device: a tap (phone, 390 px, touch), keyboard focus and mouse hover each show
the explanation in place, in the page's language, with a link to the glossary entry, and the
explanation is the term's accessible description (overrides/partials/term-help.js)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.visits import is_own_origin

PAGES = {
    "/ansvar/": ("Läs mer i ordlistan", "/ordlista/#"),
    "/en/ansvar/": ("Read more in the glossary", "/en/ordlista/#"),
}


def new_page(chromium: Browser, site_server: str, **options) -> Iterator[Page]:
    context = chromium.new_context(**options)
    context.route(lambda url: not is_own_origin(url, site_server), lambda route: route.abort("blockedbyclient"))
    yield context.new_page()
    context.close()


@pytest.fixture
def phone(chromium: Browser, site_server: str) -> Iterator[Page]:
    yield from new_page(chromium, site_server, viewport={"width": 390, "height": 844}, has_touch=True,
                        is_mobile=True, device_scale_factor=2)


@pytest.fixture
def desktop(chromium: Browser, site_server: str) -> Iterator[Page]:
    yield from new_page(chromium, site_server, viewport={"width": 1280, "height": 800})


def first_term(page: Page, site_server: str, path: str):
    page.goto(site_server + path.lstrip("/"))
    term = page.locator("article a.term").first
    expect(term).to_be_attached()
    return term


def assert_explained(page: Page, term, path: str) -> None:
    """The explanation is visible under the term, is its accessible description, and links to the entry."""
    label, glossary = PAGES[path]
    described_by = term.get_attribute("aria-describedby")
    assert described_by, "the term has no aria-describedby"
    explanation = page.locator(f"#{described_by}")
    expect(explanation).to_be_visible()
    text = explanation.inner_text().strip()
    assert text.endswith("."), text
    expect(term).to_have_accessible_description(text)
    more = explanation.locator("xpath=..").get_by_role("link", name=label)
    expect(more).to_be_visible()
    assert glossary in more.evaluate("a => new URL(a.href).pathname + new URL(a.href).hash")
    box, tip = term.bounding_box(), explanation.bounding_box()
    assert box and tip and tip["y"] >= box["y"], "the explanation is not shown under the term"
    viewport = page.viewport_size
    assert tip["x"] >= 0 and tip["x"] + tip["width"] <= viewport["width"], "the explanation leaves the screen"


@pytest.mark.parametrize("path", list(PAGES))
def test_a_tap_shows_the_explanation_in_place_and_a_second_tap_follows_the_link(
    phone: Page, site_server: str, path: str
) -> None:
    term = first_term(phone, site_server, path)
    before = phone.url
    term.scroll_into_view_if_needed()
    term.tap()
    assert phone.url == before, "the first tap left the page"
    assert_explained(phone, term, path)
    phone.locator("h1").first.tap()  # a tap elsewhere closes it
    expect(phone.locator(f"#{term.get_attribute('aria-describedby')}")).to_be_hidden()
    term.tap()
    term.tap()
    phone.wait_for_url(f"**{PAGES[path][1].split('#')[0]}**")


@pytest.mark.parametrize("path", list(PAGES))
def test_keyboard_focus_shows_the_explanation_and_escape_hides_it(desktop: Page, site_server: str, path: str) -> None:
    term = first_term(desktop, site_server, path)
    explanation = desktop.locator(f"#{term.get_attribute('aria-describedby')}")
    expect(explanation).to_be_hidden()
    term.focus()
    assert_explained(desktop, term, path)
    desktop.keyboard.press("Tab")  # on to the link to the entry: the explanation stays
    assert desktop.evaluate("document.activeElement.closest('.term-tip') !== null")
    expect(explanation).to_be_visible()
    desktop.keyboard.press("Escape")
    expect(explanation).to_be_hidden()


@pytest.mark.parametrize("path", list(PAGES))
def test_hover_shows_the_explanation_and_it_stays_while_the_pointer_is_on_it(
    desktop: Page, site_server: str, path: str
) -> None:
    term = first_term(desktop, site_server, path)
    explanation = desktop.locator(f"#{term.get_attribute('aria-describedby')}")
    term.hover()
    assert_explained(desktop, term, path)
    explanation.hover()
    desktop.wait_for_timeout(500)  # longer than the closing delay
    expect(explanation).to_be_visible()
    desktop.mouse.move(5, 5)
    expect(explanation).to_be_hidden()


@pytest.mark.parametrize("path", list(PAGES))
def test_english_page_explains_in_english_and_swedish_page_in_swedish(desktop: Page, site_server: str, path: str) -> None:
    first_term(desktop, site_server, path)
    languages = desktop.evaluate("""() => [...document.querySelectorAll('article a.term')].map(a =>
        document.getElementById(a.getAttribute('aria-describedby')).textContent)""")
    assert languages
    swedish_words = {"och", "som", "en", "det", "för", "att", "i", "om", "där", "har"}
    english_words = {"the", "and", "which", "that", "of", "a"}
    for text in languages:
        words = set(text.lower().replace(",", " ").replace(".", " ").split())
        if path.startswith("/en/"):
            assert words & english_words and not words & {"och", "som", "att"}, text
        else:
            assert words & swedish_words and not words & {"the", "which", "that"}, text
