"""random_split_on_time — a random split or plain k-fold on data ordered in time.

What it flags:
    The answer splits or cross-validates at random while the task is about the future
    (forecasting, time series, "will churn next month"), and never mentions a time-based
    split, backtest or out-of-time test.
Why interviewers care:
    Random splits let the model see the future during training, so offline numbers come
    out better than anything production will show. It is a classic leakage probe.
Weak example:
    "To forecast next week's demand we shuffled the data and did 5-fold cross-validation."
Stronger version:
    "I trained on 2021-2022 and tested on the following six months, with a rolling-origin
    backtest to check the error held across seasons."
"""

from __future__ import annotations

from deepdive.context import Context

ID = "random_split_on_time"
PART = "evaluation"
SEVERITY = "major"
MESSAGE = "Time-ordered data is split at random, so the test set leaks the future."
FIX = (
    "Validate the way the model will be used: train on the past, test on a later period "
    "(an out-of-time split or a rolling backtest), and say so."
)


def find(ctx: Context) -> tuple[int, ...] | None:
    split = ctx.matching("random_split")
    timed = ctx.matching("time_ordered")
    if not split or not timed or ctx.any("time_aware_split"):
        return None
    return (split[0], timed[0])
