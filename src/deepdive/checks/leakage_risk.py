"""leakage_risk — preprocessing or features that can leak test information into training.

What it flags:
    Scaling, imputation, feature selection or target encoding fitted on the whole dataset
    or before the split; features computed after the outcome; the same entity (patient,
    user, document) in both train and test — with no sign the risk was handled.
Why interviewers care:
    Leakage inflates offline metrics and is one of the most common reasons a model
    disappoints in production. Spotting and preventing it is a sign of real experience.
Weak example:
    "We normalised all the features on the full dataset and then made an 80/20 split."
Stronger version:
    "I fitted the scaler and the target encoder on the training folds only and split by
    patient, so no patient appears in both train and test."
"""

from __future__ import annotations

from deepdive.context import Context

ID = "leakage_risk"
PART = "evaluation"
SEVERITY = "major"
MESSAGE = "A preprocessing or split choice can leak test information into training."
FIX = (
    "Fit every transformation on the training split only, split by entity when the same "
    "user or patient recurs, and mention the check you ran for leakage."
)


def find(ctx: Context) -> tuple[int, ...] | None:
    risky = ctx.matching("leakage")
    if not risky or ctx.any("leakage_handled"):
        return None
    return risky
