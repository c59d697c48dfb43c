"""`make bench` runs only by hand, so these keep its scripts working as the code under them changes."""

from __future__ import annotations

from pathlib import Path

from scripts import bench, bench_pipeline
from scripts.lessons import LESSONS_FILE, REPORTS_DIR
from scripts.paths import DOCS


def test_the_lessons_pipeline_bench_writes_every_lessons_fragments(tmp_path: Path) -> None:
    step = bench_pipeline._pipeline(LESSONS_FILE, REPORTS_DIR, DOCS, tmp_path / "real")
    step()
    written = sorted(p.name for p in (tmp_path / "real" / "generated" / "lardomar").glob("*.md"))
    assert "mat.sv.md" in written and "mat.en.md" in written
    assert "index.sv.md" in written


def test_every_page_type_the_bench_weighs_is_a_page_of_the_site() -> None:
    for kind, page in bench.FIRST_VIEW_PAGES.items():
        stem = page.strip("/") or "index"
        english = stem.startswith("en/") or stem == "en"
        stem = stem.removeprefix("en").strip("/") or "index"
        candidates = [DOCS / f"{stem}{'.en' if english else ''}.md",
                      DOCS / stem / f"index{'.en' if english else ''}.md"]
        assert any(c.is_file() for c in candidates), f"{kind}: no page in docs/ for {page}"
