"""The responsibility lookup: data/responsibilities.yml and the fragments rendered from it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from scripts import responsibilities
from scripts import fragments
from scripts.errors import InputError, InputErrors
from scripts.paths import DATA, DOCS
from tests.sitebuild import BuiltSite

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


def test_a_task_the_municipality_chooses_without_the_local_government_act_fails_with_its_line(
    tmp_path: Path,
) -> None:
    data = tmp_path / "choice.yml"
    text = (FIXTURES / "valid.yml").read_text(encoding="utf-8")
    assert "sv: Kommunallagen (2017:725) 2 kap. 1 §." in text  # the premise
    data.write_text(text.replace("sv: Kommunallagen (2017:725) 2 kap. 1 §.", "sv: Kommunen bestämmer."),
                    encoding="utf-8")
    code, err = write(data, tmp_path / "out")
    assert code == 1
    assert "choice.yml:6:" in err and "must name kommunallagen (2017:725) 2 kap. 1 §" in err


def test_valid_fixture_writes_both_fragments_with_labels_from_the_labels_file(tmp_path: Path) -> None:
    code, err = write(FIXTURES / "valid.yml", tmp_path)
    assert code == 0, err
    sv = (tmp_path / "ansvar.sv.md").read_text(encoding="utf-8")
    assert sv.startswith("<!-- GENERATED")
    assert "#### Kulturskola {#kulturskola}" in sv
    assert ":   Kommunen. Ingen lag kräver det – kommunen väljer själv. [Vad betyder orden?](#ord)" in sv
    en = (tmp_path / "ansvar.en.md").read_text(encoding="utf-8")
    assert ":   Municipality. No law requires it – the municipality decides for itself. " \
        "[What do these words mean?](#ord)" in en


def test_the_answer_comes_first_and_the_law_and_sources_fold_away(tmp_path: Path) -> None:
    lookup = responsibilities.read(DATA / "responsibilities.yml")
    text = responsibilities.render_lookup(lookup, "sv")
    entry = text[text.index("{#kulturskola}"):text.index("{#foreningsbidrag-kommun}")]
    who, ask, details = entry.index("Vem ansvarar?"), entry.index("Be om"), entry.index('??? note "Lag och källor"')
    assert who < ask < details
    assert entry.index("Kommunallagen (2017:725)") > details  # the law is inside the fold
    assert entry.index("Källor: [") > details


def test_shared_entry_says_where_each_levels_duty_comes_from() -> None:
    lookup = responsibilities.read(DATA / "responsibilities.yml")
    studieforbund = responsibilities.ids(lookup)["studieforbund"]
    assert responsibilities.who_text(studieforbund, "sv") == (
        "Staten. Regeringens regler (en förordning) kräver det. Regionen. Ingen lag kräver det – regionen "
        "väljer själv. Kommunen. Ingen lag kräver det – kommunen väljer själv."
    )
    assert responsibilities.who_text(studieforbund, "en") == (
        "State. Required by an ordinance (förordning), rules set by the government. Region. No law requires "
        "it – the region decides for itself. Municipality. No law requires it – the municipality decides for itself."
    )


def test_no_law_requires_a_region_to_join_the_model() -> None:
    """Lag 2010:1919 only sets the condition (a kulturplan) for distributing the state grant."""
    entries = responsibilities.ids(responsibilities.read(DATA / "responsibilities.yml"))
    assert entries["kulturplanen"].duties == (("region", "valjer-sjalv"),)
    assert dict(entries["statsbidrag"].duties)["region"] == "valjer-sjalv"
    for entry_id in ("kulturplanen", "statsbidrag"):
        assert "Ingen lag kräver att regionen är med i modellen." in entries[entry_id].legal_basis["sv"]
        assert "(lag 2010:1919)" in entries[entry_id].legal_basis["sv"]


def test_the_jump_list_is_grouped_by_topic_with_every_entry_once() -> None:
    lookup = responsibilities.read(DATA / "responsibilities.yml")
    text = responsibilities.render_lookup(lookup, "sv")
    jump = text[text.index("**Hoppa till:**"):text.index("### ")]
    assert "- Lokaler och hus: [Samlingslokaler och lokalstöd](#samlingslokaler)" in jump
    assert "Kommunen ansvarar" not in jump and "(#niva-" not in jump
    linked = re.findall(r"\]\(#([a-z0-9-]+)\)", jump)
    assert sorted(linked) == sorted(e.id for e in lookup.entries)


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ("    topic: bidrag\n", ["valid.yml:2:", "the field 'topic' is missing"]),
        ("    topic: socken\n", ["valid.yml:16:", "unknown topic 'socken'", "lokaler, barn-och-unga"]),
    ],
)
def test_a_missing_or_unknown_topic_fails_with_its_line(tmp_path: Path, change: str, words: list[str]) -> None:
    data = tmp_path / "valid.yml"
    text = (FIXTURES / "valid.yml").read_text(encoding="utf-8")
    assert "    topic: bidrag\n" in text  # the premise
    replacement = "" if "bidrag" in change else change
    data.write_text(text.replace("    topic: bidrag\n", replacement), encoding="utf-8")
    code, err = write(data, tmp_path / "out")
    assert code == 1
    for word in words:
        assert word in err


def test_the_old_words_for_duties_are_gone_from_the_lookup_and_its_pages() -> None:
    """'Frivillig' meant 'no law requires it', on a site for volunteers (frivilliga)."""
    lookup = responsibilities.read(DATA / "responsibilities.yml")
    texts = {
        "the lookup (sv)": responsibilities.render_lookup(lookup, "sv"),
        "docs/ansvar.md": (DOCS / "ansvar.md").read_text(encoding="utf-8"),
        "docs/vem-ska-vi-fraga.md": (DOCS / "vem-ska-vi-fraga.md").read_text(encoding="utf-8"),
    }
    for where, text in texts.items():
        found = re.findall(r"\b(?:frivillig\w*|obligatorisk\w*|tvingande)\b", text, flags=re.I)
        assert not found, f"{where} still says {found}"
    english = responsibilities.render_lookup(lookup, "en") + (DOCS / "ansvar.en.md").read_text(encoding="utf-8")
    assert not re.findall(r"\b(?:voluntar\w*|mandatory)\b", english, flags=re.I)


@pytest.mark.parametrize(
    ("fixture", "line", "words"),
    [
        ("missing-level.yml", 17, ["entry 'utan-niva'", "'level' is missing"]),
        ("missing-legal-basis.yml", 17, ["entry 'utan-lag'", "'legal_basis' is missing"]),
        ("unknown-level.yml", 19, ["entry 'okand-niva'", "unknown level 'landsting'",
                                   "use one of kommun, region, stat, delat"]),
        ("unknown-duty.yml", 20, ["entry 'okand-plikt'", "unknown duty 'frivillig'",
                                  "lagkrav, forordning, statens-uppgift, valjer-sjalv"]),
        ("duty-wrong-level.yml", 20, ["entry 'staten-valjer'", "'valjer-sjalv' does not fit the level 'stat'",
                                      "lagkrav, forordning, statens-uppgift"]),
        ("old-obligation-field.yml", 20, ["entry 'gammalt-falt'", "unknown field 'obligation'",
                                          "rename it 'duty'"]),
        ("duplicate-id.yml", 17, ["entry 'kulturskola'", "used twice"]),
        ("missing-english.yml", 11, ["entry 'utan-engelska'", "English text of 'contact'"]),
        ("malformed.yml", 18, ["not valid YAML"]),
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


# Every anchor /ansvar/ had when the lookup was split from the explainer (November 2026): the 25
# entries, the level groups and the moved explainer's sections. Regions print these addresses.
PUBLISHED_ANCHORS = (
    "folkbibliotek", "skolbibliotek", "kulturskola", "foreningsbidrag-kommun", "samlingslokaler",
    "kultur-i-kommunen", "kulturplanen", "samrad", "regional-biblioteksverksamhet",
    "foreningsbidrag-region", "lansmuseum", "teater-dans-musik", "konsulenter", "hemslojd", "arkiv",
    "film", "bild-och-form", "kulturmiljo", "kulturradet", "statsbidrag", "biblioteksplan",
    "las-och-litteratur", "museer", "studieforbund", "folkhogskolor",
    "niva-kommun", "niva-region", "niva-stat", "niva-delat",
    "varfor", "tumregler", "exempel", "samlingslokal", "vem-betalar-kulturskolan", "dansforestallning",
    "konsulent", "vem-ager-lansmuseet", "bibliotek", "folkbildning", "uppslag", "kallor",
)


@pytest.mark.parametrize("page", ["ansvar/index.html", "en/ansvar/index.html"])
def test_every_published_anchor_of_the_lookup_still_lands_on_the_page(built_site: BuiltSite, page: str) -> None:
    html = (built_site.site_dir / page).read_text(encoding="utf-8")
    present = set(re.findall(r'\bid="([^"]+)"', html))
    missing = [anchor for anchor in PUBLISHED_ANCHORS if anchor not in present]
    assert not missing, f"{page}: published anchors gone: {missing}"


def test_the_old_example_anchors_land_on_the_entry_that_answers_them() -> None:
    text = responsibilities.render_lookup(responsibilities.read(DATA / "responsibilities.yml"), "sv")
    assert '#### <span id="vem-betalar-kulturskolan"></span>Kulturskola {#kulturskola}' in text
    assert '<span id="vem-ager-lansmuseet"></span>Länsmuseum {#lansmuseum}' in text
