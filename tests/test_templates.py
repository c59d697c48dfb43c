"""Templates (/mallar/): each page is the one source of its Word file, in both languages.

The Word files are opened with python-docx, which did not write them through this code path's
eyes: the test reads the page's Markdown with plain line rules of its own and checks that each
heading has Word's real heading style and that each text of the page is in the file, in order.
"""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from docx import Document

from scripts import templates
from scripts.errors import InputErrors
from scripts.paths import DATA, DOCS
from tests.sitebuild import BuiltSite

URLS = {"inbjudan": "https://example.org/inbjudan/", "inbjudan-en": "https://example.org/en/inbjudan/",
        "infor-dialogmotet": "https://example.org/infor-dialogmotet/",
        "infor-dialogmotet-en": "https://example.org/en/infor-dialogmotet/",
        "delta-pa-distans": "https://example.org/delta-pa-distans/",
        "delta-pa-distans-en": "https://example.org/en/delta-pa-distans/"}
INCLUDE = re.compile(r'^--8<-- "generated/url-([a-z0-9-]+)\.txt"$')


def expected_blocks(page: Path) -> list[tuple[int, str]]:
    """(heading level or 0, text) of the page's title and template part, by simple line rules."""
    blocks: list[tuple[int, str]] = []
    inside = False
    for raw in page.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("# ") and not blocks:
            blocks.append((1, line[2:]))
        elif line.startswith('<div class="template"'):
            inside = True
        elif line == "</div>":
            inside = False
        elif inside and line:
            level = len(line) - len(line.lstrip("#")) if line.startswith("#") else 0
            text = re.sub(r"\s*\{#[a-z0-9-]+\}$", "", line.lstrip("#").strip())
            text = re.sub(r"^(?:- |\d+\. )", "", text).replace("**", "")
            include = INCLUDE.match(text)
            blocks.append((level, URLS[include.group(1)] if include else text))
    return blocks


def docx_blocks(data: bytes) -> list[tuple[int, str]]:
    """(heading level from the Word style or 0, text) of each paragraph of a Word file."""
    blocks = []
    for paragraph in Document(io.BytesIO(data)).paragraphs:
        style = paragraph.style.name
        level = int(style.removeprefix("Heading ")) if style.startswith("Heading ") else 0
        blocks.append((level, paragraph.text))
    return blocks


@pytest.fixture(scope="module")
def real_templates() -> list[templates.Template]:
    return templates.read(urls=URLS)


def test_there_are_at_least_four_templates_for_each_language_and_both_audiences(real_templates) -> None:
    assert len(real_templates) >= 4
    assert {t.audience for t in real_templates} == {"foreningar", "regioner"}
    for template in real_templates:
        assert set(template.versions) == {"sv", "en"}


def test_each_word_file_has_real_heading_styles_and_the_text_of_its_page(real_templates) -> None:
    for template in real_templates:
        for version in template.versions.values():
            found = docx_blocks(templates.docx_bytes(version))
            assert found == expected_blocks(version.page), f"{version.docx} differs from {version.page.name}"
            levels = [level for level, _text in found]
            assert levels[0] == 1 and 2 in levels, f"{version.docx}: no Heading 1 title or Heading 2 sections"
            assert sum(1 for level in levels if level == 1) == 1


def test_the_word_file_is_the_same_bytes_every_time(real_templates) -> None:
    version = real_templates[0].versions["sv"]
    assert templates.docx_bytes(version) == templates.docx_bytes(version)


def test_the_invitation_promises_feedback_and_says_how_to_take_part_at_a_distance(real_templates) -> None:
    invitation = next(t for t in real_templates if t.id == "inbjudan")
    # Lines are wrapped for e-mail; compare the words.
    sv = " ".join(templates.plain_text(invitation.versions["sv"]).split())
    en = " ".join(templates.plain_text(invitation.versions["en"]).split())
    assert "skickar vi ett brev" in sv and "distans" in sv and URLS["delta-pa-distans"] in sv
    assert "we will send a letter" in en and "distance" in en and URLS["delta-pa-distans-en"] in en


def test_the_invitation_kit_shows_the_invitation_template_text() -> None:
    for page in (DOCS / "inbjudningskit.md", DOCS / "inbjudningskit.en.md"):
        text = page.read_text(encoding="utf-8")
        assert '--8<-- "generated/mallar/inbjudan.sv.txt"' in text
        assert '--8<-- "generated/mallar/inbjudan.en.txt"' in text


# --- bad input -------------------------------------------------------------------------------

@pytest.fixture
def copy(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of data/templates.yml and docs/ to break."""
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs, ignore=shutil.ignore_patterns("*.docx", "assets"))
    data = tmp_path / "templates.yml"
    shutil.copy(DATA / "templates.yml", data)
    return data, docs


def problems(data: Path, docs: Path) -> list[str]:
    with pytest.raises(InputErrors) as raised:
        templates.read(data, docs, URLS)
    return [str(error) for error in raised.value.errors]


def test_a_missing_required_section_names_the_page_and_line(copy) -> None:
    data, docs = copy
    page = docs / "mallar" / "vart-inspel.en.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace(" {#vara-fragor}", ""), encoding="utf-8")
    previous = next(n for n, line in enumerate(text.splitlines(), 1) if "{#vad-regionen-ska-veta}" in line)
    found = problems(data, docs)
    assert len(found) == 1
    assert found[0].startswith(f"{page}:{previous}: template 'vart-inspel': the required section {{#vara-fragor}}")
    assert "data/templates.yml line" in found[0] and "What to do" in found[0]


def test_a_template_page_that_the_data_file_does_not_list_is_an_unknown_template(copy) -> None:
    data, docs = copy
    (docs / "mallar" / "ny-mall.md").write_text("---\ntitle: Ny\ndescription: Ny.\n---\n\n# Ny\n")
    found = problems(data, docs)
    assert any(f.startswith(f"{docs / 'mallar' / 'ny-mall.md'}:1: unknown template 'ny-mall'") for f in found)


def test_a_listed_template_without_its_page_names_the_data_file(copy) -> None:
    data, docs = copy
    data.write_text(data.read_text(encoding="utf-8") + "\n  - id: saknas\n    audience: regioner\n"
                    "    docx: {sv: saknas.docx, en: missing.docx}\n    sections: [a]\n", encoding="utf-8")
    found = problems(data, docs)
    assert any("template 'saknas': the Swedish page docs/mallar/saknas.md does not exist" in f
               or "template 'saknas': the Swedish page" in f for f in found)


def test_a_docx_link_that_resolves_in_neither_language_names_the_page_and_line(copy) -> None:
    data, docs = copy
    page = docs / "dialog.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    lines.insert(9, "[Mallen](mallar/finns-inte.docx)")
    lines.insert(10, "[Engelska](mallar/our-input.docx)")
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = problems(data, docs)
    assert any(f.startswith(f"{page}:10: the link mallar/finns-inte.docx leads to no Word file") for f in found)
    assert any(f.startswith(f"{page}:11: the link mallar/our-input.docx leads to the English Word file")
               for f in found)


# --- the built site --------------------------------------------------------------------------

def test_every_template_page_and_word_file_is_published_in_both_languages(
    built_site: BuiltSite, real_templates
) -> None:
    site = built_site.site_dir
    ledger = (DATA / "published-urls.txt").read_text(encoding="utf-8").split()
    for template in real_templates:
        for language, version in template.versions.items():
            prefix = "" if language == "sv" else "en/"
            page = f"{prefix}mallar/{template.id}/"
            word = f"{prefix}mallar/{version.docx}"
            assert (site / page / "index.html").is_file(), page
            assert (site / word).is_file(), word
            Document(str(site / word))  # opens
            assert f"/{page}" in ledger and f"/{word}" in ledger
            html = (site / page / "index.html").read_text(encoding="utf-8")
            assert f'href="../{version.docx}"' in html
