"""Reading a YAML data file so that every error can name its line.

The file is composed into nodes (which carry line numbers) and loaded into plain values; callers
walk both side by side.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from scripts.errors import InputError
from scripts.yaml_lines import duplicate_keys

# libyaml's loader when PyYAML has it (ten times faster); the same results either way.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read(path: Path, what: str) -> tuple[Any, yaml.Node | None]:
    """(plain value, composed node) of a YAML file; InputError with the line when malformed."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(path, f"the {what} file does not exist", hint="create it, or fix the path") from None
    loader = LOADER(text)
    try:
        # One parse: compose the nodes (they carry line numbers), then build plain values.
        node = loader.get_single_node()
        value = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        raise InputError(
            path, f"the {what} file is not valid YAML: {problem}",
            line=mark.line + 1 if mark is not None else None,
            hint="check the indentation and the quotes on this line and the one before; "
            "a value that contains ': ' or starts with a quote mark needs quotes around it",
        ) from None
    finally:
        loader.dispose()
    # PyYAML keeps only the last of two equal keys; a maintainer's text would vanish silently.
    duplicates = duplicate_keys(path, node) if node is not None else []
    if duplicates:
        raise duplicates[0]
    return value, node


def line(node: yaml.Node | None) -> int | None:
    return node.start_mark.line + 1 if node is not None else None


def child(node: yaml.Node | None, key: str) -> yaml.Node | None:
    """The value node under `key` in a mapping node, if there is one."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if getattr(key_node, "value", None) == key:
                return value_node
    return None


def key_line(node: yaml.Node | None, key: str) -> int | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            if getattr(key_node, "value", None) == key:
                return line(key_node)
    return line(node)


def item(node: yaml.Node | None, index: int) -> yaml.Node | None:
    if isinstance(node, yaml.SequenceNode) and index < len(node.value):
        return node.value[index]
    return None
