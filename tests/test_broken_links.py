"""The weekly link check: lychee's report on the registry's addresses becomes one issue's text."""

from __future__ import annotations

from pathlib import Path

from scripts import broken_links, sources

FIXTURES = Path(__file__).parent / "fixtures" / "broken_links"


def test_the_addresses_to_check_are_every_web_address_in_the_registry_once() -> None:
    registry = sources.read()
    found = broken_links.addresses(registry)
    assert "https://lagen.nu/2010:1919" in found and "https://www.kulturradet.se/" in found
    assert len(found) == len(set(found))
    assert all(address.startswith("https://") for address in found)
    assert len(found) == len({s.address for s in registry.sources.values() if s.is_web})


def test_a_broken_address_is_listed_with_its_registry_entry_and_the_pages_that_cite_it(tmp_path: Path) -> None:
    out = tmp_path / "broken-links.md"
    assert broken_links.main(["report", str(FIXTURES / "lychee-errors.json"), str(out)]) == 0
    body = out.read_text(encoding="utf-8")
    section = body[body.index("## <https://www.kulturradet.se/>"):]
    assert "- Svar: [404] Rejected status code" in section
    line = next(s.line for s in sources.read().sources.values() if s.id == "kulturradet")
    assert f"- Källa: `kulturradet` (Kulturrådet, sidorna om kultursamverkansmodellen), data/sources.yml:{line}" in section
    assert "`docs/inbjudan.md`" in section  # a page that cites it
    assert "## <https://lagen.nu/2010:1919>" in body and "Connection failed" in body


def test_nothing_is_written_when_every_address_answers(tmp_path: Path) -> None:
    out = tmp_path / "broken-links.md"
    assert broken_links.main(["report", str(FIXTURES / "lychee-ok.json"), str(out)]) == 0
    assert not out.exists()


def test_an_unreadable_report_is_an_error_that_names_it(tmp_path: Path, capsys) -> None:
    report = tmp_path / "lychee-report.json"
    report.write_text("{not json", encoding="utf-8")
    assert broken_links.main(["report", str(report), str(tmp_path / "out.md")]) == 1
    assert f"{report}: lychee's report cannot be read" in capsys.readouterr().err
