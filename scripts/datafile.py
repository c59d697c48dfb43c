"""What every data kind reads the same way: ids, texts in both languages, the labels file.

Each data kind (scripts/glossary.py, responsibilities.py, lessons.py, reports.py, qr_codes.py)
has the same shape: `read()` validates its data file and raises every problem at once
(InputErrors, each with file:line and what to do); `render()` turns the data into fragments
(scripts/fragments.py), one renderer for both languages. scripts/generate.py runs them all.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from functools import lru_cache
from pathlib import Path

from scripts.errors import InputError, InputErrors
from scripts.paths import DATA, LANGUAGES
from scripts.yaml_lines import Located, load

LABELS_FILE = DATA / "labels.yml"
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LANGUAGE_NAMES = {"sv": "Swedish", "en": "English"}


def clean(text: str) -> str:
    """A text from YAML with its line breaks and runs of spaces made single spaces."""
    return " ".join(text.split())


def first_use(path: Path, seen: dict[str, int], noun: str, entry_id: str, line: int | None, hint: str,
              errors: list[InputError]) -> bool:
    """True the first time an id is seen (and remember its line); otherwise record the error."""
    if entry_id in seen:
        errors.append(InputError(path, f"{noun} '{entry_id}': the id is used twice (first on line"
                                 f" {seen[entry_id]})", line=line, hint=hint))
        return False
    seen[entry_id] = line or 0
    return True


def entry_start(
    path: Path, item: Located, noun: str, fields: Collection[str], id_hint: str,
    errors: list[InputError], renamed: Mapping[str, str] | None = None,
) -> tuple[str, dict, dict[str, int]] | None:
    """The id, the mapping and the key lines of one entry of a data file's list.

    Reports an entry that is not a mapping or has no valid id (then returns None: nothing more
    can be read) and each unknown field at its own line. `noun` names the entry ("term"), and the
    messages call it "<noun> '<id>'"."""
    value = item.value
    if not isinstance(value, dict):
        errors.append(InputError(path, f"each {noun} must be a block of 'field: value' lines", line=item.line))
        return None
    entry_id = value.get("id")
    if not isinstance(entry_id, str) or not ID.match(entry_id):
        errors.append(InputError(path, f"{noun} {entry_id!r}: the id must be lowercase ASCII letters, digits"
                                 " and hyphens", line=item.line, hint=id_hint))
        return None
    unknown_fields(path, item, fields, f"{noun} '{entry_id}'", errors, renamed)
    return entry_id, value, item.key_lines()


def unknown_fields(path: Path, item: Located, fields: Collection[str], label: str,
                   errors: list[InputError], renamed: Mapping[str, str] | None = None) -> None:
    """Each key of the mapping `item` that is not one of `fields`, reported at its own line.

    `renamed` maps a field's old name to its new one, so the hint can say what to write instead."""
    renamed = renamed or {}
    for key, line in sorted(item.key_lines().items()):
        if key in fields:
            continue
        hint = (f"rename it '{renamed[key]}' (see the file's header for its values)" if key in renamed
                else f"the fields are: {', '.join(sorted(fields))}")
        errors.append(InputError(path, f"{label}: unknown field '{key}'", line=line, hint=hint))


def bilingual(
    path: Path, owner: Located, field: str, what: str, errors: list[InputError],
    required: bool = True, extra: frozenset[str] = frozenset(),
) -> dict[str, str] | None:
    """A {sv, en} text under `field`; each missing language is reported by name and line."""
    located = owner.get(field)
    if located is None or located.value is None:
        if required:
            errors.append(InputError(path, f"{what}: the field '{field}' is missing", line=owner.line,
                                     hint=f"add '{field}:' with a 'sv:' and an 'en:' text"))
        return None
    if not isinstance(located.value, dict):
        errors.append(InputError(path, f"{what}: '{field}' must have a 'sv:' and an 'en:' text",
                                 line=located.line,
                                 hint=f"write '{field}:' and under it 'sv: ...' and 'en: ...'"))
        return None
    texts = language_texts(path, located, f"{what}: the {{language}} text of '{field}'", errors,
                           hint=f"add '{{code}}:' under '{field}:'; every text is needed in both languages")
    unknown = set(located.value) - set(LANGUAGES) - extra
    if unknown:
        errors.append(InputError(path, f"{what}: unknown language(s) {sorted(unknown)} under '{field}'",
                                 line=located.line, hint="use only 'sv:' and 'en:'"))
    return texts if len(texts) == len(LANGUAGES) else None


def language_texts(path: Path, located: Located, missing: str, errors: list[InputError],
                   hint: str) -> dict[str, str]:
    """The 'sv:' and 'en:' texts of a mapping; each missing one is reported at its own line.

    `missing` and `hint` may name {language} (Swedish, English) and {code} (sv, en)."""
    texts: dict[str, str] = {}
    for language in LANGUAGES:
        value = located.value.get(language)
        if not isinstance(value, str) or not value.strip():
            names = {"language": LANGUAGE_NAMES[language], "code": language}
            errors.append(InputError(path, missing.format(**names) + " is missing",
                                     line=located.key_line(language), hint=hint.format(**names)))
            continue
        texts[language] = clean(value)
    return texts


class Labels:
    """The short words of one data kind, from data/labels.yml."""

    def __init__(self, path: Path, kind: str, texts: dict[str, dict[str, str]], line: int) -> None:
        self.path, self.kind, self.texts, self.line = path, kind, texts, line

    def __call__(self, key: str, language: str, **values: str) -> str:
        if key not in self.texts:
            raise InputError(
                self.path, f"the label '{self.kind}.{key}' is missing", line=self.line,
                hint=f"add '{key}: {{sv: ..., en: ...}}' under '{self.kind}:'",
            )
        text = self.texts[key][language]
        return text.format(**values) if values else text


@lru_cache(maxsize=8)
def _read_labels(path: Path) -> dict[str, tuple[int, dict[str, dict[str, str]]]]:
    root = load(path, "labels")
    errors: list[InputError] = []
    kinds: dict[str, tuple[int, dict[str, dict[str, str]]]] = {}
    if not isinstance(root.value, dict):
        raise InputError(path, "the labels file must have one block per data kind", line=1,
                         hint="for example 'glossary:' and under it 'read_more: {sv: Läs mer, en: Read more}'")
    for kind in root.value:
        block = root.get(kind)
        assert block is not None
        if not isinstance(block.value, dict):
            errors.append(InputError(path, f"'{kind}:' must hold labels like 'name: {{sv: ..., en: ...}}'",
                                     line=block.line))
            continue
        texts = {}
        for key in block.value:
            text = bilingual(path, block, key, f"label '{kind}.{key}'", errors)
            if text:
                texts[key] = text
        kinds[kind] = (block.line, texts)
    if errors:
        raise InputErrors(errors)
    return kinds


def labels(kind: str, path: Path = LABELS_FILE) -> Labels:
    kinds = _read_labels(path)
    if kind not in kinds:
        raise InputError(path, f"there are no labels for '{kind}'", line=1,
                         hint=f"add a block '{kind}:' with the labels the {kind} fragments need")
    line, texts = kinds[kind]
    return Labels(path, kind, texts, line)
