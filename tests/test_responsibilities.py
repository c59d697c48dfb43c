"""The responsibility lookup: data/responsibilities.yml and the snippets generated from it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from scripts import responsibilities
from scripts.paths import DATA, GENERATED_SNIPPETS

FIXTURES = Path(__file__).parent / "fixtures" / "responsibilities"


def run(capsys: pytest.CaptureFixture[str], data: Path, out: Path, *argv: str) -> tuple[int, str]:
    code = responsibilities.main(list(argv), data_path=data, out_dir=out)
    return code, capsys.readouterr().err


def test_committed_lookup_snippets_are_up_to_date(capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run(capsys, DATA / "responsibilities.yml", GENERATED_SNIPPETS, "--check")
    assert code == 0, err


def test_lookup_has_at_least_20_entries_each_with_an_anchor_in_both_languages() -> None:
    entries, _, errors = responsibilities.read(DATA / "responsibilities.yml")
    assert not errors
    assert len(entries) >= 20
    for language in ("sv", "en"):
        text = (GENERATED_SNIPPETS / f"ansvar.{language}.md").read_text(encoding="utf-8")
        anchors = re.findall(r"^#### .+ \{#([a-z0-9-]+)\}$", text, flags=re.M)
        assert anchors == [e.id for e in sorted(entries, key=lambda e: responsibilities.LEVELS.index(e.level))]


def test_the_issue_examples_are_in_the_lookup() -> None:
    entries, _, _ = responsibilities.read(DATA / "responsibilities.yml")
    ids = {entry.id for entry in entries}
    assert {
        "folkbibliotek", "regional-biblioteksverksamhet", "skolbibliotek", "kulturskola",
        "foreningsbidrag-kommun", "foreningsbidrag-region", "samlingslokaler", "studieforbund",
        "folkhogskolor", "lansmuseum", "teater-dans-musik", "konsulenter", "hemslojd", "arkiv",
        "film", "kulturplanen", "kulturradet",
    } <= ids


def test_search_words_from_the_issue_are_in_the_swedish_lookup() -> None:
    text = (GENERATED_SNIPPETS / "ansvar.sv.md").read_text(encoding="utf-8").lower()
    for words in ("danskonsulent", "vem som äger länsmuseet", "bidrag till en samlingslokal"):
        assert words in text


def test_every_voluntary_entry_names_the_local_government_act() -> None:
    entries, _, _ = responsibilities.read(DATA / "responsibilities.yml")
    for entry in entries:
        if entry.obligation == "frivillig":
            assert "kommunallagen (2017:725) 2 kap. 1 §" in entry.legal_basis["sv"].lower(), entry.id


def test_valid_fixture_writes_both_snippets_with_the_generated_marker(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = run(capsys, FIXTURES / "valid.yml", tmp_path)
    assert code == 0, err
    sv = (tmp_path / "ansvar.sv.md").read_text(encoding="utf-8")
    assert sv.startswith("<!-- GENERATED")
    assert "#### Kulturskola {#kulturskola}" in sv
    assert "Kommunen. Frivilligt." in sv
    assert "Voluntary." in (tmp_path / "ansvar.en.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("fixture", "line", "words"),
    [
        ("missing-level.yml", 21, ["entry 'utan-niva'", "'level' is missing"]),
        ("missing-legal-basis.yml", 21, ["entry 'utan-lag'", "'legal_basis' is missing"]),
        ("unknown-level.yml", 23, ["entry 'okand-niva'", "unknown level 'landsting'"]),
        ("duplicate-id.yml", 21, ["entry 'kulturskola'", "used twice"]),
        ("missing-english.yml", 15, ["entry 'utan-engelska'", "English text of 'contact'"]),
        ("malformed.yml", 22, ["not valid YAML"]),
    ],
)
def test_bad_entry_fails_with_file_line_and_entry_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fixture: str, line: int, words: list[str]
) -> None:
    data = tmp_path / fixture
    shutil.copy(FIXTURES / fixture, data)
    out = tmp_path / "out"
    code, err = run(capsys, data, out)
    assert code == 1
    assert f"{fixture}:{line}:" in err
    for word in words:
        assert word in err
    assert "What to do" in err or "not valid YAML" in err
    assert not out.exists()


def test_a_stale_snippet_fails_the_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, FIXTURES / "valid.yml", tmp_path)[0] == 0
    snippet = tmp_path / "ansvar.sv.md"
    snippet.write_text(snippet.read_text(encoding="utf-8").replace("Kulturskola", "Musikskola"), encoding="utf-8")
    code, err = run(capsys, FIXTURES / "valid.yml", tmp_path, "--check")
    assert code == 1
    assert "out of date" in err
