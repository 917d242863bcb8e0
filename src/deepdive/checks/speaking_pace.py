"""speaking_pace — a spoken answer delivered too fast or too slow.

What it flags:
    A recording spoken faster than about 185 words a minute, or slower than about 110 (both
    thresholds are in ``data/delivery.yaml``). Written answers are never flagged.
Why interviewers care:
    Rushing makes a dense technical story hard to follow and sounds nervous; a very slow
    delivery burns the 2-3 minutes before the interesting parts.
Weak example:
    Three minutes of content squeezed into ninety seconds at 240 words a minute.
Stronger version:
    About 150 words a minute, with a breath after the headline number and before the model
    choice.
"""

from __future__ import annotations

from deepdive.context import Context
from deepdive.speech import speech_settings

ID = "speaking_pace"
PART = "structure"
SEVERITY = "minor"
MESSAGE = "The pace is outside a comfortable 110-185 words a minute."
FIX = (
    "Aim for about 150 words a minute: slow down on numbers and decisions, and cut detail "
    "rather than speaking faster to fit it in."
)


def find(ctx: Context) -> tuple[int, ...] | None:
    if ctx.audio is None:
        return None
    s = speech_settings()
    if s.slow_wpm <= ctx.audio.wpm <= s.fast_wpm:
        return None
    return ()
