"""The budget: groups of amount lines ("Intäkter", "Kostnader"), each checked against its sum."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from scripts.errors import InputError
from scripts.report.reflow import BUDGET_LINE, Paragraph

SUM_LABEL = re.compile(r"^summa\b", re.IGNORECASE)
NBSP = "\u00a0"


@dataclass(frozen=True)
class BudgetLine:
    label: str
    amount: int  # whole kronor
    line: int


@dataclass(frozen=True)
class BudgetGroup:
    name: str
    items: tuple[BudgetLine, ...]
    total: BudgetLine | None  # the report's own sum line, checked

    @property
    def computed_total(self) -> int:
        return sum(item.amount for item in self.items)


def parse_amount(text: str) -> int:
    return int(re.sub(r"[ \u00a0.]", "", text))


def format_sek(amount: int) -> str:
    """Swedish format: groups of three digits joined by a non-breaking space, then ' kr'."""
    digits = f"{abs(amount):,}".replace(",", NBSP)
    return f"{'−' if amount < 0 else ''}{digits} kr"


def parse(paragraphs: Sequence[Paragraph], source: Path) -> list[BudgetGroup]:
    """Budget groups in a section; raises InputError when a stated sum does not add up."""
    groups: list[BudgetGroup] = []
    name: str | None = None
    items: list[BudgetLine] = []

    def close(total: BudgetLine | None) -> None:
        nonlocal items, name
        if items or total:
            groups.append(BudgetGroup(name or "", tuple(items), total))
        items, name = [], None

    for paragraph in paragraphs:
        match = BUDGET_LINE.match(paragraph.text)
        if match is None:
            close(None)
            # A short line without a full stop names the next group ("Intäkter").
            if len(paragraph.text.split()) <= 4 and not paragraph.text.endswith("."):
                name = paragraph.text
            continue
        line = BudgetLine(match["label"], parse_amount(match["amount"]), paragraph.line)
        if SUM_LABEL.match(line.label):
            group = BudgetGroup(name or "", tuple(items), line)
            if group.computed_total != line.amount:
                raise InputError(
                    source,
                    f"the lines of '{group.name or 'the budget'}' add up to "
                    f"{format_sek(group.computed_total)}, but the sum line says {format_sek(line.amount)}",
                    line=line.line,
                    hint="compare the amounts with the original document; the site will not "
                    "publish a budget whose sums do not add up",
                )
            close(line)
        else:
            items.append(line)
    close(None)
    return groups
