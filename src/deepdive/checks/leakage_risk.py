"""leakage_risk — preprocessing or features that can leak test information into training.

What it flags:
    Scaling, imputation, feature selection or target encoding fitted on the whole dataset
    or before the split (also when told as steps: "I imputed ... then I made a random
    split"); features computed after the outcome or from a window reaching past the moment
    of prediction ("the 6 hours after each reading", "centred on the prediction date"); the
    same entity (patient, user, lesion) with several examples split at random, or said to
    be in both train and test — with no sign the risk was handled.
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
    if ctx.any("leakage_handled"):
        return None
    fitted = set(ctx.matching("fitted_transforms"))
    risky = set(ctx.matching("leakage"))
    # a transform fitted on the whole data, or fitted before a split said to come after it
    risky |= fitted & set(ctx.matching("whole_data"))
    later = ctx.matching("split_after")
    if later:
        risky |= {i for i in fitted if i < later[-1]} | set(later)
    # one patient / user / lesion with several examples, then a random split of the examples
    repeated = ctx.matching("repeated_entities")
    random_split = ctx.matching("random_split")
    if repeated and random_split:
        risky |= {repeated[0], random_split[0]}
    risky -= set(ctx.matching("label_definitions"))  # "the 30 days after ... was the label"
    return tuple(sorted(risky)) or None
