"""Finding the report's headings in the text and cutting it into sections.

The headings come from the metadata (PDF text keeps no bold or font size). A heading must start
at the start of a line and end at the end of one; it may run over several lines and over a page
break, and its spacing does not matter.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from scripts.errors import InputError, display_path
from scripts.report.metadata import ReportMeta, SectionSpec


@dataclass(frozen=True)
class HeadingSpan:
    spec: SectionSpec
    first: int  # 0-based index of the heading's first line
    last: int  # 0-based index of its last line


def find_heading(line_words: Sequence[list[str]], heading: list[str], start: int) -> tuple[int, int] | None:
    """(first line, last line) of `heading` at or after line `start`, or None."""
    for first in range(start, len(line_words)):
        words = line_words[first]
        if not words or words[0] != heading[0]:
            continue
        collected: list[str] = []
        for last in range(first, len(line_words)):
            collected.extend(line_words[last])
            if collected[: len(heading)] != heading[: len(collected)]:
                break
            if len(collected) >= len(heading):
                if len(collected) == len(heading):
                    return first, last
                break
    return None


def locate(meta: ReportMeta, lines: Sequence[str]) -> list[HeadingSpan]:
    line_words = [line.split() for line in lines]
    spans: list[HeadingSpan] = []
    cursor = 0
    for spec in meta.sections:
        found = find_heading(line_words, spec.heading.split(), cursor)
        if found is None:
            raise InputError(
                meta.path,
                f"the heading of section '{spec.id}' is not in {display_path(meta.text_path)}"
                + (f" after line {cursor}" if cursor else ""),
                line=spec.line,
                hint="copy the heading exactly as it stands in the text file (line breaks and "
                "spacing do not matter) and list the sections in the order they appear",
            )
        spans.append(HeadingSpan(spec, found[0], found[1]))
        cursor = found[1] + 1
    return spans
