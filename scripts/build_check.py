"""The strict build, with MkDocs' warnings turned into `file:line: problem` errors.

MkDocs names the page but not the line of a broken link or anchor. Maintainers editing in the
GitHub web editor need the line, so this finds it in the source and says what to do.
`python -m scripts.build_check [--config-file FILE] [--site-dir DIR] [--engine mkdocs|properdocs]`
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

from scripts.errors import InputError
from scripts.paths import ROOT

LINK_WARNING = re.compile(
    r"Doc file '(?P<page>[^']+)' contains (?:a link|an absolute link) '(?P<target>[^']+)', (?P<problem>.+)"
)
STRICT_ABORT = re.compile(r"Aborted with \d+ warnings? in strict mode")
# ProperDocs is a maintained fork of MkDocs 1.x with the same command line and warnings, so the
# same build can run on either (README.md says which one deploys and why).
ENGINES = ("mkdocs", "properdocs")


def find_line(source: Path, target: str) -> int | None:
    """The first line of `source` that links to `target` (as written, or without its anchor)."""
    candidates = [target, target.split("#")[0]] if "#" in target else [target]
    lines = source.read_text(encoding="utf-8").splitlines()
    for candidate in candidates:
        if not candidate:
            continue
        for number, line in enumerate(lines, start=1):
            if f"({candidate}" in line or f"]: {candidate}" in line or f'"{candidate}"' in line:
                return number
    return None


def explain(warning: str, docs_dir: Path) -> str:
    match = LINK_WARNING.search(warning)
    if not match:
        return warning.strip()
    source = docs_dir / match["page"]
    target, problem = match["target"], match["problem"].rstrip(".").removeprefix("but ")
    line = find_line(source, target) if source.exists() else None
    if "#" in target and "anchor" in problem:
        hint = "check the heading the link points to; anchors are the heading in lower case ASCII with hyphens, or the {#id} you gave it"
    else:
        hint = "check the file name and folder; links point at the .md file, relative to this page"
    return str(InputError(source, f"the link '{target}' is broken: {problem}", line=line, hint=hint))


def run(config: Path, site_dir: Path | None, engine: str = "mkdocs") -> int:
    command = [sys.executable, "-m", engine, "build", "--strict", "--config-file", str(config)]
    if site_dir:
        command += ["--site-dir", str(site_dir)]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=config.parent)
    docs_dir = config.parent / "docs"
    problems = [
        explain(line.split("-", 1)[1], docs_dir)
        for line in result.stderr.splitlines()
        if line.startswith("WARNING")
    ]
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    if result.returncode != 0:
        if not problems:
            print(result.stderr, file=sys.stderr)
        print(f"error: the strict build failed ({len(problems)} problems above)", file=sys.stderr)
        return 1
    print("strict build ok")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config-file", type=Path, default=ROOT / "mkdocs.yml")
    parser.add_argument("--site-dir", type=Path)
    parser.add_argument("--engine", choices=ENGINES, default="mkdocs")
    args = parser.parse_args(argv)
    return run(args.config_file.resolve(), args.site_dir, args.engine)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
