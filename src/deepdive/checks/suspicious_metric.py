"""suspicious_metric — a metric too good to be true, reported without a second look.

What it flags:
    Accuracy, AUC, F1, precision or recall at or near perfect (100%, 1.0, 99.5%+), an R² of
    0.99 or more, or "no mistakes at all", with no sign the candidate investigated it.
Why interviewers care:
    Near-perfect numbers on real data usually mean leakage, a duplicated test set or a
    trivial task. A strong candidate says what they checked; a weak one celebrates.
Weak example:
    "Our classifier got 100% accuracy on the test set."
Stronger version:
    "The first run hit 0.999 AUC, which was suspicious; it turned out an ID column encoded the
    label. After removing it we got 0.86."
"""

from __future__ import annotations

from deepdive.context import Context

ID = "suspicious_metric"
PART = "evaluation"
SEVERITY = "major"
MESSAGE = "A near-perfect metric is reported as a success without saying how it was checked."
FIX = (
    "Treat a near-perfect score as a bug until proven otherwise: say what you checked "
    "(leakage, duplicates between train and test, a trivial feature) and what you found."
)


def find(ctx: Context) -> tuple[int, ...] | None:
    perfect = ctx.matching("perfect_words")
    if ctx.any("imbalance"):
        # Near-perfect accuracy on rare positives is accuracy_on_imbalance's finding.
        accuracy = {i for i, m in ctx.mentions("metrics") if m.name == "accuracy"}
        others = {i for i, m in ctx.mentions("metrics") if m.name != "accuracy"}
        perfect = tuple(i for i in perfect if i not in accuracy or i in others)
    if not perfect or ctx.any("investigated"):
        return None
    return perfect
