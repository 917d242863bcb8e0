"""owns_part — the reply says what the speaker personally did.

What it checks:
    A reply of more than a sentence or two that uses "we" throughout, with no "I", fails.
Why interviewers care:
    Follow-ups drill into the candidate's own part. "We" everywhere hides it.
Weak reply:
    "We looked at the logs, we found the bug and we fixed the pipeline."
Stronger reply:
    "I noticed the label delay in the logs; I rebuilt the training window and my teammate
    patched the pipeline."
"""

from __future__ import annotations

import re

from deepdive.reply_context import ReplyContext, reply_phrases

ID = "owns_part"
GOOD = "Your own part is clear."
MISSING = 'It is all "we": your own part is not clear.'
DIRECTION = 'Say what you did yourself: "I found…", "I decided…".'
_WE = re.compile(
    r"(?<![\w'’])(?:we|we're|we’re|we've|we’ve|we'd|we’d|us|our\s+team|the\s+team)(?![\w'’])",
    re.I,
)
_I = re.compile(r"(?<![\w'’])(?:i|i'm|i’m|i've|i’ve|i'd|i’d|my|me|myself)(?![\w'’])", re.I)


def applies(ctx: ReplyContext) -> bool:
    return ctx.words() >= 15


def run(ctx: ReplyContext) -> tuple[bool, list[str]]:
    if _I.search(ctx.reply):
        return True, [s.text for s in ctx.sentences if _I.search(s.text)][:1]
    we = [s.text for s in ctx.sentences if reply_phrases("ownership_plural").search(s.text)]
    # a single "our database" in passing, with "we" never doing anything, hides nobody's part
    acting = len(we) >= 2 or any(_WE.search(t) for t in we)
    return not acting, we[:2]
