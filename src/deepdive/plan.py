"""``deepdive bank plan``: which questions to practise on which day, by spaced repetition.

A question answered weakly (few key points covered) comes back soon, a strong answer later,
and each further strong answer in a row pushes it further out; the intervals live in
``data/plan.yaml``. Each day of the plan first takes the questions that are due — most
overdue, then weakest, first — keeping ``new_per_day`` places for questions not practised
yet, and fills the rest with those, easiest first and varying the topic. A question planned
on one day is assumed practised then, one level better than last time, so it can come back
later in the same plan, further out each time.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from deepdive.bank import Question
from deepdive.datafiles import fail, load_data, require
from deepdive.practice_log import PracticeRecord

FILE = "plan.yaml"
MAX_DAYS = 90
RECENT_ROUNDS = 5  # one fewer than the bank's rounds: each new question tries another


@dataclass(frozen=True)
class PlanRules:
    weak_below: float
    strong_from: float
    intervals: dict[str, int]
    strong_growth: int
    max_interval: int
    per_day: int
    new_per_day: int


@cache
def rules() -> PlanRules:
    data = load_data(FILE)
    spans = require(FILE, data, "intervals", dict)
    intervals = {k: require(FILE, spans, k, int) for k in ("weak", "partial", "strong")}
    if not all(v >= 1 for v in intervals.values()):
        raise fail(FILE, spans, "intervals must be at least one day")
    weak, strong = (
        require(FILE, data, "weak_below", float),
        require(FILE, data, "strong_from", float),
    )
    if not 0 < weak <= strong <= 1:
        raise fail(FILE, data, "need 0 < weak_below <= strong_from <= 1")
    per_day, new_per_day = (
        require(FILE, data, "per_day", int),
        require(FILE, data, "new_per_day", int),
    )
    if per_day < 1 or new_per_day < 0:
        raise fail(FILE, data, "need per_day >= 1 and new_per_day >= 0")
    return PlanRules(
        weak_below=weak,
        strong_from=strong,
        intervals=intervals,
        strong_growth=require(FILE, data, "strong_growth", int),
        max_interval=require(FILE, data, "max_interval", int),
        per_day=per_day,
        new_per_day=new_per_day,
    )


@dataclass(frozen=True)
class PlannedItem:
    day: date
    question: Question
    reason: str  # "new", or what the last answer covered
    focus: tuple[str, ...]  # the key points missed last time

    def to_dict(self) -> dict[str, object]:
        return {
            "day": self.day.isoformat(),
            "question": self.question.id,
            "text": self.question.text,
            "round": self.question.round,
            "reason": self.reason,
            "focus": list(self.focus),
        }


@dataclass
class _State:
    last: date
    share: float
    streak: int  # strong answers in a row, most recent last
    missed: tuple[str, ...]
    covered: str
    planned_only: bool = False  # never answered: only assumed practised on a planned day
    # when it was really last answered, or first planned if never: ``last`` moves as planned
    since: date | None = None


def interval_days(share: float, streak: int) -> int:
    """Days until a question answered with ``share`` of its key points comes back."""
    r = rules()
    if share < r.weak_below:
        return r.intervals["weak"]
    if share < r.strong_from:
        return r.intervals["partial"]
    days = r.intervals["strong"] * r.strong_growth ** max(0, streak - 1)
    return int(min(days, r.max_interval))


def _one_level_better(s: _State) -> None:
    """Assume the question was practised again on its planned day, one level better: a weak
    answer becomes partial, a partial one strong, a strong one a longer streak."""
    r = rules()
    if s.share < r.weak_below:
        s.share = r.weak_below
    elif s.share < r.strong_from:
        s.share, s.streak = r.strong_from, 1
    else:
        s.streak += 1


def _states(questions: Sequence[Question], history: Sequence[PracticeRecord]) -> dict[str, _State]:
    known = {q.id: q.id for q in questions}
    known.update({a: q.id for q in questions for a in (*q.aliases, *q.reported_as)})
    states: dict[str, _State] = {}
    for rec in sorted(history, key=lambda r: r.created_at):
        qid = known.get(rec.question_id)
        if qid is None:
            continue
        before = states.get(qid)
        strong = rec.share >= rules().strong_from
        streak = (before.streak + 1 if before else 1) if strong else 0
        when = rec.created_at.date()
        covered = f"{rec.covered} of {rec.total}"
        states[qid] = _State(when, rec.share, streak, rec.missed, covered, since=when)
    return states


def make_plan(
    questions: Sequence[Question],
    history: Sequence[PracticeRecord],
    *,
    days: int,
    today: date,
    per_day: int | None = None,
) -> list[PlannedItem]:
    """The plan for ``days`` days from ``today`` over ``questions`` (already filtered)."""
    if not 1 <= days <= MAX_DAYS:
        raise ValueError(f"days must be between 1 and {MAX_DAYS}")
    per_day = rules().per_day if per_day is None else per_day
    if per_day < 1:
        raise ValueError("per day must be at least 1")
    with_points = [q for q in questions if q.key_points]
    states = _states(with_points, history)
    # easiest first, bank order within a level (sorted() is stable)
    fresh = sorted((q for q in with_points if q.id not in states), key=lambda q: q.difficulty or 2)
    by_id = {q.id: q for q in with_points}
    plan: list[PlannedItem] = []
    recent: deque[str] = deque(maxlen=RECENT_ROUNDS)  # rounds of the last new questions
    for offset in range(days):
        day = today + timedelta(days=offset)
        due = [
            (
                s.last + timedelta(days=interval_days(s.share, s.streak)),
                s.planned_only,
                s.share,
                qid,
            )
            for qid, s in states.items()
        ]
        # keep places for new questions while any are left; a day of one question goes to a
        # question really answered when one is due, else to a new one, not to a check on a
        # question only planned
        ready = [qid for when, _, _, qid in sorted(due) if when <= day]
        answered_due = bool(ready) and not states[ready[0]].planned_only
        keep = min(rules().new_per_day, per_day - (per_day == 1 and answered_due), len(fresh))
        picked = ready[: per_day - keep]
        for qid in picked:
            s = states[qid]
            since = s.since or s.last
            if s.planned_only:
                reason = f"back to check it stuck (first planned {since.isoformat()})"
            else:
                # the last real answer, not a planned day it was assumed practised again
                reason = f"covered {s.covered} key points on {since.isoformat()}"
                if s.last != since:
                    reason += f"; also in this plan on {s.last.isoformat()}"
            plan.append(PlannedItem(day, by_id[qid], reason, s.missed))
            s.last = day
            _one_level_better(s)
        topics_today = {t for qid in picked for t in by_id[qid].topics[:1]}
        # another round than the last few new ones too, so short days still go round the bank
        rounds_today = {by_id[qid].round for qid in picked} | set(recent)
        while len(picked) < per_day and fresh:
            # vary the day: another round first, then another topic, then the next in line
            pick = next(
                (q for q in fresh if q.round not in rounds_today and _new_topic(q, topics_today)),
                next((q for q in fresh if _new_topic(q, topics_today)), fresh[0]),
            )
            fresh.remove(pick)
            picked.append(pick.id)
            topics_today.update(pick.topics[:1])
            rounds_today.add(pick.round)
            recent.append(pick.round)
            plan.append(PlannedItem(day, pick, "new", ()))
            states[pick.id] = _State(
                day, rules().weak_below, 0, (), "", planned_only=True, since=day
            )
    return plan


EMPTY_DAY = "nothing due, and no new question left that matches"


def by_day(
    items: Sequence[PlannedItem], days: int, today: date
) -> list[tuple[date, list[PlannedItem]]]:
    """Every day of the plan with its items, in order; a day with none is kept (and shown as
    ``EMPTY_DAY``), so a narrow filter does not make days vanish."""
    out: list[tuple[date, list[PlannedItem]]] = [
        (today + timedelta(days=k), []) for k in range(days)
    ]
    at = {d: i for i, (d, _) in enumerate(out)}
    for item in items:
        out[at[item.day]][1].append(item)
    return out


def _new_topic(question: Question, topics_today: set[str]) -> bool:
    return bool(question.topics[:1]) and question.topics[0] not in topics_today
