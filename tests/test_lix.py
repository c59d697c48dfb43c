"""Plain Swedish: every Swedish page has LIX <= 40, measured on the built page's main text as a
reader gets it, and the LIX formula counts what it should.

LIX = words / sentences + 100 * long words / words; a long word has more than six letters.
"""

from __future__ import annotations

import pytest

from scripts.lix import (LIX_LIMIT, main, main_text_blocks, measure_built_page, measure_html,
                         measure_site, over_limit, page_argument, page_file)
from tests.sitebuild import BuiltSite


def page(article: str) -> str:
    """A built page as the theme writes it: navigation and footer around the article."""
    return (
        "<html><body><nav><a href='/'>Startsida med långa navigeringsrubriker</a></nav>"
        f"<article class='md-content__inner md-typeset'>{article}</article>"
        "<footer>Sidfoten innehåller upphovsrättsinformation.</footer></body></html>"
    )


def test_every_swedish_page_has_lix_at_most_40(built_site: BuiltSite) -> None:
    scores = measure_site(built_site.site_dir)
    assert "/" in scores and "/ansvar/" in scores, f"Swedish pages not found: {sorted(scores)}"
    assert not any(path.startswith("/en/") for path in scores)
    assert all(score.words > 0 for score in scores.values()), "a page with no counted text"
    over = over_limit(scores, LIX_LIMIT)
    assert not over, (
        f"{len(over)} Swedish page(s) above LIX {LIX_LIMIT:.0f}; write shorter sentences and "
        "shorter words (measure with `python -m scripts.lix docs/<page>.md`):\n" + "\n".join(over)
    )


def test_the_limit_is_a_parameter_and_pages_can_be_chosen_by_path(built_site: BuiltSite) -> None:
    lessons = measure_site(built_site.site_dir, under="/lardomar/")
    assert lessons and all(path.startswith("/lardomar/") for path in lessons)
    assert over_limit(lessons, limit=0.0) == [
        f"{path}: LIX {score.lix:.1f} ({score.words} words)" for path, score in lessons.items()
    ]
    assert over_limit(lessons, limit=100.0) == []


def test_the_command_measures_a_page_given_as_its_source(built_site: BuiltSite,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert page_argument("docs/checklista.md") == "/checklista/"
    assert page_argument("docs/index.md") == "/"
    assert main(["--site-dir", str(built_site.site_dir), "docs/checklista.md"]) == 0
    score = measure_built_page(page_file(built_site.site_dir, "/checklista/"))
    assert capsys.readouterr().out.split()[:2] == [f"{score.lix:.1f}", str(score.words)]
    assert main(["--site-dir", str(built_site.site_dir), "--limit", "1", "/checklista/"]) == 1


def test_hand_counted_text() -> None:
    # Katten sitter på mattan (4 words, none long); Hunden springer omkring i trädgården
    # (5 words; springer, omkring, trädgården are long). 9 / 2 + 100 * 3 / 9 = 37.83.
    score = measure_html(page(
        "<p>Katten sitter på mattan. Hunden springer omkring i trädgården.</p>"))
    assert (score.words, score.sentences, score.long_words) == (9, 2, 3)
    assert score.lix == pytest.approx(9 / 2 + 100 * 3 / 9)


def test_only_the_article_counts() -> None:
    # The navigation and the footer around the article in page() are not counted.
    assert measure_html(page("<p>Kort text.</p>")).words == 2


def test_six_letters_is_not_long_but_seven_is() -> None:
    assert measure_html(page("<p>Mattan.</p>")).long_words == 0
    assert measure_html(page("<p>Mattorna.</p>")).long_words == 1


def test_a_hyphenated_word_is_one_word_and_its_letters_count_without_the_hyphen() -> None:
    score = measure_html(page("<p>Ett kultur-samtal och ett e-brev.</p>"))
    assert (score.words, score.long_words) == (5, 1)  # kultur-samtal: 13 letters; e-brev: 5


def test_heading_ends_a_sentence_without_a_full_stop() -> None:
    # "Rubrik" is one sentence, "En mening här." another: 4 words, 2 sentences, no long word.
    score = measure_html(page("<h1 id='rubrik'>Rubrik</h1><p>En mening här.</p>"))
    assert (score.words, score.sentences, score.long_words) == (4, 2, 0)
    assert score.lix == pytest.approx(2.0)


def test_question_mark_exclamation_mark_and_colon_end_sentences() -> None:
    score = measure_html(page("<p>Vad gör du? Jag läser! Det här: en bok.</p>"))
    assert score.sentences == 4


def test_a_colon_inside_a_number_or_a_quote_mark_after_a_stop_is_not_a_new_sentence() -> None:
    score = measure_html(page("<p>Mötet börjar 18:30. Hon sa \"kom.\" Sedan gick hon.</p>"))
    assert score.sentences == 3


def test_list_items_are_sentences_of_their_own() -> None:
    score = measure_html(page("<ul><li>ett</li><li>två</li><li>tre</li></ul>"))
    assert (score.words, score.sentences) == (3, 3)


def test_a_list_item_ends_a_sentence_even_with_a_list_inside_it() -> None:
    score = measure_html(page("<ul><li>Före mötet<ul><li>läs</li><li>fråga</li></ul></li></ul>"))
    assert (score.words, score.sentences) == (4, 3)


def test_a_definition_and_a_folded_summary_end_sentences_and_count() -> None:
    score = measure_html(page(
        "<dl><dt>Kulturskola</dt><dd>Kommunen väljer själv</dd></dl>"
        "<details><summary>Lag och källa</summary><p>Ingen lag.</p></details>"))
    assert (score.words, score.sentences) == (9, 4)


def test_quotes_tables_and_code_are_not_counted() -> None:
    score = measure_html(page(
        "<p>Kort text.</p>"
        "<blockquote><p>Långdragna obegripliga formuleringar förekommer ständigt.</p>"
        "<p>— Projektledaren i rapporten</p></blockquote>"
        "<table><thead><tr><th>Kolumnrubrik</th></tr></thead>"
        "<tbody><tr><td>Innehållsrik tabellcell</td></tr></tbody></table>"
        "<div class='highlight'><pre><code>programmeringskod överallt</code></pre></div>"
        "<p>Kör <code>make generate</code> nu.</p>"))
    assert (score.words, score.sentences, score.long_words) == (4, 2, 0)


def test_link_text_and_abbreviations_count_but_addresses_and_tooltips_do_not() -> None:
    score = measure_html(page(
        "<p>Läs <a href='https://lagen.nu/2013:801'>bibliotekslagen</a> om "
        "<abbr title='Regionens plan för kulturen under några år'>kulturplan</abbr>.</p>"))
    assert (score.words, score.long_words) == (4, 2)


def test_the_themes_chrome_and_the_sources_section_are_not_counted() -> None:
    html = page(
        "<a class='md-content__button md-icon' title='Redigera sidan' rel='edit'>"
        "<svg><title>Redigeringsknapp</title></svg></a>"
        "<h1 id='sida'>Sida<a class='headerlink' href='#sida'>&para; Länkankare</a></h1>"
        "<p>Kort text.</p>"
        "<h2 id='kallor'>Källor</h2>"
        "<ul><li><a href='https://lagen.nu/2010:2012'>Förordning (2010:2012) om fördelning av "
        "vissa statsbidrag till regional kulturverksamhet</a></li></ul>"
        "<p class='page-reviewed'>Senast granskad: <time>27 november 2026</time></p>"
        "<p class='page-report'><a href='#'>Rapportera ett fel på sidan</a></p>")
    assert main_text_blocks(html) == ["Sida", "Kort text."]


def test_a_heading_after_the_sources_is_counted_again() -> None:
    html = page("<h2 id='kallor'>Källor</h2><ul><li>Lagen</li></ul><h2 id='mer'>Mer</h2><p>Ja.</p>")
    assert main_text_blocks(html) == ["Mer", "Ja."]


def test_the_sources_page_itself_is_counted() -> None:
    # The page Källor has the id on its h1; its text is the page's own.
    assert main_text_blocks(page("<h1 id='kallor'>Källor</h1><p>Alla källor.</p>")) == [
        "Källor", "Alla källor."]
