"""The worked examples on "Vem ska vi fråga?": data/questions.yml, checked against the lookup."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from scripts import fragments, questions, responsibilities
from scripts.errors import InputError, InputErrors
from scripts.paths import DATA

FIXTURES = Path(__file__).parent / "fixtures"
LOOKUP = FIXTURES / "responsibilities" / "valid.yml"  # one entry: kulturskola

VALID = """\
questions:
  - id: kurs-for-barn
    question: {sv: Vi vill ha en kurs för barn., en: We want a course for children.}
    parts:
      kommun:
        text: {sv: Kommunen har kulturskolan., en: The municipality runs the kulturskola.}
        lookup: [kulturskola]
      region:
        text: {sv: Läs planen., en: Read the plan.}
        lookup: [kulturskola]
    dialogue: {sv: Fråga om barn., en: Ask about children.}
    todo: {sv: Ring kulturskolan., en: Call the kulturskola.}
"""


def write(tmp_path: Path, text: str) -> tuple[int, str, Path]:
    data = tmp_path / "questions.yml"
    data.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    try:
        fragments.write(questions.fragments(data, out, LOOKUP), manifest_path=out / ".written.json")
    except InputErrors as problems:
        return 1, "\n".join(str(error) for error in problems.errors), out
    except InputError as error:
        return 1, str(error), out
    return 0, "", out


def test_valid_examples_link_each_part_to_the_lookup_in_both_languages(tmp_path: Path) -> None:
    code, err, out = write(tmp_path, VALID)
    assert code == 0, err
    sv = (out / "fragor.sv.md").read_text(encoding="utf-8")
    assert "### Vi vill ha en kurs för barn. {#kurs-for-barn}" in sv
    assert "- **Kommunen:** Kommunen har kulturskolan. Slå upp: [Kulturskola](ansvar.md#kulturskola)." in sv
    assert sv.index("**Kommunen:**") < sv.index("**Regionen:**") < sv.index("**På dialogmötet:**") \
        < sv.index("**Gör så här:**")
    en = (out / "fragor.en.md").read_text(encoding="utf-8")
    assert "Look up: [Municipal arts school](ansvar.md#kulturskola)." in en


@pytest.mark.parametrize(
    ("change", "line", "words"),
    [
        # A worked example that cites an id the lookup does not have.
        (("lookup: [kulturskola]\n      region", "lookup: [kulturskolan]\n      region"), 7,
         ["part 'kommun'", "unknown lookup id 'kulturskolan'", "did you mean kulturskola?",
          "valid.yml"]),
        (("      region:", "      landsting:"), 8, ["unknown level 'landsting'", "kommun, region, stat"]),
        (("      region:", "      stat:"), 4, ["there is no 'region' part"]),
        (("    todo: {sv: Ring kulturskolan., en: Call the kulturskola.}\n", ""), 2,
         ["'kurs-for-barn'", "'todo' is missing"]),
    ],
)
def test_bad_example_fails_with_file_line_and_what_to_do_and_writes_nothing(
    tmp_path: Path, change: tuple[str, str], line: int, words: list[str]
) -> None:
    old, new = change
    assert old in VALID  # the premise
    code, err, out = write(tmp_path, VALID.replace(old, new, 1))
    assert code == 1
    assert f"questions.yml:{line}:" in err, err
    for word in words:
        assert word in err
    assert "What to do" in err
    assert not out.exists()


def test_a_broken_lookup_is_named_once_not_as_unknown_ids(tmp_path: Path) -> None:
    data = tmp_path / "questions.yml"
    data.write_text(VALID, encoding="utf-8")
    broken = tmp_path / "responsibilities.yml"
    shutil.copy(FIXTURES / "responsibilities" / "unknown-level.yml", broken)
    with pytest.raises(InputErrors) as raised:
        questions.read(data, broken)
    [error] = raised.value.errors
    assert "responsibilities.yml has errors" in error.message


def test_the_site_answers_the_questions_the_issue_names() -> None:
    data = questions.read()
    assert [q.id for q in data.questions] == [
        "foreningens-hus", "museum-eller-samling", "barn-och-unga", "projekt", "festival", "arkiv",
        "studiecirkel", "nationella-minoriteter",
    ]
    cited = {key for q in data.questions for part in q.parts for key in part.lookup}
    # The needs the issue names each have a lookup entry that an example cites.
    assert {
        "boverket-samlingslokaler", "samlingslokaler", "byggnadsminnen", "lansmuseum", "museer",
        "kulturskola", "foreningsbidrag-kommun", "barn-och-unga", "konsulenter", "festivaler", "arkiv",
        "offentliga-arkiv", "studieforbund", "folkbildningsbidrag", "nationella-minoriteter",
    } <= cited
    for question in data.questions:
        assert "region" in [part.level for part in question.parts], question.id


def test_each_example_is_a_heading_with_its_own_anchor_in_both_languages() -> None:
    data = questions.read()
    for language in ("sv", "en"):
        text = questions.render_questions(data, language)
        anchors = re.findall(r"^### .+ \{#([a-z0-9-]+)\}$", text, flags=re.M)
        assert anchors == [q.id for q in data.questions]
        links = set(re.findall(r"\(ansvar\.md#([a-z0-9-]+)\)", text))
        assert links <= set(responsibilities.ids(responsibilities.read(DATA / "responsibilities.yml")))
