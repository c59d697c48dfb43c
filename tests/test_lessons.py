"""The lessons: data/lessons.yml and the lesson pages -> checked quotes and the lesson fragments.

Every lesson page (docs/lardomar/<id>.md and <id>.en.md) is hand-written and includes fragments
under snippets/generated/lardomar/. These tests read fixtures through the functions' path
parameters and render into tmp_path: they never write into the real snippets/ or docs/.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scripts import fragments as writer
from scripts import lessons, reports
from scripts.errors import InputError, InputErrors
from scripts.fragments import Fragment
from scripts.paths import DATA, DOCS

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
PAGES = {
    ("kvallstid", "sv"): ("Träffas på kvällen", "Kvällsmöten lockar fler."),
    ("kvallstid", "en"): ("Meet in the evening", "Evening meetings draw more people."),
    ("nyhetsbrev", "sv"): ("Nyhetsbrev läses i telefonen", "De flesta läser nyhetsbrevet i telefonen."),
    ("nyhetsbrev", "en"): ("Newsletters are read on the phone", "Most members read the newsletter on their phone."),
}


def write_page(docs: Path, lesson_id: str, language: str, title: str, description: str) -> Path:
    path = lessons.page_path(docs, lesson_id, language)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\ntitle: {title}\ndescription: {description}\n---\n\n# {title}\n\n"
                    f'--8<-- "generated/lardomar/{lesson_id}.{language}.md"\n', encoding="utf-8")
    return path


@pytest.fixture
def site(tmp_path: Path) -> dict[str, Path]:
    """A tiny project: the fixture report, the fixture lessons, their pages and one guide."""
    reports_dir = tmp_path / "reports"
    shutil.copytree(FIXTURES / "reports", reports_dir)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "dialog.md").write_text(GUIDE, encoding="utf-8")
    (docs / "dialog.en.md").write_text(
        GUIDE.replace("## Vilken tid passar? {#tid}", "## What time suits? {#tid}")
        .replace("## Mat och fika på mötet", "## Food at the meeting"), encoding="utf-8")
    for (lesson_id, language), (title, description) in PAGES.items():
        write_page(docs, lesson_id, language, title, description)
    lessons_file = tmp_path / "lessons.yml"
    shutil.copy(FIXTURES / "lessons" / "valid.yml", lessons_file)
    return {"reports": reports_dir, "docs": docs, "lessons": lessons_file, "out": tmp_path / "out"}


def generate(site: dict[str, Path]) -> dict[str, str]:
    """The lesson fragments of the fixture project, by file name under lardomar/."""
    found = lessons.fragments(site["lessons"], site["reports"], site["docs"], site["out"])
    assert all(f.path.parent == site["out"] / "lardomar" for f in found)
    return {f.path.name: f.content.decode("utf-8") for f in found}


def errors_of(site: dict[str, Path]) -> list[InputError]:
    """Every problem that reading the fixture project reports (one for an unreadable file)."""
    with pytest.raises((InputError, InputErrors)) as caught:
        lessons.read(site["lessons"], site["reports"], site["docs"])
    error = caught.value
    return error.errors if isinstance(error, InputErrors) else [error]


def line_of(path: Path, text: str, occurrence: int = 1) -> int:
    """The line number of the `occurrence`-th line of `path` that contains `text`."""
    numbers = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line]
    return numbers[occurrence - 1]


def use_fixture(site: dict[str, Path], name: str) -> Path:
    shutil.copy(FIXTURES / "lessons" / name, site["lessons"])
    return site["lessons"]


# --- the real data -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("out")
    found = lessons.fragments(out_dir=out)  # reads data/ and docs/, writes nothing
    return {f.path.name: f.content.decode("utf-8") for f in found}


def test_every_agreed_lesson_has_both_pages_and_quote_fragments_in_both_languages(real: dict[str, str]) -> None:
    catalogue = lessons.read()
    assert AGREED_IDS <= {lesson.id for lesson in catalogue.lessons}
    for lesson_id in AGREED_IDS:
        assert lessons.page_path(DOCS, lesson_id, "sv").is_file()
        assert lessons.page_path(DOCS, lesson_id, "en").is_file()
        sv, en = real[f"{lesson_id}.sv.md"], real[f"{lesson_id}.en.md"]
        assert 'lang="sv"' not in sv and "Översättning" not in sv
        assert "Translation by this site" in en and 'lang="sv"' in en


def test_real_index_fragment_has_a_stable_anchor_per_lesson_and_a_heading_per_theme(real: dict[str, str]) -> None:
    for language in ("sv", "en"):
        index = real[f"index.{language}.md"]
        for lesson_id in AGREED_IDS:
            assert f"{{#{lesson_id}}}" in index
        assert "{#tema-kunskap}" in index and "{#tema-tider-och-plats}" in index


def test_lessons_index_page_includes_the_theme_and_audience_lists(real: dict[str, str]) -> None:
    for page, language in ((DOCS / "lardomar" / "index.md", "sv"), (DOCS / "lardomar" / "index.en.md", "en")):
        text = page.read_text(encoding="utf-8")
        assert "{#for-foreningar}" in text and "{#for-regioner}" in text
        for name in ("index", "teman", "for-foreningar", "for-regioner"):
            assert f'--8<-- "generated/lardomar/{name}.{language}.md"' in text
            assert f"{name}.{language}.md" in real


def test_report_fragments_show_goals_and_budget_in_swedish_format(tmp_path: Path) -> None:
    found = {f.path.relative_to(tmp_path).as_posix(): f.content.decode("utf-8")
             for f in reports.fragments(out_dir=tmp_path)}
    report_id = next(iter(reports.read()))
    goals = found[f"rapporter/{report_id}/mal.sv.md"]
    assert goals.count("\n| ") >= 5  # header + four goals
    budget = found[f"rapporter/{report_id}/budget.sv.md"]
    assert "225\u00a0000 kr" in budget and "237\u00a0134 kr" in budget


# --- fragments from the fixture project -------------------------------------------------------


def test_lesson_quote_is_marked_swedish_and_translated_only_on_the_english_page(site: dict[str, Path]) -> None:
    found = generate(site)
    sv, en = found["kvallstid.sv.md"], found["kvallstid.en.md"]
    assert "> Kvällsmöten lockade fler än dagmöten.\n" in sv
    assert 'lang="sv"' not in sv and "!!! quote" not in sv and "Evening meetings" not in sv
    assert '> Kvällsmöten lockade fler än dagmöten.\n> {: lang="sv" }\n' in en
    assert ('!!! quote "Translation by this site, not the report\'s own words"\n\n'
            "    Evening meetings drew more people than daytime meetings.\n") in en
    assert "— Testförbundet: *Slutrapport Testprojektet år 1*, 2020" in sv and "2020" in en


def test_source_table_names_report_section_and_paragraph_and_links_to_the_paragraph(site: dict[str, Path]) -> None:
    found = generate(site)
    sv, en = found["nyhetsbrev-kalla.sv.md"], found["nyhetsbrev-kalla.en.md"]
    assert "| Rapport | Avsnitt | Stycke |" in sv
    assert "| Slutrapport Testprojektet år 1 | Beskriv hur målet har uppnåtts. | 5 |" in sv
    assert "(../rapporten/testprojektet/text.md#mal-5)" in sv
    assert "| Report | Section | Paragraph |" in en
    assert "How the goal was reached (<span lang=\"sv\">Beskriv hur målet har uppnåtts.</span>) | 5 |" in en
    assert "(../rapporten/testprojektet/text.md#mal-5)" in en
    assert "text.md#mal-3)" in found["kvallstid-kalla.sv.md"]


def test_about_fragment_names_audience_and_links_the_theme_on_the_index(site: dict[str, Path]) -> None:
    found = generate(site)
    assert found["kvallstid-om.sv.md"] == "- För: regioner. Ämne: [Tid och plats](index.md#tema-tider-och-plats).\n"
    assert found["nyhetsbrev-om.en.md"] == "- For: associations. Theme: [Reaching people](index.md#tema-att-na-ut).\n"


def test_applied_in_lists_the_citing_guide_section_in_the_same_language(site: dict[str, Path]) -> None:
    found = generate(site)
    sv, en = found["kvallstid-anvands.sv.md"], found["kvallstid-anvands.en.md"]
    assert "- [Dialog som fungerar: Vilken tid passar?](../dialog.md#tid)\n" in sv
    assert "- [Dialog som fungerar: What time suits?](../dialog.md#tid)\n" in en
    assert "What time suits" not in sv
    # The anchor of a heading without an explicit id is the slug MkDocs makes.
    assert "(../dialog.md#mat-och-fika-pa-motet)" in found["nyhetsbrev-anvands.sv.md"]


def test_applied_in_shows_the_none_yet_label_when_no_guide_cites_the_lesson(site: dict[str, Path]) -> None:
    (site["docs"] / "dialog.en.md").unlink()
    found = generate(site)
    assert "No guide cites this lesson yet." in found["kvallstid-anvands.en.md"]
    assert "Ingen guide" not in found["kvallstid-anvands.sv.md"]
    assert "(../dialog.md#tid)" in found["kvallstid-anvands.sv.md"]


def test_applied_in_follows_an_edited_guide_heading_and_a_new_citation(site: dict[str, Path]) -> None:
    guide = site["docs"] / "dialog.md"
    guide.write_text(GUIDE.replace("## Vilken tid passar? {#tid}", "## När passar det bäst?")
                     + "\n## Fler tips\n\nSe också [Lärdom: kvällsmöten](lardomar/kvallstid.md).\n",
                     encoding="utf-8")
    sv = generate(site)["kvallstid-anvands.sv.md"]
    assert "- [Dialog som fungerar: När passar det bäst?](../dialog.md#nar-passar-det-bast)\n" in sv
    assert "- [Dialog som fungerar: Fler tips](../dialog.md#fler-tips)\n" in sv
    assert "(../dialog.md#tid)" not in sv


def test_index_fragment_groups_by_theme_with_a_stable_anchor_and_the_page_title_per_lesson(
    site: dict[str, Path],
) -> None:
    found = generate(site)
    sv, en = found["index.sv.md"], found["index.en.md"]
    assert sv.index("## Tid och plats {#tema-tider-och-plats}") < sv.index("### Träffas på kvällen {#kvallstid}")
    assert sv.index("### Träffas på kvällen {#kvallstid}") < sv.index("## Att nå ut {#tema-att-na-ut}")
    assert sv.index("## Att nå ut {#tema-att-na-ut}") < sv.index("### Nyhetsbrev läses i telefonen {#nyhetsbrev}")
    assert "Kvällsmöten lockar fler." in sv and "[Läs lärdomen: Träffas på kvällen](kvallstid.md)" in sv
    assert "### Meet in the evening {#kvallstid}" in en and "## Reaching people {#tema-att-na-ut}" in en
    assert found["teman.sv.md"] == "[Tid och plats](#tema-tider-och-plats) · [Att nå ut](#tema-att-na-ut)\n"


def test_audience_lists_hold_the_lessons_for_each_audience(site: dict[str, Path]) -> None:
    found = generate(site)
    assert "- [Nyhetsbrev läses i telefonen](nyhetsbrev.md) (att nå ut)" in found["for-foreningar.sv.md"]
    assert "kvallstid" not in found["for-foreningar.sv.md"]
    assert "- [Meet in the evening](kvallstid.md) (time and place)" in found["for-regioner.en.md"]
    assert "nyhetsbrev" not in found["for-regioner.en.md"]


def test_audience_lists_include_lessons_for_both_and_say_so_when_empty(site: dict[str, Path]) -> None:
    text = site["lessons"].read_text(encoding="utf-8")
    site["lessons"].write_text(text.replace("audience: foreningar", "audience: bada"), encoding="utf-8")
    found = generate(site)
    assert "nyhetsbrev.md" in found["for-foreningar.sv.md"] and "nyhetsbrev.md" in found["for-regioner.sv.md"]
    site["lessons"].write_text(text.replace("audience: foreningar", "audience: regioner"), encoding="utf-8")
    found = generate(site)
    assert "Inga lärdomar ännu." in found["for-foreningar.sv.md"]
    assert "No lessons yet." in found["for-foreningar.en.md"]


def test_every_lesson_gets_its_four_fragments_in_both_languages_plus_the_index_lists(site: dict[str, Path]) -> None:
    names = set(generate(site))
    for lesson_id in ("kvallstid", "nyhetsbrev"):
        for language in ("sv", "en"):
            assert {f"{lesson_id}.{language}.md", f"{lesson_id}-om.{language}.md",
                    f"{lesson_id}-kalla.{language}.md", f"{lesson_id}-anvands.{language}.md"} <= names
    for language in ("sv", "en"):
        assert {f"{n}.{language}.md" for n in ("index", "teman", "for-foreningar", "for-regioner")} <= names


def test_second_report_needs_no_code_change(site: dict[str, Path]) -> None:
    # The real report beside the fixture one: both get fragments, and lessons may quote either.
    for path in (DATA / "reports").glob("*"):
        shutil.copy(path, site["reports"])
    real_id = next(iter(reports.read(DATA / "reports")))
    found = {f.path.relative_to(site["out"]).as_posix(): f.content.decode("utf-8")
             for f in reports.fragments(site["reports"], site["out"])}
    assert "105\u00a0500 kr" in found["rapporter/testprojektet-ar-1/budget.sv.md"]
    assert "225\u00a0000 kr" in found[f"rapporter/{real_id}/budget.sv.md"]
    mat = next(l for l in lessons.read().lessons if l.id == "mat")
    with site["lessons"].open("a", encoding="utf-8") as handle:
        handle.write(f"\n  - id: mat\n    theme: tider-och-plats\n    audience: regioner\n"
                     f"    report: {real_id}\n    quote: >-\n      {mat.quote}\n"
                     f"    translation: >-\n      {mat.translation}\n")
    write_page(site["docs"], "mat", "sv", "Bjud på mat", "Mat lockar.")
    write_page(site["docs"], "mat", "en", "Offer food", "Food draws people.")
    lesson_fragments = generate(site)
    assert "Testförbundet" in lesson_fragments["kvallstid.sv.md"]
    assert "Testförbundet" not in lesson_fragments["mat.sv.md"]
    assert "Slutrapport Testprojektet år 1" in lesson_fragments["nyhetsbrev-kalla.sv.md"]
    assert "Redovisning En starkare regional närvaro år 2" in lesson_fragments["mat-kalla.sv.md"]


# --- errors: every problem with its file and line ---------------------------------------------


def test_drifted_quote_fails_naming_the_lesson_and_line_and_showing_the_closest_passage(
    site: dict[str, Path],
) -> None:
    path = use_fixture(site, "drifted-quote.yml")
    [error] = errors_of(site)
    text = str(error)
    assert error.path == path and error.line == line_of(path, "quote:", 2)
    assert f"lessons.yml:{error.line}:" in text and "lesson 'nyhetsbrev'" in text
    assert "Closest passage" in text and "testprojektet-ar-1.txt:" in text
    assert "läste dem i telefonen" in text and "'på' where the report has 'i'" in text
    assert "What to do:" in text


@pytest.mark.parametrize(
    ("fixture", "line_text", "occurrence", "words"),
    [
        ("duplicate-id.yml", "- id: kvallstid", 2, ["lesson 'kvallstid'", "used twice (first on line 10)"]),
        ("unknown-audience.yml", "audience: alla", 1, ["lesson 'nyhetsbrev'", "unknown audience 'alla'",
                                                        "foreningar, regioner, bada"]),
        ("unknown-theme.yml", "theme: pengar", 1, ["lesson 'nyhetsbrev'", "unknown theme 'pengar'",
                                                    "tider-och-plats, att-na-ut"]),
        ("missing-translation.yml", "- id: nyhetsbrev", 1, ["lesson 'nyhetsbrev'", "translation",
                                                             "missing or empty"]),
        ("malformed.yml", "translation: Evening meetings:", 1, ["not valid YAML"]),
        ("duplicate-key.yml", "quote: >-", 1, ["the key 'quote' is written twice"]),
    ],
)
def test_bad_lessons_file_fails_with_file_line_and_what_to_do_and_renders_nothing(
    site: dict[str, Path], fixture: str, line_text: str, occurrence: int, words: list[str]
) -> None:
    path = use_fixture(site, fixture)
    [error] = errors_of(site)
    expected_line = line_of(path, line_text, occurrence)
    assert error.path == path and error.line == expected_line
    text = str(error)
    assert f"lessons.yml:{expected_line}: " in text
    for word in words:
        assert word in text
    assert "What to do:" in text
    with pytest.raises((InputError, InputErrors)):
        lessons.fragments(site["lessons"], site["reports"], site["docs"], site["out"])
    assert not site["out"].exists()


def test_all_problems_are_reported_at_once_two_bad_lessons_give_two_errors(site: dict[str, Path]) -> None:
    path = use_fixture(site, "two-bad-lessons.yml")
    errors = errors_of(site)
    assert len(errors) == 2
    audience, quote = errors
    assert "lesson 'kvallstid'" in str(audience) and "unknown audience 'alla'" in str(audience)
    assert audience.line == line_of(path, "audience: alla")
    assert "lesson 'nyhetsbrev'" in str(quote) and "Closest passage" in str(quote)
    assert quote.line == line_of(path, "quote:", 2)


def test_missing_report_file_fails_naming_the_file(site: dict[str, Path]) -> None:
    (site["reports"] / "testprojektet-ar-1.txt").unlink()
    errors = errors_of(site)
    assert any("testprojektet-ar-1.txt" in str(e) and "the report text file does not exist" in str(e)
               for e in errors), [str(e) for e in errors]


def test_budget_that_does_not_add_up_fails_with_the_report_line(site: dict[str, Path]) -> None:
    text = site["reports"] / "testprojektet-ar-1.txt"
    text.write_bytes(text.read_bytes().replace(b"Resor 60 000 kr", b"Resor 61 000 kr"))
    errors = errors_of(site)
    assert any("testprojektet-ar-1.txt:34:" in str(e) and "do not add up" in str(e) for e in errors), \
        [str(e) for e in errors]


def test_guide_citing_an_unknown_lesson_fails_naming_the_guide_and_line(site: dict[str, Path]) -> None:
    guide = site["docs"] / "dialog.md"
    guide.write_text(GUIDE + "\nSe [Lärdom](lardomar/finns-inte.md).\n", encoding="utf-8")
    with pytest.raises((InputError, InputErrors)) as caught:
        lessons.fragments(site["lessons"], site["reports"], site["docs"], site["out"])
    error = caught.value
    errors = error.errors if isinstance(error, InputErrors) else [error]
    [problem] = [e for e in errors if "finns-inte" in str(e)]
    assert problem.path == guide and problem.line == line_of(guide, "finns-inte.md")
    assert f"dialog.md:{problem.line}:" in str(problem) and "'finns-inte'" in str(problem)
    assert "What to do:" in str(problem)
    assert not site["out"].exists()


def test_lesson_without_its_pages_fails_at_its_line_and_says_which_page_to_create(site: dict[str, Path]) -> None:
    lessons.page_path(site["docs"], "nyhetsbrev", "en").unlink()
    errors = errors_of(site)
    assert len(errors) == 1
    [error] = errors
    assert error.path == site["lessons"] and error.line == line_of(site["lessons"], "- id: nyhetsbrev")
    text = str(error)
    assert f"lessons.yml:{error.line}:" in text and "lesson 'nyhetsbrev' has no page" in text
    assert "create " in text and "lardomar/nyhetsbrev.en.md" in text


def test_lesson_without_either_page_reports_both_missing_pages(site: dict[str, Path]) -> None:
    for language in ("sv", "en"):
        lessons.page_path(site["docs"], "kvallstid", language).unlink()
    messages = [str(e) for e in errors_of(site)]
    assert len(messages) == 2
    assert any("lardomar/kvallstid.md" in m for m in messages)
    assert any("lardomar/kvallstid.en.md" in m for m in messages)


def test_lesson_page_without_a_lesson_fails_naming_the_page(site: dict[str, Path]) -> None:
    stray = write_page(site["docs"], "gammal-lardom", "sv", "Gammal", "Borttagen lärdom.")
    [error] = errors_of(site)
    assert error.path == stray and "gammal-lardom.md" in str(error)
    assert "has no lesson 'gammal-lardom'" in str(error) and "What to do:" in str(error)


def test_lesson_page_without_title_or_description_fails_naming_the_page(site: dict[str, Path]) -> None:
    page = lessons.page_path(site["docs"], "kvallstid", "en")
    page.write_text("---\ntitle: Meet in the evening\n---\n\n# Meet\n", encoding="utf-8")
    [error] = errors_of(site)
    assert error.path == page and "'title:' and 'description:'" in str(error)


def test_hand_edited_fragment_in_the_way_is_never_overwritten(site: dict[str, Path], tmp_path: Path) -> None:
    found = lessons.fragments(site["lessons"], site["reports"], site["docs"], site["out"])
    manifest = tmp_path / "written.json"
    mine = site["out"] / "lardomar" / "kvallstid.sv.md"
    mine.parent.mkdir(parents=True)
    mine.write_text("> Mitt eget citat.\n", encoding="utf-8")
    with pytest.raises(InputErrors) as caught:
        writer.write(found, manifest, complete=False)
    assert any(e.path == mine and "nothing was written" in str(e) for e in caught.value.errors)
    assert mine.read_text(encoding="utf-8") == "> Mitt eget citat.\n"
    assert sorted(p.name for p in site["out"].rglob("*")) == ["kvallstid.sv.md", "lardomar"]
    assert not manifest.exists()


def test_fragments_are_written_under_the_given_out_dir_only(site: dict[str, Path], tmp_path: Path) -> None:
    found: list[Fragment] = lessons.fragments(site["lessons"], site["reports"], site["docs"], site["out"])
    writer.write(found, tmp_path / "written.json", complete=False)
    written = {p for p in site["out"].rglob("*.md")}
    assert written == {f.path for f in found}
    assert (site["out"] / "lardomar" / "kvallstid.en.md").read_bytes() == next(
        f.content for f in found if f.path.name == "kvallstid.en.md")


# --- quotes of the report on hand-written guides ------------------------------------------------


GUIDE_WITH_QUOTE = """---
title: Dialog
description: En guide.
---

# Dialog

> Det mesta arbetet sker ideellt inom civilsamhället, så det betyder att möten förlagda under dagtid gör att många inte kan delta även om de skulle vilja.
>
> Projektledaren i *Redovisning En starkare regional närvaro år 2*, Ax, 2018

> Ett citat som bara är webbplatsens eget.
>
> Någon annan
"""


def test_a_guide_quote_that_drifted_from_the_report_fails_with_file_and_line(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    guide = docs / "dialog.md"
    guide.write_text(GUIDE_WITH_QUOTE, encoding="utf-8")
    real = reports.read(DATA / "reports")
    assert reports.check_page_quotes(real, docs) == []  # the verbatim quote passes; the other names no report
    guide.write_text(GUIDE_WITH_QUOTE.replace("under dagtid", "på dagtid"), encoding="utf-8")
    [error] = reports.check_page_quotes(real, docs)
    message = str(error)
    assert message.startswith(f"{guide}:8: the quote is not in data/reports/")
    assert "the quote has 'på' where the report has 'under'" in message


def test_every_quote_of_the_report_on_the_real_pages_is_checked_and_matches() -> None:
    real = reports.read(DATA / "reports")
    titles = [r.meta.title for r in real.values()]
    quoted = [q for page in sorted(DOCS.rglob("*.md")) for q in reports.page_quotes(page)
              if any(title in q.attribution for title in titles)]
    assert len(quoted) >= 12  # the premise: the guides quote the report
    assert reports.check_page_quotes(real, DOCS) == []
