"""Addresses that can be typed from a printed invitation, on a site served under a sub-path."""

from __future__ import annotations

import re

from tests.html_pages import built_pages, page_facts, url_path
from tests.sitebuild import BuiltSite

TYPABLE = re.compile(r"^/([a-z0-9-]+/)*$")


def test_every_built_url_is_lowercase_ascii(built_site: BuiltSite) -> None:
    site = built_site.site_dir
    bad = [url_path(site, page) for page in built_pages(site) if not TYPABLE.match(url_path(site, page))]
    assert not bad, f"URLs that cannot be typed from print: {bad}"


def test_every_heading_anchor_is_lowercase_ascii(built_site: BuiltSite) -> None:
    site = built_site.site_dir
    bad = {
        f"{url_path(site, page)}#{anchor}"
        for page in built_pages(site)
        for anchor in page_facts(page).heading_ids
        if not re.fullmatch(r"[a-z0-9_-]+", anchor)
    }
    assert not bad, f"anchors that cannot be typed: {sorted(bad)}"


def test_hreflang_links_are_absolute_with_an_x_default(built_site: BuiltSite) -> None:
    site = built_site.site_dir
    for path in ("/", "/ansvar/", "/en/", "/en/ansvar/"):
        alternates = {a["hreflang"]: a["href"] for a in page_facts(site / path.strip("/") / "index.html").alternates}
        swedish = path.removeprefix("/en")
        assert alternates == {
            "sv": built_site.site_url + swedish.lstrip("/"),
            "en": built_site.site_url + "en" + swedish,
            "x-default": built_site.site_url + swedish.lstrip("/"),
        }, path


def test_the_search_dialog_has_an_accessible_name(built_site: BuiltSite) -> None:
    assert page_facts(built_site.site_dir / "index.html").search_dialog.get("aria-label") == "Sök"
    assert page_facts(built_site.site_dir / "en" / "index.html").search_dialog.get("aria-label") == "Search"


def test_the_404_page_is_bilingual_with_absolute_links(built_site: BuiltSite) -> None:
    html = (built_site.site_dir / "404.html").read_text(encoding="utf-8")
    assert "Sidan finns inte" in html and "Page not found" in html
    assert f'href="{built_site.site_url}en/"' in html
    assert not (built_site.site_dir / "en" / "404.html").exists()


def test_heading_links_are_titled_in_the_page_language(built_site: BuiltSite) -> None:
    swedish = (built_site.site_dir / "ansvar" / "index.html").read_text(encoding="utf-8")
    english = (built_site.site_dir / "en" / "ansvar" / "index.html").read_text(encoding="utf-8")
    assert 'title="Länk till det här avsnittet"' in swedish
    assert 'title="Link to this section"' in english and "Länk till det här" not in english
