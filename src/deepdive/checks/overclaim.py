"""overclaim — a team's work told as the speaker's own.

What it flags:
    "I" for work that plainly needed a team ("I single-handedly built the whole platform"),
    or a team story told entirely in the first person singular with nobody credited.
Why interviewers care:
    Overclaiming collapses under drill-down, when the interviewer asks about a part the
    candidate did not do, and reads as an integrity flag.
Weak example:
    "I built the entire recommendation platform and grew company revenue by 20%."
Stronger version:
    "I owned the candidate-ranking model; two teammates built the serving layer and the
    feature store. The ranking change lifted revenue per session by 4%."
"""

from __future__ import annotations

from deepdive.context import Context

ID = "overclaim"
PART = "ownership"
SEVERITY = "major"
MESSAGE = "The story claims more than one person plausibly did; the team's part is missing."
FIX = (
    "Scope the story to the component you owned and say so plainly; credit teammates for "
    'the rest in one sentence ("X built the serving layer").'
)


def find(ctx: Context) -> tuple[int, ...] | None:
    if ctx.ownership.verdict != "overclaim":
        return None
    return ctx.ownership.overclaim
