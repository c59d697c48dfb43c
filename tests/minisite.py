"""A copy of the two-language mini site in a temporary folder, for bad-input tests."""

from __future__ import annotations

import shutil
from pathlib import Path

FIXTURE = Path(__file__).parent / "fixtures" / "minisite"


def copy_minisite(tmp_path: Path) -> Path:
    target = tmp_path / "minisite"
    shutil.copytree(FIXTURE, target)
    return target


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")
