"""The shared command line of the generators: `python -m scripts.X [--check]`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from scripts.errors import InputError, display_path
from scripts.generated_files import GeneratedOutput


def run_generator(
    generate: Callable[[], GeneratedOutput], argv: Sequence[str] | None, description: str
) -> int:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; fail if the committed generated files are out of date",
    )
    args = parser.parse_args(argv)
    try:
        output = generate()
        if args.check:
            problems = output.check()
            for problem in problems:
                print(f"error: {problem}", file=sys.stderr)
            return 1 if problems else 0
        for path in output.write():
            print(f"wrote {display_path(path)}")
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0
