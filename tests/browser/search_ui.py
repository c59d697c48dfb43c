"""Driving the theme's search box the way a reader does, and reading the result list."""

from __future__ import annotations

from urllib.parse import urlsplit

from playwright.sync_api import Page

# Material shows "Initialiserar sök"/"Initializing search" and then a prompt until a query has
# run; after it, a count ("3 matchande dokument") or "Inga matchande dokument"/"No matching ...".
_RESULTS_SHOWN = """() => {
  const meta = document.querySelector('.md-search-result__meta');
  return meta && /\\d|inga|no match/i.test(meta.textContent);
}"""
_PROMPT_SHOWN = """() => {
  const meta = document.querySelector('.md-search-result__meta');
  return meta && !/\\d|inga|no match/i.test(meta.textContent);
}"""
_RESULT_LINKS = """() => [...document.querySelectorAll('.md-search-result__item')]
  .map(item => item.querySelector('a.md-search-result__link'))
  .filter(Boolean).map(a => a.href)"""


def open_search(page: Page, viewport: str) -> None:
    """Open the search the way a reader would: the header's search icon on a phone, the box on a desktop."""
    if viewport == "phone":
        page.locator('label.md-header__button[for="__search"]').click()
    else:
        page.locator(".md-search__input").click()
    page.locator(".md-search__input").wait_for(state="visible")


def search(page: Page, query: str, site_path: str) -> list[str]:
    """Type a query into the open search; return the result pages as paths below the site root."""
    box = page.locator(".md-search__input")
    # The theme searches on keyup, so every change ends with a key press.
    box.fill("")
    box.press("End")
    page.wait_for_function(_PROMPT_SHOWN, timeout=10_000)
    box.fill(query)
    box.press("End")
    page.wait_for_function(_RESULTS_SHOWN, timeout=10_000)
    paths = []
    for href in page.evaluate(_RESULT_LINKS):
        path = urlsplit(href).path
        paths.append("/" + path[len(site_path) :] if path.startswith(site_path) else path)
    return paths
