"""Lessons from the project reports: checked quotes, and the pages about them.

    python -m scripts.lessons           write docs/lardomar/ and the report pages
    python -m scripts.lessons --check   write nothing; fail if they are stale

Reads data/lessons.yml and every report in data/reports/ (text + metadata), and nothing else:
the committed pages never depend on the hand-written guides, so editing a guide (even in GitHub's
web editor) never makes them stale. Every quote must stand word for word in its report (white
space aside). Any problem stops the run before a file is written.

Which guides cite a lesson is build-time output: each lesson page includes
`snippets/build/lardomar/<id>.<lang>.md`, written by `python -m scripts.lessons_applied`.
"""

from __future__ import annotations

import datetime
import os
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any


from scripts.cli import run_generator
from scripts.errors import InputError, display_path
from scripts.generated_files import GeneratedOutput, is_generated
from scripts.paths import DATA, DOCS
from scripts.report import Report, discover, parse
from scripts.report.markdown import blockquote, bullets, cell, front_matter
from scripts.report.pages import citation_en, citation_sv, paragraph_anchor
from scripts.report.pages import pages as report_pages
from scripts.yaml_lines import Located
from scripts.yaml_lines import load as load_yaml

LESSONS_FILE = DATA / "lessons.yml"
REPORTS_DIR = DATA / "reports"
LESSONS_DIR = "lardomar"
APPLIED_DIR = "build/lardomar"  # under snippets/: build-time output, git-ignored
AUDIENCES = {
    "foreningar": ("Föreningar", "Associations"),
    "regioner": ("Regioner", "Regions"),
    "bada": ("Föreningar och regioner", "Associations and regions"),
}
LESSON_KEYS = ("id", "theme", "audience", "title", "summary", "quote", "translation", "report")
TOP_KEYS = ("reviewed", "report", "themes", "lessons")
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DESCRIPTION_MAX = 200


@dataclass(frozen=True)
class Theme:
    id: str
    sv: str
    en: str


@dataclass(frozen=True)
class Lesson:
    id: str
    theme: Theme
    audience: str
    title: dict[str, str]
    summary: dict[str, str]
    quote: str
    translation: str
    report: Report
    line: int | None
    section_id: str = ""
    section_heading: str = ""
    section_heading_en: str = ""
    paragraph: int = 0


@dataclass
class Catalogue:
    themes: list[Theme]
    lessons: list[Lesson]
    reviewed: datetime.date | None
    path: Path


# --- reading and checking data/lessons.yml ---------------------------------------------------


def _text(path: Path, node: Located, lesson_id: str, entry: dict[str, Any], key: str, lang: str | None = None) -> str:
    value = entry.get(key)
    where = node.key_line(key)
    if lang is not None:
        child = node.get(key)
        if not isinstance(value, dict) or child is None:
            raise InputError(path, f"lesson '{lesson_id}': '{key}' needs 'sv:' and 'en:' lines",
                             line=where, hint=f"write '{key}:' and under it 'sv: ...' and 'en: ...'")
        where = child.key_line(lang) if lang in value else where
        value = value.get(lang)
        name = f"{key}.{lang}"
    else:
        name = key
    language = {"sv": "Swedish", "en": "English"}.get(lang or "", "")
    if not isinstance(value, str) or not value.strip():
        raise InputError(
            path, f"lesson '{lesson_id}': the {language + ' ' if language else ''}{key} ('{name}') is missing or empty",
            line=where, hint=f"add '{name.split('.')[-1]}: ...' with the text",
        )
    return " ".join(value.split())


def load(path: Path, reports: dict[str, Report]) -> Catalogue:
    root = load_yaml(path, "lessons")
    data = root.value
    if not isinstance(data, dict) or not isinstance(data.get("lessons"), list):
        raise InputError(path, "the file needs a 'lessons:' list", line=1,
                         hint="see the comment at the top of data/lessons.yml for the layout")
    for key in data:
        if key not in TOP_KEYS:
            raise InputError(path, f"unknown field '{key}'", line=root.key_line(key),
                             hint=f"use only: {', '.join(TOP_KEYS)}")
    themes = _themes(path, root.get("themes"))
    by_theme = {theme.id: theme for theme in themes}
    default_report = data.get("report") or (next(iter(reports)) if len(reports) == 1 else None)
    lessons_node = root.get("lessons")
    lessons: list[Lesson] = []
    first_line: dict[str, int] = {}
    for node in lessons_node.items() if lessons_node is not None else []:
        entry = node.value
        where = node.line
        if not isinstance(entry, dict) or not entry.get("id"):
            raise InputError(path, "a lesson has no 'id'", line=where,
                             hint="start each lesson with '- id: some-id'")
        lesson_id = str(entry["id"])
        if not ID.match(lesson_id):
            raise InputError(path, f"lesson '{lesson_id}': the id must be lowercase ASCII words joined by hyphens",
                             line=where, hint="use an id like 'mat' or 'ratt-tid-i-cykeln'; it becomes the page address")
        if lesson_id in first_line:
            raise InputError(path, f"lesson '{lesson_id}': the id is used twice (first on line {first_line[lesson_id]})",
                             line=where, hint="give each lesson its own id; ids are page addresses, so never reuse a published one")
        first_line[lesson_id] = where
        for key in entry:
            if key not in LESSON_KEYS:
                raise InputError(path, f"lesson '{lesson_id}': unknown field '{key}'",
                                 line=node.key_line(key), hint=f"use only: {', '.join(LESSON_KEYS)}")
        theme = entry.get("theme")
        if theme not in by_theme:
            raise InputError(path, f"lesson '{lesson_id}': unknown theme '{theme}'",
                             line=node.key_line("theme"),
                             hint=f"use one of: {', '.join(by_theme)}; or add the theme under 'themes:'")
        audience = entry.get("audience")
        if audience not in AUDIENCES:
            raise InputError(path, f"lesson '{lesson_id}': unknown audience '{audience}'",
                             line=node.key_line("audience"),
                             hint=f"use one of: {', '.join(AUDIENCES)}")
        title = {lang: _text(path, node, lesson_id, entry, "title", lang) for lang in ("sv", "en")}
        summary = {lang: _text(path, node, lesson_id, entry, "summary", lang) for lang in ("sv", "en")}
        summary_node = node.get("summary")
        for lang, text in summary.items():
            if len(text) > DESCRIPTION_MAX:
                raise InputError(path, f"lesson '{lesson_id}': the summary ({lang}) is {len(text)} characters",
                                 line=summary_node.key_line(lang) if summary_node else where,
                                 hint=f"keep it under {DESCRIPTION_MAX}: it becomes the page's description")
        quote = _text(path, node, lesson_id, entry, "quote")
        translation = _text(path, node, lesson_id, entry, "translation")
        report_id = entry.get("report") or default_report
        if report_id not in reports:
            raise InputError(path, f"lesson '{lesson_id}': unknown report '{report_id}'",
                             line=node.key_line("report"),
                             hint=f"use one of the report ids in data/reports/*.yml: {', '.join(reports)}")
        report = reports[str(report_id)]
        lesson = Lesson(lesson_id, by_theme[str(theme)], str(audience), title, summary, quote,
                        translation, report, where)
        lessons.append(_checked(path, node.key_line("quote"), lesson))
    reviewed = data.get("reviewed")
    return Catalogue(themes, lessons, reviewed if isinstance(reviewed, datetime.date) else None, path)


def _themes(path: Path, node: Located | None) -> list[Theme]:
    if node is None or not isinstance(node.value, list) or not node.value:
        raise InputError(path, "the file needs a 'themes:' list", line=node.line if node else 1,
                         hint="list each theme with 'id', 'sv' and 'en'")
    themes = []
    for item in node.items():
        entry, where = item.value, item.line
        if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str) and entry[k] for k in ("id", "sv", "en")):
            raise InputError(path, "each theme needs 'id', 'sv' and 'en'", line=where,
                             hint="for example: '- id: kunskap', 'sv: Kunskap om modellen', 'en: Knowing the model'")
        if not ID.match(entry["id"]):
            raise InputError(path, f"theme '{entry['id']}': the id must be lowercase ASCII with hyphens", line=where)
        themes.append(Theme(entry["id"], entry["sv"], entry["en"]))
    return themes


def _checked(path: Path, line: int | None, lesson: Lesson) -> Lesson:
    """The lesson with its place in the report; an error with the closest passage if absent."""
    report = lesson.report
    match = report.source.find(lesson.quote)
    if match is None:
        message = f"lesson '{lesson.id}': the quote is not in {display_path(report.path)}"
        passage = report.source.closest(lesson.quote)
        if passage is not None:
            message += (f"\n  Closest passage ({display_path(report.path)}:{passage.line}):"
                        f"\n    {passage.text}")
            if passage.differences:
                message += "\n  Differences: " + "; ".join(passage.differences[:5])
        raise InputError(path, message, line=line,
                         hint="copy the words exactly from the report; only line breaks and "
                         "spacing may differ. Do not shorten with '…': quote whole sentences")
    where = report.locate(match)
    if where is None:
        return lesson
    spec = where.section.spec
    return Lesson(**{**lesson.__dict__, "section_id": where.section.id,
                     "section_heading": where.section.heading or "Inledning",
                     "section_heading_en": spec.heading_en if spec else "Introduction",
                     "paragraph": where.paragraph})


# --- the pages -------------------------------------------------------------------------------


def relative_link(from_dir: Path, to: Path, anchor: str | None = None) -> str:
    relative = Path(os.path.relpath(to, from_dir)).as_posix()
    if relative.endswith(".en.md"):
        relative = relative[: -len(".en.md")] + ".md"  # static-i18n: link the unsuffixed name
    return relative + (f"#{anchor}" if anchor else "")


def _source_line(catalogue: Catalogue) -> str:
    reports = sorted({lesson.report.meta.path for lesson in catalogue.lessons})
    return ", ".join([display_path(catalogue.path)] + [display_path(p) for p in reports])


def applied_snippet(lesson_id: str, lang: str) -> str:
    """The build-time snippet's path under snippets/, as `--8<--` names it."""
    return f"{APPLIED_DIR}/{lesson_id}.{lang}.md"


def applied_include(lesson_id: str, lang: str) -> str:
    # On a line of its own: pymdownx.snippets only expands block includes there. check_paths is
    # on, so a build without `python -m scripts.generate --build-time` fails loudly.
    return f'--8<-- "{applied_snippet(lesson_id, lang)}"\n'


def _lesson_page(lesson: Lesson, lang: str, docs: Path, catalogue: Catalogue) -> str:
    here = docs / LESSONS_DIR
    report = lesson.report
    text_page = docs / report.meta.pages_dir / "text.md"
    about_page = docs / report.meta.pages_dir / "index.md"
    anchor = None
    for section in report.sections:
        if section.id == lesson.section_id:
            anchor = paragraph_anchor(section, lesson.paragraph)
    source = f"{display_path(catalogue.path)} and {display_path(report.meta.path)}"
    audience_sv, audience_en = AUDIENCES[lesson.audience]
    m = report.meta
    if lang == "sv":
        out = [front_matter(source, lesson.title["sv"], lesson.summary["sv"], catalogue.reviewed)]
        out.append(f"\n# {lesson.title['sv']}\n\n!!! abstract \"I korthet\"\n")
        out.append(bullets([
            lesson.summary["sv"],
            f"Gäller: {audience_sv.lower()}. Ämne: [{lesson.theme.sv}](index.md#tema-{lesson.theme.id}).",
            f"Lärdomen bygger på ett citat ur rapporten från {m.organisation_short}.",
        ], "    "))
        out.append("\n## Vad står det i rapporten? {#citat}\n\n")
        out.append(blockquote(lesson.quote))
        out.append(f">\n> — {m.organisation_short}: *{m.title}*, {m.published}\n")
        out.append("\n## Var står det? {#kalla}\n\n")
        out.append("| Rapport | Avsnitt | Stycke |\n| --- | --- | --- |\n")
        out.append(f"| {cell(m.title)} | {cell(lesson.section_heading)} | {lesson.paragraph} |\n\n")
        out.append(f"[Läs stycket i rapporten]({relative_link(here, text_page, anchor)})\n")
        out.append("\n## Vilka sidor tar upp den? {#anvands}\n\n")
        out.append(applied_include(lesson.id, "sv"))
        out.append(f"\n## Mer att läsa {{#fler}}\n\n[Alla lärdomar från {m.organisation_short}](index.md#{lesson.id})\n")
        out.append("\n## Källor {#kallor}\n\n")
        out.append(bullets([f"{citation_sv(report)} [Om rapporten]({relative_link(here, about_page)})"]))
        return "".join(out)
    out = [front_matter(source, lesson.title["en"], lesson.summary["en"], catalogue.reviewed)]
    out.append(f"\n# {lesson.title['en']}\n\n!!! abstract \"In brief\"\n")
    out.append(bullets([
        lesson.summary["en"],
        f"For: {audience_en.lower()}. Theme: [{lesson.theme.en}](index.md#tema-{lesson.theme.id}).",
        f"The lesson rests on a quotation from {m.organisation_short}'s report of {m.published}, "
        f"which is in Swedish.",
    ], "    "))
    out.append("\n## What does the report say? {#citat}\n\n")
    out.append("The report's words, in Swedish:\n\n")
    out.append(blockquote(lesson.quote, 'lang="sv"'))
    out.append(f">\n> — {m.organisation_short}: *{m.title}*, {m.published}\n\n")
    out.append("!!! quote \"Translation by this site, not the report's own words\"\n\n")
    out.append(f"    {lesson.translation}\n")
    out.append("\n## Where in the report is it? {#kalla}\n\n")
    out.append("| Report | Section | Paragraph |\n| --- | --- | --- |\n")
    out.append(f"| <span lang=\"sv\">{cell(m.title)}</span> ({m.title_en}) | {cell(lesson.section_heading_en)} "
               f"(<span lang=\"sv\">{cell(lesson.section_heading)}</span>) | {lesson.paragraph} |\n\n")
    out.append(f"[Read the paragraph in the report's text]({relative_link(here, text_page, anchor)})\n")
    out.append("\n## Where is the lesson applied? {#anvands}\n\n")
    out.append(applied_include(lesson.id, "en"))
    out.append(f"\n## More lessons {{#fler}}\n\n[All lessons from {m.organisation_short}](index.md#{lesson.id})\n")
    out.append("\n## Sources {#kallor}\n\n")
    out.append(bullets([f"{citation_en(report)} [About the report]({relative_link(here, about_page)})"]))
    return "".join(out)


def _index_page(catalogue: Catalogue, lang: str, docs: Path) -> str:
    sv = lang == "sv"
    lessons = catalogue.lessons
    shorts = sorted({lesson.report.meta.organisation_short for lesson in lessons}) or ["Ax"]
    org = " och ".join(shorts) if sv else " and ".join(shorts)
    title = f"Lärdomar från {org}" if sv else f"Lessons from {org}"
    if sv:
        description = (f"{len(lessons)} lärdomar om dialog mellan regioner och föreningar, "
                       f"ordnade efter ämne och målgrupp.")
        brief = [
            f"Här finns {len(lessons)} lärdomar från {org}s projekt om dialog mellan regioner och föreningar.",
            "Varje lärdom bygger på ett citat ur rapporten. Ett program kontrollerar att citatet stämmer.",
            "Välj ett ämne eller en målgrupp nedan.",
        ]
    else:
        description = (f"{len(lessons)} lessons on dialogue between regions and associations, "
                       f"grouped by theme and audience.")
        brief = [
            f"Here are {len(lessons)} lessons from {org}'s project on dialogue between regions and associations.",
            "Each lesson rests on a quotation from the report. A program checks that every quotation is exact.",
            "Choose a theme or an audience below.",
        ]
    out = [front_matter(_source_line(catalogue), title, description, catalogue.reviewed)]
    out.append(f"\n# {title}\n\n!!! abstract \"{'I korthet' if sv else 'In brief'}\"\n" + bullets(brief, "    "))
    out.append("\n## Välj ämne eller målgrupp {#valj}\n\n" if sv else "\n## Choose a theme or an audience {#valj}\n\n")
    used = [t for t in catalogue.themes if any(lesson.theme == t for lesson in lessons)]
    out.append(("Ämnen: " if sv else "Themes: ") + " · ".join(
        f"[{t.sv if sv else t.en}](#tema-{t.id})" for t in used) + "\n\n")
    out.append(("Målgrupp: [För föreningar](#for-foreningar) · [För regioner](#for-regioner)\n"
                if sv else "Audience: [For associations](#for-foreningar) · [For regions](#for-regioner)\n"))
    for theme in used:
        out.append(f"\n## {theme.sv if sv else theme.en} {{#tema-{theme.id}}}\n")
        for lesson in (l for l in lessons if l.theme == theme):
            audience = AUDIENCES[lesson.audience][0 if sv else 1]
            out.append(f"\n### {lesson.title[lang]} {{#{lesson.id}}}\n\n")
            out.append(f"{lesson.summary[lang]}\n\n")
            out.append(f"{'Gäller' if sv else 'For'}: {audience.lower()}. "
                       f"[{'Läs lärdomen' if sv else 'Read the lesson'}: {lesson.title[lang]}]({lesson.id}.md)\n")
    groups = (("for-foreningar", "foreningar", "Lärdomar för föreningar", "Lessons for associations"),
              ("for-regioner", "regioner", "Lärdomar för regioner", "Lessons for regions"))
    for anchor, audience, heading_sv, heading_en in groups:
        out.append(f"\n## {heading_sv if sv else heading_en} {{#{anchor}}}\n\n")
        chosen = [l for l in lessons if l.audience in (audience, "bada")]
        out.append(bullets([
            f"[{l.title[lang]}]({l.id}.md) ({(l.theme.sv if sv else l.theme.en).lower()})" for l in chosen
        ]) if chosen else ("Inga lärdomar ännu.\n" if sv else "No lessons yet.\n"))
    out.append("\n## Källor {#kallor}\n\n" if sv else "\n## Sources {#kallor}\n\n")
    reports = {lesson.report.meta.id: lesson.report for lesson in lessons}
    here = docs / LESSONS_DIR
    items = []
    for report in reports.values():
        about = relative_link(here, docs / report.meta.pages_dir / "index.md")
        items.append((citation_sv(report) if sv else citation_en(report))
                     + f" [{'Om rapporten' if sv else 'About the report'}]({about})")
    out.append(bullets(items))
    return "".join(out)


class LessonsOutput(GeneratedOutput):
    """Generated files, plus generated files in the owned folders that are no longer produced."""

    def __init__(self, folders: Sequence[Path]) -> None:
        super().__init__()
        self.folders = list(folders)

    def orphans(self) -> list[Path]:
        found = []
        for folder in self.folders:
            for path in sorted(folder.glob("*.md")) if folder.exists() else []:
                if path not in self.files and is_generated(path):
                    found.append(path)
        return found

    def check(self) -> list[str]:
        problems = super().check()
        problems += [f"{display_path(p)}: no longer generated; run `make generate` and commit the deletion"
                     for p in self.orphans()]
        return problems

    def write(self) -> list[Path]:
        written = super().write()
        for path in self.orphans():
            path.unlink()
        return written


def read(lessons_file: Path = LESSONS_FILE, reports_dir: Path = REPORTS_DIR) -> tuple[Catalogue, dict[str, Report]]:
    """The checked lessons and the reports they quote; InputError on the first problem."""
    metas = discover(reports_dir)
    if not metas:
        raise InputError(reports_dir, "there is no report metadata (*.yml) in this folder",
                         hint="add the report's text file and a metadata file beside it")
    reports: dict[str, Report] = {}
    for meta in metas:
        if meta.id in reports:
            raise InputError(meta.path, f"the report id '{meta.id}' is used twice", line=1)
        reports[meta.id] = parse(meta)
    return load(lessons_file, reports), reports


def generate(lessons_file: Path = LESSONS_FILE, reports_dir: Path = REPORTS_DIR, docs: Path = DOCS) -> LessonsOutput:
    catalogue, reports = read(lessons_file, reports_dir)
    output = LessonsOutput([docs / LESSONS_DIR] + [docs / r.meta.pages_dir for r in reports.values()])
    for report in reports.values():
        for path, content in report_pages(report, docs).items():
            output.add(path, content)
    folder = docs / LESSONS_DIR
    for lesson in catalogue.lessons:
        output.add(folder / f"{lesson.id}.md",
                   _lesson_page(lesson, "sv", docs, catalogue))
        output.add(folder / f"{lesson.id}.en.md",
                   _lesson_page(lesson, "en", docs, catalogue))
    output.add(folder / "index.md", _index_page(catalogue, "sv", docs))
    output.add(folder / "index.en.md", _index_page(catalogue, "en", docs))
    return output


def main(argv: Sequence[str] | None = None) -> int:
    return run_generator(generate, argv, "Check the lessons' quotes and write the lesson and report pages.")


if __name__ == "__main__":
    sys.exit(main())
