"""Writing generated files safely.

Generated files carry a marker at the top and are never edited by hand. A writer here:
- refuses to overwrite a file that lacks the marker (it would be someone's hand-written work);
- writes atomically (temporary file + rename), so a failed run never leaves half a file;
- in check mode, writes nothing and reports which files are stale.
"""

from __future__ import annotations

import difflib
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from scripts.errors import InputError, display_path

MARKER = "GENERATED"


def markdown_header(command: str, source: str) -> str:
    """The marker line for generated Markdown, placed inside the front matter as a YAML comment."""
    return f"# {MARKER} by `python -m {command}` from {source}. Do not edit: edit {source} instead."


def comment_header(command: str, source: str) -> str:
    """The marker line for generated Markdown snippets without front matter."""
    return f"<!-- {MARKER} by `python -m {command}` from {source}. Do not edit: edit {source} instead. -->"


def is_generated(path: Path) -> bool:
    """True when the file's first lines carry the generated marker."""
    with path.open(encoding="utf-8") as handle:
        head = [handle.readline() for _ in range(3)]
    return any(MARKER in line for line in head)


def write_atomically(path: Path, content: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    umask = os.umask(0)
    os.umask(umask)
    try:
        # mkstemp makes the file private (0600); give it the ordinary permissions a web server
        # and a fresh checkout expect.
        os.chmod(tmp, 0o666 & ~umask)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@dataclass
class GeneratedOutput:
    """A set of generated files, validated in full before any of them is written."""

    files: dict[Path, str] = field(default_factory=dict)

    def add(self, path: Path, content: str) -> None:
        if MARKER not in "\n".join(content.splitlines()[:3]):
            raise ValueError(f"generated content for {path} lacks the {MARKER} marker")
        self.files[path] = content

    def stale(self) -> list[Path]:
        return [
            path
            for path, content in self.files.items()
            if not path.exists() or path.read_text(encoding="utf-8") != content
        ]

    def check(self) -> list[str]:
        """Describe each stale file with a short diff; an empty list means all are up to date."""
        problems = []
        for path in self.stale():
            if not path.exists():
                problems.append(f"{display_path(path)}: missing; run `make generate` and commit it")
                continue
            diff = difflib.unified_diff(
                path.read_text(encoding="utf-8").splitlines(),
                self.files[path].splitlines(),
                "committed",
                "generated",
                lineterm="",
                n=1,
            )
            excerpt = "\n".join(list(diff)[:12])
            problems.append(
                f"{display_path(path)}: out of date; run `make generate` and commit it\n{excerpt}"
            )
        return problems

    def write(self) -> list[Path]:
        """Write the stale files. Refuses, before writing anything, to replace hand-written files."""
        for path in self.files:
            if path.exists() and not is_generated(path):
                raise InputError(
                    path,
                    "this file was written by hand, so the generator will not overwrite it",
                    hint="move your text elsewhere, or delete the file if it should be generated",
                )
        written = self.stale()
        for path in written:
            write_atomically(path, self.files[path])
        return written
