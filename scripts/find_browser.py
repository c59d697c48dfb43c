"""Find (and with --install, provide) the Chromium that the browser tests and `make bench` use.

Order: $CHROMIUM_PATH, then `chromium` / `chromium-browser` on PATH (Debian's package, what CI
installs), then the Chromium that Playwright downloaded itself. `--install` tries to provide one
when none is found: `playwright install chromium` where downloads work, else, as root on Debian,
`apt-get install chromium`. Without a browser the command fails with instructions; the browser
tests never skip.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

HOW_TO_INSTALL = """\
No Chromium browser was found, and none could be installed automatically.
Install one of these, then run `make test` again:
  - Debian/Ubuntu:  sudo apt-get install chromium
  - anywhere else:  .venv/bin/python -m playwright install chromium
  - or point CHROMIUM_PATH at a Chromium or Chrome executable:
        CHROMIUM_PATH=/path/to/chromium make test"""

# As root in a closed network: no sandbox, and none of Chromium's own calls home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-gpu",
    "--no-first-run",
    "--disable-sync",
]


class BrowserNotFound(RuntimeError):
    """No usable Chromium; the message says how to install one."""


def _playwright_chromium() -> str | None:
    """The Chromium that `playwright install chromium` downloaded, if it is there."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    try:
        with sync_playwright() as playwright:
            path = playwright.chromium.executable_path
    except Exception:  # noqa: BLE001 - a broken Playwright install means "not found"
        return None
    return path if path and Path(path).is_file() else None


def find_chromium() -> str | None:
    """The Chromium executable to use, or None."""
    configured = os.environ.get("CHROMIUM_PATH")
    if configured:
        # An explicit choice that does not exist is an error, not a reason to pick another one.
        if not (Path(configured).is_file() and os.access(configured, os.X_OK)):
            raise BrowserNotFound(f"CHROMIUM_PATH={configured} is not an executable file.")
        return configured
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return _playwright_chromium()


def require_chromium() -> str:
    """The Chromium executable; raises BrowserNotFound with install instructions."""
    path = find_chromium()
    if path is None:
        raise BrowserNotFound(HOW_TO_INSTALL)
    return path


def _run(command: list[str]) -> bool:
    print("+ " + " ".join(command), file=sys.stderr)
    try:
        return subprocess.run(command, check=False).returncode == 0
    except OSError as error:
        print(f"  {error}", file=sys.stderr)
        return False


def install_chromium() -> str | None:
    """Try to provide a Chromium; return its path or None."""
    if _run([sys.executable, "-m", "playwright", "install", "chromium"]):
        found = find_chromium()
        if found:
            return found
    is_root = hasattr(os, "geteuid") and os.geteuid() == 0
    if is_root and shutil.which("apt-get"):
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        update = subprocess.run(["apt-get", "update"], env=env, check=False)
        if update.returncode == 0:
            subprocess.run(["apt-get", "install", "-y", "chromium"], env=env, check=False)
        return find_chromium()
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--install", action="store_true", help="install Chromium if none is found"
    )
    args = parser.parse_args(argv)
    try:
        path = find_chromium()
        if path is None and args.install:
            path = install_chromium()
    except BrowserNotFound as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    if path is None:
        print(f"error: {HOW_TO_INSTALL}", file=sys.stderr)
        return 1
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
