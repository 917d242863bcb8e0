"""consistent — the reply agrees with the overview's numbers, model and data.

What it checks:
    A figure for the same thing that disagrees with the overview ("30% fewer false
    positives" then "we halved them"), a different model named as the one used, or a
    different data source. Both quotes are given.
Why interviewers care:
    Inconsistent numbers under follow-up are the fastest way to lose credibility; they
    suggest the story is improvised or borrowed.
Weak reply:
    (Overview: "cut false positives by 30%") "We halved false positives."
Stronger reply:
    "False positives fell by about 30% in the A/B test, which is where that number comes from."
"""

from __future__ import annotations

from deepdive.consistency import find_contradictions
from deepdive.reply_context import ReplyContext

ID = "consistent"
GOOD = "Consistent with your overview."
MISSING = "This contradicts your overview."
DIRECTION = "Keep one set of numbers: rehearse the figures, the model and the data source."
# follow-ups that ask about other models: a model the overview never names is one of them
ABOUT_ALTERNATIVES = ("probe:no_baseline", "why_model")


def applies(ctx: ReplyContext) -> bool:
    return ctx.words() > 0


def run(ctx: ReplyContext) -> tuple[bool, list[str]]:
    # a reply adds detail: a new number is taken as the overview's only on plain evidence
    found = find_contradictions(
        ctx.overview_text,
        ctx.reply,
        ctx.question.question,
        strict=True,
        alternatives=ctx.question.family in ABOUT_ALTERNATIVES,
    )
    if not found:
        return True, []
    # each disagreement says both numbers (or names); the quotes are in the record
    return False, [c.message for c in found[:3]]
