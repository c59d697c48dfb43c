"""Lessons from the project reports: data/lessons.yml -> fragments for the lesson pages.

Each lesson has a hand-written page in both languages (docs/lardomar/<id>.md and <id>.en.md): its
title, summary and words are there. data/lessons.yml holds what has the shape of data: the
quote (checked word for word against the report), its English translation, the theme and the
audience. Fragments, under snippets/generated/lardomar/:
- <id>.<lang>.md: the quote block, and on pages in another language than the report's, the
  site's translation;
- <id>-om.<lang>.md: whom the lesson is for and its theme (a list item);
- <id>-kalla.<lang>.md: where in the report the quote stands (a table and a link);
- <id>-anvands.<lang>.md: the guide sections that cite the lesson (a list, from the guides);
- index.<lang>.md, teman.<lang>.md, for-foreningar.<lang>.md, for-regioner.<lang>.md: the lists
  on the lessons index page.

    python -m scripts.lessons [--check]
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scripts import lessons_applied
from scripts.datafile import ID, labels
from scripts.errors import InputError, InputErrors, display_path
from scripts.fragments import Fragment
from scripts.frontmatter import read as read_page
from scripts.paths import DATA, DOCS, GENERATED_SNIPPETS, LANGUAGES
from scripts.report import Report
from scripts.report.markdown import blockquote, cell
from scripts.reports import REPORTS_DIR, attribution, paragraph_anchor
from scripts.reports import read as read_reports
from scripts.yaml_lines import Located
from scripts.yaml_lines import load as load_yaml

NAME = "lessons"
LESSONS_FILE = DATA / "lessons.yml"
LESSONS_DIR = "lardomar"  # under docs/ and under snippets/generated/
AUDIENCES = ("foreningar", "regioner", "bada")
# Audience lists on the index page: (fragment name, the audiences it lists).
AUDIENCE_LISTS = (("for-foreningar", ("foreningar", "bada")), ("for-regioner", ("regioner", "bada")))
LESSON_KEYS = ("id", "theme", "audience", "quote", "translation", "report")
TOP_KEYS = ("report", "themes", "lessons")


@dataclass(frozen=True)
class Theme:
    id: str
    sv: str
    en: str

    def name(self, language: str) -> str:
        return self.sv if language == "sv" else self.en


@dataclass(frozen=True)
class Lesson:
    id: str
    theme: Theme
    audience: str
    quote: str
    translation: str
    report: Report
    line: int | None
    section_id: str = ""
    section_heading: str = ""
    section_heading_en: str = ""
    paragraph: int = 0


@dataclass(frozen=True)
class Page:
    """A lesson's hand-written page in one language: its title and summary."""

    path: Path
    title: str
    description: str


@dataclass
class Catalogue:
    themes: list[Theme]
    lessons: list[Lesson]
    path: Path
    pages: dict[tuple[str, str], Page] | None = None  # (lesson id, language) -> page


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
    errors: list[InputError] = []
    first_line: dict[str, int] = {}
    for node in lessons_node.items() if lessons_node is not None else []:
        try:
            lessons.append(_lesson(path, node, first_line, by_theme, reports, default_report))
        except InputError as error:
            errors.append(error)
    if errors:
        raise InputErrors(errors)
    return Catalogue(themes, lessons, path)


def _lesson(path: Path, node: Located, first_line: dict[str, int], by_theme: dict[str, Theme],
            reports: dict[str, Report], default_report: str | None) -> Lesson:
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
    quote = _text(path, node, lesson_id, entry, "quote")
    translation = _text(path, node, lesson_id, entry, "translation")
    report_id = entry.get("report") or default_report
    if report_id not in reports:
        raise InputError(path, f"lesson '{lesson_id}': unknown report '{report_id}'",
                         line=node.key_line("report"),
                         hint=f"use one of the report ids in data/reports/*.yml: {', '.join(reports)}")
    report = reports[str(report_id)]
    lesson = Lesson(lesson_id, by_theme[str(theme)], str(audience), quote, translation, report, where)
    return _checked(path, node.key_line("quote"), lesson)


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
                     "section_heading": where.section.heading,
                     "section_heading_en": spec.heading_en if spec else "",
                     "paragraph": where.paragraph})


def page_path(docs: Path, lesson_id: str, language: str) -> Path:
    return docs / LESSONS_DIR / (f"{lesson_id}.md" if language == "sv" else f"{lesson_id}.en.md")


def _pages(catalogue: Catalogue, docs: Path) -> dict[tuple[str, str], Page]:
    """Each lesson's page in each language; every lesson needs both, and every page a lesson."""
    errors: list[InputError] = []
    pages: dict[tuple[str, str], Page] = {}
    for lesson in catalogue.lessons:
        for language in LANGUAGES:
            path = page_path(docs, lesson.id, language)
            if not path.is_file():
                errors.append(InputError(
                    catalogue.path, f"lesson '{lesson.id}' has no page {display_path(path)}", line=lesson.line,
                    hint=f"create {display_path(path)}: copy another lesson's page and change its title"
                    " and summary; or remove the lesson from this file",
                ))
                continue
            try:
                page = read_page(path)
            except InputError as error:
                errors.append(error)
                continue
            title, description = page.meta.get("title"), page.meta.get("description")
            if not isinstance(title, str) or not isinstance(description, str):
                errors.append(InputError(path, "a lesson page needs 'title:' and 'description:'", line=1,
                                         hint="they name the lesson in the lists on the lessons page"))
                continue
            pages[(lesson.id, language)] = Page(path, title.strip(), description.strip())
    known = {lesson.id for lesson in catalogue.lessons}
    folder = docs / LESSONS_DIR
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        stem = path.name.removesuffix(".md").removesuffix(".en")
        if stem != "index" and stem not in known:
            errors.append(InputError(
                path, f"this lesson page has no lesson '{stem}' in {display_path(catalogue.path)}", line=1,
                hint=f"add the lesson (id: {stem}) with its quote to {display_path(catalogue.path)},"
                " or delete the page (and add a redirect if it was published)",
            ))
    if errors:
        raise InputErrors(errors)
    return pages


def read(lessons_file: Path = LESSONS_FILE, reports_dir: Path = REPORTS_DIR, docs: Path = DOCS) -> Catalogue:
    """The checked lessons with their pages; InputErrors with every problem found."""
    catalogue = load(lessons_file, read_reports(reports_dir))
    catalogue.pages = _pages(catalogue, docs)
    return catalogue


# --- the fragments ---------------------------------------------------------------------------


def relative_link(from_dir: Path, to: Path, anchor: str | None = None) -> str:
    relative = Path(os.path.relpath(to, from_dir)).as_posix()
    if relative.endswith(".en.md"):
        relative = relative[: -len(".en.md")] + ".md"  # static-i18n: link the unsuffixed name
    return relative + (f"#{anchor}" if anchor else "")


def render_quote(lesson: Lesson, language: str) -> str:
    report = lesson.report
    own_language = language == report.meta.language
    quote = blockquote(lesson.quote, "" if own_language else f'lang="{report.meta.language}"')
    section = next((s for s in report.sections if s.id == lesson.section_id), None)
    out = f"{quote}>\n> {attribution(report, language, section)}\n"
    if not own_language:
        out += f'\n!!! quote "{labels(NAME)("translation", language)}"\n\n    {lesson.translation}\n'
    return out


def render_about(lesson: Lesson, language: str) -> str:
    label = labels(NAME)
    return (f"- {label('audience', language)}: {label(f'audience_{lesson.audience}', language)}. "
            f"{label('theme', language)}: [{lesson.theme.name(language)}](index.md#tema-{lesson.theme.id}).")


def render_source(lesson: Lesson, language: str, docs: Path) -> str:
    label = labels(NAME)
    report = lesson.report
    m = report.meta
    anchor = next((paragraph_anchor(s, lesson.paragraph) for s in report.sections if s.id == lesson.section_id), None)
    link = relative_link(docs / LESSONS_DIR, docs / m.pages_dir / "text.md", anchor)
    section = lesson.section_heading or labels("reports")("introduction", language)
    if language == m.language:
        title = cell(m.title)
    else:
        title = f'<span lang="{m.language}">{cell(m.title)}</span> ({m.title_en})'
        if lesson.section_heading_en:
            section = f'{cell(lesson.section_heading_en)} (<span lang="{m.language}">{cell(section)}</span>)'
    return "\n".join([
        f"| {label('report', language)} | {label('section', language)} | {label('paragraph', language)} |",
        "| --- | --- | --- |",
        f"| {title} | {section} | {lesson.paragraph} |",
        "",
        f"[{label('read_paragraph', language)}]({link})",
    ])


def render_applied(cited: list[lessons_applied.Citation], language: str, docs: Path) -> str:
    here = docs / LESSONS_DIR
    if not cited:
        return labels(NAME)("not_applied", language)
    return "\n".join(
        f"- [{c.title}: {c.heading}]({relative_link(here, c.page, c.anchor)})" if c.heading
        else f"- [{c.title}]({relative_link(here, c.page)})" for c in cited
    )


def _used_themes(catalogue: Catalogue) -> list[Theme]:
    return [t for t in catalogue.themes if any(lesson.theme == t for lesson in catalogue.lessons)]


def render_index(catalogue: Catalogue, language: str) -> str:
    label = labels(NAME)
    assert catalogue.pages is not None
    out = []
    for theme in _used_themes(catalogue):
        out.append(f"## {theme.name(language)} {{#tema-{theme.id}}}\n")
        for lesson in (l for l in catalogue.lessons if l.theme == theme):
            page = catalogue.pages[(lesson.id, language)]
            out.append(f"### {page.title} {{#{lesson.id}}}\n\n{page.description}\n\n"
                       f"{label('audience', language)}: {label(f'audience_{lesson.audience}', language)}. "
                       f"[{label('read_lesson', language)}: {page.title}]({lesson.id}.md)\n")
    return "\n".join(out)


def render_themes(catalogue: Catalogue, language: str) -> str:
    return " · ".join(f"[{t.name(language)}](#tema-{t.id})" for t in _used_themes(catalogue))


def render_audience(catalogue: Catalogue, audiences: tuple[str, ...], language: str) -> str:
    assert catalogue.pages is not None
    chosen = [l for l in catalogue.lessons if l.audience in audiences]
    if not chosen:
        return labels(NAME)("no_lessons", language)
    return "\n".join(f"- [{catalogue.pages[(l.id, language)].title}]({l.id}.md) ({l.theme.name(language).lower()})"
                     for l in chosen)


def render(catalogue: Catalogue, docs: Path = DOCS, out_dir: Path = GENERATED_SNIPPETS) -> list[Fragment]:
    folder = out_dir / LESSONS_DIR
    belongs = display_path(catalogue.path)
    cited = lessons_applied.citations(docs, {lesson.id for lesson in catalogue.lessons})
    found = []
    for language in LANGUAGES:
        for lesson in catalogue.lessons:
            found += [
                Fragment.markdown(folder / f"{lesson.id}.{language}.md", render_quote(lesson, language), belongs),
                Fragment.markdown(folder / f"{lesson.id}-om.{language}.md", render_about(lesson, language), belongs,
                                  inline=True),
                Fragment.markdown(folder / f"{lesson.id}-kalla.{language}.md",
                                  render_source(lesson, language, docs), belongs),
                Fragment.markdown(folder / f"{lesson.id}-anvands.{language}.md",
                                  render_applied(cited.get((lesson.id, language), []), language, docs),
                                  "the guides in docs/ that link to the lesson"),
            ]
        found += [
            Fragment.markdown(folder / f"index.{language}.md", render_index(catalogue, language),
                              f"{belongs} and the lesson pages in docs/{LESSONS_DIR}/"),
            Fragment.markdown(folder / f"teman.{language}.md", render_themes(catalogue, language), belongs,
                              inline=True),
        ]
        for name, audiences in AUDIENCE_LISTS:
            found.append(Fragment.markdown(folder / f"{name}.{language}.md",
                                           render_audience(catalogue, audiences, language),
                                           f"{belongs} and the lesson pages in docs/{LESSONS_DIR}/"))
    return found


def fragments(lessons_file: Path = LESSONS_FILE, reports_dir: Path = REPORTS_DIR, docs: Path = DOCS,
              out_dir: Path = GENERATED_SNIPPETS) -> list[Fragment]:
    return render(read(lessons_file, reports_dir, docs), docs, out_dir)


if __name__ == "__main__":
    from scripts.generate import main_for_kind

    sys.exit(main_for_kind(NAME, sys.argv[1:]))
