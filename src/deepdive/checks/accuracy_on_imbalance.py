"""accuracy_on_imbalance — accuracy is the headline metric on a problem with rare positives.

What it flags:
    The answer reports accuracy, says (or shows) that the positive class is rare — in words
    ("fraud is rare") or as a share in any form ("1% of the examples were failures", "one in
    two hundred orders", "37 out of 5,000 scans"), or works on a task whose positives are rare
    by nature (fraud, anomaly, intrusion or defect detection, predictive maintenance) — and
    gives no class-aware metric (precision, recall, F1, PR-AUC, false positives...) other
    than in hindsight ("I should have looked at recall").
Why interviewers care:
    With 1% positives a model that always says "no" is 99% accurate. Quoting accuracy there
    suggests the candidate did not notice, and is the first thing an interviewer will probe.
Weak example:
    "Only 0.5% of transactions were fraud, and our model reached 99.2% accuracy."
Stronger version:
    "Only 0.5% were fraud, so I tracked precision at 80% recall: it rose from 0.21 to 0.34."
"""

from __future__ import annotations

from deepdive.context import Context

ID = "accuracy_on_imbalance"
PART = "evaluation"
SEVERITY = "major"
MESSAGE = "Accuracy is quoted on an imbalanced problem, where it hides how positives fare."
FIX = (
    "Report a metric that reflects the rare class — precision and recall at your operating "
    "point, F1 or PR-AUC — and compare it with the trivial always-negative baseline."
)


def find(ctx: Context) -> tuple[int, ...] | None:
    # a class-aware metric named only in hindsight ("I should have looked at recall") was not
    # used, nor one only praised with no number ("recall was also really good")
    numbered = {f.sentence for f in ctx.figures}
    vague = {i for i in ctx.matching("metric_praised_vaguely") if i not in numbered}
    if set(ctx.matching("class_aware_metrics")) - set(ctx.matching("hindsight")) - vague:
        return None
    accuracy = [i for i, m in ctx.mentions("metrics") if m.name == "accuracy"]
    if not accuracy:
        return None
    imbalance = sorted({*ctx.matching("imbalance"), *ctx.rare_shares()})
    if not imbalance:
        imbalance = _rare_task(ctx, accuracy[0])
    return (accuracy[0], imbalance[0]) if imbalance else None


def _rare_task(ctx: Context, accuracy: int) -> list[int]:
    """The task itself finds rare cases (fraud, anomaly or defect detection...), said where the
    answer says what it built — its opening or the accuracy sentence — and no sentence says
    the classes were about even. "Monitoring that detects anomalies" in passing is no task."""
    if ctx.any("balanced_classes"):
        return []
    where = {*ctx.body()[:2], accuracy}
    return [i for i in ctx.matching("rare_tasks") if i in where]
