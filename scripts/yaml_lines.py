"""Reading a data file in YAML so that every error can name the line it comes from.

PyYAML's plain values forget where they were written. Here one parse yields both: the composed
nodes (which keep their start marks) and the values built from those same nodes, and `Located`
walks the two side by side. Duplicate keys, which PyYAML silently overwrites, are an error.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from scripts.errors import InputError

# libyaml's loader when PyYAML has it (about ten times faster); the same results either way.
LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)




class TextDatesLoader(LOADER):  # type: ignore[valid-type,misc]
    """LOADER, but `2026-11-25` stays a text. PyYAML turns it into a date itself and fails with a
    bare ValueError, without a line, on `2026-13-01`; as a text, the data kind can check it and
    name the line."""


TextDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in LOADER.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class Located:
    """A value from a YAML file together with its node, so that lines can be found."""

    path: Path
    value: Any
    node: yaml.Node

    @property
    def line(self) -> int:
        return self.node.start_mark.line + 1

    def get(self, key: str) -> Located | None:
        """The value under `key` of a mapping, or None when it is absent."""
        if not isinstance(self.node, yaml.MappingNode) or not isinstance(self.value, dict):
            return None
        for key_node, value_node in self.node.value:
            if key_node.value == key:
                return Located(self.path, self.value.get(key), value_node)
        return None

    def items(self) -> list[Located]:
        """The elements of a sequence."""
        if not isinstance(self.node, yaml.SequenceNode) or not isinstance(self.value, list):
            return []
        return [Located(self.path, v, n) for v, n in zip(self.value, self.node.value)]

    def key_lines(self) -> dict[str, int]:
        """Each key of a mapping and the line it is written on."""
        if not isinstance(self.node, yaml.MappingNode):
            return {}
        return {k.value: k.start_mark.line + 1 for k, _ in self.node.value}

    def key_line(self, key: str) -> int:
        """The line of `key`; this value's own line when the key is absent (still a place to look)."""
        return self.key_lines().get(key, self.line)


def duplicate_keys(path: Path, node: yaml.Node) -> list[InputError]:
    errors: list[InputError] = []
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if key_node.value in seen:
                errors.append(InputError(
                    path, f"the key '{key_node.value}' is written twice in the same block"
                    f" (first on line {seen[key_node.value]})", line=line,
                    hint="keep one of them; YAML would silently use only the last",
                ))
            seen.setdefault(key_node.value, line)
            errors.extend(duplicate_keys(path, value_node))
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            errors.extend(duplicate_keys(path, item))
    return errors


def _bad_timestamp(node: yaml.Node) -> yaml.ScalarNode | None:
    """The first scalar that YAML takes for a date but that is no real date."""
    if isinstance(node, yaml.ScalarNode):
        if node.tag == "tag:yaml.org,2002:timestamp":
            try:
                datetime.date.fromisoformat(node.value[:10])
            except ValueError:
                return node
        return None
    children = node.value if isinstance(node, yaml.SequenceNode) else [
        part for pair in node.value for part in pair] if isinstance(node, yaml.MappingNode) else []
    for child in children:
        found = _bad_timestamp(child)
        if found is not None:
            return found
    return None


def load(path: Path, what: str = "data", loader_class: type[yaml.SafeLoader] | None = None) -> Located:
    """Parse `path`; InputError with the line for a missing, empty or invalid file or a duplicated key.

    `what` names the file in messages ("the lessons file does not exist"). `loader_class` replaces
    LOADER, for example with TEXT_DATES_LOADER.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(path, f"the {what} file does not exist", hint="create it, or fix the path") from None
    loader = (loader_class or LOADER)(text)
    try:
        # One parse: compose the nodes (they carry line numbers), then build the values from them.
        node = loader.get_single_node()
        value = loader.construct_document(node) if node is not None else None
    except ValueError as error:
        # PyYAML reads 2025-13-40 as a date and fails without a line: find the value that did it.
        bad = _bad_timestamp(node) if "node" in locals() and node is not None else None
        raise InputError(
            path, f"the {what} file has a date that does not exist: {bad.value if bad else error}",
            line=bad.start_mark.line + 1 if bad else None,
            hint="write dates as year-month-day, like 2026-11-25",
        ) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        raise InputError(
            path, f"the {what} file is not valid YAML: {problem}",
            line=mark.line + 1 if mark is not None else None,
            hint="check the indentation and the quotes on this line and the one before; a text that"
            " contains ': ' or starts with a quote mark or another special character needs quotes around it",
        ) from None
    finally:
        loader.dispose()
    if node is None:
        raise InputError(path, f"the {what} file is empty", line=1)
    duplicates = duplicate_keys(path, node)
    if duplicates:
        raise duplicates[0]
    return Located(path, value, node)
