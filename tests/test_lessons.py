"""The lessons generator: checked quotes, pages in both languages, clear errors on bad input.

Also the build-time "applied in" snippets (scripts.lessons_applied): which guides cite a lesson.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.cli import run_generator
from scripts.generated_files import MARKER
from scripts import lessons_applied
from scripts.lessons import generate
from scripts.paths import DATA, ROOT

FIXTURES = Path(__file__).parent / "fixtures"
AGREED_IDS = {
    "kvallstid", "mat", "forklara-syftet", "kommun-eller-region", "upprepa-information",
    "lokala-foreningar", "flera-orter", "remisskonferens", "informera-forst",
    "egna-tankar-och-behov", "ratt-tid-i-cykeln", "kunskapsbrist", "stod-till-civilsamhallet",
    "digitala-medlemsbrev", "satsning-efter-workshop",
}
GUIDE = """---
title: Dialog som fungerar
description: En guide.
---

# Dialog som fungerar

## Vilken tid passar? {#tid}

Se [Lärdom: kvällsmöten](lardomar/kvallstid.md).

## Mat och fika på mötet

Se [Lärdom: nyhetsbrev](lardomar/nyhetsbrev.md#citat).
"""


@pytest.fixture
def site(tmp_path: Path) -> dict[str, Path]:
    """A tiny project: the fixture report, fixture lessons and one hand-written guide."""
    reports = tmp_path / "reports"
    shutil.copytree(FIXTURES / "reports", reports)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "dialog.md").write_text(GUIDE, encoding="utf-8")
    (docs / "dialog.en.md").write_text(
        GUIDE.replace("## Vilken tid passar? {#tid}", "## What time suits? {#tid}")
        .replace("## Mat och fika på mötet", "## Food at the meeting"), encoding="utf-8")
    lessons = tmp_path / "lessons.yml"
    shutil.copy(FIXTURES / "lessons" / "valid.yml", lessons)
    return {"reports": reports, "docs": docs, "lessons": lessons, "snippets": tmp_path / "snippets"}


def run(site: dict[str, Path], capsys: pytest.CaptureFixture[str], check: bool = False) -> tuple[int, str]:
    code = run_generator(lambda: generate(site["lessons"], site["reports"], site["docs"]),
                         ["--check"] if check else [], "test")
    return code, capsys.readouterr().err


def run_applied(site: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = lessons_applied.main([], site["lessons"], site["reports"], site["docs"], site["snippets"])
    return code, capsys.readouterr().err


def applied(site: dict[str, Path], lesson_id: str, lang: str) -> str:
    return (site["snippets"] / "build" / "lardomar" / f"{lesson_id}.{lang}.md").read_text(encoding="utf-8")


def test_committed_pages_are_up_to_date():
    result = subprocess.run([sys.executable, "-m", "scripts.lessons", "--check"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_every_agreed_lesson_id_exists_with_a_page_in_both_languages():
    output = generate()
    ids = {p.name.removesuffix(".en.md").removesuffix(".md") for p in output.files if p.parent.name == "lardomar"}
    assert AGREED_IDS <= ids
    for lesson_id in AGREED_IDS:
        sv = output.files[ROOT / "docs" / "lardomar" / f"{lesson_id}.md"]
        en = output.files[ROOT / "docs" / "lardomar" / f"{lesson_id}.en.md"]
        assert sv.startswith(f"---\n# {MARKER}") and en.startswith(f"---\n# {MARKER}")
        assert "Translation by this site" in en and 'lang="sv"' in en


def test_index_has_a_stable_anchor_per_lesson_and_groups_by_theme_and_audience():
    output = generate()
    index = output.files[ROOT / "docs" / "lardomar" / "index.md"]
    for lesson_id in AGREED_IDS:
        assert f"{{#{lesson_id}}}" in index
    assert "{#for-foreningar}" in index and "{#for-regioner}" in index and "{#tema-kunskap}" in index


def test_report_pages_show_goals_and_budget_in_swedish_format():
    output = generate()
    folder = ROOT / "docs" / "rapporten"
    goals = output.files[folder / "mal-och-utfall.md"]
    assert goals.count("\n| ") >= 5  # header + four goals
    budget = output.files[folder / "budget.md"]
    assert "225\u00a0000 kr" in budget and "237\u00a0134 kr" in budget


def test_lesson_page_names_report_section_and_paragraph(site, capsys):
    assert run(site, capsys)[0] == 0
    page = (site["docs"] / "lardomar" / "nyhetsbrev.md").read_text(encoding="utf-8")
    assert "| Slutrapport Testprojektet år 1 | Beskriv hur målet har uppnåtts. | 5 |" in page
    assert "rapporten/testprojektet/text.md#mal-5" in page


def test_lesson_page_includes_its_applied_in_snippet_on_a_line_of_its_own(site, capsys):
    assert run(site, capsys)[0] == 0
    sv = (site["docs"] / "lardomar" / "kvallstid.md").read_text(encoding="utf-8")
    en = (site["docs"] / "lardomar" / "kvallstid.en.md").read_text(encoding="utf-8")
    assert '\n--8<-- "build/lardomar/kvallstid.sv.md"\n' in sv and "dialog.md" not in sv
    assert '\n--8<-- "build/lardomar/kvallstid.en.md"\n' in en and "dialog.md" not in en


def test_applied_in_lists_the_citing_guide_section_in_the_same_language(site, capsys):
    assert run_applied(site, capsys)[0] == 0
    sv, en = applied(site, "kvallstid", "sv"), applied(site, "kvallstid", "en")
    assert sv.startswith(f"<!-- {MARKER} by `python -m scripts.lessons_applied`")
    assert "- [Dialog som fungerar: Vilken tid passar?](../dialog.md#tid)\n" in sv
    assert "- [Dialog som fungerar: What time suits?](../dialog.md#tid)\n" in en
    assert "(../dialog.md#mat-och-fika-pa-motet)" in applied(site, "nyhetsbrev", "sv")  # slug as MkDocs makes it


def test_applied_in_says_so_when_no_guide_cites_the_lesson(site, capsys):
    (site["docs"] / "dialog.en.md").unlink()
    assert run_applied(site, capsys)[0] == 0
    assert "No guide cites this lesson yet." in applied(site, "kvallstid", "en")
    assert "Ingen guide" not in applied(site, "kvallstid", "sv")


def test_editing_a_guide_heading_or_citation_leaves_the_committed_pages_up_to_date(site, capsys):
    assert run(site, capsys)[0] == 0
    assert run_applied(site, capsys)[0] == 0
    guide = site["docs"] / "dialog.md"
    guide.write_text(GUIDE.replace("## Vilken tid passar? {#tid}", "## När passar det bäst?")
                     + "\nSe också [Lärdom: kvällsmöten](lardomar/kvallstid.md).\n", encoding="utf-8")
    assert run(site, capsys, check=True) == (0, "")
    # The change shows up in the build-time snippet instead.
    assert run_applied(site, capsys)[0] == 0
    sv = applied(site, "kvallstid", "sv")
    assert "[Dialog som fungerar: När passar det bäst?](../dialog.md#nar-passar-det-bast)" in sv
    assert "(../dialog.md#tid)" not in sv


def test_second_report_needs_only_a_text_file_and_metadata(site, capsys):
    # The real report and the fixture side by side: both get pages, lessons may quote either.
    for path in (DATA / "reports").glob("*"):
        shutil.copy(path, site["reports"])
    assert run(site, capsys)[0] == 0
    assert (site["docs"] / "rapporten" / "budget.md").exists()
    fixture_budget = (site["docs"] / "rapporten" / "testprojektet" / "budget.md").read_text(encoding="utf-8")
    assert "105\u00a0500 kr" in fixture_budget


def test_check_fails_when_a_generated_page_is_stale(site, capsys):
    assert run(site, capsys)[0] == 0
    page = site["docs"] / "lardomar" / "kvallstid.md"
    page.write_text(page.read_text(encoding="utf-8") + "edited\n", encoding="utf-8")
    code, err = run(site, capsys, check=True)
    assert code == 1 and "kvallstid.md: out of date" in err


def _written(site: dict[str, Path]) -> list[Path]:
    return sorted(p for p in site["docs"].rglob("*.md") if p.name not in ("dialog.md", "dialog.en.md"))


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        ("drifted-quote.yml", ["lessons.yml:33", "lesson 'nyhetsbrev'", "Closest passage",
                               "'på' where the report has 'i'"]),
        ("duplicate-id.yml", ["lessons.yml:24", "lesson 'kvallstid'", "used twice (first on line 11)"]),
        ("unknown-audience.yml", ["lessons.yml:26", "unknown audience 'alla'", "foreningar, regioner, bada"]),
        ("unknown-theme.yml", ["lessons.yml:25", "unknown theme 'pengar'", "tider-och-plats, att-na-ut"]),
        ("missing-english-title.yml", ["lesson 'nyhetsbrev'", "English title", "lessons.yml:27"]),
        ("malformed.yml", ["lessons.yml:15", "not valid YAML"]),
        ("duplicate-key.yml", ["lessons.yml:21", "the key 'quote' is written twice"]),
    ],
)
def test_bad_lessons_file_fails_with_id_and_line_and_writes_nothing(site, capsys, fixture, expected):
    shutil.copy(FIXTURES / "lessons" / fixture, site["lessons"])
    code, err = run(site, capsys)
    assert code == 1
    for text in expected:
        assert text in err
    assert "What to do:" in err
    assert _written(site) == []
    assert (site["docs"] / "dialog.md").read_text(encoding="utf-8") == GUIDE


def test_guide_citing_an_unknown_lesson_names_the_guide_and_line_and_writes_nothing(site, capsys):
    (site["docs"] / "dialog.md").write_text(GUIDE + "\nSe [Lärdom](lardomar/finns-inte.md).\n", encoding="utf-8")
    code, err = run_applied(site, capsys)
    assert code == 1 and "dialog.md:16" in err and "'finns-inte'" in err and "What to do:" in err
    assert not site["snippets"].exists()
    # The committed pages do not read the guides, so they are not the place this is caught.
    assert run(site, capsys)[0] == 0


def test_build_time_entry_point_runs_the_applied_in_snippets():
    from scripts.generate import BUILD_TIME

    assert "scripts.lessons_applied" in BUILD_TIME


def test_missing_report_file_fails_and_writes_nothing(site, capsys):
    (site["reports"] / "testprojektet-ar-1.txt").unlink()
    code, err = run(site, capsys)
    assert code == 1 and "testprojektet-ar-1.txt: the report text file does not exist" in err
    assert _written(site) == []


def test_budget_that_does_not_add_up_fails_and_writes_nothing(site, capsys):
    text = site["reports"] / "testprojektet-ar-1.txt"
    text.write_bytes(text.read_bytes().replace(b"Resor 60 000 kr", b"Resor 61 000 kr"))
    code, err = run(site, capsys)
    assert code == 1 and "testprojektet-ar-1.txt:34" in err and "do not add up" in err
    assert _written(site) == []


def test_hand_written_page_in_the_way_is_never_overwritten(site, capsys):
    folder = site["docs"] / "lardomar"
    folder.mkdir()
    (folder / "kvallstid.md").write_text("---\ntitle: Mitt\ndescription: x\n---\n\n# Mitt\n", encoding="utf-8")
    code, err = run(site, capsys)
    assert code == 1 and "written by hand" in err
    assert (folder / "kvallstid.md").read_text(encoding="utf-8").startswith("---\ntitle: Mitt")
    assert not (folder / "nyhetsbrev.md").exists()
