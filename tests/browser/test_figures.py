"""The pictures as a phone shows them: each page's figure at 360 px, in both languages.

Screenshots of each figure are saved in the test's temporary folder (the path is printed), so a
person can look at them; the assertions measure what the screenshot shows."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import pytest
from playwright.sync_api import Browser, Page

from scripts import figures
from scripts.paths import LANGUAGES
from tests.browser.conftest import PAGES
from tests.browser.visits import axe_violations, describe_violations, new_context

MIN_TEXT_PX = 14  # the smallest text a reader must see at 360 px, in CSS pixels

FIGURES = {figure.id: figure for figure in figures.read()}
FIGURE_PAGES = [
    pytest.param(figure.id, ("/en/" if language == "en" else "/") + figure.page[: -len(".md")] + "/", language,
                 id=f"{figure.id}-{language}")
    for figure in FIGURES.values() for language in LANGUAGES
]

# The figure's image once it has loaded: where it is drawn and where it comes from.
_IMAGE = """async () => {
  const image = document.querySelector('figure.figure img');
  await image.decode();
  image.scrollIntoView();
  const box = image.getBoundingClientRect();
  return {src: image.src, alt: image.alt, left: box.left, right: box.right, width: box.width,
          naturalWidth: image.naturalWidth,
          scrollWidth: document.scrollingElement.scrollWidth, innerWidth: window.innerWidth};
}"""

# Opened as a document of its own: every line of text must lie inside its box, and every label
# inside the picture, as Chromium draws them with the fonts it has.
_TEXT_OUTSIDE = """() => {
  const outside = [];
  const svg = document.documentElement;
  const [, , width] = svg.getAttribute('viewBox').split(' ').map(Number);
  for (const group of svg.querySelectorAll('g.box')) {
    const frame = group.querySelector('rect').getBBox();
    for (const text of group.querySelectorAll('text')) {
      const box = text.getBBox();
      if (box.x < frame.x + 2 || box.x + box.width > frame.x + frame.width - 2)
        outside.push(`${text.textContent} (${Math.round(box.x + box.width)} > ${Math.round(frame.x + frame.width - 2)})`);
    }
  }
  for (const text of svg.querySelectorAll('g.label text')) {
    const box = text.getBBox();
    if (box.x < 0 || box.x + box.width > width) outside.push(`${text.textContent} (label)`);
  }
  return outside;
}"""


@pytest.fixture(scope="module")
def phone(chromium: Browser, site_server: str) -> Iterator[Page]:
    context = new_context(chromium, site_server, "phone")
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("figure-screenshots")
    print(f"\nscreenshots of the figures at 360 px: {folder}")
    return folder


def smallest_font(drawing: str) -> tuple[float, float]:
    """(the picture's width in its own units, the smallest font size it uses)."""
    root = ElementTree.fromstring(drawing)
    width = float(root.get("viewBox").split()[2])
    sizes = [float(root.get("font-size"))]
    sizes += [float(e.get("font-size")) for e in root.iter() if e.get("font-size")]
    return width, min(sizes)


@pytest.mark.parametrize(("figure_id", "path", "language"), FIGURE_PAGES)
def test_figure_fits_a_phone_stays_legible_and_passes_axe_with_its_words_open(
    phone: Page, site_server: str, screenshots: Path, figure_id: str, path: str, language: str
) -> None:
    """One visit per page: test_pages runs axe on every page; here also with the folded text
    alternative open."""
    assert path in PAGES
    phone.goto(site_server + path.lstrip("/"))
    image = phone.evaluate(_IMAGE)
    prefix = site_server + ("en/" if language == "en" else "")
    assert image["src"] == f"{prefix}assets/figures/{figure_id}.svg"
    assert image["naturalWidth"] > 0, f"{path}: the picture did not load"
    assert image["left"] >= 0 and image["right"] <= image["innerWidth"], f"{path}: the picture is cut off: {image}"
    assert image["scrollWidth"] <= image["innerWidth"], f"{path}: the page scrolls sideways"
    drawing = phone.request.get(image["src"]).text()
    assert ElementTree.fromstring(drawing).get("lang") == language
    assert image["alt"] == FIGURES[figure_id].alt[language]
    units, font = smallest_font(drawing)
    rendered = font * image["width"] / units
    assert rendered >= MIN_TEXT_PX, f"{path}: the smallest text is {rendered:.1f} px at 360 px"

    details = phone.locator("figure.figure + details")
    details.locator("summary").click()
    assert details.get_attribute("open") is not None
    first_box = re.sub(r"^\d+\.\s*", "", FIGURES[figure_id].rows[0][0].title[language])
    assert first_box in details.inner_text()
    violations = axe_violations(phone)
    if violations:
        pytest.fail(describe_violations(path, "phone", violations), pytrace=False)

    # For people to look at: the theme's sticky header would cover the top of a tall picture.
    phone.add_style_tag(content=".md-header { visibility: hidden; }")
    phone.locator("figure.figure").screenshot(path=screenshots / f"{figure_id}-{language}.png")


@pytest.mark.parametrize(("figure_id", "path", "language"), FIGURE_PAGES)
def test_every_label_fits_inside_its_box_in_the_browsers_own_fonts(
    phone: Page, site_server: str, figure_id: str, path: str, language: str
) -> None:
    phone.goto(f"{site_server}{'en/' if language == 'en' else ''}assets/figures/{figure_id}.svg")
    assert phone.evaluate(_TEXT_OUTSIDE) == []
