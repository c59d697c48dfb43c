"""Small helpers for writing generated Markdown: front matter, escaping, quotes."""

from __future__ import annotations

import datetime
import json
import re

from scripts.generated_files import markdown_header

COMMAND = "scripts.lessons"
_ESCAPE = re.compile(r"([\\`*_{}\[\]])")
_LINE_START = re.compile(r"^([-+#>]|\d+\.)")


def front_matter(source: str, title: str, description: str, reviewed: datetime.date | None) -> str:
    """Front matter whose first line is the generated marker."""
    lines = ["---", markdown_header(COMMAND, source)]
    lines.append(f"title: {_yaml_string(title)}")
    lines.append(f"description: {_yaml_string(description)}")
    if reviewed is not None:
        lines.append(f"reviewed: {reviewed.isoformat()}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def _yaml_string(text: str) -> str:
    # A JSON string is a valid double-quoted YAML string.
    return json.dumps(text, ensure_ascii=False)


def escape(text: str) -> str:
    """Report text shown as it is: no Markdown syntax in it may take effect."""
    text = _ESCAPE.sub(r"\\\1", text).replace("<", "&lt;")
    return _LINE_START.sub(r"\\\1", text)


def cell(text: str) -> str:
    return escape(text).replace("|", "\\|")


def blockquote(text: str, attributes: str = "") -> str:
    """One quoted paragraph; `attributes` (attr_list) land on the paragraph."""
    lines = [f"> {escape(text)}"]
    if attributes:
        lines.append(f"> {{: {attributes} }}")
    return "\n".join(lines) + "\n"


def bullets(items: list[str], indent: str = "") -> str:
    return "".join(f"{indent}- {item}\n" for item in items)
