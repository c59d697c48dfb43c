"""Every built page, in both languages, at 1280 px and 360 px: accessible, private, right language."""

from __future__ import annotations

import pytest

from tests.browser.conftest import PAGES, page_params
from scripts.pages_server import built_pages, language_of, twin_of
from tests.browser.visits import Visitor, describe_violations, is_own_origin
from tests.sitebuild import BuiltSite

# What the theme may keep in the reader's browser. Seen on every page, after a search and after
# using the language switcher (2026-11-25): nothing at all, in localStorage or sessionStorage.
# Material writes keys scoped to the site's path (e.g. "/kultursamverkan/.__palette") only for
# features this site leaves off: the palette toggle, the cookie consent, linked content tabs, and
# the GitHub repository facts (removed in overrides/partials/source.html). A feature that needs a
# key must add it here, with the reason.
ALLOWED_LOCAL_STORAGE: frozenset[str] = frozenset()
ALLOWED_SESSION_STORAGE: frozenset[str] = frozenset()


def test_every_built_page_is_checked(built_site: BuiltSite) -> None:
    built = built_pages(built_site.site_dir)
    assert built == PAGES, (
        "the browser tests check the pages made from docs/, but the build has a different set;\n"
        f"  built, not checked: {sorted(set(built) - set(PAGES))}\n"
        f"  checked, not built: {sorted(set(PAGES) - set(built))}"
    )


@pytest.mark.parametrize(("path", "viewport"), page_params(PAGES))
def test_page_has_no_accessibility_violations(visitor: Visitor, path: str, viewport: str) -> None:
    visit = visitor.visit(path, viewport)
    if visit.violations:
        pytest.fail(describe_violations(path, viewport, visit.violations), pytrace=False)


@pytest.mark.parametrize(("path", "viewport"), page_params(PAGES))
def test_page_loads_only_from_the_site_without_errors(
    visitor: Visitor, path: str, viewport: str
) -> None:
    visit = visitor.visit(path, viewport)
    assert visit.status == 200, f"{path}: HTTP {visit.status}"
    foreign = [url for url in visit.requests if not is_own_origin(url, visitor.base_url)]
    assert not foreign, f"{path} at {viewport} requests other origins: {foreign}"
    assert not visit.failed_requests, f"{path} at {viewport}: failed requests {visit.failed_requests}"
    assert not visit.console_errors, f"{path} at {viewport}: console errors {visit.console_errors}"


@pytest.mark.parametrize(("path", "viewport"), page_params(PAGES))
def test_page_stores_nothing_but_theme_settings(visitor: Visitor, path: str, viewport: str) -> None:
    visit = visitor.visit(path, viewport)
    assert not visit.cookies, f"{path} sets cookies: {visit.cookies}"
    unexpected = sorted(set(visit.local_storage) - ALLOWED_LOCAL_STORAGE)
    assert not unexpected, (
        f"{path} at {viewport} writes localStorage keys beyond the allow-list: {unexpected}"
    )
    unexpected = sorted(set(visit.session_storage) - ALLOWED_SESSION_STORAGE)
    assert not unexpected, (
        f"{path} at {viewport} writes sessionStorage keys beyond the allow-list: {unexpected}"
    )


@pytest.mark.parametrize(("path", "viewport"), page_params(PAGES, ("phone",)))
def test_page_does_not_scroll_sideways_on_a_phone(visitor: Visitor, path: str, viewport: str) -> None:
    visit = visitor.visit(path, viewport)
    assert visit.scroll_width <= visit.inner_width, (
        f"{path} at 360 px is {visit.scroll_width} px wide: readers must scroll sideways"
    )


@pytest.mark.parametrize(("path", "viewport"), page_params(PAGES, ("desktop",)))
def test_page_language_and_switcher_lead_to_the_twin_and_back(
    visitor: Visitor, path: str, viewport: str
) -> None:
    visit = visitor.visit(path, viewport)
    language = language_of(path)
    other = "sv" if language == "en" else "en"
    assert visit.html_lang == language, f"{path}: <html lang={visit.html_lang!r}>, expected {language}"
    assert visit.switcher.get(other) == visitor.url(twin_of(path)), (
        f"{path}: the language switcher's {other} link goes to {visit.switcher.get(other)}, "
        f"expected {visitor.url(twin_of(path))}"
    )
    twin = visitor.visit(twin_of(path), viewport)
    assert twin.switcher.get(language) == visitor.url(path), (
        f"{twin_of(path)}: the switcher's {language} link goes to {twin.switcher.get(language)}, "
        f"expected back to {visitor.url(path)}"
    )


@pytest.mark.parametrize(("path", "viewport"), page_params(PAGES, ("desktop",)))
def test_page_has_a_skip_link_to_its_content(visitor: Visitor, path: str, viewport: str) -> None:
    visit = visitor.visit(path, viewport)
    assert visit.skip_target == "content", (
        f"{path}: the skip link (a.md-skip) must lead into the content; found: "
        f"{visit.skip_target or 'no skip link (the theme writes one only when the page has a heading)'}"
    )


@pytest.mark.parametrize(("path", "viewport"), page_params(PAGES, ("desktop",)))
def test_page_hreflang_alternates_are_absolute_with_x_default(
    visitor: Visitor, path: str, viewport: str
) -> None:
    visit = visitor.visit(path, viewport)
    swedish = path if language_of(path) == "sv" else twin_of(path)
    expected = {
        "sv": visitor.url(swedish),
        "en": visitor.url(twin_of(swedish)),
        "x-default": visitor.url(swedish),
    }
    assert visit.alternates == expected, (
        f"{path}: <link rel=alternate hreflang> must be absolute with x-default (Lighthouse "
        f"rejects relative ones); found {visit.alternates}"
    )
