"""mkdocs.yml as MkDocs itself reads it: !ENV resolved, defaults filled in, comments ignored."""

from __future__ import annotations

from functools import cache

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from scripts.paths import ROOT


@cache
def site_config() -> MkDocsConfig:
    return load_config(str(ROOT / "mkdocs.yml"))


def site_descriptions() -> dict[str, str]:
    """Each language's site_description: what the theme falls back to for a page without one."""
    config = site_config()
    found = {}
    for language in config.plugins["i18n"].config.languages:
        found[language.locale] = language.site_description or config.site_description
    return found
