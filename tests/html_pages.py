"""Reading the built HTML: which pages exist, and the few elements the tests look at."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path


def built_pages(site_dir: Path) -> list[Path]:
    """Every page a reader can open: index.html files, without redirect stubs."""
    pages = []
    for path in sorted(site_dir.rglob("index.html")):
        if "assets" in path.relative_to(site_dir).parts:
            continue
        if 'http-equiv="refresh"' in path.read_text(encoding="utf-8")[:2000]:
            continue  # a redirect left by mkdocs-redirects
        pages.append(path)
    return pages


def url_path(site_dir: Path, page: Path) -> str:
    """The page's path under the site root: '/', '/ansvar/', '/en/ansvar/'."""
    parent = page.parent.relative_to(site_dir).as_posix()
    return "/" if parent == "." else f"/{parent}/"


@dataclass
class PageFacts(HTMLParser):
    """The elements of one built page that the tests check."""

    lang: str = ""
    meta: dict[str, str] = field(default_factory=dict)
    alternates: list[dict[str, str]] = field(default_factory=list)
    edit_link: str = ""
    nav_labels: list[str] = field(default_factory=list)
    search_dialog: dict[str, str] = field(default_factory=dict)
    heading_ids: list[str] = field(default_factory=list)
    _in_nav_link: bool = False
    _nav_text: str = ""

    def __post_init__(self) -> None:
        HTMLParser.__init__(self)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {key: value or "" for key, value in attrs}
        if tag == "html":
            self.lang = a.get("lang", "")
        elif tag == "meta" and "name" in a:
            self.meta[a["name"]] = a.get("content", "")
        elif tag == "link" and a.get("rel") == "alternate" and "hreflang" in a:
            self.alternates.append(a)
        elif tag == "a" and "md-content__button" in a.get("class", "") and a.get("rel") == "edit":
            self.edit_link = a.get("href", "")
        elif tag == "a" and "md-nav__link" in a.get("class", ""):
            self._in_nav_link, self._nav_text = True, ""
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6") and "id" in a:
            self.heading_ids.append(a["id"])
        elif tag == "div" and a.get("data-md-component") == "search":
            self.search_dialog = a

    def handle_data(self, data: str) -> None:
        if self._in_nav_link:
            self._nav_text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._in_nav_link:
            self._in_nav_link = False
            label = " ".join(self._nav_text.split())
            if label:
                self.nav_labels.append(label)


# What the templates add inside the article, in the page's language whatever the Markdown says:
# the "Senast granskad" line (overrides/main.html) and the edit button.
TEMPLATE_PARTS = {"page-reviewed", "md-content__button"}


class _ArticleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.in_article = 0
        self.skipping: list[str] = []  # open tags of a template part being skipped
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = set((dict(attrs).get("class") or "").split())
        if self.skipping or (self.in_article and classes & TEMPLATE_PARTS):
            self.skipping.append(tag)
        elif tag == "article":
            self.in_article += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pass  # void elements hold no text

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if tag in self.skipping:
                del self.skipping[len(self.skipping) - 1 - self.skipping[::-1].index(tag):]
        elif tag == "article" and self.in_article:
            self.in_article -= 1

    def handle_data(self, data: str) -> None:
        if self.in_article and not self.skipping:
            self.parts.append(data)


def article_text(page: Path) -> str:
    """The text of the page's own Markdown as built: the article's text without template parts."""
    parser = _ArticleText()
    parser.feed(page.read_text(encoding="utf-8"))
    return " ".join(" ".join(parser.parts).split())


def page_facts(page: Path) -> PageFacts:
    facts = PageFacts()
    facts.feed(page.read_text(encoding="utf-8"))
    return facts
