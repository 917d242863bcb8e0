"""long_pauses — long silences in the middle of a spoken answer.

What it flags:
    Two or more pauses longer than 2.5 seconds, or one longer than six (thresholds in
    ``data/delivery.yaml``). The audio block lists every pause with its time.
Why interviewers care:
    Long silences mid-story suggest the candidate is reconstructing the project on the spot
    rather than telling a prepared story.
Weak example:
    "The data came from... [four seconds] ...the transaction logs, and... [five seconds]..."
Stronger version:
    A rehearsed overview where pauses are short and come at the end of a part.
"""

from __future__ import annotations

from deepdive.context import Context
from deepdive.speech import speech_settings

ID = "long_pauses"
PART = "structure"
SEVERITY = "minor"
MESSAGE = "There are long pauses in the middle of the story."
FIX = "Rehearse the order of the parts so each transition is ready; pause at part boundaries."


def find(ctx: Context) -> tuple[int, ...] | None:
    if ctx.audio is None or not ctx.audio.pauses:
        return None
    s = speech_settings()
    longest = max(b - a for a, b in ctx.audio.pauses)
    if len(ctx.audio.pauses) < s.long_pause_count and longest < s.max_single_pause:
        return None
    return ()
