"""QR codes and short links: built from site_url, valid files, and encoding the right address.

The codes are read back with zxing-cpp, not with segno that wrote them; the SVG files are read
back as a browser draws them, in tests/browser/test_qr_codes.py.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path
from xml.etree import ElementTree

import pytest

from scripts import fragments, qr_codes
from scripts.errors import InputErrors
from scripts.paths import DOCS, ROOT
from tests.qr_reader import decode_qr

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SVG_NS = "{http://www.w3.org/2000/svg}"
BASE = "https://example.org/kultursamverkan/"
# The invitation pages, written out here rather than read from qr_codes.PAGES.
INVITATION_PAGES = {"start": "", "inbjudan": "inbjudan/", "infor-dialogmotet": "infor-dialogmotet/",
                    "checklista": "checklista/", "dialog": "dialog/",
                    "delta-pa-distans": "delta-pa-distans/"}


def png_pixels(data: bytes) -> list[list[int]]:
    """Decode a greyscale PNG (as segno writes it) into rows of 0 (black) and 1 (white)."""
    assert data.startswith(PNG_SIGNATURE)
    position, idat = 8, b""
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            idat += body
        position += 12 + length
    assert (depth, colour) == (1, 0), "expected a 1-bit greyscale PNG"
    raw = zlib.decompress(idat)
    stride = (width + 7) // 8
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for x in range(stride):
            left = line[x - 1] if x else 0
            up, up_left = previous[x], previous[x - 1] if x else 0
            if kind == 1:
                line[x] = (line[x] + left) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + up) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - up_left
                nearest = min((abs(p - left), 0, left), (abs(p - up), 1, up), (abs(p - up_left), 2, up_left))
                line[x] = (line[x] + nearest[2]) & 0xFF
        rows.append([(line[x // 8] >> (7 - x % 8)) & 1 for x in range(width)])
        previous = line
    return rows


def generate(base: str, docs: Path, qr_dir: Path, build_dir: Path) -> None:
    """Render and write, as `python -m scripts.qr_codes` does, into folders of the test's own."""
    fragments.write(qr_codes.render(base, docs, qr_dir, build_dir), build_dir.parent / ".written.json")


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, Path]:
    qr_dir, build_dir = tmp_path / "qr", tmp_path / "build"
    generate(BASE, DOCS, qr_dir, build_dir)
    return qr_dir, build_dir


def test_every_invitation_page_gets_svg_png_and_url_in_both_languages(built: tuple[Path, Path]) -> None:
    qr_dir, build_dir = built
    for name in INVITATION_PAGES:
        for stem in (name, f"{name}-en"):
            for suffix in (".svg", ".png", ".en.svg", ".en.png"):
                assert (qr_dir / f"{stem}{suffix}").is_file(), f"{stem}{suffix}"
            assert (build_dir / f"url-{stem}.txt").is_file()
    assert (build_dir / "url-start.txt").read_text(encoding="utf-8") == BASE
    assert (build_dir / "url-inbjudan-en.txt").read_text(encoding="utf-8") == BASE + "en/inbjudan/"


def test_url_file_is_the_address_alone_without_a_newline(built: tuple[Path, Path]) -> None:
    _, build_dir = built
    assert (build_dir / "url-checklista.txt").read_bytes() == (BASE + "checklista/").encode()


def test_every_png_decodes_to_its_page_address_with_an_independent_reader(built: tuple[Path, Path]) -> None:
    qr_dir, build_dir = built
    for name, path in INVITATION_PAGES.items():
        for stem, url in ((name, BASE + path), (f"{name}-en", BASE + "en/" + path)):
            pixels = png_pixels((qr_dir / f"{stem}.png").read_bytes())
            grey = bytes(255 if value else 0 for row in pixels for value in row)
            assert decode_qr(grey, len(pixels[0]), len(pixels)) == [url], f"{stem}.png"
            assert (build_dir / f"url-{stem}.txt").read_text(encoding="utf-8") == url


def test_png_keeps_a_white_quiet_zone_of_four_modules(built: tuple[Path, Path]) -> None:
    qr_dir, _ = built
    pixels = png_pixels((qr_dir / "start.png").read_bytes())
    band = qr_codes.BORDER * qr_codes.PNG_SCALE
    assert all(all(value == 1 for value in row) for row in pixels[:band])
    assert all(all(value == 1 for value in row[:band]) for row in pixels)


def test_svg_parses_names_the_page_and_carries_the_address(built: tuple[Path, Path]) -> None:
    qr_dir, _ = built
    text = (qr_dir / "infor-dialogmotet-en.svg").read_text(encoding="utf-8")
    assert "GENERATED" in text.splitlines()[1]
    root = ElementTree.fromstring(text.encode("utf-8"))
    assert root.tag == f"{SVG_NS}svg"
    assert root.findtext(f"{SVG_NS}desc") == BASE + "en/infor-dialogmotet/"
    title = root.findtext(f"{SVG_NS}title")
    assert title and title.strip()
    assert root.find(f"{SVG_NS}path") is not None


def test_english_copies_are_identical_to_the_swedish_files(built: tuple[Path, Path]) -> None:
    qr_dir, _ = built
    assert (qr_dir / "dialog.svg").read_bytes() == (qr_dir / "dialog.en.svg").read_bytes()
    assert (qr_dir / "dialog.png").read_bytes() == (qr_dir / "dialog.en.png").read_bytes()


def test_short_links_table_has_address_image_with_alt_text_and_both_downloads(built: tuple[Path, Path]) -> None:
    _, build_dir = built
    sv = (build_dir / "short-links.sv.md").read_text(encoding="utf-8")
    en = (build_dir / "short-links.en.md").read_text(encoding="utf-8")
    assert sv.startswith("<!-- GENERATED")
    assert "| Sida | Adress | QR-kod | Ladda ner |" in sv
    assert f"<{BASE}inbjudan/>" in sv and f"<{BASE}en/inbjudan/>" in en
    assert "![QR-kod till sidan " in sv and "![QR code for the page " in en
    assert "(assets/qr/inbjudan.svg)" in sv and "(assets/qr/inbjudan.png)" in sv
    assert "(assets/qr/inbjudan-en.svg)" in en and "(assets/qr/inbjudan-en.png)" in en
    assert len([line for line in sv.splitlines() if line.startswith("| ") and "<http" in line]) == len(INVITATION_PAGES)


def test_changing_site_url_changes_every_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITE_URL", "https://one.example/")
    first = qr_codes.site_url(ROOT / "mkdocs.yml")
    monkeypatch.setenv("SITE_URL", "https://two.example/guide/")
    second = qr_codes.site_url(ROOT / "mkdocs.yml")
    assert (first, second) == ("https://one.example/", "https://two.example/guide/")
    generate(first, DOCS, tmp_path / "a" / "qr", tmp_path / "a" / "build")
    generate(second, DOCS, tmp_path / "b" / "qr", tmp_path / "b" / "build")
    for relative in ("qr/inbjudan.png", "qr/inbjudan.svg", "build/url-inbjudan.txt", "build/short-links.sv.md"):
        assert (tmp_path / "a" / relative).read_bytes() != (tmp_path / "b" / relative).read_bytes(), relative
    assert (tmp_path / "b" / "build" / "url-inbjudan.txt").read_text() == "https://two.example/guide/inbjudan/"


def test_a_missing_invitation_page_fails_and_writes_nothing(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for page in DOCS.glob("*.md"):
        if not page.name.startswith("checklista."):
            (docs / page.name).write_bytes(page.read_bytes())
    with pytest.raises(InputErrors) as caught:
        generate(BASE, docs, tmp_path / "qr", tmp_path / "build")
    messages = sorted(str(error) for error in caught.value.errors)
    assert len(messages) == 2  # the Swedish and the English page, both named at once
    assert "checklista.en.md: this page is missing, but an invitation QR code points to it" in messages[0]
    assert "checklista.md: this page is missing, but an invitation QR code points to it" in messages[1]
    assert not (tmp_path / "qr").exists() and not (tmp_path / "build").exists()
