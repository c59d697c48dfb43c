"""The strict build, and how a broken link or anchor is reported to a maintainer."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

from scripts.paths import ROOT
from tests.minisite import copy_minisite, replace_in
from tests.site_config import site_config
from tests.sitebuild import BuiltSite


def build_check(site: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scripts.build_check", "--config-file", str(site / "mkdocs.yml"),
         "--site-dir", str(tmp_path / "out")],
        cwd=ROOT, capture_output=True, text=True,
    )


def test_the_site_builds_strictly_in_both_languages(built_site: BuiltSite) -> None:
    assert (built_site.site_dir / "index.html").is_file()
    assert (built_site.site_dir / "en" / "index.html").is_file()
    assert "WARNING" not in built_site.log


def test_the_validation_settings_make_link_problems_warnings() -> None:
    # As MkDocs reads them: a commented-out setting falls back to its default, `info`, which the
    # strict build lets pass. Only warnings fail it.
    validation = site_config().validation
    settings = {
        "nav.omitted_files": validation.nav.omitted_files,
        "nav.not_found": validation.nav.not_found,
        "links.not_found": validation.links.not_found,
        "links.unrecognized_links": validation.links.unrecognized_links,
        "links.anchors": validation.links.anchors,
    }
    not_warnings = {name: logging.getLevelName(level) for name, level in settings.items()
                    if level != logging.WARNING}
    assert not not_warnings, f"mkdocs.yml validation: these are not 'warn': {not_warnings}"


def test_the_minisite_fixture_builds(tmp_path: Path) -> None:
    result = build_check(copy_minisite(tmp_path), tmp_path)
    assert result.returncode == 0, result.stderr


def test_a_broken_link_fails_with_file_and_line(tmp_path: Path) -> None:
    site = copy_minisite(tmp_path)
    replace_in(site / "docs" / "index.md", "[guiden](guide.md)", "[guiden](guiden.md)")
    result = build_check(site, tmp_path)
    assert result.returncode == 1
    assert "docs/index.md:8: the link 'guiden.md' is broken" in result.stderr


def test_a_broken_anchor_fails_with_file_and_line(tmp_path: Path) -> None:
    site = copy_minisite(tmp_path)
    replace_in(site / "docs" / "index.en.md", "guide.md#vem-ansvarar", "guide.md#who-is-responsible")
    result = build_check(site, tmp_path)
    assert result.returncode == 1
    assert "docs/index.en.md:8: the link 'guide.md#who-is-responsible' is broken" in result.stderr
    assert "anchor" in result.stderr
