"""Reflowing hard-wrapped text into paragraphs.

PDF and Word exports break lines in the middle of sentences and leave page-break debris: lines of
spaces or non-breaking spaces and runs of blank lines, sometimes in the middle of a sentence. The
rules, applied to each pair of neighbouring non-blank lines:

- a budget line ("Summa 237 134 kr"), a list item ("- ...") or a labelled line ("Utfall: ...")
  always stands apart, so tables and labels survive;
- otherwise a single line break joins the lines (a hard wrap);
- blank lines end the paragraph, unless the text before them has no full stop and the text after
  starts in lower case: then they are a page break in the middle of a sentence.

Reflowing reflowed text changes nothing (a property test checks this).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from scripts.report.text import squash

AMOUNT = r"\d{1,3}(?:[ \u00a0.]\d{3})+|\d+"
# A budget line is a short label and an amount in kronor, without a full stop: a prose line that
# happens to end in "500.000 kr." is not one.
BUDGET_LINE = re.compile(rf"^(?P<label>\S+(?: \S+){{0,5}}?) (?P<amount>{AMOUNT}) ?kr$")
LABEL = re.compile(r"^(?:Mål|Utfall)\s*:")
LIST_ITEM = re.compile(r"^[-–•]\s")
SENTENCE_END = (".", "!", "?", ":", ";")


@dataclass(frozen=True)
class Paragraph:
    text: str
    line: int  # 1-based line of the paragraph's first line in the source file


def stands_apart(line: str) -> bool:
    return bool(BUDGET_LINE.match(line))


def starts_apart(line: str) -> bool:
    return stands_apart(line) or bool(LABEL.match(line) or LIST_ITEM.match(line))


def continues(previous: str, line: str, blank_between: bool) -> bool:
    """Whether `line` continues the paragraph that ends with `previous` (both squashed)."""
    if stands_apart(previous) or starts_apart(line):
        return False
    if not blank_between:
        return True
    return not previous.endswith(SENTENCE_END) and line[0].islower()


def reflow_lines(lines: Sequence[str], first_line: int = 1) -> list[Paragraph]:
    paragraphs: list[Paragraph] = []
    current: list[str] = []
    start = first_line
    blank_between = False
    for number, raw in enumerate(lines, start=first_line):
        line = squash(raw)
        if not line:
            blank_between = True
            continue
        if current and continues(current[-1], line, blank_between):
            current.append(line)
        else:
            if current:
                paragraphs.append(Paragraph(" ".join(current), start))
            current, start = [line], number
        blank_between = False
    if current:
        paragraphs.append(Paragraph(" ".join(current), start))
    return paragraphs


def reflow(text: str) -> str:
    """The text as paragraphs, one per line, separated by a blank line."""
    return "\n\n".join(p.text for p in reflow_lines(text.splitlines()))
