"""Lättläst: the key pages in easy-to-read Swedish under /lattlast/, with Easy Read English twins.

MTM's advice (Myndigheten för tillgängliga medier, data/sources.yml `mtm-lattlast`): short lines,
one idea per sentence, common words, no abbreviations. What a test can hold: LIX <= 30 on every
Swedish page, measured as the LIX <= 40 rule measures the guides; one sentence per line (the page
shows each line as a line of its own); no abbreviations; short English sentences; and readers can
find the pages from the start page and the accessibility statement.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

from scripts.errors import display_path
from scripts.lix import measure_site, over_limit
from scripts.paths import DOCS
from scripts.translations import english_twin
from tests.sitebuild import BuiltSite

LATTLAST = DOCS / "lattlast"
LATTLAST_LIX_LIMIT = 30.0
# UK government advice on Easy Read: sentences of no more than 10 to 15 words.
EASY_READ_MAX_WORDS = 15

WRAPPER_START = '<div class="lattlast" markdown>'
WRAPPER_END = "</div>"
SENTENCE_INSIDE_LINE = re.compile(r"[.!?][”\"')]*\s+[”\"(]?[A-ZÅÄÖ]")
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
ABBREVIATIONS = {
    "sv": re.compile(r"\b(t\.\s?ex|bl\.\s?a|m\.\s?m|o\.\s?s\.\s?v|osv|d\.\s?v\.\s?s|dvs|s\.\s?k|ca|resp|ev|fr\.\s?o\.\s?m"
                     r"|t\.\s?o\.\s?m|m\.\s?fl|mfl|p\.\s?g\.\s?a|pga|kr|st|nr|tel)\b\.?", re.IGNORECASE),
    "en": re.compile(r"\b(e\.\s?g|i\.\s?e|etc|approx|incl|tel|vs)\b\.|\b(eg|ie)\b", re.IGNORECASE),
}


def swedish_pages() -> list[Path]:
    return sorted(p for p in LATTLAST.glob("*.md") if not p.name.endswith(".en.md"))


def all_pages() -> list[Path]:
    return sorted(LATTLAST.glob("*.md"))


def reader_lines(page: Path) -> list[tuple[int, str]]:
    """The lines of the page's text (inside the lättläst wrapper), with their line numbers."""
    lines = page.read_text(encoding="utf-8").splitlines()
    assert WRAPPER_START in lines, (
        f"{display_path(page)}: the text is not inside {WRAPPER_START} ... {WRAPPER_END}; "
        "without it the page does not get the short lines of the lättläst layout"
    )
    start = lines.index(WRAPPER_START) + 1
    end = lines.index(WRAPPER_END, start)
    return [(number, lines[number - 1]) for number in range(start + 1, end + 1) if lines[number - 1].strip()]


def prose(line: str) -> str:
    """A line as the reader sees it: link text without its address, no Markdown marks."""
    line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)
    line = re.sub(r"\{#[^}]*\}", "", line)
    return re.sub(r"^\s*(#{1,6}|[-*+]|\d+\.)\s+", "", line).replace("**", "")


def test_there_is_an_entry_page_and_at_least_four_lattlast_pages_in_both_languages() -> None:
    pages = swedish_pages()
    assert LATTLAST / "index.md" in pages, "docs/lattlast/index.md, the entry page, is missing"
    assert len(pages) >= 5, f"only {len(pages)} Swedish pages under docs/lattlast/; the entry page and at least 4 more"
    missing = [display_path(english_twin(p)) for p in pages if not english_twin(p).exists()]
    assert not missing, f"Easy Read English twins missing: {missing}"


def test_every_lattlast_page_has_lix_at_most_30(built_site: BuiltSite) -> None:
    # Measured as the LIX <= 40 rule measures the guides: the built page's main text.
    scores = measure_site(built_site.site_dir, under="/lattlast/")
    assert len(scores) >= 5, f"only {len(scores)} built pages under /lattlast/: {sorted(scores)}"
    over = over_limit(scores, LATTLAST_LIX_LIMIT)
    assert not over, (
        f"{len(over)} lättläst page(s) above LIX {LATTLAST_LIX_LIMIT:.0f}; write shorter sentences and "
        "shorter words (measure with `python -m scripts.lix --under /lattlast/ --limit 30`):\n" + "\n".join(over)
    )


def test_each_sentence_is_on_a_line_of_its_own() -> None:
    # The lättläst layout shows each Markdown line as a line of its own (docs/assets/site.css), so a
    # line with two sentences would show as one long line.
    found = [f"{display_path(page)}:{number}: {line.strip()}"
             for page in all_pages() for number, line in reader_lines(page)
             if SENTENCE_INSIDE_LINE.search(prose(line))]
    assert not found, "put each sentence on a line of its own:\n" + "\n".join(found)


def test_no_abbreviations() -> None:
    found = []
    for page in all_pages():
        language = "en" if page.name.endswith(".en.md") else "sv"
        for number, line in reader_lines(page):
            match = ABBREVIATIONS[language].search(prose(line))
            if match:
                found.append(f"{display_path(page)}:{number}: {match.group(0)!r} in: {line.strip()}")
    assert not found, "write the words out (till exempel, for example):\n" + "\n".join(found)


def test_the_abbreviation_check_finds_the_common_ones() -> None:
    assert ABBREVIATIONS["sv"].search("Det kan t.ex. vara en kör.")
    assert ABBREVIATIONS["sv"].search("Det gäller bl.a. bibliotek.")
    assert not ABBREVIATIONS["sv"].search("Det kan till exempel vara en kör.")
    assert ABBREVIATIONS["en"].search("It can be a choir, e.g. in your town.")
    assert not ABBREVIATIONS["en"].search("It can be a choir, for example.")


def test_easy_read_english_sentences_are_short() -> None:
    long = []
    for page in LATTLAST.glob("*.en.md"):
        for number, line in reader_lines(page):
            for sentence in re.split(r"(?<=[.!?])\s+", prose(line)):
                if len(WORD.findall(sentence)) > EASY_READ_MAX_WORDS:
                    long.append(f"{display_path(page)}:{number}: {sentence}")
    assert not long, f"Easy Read sentences have at most {EASY_READ_MAX_WORDS} words:\n" + "\n".join(long)


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.in_article = 0
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.in_article += 1
        elif tag == "a" and self.in_article:
            self.hrefs.append(dict(attrs).get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self.in_article:
            self.in_article -= 1


def test_the_start_page_and_the_accessibility_statement_link_to_lattlast(built_site: BuiltSite) -> None:
    base = "http://site.example/kultursamverkan/"
    for language_prefix in ("", "en/"):
        target = urljoin(base, f"{language_prefix}lattlast/")
        for page in ("", "tillganglighet/"):
            path = f"{language_prefix}{page}"
            links = _Links()
            links.feed((built_site.site_dir / path / "index.html").read_text(encoding="utf-8"))
            resolved = {urljoin(urljoin(base, path), href) for href in links.hrefs}
            assert target in resolved, f"/{path}: no link to /{language_prefix}lattlast/ in the page's text"
