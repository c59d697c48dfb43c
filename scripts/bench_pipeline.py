"""Benchmark of the lessons pipeline (not a timed test): `python -m scripts.bench_pipeline`.

1. The real report, the real lessons and the real guides: read, parse, check every quote,
   render every fragment and write them to a scratch folder. Goal: under 0.3 s.
2. A synthetic report 100 times the size of the real one (each section's text repeated), with
   500 lessons, each with its two pages: the same steps. Goal: under 5 s.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from scripts import fragments as fragment_writer
from scripts import lessons as lesson_kind
from scripts.lessons import LESSONS_FILE, REPORTS_DIR
from scripts.paths import DOCS
from scripts.report import discover
from scripts.report.sections import locate
from scripts.report.text import read_source

REAL_LIMIT = 0.3
SYNTHETIC_LIMIT = 5.0


def _best_of(runs: int, step: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        step()
        best = min(best, time.perf_counter() - start)
    return best


def _pipeline(lessons: Path, reports: Path, docs_in: Path, scratch: Path) -> Callable[[], object]:
    """Read, check and render the lessons into a scratch folder, from an empty output each time."""
    docs = scratch / "docs"
    shutil.copytree(docs_in, docs)
    out = scratch / "generated"

    def step() -> object:
        shutil.rmtree(out, ignore_errors=True)
        found = lesson_kind.fragments(lessons, reports, docs, out)
        return fragment_writer.write(found, manifest_path=out / ".written.json")
    return step


def _synthetic(folder: Path, times: int, lesson_count: int) -> tuple[Path, Path, int]:
    """A report `times` the size of the real one, and `lesson_count` lessons quoting it."""
    reports = folder / "reports"
    reports.mkdir()
    [meta] = [m for m in discover(REPORTS_DIR)][:1]
    lines = read_source(meta.text_path).split("\n")
    spans = locate(meta, lines)
    out: list[str] = lines[: spans[0].first]
    for index, span in enumerate(spans):
        end = spans[index + 1].first if index + 1 < len(spans) else len(lines)
        out.extend(lines[span.first : span.last + 1])
        body = lines[span.last + 1 : end]
        for _ in range(times):
            out.extend(body + [""])
    text = "\n".join(out)
    (reports / meta.text_path.name).write_text(text, encoding="utf-8")
    # The synthetic text is not the original, so its checksum must not be checked.
    metadata = meta.path.read_text(encoding="utf-8")
    (reports / meta.path.name).write_text(
        "".join(line for line in metadata.splitlines(keepends=True) if not line.startswith("sha256:")),
        encoding="utf-8",
    )
    data = yaml.safe_load(LESSONS_FILE.read_text(encoding="utf-8"))
    base = data["lessons"]
    data["lessons"] = [
        {**base[n % len(base)], "id": f"{base[n % len(base)]['id']}-{n}"} for n in range(lesson_count)
    ]
    lessons = folder / "lessons.yml"
    lessons.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    pages = folder / "docs-synthetic" / "lardomar"
    pages.mkdir(parents=True)
    for lesson in data["lessons"]:
        for language in ("sv", "en"):
            page = lesson_kind.page_path(pages.parent, lesson["id"], language)
            page.write_text(f"---\ntitle: {lesson['id']}\ndescription: {lesson['id']}\n---\n", encoding="utf-8")
    return lessons, reports, len(text.encode("utf-8"))


def main() -> int:
    real_size = sum(m.text_path.stat().st_size for m in discover(REPORTS_DIR))
    with tempfile.TemporaryDirectory() as tmp:
        real = _best_of(5, _pipeline(LESSONS_FILE, REPORTS_DIR, DOCS, Path(tmp) / "real"))
        lessons, reports, size = _synthetic(Path(tmp), 105, 500)
        synthetic = _best_of(3, _pipeline(lessons, reports, Path(tmp) / "docs-synthetic",
                                          Path(tmp) / "synthetic"))
    ok = real < REAL_LIMIT and synthetic < SYNTHETIC_LIMIT
    print(f"real report ({real_size:,} bytes, all lessons and guides): {real:.3f} s "
          f"(goal < {REAL_LIMIT} s)")
    print(f"synthetic report ({size:,} bytes, {size / real_size:.0f}x) with 500 lessons: "
          f"{synthetic:.3f} s (goal < {SYNTHETIC_LIMIT} s)")
    print("both within their goals" if ok else "OVER A GOAL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
