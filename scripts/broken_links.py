"""The weekly check of the sources' web addresses, and the issue it opens when one is broken.

    python -m scripts.broken_links addresses OUT        every web address in data/sources.yml, one a line
    python -m scripts.broken_links report LYCHEE OUT    lychee's JSON report -> the issue's text (Markdown)

The workflow (.github/workflows/external-links.yml) runs lychee on the addresses and on the built
site, then `report`. When something is broken, OUT is written and the workflow opens an issue, or
updates the one already open; when nothing is, OUT is not written. All the logic is here, so that
the tests run it on lychee reports kept as fixtures; the workflow only calls `gh`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from scripts import sources
from scripts.datafile import labels
from scripts.errors import InputError, InputErrors, display_path, report_exception
from scripts.fragments import write_atomically
from scripts.paths import DOCS

NAME = "broken_links"


def addresses(registry: sources.Registry) -> list[str]:
    return sorted({s.address for s in registry.sources.values() if s.is_web})


def failures(lychee_report: Path) -> dict[str, str]:
    """Each address lychee could not reach, with what it said (errors and time-outs)."""
    try:
        data = json.loads(lychee_report.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise InputError(lychee_report, f"lychee's report cannot be read ({error})",
                         hint="run lychee with --format json --output FILE") from None
    found: dict[str, str] = {}
    # lychee 0.24 writes error_map and timeout_map; older versions wrote fail_map.
    for key in ("error_map", "fail_map", "timeout_map"):
        for results in (data.get(key) or {}).values():
            for result in results:
                status = result.get("status", {})
                code = f"[{status['code']}] " if status.get("code") else ""
                found.setdefault(result["url"], code + status.get("text", "").split(" (error sending")[0])
    return found


def issue_body(registry: sources.Registry, broken: dict[str, str], docs: Path = DOCS) -> str:
    """One section per broken address: the status, the registry entries and the pages that cite them."""
    label = labels(NAME)
    out = [label("intro", "sv"), "", label("intro", "en"), ""]
    by_address: dict[str, list[sources.Source]] = {}
    for source in registry.sources.values():
        by_address.setdefault(source.address, []).append(source)
    for address in sorted(broken):
        out += [f"## <{address}>", "", f"- {label('status', 'sv')}: {broken[address]}"]
        entries = by_address.get(address, [])
        if not entries:
            out.append(f"- {label('not_in_registry', 'sv')}")
        for source in entries:
            out.append(f"- {label('entry', 'sv')}: `{source.id}` ({source.title['sv']}),"
                       f" {display_path(registry.path)}:{source.line}")
            pages = sorted(display_path(p) for p in registry.citations
                           if any(c.source == source.id for c in registry.citations[p]))
            if pages:
                out.append(f"- {label('cited_on', 'sv')}: " + ", ".join(f"`{p}`" for p in pages))
        out.append("")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if len(args) == 2 and args[0] == "addresses":
            registry = sources.read()
            write_atomically(Path(args[1]), ("\n".join(addresses(registry)) + "\n").encode("utf-8"))
            print(f"{len(addresses(registry))} addresses in {args[1]}")
            return 0
        if len(args) == 3 and args[0] == "report":
            broken = failures(Path(args[1]))
            if not broken:
                print("no broken addresses")
                return 0
            write_atomically(Path(args[2]), issue_body(sources.read(), broken).encode("utf-8"))
            print(f"{len(broken)} broken addresses: the issue text is in {args[2]}")
            return 0
    except (InputError, InputErrors) as error:
        return report_exception(error)
    print(__doc__.split("\n\n")[1], file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
