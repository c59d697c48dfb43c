"""Split the built search index by language, after `mkdocs build`.

mkdocs-static-i18n writes one search/search_index.json for both languages (#271). This writes
search_index.sv.json and search_index.en.json beside it, each with only its language's pages and
its own stemmer, and replaces the combined file with a small list of the two, which
overrides/partials/fix-search-language.js reads. Under `make serve` the index stays combined and the
script filters it in the browser. `python -m scripts.split_search_index [SITE_DIR]`
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from scripts.fragments import write_atomically
from scripts.paths import LANGUAGES, SITE

INDEX = Path("search") / "search_index.json"


def language_of(doc: dict[str, Any]) -> str:
    location = doc.get("location", "")
    return "en" if location == "en/" or location.startswith("en/") else "sv"


def split(site_dir: Path) -> dict[str, int]:
    """Write one index per language; return the number of entries in each."""
    path = site_dir / INDEX
    index = json.loads(path.read_text(encoding="utf-8"))
    if "languages" in index:
        raise SystemExit(f"{path} is already split; build the site again first")
    counts = {}
    for lang in LANGUAGES:
        docs = [doc for doc in index["docs"] if language_of(doc) == lang]
        config = dict(index["config"], lang=[lang])
        write_atomically(path.with_name(f"search_index.{lang}.json"),
                         json.dumps({"config": config, "docs": docs}, ensure_ascii=False, separators=(",", ":")).encode())
        counts[lang] = len(docs)
    write_atomically(path, json.dumps({"languages": {lang: f"search_index.{lang}.json" for lang in LANGUAGES}}).encode())
    return counts


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    site_dir = Path(args[0]) if args else SITE
    counts = split(site_dir)
    print("search index split: " + ", ".join(f"{lang} {n} entries" for lang, n in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
