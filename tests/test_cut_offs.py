"""Cut-offs a ranking metric is read at (deepdive/cut_offs.py)."""

from __future__ import annotations

import pytest

from deepdive.cut_offs import (
    condition_changed,
    cut_off_changed,
    cut_offs,
    is_cut_off,
    other_cut_off,
)


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("NDCG at 10 went from 0.41 to 0.52.", [("ndcg", 10.0)]),
        ("Recall@1,000 was 0.61 and MRR 0.3.", [("recall", 1000.0)]),
        ("Precision at the top 500 alerts was 63%.", [("precision", 500.0)]),
        # "two thousand" is read as "2 thousand": the same cut-off as "2,000" and "2k"
        ("Precision at 2 thousand went from 31% to 64%.", [("precision", 2000.0)]),
        ("Recall@2k was 0.4.", [("recall", 2000.0)]),
        # a value, not a cut-off
        ("Precision at 0.62 was our best run.", []),
        ("Recall at 5% false positives was 0.7.", []),
    ],
)
def test_cut_offs_are_read_and_values_are_not(text: str, read: list[tuple[str, float]]) -> None:
    assert [(name, k) for name, k, _ in cut_offs(text)] == read


def test_two_cut_offs_of_one_metric_measure_two_things() -> None:
    assert other_cut_off("NDCG at 5 was 0.4.", "NDCG at 10 was 0.5.", "NDCG")
    assert not other_cut_off("NDCG at 10 was 0.4.", "NDCG at 10 was 0.5.", "NDCG")
    assert not other_cut_off("NDCG at 5 was 0.4.", "Recall at 10 was 0.5.", "NDCG")
    # another metric's numbers in the same sentences are not concerned
    assert not other_cut_off("Recall at 100 was 0.6, AUC 0.9.", "Recall at 50, AUC 0.8.", "AUC")


def test_the_same_numbers_at_another_cut_off_are_a_change() -> None:
    overview = ["Recall at 200 went from 0.30 to 0.44."]
    assert cut_off_changed(overview, ["Recall at 50 went from 0.30 to 0.44."])
    assert not cut_off_changed(overview, ["Recall at 50 was 0.38."])
    assert not cut_off_changed(overview, ["Recall at 200 went from 0.30 to 0.44."])


def test_a_version_number_beside_a_cut_off_is_read_without_error() -> None:
    overview = ["Recall at 100 went from 0.62 to 0.71 after we moved to faiss 1.7.4."]
    assert not cut_off_changed(overview, ["Recall at 50 was 0.52 after we moved to faiss 1.7.4."])


@pytest.mark.parametrize(
    ("number", "before", "cut_off"),
    [
        ("5%", "precision at the top ", True),
        ("5%", "precision at ", True),
        ("10", "NDCG at ", True),
        ("0.62", "precision at ", False),
        ("0.62", "precision was ", False),
    ],
)
def test_a_number_after_a_metric_is_a_cut_off_or_a_value(
    number: str, before: str, cut_off: bool
) -> None:
    assert is_cut_off(number, before) is cut_off


def test_a_version_alone_is_no_value_told_at_another_cut_off() -> None:
    overview = ["Recall at 100 went from 0.62 to 0.71 with faiss 1.7.4."]
    assert not cut_off_changed(overview, ["Recall at 50 with faiss 1.7.4 was fine."])


OVERVIEW_WITH_CONDITIONS = [
    "Orders packed within a 30-minute window went from 58% to 77%.",
    "At a false positive rate of 2%, recall rose from 0.44 to 0.61, saving about 9,000 hours.",
]


@pytest.mark.parametrize(
    ("reply", "changed"),
    [
        # the same figures, read under another condition
        ("Orders packed within a 45-minute window went from 58% to 77%.", True),
        ("At a 5% false positive rate, recall rose from 0.44 to 0.61.", True),
        # the same condition, or the figures rounded or counted in words
        ("Orders packed within a 30-minute window went from 58% to 77%.", False),
        ("At a 2% false positive rate, recall went from 0.44 to about 0.6.", False),
        ("Recall rose from 0.44 to 0.61, which saved around 9 thousand hours.", False),
        # one shared figure and a new one: a detail, not the same claim under a new condition
        ("Recall rose from 0.44 at 3 alerts a minute.", False),
    ],
)
def test_figures_read_under_another_condition(reply: str, changed: bool) -> None:
    assert bool(condition_changed(OVERVIEW_WITH_CONDITIONS, [reply])) is changed


@pytest.mark.parametrize(
    ("overview", "reply"),
    [
        # the same window in other units
        (
            "Within a 24-hour window, reviewed fraud went from 64% to 83%.",
            "Within a 1-day window, reviewed fraud went from 64% to 83%.",
        ),
        (
            "Within a 1-hour window, sensitivity went from 61% to 78%.",
            "Within a 60-minute window, sensitivity went from 61% to 78%.",
        ),
        # another number beside a unit, about something else
        (
            "Within a 1-hour window, sensitivity went from 61% to 78%.",
            "Sensitivity went from 61% to 78% over a 12-hour shift.",
        ),
        (
            "In a pilot across 120 stores over 8 weeks, weekly error fell from 18% to 11%.",
            "In the pilot, weekly error fell from 18% to 11%, retrained every 2 weeks.",
        ),
    ],
)
def test_a_condition_in_other_units_or_another_span_is_no_change(overview: str, reply: str) -> None:
    assert condition_changed([overview], [reply]) == []
