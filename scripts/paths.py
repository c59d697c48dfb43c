"""Where things live in the repository, in one place."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
DATA = ROOT / "data"
SNIPPETS = ROOT / "snippets"
GENERATED_SNIPPETS = SNIPPETS / "generated"
SITE = ROOT / "site"
# Copies of the Swedish texts that the English pages translate (scripts/twins.py); committed.
TRANSLATIONS = ROOT / "translations"
# What the generators wrote last time (scripts/fragments.py); build output, never committed.
MANIFEST = GENERATED_SNIPPETS / ".written.json"
ENGLISH_SUFFIX = ".en.md"

DEFAULT_LANGUAGE = "sv"
LANGUAGES = ("sv", "en")


def page_language(path: Path | str) -> str:
    """The language of a page or fragment by its name: `x.en.md` is English, `x.md` Swedish."""
    name = Path(path).name
    return "en" if name.endswith((".en.md", ".en.html")) else DEFAULT_LANGUAGE
