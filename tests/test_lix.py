"""Plain Swedish: every Swedish page has LIX <= 40, and the LIX formula counts what it should.

LIX = words / sentences + 100 * long words / words; a long word has more than six letters.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.errors import display_path
from scripts.lix import LIX_LIMIT, measure, measure_text, swedish_pages
from scripts.paths import DOCS
from tests.sitebuild import BuiltSite


def test_every_swedish_page_has_lix_at_most_40(built_site: BuiltSite) -> None:
    # built_site: the build has written the fragments that the pages include and LIX counts.
    pages = swedish_pages(DOCS)
    assert pages, "no Swedish pages found under docs/"
    assert not any(page.name.endswith(".en.md") for page in pages)
    scores = {page: measure(page) for page in pages}
    over = [f"{display_path(page)}: LIX {score.lix:.1f} ({score.words} words)"
            for page, score in scores.items() if score.lix > LIX_LIMIT]
    assert not over, (
        f"{len(over)} Swedish page(s) above LIX {LIX_LIMIT:.0f}; write shorter sentences and "
        "shorter words (measure with `python -m scripts.lix docs/<page>.md`):\n" + "\n".join(over)
    )


def test_hand_counted_text() -> None:
    # Katten sitter på mattan (4 words, none long); Hunden springer omkring i trädgården
    # (5 words; springer, omkring, trädgården are long). 9 / 2 + 100 * 3 / 9 = 37.83.
    score = measure_text("Katten sitter på mattan. Hunden springer omkring i trädgården.\n")
    assert (score.words, score.sentences, score.long_words) == (9, 2, 3)
    assert score.lix == pytest.approx(9 / 2 + 100 * 3 / 9)


def test_six_letters_is_not_long_but_seven_is() -> None:
    assert measure_text("Mattan.\n").long_words == 0
    assert measure_text("Mattorna.\n").long_words == 1


def test_heading_ends_a_sentence_without_a_full_stop() -> None:
    # "Rubrik" is one sentence, "En mening här." another: 4 words, 2 sentences, no long word.
    score = measure_text("# Rubrik\n\nEn mening här.\n")
    assert (score.words, score.sentences, score.long_words) == (4, 2, 0)
    assert score.lix == pytest.approx(2.0)


def test_question_mark_exclamation_mark_and_colon_end_sentences() -> None:
    score = measure_text("Vad gör du? Jag läser! Det här: en bok.\n")
    assert score.sentences == 4


def test_quotes_tables_and_code_are_not_counted() -> None:
    body = (
        "Kort text.\n\n"
        "> Långdragna obegripliga formuleringar förekommer ständigt.\n\n"
        "| Kolumnrubrik | Ytterligare |\n| --- | --- |\n| Innehållsrik | Tabellcell |\n\n"
        "```\nprogrammeringskod överallt\n```\n"
    )
    score = measure_text(body)
    assert (score.words, score.sentences, score.long_words) == (2, 1, 0)


def test_link_text_counts_but_the_address_does_not() -> None:
    score = measure_text("Läs [bibliotekslagen](https://lagen.nu/2013:801) nu.\n")
    assert (score.words, score.long_words) == (3, 1)
    assert score.lix == pytest.approx(3 + 100 / 3)


def test_list_items_are_sentences_of_their_own() -> None:
    score = measure_text("- ett\n- två\n- tre\n")
    assert (score.words, score.sentences) == (3, 3)


def test_front_matter_is_not_counted(tmp_path: Path) -> None:
    page = tmp_path / "sida.md"
    page.write_text(
        "---\ntitle: Förhållandevis långa titelord\ndescription: Beskrivningar räknas inte.\n---\n\n"
        "Kort text.\n", encoding="utf-8",
    )
    assert measure(page).words == 2
