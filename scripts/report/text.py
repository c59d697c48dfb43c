"""Reading report text as extracted from PDF or Word, and the white space rules shared by all.

White space here is what Python calls white space: spaces, tabs, line breaks, form feeds (page
breaks), non-breaking spaces and the rest. Every other character is significant.
"""

from __future__ import annotations

import re
from pathlib import Path

from scripts.errors import InputError

BOM = "\ufeff"
TOKEN = re.compile(r"\S+")


def read_source(path: Path) -> str:
    """The text of a report with a BOM removed and CRLF/CR turned into LF."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(
            path, "the report text file does not exist",
            hint="check the 'text' field in the report's metadata file, or add the text file",
        ) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise InputError(
            path, "the report text is not UTF-8", line=line,
            hint="save the text as UTF-8 (most editors offer it under 'Save as' or 'Encoding')",
        ) from None
    return normalise_newlines(text.removeprefix(BOM))


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def squash(text: str) -> str:
    """Every run of white space becomes one space; no white space at the ends."""
    return " ".join(text.split())


def words(text: str) -> list[str]:
    return text.split()
