"""The theme-gap fixes in overrides/partials/fix-*.js lean on internals of Material's bundle.

When a Material update changes one of those internals, a test here fails and says which fix in
which file depends on it and what to check. Each check is also proved able to fail, on a copy of
Material's files with that internal changed. And each fix is proved to be in the built pages,
before the bundle that it patches.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import jinja2
import material
import pytest

from scripts import compact
from scripts.paths import ROOT
from tests.sitebuild import BuiltSite

MATERIAL = Path(material.__file__).parent / "templates"
FIXES = ROOT / "overrides" / "partials"
BUNDLE = "assets/javascripts/bundle.*.min.js"
WORKER = "assets/javascripts/workers/search.*.min.js"
STYLES = "assets/stylesheets/main.*.min.css"

SITEMAP = "fix-sitemap-requests.js"
SEARCH = "fix-search-language.js"
TABLES = "fix-table-scroll-focus.js"

# Material's internal SearchMessageType.QUERY; fix-search-language.js rewrites these messages.
SEARCH_QUERY_TYPE = 2

# Material's request(): GET with XMLHttpRequest, a blob read on "load" from status and response.
XHR_REQUEST = (
    r'new XMLHttpRequest;return (\w+)\.open\("GET",`\$\{\w+\}`\),\1\.responseType="blob",'
    r'\1\.addEventListener\("load",\(\)=>\{\1\.status>=200&&\1\.status<300\?\(\w+\.next\(\1\.response\)'
    r'.{0,1500}?\1\.send\(\)'
)


@dataclass(frozen=True)
class Reliance:
    fix: str  # the fix's file in overrides/partials
    what: str  # what in Material the fix relies on
    file: str  # where in material/templates (a glob matching one file)
    pattern: str  # a regular expression that matches while the reliance holds
    check: str  # what to check when it no longer matches

    @property
    def id(self) -> str:
        return f"{self.fix}:{self.what}"


RELIANCES = [
    Reliance(SITEMAP, "the sitemap is requested as new URL('sitemap.xml', base)", BUNDLE,
             r'new URL\("sitemap\.xml",\w+\)',
             "how fetchSitemap (src/.../integrations/sitemap) builds the sitemap's URL now; the fix "
             "answers only URLs built this way"),
    Reliance(SITEMAP, "a sitemap is requested beside each link[rel=alternate]", BUNDLE,
             r'"link\[rel=alternate\]"\)\),\w+\(\w+=>new URL\(\w+\.href\)\)',
             "which bases the alternate-link sitemaps use now (isThemeSitemap in the fix)"),
    Reliance(SITEMAP, "a sitemap is requested beside config.base", BUNDLE,
             r'\w+\(\w+\.base\);\w+\("navigation\.instant"\)',
             "whether the root sitemap is still requested from config.base (isThemeSitemap in the fix)"),
    Reliance(SITEMAP, "requests go through XMLHttpRequest open/send, read on load", BUNDLE,
             XHR_REQUEST,
             "how Material's request() (src/.../browser/request) fetches now; the fix replaces "
             "send on the request and answers with status, response and a load event"),
    Reliance(SEARCH, "the index is requested as new URL('search/search_index.json', config.base)",
             BUNDLE, r'new URL\("search/search_index\.json",\w+\.base\)',
             "where the bundle loads the search index from now (indexUrl in the fix)"),
    Reliance(SEARCH, "requests go through XMLHttpRequest open/send, read on load", BUNDLE,
             XHR_REQUEST,
             "how Material's request() (src/.../browser/request) fetches now; the fix replaces "
             "send on the index request and answers with status, response and a load event"),
    Reliance(SEARCH, "the worker is made with new Worker(url)", BUNDLE,
             r'function \w+\(\w+,\w+=new Worker\(\w+\)\)',
             "how watchWorker (src/.../browser/worker) starts the worker; the fix replaces "
             "window.Worker and only wraps the search worker's URL"),
    Reliance(SEARCH, "the worker's URL is config.search", BUNDLE,
             r'\w+\(\w+\.search,\w+\)',
             "which URL setupSearchWorker gets now (workerUrl in the fix)"),
    Reliance(SEARCH, "config.search is the worker's URL in base.html", "base.html",
             r'"search": "assets/javascripts/workers/search\.\w+\.min\.js" \| url',
             "the __config script in Material's base.html (workerUrl in the fix)"),
    Reliance(SEARCH, "the first message (SETUP, type 0) is sent once the index has loaded",
             BUNDLE,
             r'\w+\(\(\)=>\w+\)\)\.subscribe\(\(\{config:\w+,docs:\w+\}\)=>\w+\.next\(\{type:0,data:\{config:',
             "setupSearchWorker: the fix starts the worker on its first message, so no message may "
             "come before the index"),
    Reliance(SEARCH, f"a query is sent as {{type: {SEARCH_QUERY_TYPE}, data: string}}", BUNDLE,
             rf'\.next\(\{{type:{SEARCH_QUERY_TYPE},data:\w+\}}\)',
             "SearchMessageType in src/.../integrations/search/worker/message: QUERY in the fix "
             "must be QUERY's new number"),
    Reliance(SEARCH, f"the worker reads type 0 as setup and type {SEARCH_QUERY_TYPE} as a query "
             "string", WORKER,
             rf'case 0:.{{0,200}}?case {SEARCH_QUERY_TYPE}:let (\w+)=\w+\.data;',
             "SearchMessageType and the worker's handler (src/.../search/worker/main): QUERY in the fix"),
    Reliance(SEARCH, "the worker adds no '*' to a term ending in ^1", WORKER,
             r'/\(\^\[\+-\]\|\[~\^\]\\d\+\$\)/\.test\((\w+)\)\?\1:`\$\{\1\}\*`',
             "transform() in src/.../search/query/transform: the fix sends each word also as "
             "word^1 so that lunr stems it"),
    Reliance(SEARCH, "the worker loads a stemmer for each language in config.lang", WORKER,
             r'for\(let \w+ of \w+\.lang\).{0,300}?min/lunr\.\$\{\w+\}\.min\.js',
             "setupSearchLanguages in src/.../search/worker/main: the fix sets config.lang to the "
             "page's language"),
    Reliance(SEARCH, "the search opens by the #__search checkbox", "base.html",
             r'data-md-toggle="search" type="checkbox" id="__search"',
             "the toggle's id in base.html (searchOpened in the fix)"),
    Reliance(SEARCH, "opening the search by keyboard clicks the checkbox (a change event)", BUNDLE,
             r'function \w+\((\w+),(\w+)\)\{(\w+)\[\1\]\.checked!==\2&&\3\[\1\]\.click\(\)\}',
             "setToggle in src/.../browser/toggle (searchOpened in the fix listens for change)"),
    Reliance(SEARCH, "the search dialog is [data-md-component=search]", "partials/search.html",
             r'data-md-component="search"',
             "partials/search.html (searchOpened in the fix listens for focus inside it)"),
    Reliance(SEARCH, "a page opened with ?h= loads the index to highlight", BUNDLE,
             r'\[\w+,\w+\.pipe\(\w+\(\w+\(\)\),\w+\(\w+=>!!\w+\.searchParams\.get\("h"\)\)\)\]',
             "the search highlight (src/.../integrations/search/highlight): searchOpened in the fix"),
    Reliance(TABLES, "each table is wrapped in div.md-typeset__scrollwrap", BUNDLE,
             r'\{class:"md-typeset__scrollwrap"\},\w+\("div",\{class:"md-typeset__table"\},\w+\)\)',
             "renderTable in src/.../templates/table: the fix looks for .md-typeset__scrollwrap"),
    Reliance(TABLES, "div.md-typeset__scrollwrap is the box that scrolls sideways", STYLES,
             r'\.md-typeset__scrollwrap\{[^}]*overflow-x:auto',
             "which element has overflow-x: auto in Material's stylesheet"),
]


def broken_reliances(templates: Path) -> list[str]:
    """One message per reliance that Material's files under `templates` no longer meet."""
    messages = []
    for reliance in RELIANCES:
        files = sorted(templates.glob(reliance.file))
        if len(files) != 1:
            found = "nothing" if not files else ", ".join(f.name for f in files)
            messages.append(f"overrides/partials/{reliance.fix} relies on Material: {reliance.what}. "
                            f"But {reliance.file} matches {found} in {templates}.")
        elif not re.search(reliance.pattern, files[0].read_text(encoding="utf-8"), re.S):
            messages.append(
                f"overrides/partials/{reliance.fix} relies on Material: {reliance.what}. But "
                f"{files[0].relative_to(templates)} no longer matches /{reliance.pattern}/. "
                f"Check {reliance.check}; then update the fix and its pattern in tests/test_theme_gaps.py."
            )
    return messages


def material_copy(tmp_path: Path) -> Path:
    """A copy of the Material files that the reliances read."""
    copy = tmp_path / "templates"
    for reliance in RELIANCES:
        for source in MATERIAL.glob(reliance.file):
            target = copy / source.relative_to(MATERIAL)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    return copy


def test_installed_material_still_has_what_the_fixes_rely_on() -> None:
    messages = broken_reliances(MATERIAL)
    assert not messages, (
        f"Material {version('mkdocs-material')} changed what a theme-gap fix relies on:\n"
        + "\n".join(f"- {message}" for message in messages)
    )


@pytest.mark.parametrize("reliance", RELIANCES, ids=[r.id for r in RELIANCES])
def test_each_reliance_fails_naming_the_fix_when_material_changes_it(
    reliance: Reliance, tmp_path: Path
) -> None:
    copy = material_copy(tmp_path)
    [file] = copy.glob(reliance.file)
    text = file.read_text(encoding="utf-8")
    match = re.search(reliance.pattern, text, re.S)
    assert match, f"{reliance.id}: the pattern does not match the installed Material"
    file.write_text(text[:match.start()] + "/* changed */" + text[match.end():], encoding="utf-8")
    messages = broken_reliances(copy)
    expected = f"overrides/partials/{reliance.fix} relies on Material: {reliance.what}. But"
    assert any(message.startswith(expected) for message in messages), messages


def test_renumbered_search_messages_fail_naming_the_search_fix(tmp_path: Path) -> None:
    # What a Material update might do: add a message type, so QUERY is no longer 2.
    copy = material_copy(tmp_path)
    for pattern, old, new in ((BUNDLE, "{type:2,data:", "{type:4,data:"),
                              (WORKER, "case 2:let ", "case 4:let ")):
        [file] = copy.glob(pattern)
        text = file.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{file.name}: expected {old!r} once"
        file.write_text(text.replace(old, new), encoding="utf-8")
    messages = broken_reliances(copy)
    assert len(messages) == 2, messages
    assert all(message.startswith(f"overrides/partials/{SEARCH} relies on") for message in messages)
    assert "QUERY in the fix" in messages[0] and "QUERY in the fix" in messages[1]


def test_a_renamed_bundle_fails_naming_the_fix(tmp_path: Path) -> None:
    copy = material_copy(tmp_path)
    [worker] = copy.glob(WORKER)
    worker.rename(worker.with_name("search.min.js"))
    messages = broken_reliances(copy)
    assert messages and all(f"overrides/partials/{SEARCH}" in message for message in messages)
    assert f"{WORKER} matches nothing" in messages[0]


def test_the_search_fix_uses_the_query_type_checked_here() -> None:
    fix = (FIXES / SEARCH).read_text(encoding="utf-8")
    assert f"var QUERY = {SEARCH_QUERY_TYPE};" in fix, (
        f"overrides/partials/{SEARCH}: QUERY must be {SEARCH_QUERY_TYPE}, the type these tests check "
        "in Material's bundle"
    )


def test_every_fix_file_lists_its_reliances_here() -> None:
    files = {path.name for path in FIXES.glob("*.js")}
    assert files == {reliance.fix for reliance in RELIANCES}, (
        "each script in overrides/partials is a theme-gap fix, and RELIANCES lists what it needs "
        f"from Material: scripts {sorted(files)}"
    )


def test_navigation_instant_stays_off() -> None:
    # The sitemap fix answers with an empty sitemap, which instant navigation would act on.
    features = re.findall(r"^\s*-\s*(navigation\.\w+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"),
                          re.M)
    assert "navigation.instant" not in features, (
        f"mkdocs.yml turns on navigation.instant: overrides/partials/{SITEMAP} answers the theme's "
        "sitemap requests with an empty sitemap; let instant navigation have the real one"
    )


@pytest.mark.parametrize("page", ["index.html", "en/index.html", "en/ansvar/index.html", "404.html"])
def test_each_fix_is_in_the_built_page_before_the_bundle(built_site: BuiltSite, page: str) -> None:
    html = (built_site.site_dir / page).read_text(encoding="utf-8")
    bundle = re.search(r'<script src="[^"]*assets/javascripts/bundle\.\w+\.min\.js"', html)
    assert bundle, f"{page}: Material's bundle script is missing"
    for fix in sorted(FIXES.glob("*.js")):
        # As the theme renders it: the explanations are Jinja comments, so that they are not sent
        # with every page, and Jinja drops the final newline. `make build` then minifies it
        # (scripts/compact.py: comments and white space only).
        code = jinja2.Environment().from_string(fix.read_text(encoding="utf-8")).render()
        assert "Theme gap" not in code, f"{fix.name}: the explanation would be sent with every page"
        script = f"<script>{compact.minify_script(code)}</script>"
        at = html.find(script)
        assert at != -1, f"{page}: overrides/partials/{fix.name} is not included whole (overrides/main.html)"
        assert at < bundle.start(), f"{page}: overrides/partials/{fix.name} must come before the bundle"
