"""The issue-13 labelled sets and what the comparison checks reach on them.

The sets were written blind by helper sessions before the code ran on them; issue 13's targets
are far above some floors here (contradiction recall 0.90, practice accuracy 0.90). The floors
are today's figures, so a change that reads these sets worse fails.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from deepdive.claim_evaluation import (
    Tally,
    contradictions,
    practice,
    reply_checks,
    report,
    retellings,
)

DATA = Path(__file__).parent / "data"


def _yaml(name: str) -> dict:
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


def test_the_sets_are_as_big_as_issue_13_asks() -> None:
    pairs = [r for o in _yaml("contradiction_pairs.yaml")["overviews"] for r in o["replies"]]
    assert len(pairs) >= 150
    assert sum(r["contradicts"] for r in pairs) >= 60
    kinds = {r["kind"] for r in pairs if r["contradicts"]}
    assert {"metric_value", "class_share", "latency", "money", "team_size", "model_family"} <= kinds
    replies = [r for o in _yaml("drill_replies.yaml")["overviews"] for r in o["replies"]]
    assert len(replies) >= 100
    retold = [r for s in _yaml("retell_pairs.yaml")["sheets"] for r in s["retellings"]]
    assert len(retold) >= 60
    dense = [r for o in _yaml("contradiction_pairs_2.yaml")["overviews"] for r in o["replies"]]
    assert len(dense) >= 150 and sum(r["contradicts"] for r in dense) >= 60
    later = [r for s in _yaml("retell_pairs_2.yaml")["sheets"] for r in s["retellings"]]
    assert len(later) >= 36 and sum(len(r["drift"]) for r in later) >= 40
    answers = _yaml("practice_answers.yaml")["answers"]
    assert len(answers) >= 80
    assert sum("wrong" in a["marks"].values() for a in answers) >= 30
    second = _yaml("practice_answers_2.yaml")["answers"]
    assert len(second) >= 70
    assert sum(list(a["marks"].values()).count("wrong") for a in second) >= 50


def test_a_tally_counts_precision_recall_and_accuracy() -> None:
    t = Tally()
    for gold, pred in ((True, True), (True, False), (False, True), (False, False)):
        t.add(gold, pred, "case")
    assert (t.precision, t.recall, t.accuracy, t.n) == (0.5, 0.5, 0.5, 4)
    assert t.wrong == ["missed: case", "false: case"]


@pytest.mark.parametrize(
    ("split", "precision", "recall"), [("dev", 0.92, 0.72), ("test", 0.79, 0.63)]
)
def test_contradictions_floor(split: str, precision: float, recall: float) -> None:
    tally = contradictions(DATA / "contradiction_pairs.yaml")[split]
    assert tally.precision >= precision and tally.recall >= recall, tally.wrong


@pytest.mark.parametrize(
    ("split", "precision", "recall"), [("dev", 0.84, 0.53), ("test", 0.78, 0.48)]
)
def test_second_contradictions_floor(split: str, precision: float, recall: float) -> None:
    tally = contradictions(DATA / "contradiction_pairs_2.yaml")[split]
    assert tally.precision >= precision and tally.recall >= recall, tally.wrong


@pytest.mark.parametrize(("split", "floor"), [("dev", 0.88), ("test", 0.83)])
def test_reply_checks_floor(split: str, floor: float) -> None:
    checks = reply_checks(DATA / "drill_replies.yaml")[split]
    right = sum(t.tp + t.tn for t in checks.values())
    total = sum(t.n for t in checks.values())
    assert right / total >= floor
    assert checks["names_alternative"].accuracy >= 0.85, checks["names_alternative"].wrong


@pytest.mark.parametrize(
    ("file", "split", "cover", "recall", "precision"),
    [
        ("retell_pairs.yaml", "dev", 0.83, 0.6, 0.62),
        ("retell_pairs.yaml", "test", 0.83, 0.6, 0.62),
        # written later with subtler drifts; floors above what the code before it read
        # (recall / precision 0.25 / 0.71 on dev, 0.20 / 0.67 on test)
        ("retell_pairs_2.yaml", "dev", 0.8, 0.35, 0.75),
        ("retell_pairs_2.yaml", "test", 0.78, 0.22, 0.7),
    ],
)
def test_retelling_floor(
    file: str, split: str, cover: float, recall: float, precision: float
) -> None:
    tally = retellings(DATA / file)[split]
    assert tally.coverage.accuracy >= cover
    assert tally.drift.recall >= recall and tally.drift.precision >= precision, tally.drift.wrong


@pytest.mark.parametrize(
    ("file", "split", "floor"),
    [
        ("practice_answers.yaml", "dev", 0.7),
        ("practice_answers.yaml", "test", 0.68),
        ("practice_answers_2.yaml", "dev", 0.64),
        ("practice_answers_2.yaml", "test", 0.61),
    ],
)
def test_practice_floor(file: str, split: str, floor: float) -> None:
    tally = practice(DATA / file)[split]
    assert tally.right / tally.points >= floor, tally.errors


def test_the_report_names_every_set() -> None:
    text = report(DATA)
    for needle in (
        "contradiction test",
        "reply test all checks",
        "reply-3 test all checks",
        "reply-4 test all checks",
        "reply-5 test all checks",
        "reply-6 test all checks",
        "reply-7 test all checks",
        "reply-8 test all checks",
        "reply-9 test all checks",
        "retell drift test",
        "retell-2 drift test",
        "practice test",
        "practice-2 test",
    ):
        assert needle in text


@pytest.mark.parametrize(
    ("file", "split", "precision", "recall"),
    [
        ("drill_replies.yaml", "dev", 0.9, 0.45),
        ("drill_replies.yaml", "test", 0.35, 0.3),
        ("drill_replies_2.yaml", "dev", 0.55, 0.35),
        ("drill_replies_2.yaml", "test", 0.35, 0.35),
        ("drill_replies_3.yaml", "dev", 0.9, 0.45),
        ("drill_replies_3.yaml", "test", 0.55, 0.5),
        ("drill_replies_4.yaml", "dev", 0.7, 0.4),
        ("drill_replies_4.yaml", "test", 0.15, 0.05),
        ("drill_replies_5.yaml", "dev", 0.65, 0.7),
        ("drill_replies_5.yaml", "test", 0.6, 0.15),
        ("drill_replies_6.yaml", "dev", 0.15, 0.05),
        ("drill_replies_6.yaml", "test", 0.55, 0.6),
    ],
)
def test_consistent_check_floor(file: str, split: str, precision: float, recall: float) -> None:
    """The drill's consistency mark: a false "this contradicts your overview" costs trust."""
    tally = reply_checks(DATA / file)[split]["consistent"]
    assert tally.precision >= precision and tally.recall >= recall, tally.wrong


def test_the_third_reply_set_is_a_third_contradictions() -> None:
    replies = [r for o in _yaml("drill_replies_3.yaml")["overviews"] for r in o["replies"]]
    assert len(replies) >= 80
    assert sum(not r["gold"]["consistent"] for r in replies) >= 25


@pytest.mark.parametrize(
    ("file", "split", "admits", "reason"),
    [
        ("drill_replies_7.yaml", "dev", 0.95, 0.9),
        ("drill_replies_7.yaml", "test", 0.6, 0.7),
        ("drill_replies_8.yaml", "dev", 0.8, 0.8),
        ("drill_replies_8.yaml", "test", 0.5, 0.5),
        ("drill_replies_9.yaml", "dev", 0.55, 0.45),
        ("drill_replies_9.yaml", "test", 0.6, 0.4),
    ],
)
def test_weakness_reply_floor(file: str, split: str, admits: float, reason: float) -> None:
    """Asked for a weakness, a dodge (a denial, vouching, someone else's problem) must not pass
    as an admitted limitation: the seventh and eighth sets are half dodges."""
    checks = reply_checks(DATA / file)[split]
    assert checks["admits_limitation"].accuracy >= admits, checks["admits_limitation"].wrong
    assert checks["gives_reason"].accuracy >= reason, checks["gives_reason"].wrong
