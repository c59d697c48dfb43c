"""Browser fixtures: the built site served like GitHub Pages, and one shared headless Chromium.

Pages are parametrized at collection time from docs/ (the built site does not exist yet then);
test_every_built_page_is_checked proves that list equals the pages of the real build.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from scripts.find_browser import CHROMIUM_ARGS, BrowserNotFound, require_chromium
from scripts.pages_server import serve, source_pages
from tests.browser.visits import VIEWPORTS, Visitor
from tests.sitebuild import BuiltSite


PAGES = source_pages()
SWEDISH_PAGES = [path for path in PAGES if not path.startswith("/en/")]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def site_server(built_site: BuiltSite) -> Iterator[str]:
    """The site's base URL, http://127.0.0.1:<port>/kultursamverkan/, served in a thread."""
    with serve(built_site.serve_root, built_site.port) as base_url:
        yield base_url


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    try:
        executable = require_chromium()
    except BrowserNotFound as error:
        pytest.fail(str(error), pytrace=False)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def visitor(chromium: Browser, site_server: str) -> Iterator[Visitor]:
    visitor = Visitor(chromium, site_server,
                      prefetch=[(path, viewport) for path in PAGES for viewport in VIEWPORTS])
    yield visitor
    visitor.close()


def page_params(paths: list[str], viewports: tuple[str, ...] = tuple(VIEWPORTS)) -> list:
    """(path, viewport) pairs with ids like `/en/ansvar/@phone`, so a failure names both."""
    return [
        pytest.param(path, viewport, id=f"{path}@{viewport}")
        for path in paths
        for viewport in viewports
    ]
