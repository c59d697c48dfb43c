"""The report parser on the real report and on a CRLF + BOM fixture report."""

from __future__ import annotations

import dataclasses
import hashlib

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scripts.errors import InputError
from scripts.paths import DATA
from scripts.report import discover, parse
from scripts.report.budget import format_sek
from scripts.report.reflow import reflow

FIXTURES = Path(__file__).parent / "fixtures" / "reports"


@pytest.fixture(scope="module")
def report():
    [meta] = [m for m in discover(DATA / "reports") if m.id == "en-starkare-regional-narvaro-ar-2"]
    return parse(meta)


def test_report_copy_is_unchanged_from_the_original(report):
    # The checksum in the metadata is the original's (the shared source's) sha256.
    original = hashlib.sha256((DATA / "reports" / report.path.name).read_bytes()).hexdigest()
    assert original == "7fb72bca8493d28824bc9ffb1e5c825a9dffd63510a712efc3a63a2914b5a924"


def test_an_edited_report_text_is_refused(tmp_path):
    [meta] = [m for m in discover(DATA / "reports") if m.id == "en-starkare-regional-narvaro-ar-2"]
    edited = tmp_path / meta.text_path.name
    edited.write_bytes(meta.text_path.read_bytes().replace(b"Mora", b"Falun", 1))
    with pytest.raises(InputError, match="the report text has changed since it was copied"):
        parse(dataclasses.replace(meta, text_path=edited))


def test_all_sections_are_found_in_order(report):
    assert [s.id for s in report.sections] == [
        "titel", "mal-och-syfte", "genomforande", "ekonomisk-redovisning", "ovrigt",
        "avslutande-reflektioner",
    ]


def test_heading_split_across_a_page_break_is_found_whole(report):
    section = next(s for s in report.sections if s.id == "genomforande")
    assert section.heading.endswith("avvikelser från den ursprungliga planen")
    assert not any("ursprungliga planen" in p.text for p in section.paragraphs)


def test_sentence_split_across_a_page_break_is_joined(report):
    texts = [p.text for s in report.sections for p in s.paragraphs]
    assert any("Dessa lärdomar gjorde att utformningen för projektets andra år" in t for t in texts)


def test_page_debris_leaves_no_empty_or_nbsp_paragraphs(report):
    for section in report.sections:
        for paragraph in section.paragraphs:
            assert paragraph.text.strip() and "\u00a0" not in paragraph.text
            assert "  " not in paragraph.text


def test_hard_line_breaks_inside_sentences_are_reflowed(report):
    section = next(s for s in report.sections if s.id == "avslutande-reflektioner")
    assert len(section.paragraphs) == 4  # byline + three paragraphs
    assert section.paragraphs[1].text.endswith("En god dialog förutsätter att alla vet varför de är där.")


def test_every_goal_is_found_including_the_unlabelled_one(report):
    assert len(report.goals) == 4
    assert [g.labelled for g in report.goals] == [True, True, False, True]
    assert report.goals[2].text.startswith("Ta fram en beskrivande rapport")
    assert all(g.outcome for g in report.goals)


def test_budget_lines_and_their_checked_sums(report):
    income, costs = report.budget
    assert income.name == "Intäkter" and costs.name == "Kostnader"
    assert [(i.label, i.amount) for i in income.items] == [("Kulturrådet", 225000), ("ax", 12134)]
    assert [(i.label, i.amount) for i in costs.items] == [("2017", 234422), ("2018", 2712)]
    assert income.total.amount == costs.total.amount == 237134


def test_amounts_are_written_in_swedish_format_with_a_non_breaking_space():
    assert format_sek(225000) == "225\u00a0000 kr"
    assert format_sek(2712) == "2\u00a0712 kr"


def test_a_prose_line_ending_in_an_amount_stays_in_its_paragraph(report):
    texts = [p.text for p in report.sections[1].paragraphs]
    assert any(t.endswith("och skjutit till 500.000 kr.") and t.startswith("Utfall:") for t in texts)


def test_crlf_and_bom_report_is_read_like_any_other():
    [meta] = discover(FIXTURES)
    fixture = parse(meta)
    assert "\ufeff" not in fixture.sections[0].heading
    assert [s.id for s in fixture.sections] == ["titel", "mal", "ekonomi"]
    assert fixture.sections[2].heading == "Ekonomisk redovisning"  # split over a page break
    assert [g.labelled for g in fixture.goals] == [True, False]
    assert fixture.goals[1].outcome.endswith("läste dem i telefonen.")
    assert [g.total.amount for g in fixture.budget] == [105500, 105500]


def _copy_fixture(tmp_path: Path) -> Path:
    target = tmp_path / "reports"
    shutil.copytree(FIXTURES, target)
    return target


def test_budget_whose_sum_does_not_add_up_fails_with_the_line(tmp_path):
    folder = _copy_fixture(tmp_path)
    text = folder / "testprojektet-ar-1.txt"
    text.write_bytes(text.read_bytes().replace(b"Lokaler 45 500 kr", b"Lokaler 45 400 kr"))
    with pytest.raises(InputError) as caught:
        parse(discover(folder)[0])
    message = str(caught.value)
    assert "testprojektet-ar-1.txt:34" in message
    assert "105\u00a0400 kr" in message and "105\u00a0500 kr" in message


def test_missing_report_file_names_the_file(tmp_path):
    folder = _copy_fixture(tmp_path)
    (folder / "testprojektet-ar-1.txt").unlink()
    with pytest.raises(InputError) as caught:
        parse(discover(folder)[0])
    assert "testprojektet-ar-1.txt" in str(caught.value) and "does not exist" in str(caught.value)


def test_heading_missing_from_the_text_names_the_metadata_line(tmp_path):
    folder = _copy_fixture(tmp_path)
    meta = folder / "testprojektet-ar-1.yml"
    meta.write_text(meta.read_text(encoding="utf-8").replace(
        "heading: Beskriv hur målet har uppnåtts.", "heading: Beskriv hur målen har uppnåtts."),
        encoding="utf-8")
    with pytest.raises(InputError) as caught:
        parse(discover(folder)[0])
    assert "testprojektet-ar-1.yml:" in str(caught.value) and "'mal'" in str(caught.value)


messy_text = st.lists(
    st.one_of(
        st.sampled_from(["", " ", "\u00a0", " \u00a0 ", "\t", "\f", "Summa 12 000 kr", "- punkt",
                         "Utfall: klart.", "Mål: mer", "ax 5 kr", "slut.", "början", "Stor bokstav"]),
        st.text(alphabet=st.sampled_from("abcÅå .:-\u00a0\t12kr"), max_size=30),
    ),
    max_size=30,
).map("\n".join)


@settings(max_examples=300, deadline=None)
@given(messy_text)
def test_reflowing_is_idempotent(text):
    once = reflow(text)
    assert reflow(once) == once


@settings(max_examples=200, deadline=None)
@given(messy_text)
def test_reflowing_keeps_every_word_in_order(text):
    assert reflow(text).split() == text.split()
