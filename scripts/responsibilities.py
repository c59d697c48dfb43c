"""The responsibility lookup: data/responsibilities.yml -> snippets/generated/ansvar.{sv,en}.md.

Each entry becomes a heading (h4, under an h3 per level, because the pages include the lookup
under an h2) with its own anchor (`/ansvar/#kulturskola`), grouped by the level that is
responsible. The answer comes first (who, and where the duty comes from; what to ask for; whom to
contact); the law and the sources fold away in a `details` block, so the page scans on a phone.
Plain HTML: it works without JavaScript. docs/ansvar.md and ansvar.en.md include the fragments
with `--8<-- "generated/ansvar.sv.md"`; the labels come from data/labels.yml.

Where a duty comes from (`duty`) uses the site's plain words, not "frivillig"/"obligatorisk":
lagkrav (a law requires it), forordning (krav i förordning: an ordinance requires it),
statens-uppgift (a task of the state) and valjer-sjalv (kommunen/regionen väljer själv).

    python -m scripts.responsibilities [--check]
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from scripts import sources as sources_registry
from scripts.datafile import ID, bilingual, entry_start, labels
from scripts.errors import InputError, InputErrors, display_path
from scripts.fragments import Fragment
from scripts.paths import DATA, GENERATED_SNIPPETS, LANGUAGES
from scripts.yaml_lines import Located, load

NAME = "responsibilities"
DATA_FILE = DATA / "responsibilities.yml"

SINGLE_LEVELS = ("kommun", "region", "stat")
LEVELS = (*SINGLE_LEVELS, "delat")
# Where a duty comes from, and the levels each may be said of: a municipality or region may
# choose a task itself, the state has tasks of its own.
DUTIES = {
    "lagkrav": SINGLE_LEVELS,
    "forordning": SINGLE_LEVELS,
    "statens-uppgift": ("stat",),
    "valjer-sjalv": ("kommun", "region"),
}
CHOICE_BASIS = "kommunallagen (2017:725) 2 kap. 1 §"
# A choice may instead be one that a law only sets a condition on: no law makes a region join the
# model, but lag (2010:1919) says what it needs (a kulturplan) to distribute the state grant.
CONDITION_BASES = ("lag 2010:1919", "lag (2010:1919)")
# The topics of the jump list, in the order it shows them; the labels are `topic_<id>` in
# data/labels.yml. A reader looks for a topic, not for the level she is trying to find out.
TOPICS = ("lokaler", "barn-och-unga", "bidrag", "bibliotek", "museer-kulturmiljo-arkiv", "konst",
          "folkbildning", "minoriteter", "kulturplanen")
TEXT_FIELDS = ("legal_basis", "contact", "ask_for")
ENTRY_KEYS = {"id", "name", "level", "levels", "duty", "topic", "about", "sources", "old_anchors", *TEXT_FIELDS}
# Fields that older versions of the file used, and what replaced them.
RENAMED = {"obligation": "duty"}

# The group ids are anchors too: keep them stable.
GROUP_IDS = {level: f"niva-{level}" for level in LEVELS}


@dataclass(frozen=True)
class Entry:
    id: str
    line: int
    name: dict[str, str]
    level: str
    levels: tuple[str, ...]
    topic: str
    duties: tuple[tuple[str, str], ...]  # (level, duty), in the order of `levels`
    legal_basis: dict[str, str]
    about: dict[str, str] | None
    contact: dict[str, str]
    ask_for: dict[str, str]
    sources: tuple[str, ...]
    old_anchors: tuple[str, ...] = ()



def _one_of(path: Path, item: Located, key_lines: dict[str, int], label: str, field: str,
            allowed: tuple[str, ...], why: str, where: str, errors: list[InputError]) -> object:
    """The field's value; an error when it is missing or not one of `allowed`."""
    value = item.value.get(field)
    choices = ", ".join(allowed)
    if value is None:
        errors.append(InputError(path, f"{label}: the field '{field}' is missing", line=item.line,
                                 hint=f"add '{field}:' with one of {choices}{why}"))
    elif value not in allowed:
        errors.append(InputError(path, f"{label}: unknown {field} {value!r}", line=key_lines[field],
                                 hint=f"use one of {choices}{where}"))
    return value

def _read_entry(
    path: Path, item: Located, sources: dict[str, sources_registry.Source], errors: list[InputError]
) -> Entry | None:
    before = len(errors)
    start = entry_start(path, item, "entry", ENTRY_KEYS, errors=errors, renamed=RENAMED,
                        id_hint="for example 'id: kulturskola'; the id becomes the link anchor")
    if start is None:
        return None
    entry_id, _, key_lines = start
    label = f"entry '{entry_id}'"
    name = bilingual(path, item, "name", label, errors)

    level = _one_of(path, item, key_lines, label, "level", LEVELS, "", "", errors)
    levels: tuple[str, ...] = ()
    raw_levels = item.value.get("levels")
    if level == "delat":
        if (
            not isinstance(raw_levels, list)
            or len(raw_levels) < 2
            or any(value not in SINGLE_LEVELS for value in raw_levels)
            or len(set(raw_levels)) != len(raw_levels)
        ):
            errors.append(InputError(
                path, f"{label}: a shared entry needs 'levels' with two or more of "
                f"{', '.join(SINGLE_LEVELS)}", line=key_lines.get("levels", item.line),
                hint="for example 'levels: [kommun, region]'",
            ))
        else:
            levels = tuple(raw_levels)
    elif raw_levels is not None:
        errors.append(InputError(
            path, f"{label}: 'levels' is only for 'level: delat'", line=key_lines["levels"],
            hint="remove 'levels', or set 'level: delat' if the task is shared",
        ))

    duties = _read_duties(path, item, label, level, levels, errors)

    legal_basis = bilingual(path, item, "legal_basis", label, errors)
    if legal_basis is None and item.get("legal_basis") is None:
        errors[-1].hint = "name the law with its SFS number and section; for a task that a " \
            f"municipality or region chooses itself, {CHOICE_BASIS}"
    if (
        any(duty == "valjer-sjalv" for _level, duty in duties)
        and legal_basis is not None
        and not any(basis in legal_basis["sv"].lower() for basis in (CHOICE_BASIS, *CONDITION_BASES))
    ):
        errors.append(InputError(
            path, f"{label}: a task that a municipality or region chooses itself must name "
            f"{CHOICE_BASIS} in its legal basis", line=key_lines["legal_basis"],
            hint=f"name {CHOICE_BASIS} in the Swedish legal basis: it is what lets them choose "
            "(or, for joining the model, the law that sets its condition: lag 2010:1919)",
        ))
    topic = _one_of(path, item, key_lines, label, "topic", TOPICS, "; it places the entry in the jump list",
                    " (their labels are in data/labels.yml)", errors)
    about = bilingual(path, item, "about", label, errors, required=False)
    contact = bilingual(path, item, "contact", label, errors)
    ask_for = bilingual(path, item, "ask_for", label, errors)

    keys = item.value.get("sources")
    if not isinstance(keys, list) or not keys:
        errors.append(InputError(
            path, f"{label}: the 'sources' list is missing or empty",
            line=key_lines.get("sources", item.line),
            hint="name at least one id from the sources registry, data/sources.yml",
        ))
        keys = []
    for key in keys:
        if key not in sources:
            errors.append(InputError(
                path, f"{label}: unknown source {key!r}", line=key_lines["sources"],
                hint="check the spelling, or add the source to data/sources.yml",
            ))
    old_anchors = item.value.get("old_anchors", [])
    if not isinstance(old_anchors, list) or not all(isinstance(a, str) and ID.match(a) for a in old_anchors):
        errors.append(InputError(
            path, f"{label}: 'old_anchors' must be a list of anchors like [vem-betalar-kulturskolan]",
            line=key_lines.get("old_anchors", item.line),
            hint="list the published anchors that should now land on this entry",
        ))
    if len(errors) > before or not (name and legal_basis and contact and ask_for):
        return None
    return Entry(
        id=entry_id, line=item.line, name=name, level=level, levels=levels or (level,), topic=topic,
        duties=duties, legal_basis=legal_basis, about=about, contact=contact,
        ask_for=ask_for, sources=tuple(keys), old_anchors=tuple(old_anchors),
    )


def _read_duties(path: Path, item: Located, label: str, level: object, levels: tuple[str, ...],
                 errors: list[InputError]) -> tuple[tuple[str, str], ...]:
    """`duty:` as one value for every level, or as `{level: duty}` for a shared entry."""
    located = item.get("duty")
    allowed = ", ".join(DUTIES)
    if located is None:
        errors.append(InputError(
            path, f"{label}: the field 'duty' is missing", line=item.line,
            hint=f"add 'duty:' with one of {allowed} (see the file's header)",
        ))
        return ()
    own_levels = levels or ((level,) if level in SINGLE_LEVELS else ())
    if isinstance(located.value, dict):
        if level != "delat":
            errors.append(InputError(
                path, f"{label}: one level, so 'duty' is one value, not one per level",
                line=located.line, hint=f"write for example 'duty: {next(iter(DUTIES))}'",
            ))
            return ()
        if set(located.value) != set(own_levels):
            errors.append(InputError(
                path, f"{label}: 'duty' must name each of the levels {', '.join(own_levels)} once",
                line=located.line, hint="for example 'duty: {stat: forordning, region: valjer-sjalv}'",
            ))
            return ()
        pairs = [(lv, located.value[lv], located.key_line(lv)) for lv in own_levels]
    else:
        pairs = [(lv, located.value, located.line) for lv in own_levels]
    duties = []
    for own_level, duty, line in pairs:
        if duty not in DUTIES:
            errors.append(InputError(
                path, f"{label}: unknown duty {duty!r}", line=line,
                hint=f"use one of {allowed}; 'frivillig' is now valjer-sjalv, 'obligatorisk' lagkrav",
            ))
        elif own_level not in DUTIES[duty]:
            errors.append(InputError(
                path, f"{label}: the duty {duty!r} does not fit the level {own_level!r}", line=line,
                hint=f"{duty} is for {' or '.join(DUTIES[duty])}; for {own_level} use one of "
                f"{', '.join(d for d, fits in DUTIES.items() if own_level in fits)}",
            ))
        else:
            duties.append((own_level, duty))
    return tuple(duties) if len(duties) == len(pairs) else ()


@dataclass(frozen=True)
class Lookup:
    path: Path
    entries: list[Entry]
    sources: dict[str, sources_registry.Source]


def read(path: Path = DATA_FILE, registry: Path = sources_registry.DATA_FILE) -> Lookup:
    """Read and validate the data file; InputErrors with every problem found, not only the first."""
    root = load(path, "responsibilities")
    errors: list[InputError] = []
    if not isinstance(root.value, dict):
        raise InputErrors([InputError(path, "the file must have 'entries:'", line=1)])
    errors += [InputError(path, f"unknown field '{key}'", line=line,
                          hint="the file has only 'entries:'; sources live in data/sources.yml")
               for key, line in root.key_lines().items() if key != "entries"]
    sources = sources_registry.load_registry(registry)
    block = root.get("entries")
    if block is None or not isinstance(block.value, list) or not block.value:
        errors.append(InputError(path, "the 'entries:' list is missing or empty", line=1))
        raise InputErrors(errors)
    entries: list[Entry] = []
    first_line: dict[str, int] = {}
    for item in block.items():
        entry = _read_entry(path, item, sources, errors)
        if entry is None:
            continue
        if entry.id in first_line:
            errors.append(InputError(
                path, f"entry '{entry.id}': the id is used twice (first on line {first_line[entry.id]})",
                line=entry.line, hint="give each entry its own id; the id is the link anchor",
            ))
            continue
        if entry.id in GROUP_IDS.values():
            errors.append(InputError(
                path, f"entry '{entry.id}': this id is reserved for a group heading", line=entry.line,
            ))
            continue
        taken = [a for a in (entry.id, *entry.old_anchors) if a in first_line or a in GROUP_IDS.values()]
        if entry.old_anchors and taken:
            errors.append(InputError(
                path, f"entry '{entry.id}': the anchor '{taken[0]}' is used twice", line=entry.line,
                hint="each anchor, old or new, may land on one entry only",
            ))
            continue
        first_line[entry.id] = entry.line
        first_line.update({anchor: entry.line for anchor in entry.old_anchors})
        entries.append(entry)
    if errors:
        raise InputErrors(errors)
    return Lookup(path, entries, sources)


def who_text(entry: Entry, language: str) -> str:
    """Who is responsible and where the duty comes from, in words that explain themselves to a
    reader who arrives by a deep link: 'Kommunen. Ingen lag kräver det – kommunen väljer själv.'"""
    label = labels(NAME)
    return " ".join(
        f"{label(f'short_{level}', language)}. {label(f'duty_{level}_{duty}', language)}."
        for level, duty in entry.duties
    )


def render_lookup(lookup: Lookup, language: str) -> str:
    label = labels(NAME)
    entries, sources = lookup.entries, lookup.sources
    lines: list[str] = []
    groups = [(level, [e for e in entries if e.level == level]) for level in LEVELS]
    groups = [(level, members) for level, members in groups if members]
    # A short index first, so a reader can scan every entry without scrolling. It is grouped by
    # topic: the level is what the reader is trying to find out.
    lines += [f"**{label('jump', language)}:**", ""]
    for topic in TOPICS:
        links = ", ".join(f"[{e.name[language]}](#{e.id})" for e in entries if e.topic == topic)
        if links:
            lines.append(f"- {label(f'topic_{topic}', language)}: {links}")
    lines.append("")
    for level, members in groups:
        lines += [f"### {label(f'group_{level}', language)} {{#{GROUP_IDS[level]}}}", ""]
        for entry in members:
            # Anchors published before the entry had its own heading land here too.
            aliases = "".join(f'<span id="{anchor}"></span>' for anchor in entry.old_anchors)
            lines += [f"#### {aliases}{entry.name[language]} {{#{entry.id}}}", ""]
            # The answer first: who and why, what to ask for, whom to turn to.
            for term, definition in (
                (label("who", language), f"{who_text(entry, language)} [{label('words', language)}](#ord)"),
                (label("ask_for", language), entry.ask_for[language]),
                (label("contact", language), entry.contact[language]),
            ):
                lines += [term, f":   {definition}", ""]
            if entry.about:
                lines += [entry.about[language], ""]
            # The law and the sources fold away (pymdownx.details).
            source_links = ", ".join(sources_registry.link(sources[key], language) for key in entry.sources)
            lines += [
                f'??? note "{label("law_and_sources", language)}"',
                f"    {entry.legal_basis[language]}",
                "",
                f"    {label('sources', language)}: {source_links}",
                "",
            ]
    return "\n".join(lines)


def ids(lookup: Lookup) -> dict[str, Entry]:
    """The lookup's entries by id: the anchors that other pages and data files may cite."""
    return {entry.id: entry for entry in lookup.entries}


def render(lookup: Lookup, out_dir: Path = GENERATED_SNIPPETS) -> list[Fragment]:
    return [
        Fragment.markdown(out_dir / f"ansvar.{language}.md", render_lookup(lookup, language),
                          display_path(lookup.path))
        for language in LANGUAGES
    ]


def fragments(data_path: Path = DATA_FILE, out_dir: Path = GENERATED_SNIPPETS,
              registry: Path = sources_registry.DATA_FILE) -> list[Fragment]:
    return render(read(data_path, registry), out_dir)


if __name__ == "__main__":
    from scripts.generate import main_for_kind

    sys.exit(main_for_kind(NAME, sys.argv[1:]))
