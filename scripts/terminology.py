"""One English term per concept: find the forms to avoid (data/glossary.yml) in English text.

English text is every English page (docs/**/*.en.md, front matter included) and every `en:` value
in data/*.yml. Fenced code, inline code and quotes (`> ...`, the report's Swedish words) are left
out. Each finding names the file, the line, the form and the preferred term.

    python -m scripts.terminology
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from scripts import glossary
from scripts.errors import InputError, InputErrors, report_exception
from scripts.paths import DATA, DOCS
from scripts.yaml_lines import load

FENCE = re.compile(r"^\s*(```|~~~)")
INLINE_CODE = re.compile(r"`[^`]*`")
EMPHASIS = re.compile(r"[*_]+")


@dataclass(frozen=True)
class Rule:
    pattern: re.Pattern[str]
    form: str  # what the reader is told was found
    term: glossary.Term

    @property
    def preferred(self) -> str:
        return f"'{self.term.term['en']}' ({self.term.term['sv']})"


def rules(terms: list[glossary.Term]) -> list[Rule]:
    found = []
    for term in terms:
        for form in term.avoid:
            words = r"\s+".join(re.escape(word) for word in form.split())
            found.append(Rule(re.compile(rf"(?<![\w-]){words}(?![\w-])", re.IGNORECASE), form, term))
        for pattern in term.avoid_patterns:
            found.append(Rule(pattern, f"a form matching {pattern.pattern!r}", term))
    return found


def _find(text: str, path: Path, line: int, all_rules: list[Rule]) -> list[InputError]:
    plain = EMPHASIS.sub("", INLINE_CODE.sub("", text))
    return [
        InputError(path, f"'{match.group()}' is a form to avoid (term '{rule.term.id}')", line=line,
                   hint=f"write {rule.preferred}, the one English rendering in data/glossary.yml")
        for rule in all_rules
        for match in [rule.pattern.search(plain)]
        if match
    ]


def check_page(page: Path, all_rules: list[Rule]) -> list[InputError]:
    found: list[InputError] = []
    in_fence = False
    for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence or line.lstrip().startswith(">"):
            continue
        found += _find(line, page, number, all_rules)
    return found


def _english_nodes(node: yaml.Node) -> list[yaml.ScalarNode]:
    """Every scalar under an `en` key, at any depth."""
    found = []
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == "en" and isinstance(value, yaml.ScalarNode):
                found.append(value)
            else:
                found += _english_nodes(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            found += _english_nodes(item)
    return found


def check_data(path: Path, all_rules: list[Rule]) -> list[InputError]:
    root = load(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    found: list[InputError] = []
    for node in _english_nodes(root.node):
        first, last = node.start_mark.line, max(node.end_mark.line, node.start_mark.line)
        on_lines = []
        for index in range(first, min(last + 1, len(lines))):
            on_lines += _find(lines[index], path, index + 1, all_rules)
        # A phrase broken over two lines of a folded text is still found, on the text's first line.
        seen = {(e.message) for e in on_lines}
        whole = [e for e in _find(str(node.value), path, first + 1, all_rules) if e.message not in seen]
        found += on_lines + whole
    return found


def check(docs: Path = DOCS, data: Path = DATA, glossary_file: Path = glossary.DATA_FILE) -> list[InputError]:
    all_rules = rules(glossary.read(glossary_file, docs).terms)
    found: list[InputError] = []
    for page in sorted(docs.rglob("*.en.md")):
        found += check_page(page, all_rules)
    for path in sorted(data.glob("*.yml")):
        found += check_data(path, all_rules)
    return found


def main() -> int:
    try:
        found = check()
        if found:
            raise InputErrors(found)
    except (InputError, InputErrors) as error:
        return report_exception(error)
    print("terminology ok: no form to avoid in the English pages and data")
    return 0


if __name__ == "__main__":
    sys.exit(main())
