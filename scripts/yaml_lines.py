"""Reading a data file in YAML so that every error can name the line it comes from.

PyYAML's plain loader forgets where a value was written. Here the same text is also composed into
nodes, which keep their start marks, and `Located` walks both side by side. Duplicate keys, which
PyYAML silently overwrites, are an error.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from scripts.errors import InputError


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


def load(path: Path) -> Located:
    """Parse `path`; raise InputError with the line for invalid YAML or a duplicated key."""
    text = path.read_text(encoding="utf-8")
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        value = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        raise InputError(
            path, f"this is not valid YAML: {problem}",
            line=mark.line + 1 if mark is not None else None,
            hint="check the indentation and quotes; a text that contains ': ' or starts with a"
            " special character needs quotes around it",
        ) from None
    if node is None:
        raise InputError(path, "the file is empty", line=1)
    duplicates = duplicate_keys(path, node)
    if duplicates:
        raise duplicates[0]
    return Located(path, value, node)
