"""The sources registry: data/sources.yml -> the page "Källor" and each page's own list of sources.

A page cites a source by its id, in its front matter (`sources: [kulturradet, ...]`, an item may
be `id: what the page uses`) or in its text as a reference link (`[Kulturrådet][kulturradet]`).
Every external link on a page must have its address in the registry. Fragments, under
snippets/generated/:
- kallor.<lang>.md: every source, grouped by kind, with the date it was checked and the pages
  that cite it (included by docs/kallor.md);
- kallor/<page>.<lang>.md: the sources one page cites (included under the page's "Källor");
- source-links.md: a link definition per id, appended to every page so that `[text][id]` works.

    python -m scripts.sources [--check]
"""

from __future__ import annotations

import datetime
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from scripts.datafile import bilingual, entry_start, first_use, labels
from scripts.errors import InputError, InputErrors, display_path
from scripts.fragments import Fragment
from scripts.frontmatter import split
from scripts.paths import DATA, DOCS, GENERATED_SNIPPETS, LANGUAGES, page_language
from scripts.yaml_lines import LOADER, Located, load

NAME = "sources"
DATA_FILE = DATA / "sources.yml"
KINDS = ("lag", "förordning", "förarbete", "myndighet", "organisation", "rapport", "region")
NO_ADDRESS = "none"
UNCHECKED = "unchecked"
DUE_AFTER = datetime.timedelta(days=365)
FIELDS = {"id", "title", "short", "publisher", "kind", "address", "checked", "used_for", "language"}
# The language a source's page is written in. English pages mark a link to a page in Swedish.
SOURCE_LANGUAGES = ("sv", "en")

# What a page's text can hold: inline links, autolinks, raw HTML links and reference links.
EXTERNAL = re.compile(r"\]\(\s*<?(https?://[^)\s>]+)>?|<(https?://[^>\s]+)>|href=\"(https?://[^\"]+)\"")
REFERENCE = re.compile(r"\]\[([^\]]+)\]")
FENCE = re.compile(r"^\s*(```|~~~)")
INLINE_CODE = re.compile(r"`[^`]*`")


@dataclass(frozen=True)
class Source:
    id: str
    line: int
    title: dict[str, str]
    publisher: dict[str, str]
    kind: str
    address: str  # https://..., a page under docs/ (rapporten/index.md), or "none"
    checked: datetime.date | None  # None: unchecked
    used_for: dict[str, str] | None
    short: dict[str, str] | None = None
    language: str = "sv"  # the language of the page at `address`

    @property
    def is_web(self) -> bool:
        return self.address.startswith("https://") or self.address.startswith("http://")

    def only_in_swedish_for(self, language: str) -> bool:
        """True when a reader of `language` follows this link to a page written only in Swedish."""
        return language == "en" and self.is_web and self.language == "sv"


@dataclass(frozen=True)
class Citation:
    source: str
    page: Path
    line: int
    detail: str = ""


@dataclass
class Registry:
    path: Path
    sources: dict[str, Source]
    citations: dict[Path, list[Citation]] = field(default_factory=dict)  # page -> its citations

    def pages_citing(self, source_id: str, language: str) -> list[Path]:
        return sorted(page for page, cited in self.citations.items()
                      if page_language(page) == language and any(c.source == source_id for c in cited))


def due(registry: Registry, today: datetime.date) -> list[Source]:
    """Sources whose address was last checked more than 12 months before `today`."""
    return [s for s in registry.sources.values() if s.checked and today - s.checked > DUE_AFTER]


# --- reading the registry --------------------------------------------------------------------


def _source(path: Path, item: Located, docs: Path, errors: list[InputError]) -> Source | None:
    before = len(errors)
    start = entry_start(path, item, "source", FIELDS, errors=errors,
                        id_hint="for example 'id: kulturradet'; pages cite the source by its id")
    if start is None:
        return None
    source_id, value, lines = start
    what = f"source '{source_id}'"
    title = bilingual(path, item, "title", what, errors)
    used_for = bilingual(path, item, "used_for", what, errors, required=False)
    short = bilingual(path, item, "short", what, errors, required=False)
    # A publisher is a name, the same in both languages, unless a note needs translating.
    raw_publisher = value.get("publisher")
    if isinstance(raw_publisher, dict):
        publisher = bilingual(path, item, "publisher", what, errors)
    elif isinstance(raw_publisher, str) and raw_publisher.strip():
        publisher = {language: raw_publisher.strip() for language in LANGUAGES}
    else:
        publisher = None
        errors.append(InputError(path, f"{what}: the field 'publisher' is missing", line=item.line,
                                 hint="name who publishes the source, e.g. 'publisher: Statens kulturråd',"
                                 " or give 'sv:' and 'en:' when it carries a note to translate"))
    kind = value.get("kind")
    if kind not in KINDS:
        errors.append(InputError(path, f"{what}: 'kind' is {'missing' if kind is None else repr(kind)}",
                                 line=lines.get("kind", item.line), hint=f"use one of {', '.join(KINDS)}"))
    address = value.get("address")
    if not isinstance(address, str) or not address.strip():
        errors.append(InputError(
            path, f"{what}: the field 'address' is missing", line=lines.get("address", item.line),
            hint="write the web address (https://...) as it stands in shared/facts.md, the report or a"
            f" link already on the site, or '{NO_ADDRESS}' if the source has none; never guess one"))
    elif not (address.startswith("https://") or address.startswith("http://") or address == NO_ADDRESS
              or (address.endswith(".md") and (docs / address).is_file())):
        errors.append(InputError(path, f"{what}: the address {address!r} is not a web address, a page"
                                 f" of the site or '{NO_ADDRESS}'", line=lines["address"],
                                 hint="for a page of this site, give its file under docs/, e.g. rapporten/index.md"))
    checked = value.get("checked")
    if isinstance(checked, datetime.datetime) or not (isinstance(checked, datetime.date) or checked == UNCHECKED):
        problem = "missing" if checked is None else f"not a date: {checked!r}"
        errors.append(InputError(
            path, f"{what}: 'checked' is {problem}", line=lines.get("checked", item.line),
            hint=f"write the day someone looked at the address, like 2026-11-25, or '{UNCHECKED}';"
            " never the day of the build"))
    source_language = value.get("language", "sv")
    if source_language not in SOURCE_LANGUAGES:
        errors.append(InputError(path, f"{what}: 'language' is {source_language!r}", line=lines["language"],
                                 hint="write 'language: en' for a page in English; leave it out for Swedish"))
    if len(errors) > before or title is None or publisher is None:
        return None
    return Source(source_id, item.line, title, publisher, kind, address.strip(),
                  checked if isinstance(checked, datetime.date) else None, used_for, short,
                  source_language if source_language in SOURCE_LANGUAGES else "sv")


def load_registry(path: Path = DATA_FILE, docs: Path = DOCS) -> dict[str, Source]:
    """The registry alone, for other data kinds that cite sources by id; InputErrors if it is wrong."""
    errors: list[InputError] = []
    sources = _read_registry(path, docs, errors)
    if errors:
        raise InputErrors(errors)
    return sources


def link(source: Source, language: str) -> str:
    """The source's short name, linked to its web address where it has one (for tight lists in
    fragments included by pages at the top of docs/)."""
    title = (source.short or source.title)[language]
    if source.is_web:
        return f"[{title}]({source.address}){in_swedish(source, language)}"
    return f"[{title}]({source.address})" if source.address != NO_ADDRESS else title


def in_swedish(source: Source, language: str) -> str:
    """' (in Swedish)' after a link from an English page to a page only in Swedish, else ''."""
    return f" {labels(NAME)('in_swedish', language)}" if source.only_in_swedish_for(language) else ""


def _read_registry(path: Path, docs: Path, errors: list[InputError]) -> dict[str, Source]:
    root = load(path, "sources")
    block = root.get("sources") if isinstance(root.value, dict) else None
    if block is None or not isinstance(block.value, list) or not block.value:
        errors.append(InputError(path, "the file needs a 'sources:' list", line=1,
                                 hint="see the comment at the top of data/sources.yml"))
        return {}
    for key, line in root.key_lines().items():
        if key != "sources":
            errors.append(InputError(path, f"unknown field '{key}'", line=line, hint="the file has only 'sources:'"))
    sources: dict[str, Source] = {}
    first_line: dict[str, int] = {}
    for item in block.items():
        source = _source(path, item, docs, errors)
        if source is None:
            continue
        if first_use(path, first_line, "source", source.id, source.line,
                     "give each source its own id, or merge the two entries", errors):
            sources[source.id] = source
    return sources


# --- reading the pages -----------------------------------------------------------------------


def _front_matter_citations(page: Path, text: str, errors: list[InputError]) -> list[Citation]:
    try:
        front, _, _ = split(page, text)
    except InputError as error:
        errors.append(error)
        return []
    if "sources:" not in front:
        return []
    loader = LOADER(front)
    try:
        node = loader.get_single_node()
        meta = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    if not isinstance(meta, dict) or "sources" not in meta:
        return []
    located = Located(page, meta, node).get("sources")
    assert located is not None
    if not isinstance(located.value, list):
        errors.append(InputError(page, "'sources:' must be a list of source ids", line=located.line + 1,
                                 hint="write one '- id' per line, e.g. '- kulturradet'"))
        return []
    found = []
    for item in located.items():
        line = item.line + 1  # the front matter starts after the first '---' line
        value = item.value
        if isinstance(value, str):
            found.append(Citation(value.strip(), page, line))
        elif isinstance(value, dict) and len(value) == 1:
            source_id, detail = next(iter(value.items()))
            found.append(Citation(str(source_id), page, line, str(detail or "").strip()))
        else:
            errors.append(InputError(page, "each item under 'sources:' is an id, or 'id: what the page uses'",
                                     line=line, hint="for example '- forordning-2010-2012: 7 §, om samråd'"))
    return found


def _page_citations(page: Path, addresses: dict[str, str], known: dict[str, Source],
                    errors: list[InputError]) -> list[Citation]:
    text = page.read_text(encoding="utf-8")
    cited = _front_matter_citations(page, text, errors)
    in_fence = False
    for number, line in enumerate(text.splitlines(), start=1):
        if FENCE.match(line):
            in_fence = not in_fence
        if in_fence:
            continue
        line = INLINE_CODE.sub("", line)
        for match in EXTERNAL.finditer(line):
            address = next(group for group in match.groups() if group)
            if address in addresses:
                cited.append(Citation(addresses[address], page, number))
                _needs_in_swedish(page, number, line, match.end(), known.get(addresses[address]), errors)
                continue
            errors.append(InputError(
                page, f"the link to {address} is not in the sources registry", line=number,
                hint=f"add the source to {display_path(DATA_FILE)} (id, title, publisher, kind, address,"
                " checked), then cite it by its id: in the front matter under 'sources:', or as"
                " [text][id] in the text. Use only addresses from shared/facts.md, the report, or links"
                " already on the site"))
        for match in REFERENCE.finditer(line):
            cited.append(Citation(match.group(1).strip().lower(), page, number))
            _needs_in_swedish(page, number, line, match.end(), known.get(match.group(1).strip().lower()), errors)
    for citation in cited:
        if citation.source not in known:
            errors.append(InputError(page, f"the page cites the source '{citation.source}', which is not"
                                     " in the sources registry", line=citation.line,
                                     hint=f"check the spelling, or add the source to {display_path(DATA_FILE)}"))
    # One entry per source, in the order first cited; a detail from the front matter wins.
    unique: dict[str, Citation] = {}
    for citation in cited:
        if citation.source in known and (citation.source not in unique or citation.detail):
            unique.setdefault(citation.source, citation)
            if citation.detail and not unique[citation.source].detail:
                unique[citation.source] = citation
    return list(unique.values())


def _needs_in_swedish(page: Path, number: int, line: str, end: int, source: Source | None,
                      errors: list[InputError]) -> None:
    """A link on an English page to a page only in Swedish must say so right after the link."""
    if source is None or not source.only_in_swedish_for(page_language(page)):
        return
    label = labels(NAME)("in_swedish", "en")
    if not line[end:].lstrip(")>").lstrip().startswith(label):  # after the link's closing bracket
        errors.append(InputError(
            page, f"the link to the source '{source.id}' leads to a page in Swedish", line=number,
            hint=f"write '{label}' right after the link, or, if the page is in English, add"
            f" 'language: en' to the source in {display_path(DATA_FILE)}"))


def read(path: Path = DATA_FILE, docs: Path = DOCS) -> Registry:
    """The registry and every page's citations; InputErrors with every problem found."""
    errors: list[InputError] = []
    sources = _read_registry(path, docs, errors)
    addresses = {s.address: s.id for s in sources.values() if s.is_web}
    registry = Registry(path, sources)
    for page in sorted(docs.rglob("*.md")):
        cited = _page_citations(page, addresses, sources, errors)
        if cited:
            registry.citations[page] = cited
    if errors:
        raise InputErrors(errors)
    return registry


# --- the fragments ---------------------------------------------------------------------------


def _link(source: Source, language: str, from_page: Path, docs: Path) -> str:
    title = source.title[language]
    if source.is_web:
        return f"[{title}]({source.address}){in_swedish(source, language)}"
    if source.address == NO_ADDRESS:
        return title
    target = Path(os.path.relpath(docs / source.address, from_page.parent)).as_posix()
    return f"[{title}]({target})"


def _date(day: datetime.date) -> str:
    # The text is already the machine-readable date (YYYY-MM-DD), so no datetime attribute is
    # needed (HTML: <time>'s value is then its text); it would be sent again for every source.
    return f"<time>{day.isoformat()}</time>"


def _page_title(page: Path) -> str:
    front, _, _ = split(page, page.read_text(encoding="utf-8"))
    meta = LOADER(front).get_data() or {}
    return str(meta.get("title", page.stem))


def render_page_sources(registry: Registry, page: Path, docs: Path) -> str:
    language = page_language(page)
    lines = []
    for citation in registry.citations[page]:
        source = registry.sources[citation.source]
        text = f"- {_link(source, language, page, docs)}"
        lines.append(f"{text}: {citation.detail}" if citation.detail else text)
    return "\n".join(lines)


def render_registry(registry: Registry, language: str, docs: Path) -> str:
    label = labels(NAME)
    kallor_page = docs / ("kallor.md" if language == "sv" else "kallor.en.md")
    out = []
    for kind in KINDS:
        members = sorted((s for s in registry.sources.values() if s.kind == kind), key=lambda s: s.title[language].casefold())
        if not members:
            continue
        anchor = kind.replace("ö", "o").replace("ä", "a")
        out.append(f"## {label(f'kind_{anchor}', language)} {{#{anchor}}}\n")
        for source in members:
            parts = [f"**{_link(source, language, kallor_page, docs)}**, {source.publisher[language]}."]
            if source.used_for:
                parts.append(source.used_for[language])
            if source.address == NO_ADDRESS:
                parts.append(label("no_address", language))
            elif source.checked:
                parts.append(label("checked", language, date=_date(source.checked)))
            else:
                parts.append(label("unchecked", language))
            pages = registry.pages_citing(source.id, language)
            if pages:
                links = ", ".join(f"[{_page_title(p)}]({Path(os.path.relpath(p, docs)).as_posix().replace('.en.md', '.md')})"
                                  for p in pages)
                parts.append(f"{label('used_on', language)}: {links}.")
            out.append("- " + " ".join(parts))
        out.append("")
    return "\n".join(out)


def render_link_definitions(registry: Registry) -> str:
    return "\n\n".join(f"[{s.id}]: {s.address}" for s in registry.sources.values() if s.is_web)


def page_fragment(page: Path, docs: Path = DOCS, out_dir: Path = GENERATED_SNIPPETS) -> Path:
    relative = Path(os.path.relpath(page, docs)).as_posix().removesuffix(".md").removesuffix(".en")
    return out_dir / "kallor" / f"{relative}.{page_language(page)}.md"


def render(registry: Registry, docs: Path = DOCS, out_dir: Path = GENERATED_SNIPPETS) -> list[Fragment]:
    belongs = display_path(registry.path)
    found = [Fragment.markdown(out_dir / "source-links.md", render_link_definitions(registry), belongs,
                               in_page=False)]
    for language in LANGUAGES:
        found.append(Fragment.markdown(out_dir / f"kallor.{language}.md",
                                       render_registry(registry, language, docs), belongs))
    for page in registry.citations:
        found.append(Fragment.markdown(page_fragment(page, docs, out_dir),
                                       render_page_sources(registry, page, docs), belongs))
    return found


def fragments(path: Path = DATA_FILE, docs: Path = DOCS, out_dir: Path = GENERATED_SNIPPETS) -> list[Fragment]:
    registry = read(path, docs)
    for source in due(registry, datetime.date.today()):
        print(f"warning: {display_path(registry.path)}:{source.line}: source '{source.id}' was last checked"
              f" on {source.checked}, more than 12 months ago; look at {source.address} again and update"
              " 'checked'", file=sys.stderr)
    return render(registry, docs, out_dir)


if __name__ == "__main__":
    from scripts.generate import main_for_kind

    sys.exit(main_for_kind(NAME, sys.argv[1:]))
