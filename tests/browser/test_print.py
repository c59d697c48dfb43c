"""The printable pages hide the site's navigation and fit on one A4 sheet."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.visits import new_context

PRINTABLE = ["/checklista/", "/en/checklista/", "/inbjudan/", "/en/inbjudan/"] + [
    f"{prefix}/mallar/{name}/" for prefix in ("", "/en") for name in
    ("vart-inspel", "remissvar", "dagordning", "aterkoppling", "inbjudan")]
NAVIGATION = [".md-header", ".md-tabs", ".md-sidebar", ".md-footer", ".md-top", ".md-search"]

_VISIBLE_NAVIGATION = """(selectors) => selectors.flatMap(selector =>
  [...document.querySelectorAll(selector)].filter(el => {
    const rect = el.getBoundingClientRect();
    return getComputedStyle(el).display !== 'none' && getComputedStyle(el).visibility !== 'hidden'
      && rect.width > 0 && rect.height > 0;
  }).map(() => selector))"""


def pdf_page_count(pdf: bytes) -> int:
    """Page objects in a PDF (Chromium writes them uncompressed: `/Type /Page`, not `/Pages`)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def test_pdf_page_count_counts_pages_not_the_page_tree() -> None:
    two_pages = b"<< /Type /Pages /Count 2 >> << /Type /Page >> << /Type/Page /Parent 1 0 R >>"
    assert pdf_page_count(two_pages) == 2


@pytest.fixture(scope="module")
def print_tab(chromium: Browser, site_server: str) -> Iterator[Page]:
    context = new_context(chromium, site_server, "desktop")
    page = context.new_page()
    page.emulate_media(media="print")
    yield page
    context.close()


@pytest.mark.parametrize("path", PRINTABLE)
def test_printable_page_hides_navigation_and_fits_one_a4_sheet(
    print_tab: Page, site_server: str, path: str
) -> None:
    print_tab.goto(site_server + path.lstrip("/"))
    visible = print_tab.evaluate(_VISIBLE_NAVIGATION, NAVIGATION)
    assert not visible, f"{path} in print: navigation still shows: {sorted(set(visible))}"
    pages = pdf_page_count(print_tab.pdf(format="A4"))
    assert pages == 1, f"{path} prints on {pages} A4 pages; it must fit on one"
