"""Twins that never drift: each English page records which Swedish text it translates.

- The record: `translated_from: <12 hex digits>` in the English page's front matter, the start of
  the SHA-256 of the Swedish page's body (front matter left out) as written: an include line
  (`--8<-- "generated/…"`) counts as the line itself, so a change in the data that both languages
  include never makes a twin outdated. Line endings, trailing spaces and blank lines at the start
  and end are normalised away. No git history is needed, so a shallow clone (CI) works.
- The snapshot: translations/<page>.sv.md, that same Swedish body, committed, so that the check can
  show what changed since the translation. Only `mark` writes it; nobody edits it by hand.
- The notice: snippets/generated/twins/<page>.en.md, which each English page includes as the first
  line of its body (INCLUDE). It is empty while the twin is current; when the Swedish body has
  changed it holds an admonition with data-translation-status="outdated", whose words come from
  data/labels.yml (`twins:`) and whose date is the Swedish page's `reviewed:` (see `notice`).

An outdated twin is published with its notice and listed by `make test` and the pull-request
check; it does not fail them. A missing or malformed record, a missing include line, a missing
Swedish page or a snapshot that does not match its record fails the build with file:line.

    python -m scripts.twins [--check]              the generator (as `make generate` runs it)
    python -m scripts.twins list [--summary FILE]  the outdated twins, with what changed
    python -m scripts.twins mark docs/x.en.md …    mark twins as current (`make twin-current`)
    python -m scripts.twins mark --all             every twin (`make twins-current`)
"""

from __future__ import annotations

import argparse
import datetime
import difflib
import hashlib
import html
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from scripts.datafile import labels
from scripts.errors import InputError, InputErrors, display_path, report, report_exception
from scripts.fragments import Fragment, write_atomically
from scripts.frontmatter import read as read_page
from scripts.frontmatter import split
from scripts.paths import DOCS, ENGLISH_SUFFIX, GENERATED_SNIPPETS, TRANSLATIONS

NAME = "twins"
FIELD = "translated_from"
SNAPSHOT_SUFFIX = ".sv.md"
HASH_LENGTH = 12
RECORD = re.compile(rf"^{FIELD}\s*:(.*)$")
HASH = re.compile(rf"^[0-9a-f]{{{HASH_LENGTH}}}$")
DIFF_LINES_SHOWN = 60


def fragment_name(english: Path, docs: Path) -> str:
    """docs/lardomar/mat.en.md -> 'twins/lardomar/mat.en.md', under snippets/generated/."""
    return f"{NAME}/{english.relative_to(docs).as_posix()}"


def include_line(english: Path, docs: Path) -> str:
    return f'--8<-- "generated/{fragment_name(english, docs)}"'


def swedish_twin(english: Path) -> Path:
    return english.with_name(english.name.removesuffix(ENGLISH_SUFFIX) + ".md")


def snapshot_path(english: Path, docs: Path, snapshots: Path) -> Path:
    relative = english.relative_to(docs).as_posix().removesuffix(ENGLISH_SUFFIX)
    return snapshots / f"{relative}{SNAPSHOT_SUFFIX}"


def command(english: Path) -> str:
    return f"make twin-current PAGE={display_path(english)}"


def normalise(body: str) -> tuple[str, int]:
    """The body as compared: LF line endings, no trailing spaces, no blank lines at either end.
    Also returns how many blank lines were dropped at the start (to give file line numbers)."""
    lines = [line.rstrip() for line in body.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    leading = 0
    while leading < len(lines) and not lines[leading]:
        leading += 1
    while lines and not lines[-1]:
        lines.pop()
    text = "\n".join(lines[leading:])
    return (text + "\n" if text else ""), leading


def short_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_LENGTH]


@dataclass(frozen=True)
class SwedishText:
    path: Path
    text: str  # normalised body
    first_line: int  # the file line of the text's first line
    title: str
    reviewed: datetime.date | None

    @classmethod
    def read(cls, path: Path) -> SwedishText:
        page = read_page(path)
        text, leading = normalise(page.body)
        reviewed = page.meta.get("reviewed")
        title = page.meta.get("title")
        return cls(path, text, page.body_start_line + leading, str(title or path.stem),
                   reviewed if isinstance(reviewed, datetime.date) else None)


@dataclass(frozen=True)
class Twin:
    english: Path
    record: str
    record_line: int
    swedish: SwedishText
    snapshot: Path
    translated: str  # the snapshot: the Swedish body that the English page translates
    docs: Path

    @property
    def outdated(self) -> bool:
        return self.record != short_hash(self.swedish.text)


def _record(english: Path, text: str, errors: list[InputError]) -> tuple[str, int] | None:
    """The record's value and line from the front matter, or None with the problem in errors."""
    front, _, _ = split(english, text)
    found = [(number, match.group(1).strip()) for number, line in enumerate(front.splitlines(), start=2)
             if (match := RECORD.match(line))]
    hint = (f"if the page translates {display_path(swedish_twin(english))} as it is now, run "
            f"`{command(english)}`: it writes the record")
    if not found:
        errors.append(InputError(
            english, f"the page does not record which Swedish text it translates (no '{FIELD}:')",
            line=2, hint=hint + " (ask in your pull request if you cannot run it)"))
        return None
    if len(found) > 1:
        errors.append(InputError(english, f"'{FIELD}:' is written {len(found)} times", line=found[1][0],
                                 hint=f"keep one line '{FIELD}:' (the one on line {found[0][0]})"))
        return None
    number, value = found[0]
    if not HASH.match(value.strip("'\"")):
        errors.append(InputError(
            english, f"'{FIELD}: {value}' is not a record written by the twin command: it must be "
            f"{HASH_LENGTH} characters of 0-9 and a-f", line=number,
            hint=hint + "; never write this value by hand"))
        return None
    return value.strip("'\""), number


def read_twin(english: Path, docs: Path, snapshots: Path, errors: list[InputError]) -> Twin | None:
    before = len(errors)
    text = english.read_text(encoding="utf-8")
    try:
        found = _record(english, text, errors)
        page = read_page(english)
    except InputError as error:
        errors.append(error)
        return None
    expected = include_line(english, docs)
    body_lines = [line.strip() for line in page.body.splitlines()]
    first = next((line for line in body_lines if line), "")
    if first != expected:
        errors.append(InputError(
            english, "the page does not start with the line that shows the notice when its Swedish "
            "page has changed" + (" (it is there, but not first)" if expected in body_lines else ""),
            line=page.body_start_line,
            hint=f"put the line {expected} first after the front matter, with a blank line after it "
            f"(`{command(english)}` adds it)"))
    swedish_path = swedish_twin(english)
    if not swedish_path.exists():
        errors.append(InputError(
            english, f"the page translates {display_path(swedish_path)}, which does not exist",
            line=found[1] if found else 1,
            hint="every English page translates the Swedish page with the same name without '.en': "
            "add the Swedish page, or rename or delete this one"))
        return None
    try:
        swedish = SwedishText.read(swedish_path)
    except InputError as error:
        errors.append(error)
        return None
    snapshot = snapshot_path(english, docs, snapshots)
    translated = None
    if found:
        if not snapshot.exists():
            errors.append(InputError(
                snapshot, f"the copy of the Swedish text that {display_path(english)} translates is "
                f"missing (its record is on line {found[1]})",
                hint=f"restore it from git; if the English page translates {display_path(swedish_path)} "
                f"as it is now, run `{command(english)}`"))
        else:
            translated, _ = normalise(snapshot.read_text(encoding="utf-8"))
            if short_hash(translated) != found[0]:
                errors.append(InputError(
                    snapshot, f"this copy of the Swedish text does not match the record "
                    f"'{FIELD}: {found[0]}' in {display_path(english)}:{found[1]}: one of them was "
                    "edited by hand", line=1,
                    hint=f"restore both from git; if the English page translates "
                    f"{display_path(swedish_path)} as it is now, run `{command(english)}`"))
    if len(errors) > before or found is None or translated is None:
        return None
    return Twin(english, found[0], found[1], swedish, snapshot, translated, docs)


def english_pages(docs: Path) -> list[Path]:
    return sorted(path for path in docs.rglob(f"*{ENGLISH_SUFFIX}"))


def read(docs: Path = DOCS, snapshots: Path = TRANSLATIONS) -> list[Twin]:
    """Every English page's twin; InputErrors with every missing or malformed record."""
    errors: list[InputError] = []
    twins = [twin for english in english_pages(docs)
             if (twin := read_twin(english, docs, snapshots, errors)) is not None]
    wanted = {snapshot_path(english, docs, snapshots) for english in english_pages(docs)}
    for orphan in sorted(set(snapshots.rglob(f"*{SNAPSHOT_SUFFIX}")) - wanted) if snapshots.exists() else ():
        errors.append(InputError(
            orphan, "no English page translates this copy of a Swedish text any more",
            hint="delete it (`make twins-current` does), or restore the English page it belongs to"))
    if errors:
        raise InputErrors(errors)
    return twins


def swedish_url(twin: Twin) -> str:
    """The Swedish page's address relative to the English page: /en/ansvar/ -> ../../ansvar/."""
    name = twin.swedish.path.relative_to(twin.docs).as_posix().removesuffix(".md")
    path = name.removesuffix("index") if name == "index" or name.endswith("/index") else name + "/"
    depth = ("en/" + path).count("/")
    return "../" * depth + path


def notice(twin: Twin) -> str:
    """The admonition at the top of an outdated English page, in English.

    The date is the Swedish page's `reviewed:`: by the site's rule every change a reader sees moves
    it, with an entry in data/changes.yml (scripts/changes.py checks the two agree), and it is
    known without git history. Only a change no reader sees (a typo) leaves it, and that twin is
    marked current instead."""
    from scripts.changes import date_text

    label = labels(NAME)
    link = (f'<a href="{swedish_url(twin)}" hreflang="sv" lang="sv">'
            f"{html.escape(twin.swedish.title)}</a>")
    reviewed = twin.swedish.reviewed
    if reviewed is not None:
        date = f'<time datetime="{reviewed.isoformat()}">{date_text(reviewed, "en")}</time>'
        text = html.escape(label("outdated_text", "en")).format(date=date, link=link)
    else:
        text = html.escape(label("outdated_text_undated", "en")).format(link=link)
    return "\n".join([
        '<div class="admonition warning" data-translation-status="outdated">',
        f'<p class="admonition-title">{html.escape(label("outdated_title", "en"))}</p>',
        f"<p>{text}</p>",
        "</div>",
    ])


def render(twins: list[Twin], out_dir: Path = GENERATED_SNIPPETS) -> list[Fragment]:
    found = []
    for twin in twins:
        # No header comment: an empty fragment leaves no trace on a current page.
        body = notice(twin) if twin.outdated else ""
        found.append(Fragment.markdown(out_dir / fragment_name(twin.english, twin.docs), body,
                                       "data/labels.yml (twins:)", inline=True))
    return found


def fragments(docs: Path = DOCS, snapshots: Path = TRANSLATIONS,
              out_dir: Path = GENERATED_SNIPPETS) -> list[Fragment]:
    return render(read(docs, snapshots), out_dir)


# ---- What changed: the listing for `make test` and the pull-request check ----

def diff_lines(twin: Twin) -> list[str]:
    """What changed in the Swedish text since the translation, with the Swedish page's lines."""
    old, new = twin.translated.splitlines(), twin.swedish.text.splitlines()
    out: list[str] = []
    for group in difflib.SequenceMatcher(None, old, new, autojunk=False).get_grouped_opcodes(1):
        changed = next(j1 for tag, _, _, j1, _ in group if tag != "equal")
        out.append(f"@@ {display_path(twin.swedish.path)}:{twin.swedish.first_line + changed} @@")
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                out += [f"  {line}" for line in old[i1:i2]]
                continue
            out += [f"- {line}" for line in old[i1:i2]]
            out += [f"+ {line}" for line in new[j1:j2]]
            if tag == "replace" and i2 - i1 == j2 - j1:
                out += [f"~ {word_changes(a, b)}" for a, b in zip(old[i1:i2], new[j1:j2])]
    if len(out) > DIFF_LINES_SHOWN:
        out = out[:DIFF_LINES_SHOWN] + [f"… and {len(out) - DIFF_LINES_SHOWN} more lines"]
    return out


def word_changes(old: str, new: str, context: int = 3) -> str:
    """The words that changed in a line, as [-old-]{+new+}, with a few words around each: in a
    long paragraph, a typo is otherwise hard to spot."""
    a, b = old.split(), new.split()
    parts: list[str] = []
    opcodes = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    for number, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            words = a[i1:i2]
            first, last = number == 0, number == len(opcodes) - 1
            keep_start = [] if first else words[:context]
            keep_end = [] if last else words[-context:]
            if len(words) > len(keep_start) + len(keep_end):
                words = [*keep_start, "…", *keep_end]
            parts += words
            continue
        if i2 > i1:
            parts.append(f"[-{' '.join(a[i1:i2])}-]")
        if j2 > j1:
            parts.append(f"{{+{' '.join(b[j1:j2])}+}}")
    return " ".join(parts)


def what_to_do(twin: Twin) -> str:
    return (f"update {display_path(twin.english)} to say what the Swedish page says now, then mark it "
            f"as current: `{command(twin.english)}`. If the change needs no new translation (a typo), "
            "just run the command. Without a terminal, ask for it in your pull request.")


def heading(twin: Twin) -> str:
    when = f" (reviewed: {twin.swedish.reviewed})" if twin.swedish.reviewed else ""
    return (f"{display_path(twin.english)}:{twin.record_line}: may be out of date: "
            f"{display_path(twin.swedish.path)} has changed since it was translated{when}")


def listing(twins: list[Twin]) -> str:
    outdated = [twin for twin in twins if twin.outdated]
    if not outdated:
        return f"all {len(twins)} English pages translate their Swedish page as it is now"
    parts = [f"{len(outdated)} of {len(twins)} English pages may be out of date; they are published "
             "with a notice that says so."]
    for twin in outdated:
        parts.append("\n".join([heading(twin), *(f"    {line}" for line in diff_lines(twin)),
                                f"  What to do: {what_to_do(twin)}"]))
    return "\n\n".join(parts)


def summary(twins: list[Twin]) -> str:
    """The listing in Markdown, for the pull request's check summary ($GITHUB_STEP_SUMMARY)."""
    outdated = [twin for twin in twins if twin.outdated]
    lines = ["## Translations / Översättningar", ""]
    if not outdated:
        return "\n".join([*lines, listing(twins), ""])
    lines += [f"{len(outdated)} of {len(twins)} English pages may be out of date. They are published "
              "with a notice that says so.", ""]
    for twin in outdated:
        lines += [f"### `{display_path(twin.english)}`", "", heading(twin), "", "```diff",
                  *(line if line.startswith(("@@", "…")) else line[0] + line[2:] if line[0] in "+-~"
                    else " " + line[2:] for line in diff_lines(twin)),
                  "```", "", f"**What to do:** {what_to_do(twin)}", ""]
    return "\n".join(lines)


# ---- Marking a twin as current ----

def mark(english: Path, docs: Path = DOCS, snapshots: Path = TRANSLATIONS) -> str:
    """Record that the English page translates its Swedish page as it is now.

    Rewrites only the record line of the front matter (and adds it, or the include line, when
    missing); every other byte stays. Writes the snapshot. Returns a line for the log."""
    english = english.resolve()
    if not english.name.endswith(ENGLISH_SUFFIX) or not english.is_file():
        raise InputError(english, "this is not an English page (a file docs/….en.md)",
                         hint="name the English page, e.g. PAGE=docs/ansvar.en.md")
    if not english.is_relative_to(docs.resolve()):
        raise InputError(english, f"this page is not under {display_path(docs)}",
                         hint="name an English page of the site, e.g. PAGE=docs/ansvar.en.md")
    swedish_path = swedish_twin(english)
    if not swedish_path.exists():
        raise InputError(english, f"the page translates {display_path(swedish_path)}, which does not exist",
                         hint="add the Swedish page first, or rename or delete this one")
    swedish = SwedishText.read(swedish_path)
    digest = short_hash(swedish.text)
    raw = english.read_bytes()
    text = raw.decode("utf-8")
    split(english, text)  # the front matter must be there and closed
    lines = text.splitlines(keepends=True)
    newline = lines[0][len(lines[0].rstrip("\r\n")):] or "\n"
    close = next(i for i, line in enumerate(lines[1:], start=1) if line.strip() == "---")
    records = [i for i in range(1, close) if RECORD.match(lines[i].rstrip("\r\n"))]
    if len(records) > 1:
        raise InputError(english, f"'{FIELD}:' is written {len(records)} times", line=records[1] + 1,
                         hint=f"delete all but one line '{FIELD}:', then run the command again")
    changes = []
    if records:
        index = records[0]
        ending = lines[index][len(lines[index].rstrip("\r\n")):]
        old = RECORD.match(lines[index].rstrip("\r\n")).group(1).strip().strip("'\"")  # type: ignore[union-attr]
        lines[index] = f"{FIELD}: {digest}{ending}"
        if old != digest:
            changes.append(f"record {old or '(empty)'} -> {digest}")
    else:
        lines.insert(1, f"{FIELD}: {digest}{newline}")
        close += 1
        changes.append(f"record added ({digest})")
    docs_root = docs.resolve()
    include = include_line(english, docs_root)
    if include not in (line.strip() for line in lines[close + 1:]):
        at = close + 1
        while at < len(lines) and not lines[at].strip():
            at += 1
        lines[at:at] = [include + newline, newline]
        changes.append("notice line added")
    updated = "".join(lines).encode("utf-8")
    if updated != raw:
        write_atomically(english, updated)
    snapshot = snapshot_path(english, docs_root, snapshots)
    if not snapshot.exists() or snapshot.read_bytes() != swedish.text.encode("utf-8"):
        write_atomically(snapshot, swedish.text.encode("utf-8"))
    state = ", ".join(changes) if changes else "already current"
    return f"{display_path(english)}: translates {display_path(swedish_path)} as it is now ({state})"


def mark_all(docs: Path = DOCS, snapshots: Path = TRANSLATIONS) -> tuple[list[str], list[InputError]]:
    log: list[str] = []
    errors: list[InputError] = []
    pages = english_pages(docs)
    for english in pages:
        try:
            log.append(mark(english, docs, snapshots))
        except InputError as error:
            errors.append(error)
    wanted = {snapshot_path(english.resolve(), docs.resolve(), snapshots) for english in pages}
    for orphan in sorted(set(snapshots.rglob(f"*{SNAPSHOT_SUFFIX}")) - wanted) if snapshots.exists() else ():
        orphan.unlink()
        log.append(f"removed {display_path(orphan)}: no English page translates it any more")
    return log, errors


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.twins",
                                     description="English pages that record which Swedish text they translate.")
    commands = parser.add_subparsers(dest="command", required=True)
    listed = commands.add_parser("list", help="list the outdated twins and what changed")
    listed.add_argument("--summary", type=Path, help="append the list in Markdown to this file "
                        "(GitHub's $GITHUB_STEP_SUMMARY)")
    marked = commands.add_parser("mark", help="record that English pages translate their Swedish page as it is now")
    marked.add_argument("pages", nargs="*", type=Path)
    marked.add_argument("--all", action="store_true", help="every English page")
    args = parser.parse_args(argv)
    if args.command == "list":
        try:
            twins = read()
        except (InputError, InputErrors) as error:
            return report_exception(error)
        print(listing(twins))
        if args.summary:
            with args.summary.open("a", encoding="utf-8") as handle:
                handle.write(summary(twins))
            # GitHub shows these on the check and beside the English page's record line.
            for twin in (twin for twin in twins if twin.outdated):
                print(f"::warning file={display_path(twin.english)},line={twin.record_line}::"
                      f"{display_path(twin.swedish.path)} has changed since this page was translated")
        return 0
    if not args.all and not args.pages:
        parser.error("name the English page (PAGE=docs/ansvar.en.md), or give --all")
    if args.all:
        log, errors = mark_all()
    else:
        log, errors = [], []
        for page in args.pages:
            try:
                log.append(mark(page))
            except InputError as error:
                errors.append(error)
    print("\n".join(log))
    return report(errors)


if __name__ == "__main__":
    if sys.argv[1:2] and sys.argv[1] in {"list", "mark", "-h", "--help"}:
        sys.exit(main(sys.argv[1:]))
    from scripts.generate import main_for_kind

    sys.exit(main_for_kind(NAME, sys.argv[1:]))
