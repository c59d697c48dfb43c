"""Term help: a Python-Markdown extension that links glossary terms to their glossary entry.

Configured in mkdocs.yml (`markdown_extensions: [scripts.term_help]`); it is a Markdown
extension, not an MkDocs hook, so any engine that runs Python-Markdown extensions can use it.
It knows nothing of languages or of data/glossary.yml: each page includes its own language's
definitions, written by `python -m scripts.glossary`, with a line at its end:

    --8<-- "generated/terms.en.md"

The included lines have this form (anything else in the page is left alone):

    *[kulturplan](/ordlista.md#kulturplan): Regionens plan för kulturen.
    *[]: Läs mer i ordlistan

The first gives a word, its glossary entry and its explanation; several words (forms) can point at
the same entry. The second is the label of the link to the entry in the explanation that
overrides/term-help.js shows on hover, focus and tap; the page's first marked term carries it
(data-more), once per page. The lines are removed from the page.

The FIRST occurrence of each entry's words in the page's text becomes a link to the entry, with the
explanation as its title (so without JavaScript a reader still reaches the entry, and hovering still
explains it). Headings, links, code and preformatted text are left alone. Marking once per entry
keeps pages calm and the build fast: one compiled pattern, one pass over the text.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from functools import lru_cache

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

DEFINITION = re.compile(r"^\*\[(?P<word>[^\]\n]+)\]\((?P<href>[^)\s]+)\): (?P<text>.+)$")
MORE_LABEL = re.compile(r"^\*\[\]: (?P<text>.+)$")
SKIP = {"a", "code", "pre", "kbd", "samp", "script", "style", "h1", "h2", "h3", "h4", "h5", "h6", "abbr"}
CLASS = "term"


class _Definitions(Preprocessor):
    def __init__(self, md: Markdown, extension: TermHelpExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        kept = []
        for line in lines:
            match = DEFINITION.match(line)
            if match:
                self.extension.terms[match["word"]] = (match["href"], match["text"].strip())
                continue
            match = MORE_LABEL.match(line)
            if match:
                self.extension.more = match["text"].strip()
                continue
            kept.append(line)
        return kept


@lru_cache(maxsize=8)
def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    # Longest first, so that "regional kulturverksamhet" wins over a shorter word inside it.
    alternatives = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


class _Marker(Treeprocessor):
    def __init__(self, md: Markdown, extension: TermHelpExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        terms = self.extension.terms
        if not terms:
            return
        self.pattern = _pattern(tuple(terms))
        self.done: set[str] = set()  # glossary entries already marked on this page
        self.entries = len({href for href, _ in terms.values()})
        self._walk(root)

    def _walk(self, element: etree.Element) -> None:
        if element.text and not isinstance(element.text, AtomicString):
            head, links = self._split(element.text)
            if links:
                element.text = head
                for index, link in enumerate(links):
                    element.insert(index, link)
        for child in list(element):
            if child.tag not in SKIP and not child.get("class", "").startswith("headerlink"):
                self._walk(child)
            if child.tail and not isinstance(child.tail, AtomicString):
                head, links = self._split(child.tail)
                if links:
                    child.tail = head
                    at = list(element).index(child) + 1
                    for offset, link in enumerate(links):
                        element.insert(at + offset, link)

    def _split(self, text: str) -> tuple[str, list[etree.Element]]:
        """The text before the first marked term, and the links, each with the text after it."""
        if len(self.done) == self.entries:
            return text, []
        head, links, start = None, [], 0
        for match in self.pattern.finditer(text):
            href, explanation = self.extension.terms[match.group()]
            if href in self.done:
                continue
            self.done.add(href)
            if links:
                links[-1].tail = text[start:match.start()]
            else:
                head = text[:match.start()]
            link = etree.Element("a", {"href": href, "class": CLASS, "title": explanation})
            # The label is the same for every term, so only the page's first term carries it.
            if self.extension.more and len(self.done) == 1:
                link.set("data-more", self.extension.more)
            link.text = match.group()
            links.append(link)
            start = match.end()
        if not links:
            return text, []
        links[-1].tail = text[start:]
        return head or "", links


class TermHelpExtension(Extension):
    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.reset()

    def reset(self) -> None:
        self.terms: dict[str, tuple[str, str]] = {}
        self.more = ""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.registerExtension(self)
        # After pymdownx.snippets (32), which brings the definitions in; before raw HTML (20).
        md.preprocessors.register(_Definitions(md, self), "term_help_definitions", 25)
        # After the inline patterns (20) and attr_list (8); before MkDocs turns .md links into
        # URLs and checks their anchors (relpath, 0), so each link to an entry is checked too.
        md.treeprocessors.register(_Marker(md, self), "term_help", 7)


def makeExtension(**kwargs) -> TermHelpExtension:  # noqa: N802 (Python-Markdown's name)
    return TermHelpExtension(**kwargs)
