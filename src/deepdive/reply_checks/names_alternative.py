"""names_alternative — the reply names what else was considered, and why it lost.

What it checks:
    Another model, a baseline or a simpler option is named, together with why it was not
    chosen (a reason, or a comparison such as "slower", "worse", "too complex").
Why interviewers care:
    "Why this model?" is really "what else did you consider?". Naming the alternative and the
    reason it lost is the core of decision quality.
Weak reply:
    "LightGBM is a really strong model for this kind of data."
Stronger reply:
    "We compared it with logistic regression, which was four points worse on recall, and a
    neural net that was not better and far harder to serve."
"""

from __future__ import annotations

from deepdive.reply_context import ReplyContext
from deepdive.vocab import vocab

ID = "names_alternative"
GOOD = "You named an alternative and why it lost."
MISSING = "No alternative is named, or not why it was ruled out."
DIRECTION = 'Name the runner-up and the reason it lost: "X was N points worse / too slow".'


def applies(ctx: ReplyContext) -> bool:
    return ctx.words() > 0


def run(ctx: ReplyContext) -> tuple[bool, list[str]]:
    chosen = ctx.entities.get("model")
    others = [
        s for s in ctx.sentences if any(m.name != chosen for m in vocab().find("models", s.text))
    ]
    alternatives = ctx.matching("alternative") + others
    if not alternatives:
        return False, []
    why = [s for s in alternatives if s in ctx.matching("why_not")]
    return bool(why), [s.text for s in (why or alternatives)[:2]]
