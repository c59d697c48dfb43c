"""Bad input: a page with an image without alt text and a skipped heading level fails, naming both."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Route

from tests.browser.visits import axe_violations, describe_violations, new_context
from tests.sitebuild import BuiltSite

PAGE = "/infor-dialogmotet/"


def broken_copy(html: str) -> str:
    """The built guide with an <img> without alt and an <h4> straight after the <h1>."""
    heading_end = html.index("</h1>") + len("</h1>")
    injected = '<h4>Hoppar över två nivåer</h4><p><img src="../assets/favicon.svg"></p>'
    return html[:heading_end] + injected + html[heading_end:]


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_guide_with_image_without_alt_and_skipped_heading_fails_naming_page_and_rules(
    chromium: Browser, site_server: str, built_site: BuiltSite, viewport: str
) -> None:
    original = (built_site.site_dir / PAGE.strip("/") / "index.html").read_text(encoding="utf-8")
    context = new_context(chromium, site_server, viewport)
    try:
        page = context.new_page()
        url = site_server + PAGE.lstrip("/")

        def serve_broken(route: Route) -> None:
            route.fulfill(status=200, content_type="text/html; charset=utf-8", body=broken_copy(original))

        page.route(url, serve_broken)
        page.goto(url)
        violations = axe_violations(page)
    finally:
        context.close()
    rules = {violation.rule for violation in violations}
    assert {"image-alt", "heading-order"} <= rules, f"axe found only {sorted(rules)}"
    message = describe_violations(PAGE, viewport, violations)
    assert message.startswith(f"{PAGE} at {viewport}:")
    assert "image-alt" in message and "heading-order" in message
    # The elements are named too, so a maintainer finds them.
    assert "> img" in message and "at h4" in message, message
