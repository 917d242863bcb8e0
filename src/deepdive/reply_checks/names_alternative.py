"""names_alternative — the reply names what else was considered.

What it checks:
    Another model, a baseline or a simpler option is named concretely ("logistic regression",
    "the old rules engine"), not only as "other approaches". Why it lost is ``gives_reason``'s
    part; asked what the model was compared against, the reply's opening counts when it names
    something.
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

from deepdive.factsheet import names_baseline as factsheet_baseline
from deepdive.reply_context import ReplyContext
from deepdive.vocab import vocab

ID = "names_alternative"
GOOD = "You named a concrete alternative or baseline."
MISSING = "No concrete alternative or baseline is named."
DIRECTION = 'Name the runner-up and the reason it lost: "X was N points worse / too slow".'


def applies(ctx: ReplyContext) -> bool:
    return ctx.words() > 0


def run(ctx: ReplyContext) -> tuple[bool, list[str]]:
    chosen = ctx.entities.get("model")
    others = [
        s
        for s in ctx.sentences
        if any(
            chosen is None or not vocab().same_family(m.name, chosen)
            for m in vocab().find("models", s.text)
        )
    ]
    cued = [s for s in ctx.matching("alternative") if s not in others]
    vague = set(ctx.matching("vague_alternative"))
    named = others + [s for s in cued if s not in vague]
    if not named and ctx.family == "probe:no_baseline" and ctx.sentences:
        # asked what it was compared against, the opening names the comparison point
        first = ctx.sentences[0]
        if first not in vague and factsheet_baseline(first.text):
            named = [first]
    return bool(named), [s.text for s in named[:2]]
