"""A local stand-in for GitHub Pages serving a project site, and the list of pages to check."""

from __future__ import annotations

import gzip
import http.server
import io
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from scripts.paths import DOCS
from scripts.published_urls import scan_site

# GitHub Pages serves a project site under a sub-path; the tests and the benchmark do the same.
BASE_PATH = "/kultursamverkan/"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Directory index.html, trailing-slash redirects, and the site's 404.html with status 404.

    GitHub Pages serves only the root 404.html of a project site for every missing path, so the
    theme must pick the language from the path itself (/en/... -> English).
    """

    protocol_version = "HTTP/1.1"  # keep-alive: the browser reuses connections, pages load faster
    not_found_page: Path

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404 or not self.not_found_page.is_file():
            super().send_error(code, message, explain)
            return
        body = self.not_found_page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def end_headers(self) -> None:
        # No caching between test runs of different builds on the same port.
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass  # quiet: failed requests are reported by the browser tests themselves


class GzipPagesHandler(PagesHandler):
    """Like GitHub Pages, also in what it sends: text files gzip-compressed (for `make bench`)."""

    COMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt"}

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if (path.suffix not in self.COMPRESSED or not path.is_file()
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextmanager
def serve(serve_root: Path, port: int, compress: bool = False) -> Iterator[str]:
    """Serve serve_root on 127.0.0.1:port in a thread; yield the site's base URL."""
    handler = type(
        "SiteHandler",
        (GzipPagesHandler if compress else PagesHandler,),
        {"not_found_page": serve_root / BASE_PATH.strip("/") / "404.html"},
    )
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", port), partial(handler, directory=str(serve_root))
    )
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}{BASE_PATH}"
    finally:
        server.shutdown()
        server.server_close()


def page_path_for_source(source: Path, docs: Path = DOCS) -> str:
    """The site path (relative to the site root, with slashes) that a docs/*.md file becomes.

    Suffix mode: `ansvar.md` -> `/ansvar/`, `ansvar.en.md` -> `/en/ansvar/`,
    `lardomar/index.en.md` -> `/en/lardomar/`.
    """
    parts = list(source.relative_to(docs).with_suffix("").parts)
    prefix = ""
    if parts[-1].endswith(".en"):
        parts[-1] = parts[-1][: -len(".en")]
        prefix = "en/"
    if parts[-1] in ("index", "README"):
        parts.pop()
    path = "/" + prefix + "".join(part + "/" for part in parts)
    return path


def source_pages(docs: Path = DOCS) -> list[str]:
    """Every page path the docs/ sources produce, in both languages, sorted."""
    return sorted({page_path_for_source(md, docs) for md in docs.rglob("*.md")})


def built_pages(site_dir: Path) -> list[str]:
    """Every page in a built site (index.html files), without 404.html and redirect stubs."""
    return sorted(scan_site(site_dir).pages)


def language_of(path: str) -> str:
    return "en" if path == "/en/" or path.startswith("/en/") else "sv"


def twin_of(path: str) -> str:
    """The same page in the other language."""
    if language_of(path) == "en":
        return path[len("/en") :]
    return "/en" + path
