"""The glossary: data/glossary.yml, the generated ordlista pages and the tooltip abbreviations."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from scripts import glossary
from scripts.paths import DATA, DOCS, GENERATED_SNIPPETS

FIXTURES = Path(__file__).parent / "fixtures" / "glossary"
ABBREVIATION = re.compile(r"^\*\[([^\]\n]+)\]: ([^\"\n]+)$")


def run(capsys: pytest.CaptureFixture[str], data: Path, docs: Path, snippets: Path, *argv: str) -> tuple[int, str]:
    code = glossary.main(list(argv), data_path=data, docs=docs, snippets=snippets)
    return code, capsys.readouterr().err


def real() -> glossary.Glossary:
    result, errors = glossary.read(DATA / "glossary.yml", DOCS)
    assert not errors, "\n".join(map(str, errors))
    assert result is not None
    return result


def test_committed_glossary_pages_and_abbreviations_are_up_to_date(capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run(capsys, DATA / "glossary.yml", DOCS, GENERATED_SNIPPETS, "--check")
    assert code == 0, err


def test_glossary_has_the_terms_the_issue_asks_for() -> None:
    terms = real().terms
    assert len(terms) >= 25
    swedish = {term.term["sv"] for term in terms}
    assert {
        "kultursamverkansmodellen", "kulturplan", "region", "landsting", "samråd", "samverkan",
        "dialog", "remiss", "civilsamhälle", "professionella kulturskapare",
        "regional kulturverksamhet", "studieförbund", "folkhögskola", "konsulent", "Kulturrådet",
        "Samverkansrådet",
    } <= swedish


def test_every_abbreviation_line_is_valid_and_each_word_is_defined_once() -> None:
    lines = (GENERATED_SNIPPETS / "abbreviations.md").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("<!-- GENERATED")
    words = []
    for line in filter(None, lines[1:]):  # definitions are separated by blank lines
        match = ABBREVIATION.match(line)
        assert match, f"not a valid abbreviation line: {line!r}"
        words.append(match.group(1))
    assert len(words) == len(set(words))
    assert {"kulturplan", "kulturplanen", "Kulturplanen", "regional cultural plan", "danskonsulent"} <= set(words)


def test_common_words_marked_tooltip_false_get_no_tooltip() -> None:
    text = (GENERATED_SNIPPETS / "abbreviations.md").read_text(encoding="utf-8")
    for word in ("region", "regionen", "Region", "dialog", "dialogue", "kommun", "cooperation"):
        assert f"*[{word}]:" not in text
    assert "*[samverkan]:" in text  # tooltip: {en: false} keeps the Swedish one


def test_glossary_pages_list_terms_alphabetically_with_an_anchor_each() -> None:
    terms = real().terms
    for language, key in (("sv", glossary.sort_key), ("en", str.casefold)):
        page = DOCS / ("ordlista.md" if language == "sv" else "ordlista.en.md")
        text = page.read_text(encoding="utf-8")
        headings = re.findall(r"^## (.+) \{#([a-z0-9-]+)\}$", text, flags=re.M)
        assert {anchor for _, anchor in headings} == {term.id for term in terms}
        names = [name for name, _ in headings]
        assert names == sorted(names, key=key)


def test_swedish_order_puts_a_ring_a_umlaut_and_o_umlaut_after_z() -> None:
    words = ["öl", "zon", "ål", "äng", "arv"]
    assert sorted(words, key=glossary.sort_key) == ["arv", "zon", "ål", "äng", "öl"]


def test_swedish_glossary_gives_the_english_term_and_english_gives_the_swedish() -> None:
    sv = (DOCS / "ordlista.md").read_text(encoding="utf-8")
    en = (DOCS / "ordlista.en.md").read_text(encoding="utf-8")
    assert "På engelska: *regional cultural plan*." in sv
    assert "In Swedish: *kulturplan*." in en
    assert "(kulturplanen.en.md)" in en and "(kulturplanen.md)" in sv


def test_valid_fixture_writes_pages_and_abbreviations(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run(capsys, FIXTURES / "valid.yml", tmp_path, tmp_path)
    assert code == 0, err
    abbreviations = (tmp_path / "abbreviations.md").read_text(encoding="utf-8")
    assert "*[Kulturplaner]: Regionens plan för kulturen." in abbreviations
    assert "*[regional cultural plan]: The region's plan for culture." in abbreviations
    assert "*[dialog]" not in abbreviations and "*[dialogue]" not in abbreviations
    assert "*[ordlistan]:" in abbreviations and "*[glossary]" not in abbreviations
    page = (tmp_path / "ordlista.md").read_text(encoding="utf-8")
    assert page.splitlines()[1].startswith("# GENERATED")
    assert page.index("## Dialog {#dialog}") < page.index("## Kulturplan {#kulturplan}")


@pytest.mark.parametrize(
    ("fixture", "line", "words"),
    [
        ("defined-twice.yml", 22, ["term 'kulturplan'", "defined twice"]),
        ("same-word-twice.yml", 14, ["term 'plan'", "'kulturplanen'", "term 'kulturplan'"]),
        ("missing-definition.yml", 19, ["term 'remiss'", "Swedish definition is missing"]),
        ("quote-in-definition.yml", 19, ["term 'citat'", "quotation marks"]),
        ("malformed.yml", 16, ["not valid YAML"]),
    ],
)
def test_bad_glossary_fails_with_file_line_and_term_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fixture: str, line: int, words: list[str]
) -> None:
    data = tmp_path / fixture
    shutil.copy(FIXTURES / fixture, data)
    out = tmp_path / "out"
    code, err = run(capsys, data, out, out)
    assert code == 1
    assert f"{fixture}:{line}:" in err
    for word in words:
        assert word in err
    assert not out.exists()


def test_see_link_to_a_missing_page_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "glossary.yml"
    data.write_text(
        (FIXTURES / "valid.yml").read_text(encoding="utf-8") + "    see: finns-inte.md\n", encoding="utf-8"
    )
    code, err = run(capsys, data, tmp_path / "docs", tmp_path / "out")
    assert code == 1
    assert "term 'ordlista'" in err and "finns-inte.md" in err


def test_generator_refuses_to_overwrite_a_hand_written_glossary_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "ordlista.md").write_text("---\ntitle: Ordlista\n---\n\nHandskriven.\n", encoding="utf-8")
    code, err = run(capsys, FIXTURES / "valid.yml", tmp_path, tmp_path)
    assert code == 1
    assert "written by hand" in err
    assert not (tmp_path / "abbreviations.md").exists()
