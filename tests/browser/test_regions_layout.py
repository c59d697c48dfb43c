"""The region directory on a phone: each county's municipalities read as one comma-separated text."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.browser.visits import new_context

# Where each municipality of Dalarna's list starts, and how far in from the list's own edge.
_ITEMS = """() => {
  const list = document.querySelector('#dalarna ~ .inline-list ul');
  const edge = list.getBoundingClientRect().left;
  return [...list.querySelectorAll('li')].map(li => {
    const rects = li.getClientRects(), first = rects[0], last = rects[rects.length - 1];
    return {text: li.textContent, top: Math.round(first.top), end: Math.round(last.top),
            indent: Math.round(first.left - edge)};
  });
}"""


@pytest.mark.parametrize("path", ["regioner/", "en/regioner/"])
def test_the_municipalities_run_on_as_text_at_360_px(chromium: Browser, site_server: str, path: str) -> None:
    context = new_context(chromium, site_server, "phone")
    page = context.new_page()
    page.goto(site_server + path)
    items = page.evaluate(_ITEMS)
    context.close()
    assert [item["text"] for item in items][:2] == ["Avesta kommun", "Borlänge kommun"]
    # As running text the first two share a line, and a wrapped line starts at the list's edge.
    assert items[0]["top"] == items[1]["top"], items[:2]
    line_starts = [item for before, item in zip(items, items[1:]) if item["top"] != before["end"]]
    assert line_starts, "a county of 15 municipalities should wrap at 360 px"
    assert all(item["indent"] <= 1 for item in [items[0], *line_starts]), items
