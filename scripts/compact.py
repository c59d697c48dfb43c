"""Make the built pages lighter without changing what they show or do (`make build`, last step).

    python -m scripts.compact [SITE_DIR]

A phone's first view of a page must stay within 70 KB gzip (`make bench`), and Material's own CSS
and JavaScript take 57 KB of it. The theme's templates indent every tag and leave blank lines, and
our inline scripts (overrides/) are written to be read. This step, after the build:

- removes the indentation and blank lines between tags: a run of white space with a line break
  becomes one line break (`>\\n<`), and spaces at the start and end of a line of text go. A line
  break stays a line break, so text reads the same, also where CSS keeps line breaks
  (white-space: pre-line in the lättläst layout). Nothing inside <pre>, <code>, <textarea>,
  <script> or <style> is touched;
- minifies each inline <script> without src with rjsmin, which only removes comments and white
  space, and writes the theme's JSON configuration (<script type="application/json">) without
  spaces, escaped as Jinja's tojson escapes it;
- minifies assets/site.css with rcssmin.

A generated page is never hand-edited, so rewriting site/ loses nothing. rjsmin and rcssmin are
pinned in requirements.txt.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import rcssmin
import rjsmin

from scripts.paths import SITE

# Elements whose content is left exactly as built.
VERBATIM = re.compile(r"<(pre|code|textarea|script|style)\b[^>]*>.*?</\1\s*>", re.S | re.I)
BETWEEN_TAGS = re.compile(r">[ \t\r\f]*\n\s*<")
AROUND_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")
INLINE_SCRIPT = re.compile(r"(<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>)(.*?)(</script>)", re.S | re.I)
JSON_SCRIPT = re.compile(r'(<script[^>]*type="application/json"[^>]*>)(.*?)(</script>)', re.S | re.I)
# As jinja2.utils.htmlsafe_json_dumps: nothing in the data can end the <script> element.
HTML_SAFE_JSON = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "'": "\\u0027"}
STYLESHEETS = ["assets/site.css"]


def compact_markup(markup: str) -> str:
    return AROUND_LINE_BREAK.sub("\n", BETWEEN_TAGS.sub(">\n<", markup))


def minify_script(code: str) -> str:
    return rjsmin.jsmin(code).strip()


def compact_json(data: str) -> str:
    text = json.dumps(json.loads(data), ensure_ascii=False, separators=(",", ":"))
    return "".join(HTML_SAFE_JSON.get(character, character) for character in text)


def compact_html(page: str) -> str:
    """The page with the white space between tags and in its inline scripts removed."""
    parts, at = [], 0
    for element in VERBATIM.finditer(page):
        parts.append(compact_markup(page[at:element.start()]))
        parts.append(element.group(0))
        at = element.end()
    parts.append(compact_markup(page[at:]))
    page = "".join(parts)
    page = INLINE_SCRIPT.sub(lambda m: m.group(1) + minify_script(m.group(2)) + m.group(3), page)
    return JSON_SCRIPT.sub(lambda m: m.group(1) + compact_json(m.group(2)) + m.group(3), page)


def compact_site(site_dir: Path) -> int:
    """Rewrite every page and our stylesheet in place; return the bytes saved."""
    saved = 0
    for path in site_dir.rglob("*.html"):
        before = path.read_text(encoding="utf-8")
        after = compact_html(before)
        if after != before:
            path.write_text(after, encoding="utf-8")
            saved += len(before.encode()) - len(after.encode())
    for name in STYLESHEETS:
        path = site_dir / name
        if path.is_file():
            before = path.read_text(encoding="utf-8")
            after = rcssmin.cssmin(before)
            path.write_text(after, encoding="utf-8")
            saved += len(before.encode()) - len(after.encode())
    return saved


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    site_dir = Path(argv[0]) if argv else SITE
    if not site_dir.is_dir():
        print(f"{site_dir}: no built site here; run `make build` first", file=sys.stderr)
        return 1
    compact_site(site_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
