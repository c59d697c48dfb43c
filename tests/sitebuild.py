"""Building the site for tests, the way GitHub Pages serves a project site: under a sub-path."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from scripts.paths import ROOT

BASE_PATH = "/kultursamverkan/"


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


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def build_site(
    serve_root: Path, port: int, config: Path = ROOT / "mkdocs.yml", strict: bool = True
) -> subprocess.CompletedProcess[str]:
    """Write the build-time files and run a (strict) build for http://127.0.0.1:port/kultursamverkan/."""
    env = dict(os.environ, SITE_URL=f"http://127.0.0.1:{port}{BASE_PATH}", NO_MKDOCS_2_WARNING="1",
               DISABLE_MKDOCS_2_WARNING="true")
    site_dir = serve_root / BASE_PATH.strip("/")
    if config == ROOT / "mkdocs.yml":
        # QR codes and absolute links depend on site_url: write them for this address first.
        assets = subprocess.run([sys.executable, "-m", "scripts.generate", "--build-time"],
                                cwd=ROOT, env=env, capture_output=True, text=True)
        if assets.returncode != 0:
            return assets
    # The strict build goes through scripts.build_check, so a failure names the file and line.
    tool = ["scripts.build_check"] if strict else ["mkdocs", "build"]
    command = [sys.executable, "-m", *tool, "--config-file", str(config), "--site-dir", str(site_dir)]
    built = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if built.returncode != 0 or config != ROOT / "mkdocs.yml":
        return built
    # As `make build` does: one search index per language.
    split = subprocess.run([sys.executable, "-m", "scripts.split_search_index", str(site_dir)],
                           cwd=ROOT, env=env, capture_output=True, text=True)
    split.stdout = built.stdout + split.stdout
    split.stderr = built.stderr + split.stderr
    return split
