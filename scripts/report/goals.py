"""Goals and their outcomes (Mål → Utfall).

Not every goal carries the label "Mål:". An outcome ("Utfall: ...") always follows its goal, so
the paragraph just before an outcome is its goal, labelled or not. A labelled goal without an
outcome is kept too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from scripts.report.reflow import Paragraph

GOAL = re.compile(r"^Mål\s*:\s*")
OUTCOME = re.compile(r"^Utfall\s*:\s*")


@dataclass(frozen=True)
class Goal:
    text: str  # without the label
    line: int
    labelled: bool
    outcome: str | None
    outcome_line: int | None
    section_id: str


def parse(paragraphs: Sequence[Paragraph], section_id: str) -> list[Goal]:
    goals: list[Goal] = []
    for index, paragraph in enumerate(paragraphs):
        labelled = bool(GOAL.match(paragraph.text))
        if OUTCOME.match(paragraph.text):
            continue
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        outcome = following if following and OUTCOME.match(following.text) else None
        if not labelled and outcome is None:
            continue
        goals.append(Goal(
            text=GOAL.sub("", paragraph.text),
            line=paragraph.line,
            labelled=labelled,
            outcome=OUTCOME.sub("", outcome.text) if outcome else None,
            outcome_line=outcome.line if outcome else None,
            section_id=section_id,
        ))
    return goals
