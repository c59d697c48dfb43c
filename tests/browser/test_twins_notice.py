"""The notice on an English page whose Swedish page has changed (scripts/twins.py), as a reader
meets it: at the top of the article, accessible (axe), and leading to the Swedish page.

The built site's twins are all current, so the notice that the generator writes for an outdated
twin is put where its include line puts it, before the page's heading, on the real built page."""

from __future__ import annotations

import dataclasses

import pytest
from playwright.sync_api import Browser

from scripts import twins
from scripts.paths import DOCS
from tests.browser.visits import VIEWPORTS, axe_violations, describe_violations, new_context


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_the_outdated_notice_is_accessible_and_leads_to_the_swedish_page(
        chromium: Browser, site_server: str, viewport: str) -> None:
    [current] = [t for t in twins.read() if t.english == DOCS / "ansvar.en.md"]
    outdated = dataclasses.replace(current, record="0" * twins.HASH_LENGTH)
    assert outdated.outdated
    context = new_context(chromium, site_server, viewport)
    try:
        page = context.new_page()
        page.goto(site_server + "en/ansvar/")
        page.evaluate("(html) => document.querySelector('article h1').insertAdjacentHTML('beforebegin', html)",
                      twins.notice(outdated))
        notice = page.locator('main article [data-translation-status="outdated"]')
        assert notice.is_visible()
        assert "This translation may be out of date" in notice.inner_text()
        violations = axe_violations(page)
        assert not violations, describe_violations("/en/ansvar/ with the notice", viewport, violations)
        notice.get_by_role("link").click()
        page.wait_for_load_state()
        assert page.url == site_server + "ansvar/"
        assert page.locator("html").get_attribute("lang") == "sv"
    finally:
        context.close()
