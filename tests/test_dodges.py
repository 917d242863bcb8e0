"""The reading of dodges to a weakness question, sentence by sentence and reply by reply."""

from __future__ import annotations

import pytest

from deepdive.dodges import dodges, reply_turns_away, turns_away, weak_points
from deepdive.sentences import split_sentences


@pytest.mark.parametrize(
    ("sentence", "dodge"),
    [
        ("Honestly it's pretty robust across every site.", True),
        ("It's not robust to glare, which costs about ten points.", False),  # negated vouching
        ("It ran for a year without a single failure.", True),  # its "failure" is vouching
        ("It's robust on the big stores, but the small ones get noisy forecasts.", False),
        ("It doesn't really break down.", True),
        ("It doesn't struggle with the common classes, it struggles with the rare ones.", False),
        ("So, as I said, it cut the backlog by a third.", True),  # the overview told again
        ("Recall on night shifts is well below the average.", False),
    ],
)
def test_a_sentence_dodges_or_names_a_weakness(sentence: str, dodge: bool) -> None:
    assert dodges(sentence) is dodge


@pytest.mark.parametrize(
    ("sentence", "away"),
    [
        ("Honestly the real problem was the procurement department.", True),
        ("That's an HR problem, not a model one.", True),
        ("No model is perfect.", True),
        ("I'm more excited about what comes next.", True),
        # ... unless it goes on to the work's own
        ("Every model struggles with rare classes, but ours confuses two of them.", False),
        # the weather, the field and a data problem are the work's own
        ("The biggest source of error was the weather on overcast days.", False),
        ("Accuracy in the field dropped to about 70%.", False),
        ("It's a data problem, not a model problem.", False),
    ],
)
def test_a_sentence_turns_away(sentence: str, away: bool) -> None:
    assert turns_away(sentence) is away


def test_a_reply_that_turns_away_says_nothing_of_the_work_after_it() -> None:
    away = split_sentences(
        "The problem we kept hitting was the field crews. They were understaffed, so they "
        "couldn't get there in time."
    )
    assert reply_turns_away(away) and weak_points(away, "probe:no_weakness") == []
    honest = split_sentences(
        "Like with any system, there are limits. Ours is May: early leaves look different and "
        "accuracy drops to about 70%."
    )
    assert not reply_turns_away(honest)
    assert [s.text[:8] for s in weak_points(honest, "probe:no_weakness")] == ["Ours is "]


def test_a_change_of_course_counts_only_when_asked_what_to_change() -> None:
    change = split_sentences("I'd collect the labels from the night shift too.")
    assert weak_points(change, "hindsight") and not weak_points(change, "probe:no_weakness")
    same = split_sentences("I'd do it all the same way again.")
    assert weak_points(same, "hindsight") == []
