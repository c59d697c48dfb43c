"""ProperDocs, the maintained fork of MkDocs 1.x, builds the same site as MkDocs.

MkDocs 1.x gets no more releases. `ENGINE=properdocs make build` is the way out, so this keeps
it working: one ProperDocs build, compared with the session's MkDocs build page by page.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.paths import ROOT
from tests.sitebuild import BuiltSite


def page_paths(site_dir: Path) -> set[str]:
    """Every index.html under the site, as a path relative to it: 'index.html', 'en/ansvar/index.html'."""
    return {path.relative_to(site_dir).as_posix() for path in site_dir.rglob("index.html")}


def page_differences(expected: set[str], actual: set[str]) -> list[str]:
    """What one build has that the other has not, one line per page; empty when they agree."""
    return [f"missing: {page}" for page in sorted(expected - actual)] + [
        f"extra: {page}" for page in sorted(actual - expected)
    ]


@pytest.fixture(scope="module")
def properdocs_site(built_site: BuiltSite, tmp_path_factory: pytest.TempPathFactory) -> Path:
    # The one pipeline (scripts.build), for the same address as the MkDocs build.
    site_dir = tmp_path_factory.mktemp("properdocs") / "site"
    env = dict(os.environ, SITE_URL=built_site.site_url)
    result = subprocess.run(
        [sys.executable, "-m", "scripts.build", "--engine", "properdocs", "--site-dir", str(site_dir)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    if result.returncode != 0:
        pytest.fail(f"the strict ProperDocs build failed:\n{result.stdout}{result.stderr}", pytrace=False)
    return site_dir


def test_properdocs_builds_the_same_pages_as_mkdocs(built_site: BuiltSite, properdocs_site: Path) -> None:
    mkdocs_pages = page_paths(built_site.site_dir)
    assert {"index.html", "en/index.html"} <= mkdocs_pages
    assert page_differences(mkdocs_pages, page_paths(properdocs_site)) == []


def test_the_properdocs_build_really_ran_properdocs(properdocs_site: Path) -> None:
    # Without this, an --engine option that was ignored would pass the comparison above.
    assert "ProperDocs" in (properdocs_site / "en" / "index.html").read_text(encoding="utf-8")


def test_a_page_missing_from_one_build_is_reported() -> None:
    mkdocs_pages = {"index.html", "ansvar/index.html", "en/index.html", "en/ansvar/index.html"}
    assert page_differences(mkdocs_pages, mkdocs_pages - {"en/ansvar/index.html"}) == [
        "missing: en/ansvar/index.html"
    ]
    assert page_differences(mkdocs_pages, mkdocs_pages | {"en/extra/index.html"}) == ["extra: en/extra/index.html"]
