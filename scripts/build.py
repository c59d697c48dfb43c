"""The one build pipeline, used by `make build`, the tests and `make bench`.

    python -m scripts.build [--site-dir DIR] [--config-file mkdocs.yml] [--engine mkdocs|properdocs]

1. `scripts.generate`: the fragments from data/ (stops on bad data or a hand-edited fragment);
2. `scripts.build_check`: the strict build, warnings turned into file:line errors;
3. `scripts.split_search_index`: one search index per language;
4. `scripts.compact`: white space out of the pages, inline scripts and stylesheet (page weight).
Steps 1, 3 and 4 belong to this site; a build of another config (a test fixture) is step 2 only.
The published address comes from SITE_URL, as in mkdocs.yml.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scripts import build_check, compact, generate, split_search_index
from scripts.paths import ROOT, SITE

CONFIG = ROOT / "mkdocs.yml"


def build(site_dir: Path = SITE, config: Path = CONFIG, engine: str = "mkdocs") -> int:
    config = config.resolve()
    own_site = config == CONFIG
    if own_site and generate.run(check=False):
        return 1
    if build_check.run(config, site_dir, engine):
        return 1
    if own_site:
        return split_search_index.main([str(site_dir)]) or compact.main([str(site_dir)])
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate the fragments and build the site strictly.")
    parser.add_argument("--site-dir", type=Path, default=SITE)
    parser.add_argument("--config-file", type=Path, default=CONFIG)
    parser.add_argument("--engine", choices=build_check.ENGINES, default="mkdocs",
                        help="mkdocs (the default, used by deploy) or properdocs, its maintained fork")
    args = parser.parse_args(argv)
    return build(args.site_dir.resolve(), args.config_file, args.engine)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
