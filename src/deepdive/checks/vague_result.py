"""vague_result — no quantified outcome anywhere in the answer.

What it flags:
    An answer that never states its result as a number, a relative figure or an order of
    magnitude. Effort and adjectives ("it worked really well") are not an outcome.
Why interviewers care:
    The impact number frames the whole story and shows the candidate knows the model served
    a business goal. Without it the interviewer cannot tell a success from a demo.
Weak example:
    "The new model worked really well and the fraud team was happy with it."
Stronger version:
    "The new model cut confirmed fraud losses by about a third in the first quarter."
"""

from __future__ import annotations

from deepdive.context import Context

ID = "vague_result"
PART = "hook"
SEVERITY = "major"
MESSAGE = "The answer never puts a number on the result, so the impact stays a claim."
FIX = (
    "Open with the outcome as a figure: a percentage, a before-and-after, a multiple or an "
    "order of magnitude. If the exact number is confidential, give a relative one."
)


def find(ctx: Context) -> tuple[int, ...] | None:
    if any(f.result for f in ctx.figures):
        return None
    return ctx.matching("vague_results")
