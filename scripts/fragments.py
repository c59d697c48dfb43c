"""The one writer of generated files: fragments that pages include, QR codes and the like.

Generated files are build output: written before every build, never committed. The writer keeps
a record (the manifest) of what it wrote last time, so that:
- a generated file that someone has edited by hand is never replaced: the run stops, shows the
  edit, says where the change belongs and how to throw the edit away on purpose;
- a generated file that someone deleted is written again, and the run says so;
- a file that no generator writes any more is removed, unless it was edited.
Every file of a run is checked before any is written, and each is written atomically.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from scripts.errors import InputError, InputErrors, display_path
from scripts.paths import MANIFEST, ROOT

MARKER = "GENERATED"


def header(belongs: str, in_page: bool = True) -> str:
    """The first line of a generated Markdown fragment.

    In a fragment that a page includes, it is an HTML comment, so it reaches the page's HTML, where
    the theme override finds it and links the data file (overrides/partials/actions.html). A file
    appended to every page (the tooltips) uses Markdown's empty link definition, which leaves no trace.
    """
    if in_page:
        return f"<!-- {MARKER} from {belongs}: edit {belongs}, not this file. -->"
    return f"[//]: # ({MARKER} from {belongs}: edit {belongs}, not this file.)"


@dataclass(frozen=True)
class Fragment:
    path: Path
    content: bytes
    belongs: str  # where a change to this file's words belongs, e.g. "data/glossary.yml"

    @classmethod
    def markdown(cls, path: Path, body: str, belongs: str, in_page: bool = True, inline: bool = False) -> Fragment:
        """A Markdown fragment with its header line; an `inline` one (a list item or a line that a
        page's own paragraph or list continues) has none, since a comment would split it."""
        text = f"{body.rstrip()}\n" if inline else f"{header(belongs, in_page)}\n\n{body.rstrip()}\n"
        return cls(path, text.encode("utf-8"), belongs)

    @property
    def is_text(self) -> bool:
        return self.path.suffix in {".md", ".txt", ".svg", ".xml"}


def digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


@dataclass
class Manifest:
    """What the generators wrote last time: repository path -> sha256 of the content."""

    path: Path
    files: dict[str, str] = field(default_factory=dict)

    @classmethod
    def read(cls, path: Path) -> Manifest:
        try:
            files = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls(path)
        except (ValueError, OSError) as error:
            raise InputError(
                path, f"the record of generated files cannot be read ({error})",
                hint=f"delete {display_path(path)} and the folder snippets/generated/, then run "
                "`make generate` again; nothing in them is anyone's own work",
            ) from None
        return cls(path, dict(files))

    def write(self) -> None:
        text = json.dumps(dict(sorted(self.files.items())), indent=1) + "\n"
        write_atomically(self.path, text.encode("utf-8"))


def key(path: Path) -> str:
    return display_path(path)


def write_atomically(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    umask = os.umask(0)
    os.umask(umask)
    try:
        # mkstemp makes the file private (0600); give it the permissions a fresh checkout has.
        os.chmod(tmp, 0o666 & ~umask)
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _edit_excerpt(path: Path, before: bytes | None, now: bytes) -> str:
    if before is None or path.suffix not in {".md", ".txt", ".svg", ".xml"}:
        return ""
    diff = difflib.unified_diff(
        before.decode("utf-8", "replace").splitlines(), now.decode("utf-8", "replace").splitlines(),
        "as generated", "as edited", lineterm="", n=0,
    )
    lines = [line for line in diff if not line.startswith(("---", "+++", "@@"))]
    shown = "\n".join(f"    {line}" for line in lines[:10])
    more = f"\n    … and {len(lines) - 10} more changed lines" if len(lines) > 10 else ""
    return f"\n  What was edited:\n{shown}{more}"


def _first_changed_line(generated: bytes | None, current: bytes) -> int:
    if generated is None:
        return 1
    before, now = generated.splitlines(), current.splitlines()
    for number, (old, new) in enumerate(zip(before, now), start=1):
        if old != new:
            return number
    return min(len(before), len(now)) + 1


@dataclass(frozen=True)
class Plan:
    write: list[Fragment]
    restore: list[Fragment]  # deleted by hand: written again
    remove: list[Path]  # no generator writes these any more
    edited: list[InputError]
    unchanged: int


def plan(fragments: Iterable[Fragment], manifest: Manifest, complete: bool = True) -> Plan:
    """Compare what the generators want to write with what is on disk and in the record."""
    to_write: list[Fragment] = []
    restore: list[Fragment] = []
    edited: list[InputError] = []
    unchanged = 0
    wanted = {}
    for fragment in fragments:
        wanted[key(fragment.path)] = fragment
        recorded = manifest.files.get(key(fragment.path))
        if not fragment.path.exists():
            (restore if recorded else to_write).append(fragment)
            continue
        current = fragment.path.read_bytes()
        if current == fragment.content:
            unchanged += 1
            continue
        if recorded is None or digest(current) != recorded:
            edited.append(_edited_error(fragment.path, fragment.belongs, fragment.content, current, recorded))
            continue
        to_write.append(fragment)
    remove = []
    # Only a run of every generator knows which recorded files nobody writes any more.
    for name, recorded in manifest.files.items() if complete else ():
        if name in wanted:
            continue
        path = _resolve(name)
        if path.exists() and digest(path.read_bytes()) != recorded:
            edited.append(_edited_error(path, "a page or a data file (no generator writes this file any more)", None, path.read_bytes(), recorded))
        elif path.exists():
            remove.append(path)
    return Plan(to_write, restore, remove, edited, unchanged)


def _resolve(name: str) -> Path:
    path = Path(name)
    return path if path.is_absolute() else ROOT / path


def _edited_error(path: Path, belongs: str, generated: bytes | None, current: bytes,
                  recorded: str | None) -> InputError:
    if recorded is None:
        problem = ("this file differs from what the generator writes, and the generator has no record"
                   " of writing it, so nothing was written")
    else:
        problem = "this generated file was edited by hand; the build would lose the edit, so nothing was written"
    return InputError(
        path, problem + _edit_excerpt(path, generated, current), line=_first_changed_line(generated, current),
        hint=f"make the change in {belongs} instead (the pages include this file, but its words "
        f"come from there). To throw the edit away on purpose, delete {display_path(path)} and run "
        "`make generate` again.",
    )


def write(fragments: Iterable[Fragment], manifest_path: Path = MANIFEST, complete: bool = True) -> list[str]:
    """Write the fragments that changed; return one line per file for the log.

    Raises InputErrors, before writing anything, when a generated file was edited by hand.
    """
    fragments = list(fragments)
    manifest = Manifest.read(manifest_path)
    steps = plan(fragments, manifest, complete)
    if steps.edited:
        raise InputErrors(steps.edited)
    log = []
    for fragment in steps.restore:
        write_atomically(fragment.path, fragment.content)
        log.append(f"{display_path(fragment.path)} had been deleted: wrote it again")
    for fragment in steps.write:
        write_atomically(fragment.path, fragment.content)
        log.append(f"wrote {display_path(fragment.path)}")
    for path in steps.remove:
        path.unlink()
        log.append(f"removed {display_path(path)}: no generator writes it any more")
    written = {key(f.path): digest(f.content) for f in fragments}
    manifest.files = written if complete else {**manifest.files, **written}
    manifest.write()
    return log


def check(fragments: Iterable[Fragment], manifest_path: Path = MANIFEST, complete: bool = True) -> list[InputError]:
    """Write nothing; describe each generated file that is missing, stale or edited by hand."""
    fragments = list(fragments)
    steps = plan(fragments, Manifest.read(manifest_path), complete)
    problems = list(steps.edited)
    for fragment in steps.restore + steps.write:
        state = "missing" if not fragment.path.exists() else "out of date"
        problems.append(InputError(
            fragment.path, f"this generated file is {state}", hint="run `make generate` (the build does it too)",
        ))
    return problems
