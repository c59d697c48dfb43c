"""Term help in each language: every page includes its language's terms, and the built pages
explain terms in the page's language with a link to the glossary entry that works without JavaScript."""

from __future__ import annotations

import html
import re
from urllib.parse import urljoin

import markdown

from scripts import glossary
from scripts.paths import DOCS
from tests.html_pages import built_pages, url_path
from tests.sitebuild import BuiltSite

# data-more, the label of the link in the explanation, is on the page's first term only.
TERM_LINK = re.compile(r'<a class="term"(?: data-more="([^"]*)")? href="([^"]+)" title="([^"]+)">([^<]+)</a>')
GLOSSARY_PAGES = {"ordlista.md", "ordlista.en.md"}  # the entries themselves need no term help


def include_line(language: str) -> str:
    return f'--8<-- "generated/terms.{language}.md"'


def test_every_page_but_the_glossary_ends_by_including_its_own_languages_terms() -> None:
    wrong = []
    for page in sorted(DOCS.rglob("*.md")):
        if page.name in GLOSSARY_PAGES:
            continue
        language = "en" if page.name.endswith(".en.md") else "sv"
        last = page.read_text(encoding="utf-8").rstrip().splitlines()[-1]
        if last != include_line(language):
            wrong.append(f"{page.relative_to(DOCS.parent)}: add this as the last line: {include_line(language)}")
    assert not wrong, "\n".join(wrong)


def convert(text: str) -> str:
    return markdown.markdown(text, extensions=["scripts.term_help"])


DEFINITIONS = (
    "*[]: Read more in the glossary\n"
    "*[kulturplan](/ordlista.en.md#kulturplan): The region's plan.\n"
    "*[kulturplanen](/ordlista.en.md#kulturplan): The region's plan.\n"
    "*[regional cultural plan](/ordlista.en.md#kulturplan): The region's plan.\n"
    "*[remiss](/ordlista.en.md#remiss): A draft sent out.\n"
)


def test_only_the_first_use_of_each_entry_is_marked_outside_headings_links_and_code() -> None:
    out = convert("# A kulturplan\n\nSee `kulturplan` and [kulturplan](x.md). The *kulturplanen* (regional"
                  " cultural plan) and a remiss, then kulturplan and remiss again.\n\n" + DEFINITIONS)
    links = TERM_LINK.findall(out)
    assert [(href, word) for _, href, _, word in links] == [
        ("/ordlista.en.md#kulturplan", "kulturplanen"), ("/ordlista.en.md#remiss", "remiss")]
    assert links[0][0] == "Read more in the glossary" and links[0][2] == "The region's plan."
    assert links[1][0] == "", "the label is sent once per page, on the first term"
    assert "<h1>A kulturplan</h1>" in out and "<code>kulturplan</code>" in out
    assert "*[" not in out  # the definitions leave no trace
    assert "kulturplanens" not in out and convert("kulturplanens\n\n" + DEFINITIONS).count("class=\"term\"") == 0


def test_a_page_without_the_include_line_gets_no_term_help() -> None:
    assert 'class="term"' not in convert("A kulturplan.\n")


def term_links(page_html: str) -> list[tuple[str, str, str, str]]:
    return [tuple(html.unescape(part) for part in link) for link in TERM_LINK.findall(page_html)]


def test_built_pages_explain_terms_in_their_own_language_and_link_to_that_languages_glossary(
    built_site: BuiltSite,
) -> None:
    terms = glossary.read().terms
    explanations = {lang: {t.definition[lang]: t.id for t in terms} for lang in ("sv", "en")}
    english_with_help, problems = [], []
    for page in built_pages(built_site.site_dir):
        path = url_path(built_site.site_dir, page)
        language = "en" if path.startswith("/en/") else "sv"
        links = term_links(page.read_text(encoding="utf-8"))
        if language == "en" and links:
            english_with_help.append(path)
        label = "Read more in the glossary" if language == "en" else "Läs mer i ordlistan"
        labels = [more for more, _, _, _ in links]
        if links and labels != [label] + [""] * (len(links) - 1):
            problems.append(f"{path}: the link label should be on the first term only, as {label!r}: {labels}")
        for more, href, title, word in links:
            entry = explanations[language].get(title)
            if entry is None:
                problems.append(f"{path}: '{word}' is explained in the other language: {title}")
            elif urljoin(path, href) != f"{'/en' if language == 'en' else ''}/ordlista/#{entry}":
                problems.append(f"{path}: '{word}' links to {href}, not its entry in this language's glossary")
    assert not problems, "\n".join(problems)
    # Every English page except the glossary, the 404 page and pages with no glossary term.
    print(f"English pages with term help in English: {len(english_with_help)}")
    assert len(english_with_help) >= 30, english_with_help


def test_without_javascript_a_term_is_a_link_to_its_entry_in_the_pages_language(built_site: BuiltSite) -> None:
    site = built_site.site_dir
    en = term_links((site / "en" / "ansvar" / "index.html").read_text(encoding="utf-8"))
    sv = term_links((site / "ansvar" / "index.html").read_text(encoding="utf-8"))
    assert ("../ordlista/#kulturskola", "kulturskola") in [(href, word) for _, href, _, word in en]
    assert all(href.startswith("../ordlista/#") for _, href, _, _ in en + sv)
    # The English page's ../ordlista/ is /en/ordlista/: each entry exists there, with its anchor.
    english_glossary = (site / "en" / "ordlista" / "index.html").read_text(encoding="utf-8")
    swedish_glossary = (site / "ordlista" / "index.html").read_text(encoding="utf-8")
    for _, href, _, _ in en:
        assert f'id="{href.split("#")[1]}"' in english_glossary
    for _, href, _, _ in sv:
        assert f'id="{href.split("#")[1]}"' in swedish_glossary
    assert "../ordlista/#kulturskola" in [href for _, href, _, _ in sv]
