"""A missing address shows the not-found page in the language its path implies (/en/... -> English)."""

from __future__ import annotations

import re

import pytest

from tests.browser.visits import Visitor, describe_violations

NOT_FOUND = [
    pytest.param("/nope/", "sv", re.compile(r"finns inte|hittar ingen", re.I), id="sv"),
    pytest.param("/en/nope/", "en", re.compile(r"not found|no page", re.I), id="en"),
    pytest.param("/en/deeper/still/nope/", "en", re.compile(r"not found|no page", re.I), id="en-deep"),
]


@pytest.mark.parametrize(("path", "language", "wording"), NOT_FOUND)
@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_missing_page_shows_not_found_in_the_path_language(
    visitor: Visitor, path: str, language: str, wording: re.Pattern[str], viewport: str
) -> None:
    visit = visitor.visit(path, viewport, expect_status=404)
    assert visit.status == 404, f"{path}: expected HTTP 404, got {visit.status}"
    assert visit.html_lang == language, f"{path}: <html lang={visit.html_lang!r}>, expected {language}"
    assert wording.search(visit.h1), f"{path}: the heading {visit.h1!r} is not the {language} not-found text"
    home = {"sv": "/", "en": "/en/"}
    other = "en" if language == "sv" else "sv"
    # A switcher is optional here (there is no twin of a missing page), but it must not lead to
    # some other page, as the theme's does when 404.html keeps the last-built page's links.
    assert visit.switcher.get(other) in (None, visitor.url(home[other])), (
        f"{path}: the language switcher's {other} link goes to {visit.switcher.get(other)}; "
        f"on a not-found page it should lead to the {other} start page {visitor.url(home[other])}"
    )
    stale = {lang: href for lang, href in visit.alternates.items() if "/nope/" not in href}
    assert not stale, f"{path}: <link rel=alternate> names another page: {stale}"
    if visit.violations:
        pytest.fail(describe_violations(path, viewport, visit.violations), pytrace=False)
    assert not visit.failed_requests, f"{path}: failed requests {visit.failed_requests}"
    assert not visit.console_errors, f"{path}: console errors {visit.console_errors}"
    assert visit.scroll_width <= visit.inner_width, f"{path} scrolls sideways at {viewport}"
