"""The pictures: one source (data/figures.yml) drawn in each language, with a text alternative,
nothing from another origin, and clear errors for bad input. How they look at 360 px is checked
in the browser (tests/browser/test_figures.py)."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path
from xml.etree import ElementTree

import pytest

from scripts import figures, generate
from scripts.errors import InputErrors
from scripts.paths import LANGUAGES
from tests.sitebuild import BuiltSite

SVG = "{http://www.w3.org/2000/svg}"


def svg_words(drawing: str) -> str:
    """The text a reader sees in the picture, line after line, with single spaces."""
    root = ElementTree.fromstring(drawing)
    return " ".join(element.text or "" for element in root.iter(f"{SVG}text"))


def box_and_arrow_texts(figure: figures.Figure, language: str) -> list[str]:
    texts = []
    for box in (b for row in figure.rows for b in row):
        texts += [t[language] for t in (box.badge, box.title, box.text, box.note) if t]
    texts += [a.label[language] for a in figure.arrows if a.label]
    return texts


def relative_luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.fixture(scope="module")
def real() -> list[figures.Figure]:
    return figures.read()


def test_the_site_has_the_model_and_the_cycle_on_their_pages(real: list[figures.Figure]) -> None:
    assert {(f.id, f.page) for f in real} >= {("modellen", "modellen.md"),
                                              ("kulturplanen-cykel", "kulturplanen.md")}


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_picture_has_its_languages_words_and_none_of_the_others(
    real: list[figures.Figure], language: str
) -> None:
    other = "en" if language == "sv" else "sv"
    for figure in real:
        drawing = figures.svg(figure, language)
        words = svg_words(drawing)
        for text in box_and_arrow_texts(figure, language):
            assert text in words, f"{figure.id} ({language}): '{text}' is not in the picture"
        for text, own in zip(box_and_arrow_texts(figure, other), box_and_arrow_texts(figure, language)):
            if text != own:
                assert not re.search(rf"(?<!\w){re.escape(text)}(?!\w)", words), f"{figure.id} ({language}) shows the {other} text '{text}'"
        root = ElementTree.fromstring(drawing)
        assert root.get("lang") == language
        assert root.find(f"{SVG}title").text == figure.alt[language]


def test_pictures_have_no_script_no_link_and_no_font_to_download(real: list[figures.Figure]) -> None:
    for figure in real:
        for language in LANGUAGES:
            drawing = figures.svg(figure, language)
            root = ElementTree.fromstring(drawing)
            tags = {element.tag.removeprefix(SVG) for element in root.iter()}
            assert tags <= {"svg", "title", "g", "rect", "path", "text"}, f"{figure.id}: {tags}"
            attributes = {name for element in root.iter() for name in element.attrib}
            assert not {name for name in attributes if "href" in name or name.startswith("on")}
            assert "url(" not in drawing and "@import" not in drawing and "@font-face" not in drawing
            assert root.get("font-family").endswith("sans-serif")


def test_text_and_lines_are_in_colours_that_pass_contrast(real: list[figures.Figure]) -> None:
    for figure in real:
        root = ElementTree.fromstring(figures.svg(figure, "sv"))
        fills = {rect.get("fill") for rect in root.iter(f"{SVG}rect")} | {"#ffffff"}
        for fill in fills:
            fill = "#ffffff" if fill == "#fff" else fill
            assert contrast(root.get("fill"), fill) >= 4.5, f"text on {fill}"
            assert contrast(figures.LINE_COLOUR, fill) >= 3, f"lines on {fill}"


def test_the_page_block_has_the_picture_its_alt_text_caption_and_the_picture_in_words(
    real: list[figures.Figure],
) -> None:
    built = {f.path.relative_to(figures.GENERATED_SNIPPETS).as_posix(): f.content.decode()
             for f in figures.render(real) if f.path.suffix == ".md"}
    for figure in real:
        for language in LANGUAGES:
            block = built[f"figures/{figure.id}.{language}.md"]
            alt = figure.alt[language]
            assert f"![{alt}](assets/figures/{figure.id}.svg)" in block
            assert f"<figcaption>{figure.caption[language]}</figcaption>" in block
            assert re.search(r'^\?\?\? info "[^"]+"$', block, re.M)
            assert figure.description[language].splitlines()[0] in block
            assert f'--8<-- "{figure.include(language)}"' in figure.page_path(language).read_text()


def test_figures_is_a_data_kind_that_generate_runs() -> None:
    assert generate.KINDS["figures"] == "scripts.figures"
    written = {f.path.name for f in generate.collect(["figures"])}
    assert {"modellen.svg", "modellen.en.svg", "modellen.sv.md", "modellen.en.md"} <= written


def test_each_twin_shows_the_picture_in_its_own_language_on_the_built_site(built_site: BuiltSite) -> None:
    """The English twin links assets/figures/<id>.svg like the Swedish page and gets <id>.en.svg,
    served under /en/ (shared/notes-mkdocs.md: the plain path alone breaks on English twins)."""
    for figure in figures.read():
        for language in LANGUAGES:
            page_dir = built_site.site_dir / ("en/" if language == "en" else "") / figure.page[: -len(".md")]
            html = (page_dir / "index.html").read_text(encoding="utf-8")
            sources = re.findall(r'<img alt="[^"]*" height="\d+" src="([^"]+)"', html)
            assert len(sources) == 1, f"{page_dir}: pictures {sources}"
            picture = (page_dir / sources[0]).resolve()
            assert picture.is_file(), f"{page_dir}: {sources[0]} leads nowhere"
            assert ElementTree.parse(picture).getroot().get("lang") == language


# --- bad input --------------------------------------------------------------------------------

GOOD = """\
figures:
  - id: test
    page: sida.md
    caption: {sv: Bildtext, en: Caption}
    alt: {sv: Staten ger pengar till regionen., en: The state gives money to the region.}
    description:
      sv: |
        - **Staten** ger pengar till **Regionen**.
      en: |
        - **The state** gives money to **The region**.
    rows:
      - - id: staten
          title: {sv: Staten, en: The state}
      - - id: regionen
          title: {sv: Regionen, en: The region}
    arrows:
      - from: staten
        to: regionen
        label: {sv: Pengar, en: Money}
"""


def site(tmp_path: Path, data: str = GOOD, sv_page: str | None = None, en_page: str | None = None) -> tuple[Path, Path]:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "sida.md").write_text(sv_page if sv_page is not None else
                                  '# Sida\n\n--8<-- "generated/figures/test.sv.md"\n', encoding="utf-8")
    (docs / "sida.en.md").write_text(en_page if en_page is not None else
                                     '# Page\n\n--8<-- "generated/figures/test.en.md"\n', encoding="utf-8")
    path = tmp_path / "figures.yml"
    path.write_text(data, encoding="utf-8")
    return path, docs


def problems(path: Path, docs: Path) -> list[str]:
    with pytest.raises(InputErrors) as raised:
        figures.read(path, docs)
    return [str(error) for error in raised.value.errors]


def test_good_input_reads_and_draws(tmp_path: Path) -> None:
    path, docs = site(tmp_path)
    [figure] = figures.read(path, docs)
    assert "Pengar" in svg_words(figures.svg(figure, "sv", path))


def test_a_figure_without_alt_text_in_one_language_names_the_line(tmp_path: Path) -> None:
    path, docs = site(tmp_path, GOOD.replace(" en: The state gives money to the region.}", "}"))
    [error] = problems(path, docs)
    assert error.startswith(f"{path}:5: figure 'test': the English text of 'alt' is missing")


def test_a_figure_without_any_alt_text_says_what_to_write(tmp_path: Path) -> None:
    path, docs = site(tmp_path, GOOD.replace("    alt: {sv: Staten ger pengar till regionen., en: The state"
                                             " gives money to the region.}\n", ""))
    [error] = problems(path, docs)
    assert f"{path}:2: figure 'test': the field 'alt' is missing" in error
    assert "say what the picture says" in error


def test_a_label_missing_in_one_language_names_its_line(tmp_path: Path) -> None:
    path, docs = site(tmp_path, GOOD.replace("label: {sv: Pengar, en: Money}", "label: {sv: Pengar}"))
    [error] = problems(path, docs)
    assert error.startswith(f"{path}:19: figure 'test', arrow: the English text of 'label' is missing")


def test_a_box_title_missing_in_swedish_names_its_line(tmp_path: Path) -> None:
    path, docs = site(tmp_path, GOOD.replace("title: {sv: Regionen, en: The region}", "title: {en: The region}"))
    errors = problems(path, docs)
    assert any(e.startswith(f"{path}:15: figure 'test', box 'regionen': the Swedish text of 'title'")
               for e in errors), errors


def test_a_twin_that_does_not_show_the_picture_is_named(tmp_path: Path) -> None:
    path, docs = site(tmp_path, en_page="# Page\n")
    [error] = problems(path, docs)
    assert error.startswith(f"{path}:3: figure 'test': ")
    assert "sida.en.md does not show the picture" in error
    assert '--8<-- "generated/figures/test.en.md"' in error


def test_a_page_that_does_not_exist_is_named(tmp_path: Path) -> None:
    path, docs = site(tmp_path)
    (docs / "sida.en.md").unlink()
    [error] = problems(path, docs)
    assert error.startswith(f"{path}:3: figure 'test': the page ") and "sida.en.md does not exist" in error


def test_the_english_page_including_the_swedish_picture_names_the_page_and_line(tmp_path: Path) -> None:
    en_page = '# Page\n\n--8<-- "generated/figures/test.en.md"\n\n--8<-- "generated/figures/test.sv.md"\n'
    path, docs = site(tmp_path, en_page=en_page)
    [error] = problems(path, docs)
    assert error.startswith(f"{docs / 'sida.en.md'}:5: this English page includes the Swedish picture 'test'")


@pytest.mark.parametrize(("link", "problem"), [
    ("assets/figures/okand.svg", "leads to no picture in either language"),
    ("/assets/figures/test.svg", "broken on the English twin"),
    ("assets/figures/test.en.svg", "names the English file"),
    ("../assets/figures/test.svg", "leads to no picture"),
])
def test_a_picture_link_that_breaks_in_either_language_names_the_page_and_line(
    tmp_path: Path, link: str, problem: str
) -> None:
    en_page = f'# Page\n\n--8<-- "generated/figures/test.en.md"\n\n![A picture]({link})\n'
    path, docs = site(tmp_path, en_page=en_page)
    [error] = problems(path, docs)
    assert error.startswith(f"{docs / 'sida.en.md'}:5: the picture link '{link}' ") and problem in error


def test_an_include_on_another_page_than_the_figures_is_refused(tmp_path: Path) -> None:
    path, docs = site(tmp_path)
    (docs / "sub").mkdir()
    (docs / "sub" / "annan.md").write_text('# Annan\n\n--8<-- "generated/figures/test.sv.md"\n')
    [error] = problems(path, docs)
    assert error.startswith(f"{docs / 'sub' / 'annan.md'}:3: the picture 'test' belongs to")


def test_an_unknown_include_is_named_by_generate(tmp_path: Path) -> None:
    path, docs = site(tmp_path, sv_page='# Sida\n\n--8<-- "generated/figures/test.sv.md"\n'
                                        '--8<-- "generated/figures/tset.sv.md"\n')
    found = figures.fragments(path, docs, tmp_path / "generated", tmp_path / "pictures")
    [error] = generate.unknown_includes(found, docs, tmp_path / "generated")
    assert str(error).startswith(f"{docs / 'sida.md'}:4: the page includes generated/figures/tset.sv.md")


def test_a_word_too_wide_for_its_box_names_its_line(tmp_path: Path) -> None:
    path, docs = site(tmp_path, GOOD.replace("{sv: Regionen, en: The region}",
                                             "{sv: Kultursamverkansmodellensregionen, en: The region}"))
    errors = problems(path, docs)
    assert any(e.startswith(f"{path}:15: the word 'Kultursamverkansmodellensregionen' is too wide for its box")
               for e in errors), errors


def test_a_description_that_leaves_out_a_box_names_its_line(tmp_path: Path) -> None:
    path, docs = site(tmp_path, GOOD.replace("- **The state** gives money to **The region**.",
                                             "- **The state** gives money."))
    [error] = problems(path, docs)
    assert error.startswith(f"{path}:9: figure 'test': the en description does not name the box 'The region'")


def test_an_arrow_to_an_unknown_box_names_its_line(tmp_path: Path) -> None:
    path, docs = site(tmp_path, GOOD.replace("to: regionen", "to: kommunen"))
    [error] = problems(path, docs)
    assert error.startswith(f"{path}:18: figure 'test': the arrow's 'to' is 'kommunen', which is no box")


def test_the_data_file_explains_every_field_it_uses() -> None:
    header = textwrap.dedent("".join(
        line[1:] for line in figures.DATA_FILE.read_text(encoding="utf-8").splitlines(keepends=True)
        if line.startswith("#")))
    for key in figures.FIGURE_KEYS | figures.BOX_KEYS | figures.ARROW_KEYS:
        assert re.search(rf"\b{key}\b", header), f"data/figures.yml's header does not explain '{key}'"
