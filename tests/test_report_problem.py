"""Every page, in both languages, says who publishes the site and how to report a problem.

- "Rapportera ett fel på sidan" / "Report a problem with this page" opens a new GitHub issue with
  the page's title and absolute address filled in, next to the contact address as a mailto: link;
  the 404 page has none.
- The footer names the publisher and the contact from extra.publisher in mkdocs.yml.
- While placeholders are left (they are, in the test build), each page shows the preview banner in
  its own language.
"""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, unquote, urlsplit

from mkdocs.config import load_config

from scripts.frontmatter import read as read_page
from scripts.pages_server import page_path_for_source
from scripts.paths import DOCS, ROOT, page_language
from tests.sitebuild import BuiltSite

REPORT_LINK = re.compile(r'<a href="([^"]+)" data-report-problem>([^<]+)</a>')
CONTACT_LINK = re.compile(r'<a href="(mailto:[^"]+)" data-report-contact>([^<]+)</a>')
LABEL = {"sv": "Rapportera ett fel på sidan", "en": "Report a problem with this page"}
BANNER = {"sv": "<strong>Förhandsversion.</strong>", "en": "<strong>Preview.</strong>"}


def built_pages(built_site: BuiltSite):
    for source in sorted(DOCS.rglob("*.md")):
        path = page_path_for_source(source)
        page = (built_site.site_dir / path.strip("/") / "index.html").read_text(encoding="utf-8")
        yield source, path, page


def test_every_page_links_a_new_issue_with_its_title_and_address_and_the_contact(
    built_site: BuiltSite,
) -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    repo_url = config.repo_url
    contact = config.extra["publisher"]["contact"]
    checked = 0
    for source, path, page in built_pages(built_site):
        language = page_language(source)
        title = read_page(source).meta["title"]
        address = built_site.site_url + path.lstrip("/")
        links = REPORT_LINK.findall(page)
        assert len(links) == 1, f"{path}: {len(links)} report-a-problem links"
        href, label = html.unescape(links[0][0]), links[0][1]
        assert label == LABEL[language], f"{path}: the link says {label!r}"
        url = urlsplit(href)
        assert f"{url.scheme}://{url.netloc}{url.path}" == f"{repo_url}/issues/new", f"{path}: {href}"
        query = parse_qs(url.query, strict_parsing=True)
        assert set(query) == {"title", "body"}, f"{path}: {href}"
        assert title in query["title"][0], f"{path}: the issue title {query['title'][0]!r} lacks {title!r}"
        assert title in query["body"][0] and address in query["body"][0].split(), \
            f"{path}: the issue body {query['body'][0]!r} lacks {title!r} or {address}"
        mails = CONTACT_LINK.findall(page)
        assert len(mails) == 1, f"{path}: {len(mails)} contact links"
        mail = html.unescape(mails[0][0])
        assert unquote(mail.removeprefix("mailto:").split("?")[0]) == contact and mails[0][1] == contact, mail
        checked += 1
    assert checked >= 68


def test_the_404_page_has_no_report_link_and_no_banner(built_site: BuiltSite) -> None:
    page = (built_site.site_dir / "404.html").read_text(encoding="utf-8")
    assert "data-report-problem" not in page and "data-report-contact" not in page
    assert "md-banner" not in page


def test_every_page_footer_names_the_publisher_and_contact_from_mkdocs_yml(built_site: BuiltSite) -> None:
    publisher = load_config(str(ROOT / "mkdocs.yml")).extra["publisher"]
    for source, path, page in built_pages(built_site):
        footer = html.unescape(page.split('<div class="md-copyright">', 1)[1].split("</div>", 1)[0])
        assert publisher["name"] in footer, f"{path}: no publisher in the footer"
        assert f">{publisher['contact']}</a>" in footer, f"{path}: no contact in the footer"
        assert publisher["ax"][page_language(source)] in footer, f"{path}: no relation to Ax"


def test_the_about_page_shows_the_publisher_and_the_contact(built_site: BuiltSite) -> None:
    publisher = load_config(str(ROOT / "mkdocs.yml")).extra["publisher"]
    for path in ("om", "en/om"):
        page = (built_site.site_dir / path / "index.html").read_text(encoding="utf-8")
        article = html.unescape(page.split('<article', 1)[1].split("</article>", 1)[0])
        for anchor in ('id="utgivare"', 'id="kontakt"'):
            assert anchor in article, f"{path}: no {anchor}"
        text = re.sub(r"<[^>]+>", "", article)  # the glossary tooltips wrap "Ax" in <abbr>
        assert publisher["name"] in text and publisher["ax"]["en" if "en" in path else "sv"] in text
        assert f">{publisher['contact']}</a>" in article


def test_every_page_shows_the_preview_banner_in_its_language_while_placeholders_are_left(
    built_site: BuiltSite,
) -> None:
    for source, path, page in built_pages(built_site):
        language = page_language(source)
        other = "en" if language == "sv" else "sv"
        banner = page.split('<aside class="md-banner">', 1)
        assert len(banner) == 2, f"{path}: no preview banner"
        banner_html = banner[1].split("</aside>", 1)[0]
        assert BANNER[language] in banner_html and BANNER[other] not in banner_html, f"{path}: {banner_html}"
