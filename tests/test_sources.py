"""The sources registry: pages cite sources by id, every external link is registered, and the
Källor lists (each page's and the whole site's) are made from the registry."""

from __future__ import annotations

import datetime
import shutil
import warnings
from pathlib import Path

import pytest

from scripts import fragments as writer
from scripts import sources
from scripts.errors import InputError, InputErrors
from scripts.paths import DATA

FIXTURES = Path(__file__).parent / "fixtures" / "sources"
PAGE = """---
title: {title}
description: En sida.
sources:
  - lag-2010-1919: 7 §, om samråd
---

# {title}

Läs mer hos [Kulturrådet][kulturradet].

## Källor {{#kallor}}

--8<-- "generated/kallor/{stem}.{lang}.md"
"""


def make_site(tmp_path: Path, registry: str = "valid.yml", sv_extra: str = "") -> tuple[Path, Path]:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "guide.md").write_text(PAGE.format(title="Guide", stem="guide", lang="sv") + sv_extra, encoding="utf-8")
    (docs / "guide.en.md").write_text(PAGE.format(title="Guide (en)", stem="guide", lang="en").replace(
        "[Kulturrådet][kulturradet].", "[Kulturrådet][kulturradet] (in Swedish)."), encoding="utf-8")
    data = tmp_path / registry
    shutil.copy(FIXTURES / registry, data)
    return data, docs


def errors_of(data: Path, docs: Path) -> list[str]:
    with pytest.raises((InputError, InputErrors)) as caught:
        sources.read(data, docs)
    error = caught.value
    return [str(e) for e in (error.errors if isinstance(error, InputErrors) else [error])]


def rendered(data: Path, docs: Path, out: Path) -> dict[str, str]:
    return {f.path.relative_to(out).as_posix(): f.content.decode("utf-8")
            for f in sources.render(sources.read(data, docs), docs, out)}


def test_a_page_lists_the_sources_it_cites_in_its_front_matter_and_text(tmp_path: Path) -> None:
    data, docs = make_site(tmp_path)
    found = rendered(data, docs, tmp_path / "out")
    sv = found["kallor/guide.sv.md"]
    assert "- [Lag (2010:1919)](https://lagen.nu/2010:1919): 7 §, om samråd" in sv
    assert "- [Kulturrådet](https://www.kulturradet.se/)" in sv  # cited as [Kulturrådet][kulturradet]
    # An English reader is told that the page behind the link is in Swedish; a Swedish one is not.
    assert "- [Act 2010:1919](https://lagen.nu/2010:1919) (in Swedish)" in found["kallor/guide.en.md"]
    assert "(på svenska)" not in sv
    assert "Metodverktyg" not in sv  # not cited by this page


def test_the_sources_page_groups_by_kind_with_the_checked_date_and_the_pages_that_cite(tmp_path: Path) -> None:
    data, docs = make_site(tmp_path)
    sv = rendered(data, docs, tmp_path / "out")["kallor.sv.md"]
    assert sv.index("## Lagar {#lag}") < sv.index("## Myndigheter {#myndighet}") < sv.index("## Organisationer")
    assert 'Länken kollad <time>2026-11-25</time>.' in sv
    assert "Används på: [Guide](guide.md)." in sv
    assert "**Metodverktyg**, Ideell kulturallians. Ingen webbadress känd." in sv


def test_every_id_gets_a_link_definition_so_text_can_cite_by_id(tmp_path: Path) -> None:
    data, docs = make_site(tmp_path)
    links = rendered(data, docs, tmp_path / "out")["source-links.md"]
    assert "[kulturradet]: https://www.kulturradet.se/" in links
    assert "metodverktyg" not in links  # no address, no link


def test_a_citation_of_an_unknown_id_fails_with_the_page_and_line(tmp_path: Path) -> None:
    data, docs = make_site(tmp_path, sv_extra="\nSe också [utredningen][sou-2099-1].\n")
    [error] = errors_of(data, docs)
    line = (docs / "guide.md").read_text(encoding="utf-8").splitlines().index(
        "Se också [utredningen][sou-2099-1].") + 1
    assert error.startswith(f"{docs / 'guide.md'}:{line}: the page cites the source 'sou-2099-1',"
                            " which is not in the sources registry")


def test_an_unknown_id_in_the_front_matter_fails_with_its_line(tmp_path: Path) -> None:
    data, docs = make_site(tmp_path)
    page = docs / "guide.en.md"
    page.write_text(page.read_text(encoding="utf-8").replace("lag-2010-1919", "lag-2010-9999"), encoding="utf-8")
    [error] = errors_of(data, docs)
    assert error.startswith(f"{page}:5: the page cites the source 'lag-2010-9999'")


def test_an_external_link_not_in_the_registry_fails_and_says_how_to_add_it(tmp_path: Path) -> None:
    data, docs = make_site(tmp_path, sv_extra="\nLäs [SKR](https://skr.se/).\n")
    [error] = errors_of(data, docs)
    line = (docs / "guide.md").read_text(encoding="utf-8").splitlines().index("Läs [SKR](https://skr.se/).") + 1
    assert f"guide.md:{line}: the link to https://skr.se/ is not in the sources registry" in error
    assert "add the source to data/sources.yml (id, title, publisher, kind, address, checked)" in error


def test_links_in_code_are_not_citations(tmp_path: Path) -> None:
    data, docs = make_site(tmp_path, sv_extra="\nSkriv `[text](https://skr.se/)` så här.\n")
    assert "kallor/guide.sv.md" in rendered(data, docs, tmp_path / "out")


@pytest.mark.parametrize(
    ("fixture", "line", "words"),
    [
        ("missing-address.yml", 8, "source 'kulturradet': the field 'address' is missing"),
        ("missing-checked.yml", 2, "source 'lag-2010-1919': 'checked' is missing"),
        ("malformed-date.yml", 14, "the sources file has a date that does not exist: 2025-13-40"),
        ("duplicate-id.yml", 16, "source 'kulturradet': the id is used twice (first on line 8)"),
    ],
)
def test_a_bad_registry_entry_fails_with_file_and_line_and_nothing_is_written(
    tmp_path: Path, fixture: str, line: int, words: str
) -> None:
    data, docs = make_site(tmp_path, registry=fixture)
    errors = errors_of(data, docs)
    assert any(e.startswith(f"{data}:{line}: {words}") for e in errors), errors
    with pytest.raises((InputError, InputErrors)):
        writer.write(sources.fragments(data, docs, tmp_path / "out"), tmp_path / "out" / ".written.json")
    assert not (tmp_path / "out").exists()


def test_a_source_checked_more_than_12_months_ago_is_due(tmp_path: Path) -> None:
    data, docs = make_site(tmp_path)
    registry = sources.read(data, docs)
    assert [s.id for s in sources.due(registry, datetime.date(2025, 6, 1))] == []
    assert [s.id for s in sources.due(registry, datetime.date(2026, 11, 27))] == ["kulturradet"]


def test_the_real_registry_lists_the_sources_due_for_a_new_check_as_a_warning() -> None:
    registry = sources.read()
    assert len(registry.sources) >= 30 and registry.citations
    for source in sources.due(registry, datetime.date.today()):
        # A warning, not a failure: `make test` lists it in its summary.
        warnings.warn(f"{DATA / 'sources.yml'}:{source.line}: source '{source.id}' was last checked"
                      f" on {source.checked}; look at {source.address} again", stacklevel=1)


def test_every_web_address_in_the_registry_is_https_and_unique_per_source() -> None:
    registry = sources.read()
    for source in registry.sources.values():
        assert source.address == sources.NO_ADDRESS or source.address.startswith("https://") \
            or source.address.endswith(".md"), source.id


def test_a_link_on_an_english_page_to_a_page_in_swedish_must_say_so(tmp_path: Path) -> None:
    data, docs = make_site(tmp_path)
    page = docs / "guide.en.md"
    page.write_text(page.read_text(encoding="utf-8").replace(" (in Swedish).", "."), encoding="utf-8")
    with pytest.raises(InputErrors) as caught:
        sources.read(data, docs)
    [error] = caught.value.errors
    assert error.path == page and error.line == 10  # the line of [Kulturrådet][kulturradet]
    assert "'kulturradet' leads to a page in Swedish" in str(error) and "(in Swedish)" in str(error)


def test_a_source_in_english_needs_no_in_swedish_label(tmp_path: Path) -> None:
    data, docs = make_site(tmp_path)
    page = docs / "guide.en.md"
    page.write_text(page.read_text(encoding="utf-8").replace(" (in Swedish).", "."), encoding="utf-8")
    text = data.read_text(encoding="utf-8")
    data.write_text(text.replace("address: https://www.kulturradet.se/",
                                 "address: https://www.kulturradet.se/\n    language: en"), encoding="utf-8")
    registry = sources.read(data, docs)
    assert registry.sources["kulturradet"].language == "en"
