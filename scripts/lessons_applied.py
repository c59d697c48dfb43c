"""Which guide sections cite each lesson: the "applied in" lists on the lesson pages.

A guide cites a lesson by linking to its page (`lardomar/<id>.md`). scripts/lessons.py turns the
citations found here into the fragments snippets/generated/lardomar/<id>-anvands.<lang>.md. They
come from the hand-written guides, so they are build output: a maintainer who edits a guide in
GitHub's web editor never leaves anything stale. A link to a lesson that does not exist is an
error with the guide's file and line.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from markdown.extensions.toc import slugify

from scripts.errors import InputError, InputErrors
from scripts.paths import page_language
from scripts.yaml_lines import LOADER

LESSONS_DIR = "lardomar"



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
    errors: list[InputError] = []
    for page in sorted(docs.rglob("*.md")):
        if page.parent.resolve() == lessons_dir:
            continue  # the lesson pages themselves are not guides
        text = page.read_text(encoding="utf-8")
        lang = page_language(page)
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
                    errors.append(InputError(
                        page, f"the link to '{address}' names a lesson that does not exist: '{lesson_id}'",
                        line=number,
                        hint="link to one of the lesson ids in data/lessons.yml ("
                        + ", ".join(sorted(known)) + "), or add the lesson there",
                    ))
                    continue
                entry = found.setdefault((lesson_id, lang), [])
                if not any(c.page == page and c.anchor == anchor for c in entry):
                    entry.append(Citation(page, title, heading, anchor, number))
    if errors:
        raise InputErrors(errors)
    return found
