"""test_set_tuning — hyper-parameters, thresholds or the model chosen on the test set.

What it flags:
    Tuning, early stopping, threshold setting or model selection done against the test set,
    which leaves no untouched data to report on.
Why interviewers care:
    A test score used for decisions is no longer an unbiased estimate; it overstates how
    the model will do. Interviewers probe how the candidate avoided overfitting to it.
Weak example:
    "We tried twenty configurations and kept the one with the best test accuracy."
Stronger version:
    "I tuned on a validation split with 5-fold CV and looked at the test set once, at the end."
"""

from __future__ import annotations

from deepdive.context import Context

ID = "test_set_tuning"
PART = "evaluation"
SEVERITY = "major"
MESSAGE = "Decisions were made on the test set, so the reported score is optimistic."
FIX = (
    "Tune and select on a validation split or cross-validation, keep the test set for one "
    "final measurement, and say that you did."
)


def find(ctx: Context) -> tuple[int, ...] | None:
    denied = set(ctx.matching("test_tuning_denials"))
    tuned = [i for i in ctx.matching("test_tuning") if i not in denied]
    return tuple(tuned) or None
