"""The shared YAML reader: every failure is an InputError with file and line, and values keep lines."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from scripts.errors import InputError
from scripts.yaml_lines import load


def _error(path: Path) -> str:
    with pytest.raises(InputError) as caught:
        load(path, "lessons")
    return str(caught.value)


def test_missing_file_is_an_input_error_naming_the_file(tmp_path: Path) -> None:
    assert "lessons.yml: the lessons file does not exist" in _error(tmp_path / "lessons.yml")


def test_empty_file_is_an_input_error_on_line_1(tmp_path: Path) -> None:
    (tmp_path / "lessons.yml").write_text("# only a comment\n", encoding="utf-8")
    assert "lessons.yml:1: the lessons file is empty" in _error(tmp_path / "lessons.yml")


def test_malformed_yaml_names_the_line_and_what_to_do(tmp_path: Path) -> None:
    (tmp_path / "lessons.yml").write_text("a: 1\nb: c: d\n", encoding="utf-8")
    message = _error(tmp_path / "lessons.yml")
    assert "lessons.yml:2: the lessons file is not valid YAML" in message and "What to do:" in message


def test_duplicate_key_names_both_lines(tmp_path: Path) -> None:
    (tmp_path / "lessons.yml").write_text("items:\n  - id: a\n    id: b\n", encoding="utf-8")
    assert "lessons.yml:3: the key 'id' is written twice in the same block (first on line 2)" in _error(
        tmp_path / "lessons.yml"
    )


def test_values_equal_safe_load_and_carry_their_lines(tmp_path: Path) -> None:
    text = "reviewed: 2026-11-25\nitems:\n  - id: a\n    sv: Text\n  - id: b\n"
    (tmp_path / "data.yml").write_text(text, encoding="utf-8")
    root = load(tmp_path / "data.yml")
    assert root.value == yaml.safe_load(text)
    items = root.get("items")
    assert items is not None and [item.line for item in items.items()] == [3, 5]
    first = items.items()[0]
    assert first.key_line("sv") == 4 and first.key_line("absent") == 3
