"""The one writer of generated files: a hand edit is never lost, a deleted fragment comes back."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts import fragments, generate
from scripts.errors import InputErrors
from scripts.fragments import Fragment
from scripts.paths import ROOT


def glossary_fragment(out: Path, word: str = "Kulturplan") -> Fragment:
    return Fragment.markdown(out / "ordlista.sv.md", f"## {word} {{#kulturplan}}\n\nEn plan.", "data/glossary.yml")


def test_first_run_writes_every_fragment_with_its_header(tmp_path: Path) -> None:
    log = fragments.write([glossary_fragment(tmp_path)], tmp_path / ".written.json")
    text = (tmp_path / "ordlista.sv.md").read_text(encoding="utf-8")
    assert text.startswith("<!-- GENERATED from data/glossary.yml: edit data/glossary.yml, not this file. -->")
    assert any("wrote" in line for line in log)


def test_a_hand_edited_fragment_stops_the_run_and_nothing_is_written(tmp_path: Path) -> None:
    manifest = tmp_path / ".written.json"
    other = Fragment.markdown(tmp_path / "ansvar.sv.md", "#### Kulturskola", "data/responsibilities.yml")
    fragments.write([glossary_fragment(tmp_path), other], manifest)
    edited = tmp_path / "ordlista.sv.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace("En plan.", "En plan för kulturen."),
                      encoding="utf-8")
    changed_other = Fragment.markdown(tmp_path / "ansvar.sv.md", "#### Musikskola", "data/responsibilities.yml")
    with pytest.raises(InputErrors) as raised:
        fragments.write([glossary_fragment(tmp_path), changed_other], manifest)
    message = str(raised.value.errors[0])
    assert message.startswith(f"{edited}:5: this generated file was edited by hand")  # the edited line
    assert "-En plan." in message and "+En plan för kulturen." in message  # what was edited
    assert "make the change in data/glossary.yml instead" in message  # where it belongs
    assert f"delete {edited}" in message  # how to throw the edit away on purpose
    assert "En plan för kulturen." in edited.read_text(encoding="utf-8")  # the edit is kept
    assert "Kulturskola" in (tmp_path / "ansvar.sv.md").read_text(encoding="utf-8")  # nothing written


def test_deleting_an_edited_fragment_throws_the_edit_away_on_purpose(tmp_path: Path) -> None:
    manifest = tmp_path / ".written.json"
    fragments.write([glossary_fragment(tmp_path)], manifest)
    (tmp_path / "ordlista.sv.md").write_text("edited", encoding="utf-8")
    (tmp_path / "ordlista.sv.md").unlink()
    log = fragments.write([glossary_fragment(tmp_path)], manifest)
    assert log == [f"{tmp_path / 'ordlista.sv.md'} had been deleted: wrote it again"]
    assert "En plan." in (tmp_path / "ordlista.sv.md").read_text(encoding="utf-8")


def test_a_fragment_that_changes_with_its_data_is_replaced(tmp_path: Path) -> None:
    manifest = tmp_path / ".written.json"
    fragments.write([glossary_fragment(tmp_path)], manifest)
    fragments.write([glossary_fragment(tmp_path, "Kulturplanen")], manifest)
    assert "## Kulturplanen" in (tmp_path / "ordlista.sv.md").read_text(encoding="utf-8")


def test_a_file_nobody_generates_any_more_is_removed_unless_edited(tmp_path: Path) -> None:
    manifest = tmp_path / ".written.json"
    old = Fragment.markdown(tmp_path / "lardomar" / "gammal.sv.md", "> citat", "data/lessons.yml")
    fragments.write([glossary_fragment(tmp_path), old], manifest)
    log = fragments.write([glossary_fragment(tmp_path)], manifest)
    assert not old.path.exists()
    assert any("no generator writes it any more" in line for line in log)


def test_an_unrecorded_file_in_the_way_is_not_overwritten(tmp_path: Path) -> None:
    (tmp_path / "ordlista.sv.md").write_text("someone's own text\n", encoding="utf-8")
    with pytest.raises(InputErrors) as raised:
        fragments.write([glossary_fragment(tmp_path)], tmp_path / ".written.json")
    assert "has no record of writing it" in str(raised.value.errors[0])
    assert (tmp_path / "ordlista.sv.md").read_text(encoding="utf-8") == "someone's own text\n"


def test_check_writes_nothing_and_names_missing_stale_and_edited_files(tmp_path: Path) -> None:
    manifest = tmp_path / ".written.json"
    fragments.write([glossary_fragment(tmp_path)], manifest)
    problems = fragments.check([glossary_fragment(tmp_path, "Remiss"),
                                Fragment.markdown(tmp_path / "ny.sv.md", "x", "data/labels.yml")], manifest)
    text = "\n".join(str(p) for p in problems)
    assert "ordlista.sv.md:" in text and "out of date" in text
    assert "ny.sv.md:" in text and "missing" in text
    assert not (tmp_path / "ny.sv.md").exists()


def test_a_page_that_includes_a_fragment_no_generator_writes_fails_with_file_and_line(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "ordlista.md").write_text('# Ordlista\n\n--8<-- "generated/ordlista.sv.md"\n\n'
                                      '--8<-- "generated/ordlistan.sv.md"\n', encoding="utf-8")
    out = tmp_path / "snippets" / "generated"
    errors = generate.unknown_includes([glossary_fragment(out)], docs, out)
    assert len(errors) == 1
    message = str(errors[0])
    assert message.startswith(f"{docs / 'ordlista.md'}:5: the page includes generated/ordlistan.sv.md,"
                              " which no generator writes")


def test_every_include_on_the_real_pages_is_written_by_a_generator() -> None:
    found = generate.collect()
    assert generate.unknown_includes(found) == []
    includes = sum(text.count('--8<-- "generated/') for text in
                   (p.read_text(encoding="utf-8") for p in (ROOT / "docs").rglob("*.md")))
    assert includes > 100  # the premise: pages do include fragments
