"""filler_heavy — a spoken answer full of "um", "uh" and "erm".

What it flags:
    At least a handful of fillers and more than about six per minute of speech — or, for a
    typed or pasted transcript with no recording, more than about four per 100 words ("um",
    "uh", "you know", "I mean", a comma'd "like"; thresholds in ``data/delivery.yaml``). The
    evidence is the sentences with the most fillers.
Why interviewers care:
    A few fillers are normal; a steady stream makes a candidate sound unprepared and hides the
    substance of the story.
Weak example:
    "So, um, the model, uh, was, um, basically a, uh, gradient boosting thing."
Stronger version:
    "The model was gradient boosting." — a pause instead of a filler while thinking.
"""

from __future__ import annotations

from deepdive.context import Context
from deepdive.delivery import delivery
from deepdive.speech import speech_settings

ID = "filler_heavy"
PART = "structure"
SEVERITY = "minor"
MESSAGE = "Fillers (um, uh, erm) come often enough to distract from the story."
FIX = (
    "Rehearse the opening and the transitions until they are automatic, and replace fillers "
    "with a short silent pause."
)


def find(ctx: Context) -> tuple[int, ...] | None:
    if ctx.audio is None:
        return _from_text(ctx)
    s = speech_settings()
    count = len(ctx.audio.fillers)
    per_minute = count / max(ctx.audio.speaking_seconds / 60, 0.1)
    if count < s.filler_min or per_minute < s.fillers_per_minute:
        return None
    words = {f[0].lower() for f in ctx.audio.fillers}
    ranked = sorted(
        range(len(ctx.sentences)),
        key=lambda i: -sum(ctx.sentences[i].text.lower().count(w) for w in words),
    )
    return tuple(ranked[:2])


def _from_text(ctx: Context) -> tuple[int, ...] | None:
    d = delivery()
    counts = [d.filler_count(s.text) for s in ctx.sentences]
    total = sum(counts)
    if total < d.text_filler_min or total / max(ctx.words, 1) * 100 < d.fillers_per_100_words:
        return None
    ranked = sorted(range(len(counts)), key=lambda i: (-counts[i], i))
    return tuple(ranked[:2])
