"""hedging — claims so softened that the interviewer cannot tell what is certain.

What it flags:
    An answer dense with hedges — "I think", "kind of", "maybe", "probably", "sort of" — at
    least five of them and at least two per hundred words.
Why interviewers care:
    Hedging every statement sounds like not knowing one's own project. Precise claims with
    honest uncertainty where it really exists ("the estimate is noisy because...") read as
    ownership and depth.
Weak example:
    "I think we kind of improved recall, maybe by ten percent or so, I guess it sort of worked."
Stronger version:
    "Recall went from 0.61 to 0.70 on the held-out month; I'm less sure it holds for new
    merchants, because they were only 3% of the test set."
"""

from __future__ import annotations

from deepdive.context import Context
from deepdive.delivery import delivery

ID = "hedging"
PART = "structure"
SEVERITY = "minor"
MESSAGE = "Many claims are softened with hedges, which makes the story sound unsure."
FIX = (
    "State what you know plainly, with its number; keep hedges for the one or two places "
    "where you are genuinely uncertain and say why."
)


def find(ctx: Context) -> tuple[int, ...] | None:
    d = delivery()
    counts = [d.hedge_count(s.text) for s in ctx.sentences]
    total = sum(counts)
    if total < d.hedging_min_count or total * 100 < d.hedging_per_100_words * max(ctx.words, 1):
        return None
    worst = sorted(range(len(counts)), key=lambda i: (-counts[i], i))[:3]
    return tuple(i for i in worst if counts[i])
