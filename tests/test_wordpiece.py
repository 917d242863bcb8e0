"""Word pieces: read as the table was fitted to read them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from deepdive.wordpiece import basic_words, general_words, pieces, word_pieces

VOCAB = {"over", "##fit", "##ting", "graph", "##ics", "card", "the", ",", "'", "s", "cafe"}


def test_basic_words_lower_case_drop_accents_and_split_punctuation() -> None:
    assert basic_words("The GPU's café, 2x-faster!") == [
        "the", "gpu", "'", "s", "cafe", ",", "2x", "-", "faster", "!",
    ]  # fmt: skip


def test_a_word_is_cut_into_the_longest_pieces_left_to_right() -> None:
    assert word_pieces("overfitting", VOCAB) == ("over", "##fit", "##ting")
    assert word_pieces("graphics", VOCAB) == ("graph", "##ics")


def test_a_word_that_cannot_be_cut_is_left_out() -> None:
    assert word_pieces("zorblax", VOCAB) == ()
    assert word_pieces("x" * 101, {"x", "##x"}) == ()
    assert pieces("The graphics card, zorblax", VOCAB) == [
        "the", "graph", "##ics", "card", ",",
    ]  # fmt: skip


@given(st.text(max_size=300))
def test_any_text_gives_pieces_from_the_vocabulary(text: str) -> None:
    assert all(p in VOCAB for p in pieces(text, VOCAB))
    assert all(w == w.lower() and w.strip() == w and w for w in basic_words(text))


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=300))
def test_plain_ascii_is_read_as_the_general_loop_reads_it(text: str) -> None:
    assert basic_words(text) == general_words(text)
