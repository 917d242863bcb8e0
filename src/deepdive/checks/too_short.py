"""too_short — the overview is over in well under a minute.

What it flags:
    An answer under about 150 words (a minute at a speaking pace of 150 words a minute).
    Answers shorter than 30 words are not read at all from the command line, and the web
    app and the API do not keep them in the history.
Why interviewers care:
    An overview that short cannot say what the problem was, where the data came from, what
    was tried and how it was checked; the interviewer has to drag each part out with
    questions, and it reads as a project the candidate did not really own.
Weak example:
    "I built a churn model with XGBoost and it worked well; the business was happy."
Stronger version:
    Two to three minutes that give the impact, the problem and metric, the data and its
    difficulty, the choice against a baseline, how it was validated, and one lesson.
"""

from __future__ import annotations

from deepdive.context import Context
from deepdive.settings import settings

ID = "too_short"
PART = "structure"
SEVERITY = "minor"
MESSAGE = "The overview is over in under a minute; most parts can only be hinted at."
FIX = (
    "Aim for two to three minutes (about 300-450 words): a sentence or two for each part — "
    "impact, problem, data, approach against a baseline, evaluation, reflection."
)


def find(ctx: Context) -> tuple[int, ...] | None:
    if ctx.words >= settings().words_per_minute:
        return None
    return ()
