"""Build-time: which guide sections cite each lesson (the lesson pages' "applied in" part).

    python -m scripts.lessons_applied

Writes snippets/build/lardomar/<id>.sv.md and <id>.en.md for every lesson in data/lessons.yml;
the committed lesson pages include them with `--8<--`. The list comes from the hand-written
guides, so it is build output and never committed: a maintainer who edits a guide in GitHub's
web editor (a heading near a lesson link, a new citation) never leaves a committed page stale.
Runs before every build through `python -m scripts.generate --build-time`.

A link from a guide to `lardomar/<id>.md` must name a lesson: otherwise the run fails, naming the
guide file and line, and writes nothing.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml
from markdown.extensions.toc import slugify

from scripts.errors import InputError, display_path
from scripts.generated_files import comment_header, is_generated, write_atomically
from scripts.lessons import APPLIED_DIR, LESSONS_DIR, LESSONS_FILE, REPORTS_DIR, applied_snippet, read, relative_link
from scripts.paths import DOCS, SNIPPETS
from scripts.report.markdown import bullets
from scripts.yaml_lines import LOADER

COMMAND = "scripts.lessons_applied"
SOURCE = "the lesson links in the guides in docs/"
NONE_YET = {
    "sv": "Ingen guide hänvisar ännu till den här lärdomen.",
    "en": "No guide cites this lesson yet.",
}


@dataclass(frozen=True)
class Citation:
    """A place in a hand-written guide that links to a lesson."""

    page: Path
    title: str
    heading: str | None
    anchor: str | None
    line: int


# --- finding the guides that cite a lesson ---------------------------------------------------

LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
EXPLICIT_ID = re.compile(r"\s*\{[^}]*#([\w-]+)[^}]*\}\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")


def _heading_text(raw: str) -> str:
    text = EXPLICIT_ID.sub("", raw)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<[^>]+>", "", text)
    return re.sub(r"[*_`]", "", text).strip()


def _title(path: Path, text: str) -> str:
    match = re.match(r"^---\n(.*?)\n---", text, re.DOTALL)
    if match:
        try:
            meta = yaml.load(match.group(1), Loader=LOADER)
            if isinstance(meta, dict) and isinstance(meta.get("title"), str):
                return meta["title"]
        except yaml.YAMLError:
            pass
    heading = re.search(r"^#\s+(.+)$", text, re.MULTILINE)
    return _heading_text(heading.group(1)) if heading else path.stem


def citations(docs: Path, known: set[str]) -> dict[tuple[str, str], list[Citation]]:
    """(lesson id, language) -> the guide sections that link to it. Unknown ids are errors."""
    lessons_dir = (docs / LESSONS_DIR).resolve()
    found: dict[tuple[str, str], list[Citation]] = {}
    for page in sorted(docs.rglob("*.md")):
        if is_generated(page):
            continue
        text = page.read_text(encoding="utf-8")
        lang = "en" if page.name.endswith(".en.md") else "sv"
        title = _title(page, text)
        heading: str | None = None
        anchor: str | None = None
        used: dict[str, int] = {}
        in_fence = False
        for number, line in enumerate(text.splitlines(), start=1):
            if FENCE.match(line):
                in_fence = not in_fence
                continue
            if in_fence:
                continue
            head = HEADING.match(line)
            if head:
                explicit = EXPLICIT_ID.search(head.group(2))
                plain = _heading_text(head.group(2))
                slug = explicit.group(1) if explicit else slugify(plain, "-")
                if not explicit and slug in used:
                    used[slug] += 1
                    slug = f"{slug}_{used[slug]}"
                used.setdefault(slug, 0)
                if len(head.group(1)) > 1:
                    heading, anchor = plain, slug
                continue
            targets = LINK.findall(line) + REFERENCE.findall(line)
            for target in targets:
                address = target.split("#", 1)[0]
                if not address.endswith(".md") or "://" in address:
                    continue
                resolved = Path(os.path.normpath(page.parent / address))
                if resolved.parent.resolve() != lessons_dir:
                    continue
                lesson_id = resolved.name.removesuffix(".md").removesuffix(".en")
                if lesson_id == "index":
                    continue
                if lesson_id not in known:
                    raise InputError(
                        page, f"the link to '{address}' names a lesson that does not exist: '{lesson_id}'",
                        line=number,
                        hint="link to one of the lesson ids in data/lessons.yml ("
                        + ", ".join(sorted(known)) + "), or add the lesson there",
                    )
                entry = found.setdefault((lesson_id, lang), [])
                if not any(c.page == page and c.anchor == anchor for c in entry):
                    entry.append(Citation(page, title, heading, anchor, number))
    return found


# --- the snippets ----------------------------------------------------------------------------


def snippet(cited: list[Citation], lang: str, docs: Path) -> str:
    """The "applied in" list, with links relative to the lesson page that includes it."""
    here = docs / LESSONS_DIR
    if cited:
        body = bullets([
            f"[{c.title}: {c.heading}]({relative_link(here, c.page, c.anchor)})" if c.heading
            else f"[{c.title}]({relative_link(here, c.page)})" for c in cited
        ])
    else:
        body = NONE_YET[lang] + "\n"
    return f"{comment_header(COMMAND, SOURCE)}\n\n{body}"


def generate(lessons_file: Path = LESSONS_FILE, reports_dir: Path = REPORTS_DIR, docs: Path = DOCS,
             snippets: Path = SNIPPETS) -> dict[Path, str]:
    """Every lesson's snippet in both languages, in memory; InputError on the first problem."""
    catalogue, _ = read(lessons_file, reports_dir)
    ids = [lesson.id for lesson in catalogue.lessons]
    cited = citations(docs, set(ids))
    return {
        snippets / applied_snippet(lesson_id, lang): snippet(cited.get((lesson_id, lang), []), lang, docs)
        for lesson_id in ids
        for lang in ("sv", "en")
    }


def write(files: dict[Path, str], folder: Path) -> None:
    """Write the snippets, and remove generated ones for lessons that no longer exist."""
    for path, content in files.items():
        write_atomically(path, content)
    for path in sorted(folder.glob("*.md")) if folder.exists() else []:
        if path not in files and is_generated(path):
            path.unlink()


def main(argv: Sequence[str] | None = None, lessons_file: Path = LESSONS_FILE, reports_dir: Path = REPORTS_DIR,
         docs: Path = DOCS, snippets: Path = SNIPPETS) -> int:
    if argv:
        print("usage: python -m scripts.lessons_applied  (no options: build output, never checked in)",
              file=sys.stderr)
        return 2
    try:
        files = generate(lessons_file, reports_dir, docs, snippets)
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    folder = snippets / APPLIED_DIR
    write(files, folder)
    print(f"wrote {len(files)} files in {display_path(folder)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
