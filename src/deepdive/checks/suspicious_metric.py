"""suspicious_metric — a metric too good to be true, reported without a second look.

What it flags:
    Accuracy, AUC, F1, precision or recall at or near perfect (100%, 1.0, 99.5%+), an R² of
    0.99 or more, or "no mistakes at all", with no sign the candidate investigated it in the
    two sentences before it, its own or the three after.
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

import re

from deepdive.context import Context
from deepdive.datafiles import phrase_list
from deepdive.sentences import plain

ID = "suspicious_metric"
PART = "evaluation"
SEVERITY = "major"
MESSAGE = "A near-perfect metric is reported as a success without saying how it was checked."
FIX = (
    "Treat a near-perfect score as a bug until proven otherwise: say what you checked "
    "(leakage, duplicates between train and test, a trivial feature) and what you found."
)


LOOK_BEFORE, LOOK_AFTER = (
    2,
    3,
)  # sentences around a near-perfect score that may tell how it was checked
# a near-perfect score said of the training data is training_metric_only's concern, and
# often the point of the sentence ("0.99 on the training set but only 0.71 held out")
_ON_TRAINING = re.compile(
    r"\b(?:on\s+(?:the\s+|our\s+)?train(?:ing)?\s+(?:set|data|split|rows)|in-sample|"
    r"training\s+(?:accuracy|auc|score|loss|f1|r-?squared|r²|r2|set|data))\b",
    re.I,
)


def find(ctx: Context) -> tuple[int, ...] | None:
    pattern = phrase_list("perfect_words")
    perfect = tuple(i for i in ctx.matching("perfect_words") if not _of_training(pattern, ctx, i))
    if ctx.any("imbalance"):
        # Near-perfect accuracy on rare positives is accuracy_on_imbalance's finding.
        accuracy = {i for i, m in ctx.mentions("metrics") if m.name == "accuracy"}
        others = {i for i, m in ctx.mentions("metrics") if m.name != "accuracy"}
        perfect = tuple(i for i in perfect if i not in accuracy or i in others)
    # the second look is told beside the score ("which was suspicious; it turned out ...",
    # "so we dug into it"), not anywhere ("one order in fifty turned out to be fraud")
    looked = ctx.matching("investigated")
    perfect = tuple(
        p for p in perfect if not any(p - LOOK_BEFORE <= i <= p + LOOK_AFTER for i in looked)
    )
    return perfect or None


def _of_training(pattern: re.Pattern[str], ctx: Context, i: int) -> bool:
    """Every near-perfect score in sentence ``i`` is said of the training data."""
    text = plain(ctx.sentences[i].text)
    found = list(pattern.finditer(text))
    return bool(found) and all(
        _ON_TRAINING.search(text, max(0, m.start() - 40), m.end() + 40) for m in found
    )
