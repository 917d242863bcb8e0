"""too_long — the opening overview runs past about three minutes spoken.

What it flags:
    An answer over about 480 words (about three minutes at a speaking pace of 150 words a
    minute). The evidence is the first sentence that starts after the three-minute mark.
Why interviewers care:
    The overview should take two to three minutes and then hand control back; a long
    monologue stops the interviewer from steering to what they want to probe.
Weak example:
    A seven-minute walk through every experiment before the interviewer can ask anything.
Stronger version:
    A two-and-a-half-minute overview that ends with "happy to go deeper on the data or the
    model choice".
"""

from __future__ import annotations

from deepdive.context import Context
from deepdive.settings import settings

ID = "too_long"
PART = "structure"
SEVERITY = "minor"
MESSAGE = "The overview runs past three minutes spoken; the interviewer cannot steer."
FIX = (
    "Cut to two or three minutes: one or two sentences per part, keep the detail for the "
    "follow-ups, and end by inviting the interviewer to pick where to go deeper."
)


def find(ctx: Context) -> tuple[int, ...] | None:
    limit = settings().max_words
    if ctx.words <= limit:
        return None
    count = 0
    for i, s in enumerate(ctx.sentences):
        if count >= limit:
            return (i,)
        count += len(s.text.split())
    return ()
