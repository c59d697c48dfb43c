"""The responsibility lookup: data/responsibilities.yml and the fragments rendered from it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from scripts import responsibilities
from scripts import fragments
from scripts.errors import InputError, InputErrors
from scripts.paths import DATA

FIXTURES = Path(__file__).parent / "fixtures" / "responsibilities"


def write(data: Path, out: Path) -> tuple[int, str]:
    """Read, validate, render and write, as `python -m scripts.responsibilities` does."""
    try:
        fragments.write(responsibilities.fragments(data, out), manifest_path=out / ".written.json")
    except InputErrors as problems:
        return 1, "\n".join(str(error) for error in problems.errors)
    except InputError as error:
        return 1, str(error)
    return 0, ""


def test_lookup_has_at_least_20_entries_each_with_an_anchor_in_both_languages(tmp_path: Path) -> None:
    lookup = responsibilities.read(DATA / "responsibilities.yml")
    assert len(lookup.entries) >= 20
    for fragment in responsibilities.render(lookup, tmp_path):
        text = fragment.content.decode("utf-8")
        anchors = re.findall(r"^#### .+ \{#([a-z0-9-]+)\}$", text, flags=re.M)
        assert anchors == [e.id for e in sorted(lookup.entries, key=lambda e: responsibilities.LEVELS.index(e.level))]


def test_the_issue_examples_are_in_the_lookup() -> None:
    ids = {entry.id for entry in responsibilities.read(DATA / "responsibilities.yml").entries}
    assert {
        "folkbibliotek", "regional-biblioteksverksamhet", "skolbibliotek", "kulturskola",
        "foreningsbidrag-kommun", "foreningsbidrag-region", "samlingslokaler", "studieforbund",
        "folkhogskolor", "lansmuseum", "teater-dans-musik", "konsulenter", "hemslojd", "arkiv",
        "film", "kulturplanen", "kulturradet",
    } <= ids


def test_search_words_from_the_issue_are_in_the_swedish_lookup(tmp_path: Path) -> None:
    lookup = responsibilities.read(DATA / "responsibilities.yml")
    text = responsibilities.render_lookup(lookup, "sv").lower()
    for words in ("danskonsulent", "vem som äger länsmuseet", "bidrag till en samlingslokal"):
        assert words in text


def test_a_voluntary_entry_without_the_local_government_act_fails_with_its_line(tmp_path: Path) -> None:
    data = tmp_path / "voluntary.yml"
    text = (FIXTURES / "valid.yml").read_text(encoding="utf-8")
    assert "Frivilligt enligt kommunallagen (2017:725) 2 kap. 1 §" in text  # the premise
    data.write_text(text.replace("Frivilligt enligt kommunallagen (2017:725) 2 kap. 1 §", "Frivilligt"),
                    encoding="utf-8")
    code, err = write(data, tmp_path / "out")
    assert code == 1
    assert "voluntary.yml:" in err and "must name kommunallagen (2017:725) 2 kap. 1 §" in err


def test_valid_fixture_writes_both_fragments_with_labels_from_the_labels_file(tmp_path: Path) -> None:
    code, err = write(FIXTURES / "valid.yml", tmp_path)
    assert code == 0, err
    sv = (tmp_path / "ansvar.sv.md").read_text(encoding="utf-8")
    assert sv.startswith("<!-- GENERATED")
    assert "#### Kulturskola {#kulturskola}" in sv
    assert "Kommunen. Frivilligt." in sv
    assert "Voluntary." in (tmp_path / "ansvar.en.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("fixture", "line", "words"),
    [
        ("missing-level.yml", 16, ["entry 'utan-niva'", "'level' is missing"]),
        ("missing-legal-basis.yml", 16, ["entry 'utan-lag'", "'legal_basis' is missing"]),
        ("unknown-level.yml", 18, ["entry 'okand-niva'", "unknown level 'landsting'"]),
        ("duplicate-id.yml", 16, ["entry 'kulturskola'", "used twice"]),
        ("missing-english.yml", 11, ["entry 'utan-engelska'", "English text of 'contact'"]),
        ("malformed.yml", 17, ["not valid YAML"]),
    ],
)
def test_bad_entry_fails_with_file_line_and_entry_and_writes_nothing(
    tmp_path: Path, fixture: str, line: int, words: list[str]
) -> None:
    data = tmp_path / fixture
    shutil.copy(FIXTURES / fixture, data)
    out = tmp_path / "out"
    code, err = write(data, out)
    assert code == 1
    assert f"{fixture}:{line}:" in err
    for word in words:
        assert word in err
    assert "What to do" in err or "not valid YAML" in err
    assert not out.exists()


def test_every_problem_in_the_file_is_reported_at_once(tmp_path: Path) -> None:
    data = tmp_path / "two-problems.yml"
    text = (FIXTURES / "unknown-level.yml").read_text(encoding="utf-8")
    data.write_text(text.replace("level: kommun", "level: socken", 1), encoding="utf-8")
    assert data.read_text(encoding="utf-8") != text  # the premise: a second bad level
    with pytest.raises(InputErrors) as raised:
        responsibilities.read(data)
    assert len([e for e in raised.value.errors if "unknown level" in e.message]) == 2
