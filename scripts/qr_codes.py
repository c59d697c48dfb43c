"""QR codes and short links for the pages that invitations point to, built from site_url.

The published address comes from mkdocs.yml (`site_url`, which honours the SITE_URL environment
variable), so these files depend on where the site is built for. They are written before every
build and never committed:

- docs/assets/qr/<name>.svg and .png: the QR code, with the standard quiet zone of four modules,
  and the same files as <name>.en.svg and .en.png. mkdocs-static-i18n runs with
  fallback_to_default: false, so the English build only sees assets with the `.en` suffix; an
  English page links `assets/qr/inbjudan.svg` and gets `/en/assets/qr/inbjudan.svg`;
- snippets/build/url-<name>.txt: the absolute address, for `--8<--` in the invitation texts;
- snippets/build/short-links.{sv,en}.md: a table of page, address and QR downloads.

    python -m scripts.qr_codes
"""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

import segno

from scripts.errors import InputError, display_path
from scripts.frontmatter import read as read_page
from scripts.generated_files import MARKER, comment_header, write_atomically
from scripts.paths import DOCS, ROOT, SNIPPETS

COMMAND = "scripts.qr_codes"
QR_DIR = DOCS / "assets" / "qr"
BUILD_SNIPPETS = SNIPPETS / "build"

# The pages an invitation links to: (name, path under the site root). The English twin of each
# is `<name>-en` under `en/`. The names are part of the snippet paths that pages include.
PAGES: tuple[tuple[str, str], ...] = (
    ("start", ""),
    ("inbjudan", "inbjudan/"),
    ("infor-dialogmotet", "infor-dialogmotet/"),
    ("checklista", "checklista/"),
    ("dialog", "dialog/"),
)
# Error correction M survives a smudge or a fold in a printed invitation; QR (not Micro QR), so
# every phone camera reads it.
ERROR_LEVEL = "m"
BORDER = 4  # the quiet zone the QR standard asks for, in modules
PNG_SCALE = 10  # 10 px per module: about 2.5 cm wide at 300 dpi for a typical address
SVG_SCALE = 4  # vector: sharp at any size; this only sets the default display size

WORDS = {
    "sv": {
        "page": "Sida",
        "address": "Adress",
        "qr": "QR-kod",
        "download": "Ladda ner",
        "alt": "QR-kod till sidan {title}",
        "link": "QR-kod till {title} som {kind}",
    },
    "en": {
        "page": "Page",
        "address": "Address",
        "qr": "QR code",
        "download": "Download",
        "alt": "QR code for the page {title}",
        "link": "QR code for {title} as {kind}",
    },
}


@dataclass(frozen=True)
class Target:
    name: str  # file name stem: inbjudan, inbjudan-en
    language: str
    source: Path  # the page's Markdown file
    url: str


def site_url(config_file: Path = ROOT / "mkdocs.yml") -> str:
    """The site's published address, as MkDocs itself reads it (SITE_URL overrides the default)."""
    from mkdocs.config import load_config

    config = load_config(str(config_file))
    url = config.site_url
    if not url:
        raise InputError(config_file, "site_url is not set", hint="set site_url in mkdocs.yml")
    return url if url.endswith("/") else url + "/"


def targets(base_url: str, docs: Path = DOCS) -> list[Target]:
    found = []
    for name, path in PAGES:
        stem = "index" if not path else path.rstrip("/")
        found.append(Target(name, "sv", docs / f"{stem}.md", base_url + path))
        found.append(Target(f"{name}-en", "en", docs / f"{stem}.en.md", base_url + "en/" + path))
    return found


def make_code(url: str) -> segno.QRCode:
    return segno.make_qr(url, error=ERROR_LEVEL, boost_error=False)


def svg_bytes(code: segno.QRCode, url: str, title: str) -> bytes:
    out = io.BytesIO()
    # The title is what screen readers announce; the description carries the encoded address so
    # that a test (and a curious reader) can see what the code says without decoding it.
    code.save(out, kind="svg", scale=SVG_SCALE, border=BORDER, title=title, desc=url, xmldecl=True)
    text = out.getvalue().decode("utf-8")
    declaration, _, rest = text.partition("?>")
    marker = comment_header(COMMAND, "site_url in mkdocs.yml").replace("`", "")
    return f"{declaration}?>\n{marker}\n{rest.lstrip()}".encode("utf-8")


def png_bytes(code: segno.QRCode) -> bytes:
    out = io.BytesIO()
    code.save(out, kind="png", scale=PNG_SCALE, border=BORDER, dpi=300)
    return out.getvalue()


def write_bytes_atomically(path: Path, content: bytes) -> None:
    import os
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _title(target: Target) -> str:
    if not target.source.is_file():
        raise InputError(
            target.source, "this page is missing, but an invitation QR code points to it",
            hint="create the page, or remove it from PAGES in scripts/qr_codes.py",
        )
    title = read_page(target.source).meta.get("title")
    if not isinstance(title, str) or not title.strip():
        raise InputError(target.source, "the page has no title", line=2)
    return title.strip()


def short_links_table(rows: list[tuple[Target, str]], language: str) -> str:
    words = WORDS[language]
    lines = [
        comment_header(COMMAND, "site_url in mkdocs.yml"),
        "",
        f"| {words['page']} | {words['address']} | {words['qr']} | {words['download']} |",
        "| --- | --- | --- | --- |",
    ]
    for target, title in rows:
        # Paths are relative to the including page, which sits at the top of docs/.
        svg = f"assets/qr/{target.name}.svg"
        png = f"assets/qr/{target.name}.png"
        alt = words["alt"].format(title=title)
        links = "<br>".join(
            f'[{words["link"].format(title=title, kind=kind)}]({path}){{ download="qr-{target.name}.{kind.lower()}" }}'
            for kind, path in (("SVG", svg), ("PNG", png))
        )
        lines.append(
            f"| {title} | <{target.url}> | ![{alt}]({svg}){{ width=\"96\" height=\"96\" }} | {links} |"
        )
    return "\n".join(lines) + "\n"


def generate(base_url: str, docs: Path = DOCS, qr_dir: Path = QR_DIR,
             build_dir: Path = BUILD_SNIPPETS) -> list[Path]:
    """Write every QR code and snippet for `base_url`. Validates all pages before writing."""
    all_targets = targets(base_url, docs)
    titles = {target.name: _title(target) for target in all_targets}
    files: dict[Path, bytes] = {}
    for target in all_targets:
        code = make_code(target.url)
        svg, png = svg_bytes(code, target.url, titles[target.name]), png_bytes(code)
        for language_suffix in ("", ".en"):
            files[qr_dir / f"{target.name}{language_suffix}.svg"] = svg
            files[qr_dir / f"{target.name}{language_suffix}.png"] = png
        files[build_dir / f"url-{target.name}.txt"] = target.url.encode("utf-8")
    for language in ("sv", "en"):
        rows = [(t, titles[t.name]) for t in all_targets if t.language == language]
        files[build_dir / f"short-links.{language}.md"] = short_links_table(rows, language).encode("utf-8")
    for path, content in files.items():
        if path.suffix == ".md":
            write_atomically(path, content.decode("utf-8"))
        else:
            write_bytes_atomically(path, content)
    return list(files)


def main(argv: Sequence[str] | None = None) -> int:
    del argv  # no options: the output depends only on site_url and the pages' titles
    try:
        base_url = site_url()
        written = generate(base_url)
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"wrote {len(written)} files for {base_url} ({display_path(QR_DIR)}, {display_path(BUILD_SNIPPETS)})")
    return 0


assert MARKER  # the SVG and Markdown outputs carry it; .txt and .png cannot


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
