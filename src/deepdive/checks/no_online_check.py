"""no_online_check — a shipped system justified only by an offline metric.

What it flags:
    The answer says the model was deployed or launched, quotes an offline gain, and never
    says how it did live: no A/B test, shadow run, pilot, monitoring or business metric.
Why interviewers care:
    Offline gains often shrink or vanish online. Interviewers want to know the candidate
    checked the thing the business actually cares about after launch.
Weak example:
    "The new ranker improved NDCG by 6% offline, so we shipped it to all users."
Stronger version:
    "It improved NDCG by 6% offline; a two-week A/B test on 10% of traffic showed a 2.1%
    lift in bookings, so we rolled it out."
"""

from __future__ import annotations

from deepdive.context import Context

ID = "no_online_check"
PART = "evaluation"
SEVERITY = "major"
MESSAGE = "The model shipped on an offline gain alone; the live outcome is not mentioned."
FIX = (
    "Say how you checked it after launch — an A/B test, a shadow or pilot period, or the "
    "business metric before and after — and what it showed."
)


def find(ctx: Context) -> tuple[int, ...] | None:
    denied = set(ctx.matching("not_shipped"))
    shipped = [i for i in ctx.matching("shipped") if i not in denied]
    if not shipped or ctx.any("online_check"):
        return None
    if any(f.result and f.kind == "money" for f in ctx.figures):
        return None
    offline = [
        f.sentence
        for f in ctx.figures
        if f.result
        and f.kind in ("metric", "percent", "points", "before_after")
        and f.sentence in {i for i, _ in ctx.mentions("metrics")}
    ]
    if not offline:
        return None
    return (offline[0], shipped[0])
