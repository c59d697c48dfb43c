"""Translation parity: every Swedish page has an English twin, and the reverse.

Swedish is `page.md`, English `page.en.md` (mkdocs-static-i18n, suffix mode). A missing twin is a
defect, not a fallback. An English file whose text is the Swedish text is one too.
"""

from __future__ import annotations

import sys
from pathlib import Path

from scripts.errors import InputError, display_path, report
from scripts.frontmatter import read
from scripts.paths import DOCS

ENGLISH_SUFFIX = ".en.md"


def english_twin(swedish: Path) -> Path:
    return swedish.with_name(swedish.name[: -len(".md")] + ENGLISH_SUFFIX)


def swedish_twin(english: Path) -> Path:
    return english.with_name(english.name[: -len(ENGLISH_SUFFIX)] + ".md")


def words(text: str) -> list[str]:
    return text.lower().split()


def check(docs: Path = DOCS) -> list[InputError]:
    errors: list[InputError] = []
    for path in sorted(docs.rglob("*.md")):
        if path.name.endswith(ENGLISH_SUFFIX):
            if not swedish_twin(path).exists():
                errors.append(InputError(
                    path, "this English page has no Swedish page",
                    hint=f"add {display_path(swedish_twin(path))}, or delete the English page",
                ))
            continue
        twin = english_twin(path)
        if not twin.exists():
            errors.append(InputError(
                path, "this Swedish page has no English twin",
                hint=f"add {display_path(twin)} with the English translation",
            ))
            continue
        try:
            swedish, english = read(path), read(twin)
        except InputError as error:
            errors.append(error)
            continue
        if words(swedish.body) == words(english.body):
            errors.append(InputError(
                twin, "the English page repeats the Swedish text word for word",
                line=english.body_start_line,
                hint="translate the page into English",
            ))
        if swedish.meta.get("title") == english.meta.get("title"):
            errors.append(InputError(
                twin, "the English title is the same as the Swedish title", line=2,
                hint="translate the 'title' field",
            ))
    return errors


def main(argv: list[str] | None = None) -> int:
    docs = Path(argv[0]) if argv else DOCS
    errors = check(docs)
    if not errors:
        print(f"every page under {display_path(docs)} has its twin")
    return report(errors)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
