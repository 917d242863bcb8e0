"""Spaced repetition: weak answers come back sooner, strong ones later, new ones fill the day."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from deepdive.bank import find, select_questions, shipped
from deepdive.plan import EMPTY_DAY, by_day, interval_days, make_plan
from deepdive.practice_log import PracticeRecord

TODAY = date(2026, 12, 4)


def _rec(
    qid: str, covered: int, total: int, day: date, missed: tuple[str, ...] = ()
) -> PracticeRecord:
    when = datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
    return PracticeRecord(f"{qid}-{day}", qid, when, covered, total, missed)


def test_intervals_grow_with_the_share_covered_and_the_streak() -> None:
    assert interval_days(0.2, 0) < interval_days(0.6, 0) < interval_days(1.0, 1)
    assert interval_days(1.0, 1) < interval_days(1.0, 2) < interval_days(1.0, 3)
    assert interval_days(1.0, 30) <= 60


def test_a_weak_answer_comes_back_before_a_strong_one() -> None:
    bank = select_questions(shipped(), round_name="ml_depth")
    history = [
        _rec("depth-dropout", 1, 4, date(2026, 12, 2), ("too much dropout underfits",)),
        _rec("depth-batchnorm", 6, 6, date(2026, 12, 2)),
    ]
    plan = make_plan(bank, history, days=14, today=TODAY, per_day=2)

    def first(qid: str) -> date:
        return min(i.day for i in plan if i.question.id == qid)

    assert first("depth-dropout") == TODAY  # overdue: weak answer two days ago
    assert first("depth-batchnorm") > first("depth-dropout")
    dropout = next(i for i in plan if i.question.id == "depth-dropout")
    assert dropout.focus == ("too much dropout underfits",) and "1 of 4" in dropout.reason


def test_new_questions_fill_each_day_and_vary_the_topic() -> None:
    bank = select_questions(shipped(), round_name="ml_breadth")
    plan = make_plan(bank, [], days=3, today=TODAY, per_day=3)
    assert [i.day for i in plan].count(TODAY) == 3
    assert all(i.reason == "new" for i in plan)
    today = [i.question for i in plan if i.day == TODAY]
    assert len({q.topics[0] for q in today}) == 3
    assert [q.difficulty for q in today] == [1, 1, 1]


def test_old_ids_in_history_still_count_and_unknown_ones_are_ignored() -> None:
    bank = list(shipped())
    history = [_rec("beh-on-call", 0, 5, date(2026, 12, 3)), _rec("gone-question", 0, 3, TODAY)]
    plan = make_plan(bank, history, days=1, today=TODAY, per_day=1)
    assert [i.question.id for i in plan] == [find(bank, "beh-on-call").id]


@pytest.mark.parametrize(("days", "per_day"), [(0, 3), (91, 3), (5, 0)])
def test_bad_sizes_are_refused(days: int, per_day: int) -> None:
    with pytest.raises(ValueError):
        make_plan(list(shipped()), [], days=days, today=TODAY, per_day=per_day)


def test_a_question_that_comes_back_again_names_the_day_it_was_really_answered() -> None:
    bank = select_questions(shipped(), round_name="ml_depth")
    answered = date(2026, 12, 3)
    plan = make_plan(bank, [_rec("depth-dropout", 1, 4, answered)], days=4, today=TODAY)
    reasons = [i.reason for i in plan if i.question.id == "depth-dropout"]
    assert len(reasons) >= 2  # weak: it comes back within the plan
    assert all(r.startswith("covered 1 of 4 key points on 2026-12-03") for r in reasons)
    assert "also in this plan on 2026-12-04" in reasons[1]  # never a made-up answer


def test_the_first_day_mixes_rounds_when_the_plan_covers_all_of_them() -> None:
    plan = make_plan(shipped(), [], days=2, today=TODAY, per_day=3)
    for day in {i.day for i in plan}:
        rounds = [i.question.round for i in plan if i.day == day]
        assert len(set(rounds)) == 3, rounds


def test_new_questions_keep_coming_while_reviews_are_due() -> None:
    # reviews of planned questions come due from day 4; they must not crowd out new ones
    plan = make_plan(shipped(), [], days=14, today=TODAY, per_day=3)
    for day, items in by_day(plan, 14, TODAY):
        assert any(i.reason == "new" for i in items), day
    assert len({i.question.id for i in plan}) >= 3 * 3 + 11


def test_each_return_comes_further_out_and_half_the_points_is_weak() -> None:
    bank = select_questions(shipped(), round_name="ml_depth")
    answered = date(2026, 12, 3)
    history = [_rec("depth-dropout", 2, 4, answered), _rec("depth-batchnorm", 3, 4, answered)]
    plan = make_plan(bank, history, days=30, today=TODAY, per_day=3)

    def days_of(qid: str) -> list[date]:
        return [i.day for i in plan if i.question.id == qid]

    half, most = days_of("depth-dropout"), days_of("depth-batchnorm")
    assert half[0] < most[0]  # 2 of 4 comes back before 3 of 4
    gaps = [(b - a).days for a, b in zip([answered, *half], half, strict=False)]
    assert gaps == sorted(gaps) and gaps[-1] > gaps[0], gaps


def test_a_day_with_nothing_left_is_shown_not_dropped() -> None:
    from deepdive.plan_cli import render_plan

    bank = select_questions(shipped(), round_name="ml_system_design", difficulty=1)
    plan = make_plan(bank, [], days=len(bank) + 2, today=TODAY, per_day=len(bank))
    text = render_plan(plan, len(bank) + 2, TODAY, 100)
    assert f"({EMPTY_DAY})" in text
    assert text.count("Dec 2026") + text.count("Jan 2027") >= len(bank) + 2


def test_one_question_a_day_goes_round_the_bank_and_to_a_weak_answer_when_due() -> None:
    plan = make_plan(shipped(), [], days=6, today=TODAY, per_day=1)
    assert len({i.question.round for i in plan}) == 6  # a different round each day
    history = [_rec("depth-dropout", 1, 4, date(2026, 12, 3))]
    plan = make_plan(shipped(), history, days=3, today=TODAY, per_day=1)
    assert plan[0].question.id == "depth-dropout"  # answered weakly and due: it comes first
    assert plan[1].reason == "new"  # then new ones, not checks on questions only planned


@pytest.mark.parametrize(
    ("line", "bad"), [("per_day: 3", "per_day: 0"), ("new_per_day: 1", "new_per_day: -1")]
)
def test_a_bad_plan_file_is_named(line: str, bad: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from deepdive import plan
    from deepdive.datafiles import DataFileError, parse_yaml

    text = (Path(plan.__file__).parent / "data" / "plan.yaml").read_text(encoding="utf-8")
    assert line in text
    monkeypatch.setattr(plan, "load_data", lambda name: parse_yaml(text.replace(line, bad), name))
    plan.rules.cache_clear()
    try:
        with pytest.raises(DataFileError, match=r"plan\.yaml"):
            plan.rules()
    finally:
        monkeypatch.undo()
        plan.rules.cache_clear()
