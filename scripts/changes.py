"""What changed on the site: data/changes.yml -> the list on the Ändringar page and an Atom feed.

A maintainer adds an entry to data/changes.yml each time the facts of a page are checked again or
changed in substance: its date, the pages (Swedish file names under docs/, or "*" for every page)
and what changed, in Swedish and English. From it this writes:

- snippets/generated/andringar.{sv,en}.md: the changes, newest first, each under a heading with a
  <time datetime> element and a stable anchor; docs/andringar.md and andringar.en.md include them.
  Links are relative to a page at the top of docs/, where the Ändringar page is;
- docs/andringar.xml and docs/andringar.en.xml: an Atom feed per language. A feed's links must be
  absolute, so it is built from site_url, like the QR codes (scripts/qr_codes.py), and it is written
  under docs/ (git-ignored) for MkDocs to copy: mkdocs-static-i18n runs with fallback_to_default:
  false, so the English build gets only the `.en.xml` file, as /en/andringar.xml.

"Senast granskad" stays truthful: every page has a `reviewed:` date in its front matter (both
twins), and the newest entry that names the page, or "*", must carry that same date. read() checks
this for every page and names the page's line and what to do.

    python -m scripts.changes [--check]
"""

from __future__ import annotations

import datetime
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree as ET

from scripts.datafile import labels, language_texts
from scripts.errors import InputError, InputErrors, display_path
from scripts.fragments import MARKER, Fragment
from scripts.frontmatter import field_line, markdown_pages
from scripts.frontmatter import read as read_page
from scripts.paths import DATA, DOCS, ENGLISH_SUFFIX, GENERATED_SNIPPETS, LANGUAGES, ROOT
from scripts.yaml_lines import Located, TextDatesLoader, load

NAME = "changes"
DATA_FILE = DATA / "changes.yml"
EVERY_PAGE = "*"
ENTRY_KEYS = ("date", "pages", *LANGUAGES)
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# The Ändringar page (docs/andringar.md) and its feed, /andringar.xml and /en/andringar.xml. The
# theme override (overrides/main.html, block extrahead) links the feed by the same name.
FEED = "andringar"
ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ET.register_namespace("", ATOM)  # <feed xmlns="...">, not <ns0:feed>


@dataclass(frozen=True)
class Change:
    line: int
    date: datetime.date
    pages: tuple[str, ...]  # Swedish file names relative to docs/, or ("*",)
    text: dict[str, str]

    @property
    def anchor(self) -> str:
        """A stable id: the date and the first page. It is the heading's anchor and the feed id."""
        first = self.pages[0]
        slug = "alla" if first == EVERY_PAGE else first.removesuffix(".md").replace("/", "-")
        return f"andring-{self.date.isoformat()}-{slug}"

    def names(self, page: str) -> bool:
        return EVERY_PAGE in self.pages or page in self.pages


@dataclass(frozen=True)
class Changes:
    path: Path
    entries: list[Change]  # newest first; entries of the same day keep their order in the file
    titles: dict[str, dict[str, str]]  # page -> language -> title, for the pages that entries name


def swedish_name(page: Path, docs: Path) -> str:
    """`modellen.en.md` and `modellen.md` -> 'modellen.md', relative to docs/."""
    name = page.relative_to(docs).as_posix()
    return name.removesuffix(ENGLISH_SUFFIX) + ".md" if name.endswith(ENGLISH_SUFFIX) else name


def twin(docs: Path, name: str, language: str) -> Path:
    return docs / (name if language == "sv" else name.removesuffix(".md") + ENGLISH_SUFFIX)


def _title(path: Path, errors: list[InputError]) -> str | None:
    try:
        title = read_page(path).meta.get("title")
    except InputError as error:
        errors.append(error)
        return None
    if not isinstance(title, str) or not title.strip():
        errors.append(InputError(path, "the page has no title", line=2,
                                 hint="add 'title: ...' to the front matter"))
        return None
    return title.strip()


def _read_entry(path: Path, item: Located, docs: Path, errors: list[InputError]) -> Change | None:
    before = len(errors)
    if not isinstance(item.value, dict):
        errors.append(InputError(
            path, "each change must be a block of 'field: value' lines", line=item.line,
            hint="start it with '- date: 2026-11-25', then 'pages:', 'sv:' and 'en:'",
        ))
        return None
    lines = item.key_lines()
    label = f"the change on line {item.line}"
    for key in sorted(set(item.value) - set(ENTRY_KEYS)):
        errors.append(InputError(path, f"{label}: unknown field '{key}'", line=lines[key],
                                 hint=f"the fields are: {', '.join(ENTRY_KEYS)}"))

    raw_date = item.value.get("date")
    date = None
    if raw_date is None:
        errors.append(InputError(path, f"{label}: the field 'date' is missing", line=item.line,
                                 hint="add 'date: YYYY-MM-DD', the day the facts were checked"))
    else:
        try:
            if not DATE.match(str(raw_date)):
                raise ValueError
            date = datetime.date.fromisoformat(str(raw_date))
        except ValueError:
            errors.append(InputError(
                path, f"{label}: {str(raw_date)!r} is not a date", line=lines["date"],
                hint="write the date as YYYY-MM-DD, for example 2026-11-25",
            ))

    pages = item.value.get("pages")
    if not isinstance(pages, list) or not pages:
        errors.append(InputError(
            path, f"{label}: the 'pages' list is missing or empty", line=lines.get("pages", item.line),
            hint="name the pages, for example 'pages: [modellen.md]', or 'pages: [\"*\"]' for every page",
        ))
        pages = []
    for page in pages:
        if page == EVERY_PAGE:
            continue
        if not isinstance(page, str) or not page.endswith(".md") or page.endswith(ENGLISH_SUFFIX) \
                or not (docs / page).is_file():
            english = isinstance(page, str) and page.endswith(ENGLISH_SUFFIX)
            errors.append(InputError(
                path, f"{label}: unknown page {page!r}", line=lines["pages"],
                hint="name the Swedish file, which stands for both languages (modellen.md, not "
                "modellen.en.md)" if english else "name a Swedish file under docs/, as in "
                "'modellen.md' or 'lardomar/mat.md'; \"*\" (with the quotes) means every page",
            ))

    text = language_texts(path, item, f"{label}: the {{language}} text '{{code}}:'", errors,
                          hint="add '{code}:' with what changed; every change is told in both languages")
    if len(errors) > before or date is None:
        return None
    return Change(item.line, date, tuple(pages), text)


def check_reviewed(entries: list[Change], path: Path, docs: Path = DOCS) -> list[InputError]:
    """Every page has `reviewed:`, and the newest change naming it (or "*") has that date."""
    errors: list[InputError] = []
    for page in markdown_pages(docs):
        try:
            reviewed = read_page(page).meta.get("reviewed")
        except InputError as error:
            errors.append(error)
            continue
        name = swedish_name(page, docs)
        if not isinstance(reviewed, datetime.date):
            errors.append(InputError(
                page, "the page has no 'reviewed:' date" if reviewed is None else
                "'reviewed:' must be a date like 2026-11-25",
                line=field_line(page, "reviewed") or 2,
                hint="add 'reviewed: YYYY-MM-DD' to the front matter: the day someone last checked "
                f"the facts on the page; and an entry for {name} with that date in {display_path(path)}",
            ))
            continue
        naming = [entry for entry in entries if entry.names(name)]
        newest = max(naming, key=lambda entry: entry.date, default=None)
        if newest is not None and newest.date == reviewed:
            continue
        found = (f"the newest entry that names {name} (or \"*\") in {display_path(path)} is dated "
                 f"{newest.date} (line {newest.line})" if newest else
                 f"no entry in {display_path(path)} names {name} (or \"*\")")
        errors.append(InputError(
            page, f"'reviewed: {reviewed}' does not match: {found}",
            line=field_line(page, "reviewed"),
            hint=f"if you checked the facts on {reviewed}, add an entry to {display_path(path)} with "
            f"'date: {reviewed}', 'pages: [{name}]' and what changed in 'sv:' and 'en:'; otherwise "
            + (f"set 'reviewed:' back to {newest.date}" if newest else "fix the date"),
        ))
    return errors


def read(path: Path = DATA_FILE, docs: Path = DOCS) -> Changes:
    """Read and validate the changes and the pages' `reviewed:` dates; every problem at once."""
    root = load(path, "changes", TextDatesLoader)
    if not isinstance(root.value, list) or not root.value:
        raise InputErrors([InputError(
            path, "the changes file must be a list with at least one change", line=1,
            hint="start each change with '- date: YYYY-MM-DD', then 'pages:', 'sv:' and 'en:'",
        )])
    errors: list[InputError] = []
    entries: list[Change] = []
    anchors: dict[str, int] = {}
    for item in root.items():
        entry = _read_entry(path, item, docs, errors)
        if entry is None:
            continue
        if entry.anchor in anchors:
            errors.append(InputError(
                path, f"the change on line {entry.line} has the same date and first page as the "
                f"change on line {anchors[entry.anchor]}", line=entry.line,
                hint="write both in one entry, or put another page first",
            ))
            continue
        anchors[entry.anchor] = entry.line
        entries.append(entry)
    titles: dict[str, dict[str, str]] = {}
    for name in sorted({page for entry in entries for page in entry.pages} - {EVERY_PAGE}):
        found = {language: _title(twin(docs, name, language), errors) for language in LANGUAGES}
        if all(found.values()):
            titles[name] = {language: str(title) for language, title in found.items()}
    if not errors:
        errors = check_reviewed(entries, path, docs)
    if errors:
        raise InputErrors(errors)
    entries.sort(key=lambda entry: entry.date, reverse=True)
    return Changes(path, entries, titles)


def date_text(date: datetime.date, language: str) -> str:
    """25 november 2026 / 25 November 2026."""
    return f"{date.day} {labels(NAME)(f'month_{date.month}', language)} {date.year}"


def page_url(name: str) -> str:
    """The page's path under a language root: 'modellen.md' -> 'modellen/', 'index.md' -> ''."""
    stem = name.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def render_list(changes: Changes, language: str) -> str:
    label = labels(NAME)
    lines: list[str] = []
    for entry in changes.entries:
        if EVERY_PAGE in entry.pages:
            pages = label("every_page", language)
        else:
            pages = ", ".join(f"[{changes.titles[name][language]}]({name})" for name in entry.pages)
        which = label("page" if pages.count("](") == 1 else "pages", language)
        lines += [
            f'### <time datetime="{entry.date.isoformat()}">{date_text(entry.date, language)}</time>'
            f" {{#{entry.anchor}}}",
            "",
            f"**{which}:** {pages}",
            "",
            entry.text[language],
            "",
        ]
    return "\n".join(lines)


def feed_xml(changes: Changes, language: str, base_url: str, site_name: str) -> bytes:
    """An Atom feed (RFC 4287) of the changes, with absolute links under base_url."""
    label = labels(NAME)
    root_url = base_url + ("" if language == "sv" else f"{language}/")
    page = root_url + f"{FEED}/"

    def add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
        element.text = text
        return element

    def stamp(date: datetime.date) -> str:
        return f"{date.isoformat()}T00:00:00Z"

    feed = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: language})
    add(feed, "id", page)
    add(feed, "title", f"{label('feed_title', language)}: {site_name}")
    add(feed, "updated", stamp(changes.entries[0].date))
    add(add(feed, "author"), "name", site_name)
    add(feed, "link", rel="self", type="application/atom+xml", href=f"{root_url}{FEED}.xml")
    add(feed, "link", rel="alternate", type="text/html", href=page)
    for entry in changes.entries:
        item = add(feed, "entry")
        add(item, "id", f"{page}#{entry.anchor}")
        if EVERY_PAGE in entry.pages:
            title, targets = label("every_page", language), [""]
        else:
            title = ", ".join(changes.titles[name][language] for name in entry.pages)
            targets = [page_url(name) for name in entry.pages]
        add(item, "title", f"{date_text(entry.date, language)}: {title}")
        add(item, "updated", stamp(entry.date))
        for number, target in enumerate(targets):
            add(item, "link", rel="alternate" if number == 0 else "related", type="text/html",
                href=root_url + target)
        add(item, "content", entry.text[language], type="text")
    ET.indent(feed)
    belongs = display_path(changes.path)
    body = ET.tostring(feed, encoding="unicode")
    return (f'<?xml version="1.0" encoding="utf-8"?>\n'
            f"<!-- {MARKER} from {belongs} and site_url by python -m scripts.changes -->\n"
            f"{body}\n").encode("utf-8")


def render(changes: Changes, base_url: str, site_names: dict[str, str],
           out_dir: Path = GENERATED_SNIPPETS, feed_dir: Path = DOCS) -> list[Fragment]:
    belongs = display_path(changes.path)
    found = []
    for language in LANGUAGES:
        found.append(Fragment.markdown(out_dir / f"{FEED}.{language}.md",
                                       render_list(changes, language), belongs))
        suffix = "" if language == "sv" else f".{language}"
        found.append(Fragment(feed_dir / f"{FEED}{suffix}.xml",
                              feed_xml(changes, language, base_url, site_names[language]), belongs))
    return found


def site_names(config_file: Path = ROOT / "mkdocs.yml") -> dict[str, str]:
    """The site's name in each language: site_name, or the i18n plugin's name for the language."""
    from mkdocs.config import load_config

    config = load_config(str(config_file))
    names = {language: config.site_name for language in LANGUAGES}
    plugin = config.plugins.get("i18n")
    for language in getattr(plugin, "config", {}).get("languages", []) if plugin else []:
        if language.locale in names and language.site_name:
            names[language.locale] = language.site_name
    return names


def fragments(data_path: Path = DATA_FILE, docs: Path = DOCS, out_dir: Path = GENERATED_SNIPPETS) -> list[Fragment]:
    from scripts.qr_codes import site_url

    return render(read(data_path, docs), site_url(), site_names(), out_dir, docs)


if __name__ == "__main__":
    from scripts.generate import main_for_kind

    sys.exit(main_for_kind(NAME, sys.argv[1:]))
