"""Every page has a title and a description, and the description reaches the meta description."""

from __future__ import annotations

from pathlib import Path

from scripts import frontmatter
from scripts.pages_server import page_path_for_source
from tests.html_pages import built_pages, page_facts, url_path
from tests.minisite import copy_minisite, replace_in
from tests.site_config import site_descriptions
from tests.sitebuild import BuiltSite


def test_every_page_has_a_title_and_a_description() -> None:
    errors = frontmatter.check_all()
    assert not errors, "\n".join(map(str, errors))


def test_front_matter_that_is_not_valid_yaml_is_named_with_its_line(tmp_path: Path) -> None:
    site = copy_minisite(tmp_path)
    replace_in(site / "docs" / "guide.md", "description: En guide med avsnitt.",
               "description: En guide: med avsnitt: och kolon")
    errors = [str(e) for e in frontmatter.check_all(site / "docs")]
    assert len(errors) == 1
    assert "guide.md:3: the front matter is not valid YAML" in errors[0]
    assert "What to do" in errors[0]


def test_a_missing_description_is_named_with_file_and_field(tmp_path: Path) -> None:
    site = copy_minisite(tmp_path)
    replace_in(site / "docs" / "index.en.md", "description: The home page of the mini site.\n", "")
    errors = [str(e) for e in frontmatter.check_all(site / "docs")]
    assert len(errors) == 1
    assert "index.en.md:2: the field 'description' is missing" in errors[0]


def test_each_page_s_meta_description_is_its_own_front_matter_description(built_site: BuiltSite) -> None:
    site = built_site.site_dir
    sources = {page_path_for_source(md): md for md in frontmatter.markdown_pages()}
    # The theme falls back to the language's site_description: a page that lost its own
    # description still has a meta description, so the test compares with the source.
    fallbacks = site_descriptions()
    for page in built_pages(site):
        path = url_path(site, page)
        assert path in sources, f"{path}: built, but no Markdown file in docs/ becomes it"
        own = frontmatter.read(sources[path]).meta.get("description")
        assert own, f"{path}: {sources[path].name} has no description"
        meta = page_facts(page).meta.get("description")
        assert meta == own, f"{path}: meta description {meta!r}, front matter says {own!r}"
        language = "en" if path.startswith("/en/") else "sv"
        assert meta != fallbacks[language], f"{path}: the meta description is the site's, not the page's"
        assert "Sidan skrivs" not in meta, f"{path}: the description is still the placeholder"
