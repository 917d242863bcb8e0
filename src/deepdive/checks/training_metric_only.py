"""training_metric_only — success is shown only on the training data, or not shown at all.

What it flags:
    The only evidence the model worked is training accuracy or loss, or there is no
    evaluation at all: no held-out metric, no validation scheme, no online or business check
    (a model in use with nothing measured, "drivers have been running it since March", is
    not a check).
Why interviewers care:
    Training metrics say nothing about generalisation. Interviewers want the offline metric
    on held-out data, how it was validated, and the real-world outcome.
Weak example:
    "The training accuracy reached 98% and the loss converged nicely."
Stronger version:
    "On a held-out month it scored 0.87 AUC against 0.79 for the old model; a two-week A/B
    test then showed 12% fewer chargebacks."
"""

from __future__ import annotations

from deepdive.context import Context

ID = "training_metric_only"
PART = "evaluation"
SEVERITY = "major"
MESSAGE = "There is no held-out, validation or real-world evidence that the model works."
FIX = (
    "State the offline metric on data the model never saw, how you split or cross-validated, "
    "and the online or business outcome after launch."
)


def find(ctx: Context) -> tuple[int, ...] | None:
    training = set(ctx.matching("training_only"))
    validated = {i for i, _ in ctx.mentions("validation")}
    # "drivers have been running it since March" says it is in use, not that it works
    measured = {f.sentence for f in ctx.figures} | {i for i, _ in ctx.mentions("metrics")}
    in_use_only = set(ctx.matching("shipped")) - measured - validated
    evaluation = [
        i
        for i in ctx.part_sentences["evaluation"]
        if (i not in training or i in validated) and i not in in_use_only
    ]
    if ctx.weakly_present["evaluation"] and evaluation:
        return None
    return tuple(sorted(training))
