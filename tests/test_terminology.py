"""One English term per concept: data/glossary.yml's forms to avoid, found in English text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scripts import glossary, terminology
from scripts.errors import InputErrors

FIXTURES = Path(__file__).parent / "fixtures" / "terminology"


def test_no_english_page_or_data_file_uses_a_form_to_avoid() -> None:
    found = terminology.check()
    assert not found, "\n".join(map(str, found))


def test_the_decided_terms_are_in_the_glossary_with_their_forms_to_avoid() -> None:
    terms = {term.id: term for term in glossary.read().terms}
    decided = {
        "samrad": "consultation", "remiss": "formal consultation on the draft",
        "konsulent": "regional arts development officer", "hemslojd": "crafts",
        "studieforbund": "study association", "folkbildning": "popular education",
        "bibliotekslagen": "Library Act", "museilagen": "Museums Act", "arkivlagen": "Archives Act",
        "kulturmiljolagen": "Historic Environment Act", "kommunallagen": "Local Government Act",
        "minoritetslagen": "Act on National Minorities and Minority Languages",
        "plan-och-bygglagen": "Planning and Building Act", "skollagen": "Education Act",
        "forordning": "ordinance", "kronor": "SEK", "lansstyrelse": "County Administrative Board",
    }
    assert {key: terms[key].term["en"] for key in decided} == decided
    assert "consultant" in terms["konsulent"].avoid
    assert "Libraries Act" in terms["bibliotekslagen"].avoid
    assert "adult education association" in terms["studieforbund"].avoid
    assert {"home crafts", "homecraft"} <= set(terms["hemslojd"].avoid)
    assert "consultation on a draft" in terms["remiss"].avoid


def make_site(tmp_path: Path, page_text: str, data_text: str = "") -> tuple[Path, Path, Path]:
    docs, data = tmp_path / "docs", tmp_path / "data"
    (docs / "sub").mkdir(parents=True)
    data.mkdir()
    shutil.copy(FIXTURES / "glossary.yml", data / "glossary.yml")
    (docs / "sub" / "guide.en.md").write_text(page_text, encoding="utf-8")
    (docs / "sub" / "guide.md").write_text("En konsulent kostar 100 kronor.\n", encoding="utf-8")
    if data_text:
        (data / "things.yml").write_text(data_text, encoding="utf-8")
    return docs, data, data / "glossary.yml"


def test_a_form_to_avoid_on_an_english_page_names_file_line_and_preferred_term(tmp_path: Path) -> None:
    docs, data, terms = make_site(tmp_path, "---\ntitle: Guide\n---\n\nAsk the *Consultant* about it.\n"
                                  "```\nconsultant in code is fine\n```\n> a quote with kronor is fine\n"
                                  "It cost 500 SEK.\n")
    found = terminology.check(docs, data, terms)
    messages = [str(error) for error in found]
    assert len(found) == 2, messages
    assert messages[0].startswith(f"{docs / 'sub' / 'guide.en.md'}:5: 'Consultant' is a form to avoid"), messages
    assert "'regional arts development officer' (konsulent)" in messages[0]
    assert f"guide.en.md:10: '0 SEK'" in messages[1] and "'SEK' (kronor)" in messages[1]


def test_a_form_to_avoid_in_english_data_text_names_file_and_line(tmp_path: Path) -> None:
    docs, data, terms = make_site(tmp_path, "Fine.\n", "items:\n  - name: {sv: Konsulent, en: Fine}\n"
                                  "    text:\n      sv: En konsulent.\n      en: >\n        The dance\n"
                                  "        consultant works here.\n")
    [error] = terminology.check(docs, data, terms)
    assert f"{data / 'things.yml'}:7: 'consultant' is a form to avoid" in str(error)


def test_a_form_to_avoid_listed_under_two_terms_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "glossary.yml"
    shutil.copy(FIXTURES / "avoided-twice.yml", path)
    with pytest.raises(InputErrors) as caught:
        glossary.read(path, tmp_path)
    [error] = caught.value.errors
    assert f"{path}:12:" in str(error)
    assert "'consultant' is already listed by term 'konsulent' (line 5)" in str(error)
