"""Twins that never drift: an English page records the Swedish text it translates; when the
Swedish text changes, the English page shows a notice and the check lists what changed."""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from scripts import fragments as writer
from scripts import generate, twins
from scripts.errors import InputErrors
from scripts.paths import DOCS, ROOT
from tests.minisite import copy_minisite, replace_in

OUTDATED = 'data-translation-status="outdated"'
SWEDISH_LINE = "Kommunen ansvarar för folkbiblioteket."


@dataclass
class TwinSite:
    """The mini site with the snippets extension, a generated fragment that both languages
    include, and a `reviewed:` date on the Swedish page."""

    root: Path

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def snapshots(self) -> Path:
        return self.root / "translations"

    @property
    def generated(self) -> Path:
        return self.root / "snippets" / "generated"

    def page(self, name: str) -> Path:
        return self.docs / name

    def read(self) -> list[twins.Twin]:
        return twins.read(self.docs, self.snapshots)

    def twin(self, name: str = "guide.en.md") -> twins.Twin:
        return next(t for t in self.read() if t.english.name == name)

    def mark(self, name: str = "guide.en.md") -> str:
        return twins.mark(self.page(name), self.docs, self.snapshots)

    def set_data(self, text: str) -> None:
        """What a data kind's generator would write from data/: the fragment both pages include."""
        self.generated.mkdir(parents=True, exist_ok=True)
        for language in ("sv", "en"):
            (self.generated / f"lista.{language}.md").write_text(f"- {text} ({language})\n", encoding="utf-8")

    def build(self, tmp_path: Path) -> str:
        """Generate the notice fragments, build strictly, return the English guide's HTML."""
        found = twins.fragments(self.docs, self.snapshots, self.generated)
        writer.write(found, self.generated / ".written.json", complete=False)
        out = tmp_path / "out"
        result = subprocess.run(
            [sys.executable, "-m", "scripts.build_check", "--config-file", str(self.root / "mkdocs.yml"),
             "--site-dir", str(out)], cwd=ROOT, capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
        return (out / "en" / "guide" / "index.html").read_text(encoding="utf-8")


@pytest.fixture
def site(tmp_path: Path) -> TwinSite:
    root = copy_minisite(tmp_path)
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    config["markdown_extensions"].append(
        {"pymdownx.snippets": {"base_path": [str(root / "snippets")], "check_paths": True}})
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    replace_in(root / "docs" / "guide.md", "description: En guide med avsnitt.\n",
               "description: En guide med avsnitt.\nreviewed: 2026-11-27\n")
    for name, language in (("guide.md", "sv"), ("guide.en.md", "en")):
        path = root / "docs" / name
        path.write_text(path.read_text(encoding="utf-8") + f'\n--8<-- "generated/lista.{language}.md"\n',
                        encoding="utf-8")
    twin_site = TwinSite(root)
    twin_site.set_data("Första versionen av listan")
    log, errors = twins.mark_all(twin_site.docs, twin_site.snapshots)
    assert not errors and len(log) == 2
    return twin_site


def test_every_english_page_of_the_site_records_its_swedish_text() -> None:
    found = twins.read()  # raises, with file:line, on a missing or malformed record
    assert len(found) == len(list(DOCS.rglob("*.en.md"))) > 30
    for twin in found:
        first = next(line for line in twin.english.read_text(encoding="utf-8").split("---", 2)[2].splitlines()
                     if line.strip())
        assert first == twins.include_line(twin.english, DOCS), twin.english


def test_the_generator_writes_a_notice_fragment_for_every_english_page() -> None:
    assert "twins" in generate.KINDS
    names = {f.path.name for f in twins.fragments()}
    assert "ansvar.en.md" in names and "mat.en.md" in names


def test_a_changed_swedish_body_shows_the_notice_and_the_diff_until_marked_current(
        site: TwinSite, tmp_path: Path) -> None:
    assert OUTDATED not in site.build(tmp_path)
    replace_in(site.page("guide.md"), SWEDISH_LINE, "Kommunen ansvarar för biblioteket i kommunen.")

    twin = site.twin()
    assert twin.outdated
    page = site.build(tmp_path)
    notice = re.search(r'<div class="admonition warning" data-translation-status="outdated">.*?</div>',
                       page, re.S)
    assert notice, "the English page has no notice"
    assert page.index(OUTDATED) < page.index("<h1"), "the notice is not at the top"
    assert "This translation may be out of date" in notice.group(0)
    assert '<time datetime="2026-11-27">27 November 2026</time>' in notice.group(0)
    assert '<a href="../../guide/" hreflang="sv" lang="sv">Guide</a>' in notice.group(0)

    listing = twins.listing(site.read())
    assert f"{site.page('guide.en.md')}:2: may be out of date: {site.page('guide.md')} has changed" in listing
    assert f"@@ {site.page('guide.md')}:11 @@" in listing
    assert f"- {SWEDISH_LINE}" in listing
    assert "+ Kommunen ansvarar för biblioteket i kommunen." in listing
    assert "[-folkbiblioteket.-] {+biblioteket i kommunen.+}" in listing
    assert f"make twin-current PAGE={site.page('guide.en.md')}" in listing
    assert "```diff" in twins.summary(site.read())

    site.mark()
    assert not site.twin().outdated
    assert OUTDATED not in site.build(tmp_path)
    assert "translate their Swedish page as it is now" in twins.listing(site.read())


def test_a_change_in_the_data_that_both_pages_include_is_not_a_change(site: TwinSite, tmp_path: Path) -> None:
    site.set_data("Andra versionen av listan, med fler ord")
    assert not site.twin().outdated
    page = site.build(tmp_path)
    assert "Andra versionen av listan" in page and OUTDATED not in page


def test_front_matter_line_endings_and_trailing_spaces_are_not_a_change(site: TwinSite) -> None:
    swedish = site.page("guide.md")
    replace_in(swedish, "reviewed: 2026-11-27", "reviewed: 2026-11-27\nsearch:\n  boost: 2")
    text = swedish.read_text(encoding="utf-8")
    text = text.replace("---\n\n# Guide", "---\n\n\n# Guide")  # one more blank line at the start
    swedish.write_bytes((text.replace("\n", "  \r\n") + "\n\n").encode("utf-8"))
    assert not site.twin().outdated


def test_marking_rewrites_only_the_record_line_and_keeps_every_other_byte(site: TwinSite) -> None:
    english = site.page("guide.en.md")
    english.write_bytes(english.read_bytes().replace(b"\n", b"\r\n"))  # as a Windows editor saves
    before = english.read_bytes().split(b"\r\n")
    replace_in(site.page("guide.md"), SWEDISH_LINE, "Kommunen har folkbiblioteket.")
    assert "(record " in site.mark()
    after = english.read_bytes().split(b"\r\n")
    changed = [number for number, (old, new) in enumerate(zip(before, after), start=1) if old != new]
    assert len(before) == len(after) and changed == [2]
    assert re.fullmatch(rb"translated_from: [0-9a-f]{12}", after[1])
    snapshot = site.snapshots / "guide.sv.md"
    assert "Kommunen har folkbiblioteket." in snapshot.read_text(encoding="utf-8")
    assert "already current" in site.mark()


def test_marking_adds_a_missing_record_and_notice_line(site: TwinSite) -> None:
    english = site.page("guide.en.md")
    text = english.read_text(encoding="utf-8")
    english.write_text(re.sub(r"translated_from: \w+\n", "", text).replace(
        twins.include_line(english, site.docs) + "\n\n", ""), encoding="utf-8")
    log = site.mark()
    assert "record added" in log and "notice line added" in log
    assert english.read_text(encoding="utf-8") == text


def test_a_missing_record_fails_with_file_line_and_the_command(site: TwinSite) -> None:
    english = site.page("guide.en.md")
    english.write_text(re.sub(r"translated_from: \w+\n", "", english.read_text(encoding="utf-8")),
                       encoding="utf-8")
    with pytest.raises(InputErrors) as raised:
        site.read()
    message = str(raised.value.errors[0])
    assert message.startswith(f"{english}:2: the page does not record which Swedish text it translates")
    assert f"make twin-current PAGE={english}" in message


def test_a_malformed_record_fails_with_file_and_line(site: TwinSite) -> None:
    english = site.page("guide.en.md")
    english.write_text(re.sub(r"translated_from: \w+", "translated_from: ja", english.read_text(encoding="utf-8")),
                       encoding="utf-8")
    with pytest.raises(InputErrors) as raised:
        site.read()
    assert [str(e).split("\n")[0] for e in raised.value.errors] == [
        f"{english}:2: 'translated_from: ja' is not a record written by the twin command: it must be "
        "12 characters of 0-9 and a-f"]


def test_a_record_whose_swedish_page_does_not_exist_fails_with_file_and_line(site: TwinSite) -> None:
    site.page("guide.md").unlink()
    with pytest.raises(InputErrors) as raised:
        site.read()
    english = site.page("guide.en.md")
    messages = [str(e) for e in raised.value.errors]
    assert any(m.startswith(f"{english}:2: the page translates {site.page('guide.md')}, which does not exist")
               for m in messages), messages
    with pytest.raises(Exception, match="which does not exist"):
        site.mark()


def test_a_missing_notice_line_or_an_edited_snapshot_fails_with_file_and_line(site: TwinSite) -> None:
    english = site.page("guide.en.md")
    replace_in(english, twins.include_line(english, site.docs) + "\n\n", "")
    (site.snapshots / "guide.sv.md").write_text("# Guide\n\nRättad för hand.\n", encoding="utf-8")
    with pytest.raises(InputErrors) as raised:
        site.read()
    messages = sorted(str(e) for e in raised.value.errors)
    assert messages[0].startswith(f"{english}:6: the page does not start with the line that shows the notice")
    assert messages[1].startswith(f"{site.snapshots / 'guide.sv.md'}:1: this copy of the Swedish text does not "
                                  "match the record")


def test_the_make_targets_and_the_pull_request_check_run_the_twin_commands() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "$(BIN)/python -m scripts.twins mark $(PAGE)" in makefile
    assert "$(BIN)/python -m scripts.twins mark --all" in makefile
    workflow = (ROOT / ".github" / "workflows" / "pull-request.yml").read_text(encoding="utf-8")
    assert 'python -m scripts.twins list --summary "$GITHUB_STEP_SUMMARY"' in workflow


def test_the_list_command_writes_the_summary_and_annotations(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    result = subprocess.run([sys.executable, "-m", "scripts.twins", "list", "--summary", str(summary)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert summary.read_text(encoding="utf-8").startswith("## Translations / Översättningar")
    outdated = [t for t in twins.read() if t.outdated]
    assert result.stdout.count("::warning file=docs/") == len(outdated)


def test_a_current_twins_fragment_is_empty(site: TwinSite) -> None:
    # So a page that is up to date carries no trace of the notice, not even a comment.
    [fragment] = [f for f in twins.render(site.read(), site.generated) if f.path.name == "guide.en.md"]
    assert fragment.path == site.generated / "twins" / "guide.en.md"
    assert fragment.content == b"\n"
