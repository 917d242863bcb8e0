"""underclaim — the speaker's own contribution cannot be told apart, or is apologised for.

What it flags:
    "We" throughout with no "I", so the interviewer cannot tell what the speaker did; or
    minimising language ("it's just a side project", "nothing fancy", "sorry").
Why interviewers care:
    Interviewers hire the person, not the team. Hiding a real contribution wastes the
    strongest signal a candidate has, and apologising undercuts a legitimate project.
Weak example:
    "It's just a small side project, nothing fancy. We cleaned the data and we trained a model."
Stronger version:
    "I built this end to end: I scraped and labelled 4,000 listings, chose the model and
    validated it against a held-out month."
"""

from __future__ import annotations

from deepdive.context import Context

ID = "underclaim"
PART = "ownership"
SEVERITY = "major"
MESSAGE = "It is hard to tell what you personally did, or the project is played down."
FIX = (
    'Say "I" for the decisions and work that were yours ("I designed the labelling '
    'scheme", "I chose X over Y"), keep "we" for the team\'s, and drop the apologies: '
    "a personal project is a real project."
)


def find(ctx: Context) -> tuple[int, ...] | None:
    if ctx.ownership.verdict != "underclaim":
        return None
    return ctx.ownership.minimising
