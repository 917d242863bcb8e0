"""How an evaluation split its data, read from what the candidate says."""

from __future__ import annotations

import pytest

from deepdive.consistency import find_contradictions
from deepdive.sentences import split_sentences
from deepdive.split_schemes import online_kinds, split_kinds


def kinds(text: str) -> set[str]:
    return set(split_kinds(split_sentences(text)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We trained on 2022 and tested on the following quarter.", {"by time"}),
        # a unit kept apart, folds drawn at random, and a consequence that is no supposition
        ("We split the data by clinic, so test clinics were never seen in training.", {"by group"}),
        ("We split by label so both classes were balanced in train and test.", set()),
        # saying that the split kept leakage out does not make it a leak
        ("We used a random 80/20 split, and that kept leakage out of the test set.", {"at random"}),
        ("We split the data by the order timestamp for evaluation.", {"by time"}),
        ("We split by weeks for evaluation, training on the first 20.", {"by time"}),
        ("We split by calendar month for the test set.", {"by time"}),
        ("Within the six training months I used random folds for early stopping.", set()),
        ("We split by zone for the A/B test; the offline test used a later month.", set()),
        ("Evaluation used five-fold cross-validation over every season.", {"at random"}),
        ("We cross-validated with random folds over two years of orders.", {"at random"}),
        (
            "We split randomly at the row level, so one customer could land in train and test.",
            {"at random"},
        ),
        ("Offline, holding out the last three weeks, recall was 0.7.", {"by time"}),
        ("We evaluated with ten-fold cross-validation over all rows.", {"at random"}),
        ("The F1 of 0.8 comes from a random 20 percent holdout.", {"at random"}),
        ("We scored it on three held-out hospitals the model never saw.", {"by group"}),
        ("Leave-one-site-out validation gave an AUC of 0.77.", {"by group"}),
        # the same kinds in other words
        ("I split by time, training on 2023 and testing on the last quarter.", {"by time"}),
        ("Our test set was a random 10 percent of the orders, with recall at 0.6.", {"at random"}),
        ("We held out 20 percent of the merchants entirely as a test set.", {"by group"}),
        ("For evaluation we split by author, so no writer was in both sets.", {"by group"}),
        ("All listings from a tenth of the sellers were held out for testing.", {"by group"}),
        ("The test split was random: 80/10/10 over all calls.", {"at random"}),
        ("We split the clips randomly and evaluated on a fifth of them.", {"at random"}),
        ("We evaluated after training on six seasons and testing on the two latest.", {"by time"}),
        # a later clause that says nothing leaked does not set the split aside
        ("We split by date for evaluation, so no later rows leaked into training.", {"by time"}),
        ("For the test numbers we took a random 80/20 split of the sessions.", {"at random"}),
        ("We tested on rows after 01/06/22; the evaluation was a clean time split.", {"by time"}),
        ("For evaluation we held out a random 20 percent of the users.", {"by group"}),
        ("Validation: out-of-time, the final quarter kept back from training.", {"by time"}),
        (
            "We trained on policies written in 2018 to 2021 and tested on those from 2022.",
            {"by time"},
        ),
        ("The batch job ran out of time before the tests finished.", set()),
    ],
)
def test_each_kind_of_split(text: str, expected: set[str]) -> None:
    assert kinds(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Out of curiosity I also ran a random split, and the score was higher.",
        "We did not use a random split, since rows from one user would leak.",
        "A random split would let the model peek at next week.",
        "We randomly split the stores and only half got the new prices.",  # an experiment
        "I evaluated it with a time-based split because a random split leaks.",
    ],
)
def test_a_split_set_aside_or_supposed_is_not_the_one_used(text: str) -> None:
    assert "at random" not in kinds(text)


OVERVIEW = (
    "I built a gradient boosting model to forecast parcel delays across 30 depots. "
    "Offline, on a time-based split holding out the last two months, MAE fell to 8 minutes."
)


def test_a_reply_that_swaps_the_split_contradicts_the_overview() -> None:
    reply = "We used five-fold cross-validation over all the stops, and the folds agreed."
    found = find_contradictions(OVERVIEW, reply, "How do you know it works?", strict=True)
    assert [c.kind for c in found] == ["split"]
    assert "by time" in found[0].message and "at random" in found[0].message


def test_a_reply_that_keeps_the_split_or_only_weighs_another_does_not() -> None:
    same = "We trained on everything earlier and tested on the last two months, as I said."
    other = "A random split would have looked better, which is why we avoided it."
    for reply in (same, other):
        assert not find_contradictions(OVERVIEW, reply, "", strict=True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We ran the ranker in shadow mode for a month before anyone saw it.", {"shadow mode"}),
        ("A two-week A/B test on a tenth of the traffic settled it.", {"an A/B test"}),
        ("Champion-challenger: the new scorer decided 5% of the applications.",
         {"a champion-challenger split"}),
        ("We ran it in shadow for ten days, then A/B tested it on half the users.",
         {"shadow mode", "an A/B test"}),
        # ordinary words: following people around, a shade, labels named A/B/C
        ("I spent a week shadowing the claims adjusters before writing any code.", set()),
        ("Tickets were labelled A/B/C by urgency.", set()),
        ("There was never an A/B test; it went live after a review.", set()),
        ("The offline AUC was 0.84 on the last quarter.", set()),
    ],
)  # fmt: skip
def test_each_kind_of_live_test(text: str, expected: set[str]) -> None:
    assert set(online_kinds(split_sentences(text))) == expected


def test_a_retelling_that_swaps_the_live_test_has_drifted() -> None:
    overview = "We ran the new scorer in shadow mode for three weeks, then switched over."
    found = find_contradictions(overview, "We A/B tested the new scorer for three weeks.")
    assert [c.kind for c in found] == ["live_test"]
    assert "shadow mode" in found[0].message and "an A/B test" in found[0].message


@pytest.mark.parametrize(
    "reply",
    [
        "The A/B test ran on a fifth of the traffic.",  # one of the two the overview names
        "We did not want to skip shadow mode, so it came first.",
        "We checked the logs every morning.",  # names no live test
    ],
)
def test_a_retelling_that_keeps_a_live_test_named_has_not(reply: str) -> None:
    overview = "It ran in shadow mode for three weeks, then an A/B test on a fifth of the traffic."
    assert not [c for c in find_contradictions(overview, reply) if c.kind == "live_test"]
