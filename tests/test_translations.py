"""Every page exists in Swedish and English, and the English pages are really English."""

from __future__ import annotations

from pathlib import Path

from scripts import translations
from tests.html_pages import article_text, built_pages, page_facts, url_path
from tests.minisite import copy_minisite
from tests.sitebuild import BuiltSite


def test_every_swedish_page_has_an_english_twin_and_the_reverse() -> None:
    errors = translations.check()
    assert not errors, "\n".join(map(str, errors))


def test_a_swedish_page_without_its_english_twin_is_named(tmp_path: Path) -> None:
    site = copy_minisite(tmp_path)
    (site / "docs" / "guide.en.md").unlink()
    errors = [str(e) for e in translations.check(site / "docs")]
    assert len(errors) == 1
    assert "guide.md: this Swedish page has no English twin" in errors[0]
    assert "guide.en.md" in errors[0]


def test_an_english_page_that_repeats_the_swedish_text_is_named(tmp_path: Path) -> None:
    site = copy_minisite(tmp_path)
    swedish = (site / "docs" / "guide.md").read_text(encoding="utf-8")
    (site / "docs" / "guide.en.md").write_text(
        swedish.replace("title: Guide", "title: Guide in English"), encoding="utf-8"
    )
    errors = [str(e) for e in translations.check(site / "docs")]
    assert any("guide.en.md:5: the English page repeats the Swedish text" in e for e in errors)


def test_each_language_has_the_same_pages(built_site: BuiltSite) -> None:
    site = built_site.site_dir
    paths = {url_path(site, page) for page in built_pages(site)}
    swedish = {p for p in paths if not p.startswith("/en/")}
    english = {p.removeprefix("/en") for p in paths if p.startswith("/en/")}
    assert swedish == english


def test_english_pages_are_english_and_not_the_swedish_text(built_site: BuiltSite) -> None:
    site = built_site.site_dir
    for page in built_pages(site):
        path = url_path(site, page)
        expected = "en" if path.startswith("/en/") else "sv"
        assert page_facts(page).lang == expected, f"{path}: <html lang> is not {expected}"
        if expected == "en":
            # The article's text, not the whole HTML: <html lang>, the menu and the site name
            # always differ, so only the text shows whether the page itself was translated.
            text = article_text(page)
            twin = site / path.removeprefix("/en/") / "index.html"
            assert text, f"{path}: no article text found"
            untranslated = text == article_text(twin)
            assert not untranslated, f"{path}: the article is the Swedish text, untranslated"


def test_navigation_titles_are_translated(built_site: BuiltSite) -> None:
    site = built_site.site_dir
    swedish = page_facts(site / "index.html").nav_labels
    english = page_facts(site / "en" / "index.html").nav_labels
    assert len(swedish) == len(english) > 10
    same = [label for label, other in zip(swedish, english) if label == other]
    assert not same, f"navigation titles not translated: {same}"
