"""The region directory: data/regions.yml + data/kommuner-och-lan.csv -> snippets/generated/regioner.{sv,en}.md.

Each of the 21 regions becomes a heading with its own anchor (`/regioner/#dalarna`), a sentence
with its plan linked to the region's page (the address comes from the sources registry), what the
period means today, and the municipalities of its county from SCB's list. docs/regioner.md and
regioner.en.md include the fragments with `--8<-- "generated/regioner.sv.md"`. The sentences come
from the data file's `texts:`, the short labels from data/labels.yml.

Whether a period has ended is worked out here, from the period's last year and today's date, never
stored. "Today" is the day of the build; the environment variable SITE_TODAY (YYYY-MM-DD) sets
another day, as the tests do.

    python -m scripts.regions [--check]
"""

from __future__ import annotations

import csv
import datetime
import os
import re
import string
import sys
from dataclasses import dataclass
from pathlib import Path

from scripts import sources as sources_registry
from scripts.changes import date_text
from scripts.datafile import bilingual, entry_start, first_use, labels
from scripts.errors import InputError, InputErrors, display_path
from scripts.fragments import Fragment
from scripts.paths import DATA, GENERATED_SNIPPETS, LANGUAGES
from scripts.yaml_lines import Located, load

NAME = "regions"
DATA_FILE = DATA / "regions.yml"
MUNICIPALITIES_FILE = DATA / "kommuner-och-lan.csv"
TODAY_VARIABLE = "SITE_TODAY"

STATUSES = ("current", "extended", "next-plan-in-the-works", "not-in-the-model")
WITHOUT_PERIOD = ("not-in-the-model",)
FIELDS = {"id", "name", "county", "source", "plan", "period", "gathered", "status", "extended_to",
          "next_period", "note"}
# Each sentence in `texts:` and the words in braces it may use.
TEXTS = {
    "plan": {"plan", "gathered"},
    # For a region outside the model, which has a strategy rather than a kulturplan.
    "strategy": {"plan", "gathered"},
    "ended": {"year"},
    "ends_this_year": {"year"},
    "running": {"year"},
    "extended": {"year"},
    "next_plan": {"start", "end"},
    "next_plan_from": {"start"},
    "not_in_the_model": set(),
}
CSV_HEADER = ["kommunkod", "kommun", "lanskod", "lan"]
YEAR_RANGE = re.compile(r"\b(\d{4})\s*[–-]\s*(\d{4})\b")
# Swedish alphabetical order: å, ä, ö come after z.
SWEDISH_ORDER = str.maketrans({"å": "{", "ä": "|", "ö": "}", "é": "e", "ü": "y"})


@dataclass(frozen=True)
class Period:
    start: int
    end: int | None  # None: only the first year is known (a next plan "från 2025")


@dataclass(frozen=True)
class County:
    code: str
    name: str
    line: int  # its first row in the CSV
    municipalities: tuple[str, ...]


@dataclass(frozen=True)
class Region:
    id: str
    line: int
    name: str
    county: str
    source: str
    plan: str
    period: Period | None
    gathered: datetime.date
    status: str
    extended_to: int | None
    next_period: Period | None
    note: dict[str, str] | None

    @property
    def last_year(self) -> int | None:
        """The last year the plan applies, counting an extension; None without a period."""
        if self.period is None:
            return None
        return self.extended_to or self.period.end


@dataclass(frozen=True)
class Directory:
    path: Path
    regions: list[Region]
    counties: dict[str, County]
    texts: dict[str, dict[str, str]]
    sources: dict[str, sources_registry.Source]


def today() -> datetime.date:
    """The day the build takes as today: SITE_TODAY when set (the tests), otherwise the real day."""
    value = os.environ.get(TODAY_VARIABLE)
    if not value:
        return datetime.date.today()
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise InputError(TODAY_VARIABLE, f"the environment variable {TODAY_VARIABLE} is not a date: {value!r}",
                         hint="write it as year-month-day, like 2026-11-27, or unset it to use today") from None


def state(region: Region, day: datetime.date) -> str | None:
    """'ended', 'ends_this_year' or 'running' on `day`; None for a region without a period."""
    last = region.last_year
    if last is None:
        return None
    if last < day.year:
        return "ended"
    return "ends_this_year" if last == day.year else "running"


# --- reading the municipalities --------------------------------------------------------------


def read_counties(path: Path, errors: list[InputError]) -> dict[str, County]:
    """SCB's list: each county code with its name and municipalities; every problem with its line."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        errors.append(InputError(path, "SCB's list of municipalities does not exist",
                                 hint="copy shared/kommuner-och-lan.csv (SCB's codes) to data/"))
        return {}
    rows = csv.reader(text.splitlines())
    header = next(rows, None)
    if header != CSV_HEADER:
        errors.append(InputError(path, f"the first line must be {','.join(CSV_HEADER)}", line=1,
                                 hint="keep SCB's columns: municipality code, municipality, county code, county"))
        return {}
    names: dict[str, tuple[str, int]] = {}
    members: dict[str, list[str]] = {}
    seen: dict[str, int] = {}
    for line, row in enumerate(rows, start=2):
        if not row or not "".join(row).strip():
            continue
        if len(row) != len(CSV_HEADER):
            errors.append(InputError(path, f"the row has {len(row)} columns, not {len(CSV_HEADER)}", line=line,
                                     hint="a name that contains a comma needs quotes around it"))
            continue
        code, municipality, county, county_name = (value.strip() for value in row)
        if not re.fullmatch(r"\d{2}", county) or not re.fullmatch(r"\d{4}", code) or not code.startswith(county):
            errors.append(InputError(path, f"municipality {municipality!r}: the codes {code!r} and {county!r} are"
                                     " not SCB codes", line=line,
                                     hint="a municipality code has four digits and starts with its county's"
                                     " two-digit code, e.g. 2085,Ludvika kommun,20,Dalarnas län"))
            continue
        if not municipality or not county_name:
            errors.append(InputError(path, "the municipality or the county has no name", line=line))
            continue
        if code in seen:
            errors.append(InputError(path, f"municipality code {code} is listed twice (first on line {seen[code]})",
                                     line=line, hint="keep one row per municipality"))
            continue
        seen[code] = line
        if county in names and names[county][0] != county_name:
            errors.append(InputError(path, f"county {county} is called {county_name!r} here but"
                                     f" {names[county][0]!r} on line {names[county][1]}", line=line,
                                     hint="use one name per county code"))
            continue
        names.setdefault(county, (county_name, line))
        members.setdefault(county, []).append(municipality)
    return {
        code: County(code, name, line, tuple(sorted(members[code], key=swedish_order)))
        for code, (name, line) in names.items()
    }


def swedish_order(name: str) -> str:
    return name.casefold().translate(SWEDISH_ORDER)


# --- reading the regions ---------------------------------------------------------------------


def _year(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 1990 <= value <= 2100


def _period(path: Path, item: Located, field: str, label: str, errors: list[InputError],
            end_required: bool = True) -> Period | None:
    located = item.get(field)
    assert located is not None
    value = located.value
    example = "{start: 2023, end: 2026}" if end_required else "{start: 2026, end: 2029} or {start: 2025}"
    if (
        not isinstance(value, dict)
        or set(value) - {"start", "end"}
        or not _year(value.get("start"))
        or (value.get("end") is not None and not _year(value.get("end")))
        or (end_required and value.get("end") is None)
    ):
        errors.append(InputError(path, f"{label}: '{field}' must give the years as numbers", line=located.line,
                                 hint=f"write '{field}: {example}', with the years the region's page gives"))
        return None
    start, end = value["start"], value.get("end")
    if end is not None and end < start:
        errors.append(InputError(path, f"{label}: '{field}' ends ({end}) before it starts ({start})",
                                 line=located.line, hint="check the years on the region's page"))
        return None
    return Period(start, end)


def _region(path: Path, item: Located, sources: dict[str, sources_registry.Source],
            errors: list[InputError]) -> Region | None:
    before = len(errors)
    start = entry_start(path, item, "region", FIELDS, errors=errors,
                        id_hint="for example 'id: dalarna'; the id becomes the link anchor /regioner/#dalarna")
    if start is None:
        return None
    region_id, value, lines = start
    label = f"region '{region_id}'"

    for field, hint in (("name", "the region's name as in shared/facts.md, e.g. 'name: Dalarna'"),
                        ("plan", "the plan's name as the region's page gives it")):
        if not isinstance(value.get(field), str) or not value[field].strip():
            errors.append(InputError(path, f"{label}: the field '{field}' is missing",
                                     line=lines.get(field, item.line), hint=f"add '{field}:', {hint}"))

    county = value.get("county")
    if not isinstance(county, str) or not re.fullmatch(r"\d{2}", county):
        errors.append(InputError(path, f"{label}: 'county' is {'missing' if county is None else repr(county)}",
                                 line=lines.get("county", item.line),
                                 hint="give the county's two-digit SCB code in quotes, as in"
                                 f" {display_path(MUNICIPALITIES_FILE)}, e.g. 'county: \"20\"'"))

    source = value.get("source")
    if source is None:
        errors.append(InputError(path, f"{label}: there is no link: the field 'source' is missing",
                                 line=item.line,
                                 hint="every region links its page on the kulturplan: add 'source:' with the"
                                 f" page's id in {display_path(sources_registry.DATA_FILE)}"))
    elif source not in sources:
        errors.append(InputError(path, f"{label}: the source {source!r} is not in the sources registry",
                                 line=lines["source"],
                                 hint=f"check the spelling, or add the region's page to"
                                 f" {display_path(sources_registry.DATA_FILE)} with an address from the table"
                                 " in shared/facts.md"))
    elif not sources[source].is_web:
        errors.append(InputError(path, f"{label}: the source {source!r} has no web address", line=lines["source"],
                                 hint="the directory links each region's page: give the source its address"))

    status = value.get("status")
    if status not in STATUSES:
        errors.append(InputError(path, f"{label}: {'the status is missing' if status is None else f'unknown status {status!r}'}",
                                 line=lines.get("status", item.line), hint=f"use one of {', '.join(STATUSES)}"))

    period = None
    if "period" in value:
        if status in WITHOUT_PERIOD:
            errors.append(InputError(path, f"{label}: a region with status {status} has no period",
                                     line=lines["period"], hint="remove 'period:', or change the status"))
        else:
            period = _period(path, item, "period", label, errors)
    elif status in STATUSES and status not in WITHOUT_PERIOD:
        errors.append(InputError(path, f"{label}: the period is missing; status {status} needs one",
                                 line=lines.get("status", item.line),
                                 hint="add 'period: {start: 2023, end: 2026}' with the years the region's page"
                                 " gives, or use status not-in-the-model"))
    if period and isinstance(value.get("plan"), str):
        for start, end in YEAR_RANGE.findall(value["plan"]):
            if (int(start), int(end)) != (period.start, period.end):
                errors.append(InputError(path, f"{label}: the plan's name says {start}–{end} but the period is"
                                         f" {period.start}–{period.end}", line=lines["plan"],
                                         hint="make the two agree with the region's page"))

    extended_to = value.get("extended_to")
    if status == "extended":
        if not _year(extended_to) or (period and extended_to <= period.end):
            errors.append(InputError(path, f"{label}: status extended needs 'extended_to', a year after the"
                                     " period's end", line=lines.get("extended_to", lines.get("status", item.line)),
                                     hint="write the last year the region's page says the plan applies, e.g."
                                     " 'extended_to: 2026'"))
    elif extended_to is not None:
        errors.append(InputError(path, f"{label}: 'extended_to' is only for status extended",
                                 line=lines["extended_to"], hint="remove it, or set 'status: extended'"))

    next_period = None
    if status == "next-plan-in-the-works":
        if "next_period" not in value:
            errors.append(InputError(path, f"{label}: status next-plan-in-the-works needs 'next_period'",
                                     line=lines.get("status", item.line),
                                     hint="write the new plan's years as the region's page gives them:"
                                     " 'next_period: {start: 2026, end: 2029}' or 'next_period: {start: 2025}'"))
        else:
            next_period = _period(path, item, "next_period", label, errors, end_required=False)
    elif "next_period" in value:
        errors.append(InputError(path, f"{label}: 'next_period' is only for status next-plan-in-the-works",
                                 line=lines["next_period"], hint="remove it, or change the status"))

    gathered = value.get("gathered")
    if isinstance(gathered, datetime.datetime) or not isinstance(gathered, datetime.date):
        errors.append(InputError(path, f"{label}: 'gathered' is {'missing' if gathered is None else f'not a date: {gathered!r}'}",
                                 line=lines.get("gathered", item.line),
                                 hint="write the day the plan was read from the region's page, like 2026-11-27"))
    note = bilingual(path, item, "note", label, errors, required=False)

    if len(errors) > before:
        return None
    return Region(region_id, item.line, value["name"].strip(), county, source, " ".join(value["plan"].split()),
                  period, gathered, status, extended_to, next_period, note)


def _texts(path: Path, root: Located, errors: list[InputError]) -> dict[str, dict[str, str]]:
    block = root.get("texts")
    if block is None or not isinstance(block.value, dict):
        errors.append(InputError(path, "the 'texts:' block is missing", line=1,
                                 hint=f"add 'texts:' with the sentences {', '.join(TEXTS)}, each with 'sv:' and 'en:'"))
        return {}
    texts = {}
    lines = block.key_lines()
    for key in sorted(set(block.value) - set(TEXTS)):
        errors.append(InputError(path, f"unknown text '{key}' under 'texts:'", line=lines[key],
                                 hint=f"the texts are: {', '.join(TEXTS)}"))
    for key, allowed in TEXTS.items():
        text = bilingual(path, block, key, f"the text '{key}'", errors)
        if text is None:
            continue
        for language, sentence in text.items():
            try:
                used = {name for _, name, _, _ in string.Formatter().parse(sentence) if name is not None}
            except ValueError:
                used = {"{"}
            if used - allowed:
                errors.append(InputError(
                    path, f"the {language} text '{key}' uses {', '.join('{' + n + '}' for n in sorted(used - allowed))}",
                    line=block.get(key).key_line(language),  # type: ignore[union-attr]
                    hint="the words in braces it may use: "
                    + (", ".join("{" + n + "}" for n in sorted(allowed)) if allowed else "none"),
                ))
        texts[key] = text
    return texts


def read(path: Path = DATA_FILE, municipalities: Path = MUNICIPALITIES_FILE,
         registry: Path = sources_registry.DATA_FILE) -> Directory:
    """Read and validate the regions and SCB's list; InputErrors with every problem found."""
    root = load(path, "regions")
    errors: list[InputError] = []
    if not isinstance(root.value, dict):
        raise InputErrors([InputError(path, "the file must have 'texts:' and 'regions:'", line=1)])
    for key, line in root.key_lines().items():
        if key not in ("texts", "regions"):
            errors.append(InputError(path, f"unknown field '{key}'", line=line,
                                     hint="the file has only 'texts:' and 'regions:'"))
    sources = sources_registry.load_registry(registry)
    texts = _texts(path, root, errors)
    counties = read_counties(municipalities, errors)
    block = root.get("regions")
    if block is None or not isinstance(block.value, list) or not block.value:
        errors.append(InputError(path, "the 'regions:' list is missing or empty", line=1))
        raise InputErrors(errors)
    regions: list[Region] = []
    first_id: dict[str, int] = {}
    first_county: dict[str, int] = {}
    for item in block.items():
        region = _region(path, item, sources, errors)
        if region is None:
            continue
        county_line = item.key_line("county")
        if not first_use(path, first_id, "region", region.id, region.line,
                         "give each region its own id; the id is the link anchor", errors):
            continue
        if counties and region.county not in counties:
            errors.append(InputError(path, f"region '{region.id}': county {region.county} is not in SCB's list"
                                     f" {display_path(municipalities)}", line=county_line,
                                     hint="use the county's two-digit code from that list"))
        if region.county in first_county:
            errors.append(InputError(path, f"region '{region.id}': county {region.county} already has a region"
                                     f" (line {first_county[region.county]})", line=county_line,
                                     hint="each region covers one county, and each county has one region"))
        first_county.setdefault(region.county, region.line)
        regions.append(region)
    covered = {region.county for region in regions}
    for county in counties.values():
        if county.code not in covered:
            errors.append(InputError(municipalities, f"county {county.code} ({county.name}) has no region in"
                                     f" {display_path(path)}", line=county.line,
                                     hint=f"add a region with 'county: \"{county.code}\"' to {display_path(path)}"))
    if errors:
        raise InputErrors(errors)
    return Directory(path, regions, counties, texts, sources)


# --- the fragments ---------------------------------------------------------------------------


def _plan_link(region: Region, directory: Directory, language: str) -> str:
    """The plan's name linked to the region's page; the years added when the name lacks them."""
    name = region.plan
    if region.period and f"{region.period.start}–{region.period.end}" not in name:
        name += f" ({region.period.start}–{region.period.end})"
    source = directory.sources[region.source]
    # On an English page the link says that the region's page is in Swedish, as every such link does.
    return f"[{name}]({source.address}){sources_registry.in_swedish(source, language)}"


def render_entry(region: Region, directory: Directory, language: str, day: datetime.date) -> list[str]:
    def text(key: str, **values: object) -> str:
        return directory.texts[key][language].format(**values)

    sentences = []
    plan, gathered = _plan_link(region, directory, language), date_text(region.gathered, language)
    if region.status == "not-in-the-model":
        sentences += [text("not_in_the_model"), text("strategy", plan=plan, gathered=gathered)]
    else:
        sentences.append(text("plan", plan=plan, gathered=gathered))
    if region.status == "extended":
        sentences.append(text("extended", year=region.extended_to))
    now = state(region, day)
    if now:
        sentences.append(text(now, year=region.last_year))
    if region.next_period:
        start, end = region.next_period.start, region.next_period.end
        sentences.append(text("next_plan", start=start, end=end) if end else text("next_plan_from", start=start))
    if region.note:
        sentences.append(region.note[language])
    # "Check the region's page" is said once, in the page's summary, not in every entry.
    county = directory.counties[region.county]
    label = labels(NAME)
    return [
        f"## {region.name} {{#{region.id}}}", "",
        " ".join(sentences), "",
        f"**{label('municipalities', language)}:**", "",
        *inline_list(county.municipalities),
    ]


def inline_list(items: list[str] | tuple[str, ...]) -> list[str]:
    """A real list (a screen reader announces it and its length) that site.css shows as one line
    with commas, to keep the page short on a phone."""
    return ['<div class="inline-list" markdown>', "", *(f"- {item}" for item in items), "", "</div>", ""]


def render_directory(directory: Directory, language: str, day: datetime.date) -> str:
    # One short line of links first: on a phone the table of contents hides in the menu. Plain
    # links, the shortest markup, because the page's first view is near its weight budget.
    links = ", ".join(f"[{region.name}](#{region.id})" for region in directory.regions)
    lines: list[str] = [f"**{labels(NAME)('jump', language)}:** {links}", ""]
    for region in directory.regions:
        lines += render_entry(region, directory, language, day)
    return "\n".join(lines)


def render(directory: Directory, out_dir: Path = GENERATED_SNIPPETS,
           day: datetime.date | None = None) -> list[Fragment]:
    day = day or today()
    return [
        Fragment.markdown(out_dir / f"regioner.{language}.md", render_directory(directory, language, day),
                          display_path(directory.path))
        for language in LANGUAGES
    ]


def fragments(data_path: Path = DATA_FILE, out_dir: Path = GENERATED_SNIPPETS,
              municipalities: Path = MUNICIPALITIES_FILE, registry: Path = sources_registry.DATA_FILE,
              day: datetime.date | None = None) -> list[Fragment]:
    return render(read(data_path, municipalities, registry), out_dir, day)


if __name__ == "__main__":
    from scripts.generate import main_for_kind

    sys.exit(main_for_kind(NAME, sys.argv[1:]))
