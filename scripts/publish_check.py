"""Is the site ready to publish? `python -m scripts.publish_check [--config-file mkdocs.yml]`

Fails (exit 1) and names each placeholder still in place: the publisher, the contact address,
the repository address and the site address. The values are read as MkDocs reads them, so the
REPO_URL and SITE_URL environment variables count, as they do in the deploy workflow. The rules
are in scripts/publisher.py. Exits 0 and says so when none is left. `make publish-check` runs this;
the deploy workflow runs it before it publishes.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from scripts import publisher
from scripts.errors import InputError, InputErrors, display_path, report_exception


def run(config_file: Path = publisher.CONFIG) -> int:
    try:
        found = publisher.placeholders(publisher.read(config_file))
    except (InputError, InputErrors) as error:
        return report_exception(error)
    if not found:
        print("ready to publish: no placeholder is left (publisher, contact, repository address, "
              "site address)")
        return 0
    where = display_path(config_file)
    print(f"error: not ready to publish: {len(found)} placeholder(s) left in {where}", file=sys.stderr)
    for item in found:
        print(f"  {item.what}: {item.value!r}, from {item.where}\n    What to do: {item.hint}",
              file=sys.stderr)
    return 1


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Fail while the site still has placeholders.")
    parser.add_argument("--config-file", type=Path, default=publisher.CONFIG)
    args = parser.parse_args(argv)
    return run(args.config_file)


if __name__ == "__main__":
    sys.exit(main())
