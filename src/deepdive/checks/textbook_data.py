"""textbook_data — the data appears as a clean given, or not at all.

What it flags:
    No word on where the data came from, how the labels were made, or what was hard about
    it (imbalance, noisy labels, missing values, leakage, drift, volume). A bare list of
    feature types does not count.
Why interviewers care:
    Real ML work is mostly data work. Describing the messy reality — and what you did about
    it — is one of the strongest signals of hands-on experience.
Weak example:
    "We used the customer dataset with features like age, tenure and plan type."
Stronger version:
    "Labels came from chargebacks, which arrive up to 90 days late, and only 0.4% of
    transactions were fraud, so I trained on a 120-day-old window and reweighted classes."
"""

from __future__ import annotations

from deepdive.context import Context

ID = "textbook_data"
PART = "data"
SEVERITY = "major"
MESSAGE = "The data is presented as a clean given: no source, no labelling, no difficulty."
FIX = (
    "Say where the data came from, how the labels were produced, and the hardest data "
    "problem you hit (imbalance, noisy or late labels, missing values, leakage) and how you "
    "handled it."
)


def find(ctx: Context) -> tuple[int, ...] | None:
    if ctx.present["data"]:
        return None
    return ctx.part_sentences["data"]
