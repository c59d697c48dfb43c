"""Write every generated fragment before the build: `python -m scripts.generate [--check]`.

Each data kind is a module with `fragments() -> list[Fragment]` that reads its data, validates it
(every problem at once, with file:line) and renders fragments for both languages. This runs them
all, checks that every fragment a page includes is one that a generator writes, and hands the
fragments to the one writer (scripts/fragments.py), which never replaces a hand-edited file.

    python -m scripts.generate                  write what changed
    python -m scripts.generate --check          write nothing; list what is missing, stale or edited
    python -m scripts.generate --only glossary  one kind (the kind modules' own `python -m` does this)
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from scripts import fragments as writer
from scripts.errors import InputError, InputErrors, display_path, report_exception
from scripts.fragments import Fragment
from scripts.paths import DOCS, GENERATED_SNIPPETS, MANIFEST

# Kind name -> module. Order matters only for reading the log.
KINDS = {
    "sources": "scripts.sources",
    "responsibilities": "scripts.responsibilities",
    "regions": "scripts.regions",
    "questions": "scripts.questions",
    "glossary": "scripts.glossary",
    "reports": "scripts.reports",
    "lessons": "scripts.lessons",
    "qr": "scripts.qr_codes",
    "templates": "scripts.templates",
    "changes": "scripts.changes",
    "publisher": "scripts.publisher",
    "figures": "scripts.figures",
    "twins": "scripts.twins",
}

# An include of a generated fragment, as pymdownx.snippets reads it (on a line of its own).
INCLUDE = re.compile(r'^\s*--8<--\s+"(generated/[^"]+)"\s*$')


def collect(kinds: Sequence[str] = tuple(KINDS)) -> list[Fragment]:
    """Every fragment of the given kinds; InputErrors with the problems of all of them."""
    found: list[Fragment] = []
    errors: list[InputError] = []
    for name in kinds:
        try:
            found += importlib.import_module(KINDS[name]).fragments()
        except InputErrors as problems:
            errors += problems.errors
        except InputError as error:
            errors.append(error)
    if errors:
        raise InputErrors(errors)
    return found


def unknown_includes(found: list[Fragment], docs: Path = DOCS,
                     out_dir: Path = GENERATED_SNIPPETS) -> list[InputError]:
    """Includes in the pages of a fragment that no generator writes."""
    written = {f.path.relative_to(out_dir.parent).as_posix() for f in found
               if f.path.is_relative_to(out_dir.parent)}
    errors = []
    for page in sorted(docs.rglob("*.md")):
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
            match = INCLUDE.match(line)
            if match and match.group(1) not in written:
                near = sorted(p for p in written if p.rsplit(".", 2)[0] == match.group(1).rsplit(".", 2)[0])
                errors.append(InputError(
                    page, f"the page includes {match.group(1)}, which no generator writes", line=number,
                    hint="check the spelling of the file name"
                    + (f"; did you mean {' or '.join(near)}?" if near else
                       "; the generated fragments are listed in ARCHITECTURE.md"),
                ))
    return errors


def run(check: bool, kinds: Sequence[str] = tuple(KINDS), docs: Path = DOCS,
        manifest: Path = MANIFEST) -> int:
    try:
        found = collect(kinds)
        complete = list(kinds) == list(KINDS)
        if complete:
            problems = unknown_includes(found, docs)
            if problems:
                raise InputErrors(problems)
        if check:
            problems = writer.check(found, manifest, complete)
            for problem in problems:
                print(f"error: {problem}", file=sys.stderr)
            if not problems:
                print(f"all {len(found)} generated files are up to date")
            return 1 if problems else 0
        log = writer.write(found, manifest, complete)
    except (InputError, InputErrors) as error:
        return report_exception(error)
    for line in log:
        print(line)
    print(f"{len(found)} generated files in {display_path(GENERATED_SNIPPETS)} and docs/ (QR codes, feeds):"
          f" {len(log)} written or removed")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the generated fragments that the pages include.")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; fail if a generated file is missing, stale or edited by hand")
    parser.add_argument("--only", choices=list(KINDS), action="append",
                        help="only this data kind (may be given more than once)")
    args = parser.parse_args(argv)
    return run(args.check, args.only or tuple(KINDS))


def main_for_kind(name: str, argv: Sequence[str]) -> int:
    """`python -m scripts.<kind> [--check]`: the same run, for one kind."""
    return main([*argv, "--only", name])


if __name__ == "__main__":
    sys.exit(main())
