"""QR codes and short links for the pages that invitations point to, built from site_url.

The published address comes from mkdocs.yml (`site_url`, which honours the SITE_URL environment
variable), so these files depend on where the site is built for. They are written before every
build and never committed:

- docs/assets/qr/<name>.svg and .png: the QR code, with the standard quiet zone of four modules,
  and the same files as <name>.en.svg and .en.png. mkdocs-static-i18n runs with
  fallback_to_default: false, so the English build only sees assets with the `.en` suffix; an
  English page links `assets/qr/inbjudan.svg` and gets `/en/assets/qr/inbjudan.svg`;
- snippets/generated/url-<name>.txt: the absolute address, for `--8<--` in the invitation texts;
- snippets/generated/short-links.{sv,en}.md: a table of page, address and QR downloads, with the
  labels from data/labels.yml.

    python -m scripts.qr_codes [--check]
"""

from __future__ import annotations

import io
import os
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import segno

from scripts.datafile import labels
from scripts.errors import InputError, InputErrors
from scripts.fragments import MARKER, Fragment
from scripts.frontmatter import read as read_page
from scripts.paths import DOCS, GENERATED_SNIPPETS, ROOT

NAME = "qr"
QR_DIR = DOCS / "assets" / "qr"
BELONGS = "site_url in mkdocs.yml"

# The pages an invitation links to: (name, path under the site root). The English twin of each
# is `<name>-en` under `en/`. The names are part of the snippet paths that pages include.
PAGES: tuple[tuple[str, str], ...] = (
    ("start", ""),
    ("inbjudan", "inbjudan/"),
    ("infor-dialogmotet", "infor-dialogmotet/"),
    ("checklista", "checklista/"),
    ("dialog", "dialog/"),
    ("delta-pa-distans", "delta-pa-distans/"),
)
# Error correction M survives a smudge or a fold in a printed invitation; QR (not Micro QR), so
# every phone camera reads it.
ERROR_LEVEL = "m"
BORDER = 4  # the quiet zone the QR standard asks for, in modules
PNG_SCALE = 10  # 10 px per module: about 2.5 cm wide at 300 dpi for a typical address
SVG_SCALE = 4  # vector: sharp at any size; this only sets the default display size

@dataclass(frozen=True)
class Target:
    name: str  # file name stem: inbjudan, inbjudan-en
    language: str
    source: Path  # the page's Markdown file
    url: str


def site_url(config_file: Path = ROOT / "mkdocs.yml") -> str:
    """The site's published address, as MkDocs itself reads it (SITE_URL overrides the default)."""
    return _site_url(config_file, config_file.stat().st_mtime_ns, os.environ.get("SITE_URL"))


@lru_cache(maxsize=4)
def _site_url(config_file: Path, _modified: int, _site_url_variable: str | None) -> str:
    # Cached per file version and SITE_URL: one build asks several times, and loading the config
    # takes 0.1 s.
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
    marker = f"<!-- {MARKER} from {BELONGS} by python -m scripts.qr_codes -->"
    return f"{declaration}?>\n{marker}\n{rest.lstrip()}".encode("utf-8")


def png_bytes(code: segno.QRCode) -> bytes:
    out = io.BytesIO()
    code.save(out, kind="png", scale=PNG_SCALE, border=BORDER, dpi=300)
    return out.getvalue()


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
    label = labels(NAME)
    lines = [
        f"| {label('page', language)} | {label('address', language)} | {label('code', language)} "
        f"| {label('download', language)} |",
        "| --- | --- | --- | --- |",
    ]
    for target, title in rows:
        # Paths are relative to the including page, which sits at the top of docs/.
        svg = f"assets/qr/{target.name}.svg"
        png = f"assets/qr/{target.name}.png"
        alt = label("alt", language, title=title)
        links = "<br>".join(
            f'[{label("link", language, title=title, kind=kind)}]({path}){{ download="qr-{target.name}.{kind.lower()}" }}'
            for kind, path in (("SVG", svg), ("PNG", png))
        )
        lines.append(
            f"| {title} | <{target.url}> | ![{alt}]({svg}){{ width=\"96\" height=\"96\" }} | {links} |"
        )
    return "\n".join(lines)


def render(base_url: str, docs: Path = DOCS, qr_dir: Path = QR_DIR,
           out_dir: Path = GENERATED_SNIPPETS) -> list[Fragment]:
    """Every QR code and snippet for `base_url`. Validates all pages first."""
    all_targets = targets(base_url, docs)
    titles: dict[str, str] = {}
    errors = []
    for target in all_targets:
        try:
            titles[target.name] = _title(target)
        except InputError as error:
            errors.append(error)
    if errors:
        raise InputErrors(errors)
    found: list[Fragment] = []
    for target in all_targets:
        code = make_code(target.url)
        svg, png = svg_bytes(code, target.url, titles[target.name]), png_bytes(code)
        for language_suffix in ("", ".en"):
            found.append(Fragment(qr_dir / f"{target.name}{language_suffix}.svg", svg, BELONGS))
            found.append(Fragment(qr_dir / f"{target.name}{language_suffix}.png", png, BELONGS))
        found.append(Fragment(out_dir / f"url-{target.name}.txt", target.url.encode("utf-8"), BELONGS))
    for language in ("sv", "en"):
        rows = [(t, titles[t.name]) for t in all_targets if t.language == language]
        found.append(Fragment.markdown(out_dir / f"short-links.{language}.md",
                                       short_links_table(rows, language), BELONGS))
    return found


def fragments(docs: Path = DOCS) -> list[Fragment]:
    return render(site_url(), docs)


if __name__ == "__main__":
    from scripts.generate import main_for_kind

    sys.exit(main_for_kind(NAME, sys.argv[1:]))
