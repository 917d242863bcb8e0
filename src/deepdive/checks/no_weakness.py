"""no_weakness — no limitation or reflection, or a claim that there were none.

What it flags:
    The answer never names a limitation, a mistake, a lesson or what would be done
    differently — or it says outright that the project had no weaknesses.
Why interviewers care:
    Honest reflection signals maturity and self-awareness; "there were no weaknesses"
    signals the opposite and invites a harder follow-up.
Weak example:
    "Honestly there weren't really any weaknesses; it worked exactly as planned."
Stronger version:
    "The weak spot is new merchants with no history; in hindsight I'd have built a cold-start
    fallback before launch instead of after the first complaints."
"""

from __future__ import annotations

from deepdive.context import Context
from deepdive.denials import answers_no, denies_weakness

ID = "no_weakness"
PART = "reflection"
SEVERITY = "major"
MESSAGE = "No limitation or lesson is given, so the story sounds unexamined."
FIX = (
    "Close with one real limitation, why it exists, and what you would do differently "
    "with hindsight or more time."
)


def find(ctx: Context) -> tuple[int, ...] | None:
    denials = tuple(i for i, s in enumerate(ctx.sentences) if denies_weakness(s.text))
    denials = denials or _answered_no(ctx)
    if denials:
        return denials
    if ctx.present["reflection"]:
        return None
    return ()


def _answered_no(ctx: Context) -> tuple[int, ...]:
    """A question about weaknesses — the candidate's own, or the interviewer's line just
    before — answered with a bare no."""
    out = []
    for i, s in enumerate(ctx.sentences):
        asked = ctx.prompts.get(i) or (ctx.sentences[i - 1].text if i else "")
        if asked and answers_no(asked, s.text):
            out.append(i)
    return tuple(out)
