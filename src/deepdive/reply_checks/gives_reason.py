"""gives_reason — the reply explains why, not only what.

What it checks:
    The reply gives a reason: "because", "so that", "which meant", a trade-off named.
Why interviewers care:
    Follow-ups test decision quality. A choice without its reason sounds accidental.
Weak reply:
    "We used XGBoost and it worked."
Stronger reply:
    "XGBoost, because the features were tabular and sparse, and it beat the linear model by
    five points without the serving cost of a neural net."
"""

from __future__ import annotations

from deepdive.reply_context import ReplyContext

ID = "gives_reason"
GOOD = "You gave a reason for the choice."
MISSING = "You said what you did but not why."
DIRECTION = 'Add the reason: "…because …", and name the trade-off you accepted.'


def applies(ctx: ReplyContext) -> bool:
    return ctx.words() > 0


def run(ctx: ReplyContext) -> tuple[bool, list[str]]:
    hits = ctx.matching("reason")
    return bool(hits), [s.text for s in hits[:2]]
