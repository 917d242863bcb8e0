"""Misspelt search words put right against the bank's own words (deepdive.spelling)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from deepdive.spelling import Speller, distance, fold_accents

BANK = Speller(
    [
        "Explain precision and recall, and when you would trade one for the other.",
        "What is the KL divergence and why is it not symmetric?",
        "Compute a running mean and variance over a stream.",
        "How does a real-time system stay within its latency budget?",
        "Explain gradient descent and the variance of the gradient.",
        "What is a generic recipe for hyperparameter search?",
    ]
)


def test_distance_counts_a_swap_of_neighbours_as_one_edit() -> None:
    assert distance("varaince", "variance") == 1
    assert distance("recal", "recall") == 1
    assert distance("divergance", "divergence") == 1
    assert distance("abc", "abc") == 0
    assert distance("kitten", "sitting") == 3


def test_common_slips_are_put_right() -> None:
    assert BANK.correct("recal") == "recall"  # a dropped letter, before "real"
    assert BANK.correct("varaince") == "variance"  # two neighbours swapped
    assert BANK.correct("divergance") == "divergence"  # a changed letter in a long word
    assert BANK.correct_text("KL divergance, precision and recal") == (
        "KL divergence, precision and recall"
    )


def test_one_vowel_for_another_in_a_longer_word_is_put_right() -> None:
    assert BANK.correct("varience") == "variance"
    assert BANK.correct("gradiant") == "gradient"
    assert BANK.correct("recoll") is None  # too short: a vowel slip there is often a word
    assert BANK.correct("latincy") is None  # seven letters: "tasting" is not "testing"
    speller = Speller(["gradient boosting and logging of the testing runs"])
    assert speller.correct("boasting") is None and speller.correct("lagging") is None


def test_a_word_the_bank_writes_beside_the_neighbour_wins_a_tie() -> None:
    speller = Speller(["the cold start problem", "strata of a stratified sample, strata again"])
    # "strata" (a letter dropped) would win alone, and wins without the context
    assert speller.correct("strat") == "strata"
    assert speller.correct("strat", before="cold") == "start"
    assert speller.correct_text("Cold strat problem") == "Cold start problem"
    assert speller.correct_text("strat cold") == "strata cold"  # the bank never writes that
    # a small word beside every noun decides nothing: the nearest content word does
    speller = Speller(["the cold start problem", "at the start of it", "strata of a sample"])
    small = {"the", "a", "of", "at", "it"}
    assert speller.correct_text("the strat") == "the start"  # only "the" beside it
    assert speller.correct_text("the strat", small=small) == "the strata"
    assert speller.correct_text("cold the strat", small=small) == "cold the start"


def test_real_words_and_unknown_names_are_left_alone() -> None:
    assert BANK.correct("variance") is None  # a bank word
    assert BANK.correct("genetic") is None  # one changed letter from "generic": a real word
    assert BANK.correct("welford") is None  # nothing close
    assert BANK.correct("rope") is None  # too short to guess
    assert BANK.correct("precission") == "precision"


@given(st.text(max_size=60))
def test_any_text_comes_back_with_the_same_non_letters(text: str) -> None:
    fixed = BANK.correct_text(text)
    assert [c for c in fixed if not c.isascii() or not c.isalpha()] == [
        c for c in text if not c.isascii() or not c.isalpha()
    ]


def test_doubled_letters_hyphens_and_abbreviations() -> None:
    speller = Speller(["A random forest or fine-tuning with hyperparameter search."])
    assert speller.correct("forrest") == "forest"
    assert speller.correct("finetuning") == "fine-tuning"
    assert speller.correct("hyperparam") == "hyperparameter"
    assert speller.correct("seemss") is None
    assert BANK.correct("seems") is None  # not "sees": an added letter in a short word


def test_review_cases_real_words_accents_and_long_input() -> None:
    speller = Speller(["contact the team", "contractors label data", "avoid overfitting early"])
    assert speller.correct("contract") is None  # a real word, not "contact" or "contractors"
    assert speller.join_split("how to avoid over fitting") == "how to avoid overfitting"
    assert speller.correct("x" * 5000) is None
    assert fold_accents("naïve Bayes") == "naive Bayes"
