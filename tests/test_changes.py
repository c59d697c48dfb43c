"""The Ändringar page and its feeds: data/changes.yml, the list, the Atom feeds, and "Senast granskad".

Fixture pages in tests/fixtures/changes/docs: index (reviewed 2026-11-25, covered by "*"),
modellen and lardomar/mat (reviewed 2026-12-03, covered by the newer change).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from xml.etree import ElementTree

import pytest

from scripts import changes
from scripts.errors import InputErrors
from scripts.paths import DATA, DOCS
from tests.html_pages import built_pages
from tests.sitebuild import BuiltSite

FIXTURES = Path(__file__).parent / "fixtures" / "changes"
FIXTURE_DOCS = FIXTURES / "docs"
BASE = "https://example.org/kultursamverkan/"
NAMES = {"sv": "Webbplatsen", "en": "The site"}
A = "{http://www.w3.org/2005/Atom}"


def rendered(tmp_path: Path, data: Path = FIXTURES / "valid.yml") -> dict[str, str]:
    found = changes.render(changes.read(data, FIXTURE_DOCS), BASE, NAMES, tmp_path / "out", tmp_path / "docs")
    return {fragment.path.name: fragment.content.decode("utf-8") for fragment in found}


def problems(data: Path, docs: Path = FIXTURE_DOCS) -> str:
    with pytest.raises(InputErrors) as raised:
        changes.read(data, docs)
    return "\n".join(str(error) for error in raised.value.errors)


def test_the_list_is_newest_first_with_a_time_element_and_a_titled_link_per_page(tmp_path: Path) -> None:
    text = rendered(tmp_path)["andringar.sv.md"]
    assert text.startswith("<!-- GENERATED from ")
    times = re.findall(r'<time datetime="([0-9-]+)">([^<]+)</time>', text)
    assert times == [("2026-12-03", "3 december 2026"), ("2026-11-25", "25 november 2026")]
    assert "[Modellen på fem minuter](modellen.md), [Bjud på mat](lardomar/mat.md)" in text
    assert "Alla sidor" in text
    assert text.index("Nya siffror för 2027.") < text.index("Första versionen.")
    assert "{#andring-2026-12-03-modellen}" in text and "{#andring-2026-11-25-alla}" in text


def test_the_english_list_has_english_dates_titles_and_texts(tmp_path: Path) -> None:
    text = rendered(tmp_path)["andringar.en.md"]
    assert '<time datetime="2026-12-03">3 December 2026</time>' in text
    assert "[The model in five minutes](modellen.md), [Serve food](lardomar/mat.md)" in text
    assert "New figures for 2027." in text and "Nya siffror" not in text


@pytest.mark.parametrize(("language", "file", "root"), [("sv", "andringar.xml", BASE),
                                                        ("en", "andringar.en.xml", BASE + "en/")])
def test_the_feed_is_atom_with_absolute_links_under_the_site_address(
    tmp_path: Path, language: str, file: str, root: str
) -> None:
    feed = ElementTree.fromstring(rendered(tmp_path)[file].encode("utf-8"))
    assert feed.tag == f"{A}feed"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == language
    assert feed.findtext(f"{A}id") == root + "andringar/"
    assert feed.findtext(f"{A}title") and feed.findtext(f"{A}author/{A}name") == NAMES[language]
    assert feed.findtext(f"{A}updated") == "2026-12-03T00:00:00Z"
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{A}link")}
    assert links == {"self": root + "andringar.xml", "alternate": root + "andringar/"}
    entries = feed.findall(f"{A}entry")
    assert [entry.findtext(f"{A}updated") for entry in entries] == ["2026-12-03T00:00:00Z",
                                                                    "2026-11-25T00:00:00Z"]
    for entry in entries:
        assert entry.findtext(f"{A}id").startswith(root + "andringar/#andring-")
        assert entry.findtext(f"{A}title") and entry.findtext(f"{A}content")
    first = [(link.get("rel"), link.get("href")) for link in entries[0].findall(f"{A}link")]
    assert first == [("alternate", root + "modellen/"), ("related", root + "lardomar/mat/")]
    assert entries[1].find(f"{A}link").get("href") == root
    hrefs = [link.get("href") for link in feed.iter(f"{A}link")]
    assert all(href.startswith(root) for href in hrefs)


@pytest.mark.parametrize(
    ("fixture", "line", "words"),
    [
        ("malformed-date.yml", 6, ["'2026-13-03' is not a date", "YYYY-MM-DD"]),
        ("unknown-page.yml", 7, ["unknown page 'lardomar/maten.md'", "Swedish file under docs/"]),
        ("missing-english.yml", 6, ["the English text 'en:' is missing", "both languages"]),
        ("empty-pages.yml", 7, ["the 'pages' list is missing or empty", '"*"']),
        ("empty-list.yml", 1, ["must be a list with at least one change"]),
    ],
)
def test_bad_changes_file_fails_with_file_line_and_what_to_do(fixture: str, line: int, words: list[str]) -> None:
    text = problems(FIXTURES / fixture)
    assert f"{fixture}:{line}: " in text
    assert "What to do:" in text
    for word in words:
        assert word in text


def test_every_problem_of_a_change_is_reported_at_once() -> None:
    text = problems(FIXTURES / "several-problems.yml")
    assert "several-problems.yml:6: the change on line 6: '3 december 2026' is not a date" in text
    assert "several-problems.yml:7: the change on line 6: unknown page 'modellen.en.md'" in text
    assert "name the Swedish file" in text
    assert "several-problems.yml:6: the change on line 6: the Swedish text 'sv:' is missing" in text


def copy_docs(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    shutil.copytree(FIXTURE_DOCS, docs)
    return docs


def test_a_page_whose_reviewed_date_moved_without_an_entry_fails_with_its_line(tmp_path: Path) -> None:
    docs = copy_docs(tmp_path)
    page = docs / "index.en.md"
    page.write_text(page.read_text(encoding="utf-8").replace("reviewed: 2026-11-25", "reviewed: 2026-12-10"),
                    encoding="utf-8")
    text = problems(FIXTURES / "valid.yml", docs)
    assert "index.en.md:4: 'reviewed: 2026-12-10' does not match" in text
    assert "dated 2026-11-25" in text
    assert "add an entry to" in text and "'date: 2026-12-10', 'pages: [index.md]'" in text
    assert "set 'reviewed:' back to 2026-11-25" in text


def test_an_entry_newer_than_the_page_s_reviewed_date_fails_too(tmp_path: Path) -> None:
    docs = copy_docs(tmp_path)
    page = docs / "lardomar" / "mat.md"
    page.write_text(page.read_text(encoding="utf-8").replace("2026-12-03", "2026-11-25"), encoding="utf-8")
    text = problems(FIXTURES / "valid.yml", docs)
    assert "mat.md:4: 'reviewed: 2026-11-25' does not match" in text and "dated 2026-12-03" in text


def test_a_page_without_a_reviewed_date_fails_naming_the_page(tmp_path: Path) -> None:
    docs = copy_docs(tmp_path)
    page = docs / "modellen.md"
    page.write_text(page.read_text(encoding="utf-8").replace("reviewed: 2026-12-03\n", ""), encoding="utf-8")
    text = problems(FIXTURES / "valid.yml", docs)
    assert "modellen.md:2: the page has no 'reviewed:' date" in text


def test_every_real_page_s_reviewed_date_matches_data_changes() -> None:
    found = changes.read(DATA / "changes.yml", DOCS)
    assert found.entries, "data/changes.yml has no entries"
    assert found.entries == sorted(found.entries, key=lambda entry: entry.date, reverse=True)


def test_the_first_change_is_the_first_version_for_every_page() -> None:
    oldest = changes.read(DATA / "changes.yml", DOCS).entries[-1]
    assert (oldest.date.isoformat(), oldest.pages) == ("2026-11-25", ("*",))


def test_the_built_feeds_are_atom_under_site_url_and_linked_from_the_changes_page(built_site: BuiltSite) -> None:
    site = built_site.site_dir
    for root, prefix in ((built_site.site_url, ""), (built_site.site_url + "en/", "en/")):
        feed = ElementTree.parse(site / prefix / "andringar.xml").getroot()
        assert feed.tag == f"{A}feed"
        assert all(link.get("href").startswith(root) for link in feed.iter(f"{A}link"))
        page = (site / prefix / "andringar" / "index.html").read_text(encoding="utf-8")
        assert '<time datetime="2026-11-25">' in page
        assert 'href="../andringar.xml"' in page
    assert not (site / "en" / "andringar.en.xml").exists()


def test_every_page_links_the_feed_of_its_own_language_in_its_head(built_site: BuiltSite) -> None:
    site = built_site.site_dir
    feed_link = re.compile(r'<link rel="alternate" type="application/atom\+xml"[^>]* href="([^"]+)"')
    for page in built_pages(site):
        english = page.relative_to(site).parts[0] == "en"
        hrefs = feed_link.findall(page.read_text(encoding="utf-8").split("</head>")[0])
        expected = built_site.site_url + ("en/" if english else "") + "andringar.xml"
        assert hrefs == [expected], page
