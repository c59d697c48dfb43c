"""Page weight: `make build` takes white space out of the pages (scripts/compact.py) without
changing what they show or do, and the theme's palette script is left out only while it has
nothing to do. The weight itself is measured by `make bench`, not here."""

from __future__ import annotations

import re

import jinja2
import yaml

from scripts import compact
from scripts.paths import ROOT
from tests.sitebuild import BuiltSite

PAGE = """<!doctype html>
<html>
  <head>
    <script>
      /* a comment */
      var  answer = 42;   // another
    </script>
    <script id="__config" type="application/json">{"base": "..", "text": "a </b> & 'c'"}</script>
  </head>
  <body>
    <div class="lattlast">
      <p>One sentence.
         Another sentence.</p>
    </div>
    <pre><code>  keep
      this</code></pre>
    <p>Some <code>a  b
  c</code> and <em>more</em>
      <strong>text</strong></p>
  </body>
</html>
"""


def test_white_space_between_tags_goes_and_line_breaks_in_text_stay() -> None:
    out = compact.compact_html(PAGE)
    assert "<html>\n<head>\n<script>" in out
    # A line break in the text stays one (the lättläst layout shows it), without the indentation.
    assert "<p>One sentence.\nAnother sentence.</p>" in out
    assert "<em>more</em>\n<strong>text</strong>" in out  # still a space between the words


def test_preformatted_text_and_code_stay_exactly_as_built() -> None:
    out = compact.compact_html(PAGE)
    assert "<pre><code>  keep\n      this</code></pre>" in out
    assert "<code>a  b\n  c</code>" in out


def test_inline_scripts_lose_comments_and_white_space_and_data_stays_the_same() -> None:
    out = compact.compact_html(PAGE)
    assert "<script>var answer=42;</script>" in out
    config = re.search(r'<script id="__config" type="application/json">(.*?)</script>', out).group(1)
    assert config == '{"base":"..","text":"a \\u003c/b\\u003e \\u0026 \\u0027c\\u0027"}'
    assert compact.compact_html(out) == out


def test_the_built_site_is_compacted_and_its_scripts_are_minified(built_site: BuiltSite) -> None:
    html = (built_site.site_dir / "ansvar" / "index.html").read_text(encoding="utf-8")
    assert "\n  " not in html.split("<article", 1)[0], "the theme's indentation was sent"
    term_help = jinja2.Environment().from_string((ROOT / "overrides" / "term-help.js").read_text(encoding="utf-8")).render()
    assert f"<script>{compact.minify_script(term_help)}</script>" in html
    assert "Term help:" not in html, "term-help.js's explanation is a Jinja comment, not sent"
    css = (built_site.site_dir / "assets" / "site.css").read_text(encoding="utf-8")
    assert "/*" not in css and ".lattlast" in css


def test_the_palette_script_is_left_out_only_while_there_is_no_palette() -> None:
    # overrides/partials/javascripts/palette.html is empty: the script re-applies a colour scheme
    # chosen with the palette toggle, which exists only when mkdocs.yml sets theme.palette.
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    assert "palette" not in config["theme"], (
        "mkdocs.yml sets a palette: remove overrides/partials/javascripts/palette.html so that a "
        "reader's chosen colours are applied again")
    override = (ROOT / "overrides" / "partials" / "javascripts" / "palette.html").read_text(encoding="utf-8")
    assert jinja2.Environment().from_string(override).render().strip() == ""


def test_the_built_pages_have_no_palette_script(built_site: BuiltSite) -> None:
    html = (built_site.site_dir / "index.html").read_text(encoding="utf-8")
    assert "__palette" not in html
