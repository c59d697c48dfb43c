"""Where things live in the repository, in one place."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
DATA = ROOT / "data"
SNIPPETS = ROOT / "snippets"
GENERATED_SNIPPETS = SNIPPETS / "generated"
SITE = ROOT / "site"

DEFAULT_LANGUAGE = "sv"
LANGUAGES = ("sv", "en")
