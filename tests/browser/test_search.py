"""Search finds pages by inflected Swedish words, in the reader's language only, on desktop and phone."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import Browser, Page

from scripts.pages_server import language_of
from tests.browser.search_ui import open_search, search
from tests.browser.visits import VIEWPORTS, Recorder, new_context
from tests.sitebuild import BuiltSite

QUERIES_FILE = Path(__file__).parent.parent / "search_queries.yml"
QUERIES: list[dict[str, str]] = yaml.safe_load(QUERIES_FILE.read_text(encoding="utf-8"))
START = {"sv": "/", "en": "/en/"}
SEARCH_RECORDERS: dict[tuple[str, str], Recorder] = {}


@pytest.fixture(scope="module")
def search_tabs(chromium: Browser, site_server: str) -> Iterator[dict[tuple[str, str], Page]]:
    """One open search per (language, viewport), reused by every query."""
    tabs: dict[tuple[str, str], Page] = {}
    contexts = []
    SEARCH_RECORDERS.clear()
    for viewport in VIEWPORTS:
        context = new_context(chromium, site_server, viewport)
        contexts.append(context)
        for language, start in START.items():
            page = context.new_page()
            SEARCH_RECORDERS[(language, viewport)] = Recorder(page)
            page.goto(site_server + start.lstrip("/"))
            open_search(page, viewport)
            tabs[(language, viewport)] = page
    yield tabs
    for context in contexts:
        context.close()


def run(tabs: dict[tuple[str, str], Page], site_server: str, language: str, viewport: str,
        query: str) -> list[str]:
    return search(tabs[(language, viewport)], query, urlsplit(site_server).path)


def test_query_file_names_real_pages() -> None:
    from tests.browser.conftest import PAGES

    unknown = [q for q in QUERIES if q["expect"] not in PAGES]
    assert not unknown, f"{QUERIES_FILE.name}: expected pages that do not exist: {unknown}"
    wrong_language = [q for q in QUERIES if language_of(q["expect"]) != q["lang"]]
    assert not wrong_language, f"{QUERIES_FILE.name}: expect must be in the query's language: {wrong_language}"


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize(
    "entry", QUERIES, ids=[f"{q['lang']}:{q['query']}" for q in QUERIES]
)
def test_reader_question_finds_the_page_in_the_top_three(
    search_tabs: dict[tuple[str, str], Page], site_server: str, entry: dict[str, str], viewport: str
) -> None:
    results = run(search_tabs, site_server, entry["lang"], viewport, entry["query"])
    assert entry["expect"] in results[:3], (
        f"searching {entry['query']!r} on {START[entry['lang']]} at {viewport}: expected "
        f"{entry['expect']} in the top three, got {results[:5]}"
    )


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("language", list(START))
def test_reader_gets_results_only_in_the_page_language(
    search_tabs: dict[tuple[str, str], Page], site_server: str, language: str, viewport: str
) -> None:
    # Words that occur in both languages' pages (names, Swedish terms kept in the English text).
    for query in ("kulturplan", "Ax", "region"):
        results = run(search_tabs, site_server, language, viewport, query)
        assert results, f"{query!r} on {START[language]} at {viewport}: no results at all"
        foreign = [path for path in results if language_of(path) != language]
        assert not foreign, (
            f"{query!r} on {START[language]} at {viewport}: results in the other language {foreign}"
        )


# Inflected forms that no Swedish page writes; only Swedish stemming can match them to pages.
UNWRITTEN_INFLECTIONS = ("kulturplanens", "föreningarnas")


def pages_writing(site_dir: Path, word: str) -> list[str]:
    """The Swedish search index's sections that contain the word itself, as a whole word."""
    index = json.loads((site_dir / "search" / "search_index.sv.json").read_text(encoding="utf-8"))
    pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)
    return [doc["location"] for doc in index["docs"] if pattern.search(f"{doc['title']} {doc['text']}")]


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_swedish_inflected_forms_that_no_page_writes_still_find_pages(
    search_tabs: dict[tuple[str, str], Page], site_server: str, built_site: BuiltSite, viewport: str
) -> None:
    for query in UNWRITTEN_INFLECTIONS:
        # The premise: if a page writes the form itself, plain matching finds it and the test
        # would pass without stemming.
        written = pages_writing(built_site.site_dir, query)
        assert not written, (
            f"{query!r} is written on {written}, so it no longer proves stemming: "
            f"pick another inflected form in UNWRITTEN_INFLECTIONS"
        )
        results = run(search_tabs, site_server, "sv", viewport, query)
        assert results, f"{query!r} at {viewport}: no results, so Swedish stemming is not applied"


# Last in this module: it looks back at everything the searches above did.
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("language", list(START))
def test_searching_loads_only_from_the_site_stores_nothing_and_logs_no_errors(
    search_tabs: dict[tuple[str, str], Page], site_server: str, language: str, viewport: str
) -> None:
    page = search_tabs[(language, viewport)]
    run(search_tabs, site_server, language, viewport, "kulturplan")
    recorder = SEARCH_RECORDERS[(language, viewport)]
    where = f"searching on {START[language]} at {viewport}"
    foreign = [url for url in recorder.requests if not url.startswith(site_server)]
    assert not foreign, f"{where}: requests to other origins {foreign}"
    assert not recorder.failed, f"{where}: failed requests {recorder.failed}"
    assert not recorder.console_errors, f"{where}: console errors {recorder.console_errors}"
    stored = page.evaluate("() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)]")
    assert not stored and not page.context.cookies(), f"{where}: stores {stored} {page.context.cookies()}"
