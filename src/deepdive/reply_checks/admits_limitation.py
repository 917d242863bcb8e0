"""admits_limitation — asked about weaknesses, the reply names a real one.

What it checks:
    A concrete limitation, mistake or thing to do differently; a reply that says there were
    none fails.
Why interviewers care:
    Honest reflection signals maturity; "there were no weaknesses" signals the opposite.
Weak reply:
    "Honestly I wouldn't change anything, it worked perfectly."
Stronger reply:
    "It is weak on new merchants with no history; I'd build a cold-start fallback first."
"""

from __future__ import annotations

from deepdive.parts import part_classifier
from deepdive.reply_context import ReplyContext

ID = "admits_limitation"
GOOD = "You named a real limitation."
MISSING = "No real limitation is named, or the reply says there were none."
DIRECTION = "Name one concrete weakness, why it exists, and what you would do about it."


def applies(ctx: ReplyContext) -> bool:
    return ctx.words() > 0


def run(ctx: ReplyContext) -> tuple[bool, list[str]]:
    denials = ctx.matching("limitation_denial")
    if denials:
        return False, [s.text for s in denials[:2]]
    classifier = part_classifier()
    hits = [s for s in ctx.sentences if classifier.raw_scores(s, [])["reflection"] >= 1.0]
    return bool(hits), [s.text for s in hits[:2]]
