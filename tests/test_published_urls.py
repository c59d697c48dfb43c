"""No published link ever breaks: the ledger data/published-urls.txt against the built site."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.published_urls import LEDGER, add, check, read_ledger, scan_site
from tests.sitebuild import BuiltSite

FIXTURE = Path(__file__).parent / "fixtures" / "redirects"


def messages(problems: list) -> str:
    return "\n".join(str(problem) for problem in problems)


def test_ledger_is_sorted_without_duplicates_or_bad_paths() -> None:
    ledger = read_ledger(LEDGER)
    assert ledger.entries, f"{LEDGER} lists no URLs: run `make urls`"
    assert not ledger.errors, messages(ledger.errors)


def test_every_published_url_still_leads_to_a_page_or_a_redirect(built_site: BuiltSite) -> None:
    problems = [p for p in check(built_site.site_dir) if "not in the ledger" not in p.message]
    assert not problems, messages(problems)


def test_every_built_page_is_in_the_ledger(built_site: BuiltSite) -> None:
    problems = [p for p in check(built_site.site_dir) if "not in the ledger" in p.message]
    assert not problems, "new pages must be added to the ledger: run `make urls`\n" + messages(problems)


def build(site: Path, out: Path) -> None:
    env = dict(os.environ, DISABLE_MKDOCS_2_WARNING="true", NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
         "--config-file", str(site / "mkdocs.yml"), "--site-dir", str(out)],
        cwd=site, env=env, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def move_guide(site: Path) -> None:
    (site / "docs" / "gammal-guide.md").rename(site / "docs" / "ny-guide.md")
    index = site / "docs" / "index.md"
    index.write_text(index.read_text().replace("gammal-guide.md", "ny-guide.md"))


def test_moving_a_page_fails_the_ledger_until_a_redirect_is_added(tmp_path: Path) -> None:
    site = tmp_path / "fixture"
    shutil.copytree(FIXTURE, site)
    ledger = tmp_path / "published-urls.txt"

    build(site, tmp_path / "before")
    assert add(tmp_path / "before", ledger) == ["/", "/gammal-guide/"]
    assert check(tmp_path / "before", ledger) == []

    # Moved without a redirect: the published /gammal-guide/ is broken, named with its line.
    move_guide(site)
    build(site, tmp_path / "moved")
    problems = messages(check(tmp_path / "moved", ledger))
    assert "published-urls.txt:6: /gammal-guide/ was published but no longer exists" in problems
    assert "redirect_maps" in problems
    assert "the page /ny-guide/ is not in the ledger" in problems

    # With a redirect from the old address, and the new page added, everything resolves.
    config = site / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "redirect_maps: {}", "redirect_maps: {gammal-guide.md: ny-guide.md}"))
    build(site, tmp_path / "redirected")
    assert scan_site(tmp_path / "redirected").redirects == {"/gammal-guide/": "/ny-guide/"}
    assert add(tmp_path / "redirected", ledger) == ["/ny-guide/"]
    assert check(tmp_path / "redirected", ledger) == []


def test_redirect_to_a_missing_page_is_reported(tmp_path: Path) -> None:
    site_dir = tmp_path / "site"
    (site_dir / "old").mkdir(parents=True)
    (site_dir / "index.html").write_text("<h1>Start</h1>")
    (site_dir / "old" / "index.html").write_text(
        '<meta http-equiv="refresh" content="0; url=../gone/">')
    ledger = tmp_path / "published-urls.txt"
    ledger.write_text("/\n/old/\n")
    assert messages(check(site_dir, ledger)) == (
        f"{ledger}:2: /old/ redirects to /gone/, which is not a page\n"
        "  What to do: point the redirect in mkdocs.yml (redirect_maps) at a page that exists"
    )


@pytest.mark.parametrize(("text", "expected"), [
    ("/b/\n/a/\n", "/a/ is out of order"),
    ("/a/\n/a/\n", "/a/ is listed twice"),
    ("/Ansvar/\n", "'/Ansvar/' is not a site path"),
    ("ansvar\n", "'ansvar' is not a site path"),
])
def test_malformed_ledger_line_is_named(tmp_path: Path, text: str, expected: str) -> None:
    ledger = tmp_path / "published-urls.txt"
    ledger.write_text("# comment\n" + text)
    assert expected in messages(read_ledger(ledger).errors)
