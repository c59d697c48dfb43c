"""LIX readability, measured the way a reader gets the page: on the built HTML.

    python -m scripts.lix                      # build if needed, then every Swedish page
    python -m scripts.lix docs/ansvar.md /dialog/
    python -m scripts.lix --site-dir site --limit 30 --under /lattlast/

LIX = words / sentences + 100 * long words / words (../shared/style.md).

What counts is the page's main text: the `<article>` element of the built page, so the fragments
that a page includes (the responsibility lookup, lesson texts) count as the reader sees them.
Left out:
- blockquotes (the report's words, not ours), tables, code (`pre`, `code`);
- the theme's chrome inside the article: the edit buttons, the headerlink anchors (¶), the
  "Senast granskad" line and the "Rapportera ett fel" line, which are the same on every page;
- the page's "Källor" section (`<h2 id="kallor">` to the next h1/h2): titles of laws and documents
  that must be given as they are, like quotes. The page Källor itself (its h1) is counted.

A word is a run of letters; a hyphen or apostrophe between letters keeps it one word
("kultur-och", "Ax'"), and a long word has more than six letters. A sentence ends at `.`, `!`, `?`
or `:` before a space or the end of a block, and at the end of every block: a heading, a list
item, a paragraph, a table cell, a summary, a term or its definition.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from scripts.paths import DATA, DOCS, ROOT, SITE, SNIPPETS
from scripts.pages_server import built_pages, language_of, page_path_for_source

LIX_LIMIT = 40.0

WORD = re.compile(r"[^\W\d_]+(?:[-‐‑'’][^\W\d_]+)*")
HYPHENS = re.compile(r"[-‐‑'’]")
CLOSERS = "\"'”’)»"
SENTENCE_END = re.compile(rf"[.!?:]+[{CLOSERS}]*(?=\s|$)")
ENDS_WITH_STOP = re.compile(rf"[.!?:][{CLOSERS}]*$")

# Elements whose text is not the page's own prose (and elements that hold no prose at all).
SKIPPED_ELEMENTS = {"blockquote", "table", "pre", "code", "script", "style", "svg", "template",
                    "noscript", "button"}
# The theme's and overrides' chrome inside the article (overrides/main.html, partials/).
CHROME_CLASSES = {"md-content__button", "headerlink", "page-reviewed", "page-report"}
SOURCES_HEADING_ID = "kallor"
# A block ends a sentence even without a full stop.
BLOCK_ELEMENTS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "td", "th", "summary",
                  "details", "div", "ul", "ol", "dl", "figcaption", "caption", "section", "figure",
                  "hr", "blockquote", "table", "pre", "article", "header", "footer", "aside", "nav"}
VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                 "source", "track", "wbr"}


@dataclass
class Readability:
    words: int = 0
    sentences: int = 0
    long_words: int = 0

    @property
    def lix(self) -> float:
        if not self.words or not self.sentences:
            return 0.0
        return self.words / self.sentences + 100 * self.long_words / self.words

    def add_block(self, text: str) -> None:
        tokens = WORD.findall(text)
        if not tokens:
            return
        self.words += len(tokens)
        self.long_words += sum(1 for token in tokens if len(HYPHENS.sub("", token)) > 6)
        text = text.strip()
        ends = len(SENTENCE_END.findall(text))
        if not ENDS_WITH_STOP.search(text):
            ends += 1  # the end of the block ends the sentence
        self.sentences += ends


class _MainText(HTMLParser):
    """Splits the article's prose into blocks, leaving out what the module docstring lists."""

    def __init__(self) -> None:
        super().__init__()
        self.article_depth = 0
        self.skipping: list[str] = []  # open tags of the element being left out, outermost first
        self.in_sources = False
        self.blocks: list[str] = []
        self.current: list[str] = []

    def flush(self) -> None:
        text = "".join(self.current)
        self.current = []
        if text.strip():
            self.blocks.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID_ELEMENTS:
            self.handle_startendtag(tag, attrs)
            return
        if tag == "article":
            self.article_depth += 1
        if not self.article_depth:
            return
        if self.skipping:
            self.skipping.append(tag)
            return
        attributes = dict(attrs)
        if tag in ("h1", "h2"):
            self.in_sources = tag == "h2" and attributes.get("id") == SOURCES_HEADING_ID
        if tag in BLOCK_ELEMENTS:
            self.flush()
        classes = set((attributes.get("class") or "").split())
        if tag in SKIPPED_ELEMENTS or classes & CHROME_CLASSES:
            self.skipping.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.article_depth and not self.skipping and tag in BLOCK_ELEMENTS:
            self.flush()
        elif self.article_depth and not self.skipping and tag == "br":
            self.current.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if not self.article_depth or tag in VOID_ELEMENTS:
            return
        if self.skipping:
            if tag in self.skipping:  # tolerate unclosed inner tags: close back to the match
                del self.skipping[len(self.skipping) - 1 - self.skipping[::-1].index(tag):]
            return
        if tag in BLOCK_ELEMENTS:
            self.flush()
        if tag == "article":
            self.article_depth -= 1
            self.in_sources = False

    def handle_data(self, data: str) -> None:
        if self.article_depth and not self.skipping and not self.in_sources:
            self.current.append(data)

    def close(self) -> None:
        super().close()
        self.flush()


def main_text_blocks(html: str) -> list[str]:
    """The prose blocks of a built page's main text, in order."""
    parser = _MainText()
    parser.feed(html)
    parser.close()
    return parser.blocks


def measure_html(html: str) -> Readability:
    score = Readability()
    for block in main_text_blocks(html):
        score.add_block(block)
    return score


def measure_built_page(path: Path) -> Readability:
    """LIX of one built page (`site/<page>/index.html`)."""
    return measure_html(path.read_text(encoding="utf-8"))


def page_file(site_dir: Path, url_path: str) -> Path:
    """The built file of a page path such as '/', '/ansvar/' or '/en/ansvar/'."""
    return site_dir / url_path.strip("/") / "index.html"


def swedish_pages(site_dir: Path, under: str = "/") -> list[str]:
    """The paths of the built Swedish pages (all but /en/), optionally only those under a path."""
    return [path for path in built_pages(site_dir)
            if language_of(path) == "sv" and path.startswith(under)]


def measure_site(site_dir: Path, under: str = "/") -> dict[str, Readability]:
    """LIX of every built Swedish page under `under`, by page path."""
    return {path: measure_built_page(page_file(site_dir, path)) for path in swedish_pages(site_dir, under)}


def over_limit(scores: dict[str, Readability], limit: float = LIX_LIMIT) -> list[str]:
    """One line per page above the limit, naming the page, its LIX and its words."""
    return [f"{path}: LIX {score.lix:.1f} ({score.words} words)"
            for path, score in scores.items() if score.lix > limit]


# What a build reads; a site older than any of these is rebuilt before it is measured.
BUILD_INPUTS = (DOCS, DATA, SNIPPETS, ROOT / "overrides", ROOT / "mkdocs.yml")


def site_is_stale(site_dir: Path) -> bool:
    built = site_dir / "index.html"
    if not built.is_file():
        return True
    built_at = built.stat().st_mtime
    for source in BUILD_INPUTS:
        files = [source] if source.is_file() else (p for p in source.rglob("*") if p.is_file())
        if any(p.stat().st_mtime > built_at for p in files):
            return True
    return False


def page_argument(argument: str) -> str:
    """A page given as its source (`docs/ansvar.md`) or its path (`/ansvar/`), as a page path."""
    if argument.endswith(".md"):
        source = Path(argument).resolve()
        return page_path_for_source(source, DOCS)
    return "/" + argument.strip("/") + "/" if argument.strip("/") else "/"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="LIX of the built Swedish pages' main text (see the module docstring).")
    parser.add_argument("pages", nargs="*",
                        help="pages as docs/x.md or /x/ (default: every Swedish page)")
    parser.add_argument("--site-dir", type=Path,
                        help="measure this built site as it is (default: site/, built first if "
                             "it is missing or older than docs/, data/ or the theme)")
    parser.add_argument("--under", default="/",
                        help="only the Swedish pages whose path starts with this, e.g. /lattlast/")
    parser.add_argument("--limit", type=float, default=LIX_LIMIT,
                        help=f"the highest LIX allowed (default {LIX_LIMIT:.0f})")
    args = parser.parse_args(argv)

    site_dir = args.site_dir
    if site_dir is None:
        site_dir = SITE
        if site_is_stale(site_dir):
            from scripts import build

            print("building the site first (python -m scripts.build) ...", file=sys.stderr)
            if build.build(site_dir):
                return 1
    pages = [page_argument(a) for a in args.pages] or swedish_pages(site_dir, args.under)
    over = False
    for path in pages:
        page = page_file(site_dir, path)
        if not page.is_file():
            print(f"error: {path}: no built page at {page}", file=sys.stderr)
            return 1
        score = measure_built_page(page)
        flag = "  over the limit" if score.lix > args.limit else ""
        over = over or bool(flag)
        print(f"{score.lix:5.1f}  {score.words:5d} words  {score.sentences:4d} sentences  "
              f"{path}{flag}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
