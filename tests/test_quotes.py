"""Quote matching: insensitive to white space, and to nothing else."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from scripts.quotes import SourceText

WHITE = st.lists(st.sampled_from([" ", "\n", "\u00a0", "\t", "\r\n", "\n\n \u00a0\n", "\f", "   "]),
                 min_size=1, max_size=3).map("".join)
WORD = st.text(alphabet=st.sampled_from("abcåäöABC.,;:()-0123456789"), min_size=1, max_size=6)
# Distinct words, so that a quote can be found in one place only.
WORDS = st.lists(WORD, min_size=3, max_size=40, unique=True)


def _spaced(draw, words: list[str]) -> str:
    return "".join(word + draw(WHITE) for word in words)


@settings(max_examples=300, deadline=None)
@given(st.data(), WORDS)
def test_quote_is_found_whatever_the_white_space(data, words):
    text = _spaced(data.draw, words)
    start = data.draw(st.integers(0, len(words) - 1))
    end = data.draw(st.integers(start + 1, len(words)))
    quote = data.draw(WHITE) + _spaced(data.draw, words[start:end])
    match = SourceText(text).find(quote)
    assert match is not None and (match.start, match.end) == (start, end)


@settings(max_examples=300, deadline=None)
@given(st.data(), WORDS)
def test_one_changed_word_is_not_found(data, words):
    text = _spaced(data.draw, words)
    start = data.draw(st.integers(0, len(words) - 1))
    end = data.draw(st.integers(start + 1, len(words)))
    quote = list(words[start:end])
    position = data.draw(st.integers(0, len(quote) - 1))
    replacement = data.draw(WORD)
    assume(replacement not in words)
    quote[position] = replacement
    assert SourceText(text).find(" ".join(quote)) is None


@settings(max_examples=300, deadline=None)
@given(st.data(), WORDS)
def test_one_added_or_missing_word_inside_the_quote_is_not_found(data, words):
    text = _spaced(data.draw, words)
    start = data.draw(st.integers(0, len(words) - 3))
    end = data.draw(st.integers(start + 3, len(words)))
    quote = list(words[start:end])
    position = data.draw(st.integers(1, len(quote) - 2))
    if data.draw(st.booleans()):
        del quote[position]
    else:
        quote.insert(position, data.draw(WORD))
    assert SourceText(text).find(" ".join(quote)) is None


@settings(max_examples=300, deadline=None)
@given(st.data(), WORDS)
def test_a_changed_character_or_a_split_word_is_not_found(data, words):
    text = _spaced(data.draw, words)
    start = data.draw(st.integers(0, len(words) - 1))
    end = data.draw(st.integers(start + 1, len(words)))
    quote = " ".join(words[start:end])
    index = data.draw(st.integers(0, len(quote) - 1))
    assume(not quote[index].isspace())
    change = data.draw(st.sampled_from(["drop", "other", "space"]))
    if change == "drop":
        mutated = quote[:index] + quote[index + 1 :]
    elif change == "other":
        mutated = quote[:index] + ("x" if quote[index] != "x" else "y") + quote[index + 1 :]
    else:
        assume(0 < index)
        assume(not quote[index - 1].isspace())
        mutated = quote[:index] + " " + quote[index:]
    assume(mutated.split() != quote.split())
    source = SourceText(text)
    found = source.find(mutated)
    # Only another, identical run of words elsewhere could match; the words are distinct.
    assert found is None or source.words[found.start : found.end] == mutated.split()


def test_match_reports_the_line_of_the_first_word():
    source = SourceText("Rubrik\n\nEtt två\ntre fyra.\n")
    match = source.find("två tre")
    assert match is not None and match.line == 3


def test_closest_passage_points_at_the_drifted_sentence():
    text = "Inledning här.\nDet är ofta enkla saker som möjliggör att fler\nkan delta. Slut på texten."
    passage = SourceText(text).closest("Det är ofta små saker som möjliggör att fler kan delta.")
    assert passage is not None and passage.line == 2
    assert "enkla" in passage.text
    assert any("'små'" in d and "'enkla'" in d for d in passage.differences)
