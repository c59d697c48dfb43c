"""Who publishes the site, how to reach them, and the site's relation to Ax: `extra.publisher`.

The one place for these is `extra.publisher` in mkdocs.yml. The theme reads it for every page's
footer and report-a-problem links (overrides/); this writes it into the page Om webbplatsen:

- snippets/generated/utgivare.{sv,en}.md: the publisher and the relation to Ax;
- snippets/generated/kontakt.{sv,en}.md: the contact address, as a mailto: link.

The words around the values come from data/labels.yml. `placeholders()` lists what is not yet
real: the publisher, the contact address, the repository address and the site address. The
deploy refuses to publish while one is left (scripts/publish_check.py), and the theme shows a
"Förhandsversion" banner (overrides/partials/preview.html follows the same rules).

    python -m scripts.publisher [--check]
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

from scripts.datafile import LANGUAGE_NAMES, clean, labels
from scripts.errors import InputError, InputErrors
from scripts.fragments import Fragment
from scripts.paths import GENERATED_SNIPPETS, LANGUAGES, ROOT

NAME = "publisher"
CONFIG = ROOT / "mkdocs.yml"
BELONGS = "extra.publisher in mkdocs.yml"

# The placeholder rules. overrides/partials/preview.html decides the banner with the same rules;
# tests/test_publish_check.py checks that the two agree.
PLACEHOLDER_REPOSITORY = "github.com/OWNER/REPOSITORY"
LOCAL_HOSTS = ("127.0.0.1", "localhost")


@dataclass(frozen=True)
class Publisher:
    name: str
    contact: str
    ax: dict[str, str]  # the relation to Ax and its report, per language
    repo_url: str
    site_url: str
    config_file: Path


@dataclass(frozen=True)
class Placeholder:
    what: str  # "publisher", "contact", "repository address", "site address"
    value: str
    where: str  # the setting to change
    hint: str


def is_placeholder_text(value: str) -> bool:
    """An empty value, or one in [SQUARE BRACKETS] like "[UTGIVARE SAKNAS]"."""
    value = value.strip()
    return not value or value.startswith("[")


def _line(config_file: Path, key: str) -> int | None:
    """The line of `key:` in the config file (the first one, indented or not)."""
    try:
        text = config_file.read_text(encoding="utf-8")
    except OSError:
        return None
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(rf"\s*{re.escape(key)}\s*:", line):
            return number
    return None


def read(config_file: Path = CONFIG) -> Publisher:
    """extra.publisher, repo_url and site_url as MkDocs reads them (REPO_URL and SITE_URL apply)."""
    from mkdocs.config import load_config

    config = load_config(str(config_file))
    block = (config.extra or {}).get("publisher")
    line = _line(config_file, "publisher")
    errors: list[InputError] = []
    if not isinstance(block, dict):
        raise InputError(
            config_file, "extra.publisher is missing", line=_line(config_file, "extra"),
            hint="add 'publisher:' under 'extra:' with 'name:', 'contact:' and 'ax:' (sv and en); "
            "write \"[UTGIVARE SAKNAS]\" and \"[KONTAKTADRESS SAKNAS]\" while they are unknown",
        )
    texts = {}
    for key in ("name", "contact"):
        value = block.get(key)
        if not isinstance(value, str):
            errors.append(InputError(
                config_file, f"extra.publisher.{key} is missing", line=line,
                hint=f"add '{key}:' under 'publisher:'; a text in [SQUARE BRACKETS] marks it as not yet known",
            ))
            continue
        texts[key] = clean(value)
    ax = block.get("ax")
    relation: dict[str, str] = {}
    for language in LANGUAGES:
        value = ax.get(language) if isinstance(ax, dict) else None
        if not isinstance(value, str) or not value.strip():
            errors.append(InputError(
                config_file, f"the {LANGUAGE_NAMES[language]} text of extra.publisher.ax is missing",
                line=_line(config_file, "ax") or line,
                hint=f"add '{language}:' under 'ax:': how the site relates to Ax and its report",
            ))
            continue
        relation[language] = clean(value)
    if errors:
        raise InputErrors(errors)
    return Publisher(texts["name"], texts["contact"], relation, config.repo_url or "",
                     config.site_url or "", config_file)


def placeholders(publisher: Publisher) -> list[Placeholder]:
    """Each value that is still a placeholder, in the order the footer shows them."""
    found = []
    if is_placeholder_text(publisher.name):
        found.append(Placeholder("publisher", publisher.name, "extra.publisher.name in mkdocs.yml",
                                 "write the name of the organisation that answers for the site"))
    if is_placeholder_text(publisher.contact):
        found.append(Placeholder("contact", publisher.contact, "extra.publisher.contact in mkdocs.yml",
                                 "write the e-mail address that readers can write to"))
    if not publisher.repo_url or PLACEHOLDER_REPOSITORY in publisher.repo_url:
        found.append(Placeholder("repository address", publisher.repo_url,
                                 "the REPO_URL environment variable, or repo_url in mkdocs.yml",
                                 "GitHub Actions sets REPO_URL from the repository it runs in"))
    if not publisher.site_url or urlsplit(publisher.site_url).hostname in LOCAL_HOSTS:
        found.append(Placeholder("site address", publisher.site_url,
                                 "the SITE_URL environment variable, or site_url in mkdocs.yml",
                                 "the deploy workflow sets SITE_URL from the Pages settings; a local "
                                 "address is only for the preview"))
    return found


def mailto(address: str) -> str:
    return "mailto:" + quote(address, safe="@")


def _markdown_text(text: str) -> str:
    """A value shown as text: square brackets and emphasis marks are not Markdown here."""
    return re.sub(r"([\\\[\]*_`<>])", r"\\\1", text)


def render(publisher: Publisher, out_dir: Path = GENERATED_SNIPPETS) -> list[Fragment]:
    label = labels(NAME)
    found = []
    for language in LANGUAGES:
        about = "\n".join([
            f"- **{label('publisher', language)}:** {_markdown_text(publisher.name)}",
            f"- **{label('ax', language)}:** {_markdown_text(publisher.ax[language])}",
        ])
        contact = (f"- **{label('contact', language)}:** "
                   f"[{_markdown_text(publisher.contact)}]({mailto(publisher.contact)})")
        found.append(Fragment.markdown(out_dir / f"utgivare.{language}.md", about, BELONGS))
        found.append(Fragment.markdown(out_dir / f"kontakt.{language}.md", contact, BELONGS))
    return found


def fragments() -> list[Fragment]:
    return render(read())


if __name__ == "__main__":
    from scripts.generate import main_for_kind

    sys.exit(main_for_kind(NAME, sys.argv[1:]))
