"""Class shares: how rare the positive class is, in any of the ways people say it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from deepdive.shares import rare_shares, share_conflicts


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1% of the examples were failures.", 0.01),
        ("Only about one in two hundred orders is fraud.", 0.005),
        ("It happened to about three borrowers out of every hundred.", 0.03),
        ("We had a positive rate of 2%.", 0.02),
        ("37 out of 5,000 scans showed a tumour.", 0.0074),
        ("Positives are rare, around 0.5%.", 0.005),
        ("Malicious windows make up about 0.3% of the dataset.", 0.003),
        ("The ratio was 1:100 of positives to negatives.", 0.0099),
        ("One in ten customers churned.", 0.1),
        ("Close to 0.5% of transactions are fraud.", 0.005),
    ],
)
def test_rare_shares_are_read(text: str, value: float) -> None:
    [share] = rare_shares(text)
    assert share.value == pytest.approx(value, abs=1e-4)
    assert text[share.start : share.end] == share.text


@pytest.mark.parametrize(
    "text",
    [
        "We cut churn by 1%.",
        "Accuracy was 99%.",
        "Revenue went up 3% in the pilot.",
        "About 40% of the images were blurry.",
        "We held out 10% of the rows for testing.",
        "I labelled 5% of the tickets by hand.",
        "We trained one model in ten minutes.",
        "Two out of three users liked it.",
        "The team of 5 out of 50 engineers.",
        "About 4% of the photos were blurry, so I excluded them.",
        "3% of the rows had missing timestamps.",
        "The model flags 3% of transactions for review.",
        "Our market share was 6%.",
        "We saw 9% more positive reviews.",
        "We had 12 alerts in 2023.",
    ],
)
def test_other_numbers_are_not_shares(text: str) -> None:
    assert rare_shares(text) == []


@given(st.text(max_size=300))
def test_any_text_gives_shares_inside_it(text: str) -> None:
    for share in rare_shares(text):
        assert 0 < share.value <= 0.1
        assert text[share.start : share.end] == share.text


@pytest.mark.parametrize(
    ("overview", "reply", "conflict"),
    [
        # the same class said at a share far from the first: a slip of a decimal or a word
        ("Around 2% of the claims were fraudulent.", "Fraudulent claims were 20 percent.", True),
        ("Defects were 0.8% of the parts we inspected.", "About 8% of parts had a defect.", True),
        # rounding, and a share of another class, are no conflict
        ("Around 2% of the claims were fraudulent.", "Roughly 2.4% of claims were fraud.", False),
        ("Around 2% of the claims were fraudulent.", "Churned users were 20% of the base.", False),
    ],
)
def test_class_shares_of_the_same_class_are_compared(
    overview: str, reply: str, conflict: bool
) -> None:
    assert bool(share_conflicts([overview], [reply])) is conflict


@pytest.mark.parametrize(
    "reply",
    [
        # how much of the class a model or a rule caught or missed is no class share
        "The model caught 45% of the fraud.",
        "Recall on fraud was about 40% at that threshold.",
        "15% of the fraud was caught by the old rules alone.",
        "The detector still missed 8% of defects.",
        # a metric named with a class word names no class
        "The false positive rate fell to 12%.",
    ],
)
def test_measured_shares_are_not_class_shares(reply: str) -> None:
    assert not share_conflicts(["Only about 2% of the card payments were fraud."], [reply])


def test_a_plural_class_word_does_not_make_a_rare_share() -> None:
    assert not rare_shares("About 3% of the loans had special conditions attached.")
