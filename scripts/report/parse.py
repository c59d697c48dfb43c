"""A report read in full: sections with reflowed paragraphs, goals, budget and the quotable text."""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import dataclass
from pathlib import Path

from scripts.quotes import Match, SourceText
from scripts.report import budget, goals, sections
from scripts.report.metadata import ReportMeta, SectionSpec
from scripts.report.reflow import Paragraph, reflow_lines
from scripts.errors import InputError
from scripts.report.text import read_source


@dataclass(frozen=True)
class Section:
    spec: SectionSpec | None  # None for text before the first heading
    heading: str  # as printed, spacing normalised
    line: int
    paragraphs: tuple[Paragraph, ...]
    word_starts: tuple[int, ...]  # index in the whole text of each paragraph's first word

    @property
    def id(self) -> str:
        return self.spec.id if self.spec else "inledning"


@dataclass(frozen=True)
class Location:
    section: Section
    paragraph: int  # 1-based within the section
    line: int


@dataclass(frozen=True)
class Report:
    meta: ReportMeta
    source: SourceText
    sections: tuple[Section, ...]
    goals: tuple[goals.Goal, ...]
    budget: tuple[budget.BudgetGroup, ...]

    @property
    def path(self) -> Path:
        return self.meta.text_path

    def locate(self, match: Match) -> Location | None:
        """The section and paragraph where a found quote starts."""
        for section in reversed(self.sections):
            if section.word_starts and section.word_starts[0] <= match.start:
                index = bisect.bisect_right(section.word_starts, match.start) - 1
                return Location(section, index + 1, section.paragraphs[index].line)
        return None


def check_unchanged(meta: ReportMeta) -> None:
    """The report text is source data, copied unchanged: an edit would make quotes drift."""
    if not meta.sha256:
        return
    actual = hashlib.sha256(meta.text_path.read_bytes()).hexdigest()
    if actual != meta.sha256:
        raise InputError(
            meta.text_path, f"the report text has changed since it was copied (sha256 {actual})",
            hint="restore the original text (git checkout -- <file>); only if the original document "
            f"itself changed, update 'sha256' in {meta.path.name}",
        )


def parse(meta: ReportMeta) -> Report:
    text = read_source(meta.text_path)
    check_unchanged(meta)
    lines = text.split("\n")
    words_before = [0]
    for line in lines:
        words_before.append(words_before[-1] + len(line.split()))

    def section(spec: SectionSpec | None, heading: str, line: int, body: range) -> Section:
        paragraphs = tuple(reflow_lines([lines[i] for i in body], body.start + 1)) if body else ()
        starts = tuple(words_before[p.line - 1] for p in paragraphs)
        return Section(spec, heading, line, paragraphs, starts)

    spans = sections.locate(meta, lines)
    found: list[Section] = []
    first_heading = spans[0].first if spans else len(lines)
    if any(line.strip() for line in lines[:first_heading]):
        found.append(section(None, "", 1, range(0, first_heading)))
    for index, span in enumerate(spans):
        end = spans[index + 1].first if index + 1 < len(spans) else len(lines)
        heading = " ".join(" ".join(lines[span.first : span.last + 1]).split())
        found.append(section(span.spec, heading, span.first + 1, range(span.last + 1, end)))

    all_goals = []
    groups = []
    for part in found:
        if part.spec and part.spec.budget:
            groups.extend(budget.parse(part.paragraphs, meta.text_path))
        else:
            all_goals.extend(goals.parse(part.paragraphs, part.id))
    return Report(meta, SourceText(text), tuple(found), tuple(all_goals), tuple(groups))
