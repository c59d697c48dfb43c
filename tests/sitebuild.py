"""Building the site for tests, the way GitHub Pages serves a project site: under a sub-path."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from scripts.pages_server import BASE_PATH, free_port  # noqa: F401  (re-exported for the tests)
from scripts.paths import ROOT



@dataclass(frozen=True)
class BuiltSite:
    serve_root: Path  # serve this directory; the site is at serve_root / "kultursamverkan"
    port: int
    log: str

    @property
    def site_dir(self) -> Path:
        return self.serve_root / BASE_PATH.strip("/")

    @property
    def site_url(self) -> str:
        return f"http://127.0.0.1:{self.port}{BASE_PATH}"


def build_site(
    serve_root: Path, port: int, config: Path = ROOT / "mkdocs.yml", strict: bool = True
) -> subprocess.CompletedProcess[str]:
    """Build for http://127.0.0.1:port/kultursamverkan/ through the one pipeline (scripts.build),
    as `make build` does; `strict=False` runs plain `mkdocs build` on a fixture config."""
    env = dict(os.environ, SITE_URL=f"http://127.0.0.1:{port}{BASE_PATH}", NO_MKDOCS_2_WARNING="1",
               DISABLE_MKDOCS_2_WARNING="true")
    site_dir = serve_root / BASE_PATH.strip("/")
    tool = ["scripts.build"] if strict else ["mkdocs", "build"]
    command = [sys.executable, "-m", *tool, "--config-file", str(config), "--site-dir", str(site_dir)]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
