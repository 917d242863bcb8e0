"""Common wrong claims: they name real questions and points, and mark a point wrong."""

from __future__ import annotations

from deepdive.bank import find, shipped
from deepdive.coverage import check_coverage
from deepdive.misconceptions import for_point, misconceptions


def test_every_misconception_names_a_question_and_one_of_its_points() -> None:
    bank = shipped()
    table = misconceptions()
    assert sum(len(v) for v in table.values()) >= 500
    for qid, items in table.items():
        question = find(bank, qid)
        for item in items:
            assert 0 <= item.point < len(question.key_points), (qid, item)


def test_a_sentence_saying_a_known_mistake_marks_the_point_wrong_not_covered() -> None:
    question = find(shipped(), "br-ab-test-how-long")
    claim = for_point(question.id, 0)[0]
    result = check_coverage(question, claim)
    point = result.points[0]
    assert not point.covered and point.wrong is not None and "common mistake" in point.wrong
    assert point.evidence == (claim,)


def test_the_point_said_rightly_is_still_covered() -> None:
    question = find(shipped(), "br-ab-test-how-long")
    right = check_coverage(question, question.key_points[0])
    assert right.points[0].covered and right.points[0].wrong is None


def test_saying_only_the_first_clause_of_a_known_mistake_is_the_mistake() -> None:
    # the bank's claim goes on ("..., so it is the main fix for an underfitting model"); the
    # candidate's sentence says just the wrong part
    question = find(shipped(), "depth-bias-variance")
    said = "More training data reduces bias, and regularization moves the balance."
    point = check_coverage(question, said).points[4]
    assert not point.covered and point.wrong is not None and "common mistake" in point.wrong


def test_a_condition_alone_is_not_the_mistake() -> None:
    # "If training and validation error are both high, ..." is the mistake's condition only
    question = find(shipped(), "depth-bias-variance")
    said = "If training and validation error are both high, the model underfits: that is bias."
    point = check_coverage(question, said).points[2]
    assert point.wrong is None or "both high" not in point.wrong
