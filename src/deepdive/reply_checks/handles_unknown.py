"""handles_unknown — "I don't know", said well: with how you would find out.

What it checks:
    Applies only when the reply admits not knowing. It passes when the reply also says how
    the candidate would find out or gives a reasoned estimate, and fails when it stops at
    "I don't know".
Why interviewers care:
    Nobody knows everything about their project. Saying so honestly and reasoning towards an
    answer is a strength; a bare "no idea" ends the conversation.
Weak reply:
    "I'm not sure, I don't remember."
Stronger reply:
    "I didn't measure that. I'd check the p99 latency in the serving logs, and my guess is the
    feature lookups dominate."
"""

from __future__ import annotations

from deepdive.reply_context import ReplyContext

ID = "handles_unknown"
GOOD = "You were honest about not knowing and said how you'd find out."
MISSING = '"I don\'t know" with no way forward.'
DIRECTION = 'After "I don\'t know", say how you would find out or give a reasoned estimate.'


def applies(ctx: ReplyContext) -> bool:
    return bool(ctx.matching("unknown"))


def run(ctx: ReplyContext) -> tuple[bool, list[str]]:
    ways = ctx.matching("find_out")
    unknown = ctx.matching("unknown")
    return bool(ways), [s.text for s in (ways or unknown)[:2]]
