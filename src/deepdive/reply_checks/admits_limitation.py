"""admits_limitation — asked about weaknesses, the reply names a real one.

What it checks:
    A concrete limitation, mistake or thing to do differently; a reply that says there were
    none fails. Asked for a weakness ("what would you change?"), a sentence naming where the
    work falls short ("we only had six keepers, so the model is close to guessing") or a
    change of course ("I'd involve the technicians earlier") counts. A reply dodges when it
    denies there was any, only vouches for the work ("it's pretty robust", "the agents trust
    it now"), puts the problem on someone else ("the real problem was the IT department"),
    turns to what comes next, grants limitations only in general ("no model is perfect"),
    turns to another subject or does not know.
Why interviewers care:
    Honest reflection signals maturity; "there were no weaknesses" signals the opposite.
Weak reply:
    "Honestly I wouldn't change anything, it worked perfectly."
Stronger reply:
    "It is weak on new merchants with no history; I'd build a cold-start fallback first."
"""

from __future__ import annotations

from deepdive.dodges import RETOLD, WEAKNESS_FAMILIES
from deepdive.reply_context import ReplyContext, repeats_overview, reply_phrases

ID = "admits_limitation"
GOOD = "You named a real limitation."
MISSING = (
    "No real limitation of your own work is named (a denial, praise for the work or someone "
    "else's problem does not count)."
)
DIRECTION = "Name one concrete weakness, why it exists, and what you would do about it."


def applies(ctx: ReplyContext) -> bool:
    return ctx.words() > 0


BARE_UNKNOWN = 6  # words: an opening this short that says "I don't know" answers nothing
# ("I didn't check calibration on the new stores" is a limitation, not a shrug)


def run(ctx: ReplyContext) -> tuple[bool, list[str]]:
    denials = ctx.denies_weakness()
    if denials:
        return False, [s.text for s in denials[:2]]
    asked = ctx.family in WEAKNESS_FAMILIES
    opening = ctx.sentences[:1]
    if asked and (
        ctx.matching("deflection")
        or (
            opening
            and len(opening[0].text.split()) <= BARE_UNKNOWN
            and reply_phrases("unknown").search(opening[0].text)
            and not [s for s in ctx.weak_points() if s is not opening[0]]
        )
    ):
        return False, []  # another subject, or "Hmm, I'm not sure. I don't know really"
    if asked and ctx.turns_away():
        return False, [s.text for s in ctx.dodging()[:2]]
    dodging = set(ctx.dodging()) if asked else set()
    hits = [s for s in ctx.limitations() if s not in dodging]
    if not hits and asked:
        hits = ctx.weak_points()
        if hits:
            return True, [s.text for s in hits[:2]]
        if dodging or ctx.matching("unknown"):
            return False, []
        # a substantive sentence counts, but not one that retells the overview
        hits = [
            s
            for s in ctx.sentences
            if len(s.text.split()) >= 3
            and not RETOLD.search(s.text)
            and not repeats_overview(s.text, ctx.overview.sentences)
        ][:1]
        if ctx.words() < 6:
            hits = []
    return bool(hits), [s.text for s in hits[:2]]
