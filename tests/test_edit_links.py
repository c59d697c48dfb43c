"""The edit links on every page, in both languages, open the files a maintainer should change."""

from __future__ import annotations

import re

from scripts.fragments import MARKER
from scripts.pages_server import page_path_for_source
from scripts.paths import DOCS, ROOT
from tests.sitebuild import BuiltSite

EDIT_LINK = re.compile(r'<a href="([^"]+)"[^>]*rel="edit"([^>]*)>')
DATA_NAME = re.compile(r'data-edit-data="([^"]+)"')
FRAGMENT_SOURCE = re.compile(rf"<!-- {MARKER} from (data/[^\s:]+)")


def test_every_page_opens_its_own_markdown_file_and_the_data_files_behind_its_fragments(
    built_site: BuiltSite,
) -> None:
    sources = sorted(DOCS.rglob("*.md"))
    pages_with_data = 0
    for source in sources:
        path = page_path_for_source(source)
        html = (built_site.site_dir / path.strip("/") / "index.html").read_text(encoding="utf-8")
        links = EDIT_LINK.findall(html)
        page_links = [href for href, rest in links if "data-edit-data" not in rest]
        relative = source.relative_to(ROOT).as_posix()
        assert page_links and page_links[0].endswith(f"/edit/main/{relative}"), (path, page_links)
        assert MARKER not in source.read_text(encoding="utf-8").split("\n", 5)[1], \
            f"{relative}: the pencil opens a generated file"
        wanted = sorted(set(FRAGMENT_SOURCE.findall(html)))
        data_links = sorted(DATA_NAME.search(rest).group(1) for _, rest in links if "data-edit-data" in rest)
        assert data_links == wanted, f"{path}: data edit links {data_links}, fragments from {wanted}"
        for name in data_links:
            assert (ROOT / name).is_file(), f"{path}: the edit link opens {name}, which does not exist"
        pages_with_data += bool(data_links)
    assert len(sources) >= 68
    assert pages_with_data >= 30  # lesson pages, the glossary, the lookup, the report pages
