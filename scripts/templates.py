"""Templates to fill in (/mallar/): each template page is the one source of its Word file.

data/templates.yml lists the templates: the page (docs/mallar/<id>.md and its English twin), the
name of the Word file in each language and the sections (heading ids) each one must have. The part
of a page between `<div class="template" markdown>` and `</div>` is the template itself; the rest
(title, how-to) is only on the page. From each page this writes:

- docs/mallar/<sv name>.docx and docs/mallar/<en name>.en.docx: the template as a Word file, with
  Word's own heading styles (Heading 1 for the title, Heading 2 and 3 for the sections), paragraphs,
  bulleted and numbered lists, and the placeholders in [square brackets]. mkdocs-static-i18n
  publishes them at /mallar/<sv name>.docx and /en/mallar/<en name>.docx. Build output, never
  committed, like the QR codes;
- snippets/generated/mallar/<id>.{sv,en}.txt: the same template as plain text, for pages that show
  a text to copy (the invitation kit);
- snippets/generated/mallar.{sv,en}.md: the list of templates on the overview page.

Every link to a .docx in docs/ must lead to one of these files in the page's own language.
The Markdown is read with markdown-it-py, which gives every block its line.

    python -m scripts.templates [--check]
"""

from __future__ import annotations

import io
import posixpath
import re
import sys
import textwrap
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from scripts.datafile import ID, entry_start, labels
from scripts.errors import InputError, InputErrors, display_path
from scripts.fragments import Fragment
from scripts.frontmatter import read as read_page
from scripts.paths import DATA, DOCS, GENERATED_SNIPPETS, LANGUAGES
from scripts.yaml_lines import Located, load

NAME = "templates"
DATA_FILE = DATA / "templates.yml"
FOLDER = "mallar"
AUDIENCES = ("foreningar", "regioner")
ENTRY_KEYS = {"id", "audience", "docx", "sections"}
DOCX_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\.docx$")
TEMPLATE_START = re.compile(r'^<div\s+class="template"\s+markdown(?:="1")?\s*>\s*$')
TEMPLATE_END = re.compile(r"^</div>\s*$")
HEADING_ID = re.compile(r"\s*\{#([A-Za-z0-9_-]+)\}\s*$")
URL_INCLUDE = re.compile(r'^\s*--8<--\s+"generated/url-([a-z0-9-]+)\.txt"\s*$')
ANY_INCLUDE = re.compile(r'^\s*--8<--\s+"([^"]+)"\s*$')
DOCX_LINK = re.compile(r"\]\(([^)\s]+\.docx)(?:#[^)]*)?\)")
# A fixed time for every member of the Word file, so that the same page gives the same bytes.
ZIP_TIME = (2026, 1, 1, 0, 0, 0)
PLAIN_WIDTH = 60


@dataclass(frozen=True)
class Block:
    """One block of a template: a heading (level 1-3), a paragraph or a list item."""

    kind: str  # heading, paragraph, bullet, number
    runs: tuple[tuple[str, bool, bool], ...]  # (text, bold, italic)
    line: int  # in the page
    level: int = 0
    anchor: str | None = None

    @property
    def text(self) -> str:
        return "".join(text for text, _bold, _italic in self.runs)


@dataclass
class Version:
    """One language of a template: its page and what the page says."""

    language: str
    page: Path
    docx: str  # file name as published: vart-inspel.docx
    title: str = ""
    description: str = ""
    blocks: list[Block] = field(default_factory=list)

    @property
    def docx_source(self) -> Path:
        """Where the file is written in docs/: `x.docx` for Swedish, `x.en.docx` for English."""
        stem = self.docx.removesuffix(".docx")
        suffix = "" if self.language == "sv" else f".{self.language}"
        return self.page.parent / f"{stem}{suffix}.docx"


@dataclass
class Template:
    id: str
    line: int
    audience: str
    sections: tuple[str, ...]
    versions: dict[str, Version]


def page_path(docs: Path, template_id: str, language: str) -> Path:
    return docs / FOLDER / (f"{template_id}.md" if language == "sv" else f"{template_id}.{language}.md")


# --- reading ---------------------------------------------------------------------------------

def _inline_runs(token: Token) -> tuple[tuple[str, bool, bool], ...]:
    runs: list[tuple[str, bool, bool]] = []
    bold = italic = False
    href: str | None = None
    for child in token.children or []:
        if child.type == "strong_open":
            bold = True
        elif child.type == "strong_close":
            bold = False
        elif child.type == "em_open":
            italic = True
        elif child.type == "em_close":
            italic = False
        elif child.type == "link_open":
            href = str(child.attrs.get("href", ""))
        elif child.type == "link_close":
            if href and href.startswith(("http://", "https://", "mailto:")):
                runs.append((f" ({href.removeprefix('mailto:')})", bold, italic))
            href = None
        elif child.type in ("text", "code_inline"):
            runs.append((child.content, bold, italic))
        elif child.type == "softbreak":
            # A line break in the source is a space on the page, so in the Word file too.
            runs.append((" ", bold, italic))
        elif child.type == "hardbreak":
            runs.append(("\n", bold, italic))
    return tuple(runs)


def parse_template(text: str, path: Path, first_line: int, errors: list[InputError],
                   includes: tuple[int, ...] = ()) -> list[Block]:
    """The blocks inside the page's template div; `text` starts on line `first_line`.

    `includes` are the lines of other --8<-- includes, which may stand outside the template only."""
    markdown = MarkdownIt("commonmark")
    tokens = markdown.parse(text)
    blocks: list[Block] = []
    inside = False
    start_line = None
    list_kinds: list[str] = []
    pending: str | None = None
    pending_level = 0
    for index, token in enumerate(tokens):
        line = first_line + (token.map[0] if token.map else 0)
        if token.type == "html_block":
            lines = token.content.strip().splitlines()
            if any(TEMPLATE_START.match(item) for item in lines):
                if inside:
                    errors.append(InputError(path, "a second template part starts inside the first", line,
                                             hint='close the first with </div> before <div class="template" markdown>'))
                inside, start_line = True, line
            elif inside and any(TEMPLATE_END.match(item) for item in lines):
                inside = False
                for number in includes:
                    if start_line < number < line:
                        errors.append(InputError(
                            path, "a template can include only page addresses (generated/url-<name>.txt)",
                            number, hint="write the text in the page itself"))
            continue
        if not inside:
            continue
        if token.type == "bullet_list_open":
            list_kinds.append("bullet")
        elif token.type == "ordered_list_open":
            list_kinds.append("number")
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            list_kinds.pop()
        elif token.type == "heading_open":
            pending, pending_level = "heading", int(token.tag[1])
        elif token.type == "paragraph_open":
            pending = list_kinds[-1] if list_kinds else "paragraph"
        elif token.type == "inline" and pending:
            runs = _inline_runs(token)
            anchor = None
            if pending == "heading" and runs:
                text_, bold, italic = runs[-1]
                match = HEADING_ID.search(text_)
                if match:
                    anchor = match.group(1)
                    runs = (*runs[:-1], (text_[: match.start()], bold, italic))
            blocks.append(Block(pending, runs, line, pending_level, anchor))
            pending = None
        elif token.type == "fence" or token.type == "code_block":
            errors.append(InputError(path, "a template cannot hold a code block", line,
                                     hint="write the text as ordinary paragraphs; the Word file has no code"))
    if start_line is None:
        errors.append(InputError(path, "the page has no template part", first_line,
                                 hint='put the template between <div class="template" markdown> and </div>, '
                                 "each on a line of its own with an empty line after it"))
    elif inside:
        errors.append(InputError(path, "the template part is not closed", start_line,
                                 hint="add a line </div> after the template"))
    return blocks


def _resolve_includes(text: str, path: Path, first_line: int, urls: dict[str, str],
                      errors: list[InputError]) -> tuple[str, tuple[int, ...]]:
    """Put each page address included with --8<-- "generated/url-<name>.txt" into the text.

    Other includes become empty lines; their line numbers are returned."""
    out = []
    others = []
    for number, line in enumerate(text.splitlines(), start=first_line):
        match = URL_INCLUDE.match(line)
        if match:
            if match.group(1) not in urls:
                errors.append(InputError(path, f"there is no short link 'url-{match.group(1)}.txt'", number,
                                         hint=f"the short links are: {', '.join(sorted(urls))}"))
                out.append("")
            else:
                out.append(urls[match.group(1)])
            continue
        if ANY_INCLUDE.match(line):
            others.append(number)
            out.append("")
            continue
        out.append(line)
    return "\n".join(out) + "\n", tuple(others)


def _read_version(template_id: str, version: Version, urls: dict[str, str],
                  errors: list[InputError]) -> None:
    if not version.page.is_file():
        other = "Swedish" if version.language == "sv" else "English"
        errors.append(InputError(DATA_FILE, f"template '{template_id}': the {other} page "
                                 f"{display_path(version.page)} does not exist", None,
                                 hint="create the page, or remove the template from data/templates.yml"))
        return
    try:
        page = read_page(version.page)
    except InputError as error:
        errors.append(error)
        return
    version.title = str(page.meta.get("title", "")).strip()
    version.description = str(page.meta.get("description", "")).strip()
    body, includes = _resolve_includes(page.body, version.page, page.body_start_line, urls, errors)
    version.blocks = parse_template(body, version.page, page.body_start_line, errors, includes)
    heading = next((b for b in _page_title(body, page.body_start_line)), None)
    if heading:
        version.blocks.insert(0, heading)


def _page_title(body: str, first_line: int) -> list[Block]:
    """The page's own # heading, which becomes the Word file's Heading 1."""
    tokens = MarkdownIt("commonmark").parse(body)
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == "h1":
            runs = _inline_runs(tokens[index + 1])
            text = HEADING_ID.sub("", "".join(t for t, _b, _i in runs))
            return [Block("heading", ((text, False, False),), first_line + token.map[0], 1)]
    return []


def _check_sections(template: Template, template_lines: dict[str, int], errors: list[InputError]) -> None:
    for version in template.versions.values():
        if not version.blocks:
            continue
        if not any(b.kind == "heading" and b.level == 1 for b in version.blocks):
            errors.append(InputError(version.page, "the page has no title heading (# ...)",
                                     version.blocks[0].line, hint="start the page body with '# Title'"))
        found = {b.anchor: b.line for b in version.blocks if b.kind == "heading" and b.anchor}
        inside = [b for b in version.blocks if not (b.kind == "heading" and b.level == 1)]
        where = inside[0].line if inside else version.blocks[0].line
        for section in template.sections:
            if section in found:
                where = found[section]
                continue
            errors.append(InputError(
                version.page, f"template '{template.id}': the required section {{#{section}}} is missing "
                f"(data/templates.yml line {template_lines.get(section, template.line)})", where,
                hint=f"add a heading like '## ... {{#{section}}}' inside the template part, after line {where}; "
                "the same id in both languages",
            ))


def read(data_file: Path = DATA_FILE, docs: Path = DOCS, urls: dict[str, str] | None = None) -> list[Template]:
    """Every template, checked: its entry, both pages, the required sections, the .docx links."""
    if urls is None:
        urls = page_urls()
    root = load(data_file, "templates")
    errors: list[InputError] = []
    entries = root.get("templates") if isinstance(root.value, dict) else None
    if entries is None or not isinstance(entries.value, list):
        raise InputError(data_file, "the file must have a list 'templates:'", line=1,
                         hint="see the comment at the top of data/templates.yml")
    templates: list[Template] = []
    seen: dict[str, int] = {}
    docx_names: dict[tuple[str, str], int] = {}
    for item in entries.items():
        template = _read_entry(data_file, item, docs, seen, docx_names, errors)
        if template is None:
            continue
        for version in template.versions.values():
            _read_version(template.id, version, urls, errors)
        sections_node = item.get("sections")
        lines = {}
        if sections_node is not None:
            lines = {value: node.start_mark.line + 1 for value, node in
                     zip(sections_node.value or [], getattr(sections_node.node, "value", []))
                     if isinstance(value, str)}
        _check_sections(template, lines, errors)
        templates.append(template)
    errors += unknown_pages(templates, docs)
    errors += docx_link_errors(templates, docs)
    if errors:
        raise InputErrors(errors)
    return templates


def _read_entry(path: Path, item: Located, docs: Path, seen: dict[str, int],
                docx_names: dict[tuple[str, str], int], errors: list[InputError]) -> Template | None:
    start = entry_start(path, item, "template", ENTRY_KEYS, errors=errors,
                        id_hint="the id is the page's file name: 'id: vart-inspel' for docs/mallar/vart-inspel.md")
    if start is None:
        return None
    template_id, _, lines = start
    label = f"template '{template_id}'"
    if template_id in seen:
        errors.append(InputError(path, f"{label} is listed twice (first on line {seen[template_id]})", item.line,
                                 hint="keep one of them"))
        return None
    seen[template_id] = item.line
    audience = item.value.get("audience")
    if audience not in AUDIENCES:
        errors.append(InputError(path, f"{label}: audience must be one of {', '.join(AUDIENCES)}",
                                 item.key_line("audience")))
    docx = item.get("docx")
    names: dict[str, str] = {}
    if docx is None or not isinstance(docx.value, dict):
        errors.append(InputError(path, f"{label}: 'docx' must give the Word file's name in each language",
                                 item.key_line("docx"), hint="for example 'docx: {sv: vart-inspel.docx, en: our-input.docx}'"))
    else:
        for language in LANGUAGES:
            name = docx.value.get(language)
            line = docx.key_line(language)
            if not isinstance(name, str) or not DOCX_NAME.match(name):
                errors.append(InputError(path, f"{label}: the {language} Word file name {name!r} is not valid", line,
                                         hint="lowercase ASCII letters, digits and hyphens, ending in .docx"))
                continue
            if (language, name) in docx_names:
                errors.append(InputError(path, f"{label}: {name} is already used (line {docx_names[(language, name)]})",
                                         line, hint="give each template its own file name"))
                continue
            docx_names[(language, name)] = line
            names[language] = name
    sections = item.value.get("sections")
    if not isinstance(sections, list) or not sections or not all(isinstance(s, str) and ID.match(s) for s in sections):
        errors.append(InputError(path, f"{label}: 'sections' must list the heading ids the template needs",
                                 item.key_line("sections"), hint="for example 'sections: [vilka-vi-ar, vara-fragor]'"))
        sections = []
    if len(names) != len(LANGUAGES) or audience not in AUDIENCES:
        return None
    versions = {language: Version(language, page_path(docs, template_id, language), names[language])
                for language in LANGUAGES}
    return Template(template_id, item.line, audience, tuple(sections), versions)


def unknown_pages(templates: list[Template], docs: Path) -> list[InputError]:
    """A page in docs/mallar/ that data/templates.yml does not list gets no Word file: say so."""
    known = {t.id for t in templates}
    errors = []
    for page in sorted((docs / FOLDER).glob("*.md")):
        stem = page.name.removesuffix(".md").removesuffix(".en")
        if stem != "index" and stem not in known:
            errors.append(InputError(page, f"unknown template '{stem}': data/templates.yml does not list it", 1,
                                     hint=f"add '- id: {stem}' with its audience, docx names and sections to "
                                     "data/templates.yml, or move the page out of docs/mallar/"))
    return errors


def docx_link_errors(templates: list[Template], docs: Path) -> list[InputError]:
    """Every link to a .docx in the pages must reach a Word file of the page's own language."""
    files = {(v.language, v.page.parent / v.docx): v for t in templates for v in t.versions.values()}
    errors = []
    for page in sorted(docs.rglob("*.md")):
        language = "en" if page.name.endswith(".en.md") else "sv"
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
            for match in DOCX_LINK.finditer(line):
                target = match.group(1)
                if target.startswith(("http://", "https://")):
                    continue
                resolved = Path(posixpath.normpath((page.parent / target).as_posix()))
                if (language, resolved) in files:
                    continue
                other = next((v for (lang, path), v in files.items() if path == resolved), None)
                names = sorted(f"{display_path(v.page.parent)}/{v.docx}" for (lang, _p), v in files.items()
                               if lang == language)
                problem = (f"the link {target} leads to the {'Swedish' if other.language == 'sv' else 'English'} "
                           "Word file, not to this page's language" if other else
                           f"the link {target} leads to no Word file")
                errors.append(InputError(page, problem, number,
                                         hint="link the file of the page's own language, relative to the page; "
                                         f"the files are: {', '.join(names)}"))
    return errors


def page_urls() -> dict[str, str]:
    """The short links (scripts/qr_codes.py) by name: inbjudan -> https://.../inbjudan/."""
    from scripts import qr_codes

    return {target.name: target.url for target in qr_codes.targets(qr_codes.site_url())}


# --- rendering -------------------------------------------------------------------------------

def docx_bytes(version: Version) -> bytes:
    """The Word file: real heading styles, paragraphs, lists, and the same bytes each time."""
    import datetime

    from docx import Document

    document = Document()
    properties = document.core_properties
    properties.title = version.title
    properties.subject = version.description
    properties.language = "sv-SE" if version.language == "sv" else "en-GB"
    properties.author = ""
    properties.last_modified_by = ""
    properties.revision = 1
    properties.created = properties.modified = datetime.datetime(2026, 1, 1)
    styles = {"paragraph": None, "bullet": "List Bullet", "number": "List Number"}
    for block in version.blocks:
        if block.kind == "heading":
            paragraph = document.add_heading(level=block.level)
        else:
            paragraph = document.add_paragraph(style=styles[block.kind])
        for text, bold, italic in block.runs:
            parts = text.split("\n")
            for index, part in enumerate(parts):
                if index:
                    paragraph.add_run().add_break()
                if part:
                    run = paragraph.add_run(part)
                    run.bold = bold or None
                    run.italic = italic or None
    out = io.BytesIO()
    document.save(out)
    return _fixed_zip(out.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """The same zip with a fixed time on every member (python-docx stamps the current time)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def plain_text(version: Version) -> str:
    """The template as text to copy into an e-mail: headings as lines, list items with a dash."""
    lines: list[str] = []
    number = 0
    for block in version.blocks:
        if block.kind == "heading" and block.level == 1:
            continue
        number = number + 1 if block.kind == "number" else 0
        prefix = {"bullet": "- ", "number": f"{number}. "}.get(block.kind, "")
        if lines and not (block.kind in ("bullet", "number") and lines[-1].startswith(("- ", f"{number - 1}. "))):
            lines.append("")
        # Short lines, as a text to paste into an e-mail and to read on a phone without scrolling.
        lines.append("\n".join(textwrap.fill(part, PLAIN_WIDTH, initial_indent=prefix if index == 0 else " " * len(prefix),
                                             subsequent_indent=" " * len(prefix), break_long_words=False,
                                             break_on_hyphens=False)
                               for index, part in enumerate(block.text.split("\n"))))
    return "\n".join(lines).strip() + "\n"


def render_overview(templates: list[Template], language: str) -> str:
    label = labels(NAME)
    parts = []
    for audience in AUDIENCES:
        parts.append(f"### {label('for_' + audience, language)} {{#{audience}}}\n")
        for template in (t for t in templates if t.audience == audience):
            version = template.versions[language]
            page = f"{template.id}.md"
            parts.append(f"- **[{version.title}]({page})**: {version.description}  \n"
                         f"  [{label('download', language, title=version.title)}]({version.docx})"
                         f"{{ download=\"{version.docx}\" }}")
        parts.append("")
    return "\n".join(parts)


def render(templates: list[Template], out_dir: Path = GENERATED_SNIPPETS) -> list[Fragment]:
    found: list[Fragment] = []
    for template in templates:
        for language, version in template.versions.items():
            belongs = display_path(version.page)
            found.append(Fragment(version.docx_source, docx_bytes(version), belongs))
            found.append(Fragment(out_dir / FOLDER / f"{template.id}.{language}.txt",
                                  plain_text(version).encode("utf-8"), belongs))
    for language in LANGUAGES:
        found.append(Fragment.markdown(out_dir / f"{FOLDER}.{language}.md",
                                       render_overview(templates, language), display_path(DATA_FILE)))
    return found


def fragments() -> list[Fragment]:
    return render(read())


if __name__ == "__main__":
    from scripts.generate import main_for_kind

    sys.exit(main_for_kind(NAME, sys.argv[1:]))
