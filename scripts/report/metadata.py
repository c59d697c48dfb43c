"""The metadata file beside each report text: what the report is and how to read it.

Each `data/reports/*.yml` describes one report. Adding a report means adding its text file and
one of these; no code changes.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scripts.datafile import ID
from scripts.errors import InputError
from scripts.yaml_lines import Located
from scripts.yaml_lines import load as load_yaml

REQUIRED = (
    "id", "text", "title", "title_en", "organisation", "organisation_short", "project",
    "project_en", "project_year", "period", "published", "funder", "funder_en", "language",
    "origin", "pages_dir", "sections",
)
OPTIONAL = (
    "grant_sek", "author_role", "author_role_en", "reviewed", "labels_en", "name_changes",
    "sha256",
)
SECTION_KEYS = ("id", "heading", "sv", "en", "level", "budget", "by_author")


@dataclass(frozen=True)
class SectionSpec:
    id: str
    heading: str
    heading_en: str
    short_sv: str  # a short Swedish heading for the site; the report's own stays in the text
    level: int
    budget: bool
    by_author: bool
    line: int | None  # where it is declared in the metadata file


@dataclass(frozen=True)
class ReportMeta:
    path: Path  # the metadata file
    text_path: Path
    id: str
    title: str
    title_en: str
    organisation: str
    organisation_short: str
    project: str
    project_en: str
    project_year: int
    period: str
    published: int
    funder: str
    funder_en: str
    language: str
    origin: str
    pages_dir: str
    sections: tuple[SectionSpec, ...]
    grant_sek: int | None = None
    author_role: str = ""
    author_role_en: str = ""
    reviewed: datetime.date | None = None
    labels_en: dict[str, str] = field(default_factory=dict)
    name_changes: dict[str, str] = field(default_factory=dict)  # name in the report -> today's
    sha256: str = ""  # of the text file as copied from the original; guards against edits

    def label_en(self, label: str) -> str:
        return self.labels_en.get(label, label)


def load(path: Path) -> ReportMeta:
    node = load_yaml(path, "report metadata")
    data = node.value
    if not isinstance(data, dict):
        raise InputError(path, "the metadata must be 'field: value' lines", line=1)
    for key in data:
        if key not in REQUIRED + OPTIONAL:
            raise InputError(
                path, f"unknown field '{key}'", line=node.key_line(key),
                hint=f"use only these fields: {', '.join(REQUIRED + OPTIONAL)}",
            )
    for key in REQUIRED:
        if data.get(key) in (None, ""):
            raise InputError(
                path, f"the field '{key}' is missing", line=1,
                hint=f"add '{key}: ...' (see data/reports/ for an example)",
            )
    if not ID.match(str(data["id"])):
        raise InputError(
            path, f"the id '{data['id']}' is not lowercase ASCII words joined by hyphens",
            line=node.key_line("id"), hint="use an id like 'my-report-2019'",
        )
    sections_node = node.get("sections")
    if sections_node is None or not isinstance(sections_node.value, list):
        raise InputError(path, "'sections' must be a list", line=node.key_line("sections"))
    sections = tuple(_section(path, item) for item in sections_node.items())
    seen: set[str] = set()
    for spec in sections:
        if spec.id in seen:
            raise InputError(path, f"the section id '{spec.id}' is used twice", line=spec.line,
                             hint="give every section its own id")
        seen.add(spec.id)
    text_path = path.parent / str(data["text"])
    return ReportMeta(
        path=path, text_path=text_path, id=str(data["id"]), title=str(data["title"]),
        title_en=str(data["title_en"]), organisation=str(data["organisation"]),
        organisation_short=str(data["organisation_short"]), project=str(data["project"]),
        project_en=str(data["project_en"]), project_year=int(data["project_year"]),
        period=str(data["period"]), published=int(data["published"]), funder=str(data["funder"]),
        funder_en=str(data["funder_en"]), language=str(data["language"]),
        origin=str(data["origin"]), pages_dir=str(data["pages_dir"]).strip("/"),
        sections=sections,
        grant_sek=int(data["grant_sek"]) if data.get("grant_sek") is not None else None,
        author_role=str(data.get("author_role") or ""),
        author_role_en=str(data.get("author_role_en") or ""),
        reviewed=data.get("reviewed"),
        labels_en=_strings(path, node, data, "labels_en"),
        name_changes=_strings(path, node, data, "name_changes"),
        sha256=str(data.get("sha256") or "").lower(),
    )


def _strings(path: Path, node: Located, data: dict[str, Any], key: str) -> dict[str, str]:
    value = data.get(key) or {}
    if not isinstance(value, dict):
        raise InputError(path, f"'{key}' must be 'name: text' lines", line=node.key_line(key))
    return {str(k): " ".join(str(v).split()) for k, v in value.items()}


def _section(path: Path, node: Located) -> SectionSpec:
    entry, where = node.value, node.line
    if not isinstance(entry, dict):
        raise InputError(path, "each section needs 'id', 'heading' and 'en'", line=where)
    for key in entry:
        if key not in SECTION_KEYS:
            raise InputError(path, f"unknown section field '{key}'", line=where,
                             hint=f"use only: {', '.join(SECTION_KEYS)}")
    for key in ("id", "heading", "en"):
        if not entry.get(key):
            raise InputError(path, f"the section has no '{key}'", line=where,
                             hint="each section needs 'id', 'heading' (as printed) and 'en'")
    if not ID.match(str(entry["id"])):
        raise InputError(path, f"the section id '{entry['id']}' is not lowercase ASCII with hyphens",
                         line=where)
    return SectionSpec(
        id=str(entry["id"]), heading=" ".join(str(entry["heading"]).split()),
        heading_en=str(entry["en"]), short_sv=str(entry.get("sv") or entry["heading"]), level=int(entry.get("level", 2)),
        budget=bool(entry.get("budget", False)), by_author=bool(entry.get("by_author", False)),
        line=where,
    )


def discover(reports_dir: Path) -> list[ReportMeta]:
    """Every report described in the directory, in file-name order."""
    return [load(path) for path in sorted(reports_dir.glob("*.yml"))]
