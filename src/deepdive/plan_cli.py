"""``deepdive bank plan``: print a spaced-repetition practice plan (:mod:`deepdive.plan`)."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections.abc import Callable
from datetime import date
from typing import Any

from deepdive.bank import Question
from deepdive.bank_cli import BankFailure, BankUsageError, _width
from deepdive.plan import EMPTY_DAY, MAX_DAYS, PlannedItem, by_day, make_plan


def render_plan(items: list[PlannedItem], days: int, start: date, width: int) -> str:
    """The plan day by day at ``width`` columns: id, why it is planned, the question."""
    per = textwrap.TextWrapper(width=width, initial_indent="    ", subsequent_indent="    ")
    focus = textwrap.TextWrapper(
        width=width, initial_indent="    focus: ", subsequent_indent="           "
    )
    out = [f"Practice plan: {days} day{'s' if days != 1 else ''} from {start.isoformat()}"]
    if not items:
        return out[0] + "\nNo questions with key points match these filters.\n"
    for day, planned in by_day(items, days, start):
        out += ["", day.strftime("%a %d %b %Y")]
        if not planned:
            out.append(f"  ({EMPTY_DAY})")
        for item in planned:
            out.append(f"  {item.question.id} — {item.reason}")
            out.append(per.fill(item.question.text))
            if item.focus:
                out.append(focus.fill("; ".join(item.focus)))
    out += ["", f"Practise one with: deepdive bank practice {items[0].question.id}"]
    return "\n".join(out) + "\n"


def run_plan(
    args: argparse.Namespace, questions: list[Question], store_factory: Callable[[], Any]
) -> int:
    from deepdive.practice_log import list_practice
    from deepdive.store import StoreError

    if not 1 <= args.days <= MAX_DAYS:
        raise BankUsageError(f"--days must be between 1 and {MAX_DAYS}")
    if args.per_day is not None and not 1 <= args.per_day <= 20:
        raise BankUsageError("--per-day must be between 1 and 20")
    try:
        start = date.fromisoformat(args.start) if args.start else date.today()
    except ValueError:
        raise BankUsageError(
            f"--start must be a date like 2026-12-04, not {args.start!r}"
        ) from None
    try:
        history = list_practice(store_factory())
    except StoreError as exc:
        raise BankFailure(f"cannot read your practice history: {exc}") from None
    items = make_plan(questions, history, days=args.days, today=start, per_day=args.per_day)
    if args.json:
        payload = {
            "start": start.isoformat(),
            "days": args.days,
            "items": [i.to_dict() for i in items],
        }
        sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(render_plan(items, args.days, start, _width(args)))
    return 0
