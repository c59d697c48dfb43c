"""`make bench`: print the site's build time, page weight, search index size and Lighthouse scores.

Figures, not a test: nothing here fails on a slow machine. Targets are printed beside the figures.
Lighthouse runs only if Node 20+ and npm are there and `npm ci --prefix tools/lighthouse` works
(lighthouse 12.2.3, pinned in tools/lighthouse/package-lock.json); otherwise it says why it skipped.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from scripts.find_browser import CHROMIUM_ARGS, BrowserNotFound, require_chromium
from scripts.pages_server import BASE_PATH, free_port, serve
from scripts.paths import ROOT
from scripts.published_urls import scan_site

LIGHTHOUSE_DIR = ROOT / "tools" / "lighthouse"
# The start page, a guide, the lookup, and a page with a figure in each language (data/figures.yml).
LIGHTHOUSE_PAGES = ["/", "/infor-dialogmotet/", "/ansvar/", "/modellen/", "/en/kulturplanen/"]
# One page of each kind that the site has; every one must stay within TARGET_FIRST_VIEW.
FIRST_VIEW_PAGES = {
    "start page": "/",
    "guide": "/infor-dialogmotet/",
    "lookup": "/ansvar/",
    "lookup, English": "/en/ansvar/",
    "worked examples": "/vem-ska-vi-fraga/",
    "region directory": "/regioner/",
    "page with a figure": "/kulturplanen/",
    "template": "/mallar/vart-inspel/",
    "lesson": "/lardomar/mat/",
    "report text": "/rapporten/text/",
    "lättläst": "/lattlast/vem-bestammer/",
    "glossary": "/ordlista/",
    "sources": "/kallor/",
    "sources, English": "/en/kallor/",
}
CHROME_FLAGS = "--headless=new --no-sandbox --disable-background-networking --disable-component-update"
SYNTHETIC_PAGES = 200

TARGET_FIRST_VIEW = 70 * 1024
TARGET_FIGURE = 15 * 1024  # each picture, gzip (issue 11)
TARGET_BUILD_SECONDS = 2.0
TARGET_SCORES = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}


def kb(size: int) -> str:
    return f"{size / 1024:.1f} KB"


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def mkdocs_build(config: Path, site_dir: Path, site_url: str) -> tuple[float, str]:
    """Build once; return (seconds, log). Not strict: the bench measures, the tests judge."""
    # PYTHONPATH: the site's Markdown extension (scripts/term_help.py) is imported from ROOT.
    env = dict(os.environ, SITE_URL=site_url, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true",
               PYTHONPATH=str(ROOT))
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--config-file", str(config), "--site-dir",
         str(site_dir)], cwd=config.parent, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"the build failed:\n{result.stderr[-3000:]}")
    return seconds, result.stderr


# --- the real site -------------------------------------------------------------------------

def build_real_site(serve_root: Path, site_url: str) -> list[float]:
    """Three full builds of both languages through the one pipeline (python -m scripts.build)."""
    env = dict(os.environ, SITE_URL=site_url, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    times = []
    for _ in range(3):
        shutil.rmtree(serve_root, ignore_errors=True)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "scripts.build", "--site-dir",
                        str(serve_root / BASE_PATH.strip("/"))], cwd=ROOT, env=env, check=True,
                       capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def first_view(site_dir: Path, base_url: str, page: str = "/") -> tuple[list[tuple[str, int, int]], list[str]]:
    """The files a page (the start page by default) loads in a real browser, with raw and gzip
    sizes from the build.

    Returns ([(path, raw, gzip)], [URLs on other origins]). Falls back to the <link>/<script>
    tags of the HTML when no browser is there.
    """
    urls: list[str] = []
    try:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=require_chromium(), args=CHROMIUM_ARGS)
            tab = browser.new_page(viewport={"width": 360, "height": 740})
            tab.on("request", lambda request: urls.append(request.url))
            tab.goto(base_url + page.lstrip("/"), wait_until="networkidle")
            browser.close()
    except (BrowserNotFound, ImportError) as error:
        print(f"  (no browser: {error}; counting the page's <link> and <script> tags)")
        html = (site_dir / page.strip("/") / "index.html").read_text(encoding="utf-8")
        refs = re.findall(r'<(?:link[^>]+rel="(?:stylesheet|icon)"[^>]*href|script[^>]+src)="([^"]+)"', html)
        page_url = base_url + page.lstrip("/")
        urls = [page_url] + [urljoin(page_url, ref) for ref in refs]
    own = urlsplit(base_url)
    files, foreign = [], []
    for url in dict.fromkeys(urls):
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob"):
            continue
        if (parts.scheme, parts.netloc) != (own.scheme, own.netloc):
            foreign.append(url)
            continue
        relative = parts.path[len(own.path):]
        path = site_dir / relative
        if path.is_dir() or relative == "":
            path = path / "index.html"
        if path.is_file():
            data = path.read_bytes()
            files.append((path.relative_to(site_dir).as_posix(), len(data), gz(data)))
    return files, foreign


def search_index_sizes(site_dir: Path) -> dict[str, tuple[int, int]]:
    """Raw and gzip bytes of each language's search index, as `make build` splits it.

    A reader downloads only their own language's file, and only when they open the search."""
    sizes = {}
    for language in ("sv", "en"):
        data = (site_dir / "search" / f"search_index.{language}.json").read_bytes()
        sizes[language] = (len(data), gz(data))
    return sizes


def figure_sizes(site_dir: Path) -> list[tuple[str, int, int]]:
    """Raw and gzip bytes of each figure in each language, as the built site serves them."""
    return [(path.relative_to(site_dir).as_posix(), len(data := path.read_bytes()), gz(data))
            for path in sorted(site_dir.glob("**/assets/figures/*.svg"))]


# --- synthetic site ------------------------------------------------------------------------

SV_PARAGRAPH = ("Kultursamverkansmodellen fördelar statliga medel till regional kultur. Regionen "
                "skriver en kulturplan efter samråd med kommuner och civilsamhälle. Föreningen kan "
                "delta i dialogmöten och lämna synpunkter på remissen. ")
EN_PARAGRAPH = ("The cultural cooperation model distributes state funds to regional culture. The "
                "region writes a cultural plan after consulting municipalities and civil society. "
                "The association can take part in dialogue meetings and comment on the draft. ")


def synthetic_page(number: int, total: int, english: bool) -> str:
    title = f"{'Synthetic page' if english else 'Syntetisk sida'} {number}"
    paragraph = EN_PARAGRAPH if english else SV_PARAGRAPH
    neighbour = f"s{number % total + 1:03d}.md"
    heading = "Section" if english else "Avsnitt"
    sections = "".join(
        f"## {heading} {n} {{#a{n}}}\n\n{paragraph * 3}\n\n- {paragraph}\n- {paragraph}\n\n"
        for n in range(1, 5))
    box = "In brief" if english else "I korthet"
    return (f"---\ntitle: {title}\ndescription: {title}.\nreviewed: 2026-11-25\n---\n\n# {title}\n\n"
            f'!!! abstract "{box}"\n    - {paragraph}\n\n{sections}'
            f"[{'Next page' if english else 'Nästa sida'}]({neighbour})\n\n"
            f'--8<-- "generated/terms.{"en" if english else "sv"}.md"\n')  # term help, as real pages


def synthetic_build(pages: int) -> tuple[float, int]:
    """Build time of the real site plus `pages` generated pages per language, all in the nav."""
    with tempfile.TemporaryDirectory(prefix="bench-synthetic-") as temporary:
        root = Path(temporary)
        for name in ("docs", "overrides", "snippets"):
            if (ROOT / name).exists():
                shutil.copytree(ROOT / name, root / name)
        synthetic = root / "docs" / "synthetic"
        synthetic.mkdir()
        for number in range(1, pages + 1):
            (synthetic / f"s{number:03d}.md").write_text(synthetic_page(number, pages, False))
            (synthetic / f"s{number:03d}.en.md").write_text(synthetic_page(number, pages, True))
        entries = ", ".join(f"synthetic/s{number:03d}.md" for number in range(1, pages + 1))
        config_text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
        config_text = config_text.replace("\nnav:\n", f"\nnav:\n  - Syntetiskt: [{entries}]\n", 1)
        (root / "mkdocs.yml").write_text(config_text, encoding="utf-8")
        seconds, _log = mkdocs_build(root / "mkdocs.yml", root / "site",
                                     "http://127.0.0.1:8000/kultursamverkan/")
        built = len(scan_site(root / "site").pages)
    return seconds, built


# --- the templates' Word files through LibreOffice ---------------------------------------------

def docx_outline(path: Path) -> list[tuple[str, str]]:
    """(style, text) of each non-empty paragraph of a Word file."""
    from docx import Document

    return [(p.style.name, p.text) for p in Document(str(path)).paragraphs if p.text.strip()]


def libreoffice_round_trip(site_dir: Path) -> None:
    """Open each Word file in LibreOffice (headless), save it as .docx and as PDF again, and say
    whether headings, text and the one page survived. Word itself cannot be run here."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if not office:
        print("  not run: LibreOffice is not installed (apt-get install libreoffice-writer-nogui)")
        return
    files = sorted(site_dir.rglob("*.docx"))
    with tempfile.TemporaryDirectory(prefix="bench-office-") as temporary:
        out = Path(temporary)
        profile = f"-env:UserInstallation=file://{out / 'profile'}"
        for kind in ("docx", "pdf"):
            result = subprocess.run([office, profile, "--headless", "--convert-to", kind, "--outdir",
                                     str(out / kind), *map(str, files)], capture_output=True, text=True,
                                    timeout=600)
            if result.returncode != 0:
                print(f"  LibreOffice failed ({kind}): {result.stderr[-800:]}")
                return
        for original in files:
            name = original.relative_to(site_dir).as_posix()
            again = out / "docx" / original.name
            pdf = out / "pdf" / original.with_suffix(".pdf").name
            if not again.is_file() or not pdf.is_file():
                print(f"  {name}: LibreOffice wrote no file")
                continue
            before, after = docx_outline(original), docx_outline(again)
            headings = [item for item in before if item[0].startswith("Heading")]
            pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf.read_bytes()))
            same = "same headings and text" if before == after else "CHANGED"
            print(f"  {name}: {kb(original.stat().st_size)}, {len(headings)} headings; "
                  f"saved again by LibreOffice: {same}; PDF {pages} page(s)"
                  f"{'' if pages == 1 else '  OVER one page'}")
            if before != after:
                for old, new in zip(before, after):
                    if old != new:
                        print(f"    first difference: {old} -> {new}")
                        break


# --- Lighthouse ----------------------------------------------------------------------------

def lighthouse_ready() -> str | None:
    """The lighthouse executable, installing the pinned version if needed; None with a reason printed."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        print("  skipped: Node.js and npm are not installed (Lighthouse 12.2.3 needs Node 20)")
        return None
    version = subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip()
    if int(version.lstrip("v").split(".")[0]) < 18:
        print(f"  skipped: Node {version} is too old for Lighthouse 12.2.3 (needs Node 20)")
        return None
    executable = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
    if not executable.exists():
        result = subprocess.run([npm, "ci", "--prefix", str(LIGHTHOUSE_DIR), "--no-audit", "--no-fund"],
                                capture_output=True, text=True)
        if result.returncode != 0 or not executable.exists():
            print(f"  skipped: `npm ci --prefix tools/lighthouse` failed:\n{result.stderr[-1500:]}")
            return None
    return str(executable)


def lighthouse(executable: str, url: str, chrome: str, output: Path) -> dict:
    env = dict(os.environ, CHROME_PATH=chrome)
    subprocess.run(
        [executable, url, "--quiet", "--output=json", f"--output-path={output}",
         f"--chrome-flags={CHROME_FLAGS}",
         "--only-categories=performance,accessibility,best-practices,seo"],
        env=env, check=True, capture_output=True, text=True, timeout=300)
    report = json.loads(output.read_text(encoding="utf-8"))
    scores = {key: round((category["score"] or 0) * 100) for key, category in report["categories"].items()}
    audits = report["audits"]
    failing = sorted(
        f"{key}: {audit['title']}" for key, audit in audits.items()
        if audit.get("score") is not None and audit["score"] < 1
        and audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")
        and key not in ("largest-contentful-paint", "first-contentful-paint", "speed-index",
                        "interactive", "total-blocking-time", "max-potential-fid",
                        "cumulative-layout-shift"))
    return {
        "scores": scores,
        "bytes": audits["total-byte-weight"]["numericValue"],
        "lcp": audits["largest-contentful-paint"]["numericValue"],
        "failing": failing,
    }


# --- report --------------------------------------------------------------------------------

def main() -> int:

    port = free_port()
    site_url = f"http://127.0.0.1:{port}{BASE_PATH}"
    work = ROOT / ".bench"
    serve_root = work / "serve"
    site_dir = serve_root / BASE_PATH.strip("/")

    print("Full build, both languages (3 builds)")
    times = build_real_site(serve_root, site_url)
    median = statistics.median(times)
    print(f"  median {median:.2f} s  (runs: {', '.join(f'{t:.2f}' for t in times)})"
          f"   target <= {TARGET_BUILD_SECONDS:.0f} s  {'OK' if median <= TARGET_BUILD_SECONDS else 'OVER'}")

    pages = scan_site(site_dir).pages
    english = sorted(p for p in pages if p.startswith("/en/"))
    print(f"\nPages: {len(pages) - len(english)} Swedish, {len(english)} English")

    with serve(serve_root, port, compress=True) as base_url:
        print("\nFirst view of each page type (what a phone downloads, gzip as on GitHub Pages)")
        for kind, page in FIRST_VIEW_PAGES.items():
            files, foreign = first_view(site_dir, base_url, page)
            total = sum(packed for _name, _raw, packed in files)
            html = next((packed for name, _raw, packed in files if name.endswith("index.html")), 0)
            print(f"  {kb(total):>9} gzip  ({kb(html):>8} of it the page)  {kind:<22} {page:<28}"
                  f"target <= {kb(TARGET_FIRST_VIEW)}  {'OK' if total <= TARGET_FIRST_VIEW else 'OVER'}"
                  f"   other origins: {len(foreign)}{'' if not foreign else ' ' + str(foreign)}")

        print("\nSearch index per language (loaded when the reader opens the search)")
        for part, (raw, packed) in search_index_sizes(site_dir).items():
            print(f"  {part:>10}: {kb(raw):>9} raw  {kb(packed):>9} gzip")

        print("\nFigures (each loaded by the page that shows it)")
        for name, raw, packed in figure_sizes(site_dir):
            print(f"  {kb(packed):>9} gzip  {kb(raw):>9} raw  {name}   target <= {kb(TARGET_FIGURE)}  "
                  f"{'OK' if packed <= TARGET_FIGURE else 'OVER'}")

        print("\nLighthouse 12.2.3, mobile")
        executable = lighthouse_ready()
        if executable:
            chrome = require_chromium()
            for path in LIGHTHOUSE_PAGES:
                try:
                    result = lighthouse(executable, base_url + path.lstrip("/"), chrome,
                                        work / "lighthouse.json")
                except (subprocess.SubprocessError, KeyError, json.JSONDecodeError) as error:
                    detail = getattr(error, "stderr", "") or error
                    print(f"  {path}: Lighthouse failed: {str(detail)[-800:]}")
                    continue
                scores = result["scores"]
                line = "  ".join(f"{key} {scores.get(key)} (>= {target})" if key == "performance"
                                 else f"{key} {scores.get(key)} (= {target})"
                                 for key, target in TARGET_SCORES.items())
                met = all(scores.get(key, 0) >= target for key, target in TARGET_SCORES.items())
                print(f"  {path}: {line}  {'OK' if met else 'BELOW TARGET'}")
                print(f"  {'':{len(path)}}  total {kb(int(result['bytes']))}, LCP {result['lcp'] / 1000:.2f} s")
                for item in result["failing"]:
                    print(f"  {'':{len(path)}}  - {item}")

    print("\nTemplates: each Word file opened and saved again by LibreOffice (headless)")
    libreoffice_round_trip(site_dir)

    print(f"\nSynthetic site: the real site plus {SYNTHETIC_PAGES} generated pages per language")
    for extra in (SYNTHETIC_PAGES // 2, SYNTHETIC_PAGES):
        seconds, built = synthetic_build(extra)
        print(f"  +{extra} pages per language: {built} pages built in {seconds:.2f} s "
              f"({seconds / built * 1000:.0f} ms per page)")
    print("  (near-linear growth means the per-page time stays about the same)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
