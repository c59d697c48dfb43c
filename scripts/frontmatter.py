"""Reading and checking the front matter of Markdown pages.

Every page starts with YAML front matter holding at least `title` and `description` (the
description becomes the page's meta description). Errors name the file and the line.
"""

from __future__ import annotations

import datetime
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from scripts.errors import InputError, display_path, report
from scripts.paths import DOCS

REQUIRED_TEXT_FIELDS = ("title", "description")
# libyaml's loader when PyYAML has it (its wheels do): every build reads ~400 front matters.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
DESCRIPTION_MAX_CHARS = 200


@dataclass
class Page:
    path: Path
    meta: dict[str, Any]
    body: str
    body_start_line: int  # 1-based line number of the first body line


def split(path: Path, text: str) -> tuple[str, str, int]:
    """Return (front matter text, body, first body line); fail when the front matter is absent."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        raise InputError(
            path, "the page has no front matter", line=1,
            hint="start the file with a line '---', then 'title:' and 'description:', then '---'",
        )
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return "".join(lines[1:index]), "".join(lines[index + 1 :]), index + 2
    raise InputError(
        path, "the front matter is not closed", line=1,
        hint="add a line with only '---' after the last field",
    )


def read(path: Path) -> Page:
    text = path.read_text(encoding="utf-8")
    front, body, body_start = split(path, text)
    try:
        meta = yaml.load(front, Loader=SAFE_LOADER) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else None  # +1 for 1-based, +1 for the '---'
        problem = getattr(error, "problem", None) or str(error)
        raise InputError(
            path, f"the front matter is not valid YAML: {problem}", line=line,
            hint="check quotes and colons; a value that contains ': ' needs quotes around it",
        ) from None
    if not isinstance(meta, dict):
        raise InputError(path, "the front matter must be 'field: value' lines", line=2)
    return Page(path, meta, body, body_start)


def field_line(path: Path, name: str) -> int | None:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith(f"{name}:"):
            return number
    return None


def validate(page: Page) -> list[InputError]:
    errors = []
    for name in REQUIRED_TEXT_FIELDS:
        value = page.meta.get(name)
        if value is None:
            errors.append(InputError(
                page.path, f"the field '{name}' is missing from the front matter", line=2,
                hint=f"add a line '{name}: ...' between the two '---' lines",
            ))
        elif not isinstance(value, str) or not value.strip():
            errors.append(InputError(
                page.path, f"the field '{name}' must be a non-empty text",
                line=field_line(page.path, name),
            ))
    description = page.meta.get("description")
    if isinstance(description, str) and len(description) > DESCRIPTION_MAX_CHARS:
        errors.append(InputError(
            page.path,
            f"the description is {len(description)} characters; keep it under {DESCRIPTION_MAX_CHARS}",
            line=field_line(page.path, "description"),
            hint="search engines cut longer descriptions: say it in one short sentence",
        ))
    reviewed = page.meta.get("reviewed")
    if reviewed is not None and not isinstance(reviewed, datetime.date):
        errors.append(InputError(
            page.path, "the field 'reviewed' must be a date like 2026-11-25",
            line=field_line(page.path, "reviewed"),
        ))
    return errors


def markdown_pages(docs: Path = DOCS) -> list[Path]:
    return sorted(docs.rglob("*.md"))


def check_all(docs: Path = DOCS) -> list[InputError]:
    errors: list[InputError] = []
    for path in markdown_pages(docs):
        try:
            errors.extend(validate(read(path)))
        except InputError as error:
            errors.append(error)
    return errors


def main(argv: list[str] | None = None) -> int:
    docs = Path(argv[0]) if argv else DOCS
    errors = check_all(docs)
    if not errors:
        print(f"front matter ok in {len(markdown_pages(docs))} pages under {display_path(docs)}")
    return report(errors)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
