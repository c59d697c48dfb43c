"""LIX readability of the Swedish pages.

LIX = words / sentences + 100 * long words / words, where a long word has more than six letters
(../shared/style.md). Quotes, tables, code, front matter and link addresses do not count. A
heading, a list item and a table-free block each end a sentence even without a full stop.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from scripts.frontmatter import read
from scripts.errors import InputError
from scripts.paths import DOCS, SNIPPETS

LIX_LIMIT = 40.0

FENCE = re.compile(r"^(```|~~~)")
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
SENTENCE_END = re.compile(r"[.!?:]+(?=\s|$)")
IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
ATTRS = re.compile(r"\{:?\s*(?:[#.][^}]*|[\w-]+=[^}]*)\}")
HTML_TAG = re.compile(r"<[^>]+>")
INLINE_CODE = re.compile(r"`[^`]*`")
SNIPPET = re.compile(r"^-{2}8<-{2}")
INCLUDE = re.compile(r'^-{2}8<-{2}\s+"(generated/[^"]+)"\s*$')


@dataclass
class Readability:
    words: int
    sentences: int
    long_words: int

    @property
    def lix(self) -> float:
        if not self.words or not self.sentences:
            return 0.0
        return self.words / self.sentences + 100 * self.long_words / self.words


def with_includes(body: str) -> str:
    """Text with the generated fragments (such as the responsibility lookup) included, as the
    reader sees it. A missing fragment is an error: measuring without it would flatter the page."""
    lines = []
    for line in body.splitlines():
        match = INCLUDE.match(line.strip())
        if not match:
            lines.append(line)
            continue
        path = SNIPPETS / match.group(1)
        if not path.is_file():
            raise InputError(path, "this fragment has not been written, so LIX cannot be measured",
                             hint="run `make generate` (or `python -m scripts.generate`) first")
        lines.append(path.read_text(encoding="utf-8"))
    return "\n".join(lines)


def prose_blocks(body: str) -> list[str]:
    """The text a reader reads as prose, one string per sentence-ending block."""
    blocks: list[str] = []
    in_fence = False
    for raw in with_includes(body).splitlines():
        line = raw.strip()
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence or not line:
            blocks.append("")
            continue
        if line.startswith(("|", ">", "*[", "<!--")) or SNIPPET.match(line):
            blocks.append("")
            continue
        line = INLINE_CODE.sub(" ", line)
        line = IMAGE.sub(" ", line)  # alt text is not read as prose
        line = LINK.sub(r"\1", line)
        line = ATTRS.sub(" ", line)
        line = HTML_TAG.sub(" ", line)
        # Admonition titles ('!!! abstract "I korthet"') read as a heading.
        line = re.sub(r"^(?:!!!|\?\?\?\+?)\s*\w+", "", line)
        starts_block = bool(re.match(r"^(#{1,6}\s|[-*+]\s|\d+\.\s|!!!|\?\?\?)", raw.strip()))
        line = re.sub(r"^(#{1,6}\s+|[-*+]\s+(\[[ xX]\]\s+)?|\d+\.\s+)", "", line)
        if starts_block:
            blocks.append("")
        blocks.append(line)
    # Join consecutive lines into paragraphs; an empty string separates blocks.
    paragraphs, current = [], []
    for piece in blocks:
        if piece:
            current.append(piece)
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def measure_text(body: str) -> Readability:
    words = sentences = long_words = 0
    for paragraph in prose_blocks(body):
        tokens = WORD.findall(paragraph)
        if not tokens:
            continue
        words += len(tokens)
        long_words += sum(1 for token in tokens if len(token.replace("-", "")) > 6)
        ends = len(SENTENCE_END.findall(paragraph))
        # A block that does not end with a full stop still ends a sentence.
        if not re.search(r"[.!?:][\"'”)»]*$", paragraph.rstrip()):
            ends += 1
        sentences += max(ends, 1)
    return Readability(words, sentences, long_words)


def measure(path: Path) -> Readability:
    return measure_text(read(path).body)


def swedish_pages(docs: Path = DOCS) -> list[Path]:
    return sorted(p for p in docs.rglob("*.md") if not p.name.endswith(".en.md"))


def main(argv: list[str] | None = None) -> int:
    paths = [Path(a) for a in argv] if argv else swedish_pages()
    worst = 0.0
    for path in paths:
        try:
            score = measure(path)
        except InputError as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
        worst = max(worst, score.lix)
        flag = "  over the limit" if score.lix > LIX_LIMIT else ""
        print(f"{score.lix:5.1f}  {score.words:5d} words  {path}{flag}")
    return 1 if worst > LIX_LIMIT else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
