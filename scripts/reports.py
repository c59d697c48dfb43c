"""The project reports: data/reports/*.yml + *.txt -> fragments for the pages about each report.

For each report (its metadata file names it with `id`), under snippets/generated/rapporter/<id>/,
in both languages:
- namn.<lang>.md: the names in the report that have changed since (a table);
- mal.<lang>.md: goals and outcomes, in the report's words (a table);
- budget.<lang>.md: income and costs, with the sums checked (a table);
- budget-forklaring.<lang>.md: the report's own explanation of the costs (a quote block);
- text.<lang>.md: the whole text under its headings, a link anchor for each paragraph.
The pages themselves (docs/<pages_dir>/*.md) are hand-written and include these. A second report
needs only its text, its metadata file and its pages: no code.

    python -m scripts.reports [--check]
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from scripts.datafile import labels
from scripts.errors import InputError, InputErrors, display_path
from scripts.fragments import Fragment
from scripts.paths import DATA, DOCS, GENERATED_SNIPPETS, LANGUAGES
from scripts.report import Report, Section, discover, parse
from scripts.report.budget import format_sek
from scripts.report.markdown import blockquote, cell
from scripts.report.reflow import BUDGET_LINE

NAME = "reports"
REPORTS_DIR = DATA / "reports"
FOLDER = "rapporter"


def read(reports_dir: Path = REPORTS_DIR) -> dict[str, Report]:
    """Every report, parsed and checked (sums, sections, unchanged text); all problems at once."""
    metas = discover(reports_dir)
    if not metas:
        raise InputError(reports_dir, "there is no report metadata (*.yml) in this folder",
                         hint="add the report's text file and a metadata file beside it")
    reports: dict[str, Report] = {}
    errors: list[InputError] = []
    for meta in metas:
        if meta.id in reports:
            errors.append(InputError(meta.path, f"the report id '{meta.id}' is used twice", line=1,
                                     hint="give each report's metadata file its own 'id:'"))
            continue
        try:
            reports[meta.id] = parse(meta)
        except InputError as error:
            errors.append(error)
    if errors:
        raise InputErrors(errors)
    return reports


def fragment_path(report_id: str, name: str, language: str, out_dir: Path = GENERATED_SNIPPETS) -> Path:
    return out_dir / FOLDER / report_id / f"{name}.{language}.md"


def include_line(report_id: str, name: str, language: str) -> str:
    return f'--8<-- "generated/{FOLDER}/{report_id}/{name}.{language}.md"'


def paragraph_anchor(section: Section, number: int) -> str:
    return f"{section.id}-{number}"


def _meta_values(report: Report) -> dict[str, str]:
    m = report.meta
    return {"organisation": m.organisation, "organisation_short": m.organisation_short,
            "published": str(m.published), "title": m.title, "funder_en": m.funder_en,
            "author_role": m.author_role, "author_role_en": m.author_role_en}


def attribution(report: Report, language: str, section: Section | None = None) -> str:
    """The line under a quote. A section written by one person (the closing reflection, written
    by the project leader) names that person's role, not the organisation."""
    by_author = section is not None and section.spec is not None and section.spec.by_author
    key = "attribution_by_author" if by_author and report.meta.author_role else "attribution"
    return labels(NAME)(key, language, **_meta_values(report))


def _quote_attributes(language: str) -> str:
    # The report is Swedish: on an English page its words are marked as Swedish for screen readers.
    return 'lang="sv"' if language != "sv" else ""


def render_names(report: Report, language: str) -> str:
    label = labels(NAME)
    rows = [f"| {label('name_then', language)} | {label('name_now', language)} |", "| --- | --- |"]
    rows += [f"| {cell(old)} | {cell(new)} |" for old, new in report.meta.name_changes.items()]
    return "\n".join(rows) if report.meta.name_changes else ""


def render_goals(report: Report, language: str) -> str:
    label = labels(NAME)
    rows = [f"| {label('number', language)} | {label('goal', language)} | {label('outcome', language)} |",
            "| --- | --- | --- |"]
    for number, item in enumerate(report.goals, start=1):
        outcome = cell(item.outcome) if item.outcome else label("no_outcome", language)
        rows.append(f"| {number} | {cell(item.text)} | {outcome} |")
    return "\n".join(rows)


def render_budget(report: Report, language: str) -> str:
    label = labels(NAME)
    m = report.meta

    def name(text: str) -> str:
        return text if language == "sv" else m.label_en(text)

    rows = [f"| {label('item', language)} | {label('amount', language)} |", "| --- | ---: |"]
    for group in report.budget:
        if group.name:
            rows.append(f"| **{cell(name(group.name))}** | |")
        rows += [f"| {cell(name(item.label))} | {format_sek(item.amount)} |" for item in group.items]
        if group.total is not None:
            rows.append(f"| **{cell(name(group.total.label))}** | **{format_sek(group.total.amount)}** |")
    return "\n".join(rows)


def budget_notes(report: Report) -> list[str]:
    """The budget section's sentences that explain the costs (not the budget lines themselves)."""
    section = next((s for s in report.sections if s.spec and s.spec.budget), None)
    if section is None:
        return []
    return [p.text for p in section.paragraphs if not BUDGET_LINE.match(p.text) and len(p.text.split()) > 4]


def render_budget_notes(report: Report, language: str) -> str:
    notes = budget_notes(report)
    if not notes:
        return ""
    quotes = "\n".join(blockquote(text, _quote_attributes(language)) for text in notes)
    return f"{quotes}>\n> {attribution(report, language)}"


def render_text(report: Report, language: str) -> str:
    label = labels(NAME)
    attributes = _quote_attributes(language)
    out = []
    for section in report.sections:
        spec = section.spec
        level = spec.level if spec else 2
        if spec is None:
            heading = label("introduction", language)
        else:
            heading = spec.short_sv if language == "sv" else spec.heading_en
        out.append(f"{'#' * level} {cell(heading)} {{#{section.id}}}\n")
        if spec is not None and heading != section.heading:
            if language == report.meta.language:
                out.append(f"> **{cell(section.heading)}**\n")  # the report's own words, quoted
            else:
                out.append(f"{label('swedish_heading', language)}: <span lang=\"{report.meta.language}\">"
                           f"“{cell(section.heading)}”</span>\n")
        out.append("\n".join(
            blockquote(p.text, " ".join(filter(None, (f"#{paragraph_anchor(section, n)}", attributes))))
            for n, p in enumerate(section.paragraphs, start=1)
        ))
    return "\n".join(out)


RENDERERS = {
    "namn": render_names,
    "mal": render_goals,
    "budget": render_budget,
    "budget-forklaring": render_budget_notes,
    "text": render_text,
}


def render(reports: dict[str, Report], out_dir: Path = GENERATED_SNIPPETS) -> list[Fragment]:
    found = []
    for report in reports.values():
        belongs = display_path(report.meta.path)
        for name, renderer in RENDERERS.items():
            for language in LANGUAGES:
                found.append(Fragment.markdown(fragment_path(report.meta.id, name, language, out_dir),
                                               renderer(report, language), belongs))
    return found


# --- quotes of a report on hand-written pages ---------------------------------------------------

QUOTE_LINE = re.compile(r"^\s*>\s?(.*)$")
ATTRIBUTES = re.compile(r"^\{:.*\}$")


@dataclass(frozen=True)
class PageQuote:
    page: Path
    line: int
    text: str
    attribution: str


def page_quotes(page: Path) -> list[PageQuote]:
    """The blockquotes of a page: each paragraph of a quote block, with the block's last paragraph
    (the attribution line, '— Ax: *Title*, 2018')."""
    lines = page.read_text(encoding="utf-8").splitlines()
    found: list[PageQuote] = []
    number = 0
    while number < len(lines):
        if not QUOTE_LINE.match(lines[number]):
            number += 1
            continue
        paragraphs: list[tuple[int, list[str]]] = [(number + 1, [])]
        while number < len(lines) and (match := QUOTE_LINE.match(lines[number])):
            text = match.group(1).strip()
            if not text:
                paragraphs.append((number + 2, []))
            elif not ATTRIBUTES.match(text):
                paragraphs[-1][1].append(text)
            number += 1
        paragraphs = [(line, words) for line, words in paragraphs if words]
        if len(paragraphs) >= 2:
            attribution = " ".join(paragraphs[-1][1])
            found += [PageQuote(page, line, " ".join(words), attribution) for line, words in paragraphs[:-1]]
    return found


def check_page_quotes(reports: dict[str, Report], docs: Path) -> list[InputError]:
    """Every quote on a page whose attribution names a report must stand word for word in it."""
    errors = []
    for page in sorted(docs.rglob("*.md")):
        for quote in page_quotes(page):
            report = next((r for r in reports.values() if r.meta.title in quote.attribution), None)
            if report is None or report.source.find(quote.text) is not None:
                continue
            message = f"the quote is not in {display_path(report.path)}, although its source line names the report"
            passage = report.source.closest(quote.text)
            if passage is not None:
                message += f"\n  Closest passage ({display_path(report.path)}:{passage.line}):\n    {passage.text}"
                if passage.differences:
                    message += "\n  Differences: " + "; ".join(passage.differences[:5])
            errors.append(InputError(
                page, message, line=quote.line,
                hint="copy the words exactly from the report; only line breaks and spacing may differ."
                " If the words are the site's own, do not put them in a quote that names the report"))
    return errors


def fragments(reports_dir: Path = REPORTS_DIR, out_dir: Path = GENERATED_SNIPPETS,
              docs: Path = DOCS) -> list[Fragment]:
    reports = read(reports_dir)
    errors = check_page_quotes(reports, docs)
    if errors:
        raise InputErrors(errors)
    return render(reports, out_dir)


if __name__ == "__main__":
    from scripts.generate import main_for_kind

    sys.exit(main_for_kind(NAME, sys.argv[1:]))
