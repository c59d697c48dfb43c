"""One error type for maintainers' mistakes: it names the file, the line and what to do."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from scripts.paths import ROOT


def display_path(path: Path | str) -> str:
    """The path as a maintainer sees it in the repository (relative when possible)."""
    path = Path(path)
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


@dataclass
class InputError(Exception):
    """A problem in a file that a maintainer edits.

    Printed as `file:line: problem` and then what to do, the format that editors and GitHub's
    annotations understand.
    """

    path: Path | str
    message: str
    line: int | None = None
    hint: str = ""

    def __str__(self) -> str:
        where = display_path(self.path)
        if self.line is not None:
            where = f"{where}:{self.line}"
        text = f"{where}: {self.message}"
        if self.hint:
            text += f"\n  What to do: {self.hint}"
        return text


class InputErrors(Exception):
    """Every problem found in a run, so that a maintainer can fix them all at once."""

    def __init__(self, errors: list[InputError]) -> None:
        super().__init__(f"{len(errors)} problem(s)")
        self.errors = sorted(errors, key=lambda e: (display_path(e.path), e.line or 0))


def report(errors: list[InputError]) -> int:
    """Print every error and return the exit code for a command-line entry point."""
    import sys

    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    return 1 if errors else 0


def report_exception(error: InputError | InputErrors) -> int:
    """`report` for what a run raised: one problem or all of them."""
    return report(error.errors if isinstance(error, InputErrors) else [error])
