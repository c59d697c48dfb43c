"""The glossary: data/glossary.yml -> the entries fragments of the glossary pages and the tooltips.

docs/ordlista.md and docs/ordlista.en.md are hand-written and include the fragments; these tests
render into tmp_path through the functions' path parameters, never into the real snippets/.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from scripts import fragments as writer
from scripts import glossary
from scripts.datafile import labels
from scripts.errors import InputError, InputErrors
from scripts.paths import DOCS

FIXTURES = Path(__file__).parent / "fixtures" / "glossary"
ABBREVIATION = re.compile(r"^\*\[([^\]\n]+)\]: ([^\"\n]+)$")
HEADING = re.compile(r"^## (.+) \{#([a-z0-9-]+)\}$", flags=re.M)


def render(data: Path, docs: Path, out: Path) -> dict[str, str]:
    return {f.path.name: f.content.decode("utf-8") for f in glossary.fragments(data, docs, out)}


def errors_of(data: Path, docs: Path) -> list[InputError]:
    with pytest.raises((InputError, InputErrors)) as caught:
        glossary.read(data, docs)
    error = caught.value
    return error.errors if isinstance(error, InputErrors) else [error]


def line_of(path: Path, text: str, occurrence: int = 1) -> int:
    numbers = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line]
    return numbers[occurrence - 1]


TERM_LINE = re.compile(r"^\*\[([^\]\n]+)\]\((/ordlista(?:\.en)?\.md)#([a-z0-9-]+)\): ([^\n]+)$")


def term_help(text: str) -> dict[str, tuple[str, str, str]]:
    """word -> (glossary page, entry id, explanation) from a terms.<lang>.md fragment."""
    lines = text.splitlines()
    assert lines[0].startswith("[//]: # (GENERATED from ")  # leaves no trace on the page
    found = {}
    for line in filter(None, lines[1:]):
        if line.startswith("*[]: "):
            continue  # the label of the link to the entry
        match = TERM_LINE.match(line)
        assert match, f"not a valid term help line: {line!r}"
        assert match.group(1) not in found, f"{match.group(1)} defined twice"
        found[match.group(1)] = (match.group(2), match.group(3), match.group(4))
    return found


# --- the real data -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("out")
    found = glossary.fragments(out_dir=out)  # reads data/ and docs/, writes nothing
    assert all(f.path.parent == out for f in found)
    return {f.path.name: f.content.decode("utf-8") for f in found}


def test_glossary_has_the_terms_the_issue_asks_for() -> None:
    terms = glossary.read().terms
    assert len(terms) >= 25
    swedish = {term.term["sv"] for term in terms}
    assert {
        "kultursamverkansmodellen", "kulturplan", "region", "landsting", "samråd", "samverkan",
        "dialog", "remiss", "civilsamhälle", "professionella kulturskapare",
        "regional kulturverksamhet", "studieförbund", "folkhögskola", "konsulent", "Kulturrådet",
        "Samverkansrådet",
    } <= swedish


def test_term_help_is_one_file_per_language_explained_in_that_language(real: dict[str, str]) -> None:
    sv, en = term_help(real["terms.sv.md"]), term_help(real["terms.en.md"])
    assert "abbreviations.md" not in real
    assert sv["kulturplanen"] == ("/ordlista.md", "kulturplan", glossary.read().terms[[
        t.id for t in glossary.read().terms].index("kulturplan")].definition["sv"])
    # English pages: the English term and the Swedish words beside it, all explained in English.
    assert en["regional cultural plan"][0] == "/ordlista.en.md"
    assert en["kulturplanen"][2] == en["regional cultural plan"][2]
    assert en["danskonsulent"][1] == "konsulent" and en["danskonsulent"][2].startswith("A person")
    assert "regional cultural plan" not in sv  # Swedish pages need no English words
    assert real["terms.en.md"].count("*[]: Read more in the glossary") == 1
    assert real["terms.sv.md"].count("*[]: Läs mer i ordlistan") == 1


def test_common_words_marked_tooltip_false_get_no_term_help(real: dict[str, str]) -> None:
    sv, en = term_help(real["terms.sv.md"]), term_help(real["terms.en.md"])
    for word in ("region", "regionen", "Region", "dialog", "dialogue", "kommun", "cooperation", "föreningar"):
        assert word not in sv and word not in en
    assert "samverkan" in sv and "samverkan" not in en  # tooltip: {en: false}


def test_newcomer_terms_are_in_the_glossary() -> None:
    terms = {term.id: term for term in glossary.read().terms}
    assert terms["lan"].term["en"] == "county" and terms["region"].term["en"] == "region"
    assert terms["lansstyrelse"].term["en"] == "County Administrative Board"
    assert "not part of the region" in terms["lansstyrelse"].definition["en"]
    assert terms["forening"].term["en"] == "association"


def test_entries_fragments_list_every_term_alphabetically_with_an_anchor_each(real: dict[str, str]) -> None:
    terms = glossary.read().terms
    for language, key in (("sv", glossary.sort_key), ("en", str.casefold)):
        headings = HEADING.findall(real[f"ordlista.{language}.md"])
        assert {anchor for _, anchor in headings} == {term.id for term in terms}
        names = [name for name, _ in headings]
        assert names == sorted(names, key=key)


def test_glossary_pages_include_their_language_entries_fragment(real: dict[str, str]) -> None:
    for page, language in ((DOCS / "ordlista.md", "sv"), (DOCS / "ordlista.en.md", "en")):
        text = page.read_text(encoding="utf-8")
        assert f'--8<-- "generated/ordlista.{language}.md"' in text
        assert f"ordlista.{language}.md" in real


def test_swedish_order_puts_a_ring_a_umlaut_and_o_umlaut_after_z() -> None:
    words = ["öl", "zon", "ål", "äng", "arv"]
    assert sorted(words, key=glossary.sort_key) == ["arv", "zon", "ål", "äng", "öl"]


def test_swedish_entries_give_the_english_term_and_english_entries_the_swedish(real: dict[str, str]) -> None:
    sv, en = real["ordlista.sv.md"], real["ordlista.en.md"]
    assert "På engelska: *regional cultural plan*." in sv
    assert "In Swedish: *kulturplan*." in en
    assert "(kulturplanen.en.md)" in en and "(kulturplanen.md)" in sv


# --- the fixtures ------------------------------------------------------------------------------


def test_valid_fixture_gives_term_help_per_language_and_tooltip_setting(tmp_path: Path) -> None:
    found = render(FIXTURES / "valid.yml", tmp_path / "docs", tmp_path / "out")
    sv, en = term_help(found["terms.sv.md"]), term_help(found["terms.en.md"])
    # Swedish term, its forms and capitalised forms: on Swedish pages in Swedish, on English in English.
    assert sv["Kulturplaner"] == ("/ordlista.md", "kulturplan", "Regionens plan för kulturen.")
    assert en["kulturplanen"] == ("/ordlista.en.md", "kulturplan", "The region's plan for culture.")
    assert en["Regional cultural plan"] == ("/ordlista.en.md", "kulturplan", "The region's plan for culture.")
    # tooltip: false leaves the term out in both languages; {en: false} only in English.
    assert not {"dialog", "Dialog", "dialogen", "dialogue"} & (set(sv) | set(en))
    assert sv["ordlistan"][2] == "En lista med förklarade ord."
    assert "ordlistan" not in en and "glossary" not in en


def test_valid_fixture_entries_are_sorted_per_language_with_labels_from_the_labels_file(tmp_path: Path) -> None:
    found = render(FIXTURES / "valid.yml", tmp_path / "docs", tmp_path / "out")
    sv, en = found["ordlista.sv.md"], found["ordlista.en.md"]
    assert sv.startswith("<!-- GENERATED from ")
    assert [h for h, _ in HEADING.findall(sv)] == ["Dialog", "Kulturplan", "Ordlista"]
    assert [h for h, _ in HEADING.findall(en)] == ["Dialogue", "Glossary", "Regional cultural plan"]
    label = labels("glossary")
    assert label("other_language", "sv") == "På engelska" and label("other_language", "en") == "In Swedish"
    assert "## Kulturplan {#kulturplan}\n\nRegionens plan för kulturen.\n\nPå engelska: *regional cultural plan*." in sv
    assert "## Regional cultural plan {#kulturplan}\n\nThe region's plan for culture.\n\nIn Swedish: *kulturplan*." in en
    assert not any("kallor" in name for name in found)  # sources: docs/ordlista.md cites them (data/sources.yml)


def test_see_link_gives_a_read_more_link_to_the_page_in_each_language(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "modellen.md").write_text("---\ntitle: Modellen\ndescription: x\n---\n", encoding="utf-8")
    (docs / "modellen.en.md").write_text("---\ntitle: The model\ndescription: x\n---\n", encoding="utf-8")
    data = tmp_path / "glossary.yml"
    data.write_text((FIXTURES / "valid.yml").read_text(encoding="utf-8") + "    see: modellen.md\n",
                    encoding="utf-8")
    found = render(data, docs, tmp_path / "out")
    assert "Läs mer: [Modellen](modellen.md)." in found["ordlista.sv.md"]
    assert "Read more: [The model](modellen.en.md)." in found["ordlista.en.md"]


@pytest.mark.parametrize(
    ("fixture", "line_text", "occurrence", "words"),
    [
        ("defined-twice.yml", "- id: kulturplan", 2, ["term 'kulturplan'", "defined twice"]),
        ("same-word-twice.yml", "- id: plan", 1, ["term 'plan'", "'kulturplanen'", "term 'kulturplan'"]),
        ("missing-definition.yml", "sv: ", 4, ["term 'remiss'", "Swedish definition is missing"]),
        ("quote-in-definition.yml", "sv: Ett ord", 1, ["term 'citat'", "quotation marks"]),
        ("malformed.yml", "sv: [trasig", 1, ["not valid YAML"]),
    ],
)
def test_bad_glossary_fails_with_file_line_and_term_and_renders_nothing(
    tmp_path: Path, fixture: str, line_text: str, occurrence: int, words: list[str]
) -> None:
    data = tmp_path / fixture
    shutil.copy(FIXTURES / fixture, data)
    errors = errors_of(data, tmp_path / "docs")
    text = "\n".join(map(str, errors))
    expected = line_of(data, line_text, occurrence)
    if fixture == "malformed.yml":
        expected += 1  # the parser notices the unclosed '[' at the end of the file, on the next line
    assert f"{fixture}:{expected}:" in text, text
    for word in words:
        assert word in text
    with pytest.raises((InputError, InputErrors)):
        glossary.fragments(data, tmp_path / "docs", tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_missing_english_definition_fails_with_file_line_and_term(tmp_path: Path) -> None:
    data = FIXTURES / "missing-english-definition.yml"
    [error] = errors_of(data, tmp_path / "docs")
    assert error.path == data
    assert "term 'dialog'" in str(error) and "English definition is missing" in str(error)
    # The line is in the term's definition block (its 'definition:' line or the line below it).
    assert line_of(data, "definition:", 2) <= error.line <= line_of(data, "sv: Ett samtal")
    assert f"missing-english-definition.yml:{error.line}:" in str(error)


def test_all_problems_of_a_glossary_are_reported_at_once(tmp_path: Path) -> None:
    data = tmp_path / "glossary.yml"
    text = (FIXTURES / "valid.yml").read_text(encoding="utf-8")
    data.write_text(text.replace("      en: The region's plan for culture.\n", "")
                    .replace("sv: En lista med förklarade ord.", 'sv: En "lista".'), encoding="utf-8")
    errors = errors_of(data, tmp_path / "docs")
    messages = [str(e) for e in errors]
    assert any("term 'kulturplan'" in m and "English definition is missing" in m for m in messages), messages
    assert any("term 'ordlista'" in m and "quotation marks" in m for m in messages), messages


def test_see_link_to_a_missing_page_fails_naming_the_page(tmp_path: Path) -> None:
    data = tmp_path / "glossary.yml"
    data.write_text(
        (FIXTURES / "valid.yml").read_text(encoding="utf-8") + "    see: finns-inte.md\n", encoding="utf-8"
    )
    errors = errors_of(data, tmp_path / "docs")
    text = "\n".join(map(str, errors))
    assert "term 'ordlista'" in text and "finns-inte.md" in text
    assert f"glossary.yml:{line_of(data, 'see: finns-inte.md')}:" in text


def test_writer_refuses_to_overwrite_a_hand_edited_glossary_fragment(tmp_path: Path) -> None:
    out = tmp_path / "out"
    found = glossary.fragments(FIXTURES / "valid.yml", tmp_path / "docs", out)
    out.mkdir()
    (out / "ordlista.sv.md").write_text("## Handskriven\n", encoding="utf-8")
    with pytest.raises(InputErrors) as caught:
        writer.write(found, tmp_path / "written.json", complete=False)
    assert any(e.path == out / "ordlista.sv.md" for e in caught.value.errors)
    assert (out / "ordlista.sv.md").read_text(encoding="utf-8") == "## Handskriven\n"
    assert not (out / "terms.sv.md").exists()
