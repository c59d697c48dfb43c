"""The pictures: data/figures.yml -> an SVG per figure and language, and the block a page includes.

One source per figure, with its words in both languages, drawn by one renderer:

- docs/assets/figures/<id>.svg (Swedish) and <id>.en.svg (English). Both twins link the same
  `assets/figures/<id>.svg`: mkdocs-static-i18n (suffix mode, fallback_to_default: false) gives the
  English build only files with the `.en` suffix, so the English page gets `/en/assets/figures/<id>.svg`
  with the English words. A plain relative path without the `.en` file is broken on the English
  twin (shared/notes-mkdocs.md), and so is `/assets/...`; both were tried.
- snippets/generated/figures/<id>.{sv,en}.md: the picture as an <img> with its alt text, the caption
  and the picture in words (a folded block), which the page includes on a line of its own.

An <img>, not inline SVG: the file is cached once for every visit, does not add to each page's HTML
or to the search index, prints as it is shown, and its weight can be measured on its own.
The layout is computed: boxes stacked from top to bottom (one or two in a row), so the picture
stays readable at 360 px; labels wrap at a conservative estimate of the text's width.

    python -m scripts.figures [--check]
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from scripts.datafile import ID, bilingual, entry_start, first_use, labels, unknown_fields
from scripts.errors import InputError, InputErrors, display_path
from scripts.fragments import MARKER, Fragment
from scripts.paths import DATA, DOCS, GENERATED_SNIPPETS, LANGUAGES, page_language
from scripts.yaml_lines import Located, load

NAME = "figures"
DATA_FILE = DATA / "figures.yml"
FIGURE_DIR = DOCS / "assets" / "figures"
BELONGS = "data/figures.yml"

FIGURE_KEYS = {"id", "page", "caption", "alt", "description", "rows", "arrows"}
BOX_KEYS = {"id", "title", "text", "note", "badge", "tone"}
ARROW_KEYS = {"from", "to", "label", "both_ways"}

# --- drawing constants (SVG user units; the picture is WIDTH wide and shown at most that wide) ---
# At 360 px the content column is about 328 px wide, so the scale is about 0.91 and 16 units of
# font become about 14.6 px: the smallest text stays legible on a phone.
WIDTH = 360
FONT = 16  # box text, notes and arrow labels
TITLE_FONT = 17  # box titles (bold)
BADGE_FONT = 16  # the highlight above a title (bold)
LINE = 1.3  # line height, in font sizes
PAD = 10  # inside a box
COLUMN_GAP = 14
MIN_GAP = 30  # between rows, when no arrow label needs more
EDGE = 2  # room for the strokes at the picture's edge
LOOP_GUTTER = 34  # left of the boxes, for the arrow back to the first row
HEAD = 9  # arrowhead length
# System fonts only, the same stack as the theme's with `font: false`: nothing is downloaded.
FONT_FAMILY = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"
INK = "#1a1a1a"  # text: 17:1 or more on every fill below
LINE_COLOUR = "#3c4043"  # borders and arrows: 10:1 on white (WCAG 1.4.11 asks 3:1)
TONES = {
    "grey": "#f1f3f4", "blue": "#e3eefc", "green": "#e2f3e6", "yellow": "#fdf3cf", "red": "#fbe3e0",
}

# Width of a character in font sizes, rounded up from DejaVu Sans (the widest common sans-serif
# that a system may fall back to); bold is wider by BOLD. Conservative on purpose: a label that
# fits here fits in Helvetica, Segoe UI and Roboto. tests/browser/test_figures.py measures the
# real text in Chromium.
NARROW = set("iljI.,:;'!|")
SEMI = set("frt()-/ ")
WIDE = set("mwMW")
BOLD = 1.14


def text_width(text: str, size: float, bold: bool = False) -> float:
    total = 0.0
    for char in text:
        if char in NARROW:
            total += 0.32
        elif char in SEMI:
            total += 0.44
        elif char in WIDE:
            total += 1.0
        elif char.isupper():
            total += 0.78
        elif char.isdigit():
            total += 0.66
        else:
            total += 0.64
    return total * size * (BOLD if bold else 1.0)


@dataclass(frozen=True)
class Text:
    """A text in both languages, with the line of each, for errors found while laying it out."""

    texts: dict[str, str]
    lines: dict[str, int]

    def __getitem__(self, language: str) -> str:
        return self.texts[language]


@dataclass(frozen=True)
class Box:
    id: str
    line: int
    title: Text
    text: Text | None = None
    note: Text | None = None
    badge: Text | None = None
    tone: str = "grey"


@dataclass(frozen=True)
class Arrow:
    source: str
    target: str
    line: int
    label: Text | None = None
    both_ways: bool = False


@dataclass(frozen=True)
class Figure:
    id: str
    line: int
    page: str  # the Swedish page, relative to docs/
    page_line: int
    caption: dict[str, str]
    alt: dict[str, str]
    description: dict[str, str]
    rows: list[list[Box]]
    arrows: list[Arrow]

    def page_path(self, language: str, docs: Path = DOCS) -> Path:
        return docs / (self.page if language == "sv" else self.page[: -len(".md")] + ".en.md")

    def include(self, language: str) -> str:
        return f"generated/figures/{self.id}.{language}.md"

    def row_of(self, box_id: str) -> int:
        return next(index for index, row in enumerate(self.rows) if any(b.id == box_id for b in row))


# --- reading ----------------------------------------------------------------------------------

def _text(path: Path, owner: Located, key: str, what: str, errors: list[InputError],
          required: bool = True) -> Text | None:
    texts = bilingual(path, owner, key, what, errors, required=required)
    if texts is None:
        return None
    located = owner.get(key)
    assert located is not None
    return Text(texts, {language: located.key_line(language) for language in LANGUAGES})


def _read_box(path: Path, item: Located, figure: str, errors: list[InputError]) -> Box | None:
    if not isinstance(item.value, dict):
        errors.append(InputError(path, f"figure '{figure}': each box must be a block of 'field: value' lines",
                                 line=item.line, hint="for example '- id: region' and 'title: {sv: ..., en: ...}'"))
        return None
    box_id = item.value.get("id")
    if not isinstance(box_id, str) or not ID.match(box_id):
        errors.append(InputError(path, f"figure '{figure}': a box needs an id of lowercase ASCII letters,"
                                 " digits and hyphens", line=item.line, hint="for example 'id: region'"))
        return None
    what = f"figure '{figure}', box '{box_id}'"
    before = len(errors)
    unknown_fields(path, item, BOX_KEYS, what, errors)
    title = _text(path, item, "title", what, errors)
    text = _text(path, item, "text", what, errors, required=False)
    note = _text(path, item, "note", what, errors, required=False)
    badge = _text(path, item, "badge", what, errors, required=False)
    tone = item.value.get("tone", "grey")
    if tone not in TONES:
        errors.append(InputError(path, f"{what}: unknown tone {tone!r}", line=item.key_line("tone"),
                                 hint=f"use one of {', '.join(TONES)}"))
    if len(errors) > before or title is None:
        return None
    return Box(box_id, item.line, title, text, note, badge, tone)


def _read_figure(path: Path, item: Located, docs: Path, errors: list[InputError]) -> Figure | None:
    before = len(errors)
    start = entry_start(path, item, "figure", FIGURE_KEYS, errors=errors,
                        id_hint="for example 'id: modellen'; it becomes the picture's file name")
    if start is None:
        return None
    figure_id = start[0]
    what = f"figure '{figure_id}'"
    caption = bilingual(path, item, "caption", what, errors)
    alt = bilingual(path, item, "alt", what, errors)
    if alt is None and errors:
        errors[-1].hint += ("; the alt text is what a reader who cannot see the picture gets:"
                            " say what the picture says, not 'a diagram'")
    description = _description(path, item, what, errors)

    page = item.value.get("page")
    page_line = item.key_line("page")
    if not isinstance(page, str) or not page.endswith(".md") or page.endswith(".en.md"):
        errors.append(InputError(path, f"{what}: 'page' must name the Swedish page, like modellen.md",
                                 line=page_line, hint="the English twin (modellen.en.md) gets the English picture"))
        page = None

    rows: list[list[Box]] = []
    rows_block = item.get("rows")
    if rows_block is None or not isinstance(rows_block.value, list) or not rows_block.value:
        errors.append(InputError(path, f"{what}: the 'rows' list is missing or empty", line=item.line,
                                 hint="add 'rows:' with one or two boxes per row, top to bottom"))
    else:
        for row in rows_block.items():
            if not isinstance(row.value, list) or not 1 <= len(row.value) <= 2:
                errors.append(InputError(path, f"{what}: a row holds one box or two side by side",
                                         line=row.line, hint="split the row, or start each box with '- id:'"))
                continue
            boxes = [box for box in (_read_box(path, b, figure_id, errors) for b in row.items()) if box]
            if len(boxes) == len(row.value):
                rows.append(boxes)
    seen: dict[str, int] = {}
    for box in (b for row in rows for b in row):
        if box.id in seen:
            errors.append(InputError(path, f"{what}: the box id '{box.id}' is used twice (first on line"
                                     f" {seen[box.id]})", line=box.line, hint="give each box its own id"))
        seen.setdefault(box.id, box.line)

    arrows = _read_arrows(path, item, what, rows, errors)
    if len(errors) > before or not (caption and alt and description and page):
        return None
    figure = Figure(figure_id, item.line, page, page_line, caption, alt, description, rows, arrows)
    errors += _description_names_every_box(path, item, figure)
    errors += _layout_errors(path, figure)
    errors += _page_errors(path, figure, docs)
    return figure


def _description(path: Path, item: Located, what: str, errors: list[InputError]) -> dict[str, str] | None:
    """The picture in words: Markdown, so its line breaks are kept (bilingual() would join them)."""
    located = item.get("description")
    texts = bilingual(path, item, "description", what, errors)
    if texts is None or located is None:
        return None
    return {language: located.value[language].strip() for language in LANGUAGES}


def _description_names_every_box(path: Path, item: Located, figure: Figure) -> list[InputError]:
    located = item.get("description")
    assert located is not None
    errors = []
    for box in (b for row in figure.rows for b in row):
        for language in LANGUAGES:
            title = re.sub(r"^\d+\.\s*", "", box.title[language])
            if title.lower() not in figure.description[language].lower():
                errors.append(InputError(
                    path, f"figure '{figure.id}': the {language} description does not name the box"
                    f" '{title}'", line=located.key_line(language),
                    hint="the picture in words must say everything the picture says: name each box by its title",
                ))
    return errors


def _read_arrows(path: Path, item: Located, what: str, rows: list[list[Box]],
                 errors: list[InputError]) -> list[Arrow]:
    row_of = {box.id: index for index, row in enumerate(rows) for box in row}
    column_of = {box.id: (index, len(row)) for row in rows for index, box in enumerate(row)}
    block = item.get("arrows")
    if block is None:
        return []
    if not isinstance(block.value, list):
        errors.append(InputError(path, f"{what}: 'arrows' must be a list", line=block.line))
        return []
    arrows: list[Arrow] = []
    loops = 0
    for arrow in block.items():
        if not isinstance(arrow.value, dict):
            errors.append(InputError(path, f"{what}: each arrow needs 'from:' and 'to:'", line=arrow.line))
            continue
        unknown_fields(path, arrow, ARROW_KEYS, f"{what}, arrow", errors)
        ends = []
        for key in ("from", "to"):
            value = arrow.value.get(key)
            if value not in row_of:
                errors.append(InputError(path, f"{what}: the arrow's '{key}' is {value!r}, which is no box"
                                         " of this figure", line=arrow.key_line(key),
                                         hint=f"use one of the box ids: {', '.join(row_of) or 'none yet'}"))
            ends.append(value)
        label = _text(path, arrow, "label", f"{what}, arrow", errors, required=False)
        both_ways = arrow.value.get("both_ways", False)
        if not isinstance(both_ways, bool):
            errors.append(InputError(path, f"{what}: 'both_ways' must be true or false",
                                     line=arrow.key_line("both_ways")))
            both_ways = False
        if not all(end in row_of for end in ends):
            continue
        source, target = ends
        distance = abs(row_of[source] - row_of[target])
        if distance == 1:
            upper, lower = sorted((source, target), key=row_of.__getitem__)
            if _span(*column_of[upper]) & _span(*column_of[lower]) == set():
                errors.append(InputError(path, f"{what}: the arrow from '{source}' to '{target}' joins boxes"
                                         " that are not above each other", line=arrow.line,
                                         hint="put the boxes in the same column, or one of them alone in its row"))
                continue
        elif (row_of[source], row_of[target]) == (len(rows) - 1, 0) and len(rows) > 2:
            loops += 1
            if loops > 1 or len(rows[0]) != 1 or len(rows[-1]) != 1 or label is None:
                errors.append(InputError(path, f"{what}: only one arrow may lead back from the last row to the"
                                         " first, both rows with one box, and it needs a label", line=arrow.line,
                                         hint="the arrow back closes a cycle; say in its label what happens"))
                continue
        else:
            errors.append(InputError(path, f"{what}: the arrow from '{source}' to '{target}' skips a row",
                                     line=arrow.line,
                                     hint="arrows join neighbouring rows; only one may lead from the last row"
                                     " back to the first"))
            continue
        arrows.append(Arrow(source, target, arrow.line, label, both_ways))
    return arrows


def _span(index: int, count: int) -> set[int]:
    """The halves of the width a box covers: a single box both, a box in a pair one."""
    return {0, 1} if count == 1 else {index}


def read(path: Path = DATA_FILE, docs: Path = DOCS) -> list[Figure]:
    """Read and validate every figure; InputErrors with every problem found, not only the first."""
    root = load(path, "figures")
    errors: list[InputError] = []
    if not isinstance(root.value, dict) or not isinstance(root.value.get("figures"), list):
        raise InputErrors([InputError(path, "the file must have a list 'figures:'", line=1,
                                      hint="see the comment at the top of data/figures.yml")])
    unknown_fields(path, root, {"figures"}, "the figures file", errors)
    block = root.get("figures")
    assert block is not None
    figures: list[Figure] = []
    first_line: dict[str, int] = {}
    for item in block.items():
        figure = _read_figure(path, item, docs, errors)
        if figure is None:
            continue
        if first_use(path, first_line, "figure", figure.id, figure.line,
                     "give each figure its own id; it is the picture's file name", errors):
            figures.append(figure)
    errors += _stray_references(figures, docs)
    if errors:
        raise InputErrors(errors)
    return figures


# --- where the pictures are used --------------------------------------------------------------

INCLUDE = re.compile(r'^\s*--8<--\s+"generated/figures/(?P<id>[^".]+)\.(?P<language>[a-z]+)\.md"\s*$')
REFERENCE = re.compile(r"""(?P<path>[^\s("'=]*assets/figures/[^\s)"']*)""")


def _page_errors(path: Path, figure: Figure, docs: Path) -> list[InputError]:
    """The figure's page exists in both languages and includes the picture in its own language."""
    errors = []
    for language in LANGUAGES:
        page = figure.page_path(language, docs)
        if not page.is_file():
            errors.append(InputError(path, f"figure '{figure.id}': the page {display_path(page)} does not exist",
                                     line=figure.page_line,
                                     hint="name a Swedish page that has an English twin, like modellen.md"))
            continue
        lines = page.read_text(encoding="utf-8").splitlines()
        if f'--8<-- "{figure.include(language)}"' not in (line.strip() for line in lines):
            errors.append(InputError(
                path, f"figure '{figure.id}': {display_path(page)} does not show the picture",
                line=figure.page_line,
                hint=f'add the line --8<-- "{figure.include(language)}" to that page where the picture belongs',
            ))
    return errors


def _stray_references(figures: list[Figure], docs: Path) -> list[InputError]:
    """Includes and image links in any page that would show a figure in the wrong language or
    point at a picture that is not there (an unknown include is named by scripts/generate.py)."""
    known = {figure.id: figure for figure in figures}
    errors = []
    for page in sorted(docs.rglob("*.md")):
        language = page_language(page)
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
            match = INCLUDE.match(line)
            if match and match["id"] in known:
                figure = known[match["id"]]
                if match["language"] != language:
                    errors.append(InputError(
                        page, f"this {_language_name(language)} page includes the"
                        f" {_language_name(match['language'])} picture '{figure.id}'", line=number,
                        hint=f'write --8<-- "{figure.include(language)}"'))
                elif page != figure.page_path(language, docs):
                    errors.append(InputError(
                        page, f"the picture '{figure.id}' belongs to {display_path(figure.page_path(language, docs))}"
                        " (its image link is relative to that page)", line=number,
                        hint=f"link to that page instead, or change 'page:' of '{figure.id}' in data/figures.yml"))
                continue
            if match:
                continue
            for reference in REFERENCE.finditer(line):
                problem = _broken_reference(page, reference["path"], known, docs)
                if problem:
                    errors.append(InputError(page, problem, line=number,
                                             hint="include the figure's block instead: --8<-- "
                                             f'"generated/figures/<id>.{language}.md", with <id> from data/figures.yml'))
    return errors


def _broken_reference(page: Path, reference: str, known: dict[str, Figure], docs: Path) -> str | None:
    if "://" in reference:
        return None
    target = (docs / reference.lstrip("/")) if reference.startswith("/") else (page.parent / reference)
    target = Path(os.path.normpath(target))
    name = target.name
    if reference.startswith("/"):
        return f"the picture link '{reference}' starts with '/': it is broken on the English twin"
    if name.endswith(".en.svg"):
        return (f"the picture link '{reference}' names the English file; both twins link <id>.svg and the"
                " English build picks <id>.en.svg itself")
    if target.parent != docs / "assets" / "figures" or target.suffix != ".svg" or target.stem not in known:
        return f"the picture link '{reference}' leads to no picture in either language"
    return None


def _language_name(code: str) -> str:
    return {"sv": "Swedish", "en": "English"}.get(code, code)


# --- layout -----------------------------------------------------------------------------------

class TooWide(Exception):
    def __init__(self, word: str) -> None:
        self.word = word


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """Greedy line breaks at spaces, so that no line is wider than `width`; TooWide for a word
    that does not fit on a line of its own."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        if text_width(word, size, bold) > width:
            raise TooWide(word)
        candidate = f"{current} {word}" if current else word
        if text_width(candidate, size, bold) <= width:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


@dataclass
class Block:
    """Lines of text placed at (x, y of the first baseline)."""

    lines: list[str]
    x: float
    y: float
    size: int
    bold: bool = False


@dataclass
class PlacedBox:
    box: Box
    x: float
    y: float
    width: float
    height: float = 0.0
    blocks: list[Block] = field(default_factory=list)
    separator: float | None = None  # y of the line above the note
    badge: tuple[float, float, float, float] | None = None  # x, y, width, height


@dataclass
class Layout:
    width: int
    height: int
    boxes: list[PlacedBox]
    shapes: list[str]  # SVG elements of the arrows
    labels: list[Block]


def _line_height(size: int) -> float:
    return size * LINE


def _box_content(placed: PlacedBox, language: str, path: Path) -> None:
    """Wrap the box's texts and stack them; sets blocks and height (relative y from the top)."""
    box, inner = placed.box, placed.width - 2 * PAD
    y = PAD
    blocks: list[Block] = []

    def stack(text: Text, size: int, bold: bool, indent: float = 0.0) -> None:
        nonlocal y
        try:
            lines = wrap(text[language], inner - 2 * indent, size, bold)
        except TooWide as error:
            raise InputError(path, f"the word '{error.word}' is too wide for its box in the picture",
                             line=text.lines[language],
                             hint="use a shorter word, or put the box alone in its row") from None
        blocks.append(Block(lines, PAD + indent, y + size, size, bold))
        y += len(lines) * _line_height(size)

    if box.badge:
        top = y
        stack(box.badge, BADGE_FONT, True, indent=6)
        y += 6
        placed.badge = (PAD, top - 3, inner, y - top)
        y += 6
    stack(box.title, TITLE_FONT, True)
    if box.text:
        y += 2
        stack(box.text, FONT, False)
    if box.note:
        y += 6
        placed.separator = y
        y += 6
        stack(box.note, FONT, False)
    placed.blocks = blocks
    placed.height = y + PAD - (_line_height(FONT) - FONT) / 2


def layout(figure: Figure, language: str, path: Path = DATA_FILE) -> Layout:
    """Place every box, arrow and label; InputErrors for a word that does not fit."""
    loop = next((a for a in figure.arrows if figure.row_of(a.source) - figure.row_of(a.target) > 1), None)
    left = EDGE + (LOOP_GUTTER if loop else 0)
    full = WIDTH - EDGE - left
    half = (full - COLUMN_GAP) / 2
    errors: list[InputError] = []
    placed_rows: list[list[PlacedBox]] = []
    for row in figure.rows:
        placed_row = []
        for index, box in enumerate(row):
            x, width = (left, full) if len(row) == 1 else (left + index * (half + COLUMN_GAP), half)
            placed = PlacedBox(box, x, 0.0, width)
            try:
                _box_content(placed, language, path)
            except InputError as error:
                errors.append(error)
            placed_row.append(placed)
        placed_rows.append(placed_row)
    if errors:
        raise InputErrors(errors)
    by_id = {p.box.id: p for row in placed_rows for p in row}

    shapes: list[str] = []
    labels_placed: list[Block] = []
    y = EDGE
    for index, row in enumerate(placed_rows):
        height = max(p.height for p in row)
        for placed in row:
            placed.y, placed.height = y, height
        y += height
        if index == len(placed_rows) - 1:
            break
        between = [a for a in figure.arrows if {figure.row_of(a.source), figure.row_of(a.target)} == {index, index + 1}]
        gap, pending = MIN_GAP, []
        # Arrows share the width that both their boxes cover, side by side.
        spans: dict[tuple[float, float], list[Arrow]] = {}
        for arrow in between:
            a, b = by_id[arrow.source], by_id[arrow.target]
            spans.setdefault((max(a.x, b.x), min(a.x + a.width, b.x + b.width)), []).append(arrow)
        for (start, end), arrows in spans.items():
            slot = (end - start) / len(arrows)
            for number, arrow in enumerate(arrows):
                slot_left = start + number * slot
                x = slot_left + (18 if arrow.label else slot / 2)
                block = None
                if arrow.label:
                    label_x = x + 12
                    try:
                        lines = wrap(arrow.label[language], slot_left + slot - label_x - 6, FONT)
                    except TooWide as error:
                        errors.append(InputError(path, f"the word '{error.word}' is too wide for the arrow's"
                                                 " label in the picture", line=arrow.label.lines[language],
                                                 hint="use a shorter word"))
                        continue
                    block = Block(lines, label_x, 0.0, FONT)
                    gap = max(gap, len(lines) * _line_height(FONT) + 16)
                pending.append((arrow, x, block))
        for arrow, x, block in pending:
            downwards = figure.row_of(arrow.source) < figure.row_of(arrow.target)
            shapes += _vertical_arrow(x, y, y + gap, downwards, arrow.both_ways)
            if block:
                block.y = y + (gap - len(block.lines) * _line_height(FONT)) / 2 + FONT
                labels_placed.append(block)
        y += gap
    if errors:
        raise InputErrors(errors)

    if loop:
        last, first = by_id[loop.source], by_id[loop.target]
        bottom = last.y + last.height + 22
        x_centre, x_gutter = last.x + last.width / 2, EDGE + LOOP_GUTTER / 2 - 4
        entry = first.y + PAD + TITLE_FONT / 2 + 2
        shapes.append(
            f'<path d="M{_n(x_centre)} {_n(last.y + last.height)}V{_n(bottom)}H{_n(x_gutter)}V{_n(entry)}'
            f'H{_n(first.x - HEAD)}" fill="none" stroke="{LINE_COLOUR}" stroke-width="2.5"/>')
        shapes.append(_head(first.x, entry, "right"))
        assert loop.label is not None
        try:
            lines = wrap(loop.label[language], WIDTH - EDGE - x_gutter - 8, FONT)
        except TooWide as error:
            raise InputErrors([InputError(path, f"the word '{error.word}' is too wide for the arrow's label",
                                          line=loop.label.lines[language], hint="use a shorter word")]) from None
        labels_placed.append(Block(lines, x_gutter + 4, bottom + 8 + FONT, FONT))
        y = bottom + 8 + len(lines) * _line_height(FONT)
    boxes = [p for row in placed_rows for p in row]
    return Layout(WIDTH, int(round(y + EDGE + 4)), boxes, shapes, labels_placed)


def _n(value: float) -> str:
    """A coordinate, short: whole numbers without decimals, others with one."""
    rounded = round(value, 1)
    return str(int(rounded)) if rounded == int(rounded) else str(rounded)


def _head(x: float, y: float, direction: str) -> str:
    """A filled arrowhead whose tip is at (x, y)."""
    half = HEAD * 0.6
    points = {
        "down": [(x, y), (x - half, y - HEAD), (x + half, y - HEAD)],
        "up": [(x, y), (x - half, y + HEAD), (x + half, y + HEAD)],
        "right": [(x, y), (x - HEAD, y - half), (x - HEAD, y + half)],
    }[direction]
    return f'<path d="M{"L".join(f"{_n(px)} {_n(py)}" for px, py in points)}Z" fill="{LINE_COLOUR}"/>'


def _vertical_arrow(x: float, top: float, bottom: float, downwards: bool, both_ways: bool) -> list[str]:
    start = top + (HEAD if both_ways or not downwards else 0)
    end = bottom - (HEAD if both_ways or downwards else 0)
    shapes = [f'<path d="M{_n(x)} {_n(start)}V{_n(end)}" stroke="{LINE_COLOUR}" stroke-width="2.5"/>']
    if downwards or both_ways:
        shapes.append(_head(x, bottom, "down"))
    if not downwards or both_ways:
        shapes.append(_head(x, top, "up"))
    return shapes


# --- rendering --------------------------------------------------------------------------------

def _text_element(block: Block, x0: float = 0.0, y0: float = 0.0) -> list[str]:
    weight = ' font-weight="bold"' if block.bold else ""
    size = "" if block.size == FONT else f' font-size="{block.size}"'
    return [
        f'<text x="{_n(x0 + block.x)}" y="{_n(y0 + block.y + index * _line_height(block.size))}"'
        f"{size}{weight}>{escape(line, quote=False)}</text>"
        for index, line in enumerate(block.lines)
    ]


def svg(figure: Figure, language: str, path: Path = DATA_FILE) -> str:
    """The picture in one language. No script, no link, no font to fetch: an image for <img>."""
    placed = layout(figure, language, path)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" lang="{language}" viewBox="0 0 {placed.width} {placed.height}"'
        f' width="{placed.width}" height="{placed.height}" role="img" aria-labelledby="title"'
        f' font-family="{FONT_FAMILY}" font-size="{FONT}" fill="{INK}">',
        f"<!-- {MARKER} from {BELONGS} by python -m scripts.figures: edit {BELONGS}, not this file. -->",
        f'<title id="title">{escape(figure.alt[language], quote=False)}</title>',
    ]
    for box in placed.boxes:
        thick = box.box.badge is not None
        parts.append(f'<g class="box" data-box="{box.box.id}">')
        parts.append(
            f'<rect x="{_n(box.x)}" y="{_n(box.y)}" width="{_n(box.width)}" height="{_n(box.height)}" rx="8"'
            f' fill="{TONES[box.box.tone]}" stroke="{LINE_COLOUR}" stroke-width="{4 if thick else 1.5}"/>')
        if box.badge:
            bx, by, bw, bh = box.badge
            parts.append(f'<rect x="{_n(box.x + bx)}" y="{_n(box.y + by)}" width="{_n(bw)}" height="{_n(bh)}"'
                         f' rx="4" fill="#fff" stroke="{LINE_COLOUR}" stroke-width="1.5"/>')
        if box.separator is not None:
            y = box.y + box.separator
            parts.append(f'<path d="M{_n(box.x + PAD)} {_n(y)}H{_n(box.x + box.width - PAD)}"'
                         f' stroke="{LINE_COLOUR}" stroke-width="1"/>')
        for block in box.blocks:
            parts += _text_element(block, box.x, box.y)
        parts.append("</g>")
    parts += placed.shapes
    for block in placed.labels:
        parts.append('<g class="label">')
        parts += _text_element(block)
        parts.append("</g>")
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _alt_markdown(text: str) -> str:
    """Alt text inside ![...]: brackets and emphasis characters escaped, so it stays plain text."""
    return re.sub(r"([\\\[\]*_`])", r"\\\1", text)


def block_markdown(figure: Figure, language: str, width: int, height: int, docs: Path = DOCS) -> str:
    """What the page includes: the picture with its alt text and caption, then the picture in words."""
    label = labels(NAME)
    page = figure.page_path(language, docs)
    # Both twins link the Swedish file name; the English build gets <id>.en.svg under /en/.
    source = os.path.relpath(docs / "assets" / "figures" / f"{figure.id}.svg", page.parent).replace(os.sep, "/")
    description = "\n".join(f"    {line}" if line.strip() else "" for line in figure.description[language].splitlines())
    return "\n".join([
        f'<figure class="figure" id="bild-{figure.id}" markdown="span">',
        f'![{_alt_markdown(figure.alt[language])}]({source}){{ width="{width}" height="{height}" }}',
        f"<figcaption>{escape(figure.caption[language], quote=False)}</figcaption>",
        "</figure>",
        "",
        f'??? info "{label("description", language)}"',
        "",
        description,
    ])


def render(figures: list[Figure], out_dir: Path = GENERATED_SNIPPETS, figure_dir: Path = FIGURE_DIR,
           docs: Path = DOCS, path: Path = DATA_FILE) -> list[Fragment]:
    found: list[Fragment] = []
    errors: list[InputError] = []
    for figure in figures:
        for language in LANGUAGES:
            try:
                drawing = svg(figure, language, path)
            except InputErrors as problems:
                errors += problems.errors
                continue
            width, height = (int(v) for v in re.search(r'width="(\d+)" height="(\d+)"', drawing).groups())
            suffix = "" if language == "sv" else ".en"
            found.append(Fragment(figure_dir / f"{figure.id}{suffix}.svg", drawing.encode("utf-8"), BELONGS))
            found.append(Fragment.markdown(out_dir / "figures" / f"{figure.id}.{language}.md",
                                           block_markdown(figure, language, width, height, docs), BELONGS))
    if errors:
        raise InputErrors(errors)
    return found


def _layout_errors(path: Path, figure: Figure) -> list[InputError]:
    """Words too wide for their box, found when read() lays the picture out in both languages."""
    errors: list[InputError] = []
    for language in LANGUAGES:
        try:
            layout(figure, language, path)
        except InputErrors as problems:
            errors += problems.errors
    return errors


def fragments(data_path: Path = DATA_FILE, docs: Path = DOCS, out_dir: Path = GENERATED_SNIPPETS,
              figure_dir: Path = FIGURE_DIR) -> list[Fragment]:
    return render(read(data_path, docs), out_dir, figure_dir, docs, data_path)


if __name__ == "__main__":
    from scripts.generate import main_for_kind

    sys.exit(main_for_kind(NAME, sys.argv[1:]))
