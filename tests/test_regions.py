"""Hitta din region: data/regions.yml, SCB's municipality list and the directory rendered from them."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest

from scripts import regions, sources
from scripts.errors import InputError, InputErrors
from scripts.paths import DATA, DOCS

GATHERED = datetime.date(2026, 11, 27)
REAL = DATA / "regions.yml"
CSV = DATA / "kommuner-och-lan.csv"


@pytest.fixture(scope="module")
def directory() -> regions.Directory:
    return regions.read()


def section(text: str, region_id: str) -> str:
    """One region's part of a rendered fragment: from its heading to the next one."""
    match = re.search(rf"^## .+ \{{#{region_id}\}}$(.*?)(?=^## |\Z)", text, flags=re.M | re.S)
    assert match, f"no section #{region_id}"
    return match.group(1)


def municipalities_in(part: str) -> list[str]:
    return re.findall(r"^- (.+ kommun)$", part, flags=re.M)


def problems(data: Path, csv: Path = CSV) -> str:
    with pytest.raises(InputErrors) as raised:
        regions.read(data, csv)
    return "\n".join(str(error) for error in raised.value.errors)


def changed(tmp_path: Path, old: str, new: str, source: Path = REAL, name: str = "regions.yml") -> tuple[Path, int]:
    """A copy of a real data file with one change; the line the change is on."""
    text = source.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"the premise: {old!r} occurs once in {source.name}"
    line = text[: text.index(old)].count("\n") + 1
    path = tmp_path / name
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path, line


# --- the real data ---------------------------------------------------------------------------


def test_all_21_regions_are_listed_with_290_municipalities_each_under_exactly_one(directory) -> None:
    assert len(directory.regions) == 21
    assert len(directory.counties) == 21
    text = regions.render_directory(directory, "sv", GATHERED)
    listed = [m for region in directory.regions for m in municipalities_in(section(text, region.id))]
    assert len(listed) == 290
    assert len(set(listed)) == 290


def test_ludvika_is_under_dalarna_and_gotland_is_its_own_single_municipality(directory) -> None:
    text = regions.render_directory(directory, "sv", GATHERED)
    assert "Ludvika kommun" in municipalities_in(section(text, "dalarna"))
    assert all("Ludvika kommun" not in municipalities_in(section(text, r.id))
               for r in directory.regions if r.id != "dalarna")
    gotland = section(text, "gotland")
    assert municipalities_in(gotland) == ["Gotlands kommun"]
    assert "Region Gotland är både kommun och region." in gotland


def test_stockholm_is_marked_as_outside_the_model_with_a_link_and_no_period(directory) -> None:
    stockholm = next(r for r in directory.regions if r.id == "stockholm")
    assert stockholm.status == "not-in-the-model" and stockholm.period is None
    for language in ("sv", "en"):
        part = section(regions.render_directory(directory, language, GATHERED), "stockholm")
        assert directory.texts["not_in_the_model"][language] in part
        assert f"]({directory.sources[stockholm.source].address})" in part
        for key in ("ended", "ends_this_year"):
            assert directory.texts[key][language] not in part


def test_every_entry_links_its_page_through_the_sources_registry(directory) -> None:
    registry = sources.load_registry()
    text = regions.render_directory(directory, "en", GATHERED)
    linked = set(re.findall(r"\]\((https?://[^)]+)\)", text))
    assert linked == {registry[r.source].address for r in directory.regions}
    for region in directory.regions:
        assert registry[region.source].kind == "region"
        assert f"]({registry[region.source].address}) (in Swedish)" in section(text, region.id)


def test_every_entry_gives_the_gathered_date_of_the_stored_copy(directory) -> None:
    dates = {"sv": "(sparad kopia, 27 november 2026)", "en": "(a stored copy, 27 November 2026)"}
    for language in ("sv", "en"):
        text = regions.render_directory(directory, language, GATHERED)
        for region in directory.regions:
            part = section(text, region.id)
            assert dates[language] in part
            # "Check the region's page" is said once, in the summary, not in every entry.
            assert "kolla alltid" not in part.lower() and "always check" not in part.lower()


def test_the_summary_says_once_that_the_data_come_from_stored_copies_and_to_check_the_region() -> None:
    for page, words in (("regioner.md", ("sparad kopia", "kolla alltid regionens egen sida")),
                        ("regioner.en.md", ("stored copy", "always check the region's own page"))):
        text = (DOCS / page).read_text(encoding="utf-8").lower()
        assert all(text.count(word) == 1 for word in words), page
        assert "stod på regionens webbplats" not in text


def test_a_line_of_links_to_every_region_comes_first(directory) -> None:
    text = regions.render_directory(directory, "sv", GATHERED)
    first = text.split("\n", 1)[0]
    assert first.startswith("**Hoppa till:** [Blekinge](#blekinge), ")
    assert re.findall(r"\(#([a-z-]+)\)", first) == [r.id for r in directory.regions]
    assert first.index("(#ostergotland)") > first.index("(#orebro)")


def test_sources_that_regions_read_in_stored_copies_are_marked_unchecked(directory) -> None:
    registry = sources.load_registry()
    # Nobody has looked at the live pages: the plan data come from stored copies.
    assert [r.source for r in directory.regions if registry[r.source].checked is not None] == []


def test_on_the_gathered_date_four_periods_have_ended_and_eight_end_that_year(directory) -> None:
    states = {r.id: regions.state(r, GATHERED) for r in directory.regions}
    assert sorted(r for r, s in states.items() if s == "ended") == ["blekinge", "halland", "jonkoping", "kronoberg"]
    assert sum(s == "ends_this_year" for s in states.values()) == 8
    assert sum(s == "running" for s in states.values()) == 8
    assert states["varmland"] == "ends_this_year"  # 2022–2025, "gäller till och med 2026"


def test_every_kulturplan_page_in_the_registry_belongs_to_exactly_one_region(directory) -> None:
    registry = sources.load_registry()
    pages = {key for key in registry if key.startswith("region-") and key.endswith("-kulturplan")}
    linked = [r.source for r in directory.regions]
    assert sorted(linked) == sorted(pages)


# --- ended is worked out from the date, never stored -----------------------------------------


def test_kronoberg_2022_2024_has_ended_on_the_gathered_date_but_not_in_2024(directory) -> None:
    kronoberg = next(r for r in directory.regions if r.id == "kronoberg")
    assert (kronoberg.period.start, kronoberg.period.end) == (2022, 2024)
    ended = "Planen gällde till och med 2024. Fråga regionen vilken plan som gäller nu."
    assert ended in section(regions.render_directory(directory, "sv", GATHERED), "kronoberg")
    assert ended not in section(regions.render_directory(directory, "sv", datetime.date(2024, 6, 1)), "kronoberg")


def test_a_plan_ending_2027_has_not_ended_in_2026_but_has_in_2028(directory) -> None:
    jamtland = next(r for r in directory.regions if r.id == "jamtland-harjedalen")
    assert jamtland.period.end == 2027
    assert regions.state(jamtland, GATHERED) == "running"
    assert regions.state(jamtland, datetime.date(2027, 1, 1)) == "ends_this_year"
    assert regions.state(jamtland, datetime.date(2028, 1, 1)) == "ended"
    en = regions.render_directory(directory, "en", GATHERED)
    assert "The plan runs until the end of 2027." in section(en, "jamtland-harjedalen")


def test_a_period_ending_this_year_says_so(directory) -> None:
    part = section(regions.render_directory(directory, "sv", GATHERED), "dalarna")
    assert "Planen gäller till och med i år, 2026. Arbetet med nästa plan kan ha börjat" in part


def test_an_extension_counts_as_the_period_s_end(directory) -> None:
    varmland = next(r for r in directory.regions if r.id == "varmland")
    assert (varmland.status, varmland.period.end, varmland.extended_to) == ("extended", 2025, 2026)
    assert regions.state(varmland, datetime.date(2027, 1, 1)) == "ended"
    part = section(regions.render_directory(directory, "sv", GATHERED), "varmland")
    # The last year is said once, not twice.
    assert part.count("2026.") == 1 and "Planen gäller till och med i år, 2026." in part


def test_the_build_takes_today_from_site_today(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(regions.TODAY_VARIABLE, "2024-06-01")
    early = {f.path.name: f.content.decode() for f in regions.fragments(out_dir=tmp_path)}
    monkeypatch.setenv(regions.TODAY_VARIABLE, "2026-11-27")
    late = {f.path.name: f.content.decode() for f in regions.fragments(out_dir=tmp_path)}
    assert "Planen gällde till och med 2024." not in section(early["regioner.sv.md"], "kronoberg")
    assert "Planen gällde till och med 2024." in section(late["regioner.sv.md"], "kronoberg")
    assert "The plan ran until the end of 2024." in section(late["regioner.en.md"], "kronoberg")


def test_a_site_today_that_is_no_date_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(regions.TODAY_VARIABLE, "27 november")
    with pytest.raises(InputError, match="SITE_TODAY is not a date"):
        regions.today()


# --- bad input: file, line, what to do -------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ("    source: region-dalarna-kulturplan\n", "", ["region 'dalarna'", "there is no link", "What to do"]),
        ("    source: region-dalarna-kulturplan\n", "    source: region-dalarna-kultur\n",
         ["region 'dalarna'", "'region-dalarna-kultur' is not in the sources registry"]),
        ("    status: current\n    note:\n      sv: Enligt sidan skulle", "    status: aktuell\n    note:\n      sv: Enligt sidan skulle",
         ["region 'gotland'", "unknown status 'aktuell'"]),
        ("    county: \"20\"\n", "    county: \"31\"\n", ["region 'dalarna'", "county 31 is not in SCB's list"]),
        ("    plan: Kulturplan Kronoberg 2022–2024\n", "    plan: Kulturplan Kronoberg 2022–2025\n",
         ["region 'kronoberg'", "says 2022–2025 but the period is 2022–2024"]),
        ("    extended_to: 2026\n", "", ["region 'varmland'", "status extended needs 'extended_to'"]),
        ("    next_period: {start: 2025}\n", "", ["region 'halland'", "needs 'next_period'"]),
        ('    sv: "Planen gällde till och med {year}.', '    sv: "Planen gällde till och med {år}.', ["'ended' uses {år}"]),
    ],
    ids=["no-link", "unknown-source", "unknown-status", "county-not-in-scb", "plan-years", "extended",
         "next-plan", "text-placeholder"],
)
def test_bad_region_data_fails_with_file_line_and_what_to_do(tmp_path: Path, old: str, new: str,
                                                             words: list[str]) -> None:
    data, line = changed(tmp_path, old, new)
    with pytest.raises(InputErrors) as raised:
        regions.read(data, CSV)
    found = [e for e in raised.value.errors if all(w in str(e) for w in words)]
    assert found, "\n".join(map(str, raised.value.errors))
    for error in found:
        assert Path(error.path).name == "regions.yml" and error.hint
        # The line of the changed field, or of its entry or status when the field was removed.
        assert error.line is not None and line - 10 <= error.line <= line, (line, str(error))


def test_a_region_without_a_period_where_its_status_needs_one_fails_with_its_line(tmp_path: Path) -> None:
    old = "    plan: Kulturplan Kronoberg 2022–2024\n    period: {start: 2022, end: 2024}\n"
    data, line = changed(tmp_path, old, "    plan: Kulturplan Kronoberg\n")
    errors = problems(data)
    assert f"regions.yml:{line + 2}: region 'kronoberg': the period is missing; status current needs one" in errors
    assert "What to do: add 'period: {start: 2023, end: 2026}'" in errors


def test_a_region_outside_the_model_with_a_period_fails(tmp_path: Path) -> None:
    old = "    status: not-in-the-model\n"
    data, line = changed(tmp_path, old, old + "    period: {start: 2018, end: 2030}\n")
    assert f"regions.yml:{line + 1}: region 'stockholm': a region with status not-in-the-model has no period" \
        in problems(data)


def test_a_duplicate_id_fails_naming_both_lines(tmp_path: Path) -> None:
    data, line = changed(tmp_path, "  - id: gavleborg\n", "  - id: dalarna\n")
    errors = problems(data)
    first = REAL.read_text(encoding="utf-8").splitlines().index("  - id: dalarna") + 1
    assert f"regions.yml:{line}: region 'dalarna': the id is used twice (first on line {first})" in errors


def test_a_county_in_scb_s_list_without_a_region_fails_at_its_csv_line(tmp_path: Path) -> None:
    csv, _ = changed(tmp_path, "2085,Ludvika kommun,20,Dalarnas län\n",
                     "2085,Ludvika kommun,20,Dalarnas län\n2999,Påhittad kommun,29,Påhittat län\n",
                     source=CSV, name="kommuner.csv")
    line = csv.read_text(encoding="utf-8").splitlines().index("2999,Påhittad kommun,29,Påhittat län") + 1
    errors = problems(REAL, csv)
    assert f"kommuner.csv:{line}: county 29 (Påhittat län) has no region in" in errors
    assert "add a region with 'county: \"29\"'" in errors


def test_a_municipality_code_that_is_not_scb_s_fails_at_its_csv_line(tmp_path: Path) -> None:
    csv, line = changed(tmp_path, "2085,Ludvika kommun,20,", "1985,Ludvika kommun,20,", source=CSV,
                        name="kommuner.csv")
    assert f"kommuner.csv:{line}: municipality 'Ludvika kommun': the codes '1985' and '20' are not SCB codes" \
        in problems(REAL, csv)


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    text = REAL.read_text(encoding="utf-8")
    text = text.replace("    status: not-in-the-model\n", "    status: outside\n")
    text = text.replace("    source: region-skane-kulturplan\n", "")
    data = tmp_path / "regions.yml"
    data.write_text(text, encoding="utf-8")
    errors = problems(data)
    assert "region 'stockholm': unknown status 'outside'" in errors
    assert "region 'skane': there is no link" in errors
