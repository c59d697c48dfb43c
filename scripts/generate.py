"""Run every generator before the build: `python -m scripts.generate [--check]`.

Committed generators write Markdown from data/ (checked for staleness with --check). Build-time
generators write files that depend on site_url (QR codes, absolute links); they are never
committed and always run before a build.
"""

from __future__ import annotations

import importlib
import sys

# Module names, in order. Each has `main(argv) -> int` with a --check flag.
COMMITTED = ("scripts.responsibilities", "scripts.glossary", "scripts.lessons")
BUILD_TIME = ("scripts.qr_codes", "scripts.lessons_applied")


def run(modules: tuple[str, ...], argv: list[str]) -> int:
    for name in modules:
        status = importlib.import_module(name).main(argv)
        if status:
            print(f"error: `python -m {name} {' '.join(argv)}` failed; see above", file=sys.stderr)
            return status
    return 0


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args == ["--build-time"]:
        return run(BUILD_TIME, [])
    if args not in ([], ["--check"]):
        print("usage: python -m scripts.generate [--check | --build-time]", file=sys.stderr)
        return 2
    return run(COMMITTED, args)


if __name__ == "__main__":
    sys.exit(main())
