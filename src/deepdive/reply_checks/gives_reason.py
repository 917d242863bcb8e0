"""gives_reason — the reply explains why, not only what.

What it checks:
    The reply gives a reason: "because", "so that", "which meant", a trade-off named, or a
    short answer followed by a sentence that explains it. Popularity ("everyone uses it") is
    not a reason; a reply that turns to another subject, or says it never found out why, fails.
Why interviewers care:
    Follow-ups test decision quality. A choice without its reason sounds accidental.
Weak reply:
    "We used XGBoost and it worked."
Stronger reply:
    "XGBoost, because the features were tabular and sparse, and it beat the linear model by
    five points without the serving cost of a neural net."
"""

from __future__ import annotations

import re

from deepdive.reply_context import ReplyContext
from deepdive.sentences import Sentence

_WORD = re.compile(r"[a-z][a-z0-9'-]*")
_LIGHT = frozenset(
    """a an the and or but so of to in on at for with from by as is are was were be been it its
    this that these those i we you they he she my our your their me us them would could should
    will can do did does have has had just really very main thing things change changed what
    which there here also then than about like yeah honestly definitely probably""".split()
)

# Asked for a weakness, a reply that denies having one has nothing whose reason it could give.
_ASKS_FOR_WEAKNESS = frozenset({"hindsight", "probe:no_weakness"})

ID = "gives_reason"
GOOD = "You explained why."
MISSING = "You said what you did but not why."
DIRECTION = 'Add the reason: "…because …", and name the trade-off you accepted.'


def applies(ctx: ReplyContext) -> bool:
    return ctx.words() > 0


def run(ctx: ReplyContext) -> tuple[bool, list[str]]:
    if ctx.matching("deflection") or ctx.matching("no_why"):
        return False, []
    if ctx.family in _ASKS_FOR_WEAKNESS and ctx.denies_weakness():
        return False, []  # "it didn't really fall short, so ...": no weakness to explain
    excuses = set(ctx.matching("not_a_reason"))
    hits = [s for s in ctx.matching("reason") if s not in excuses]
    if not hits and len(ctx.sentences) >= 2:
        # a short answer, then what explains it: "Long-tail queries. Most have under ten
        # sessions, so there is nothing to learn from."
        hits = [s for s in ctx.sentences[1:] if _explains(s) and s not in excuses]
    return bool(hits), [s.text for s in hits[:2]]


def _explains(sentence: Sentence) -> bool:
    """A sentence that carries substance of its own: enough content words, and not only a
    restatement ("That's the main thing I'd change")."""
    words = [w for w in _WORD.findall(sentence.text.lower()) if w not in _LIGHT]
    return len(words) >= 5
