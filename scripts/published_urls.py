"""The ledger of published URLs (data/published-urls.txt): a printed link must never break.

Every page the site has ever published is listed, one path per line relative to the site root
(`/`, `/ansvar/`, `/en/ansvar/`), and so is every file to download that a reader may print the
address of: the templates' Word files (`/mallar/vart-inspel.docx`). A listed path must still lead somewhere: to a page, or to a
redirect page that mkdocs-redirects writes from `redirect_maps` in mkdocs.yml. So moving or
renaming a page means adding a redirect.

    python -m scripts.published_urls --add     # after `mkdocs build`: append new pages (make urls)
    python -m scripts.published_urls --check   # list broken and unlisted URLs; exit 1 if any
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from scripts.fragments import write_atomically
from scripts.errors import InputError, display_path
from scripts.paths import DATA, SITE

LEDGER = DATA / "published-urls.txt"

HEADER = """\
# Every URL this site has published, relative to the site root. Never remove a line: a region may
# have printed the address in an invitation. If you move or rename a page, add a redirect from the
# old address in mkdocs.yml (plugins > redirects > redirect_maps) so that this line keeps working.
# New pages are added with `make urls`. One path per line, sorted; lines starting with # are comments.
"""

# mkdocs-redirects writes <meta http-equiv="refresh" content="0; url=../new/">.
_REFRESH = re.compile(
    r"""<meta\s+http-equiv=["']refresh["']\s+content=["']\d+;\s*url=([^"']+)["']""", re.I
)
_VALID_PATH = re.compile(r"^/(?:[a-z0-9][a-z0-9._-]*/)*(?:[a-z0-9][a-z0-9_-]*\.docx)?$")
# Files besides the pages whose addresses are published (the templates' Word files).
DOWNLOADS = ("*.docx",)


@dataclass
class Ledger:
    path: Path
    header: list[str] = field(default_factory=list)
    entries: dict[str, int] = field(default_factory=dict)  # URL path -> line number
    errors: list[InputError] = field(default_factory=list)


def read_ledger(path: Path = LEDGER) -> Ledger:
    ledger = Ledger(path)
    if not path.exists():
        return ledger
    previous = ""
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            if not ledger.entries and raw.strip():
                ledger.header.append(raw)
            continue
        if not _VALID_PATH.match(line):
            ledger.errors.append(InputError(path, f"{line!r} is not a site path", number,
                                            "write it like /ansvar/ or /en/ansvar/: lowercase, "
                                            "starting and ending with / (or a Word file: "
                                            "/mallar/vart-inspel.docx)"))
            continue
        if line in ledger.entries:
            ledger.errors.append(InputError(path, f"{line} is listed twice (first on line "
                                            f"{ledger.entries[line]})", number, "delete this line"))
            continue
        if line < previous:
            ledger.errors.append(InputError(path, f"{line} is out of order (after {previous})",
                                            number, "keep the lines sorted; `make urls` sorts them"))
        ledger.entries[line] = number
        previous = line
    return ledger


@dataclass
class BuiltSite:
    pages: set[str]
    redirects: dict[str, str]  # old path -> the path it sends the reader to
    downloads: set[str] = field(default_factory=set)  # files such as /mallar/vart-inspel.docx

    @property
    def published(self) -> set[str]:
        """Every address that goes into the ledger: the pages and the files to download."""
        return self.pages | self.downloads


def scan_site(site_dir: Path) -> BuiltSite:
    """Pages (index.html) and redirect stubs in a built site, as paths relative to its root."""
    pages: set[str] = set()
    redirects: dict[str, str] = {}
    for index in site_dir.rglob("index.html"):
        relative = index.parent.relative_to(site_dir).as_posix()
        path = "/" if relative == "." else f"/{relative}/"
        refresh = _REFRESH.search(index.read_text(encoding="utf-8", errors="replace")[:3000])
        if refresh:
            target = urlsplit(urljoin("http://site" + path, refresh.group(1))).path
            redirects[path] = target if target.endswith("/") else target + "/"
        else:
            pages.add(path)
    downloads = {"/" + found.relative_to(site_dir).as_posix()
                 for pattern in DOWNLOADS for found in site_dir.rglob(pattern)}
    return BuiltSite(pages, redirects, downloads)


def check(site_dir: Path = SITE, ledger_path: Path = LEDGER) -> list[InputError]:
    """Everything wrong between the ledger and a built site, each naming the ledger line."""
    if not (site_dir / "index.html").is_file():
        return [InputError(site_dir, "no built site here", hint="build first: `make build`")]
    ledger = read_ledger(ledger_path)
    site = scan_site(site_dir)
    problems = list(ledger.errors)
    for url, line in ledger.entries.items():
        if url in site.published:
            continue
        if url in site.redirects:
            target = site.redirects[url]
            if target not in site.pages:
                problems.append(InputError(ledger_path, f"{url} redirects to {target}, which is "
                                           "not a page", line, "point the redirect in mkdocs.yml "
                                           "(redirect_maps) at a page that exists"))
            continue
        problems.append(InputError(
            ledger_path, f"{url} was published but no longer exists in the built site", line,
            "a page was moved, renamed or deleted: add a redirect from the old address in "
            "mkdocs.yml, plugins > redirects > redirect_maps (for example "
            "'gammal-sida.md': 'ny-sida.md'), or restore the page"))
    for url in sorted(site.published - set(ledger.entries)):
        problems.append(InputError(ledger_path, f"the {'file' if url in site.downloads else 'page'} {url} is not in the ledger",
                                   hint="run `make urls` and commit data/published-urls.txt"))
    return problems


def add(site_dir: Path = SITE, ledger_path: Path = LEDGER) -> list[str]:
    """Append the built site's new pages to the ledger (sorted); return what was added."""
    ledger = read_ledger(ledger_path)
    if ledger.errors:
        raise ledger.errors[0]
    if not (site_dir / "index.html").is_file():
        raise InputError(site_dir, "no built site here", hint="build first: `make build`")
    added = sorted(scan_site(site_dir).published - set(ledger.entries))
    header = "\n".join(ledger.header) + "\n" if ledger.header else HEADER
    urls = sorted(set(ledger.entries) | set(added))
    text = header + "".join(f"{url}\n" for url in urls)
    write_atomically(ledger_path, text.encode("utf-8"))
    return added


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--add", action="store_true", help="append new pages from the built site")
    mode.add_argument("--check", action="store_true", help="list problems; exit 1 if any")
    parser.add_argument("--site", type=Path, default=SITE, help="the built site (default: site/)")
    parser.add_argument("--ledger", type=Path, default=LEDGER, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        if args.add:
            added = add(args.site, args.ledger)
            for url in added:
                print(f"added {url}")
            print(f"{display_path(args.ledger)}: {len(added)} new page(s)")
            return 0
        problems = check(args.site, args.ledger)
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
