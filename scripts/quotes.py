"""Finding a quote in a source text, insensitive to white space and to nothing else.

Line breaks, page breaks, non-breaking spaces and runs of white space between words do not
matter; every other character does. A quote must cover whole words: one changed, added or
missing word, or one changed character, and it is not found. When it is not found, the closest
passage says where the maintainer should look.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

TOKEN = re.compile(r"\S+")


@dataclass(frozen=True)
class Match:
    start: int  # index of the first word in the source
    end: int  # index after the last word
    line: int  # 1-based line of the first word


@dataclass(frozen=True)
class Passage:
    text: str
    line: int
    similarity: float  # 0..1
    differences: tuple[str, ...]  # "'quoted' instead of 'source'" and the like


class SourceText:
    """A text prepared for many quote look-ups."""

    def __init__(self, text: str) -> None:
        self.text = text
        found = [(m.group(), m.start()) for m in TOKEN.finditer(text)]
        self.words = [word for word, _ in found]
        self._offsets = [offset for _, offset in found]
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        # One space between words, so a quote is found with str.find; the spaces around it make
        # the match cover whole words.
        self._joined = " " + " ".join(self.words) + " "
        self._word_starts: list[int] = []
        position = 1
        for word in self.words:
            self._word_starts.append(position)
            position += len(word) + 1
        self._index: dict[str, list[int]] | None = None

    def line_of_word(self, index: int) -> int:
        if not self._offsets:
            return 1
        offset = self._offsets[min(index, len(self._offsets) - 1)]
        return bisect.bisect_right(self._line_starts, offset)

    def find(self, quote: str) -> Match | None:
        words = quote.split()
        if not words:
            return None
        position = self._joined.find(" " + " ".join(words) + " ")
        if position < 0:
            return None
        start = bisect.bisect_left(self._word_starts, position + 1)
        return Match(start, start + len(words), self.line_of_word(start))

    def closest(self, quote: str) -> Passage | None:
        """The passage of the quote's length that shares most words with it, in order."""
        words = quote.split()
        if not words or not self.words:
            return None
        if self._index is None:
            self._index = defaultdict(list)
            for position, word in enumerate(self.words):
                self._index[word].append(position)
        # Each shared word votes for the start its position in the quote implies.
        votes: Counter[int] = Counter()
        for offset, word in enumerate(words):
            for position in self._index.get(word, ()):
                votes[max(position - offset, 0)] += 1
        candidates = [start for start, _ in votes.most_common(8)] or [0]
        best: tuple[float, int, int] | None = None
        for start in candidates:
            for shift in (-2, -1, 0, 1, 2):
                begin = max(start + shift, 0)
                for length in {len(words) - 1, len(words), len(words) + 1}:
                    window = self.words[begin : begin + max(length, 1)]
                    ratio = difflib.SequenceMatcher(a=words, b=window, autojunk=False).ratio()
                    if best is None or ratio > best[0]:
                        best = (ratio, begin, begin + len(window))
        assert best is not None
        ratio, begin, end = best
        window = self.words[begin:end]
        return Passage(" ".join(window), self.line_of_word(begin), ratio, _differences(words, window))


def _differences(quoted: list[str], source: list[str]) -> tuple[str, ...]:
    found = []
    matcher = difflib.SequenceMatcher(a=quoted, b=source, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        mine, theirs = " ".join(quoted[a1:a2]), " ".join(source[b1:b2])
        if tag == "replace":
            found.append(f"the quote has '{mine}' where the report has '{theirs}'")
        elif tag == "delete":
            found.append(f"the quote adds '{mine}'")
        elif tag == "insert":
            found.append(f"the quote leaves out '{theirs}'")
    return tuple(found)


def contains(source: str, quote: str) -> bool:
    return SourceText(source).find(quote) is not None
