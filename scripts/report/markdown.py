"""Small helpers for writing generated Markdown: escaping, quotes."""

from __future__ import annotations

import re

_ESCAPE = re.compile(r"([\\`*_{}\[\]])")
_LINE_START = re.compile(r"^([-+#>]|\d+\.)")


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
