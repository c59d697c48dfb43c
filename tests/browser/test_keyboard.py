"""Without a mouse: skip link, navigation, search and the language switcher, with visible focus."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from tests.browser.visits import Recorder, new_context

MAX_TABS = 120

_FOCUSED = r"""() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow && style.boxShadow !== 'none';
  const rect = el.getBoundingClientRect();
  return {
    tag: el.tagName.toLowerCase(),
    classes: el.className && el.className.baseVal === undefined ? String(el.className) : '',
    href: el.href ? new URL(el.href, location.href).pathname : '',
    hreflang: el.getAttribute('hreflang') || '',
    text: (el.textContent || el.getAttribute('aria-label') || '').replace(/\s+/g, ' ').trim().slice(0, 60),
    focusVisible: el.matches(':focus-visible'),
    indicator: outline ? `outline ${style.outlineWidth} ${style.outlineStyle}` : (shadow ? 'box-shadow' : ''),
    onScreen: rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.right > 0
      && rect.top < innerHeight && rect.left < innerWidth,
  };
}"""


@pytest.fixture
def keyboard_tab(chromium: Browser, site_server: str) -> Iterator[tuple[Page, Recorder]]:
    context: BrowserContext = new_context(chromium, site_server, "desktop")
    page = context.new_page()
    recorder = Recorder(page)
    yield page, recorder
    context.close()


def focused(page: Page) -> dict | None:
    return page.evaluate(_FOCUSED)


def tab_until(page: Page, wanted, what: str) -> dict:
    """Press Tab until `wanted(focused element)` holds; fail naming what was not reached."""
    seen = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        element = focused(page)
        if element and wanted(element):
            return element
        if element:
            seen.append(element["text"] or element["tag"])
    pytest.fail(f"{what} is not reachable with Tab in {MAX_TABS} presses; focus went: {seen[:40]}",
                pytrace=False)


def assert_focus_visible(element: dict, what: str) -> None:
    assert element["focusVisible"] and element["indicator"] and element["onScreen"], (
        f"{what} has no visible keyboard focus: {element}"
    )


def site_path(page: Page, site_server: str) -> str:
    return "/" + urlsplit(page.url).path[len(urlsplit(site_server).path) :]


@pytest.mark.parametrize("start", ["/ansvar/", "/en/kulturplanen/"])
def test_skip_link_is_first_and_moves_to_the_content(
    keyboard_tab: tuple[Page, Recorder], site_server: str, start: str
) -> None:
    page, _ = keyboard_tab
    page.goto(site_server + start.lstrip("/"))
    page.keyboard.press("Tab")
    element = focused(page)
    assert element and "md-skip" in element["classes"], f"{start}: the first Tab reaches {element}, not the skip link"
    assert_focus_visible(element, f"{start}: the skip link")
    page.keyboard.press("Enter")
    in_content = page.evaluate("""() => {
      const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      return !!target && !!target.closest('.md-content') && target.getBoundingClientRect().top < innerHeight / 2;
    }""")
    assert in_content, f"{start}: Enter on the skip link did not bring the content into view ({page.url})"
    # The next Tab continues from the content, not from the top of the page.
    page.keyboard.press("Tab")
    after = page.evaluate("() => !!document.activeElement.closest('.md-content, .md-sidebar--secondary')")
    assert after, f"{start}: after the skip link, Tab went to {focused(page)}"


def test_navigation_works_with_the_keyboard(
    keyboard_tab: tuple[Page, Recorder], site_server: str
) -> None:
    page, recorder = keyboard_tab
    page.goto(site_server)
    target = "/kultursamverkan/kulturplanen/"

    def is_target_or_its_section(element: dict) -> bool:
        if element["href"] == target:
            return True
        # A collapsed section: its toggle is a label the theme makes focusable; Enter opens it.
        if element["tag"] == "label" and element["text"].startswith("Förstå modellen"):
            page.keyboard.press("Enter")
        return False

    element = tab_until(page, is_target_or_its_section, "the navigation link to Kulturplanen steg för steg")
    assert_focus_visible(element, "a navigation link")
    page.keyboard.press("Enter")
    page.wait_for_url("**/kulturplanen/")
    assert not recorder.failed and not recorder.console_errors, (recorder.failed, recorder.console_errors)


@pytest.mark.parametrize(("start", "query", "expect"), [
    ("/", "kulturplanen", "/kulturplanen/"),
    ("/en/", "checklist", "/en/checklista/"),
])
def test_search_works_with_the_keyboard(
    keyboard_tab: tuple[Page, Recorder], site_server: str, start: str, query: str, expect: str
) -> None:
    page, recorder = keyboard_tab
    page.goto(site_server + start.lstrip("/"))
    element = tab_until(page, lambda e: "md-search__input" in e["classes"], "the search box")
    assert_focus_visible(element, "the search box")
    page.keyboard.type(query)
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    # Arrow keys move through the results, Enter opens one.
    for _ in range(10):
        page.keyboard.press("ArrowDown")
        element = focused(page)
        assert element, "ArrowDown in the search results lost the focus"
        if element["href"] == urlsplit(site_server).path + expect.lstrip("/"):
            break
    else:
        pytest.fail(f"{query!r}: {expect} not reachable with ArrowDown among the results", pytrace=False)
    assert_focus_visible(element, "a search result")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{expect}*")
    assert site_path(page, site_server).startswith(expect)
    assert not recorder.failed and not recorder.console_errors, (recorder.failed, recorder.console_errors)


def test_language_switcher_works_with_the_keyboard_both_ways(
    keyboard_tab: tuple[Page, Recorder], site_server: str
) -> None:
    page, recorder = keyboard_tab
    page.goto(site_server + "ansvar/")
    for language, expect in (("en", "/en/ansvar/"), ("sv", "/ansvar/")):
        element = tab_until(page, lambda e, lang=language: e["hreflang"] == lang and e["tag"] == "a"
                            and e["onScreen"], f"the switcher's {language} link")
        assert_focus_visible(element, f"the language switcher's {language} link")
        page.keyboard.press("Enter")
        page.wait_for_url(f"**/kultursamverkan{expect}")
        assert page.evaluate("document.documentElement.lang") == language
    assert not recorder.failed and not recorder.console_errors, (recorder.failed, recorder.console_errors)
