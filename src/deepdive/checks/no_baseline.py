"""no_baseline — no baseline and no alternatives considered.

What it flags:
    The answer names the chosen approach but never what it was compared against: no
    baseline, no existing rule-based or manual process, no alternative tried or ruled out
    (trying several hyper-parameters of one model is not an alternative).
    Saying outright that there was no baseline also fires.
Why interviewers care:
    A result means little without a reference point, and justifying a choice against
    alternatives — including why not a more complex model — is what decision quality means.
Weak example:
    "We trained a LightGBM model on the features and deployed it."
Stronger version:
    "The baseline was the existing rules engine at 41% precision; logistic regression got 58%,
    LightGBM 66%. A deep model added a point but tripled serving cost, so we kept LightGBM."
"""

from __future__ import annotations

import re

from deepdive.context import Context

ID = "no_baseline"
PART = "modeling"
SEVERITY = "major"
MESSAGE = "No baseline or alternative is mentioned, so the choice of model is not justified."
FIX = (
    "Name what you compared against (the existing system, a simple model, a heuristic), the "
    "alternatives you tried or ruled out, and why the chosen one won — including why not a "
    "more complex model."
)


_LEGACY = re.compile(
    r"\b(?:before|existing|used\s+to|old|previous|replac\w*|compar\w*|baseline|instead|rules?)\b",
    re.I,
)


def find(ctx: Context) -> tuple[int, ...] | None:
    denials = set(ctx.matching("baseline_denials"))
    # people working by hand to make the labels ("the cases our analysts had manually
    # reviewed") are where the data came from, not what the model was compared with
    labelling = {
        i for i in ctx.matching("labels_by_hand") if not _LEGACY.search(ctx.sentences[i].text)
    }
    support = [i for i in ctx.matching("baselines") if i not in denials and i not in labelling]
    named = {i for i, _ in ctx.mentions("models")}
    families = {m.name for _, m in ctx.mentions("models")}
    alternatives = [
        i
        for i in ctx.matching("alternatives")
        if i not in denials and (i in named or len(families) >= 2)
    ]
    counted = [i for i in ctx.matching("explicit_alternatives") if i not in denials]
    # "I started with a LightGBM model ..." is a first model only beside others
    first = [i for i in ctx.matching("first_models") if i not in denials and len(families) >= 2]
    if support or alternatives or counted or first:
        return None
    return tuple(sorted(denials)) or ctx.part_sentences["modeling"][:1]
