"""Each language has its own search index, so a reader downloads and searches only their own."""

from __future__ import annotations

import json

from tests.sitebuild import BuiltSite


def test_the_built_search_index_is_split_by_language(built_site: BuiltSite) -> None:
    search = built_site.site_dir / "search"
    listing = json.loads((search / "search_index.json").read_text(encoding="utf-8"))
    assert listing == {"languages": {"sv": "search_index.sv.json", "en": "search_index.en.json"}}
    for lang in ("sv", "en"):
        index = json.loads((search / f"search_index.{lang}.json").read_text(encoding="utf-8"))
        assert index["config"]["lang"] == [lang]
        assert "stemmer" in index["config"]["pipeline"]
        locations = [doc["location"] for doc in index["docs"]]
        assert len(locations) > 100
        english = [loc for loc in locations if loc == "en/" or loc.startswith("en/")]
        assert english == (locations if lang == "en" else [])
