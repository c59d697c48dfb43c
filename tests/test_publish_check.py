"""`make publish-check` fails while a placeholder is left, names each one, and passes when none is.

The "Förhandsversion" banner (overrides/partials/placeholders.html) follows the same rules.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import jinja2
import pytest

from scripts import publish_check, publisher
from scripts.paths import ROOT

ENV = ("SITE_URL", "REPO_URL")
# Fixture values: reserved example domains and an example repository, not real ones.
REAL = {
    "name": "Exempelföreningen",
    "contact": "kontakt@example.org",
    "repo_url": "https://github.com/example-owner/example-repository",
    "site_url": "https://example.org/kultursamverkan/",
}
PLACEHOLDERS = {
    "name": "[UTGIVARE SAKNAS]",
    "contact": "[KONTAKTADRESS SAKNAS]",
    "repo_url": "https://github.com/OWNER/REPOSITORY",
    "site_url": "http://127.0.0.1:8000/kultursamverkan/",
}
NAMES = {"name": "publisher", "contact": "contact", "repo_url": "repository address",
         "site_url": "site address"}


@pytest.fixture(autouse=True)
def no_address_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ENV:
        monkeypatch.delenv(name, raising=False)


def write_config(tmp_path: Path, values: dict[str, str], site_url: str | None = None,
                 repo_url: str | None = None) -> Path:
    """A small mkdocs.yml with extra.publisher; site_url and repo_url may be `!ENV` lines."""
    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "docs" / "index.md").write_text("# Test\n", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: Test\n"
        f"site_url: {site_url or values['site_url']}\n"
        f"repo_url: {repo_url or values['repo_url']}\n"
        "extra:\n"
        "  publisher:\n"
        f"    name: \"{values['name']}\"\n"
        f"    contact: \"{values['contact']}\"\n"
        "    ax:\n"
        "      sv: Svensk text om Ax.\n"
        "      en: English text about Ax.\n",
        encoding="utf-8",
    )
    return config


def run_check(config: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = publish_check.run(config)
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_publish_check_fails_today_and_names_all_four_placeholders(capsys: pytest.CaptureFixture[str]) -> None:
    code, output = run_check(ROOT / "mkdocs.yml", capsys)
    assert code == 1
    for what in ("publisher: '[UTGIVARE SAKNAS]'", "contact: '[KONTAKTADRESS SAKNAS]'",
                 "repository address: 'https://github.com/OWNER/REPOSITORY'",
                 "site address: 'http://127.0.0.1:8000/kultursamverkan/'"):
        assert what in output, output
    assert "ready to publish: no placeholder" not in output


def test_publish_check_reads_site_url_and_repo_url_from_the_environment_as_mkdocs_does(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SITE_URL", REAL["site_url"])
    monkeypatch.setenv("REPO_URL", REAL["repo_url"])
    code, output = run_check(ROOT / "mkdocs.yml", capsys)
    assert code == 1
    assert "publisher:" in output and "contact:" in output
    assert "repository address" not in output and "site address" not in output, output


@pytest.mark.parametrize("left", sorted(NAMES))
def test_publish_check_names_the_one_placeholder_left(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], left: str
) -> None:
    config = write_config(tmp_path, {**REAL, left: PLACEHOLDERS[left]})
    code, output = run_check(config, capsys)
    assert code == 1
    named = [what for what in NAMES.values() if f"  {what}: " in output]
    assert named == [NAMES[left]], output


def test_publish_check_passes_and_says_so_when_no_placeholder_is_left(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, output = run_check(write_config(tmp_path, REAL), capsys)
    assert code == 0, output
    assert "ready to publish: no placeholder is left" in output


def test_publish_check_passes_with_env_addresses_in_a_config_whose_defaults_are_placeholders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config = write_config(
        tmp_path, REAL,
        site_url=f"!ENV [SITE_URL, \"{PLACEHOLDERS['site_url']}\"]",
        repo_url=f"!ENV [REPO_URL, \"{PLACEHOLDERS['repo_url']}\"]",
    )
    code, output = run_check(config, capsys)
    assert code == 1 and "site address" in output and "repository address" in output
    monkeypatch.setenv("SITE_URL", REAL["site_url"])
    monkeypatch.setenv("REPO_URL", REAL["repo_url"])
    code, output = run_check(config, capsys)
    assert code == 0, output


def test_publish_check_command_exits_1_and_names_the_placeholders() -> None:
    env = {key: value for key, value in __import__("os").environ.items() if key not in ENV}
    result = subprocess.run([sys.executable, "-m", "scripts.publish_check"], cwd=ROOT, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "4 placeholder(s) left" in result.stderr, result.stderr


def banner_words(values: dict[str, str]) -> list[str]:
    """What overrides/partials/placeholders.html says for these values."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(ROOT / "overrides")))
    config = {
        "extra": {"publisher": {"name": values["name"], "contact": values["contact"]}},
        "repo_url": values["repo_url"],
        "site_url": values["site_url"],
    }
    return env.get_template("partials/placeholders.html").render(config=config).split()


@pytest.mark.parametrize("left", [(), *[(key,) for key in sorted(NAMES)], tuple(sorted(NAMES))])
def test_preview_banner_shows_exactly_when_publish_check_fails(left: tuple[str, ...]) -> None:
    values = {**REAL, **{key: PLACEHOLDERS[key] for key in left}}
    found = publisher.placeholders(publisher.Publisher(
        values["name"], values["contact"], {}, values["repo_url"], values["site_url"], ROOT / "mkdocs.yml"))
    assert [item.what.split()[0] for item in found] == banner_words(values)
    assert bool(found) == bool(left)
