"""Scores 0-100, each explainable from the parts and the findings.

* **impact** — 0 without a result figure; otherwise 60, +20 when the result leads the answer,
  +10 for each further result figure (up to two).
* **technical_depth** — 100 x (0.3 data + 0.35 modeling + 0.35 evaluation strength), +4 for
  each distinct technical term named (models, metrics, validation schemes, data problems; up
  to +20), capped at 100, scaled by the share of three quarters of the target length the
  answer reaches, a sentence repeated counted once (a 90-word answer cannot show full depth
  however dense, nor the same said twice), then -12 for each ML sanity finding (accuracy on
  imbalance, leakage, tuning on test...), so a rich answer cannot absorb them.
* **decision_quality** — 40 with a baseline or alternatives (no ``no_baseline``), +20 when the
  modeling sentences give a reason ("because", "so that", a trade-off), +15 with evaluation
  present, +15 with reflection present, +10 with two or more model families compared; -12 per
  ML sanity finding; scaled by the same room as technical depth.
* **ownership** — by verdict: calibrated 85 (+15 when own scope or credit to others is
  explicit), unclear 55, underclaim 35, overclaim 25.
* **structure** — 10 per part present (60), +15 when the parts come in a sensible order
  (problem before modeling, reflection after modeling), +15 when the length fits the 2-3 minute
  target (+8 when shorter), +10 when a result leads; -20 for ``too_long``, -10 for
  ``jumps_to_model``, -20 for ``filler_heavy`` and -10 for ``hedging`` (a story buried in
  fillers or hedges is hard to follow, whatever parts it touches).
* **overall** — 0.235 impact + 0.295 technical_depth + 0.235 decision_quality + 0.235
  structure, minus 10 for an overclaiming answer, minus 8 for ``filler_heavy``, and minus 8
  for every further three minutes of length past six (up to 40): a half-hour monologue is no
  strong answer however many parts it touches. Ownership is scored on its own and not
  averaged in: real interviewers' ratings of real answers did not differ between "we"-told
  and "I"-told stories (realdev: mean 2.02 for both), while claiming a team's work is a
  credibility problem. Findings cost overall through the scores they lower (a missing part
  lowers structure and impact, depth or decision quality; an ML sanity finding lowers depth
  and decision quality), not once more each.

All scores are clamped to 0-100 and rounded to integers.
"""

from __future__ import annotations

import re

from deepdive.analysis import Finding
from deepdive.context import Context
from deepdive.settings import settings

SANITY = frozenset(
    {
        "accuracy_on_imbalance",
        "random_split_on_time",
        "leakage_risk",
        "no_online_check",
        "test_set_tuning",
        "suspicious_metric",
    }
)
_REASON = re.compile(
    r"\b(?:because|since|so\s+that|which\s+meant|in\s+order\s+to|trade-?offs?|the\s+reason|"
    r"given\s+that|due\s+to|as\s+it|as\s+they|turned\s+out)\b",
    re.I,
)
_OWNERSHIP = {"calibrated": 85, "unclear": 55, "underclaim": 35, "overclaim": 25}
# Past OVERLONG_FROM times the length limit, each further limit's worth of words costs this
# much overall, up to OVERLONG_CAP (no answer in the real corpus comes near: the longest is 726
# words against a limit of 480).
OVERLONG_FROM = 2.0
OVERLONG_STEP = 8.0
OVERLONG_CAP = 40.0


def _clamp(x: float) -> int:
    return round(max(0.0, min(100.0, x)))


def compute_scores(
    ctx: Context, findings: list[Finding], strengths: dict[str, float], order: list[str]
) -> dict[str, int]:
    ids = {f.id for f in findings}
    sanity = len(ids & SANITY)
    results = [f for f in ctx.figures if f.result]

    impact = 0.0
    if results:
        impact = 60 + 20 * ctx.leads_with_result + 10 * min(2, len(results) - 1)

    terms = {
        m.name
        for kind in ("models", "metrics", "validation", "data_issues")
        for _, m in ctx.mentions(kind)
    }
    depth = 100 * (
        0.3 * strengths["data"] + 0.35 * strengths["modeling"] + 0.35 * strengths["evaluation"]
    )
    # capped before the sanity findings count, so a rich answer cannot absorb them; an answer
    # shorter than three quarters of the target length has no room to show full depth
    low, high = settings().target_seconds
    fits_from = 0.75 * low  # seconds: shorter than this, the answer does not fit the target
    room = min(1.0, _distinct_words(ctx) / (fits_from / 60 * settings().words_per_minute))
    depth = min(100.0, depth + min(20, 4 * len(terms))) * room - 12 * sanity

    models = {m.name for _, m in ctx.mentions("models")}
    reasoned = any(_REASON.search(ctx.sentences[i].text) for i in ctx.part_sentences["modeling"])
    decision = (
        40 * ("no_baseline" not in ids)
        + 20 * reasoned
        + 15 * ctx.present["evaluation"]
        + 15 * ctx.present["reflection"]
        + 10 * (len(models) >= 2)
        - 12 * sanity
    ) * room  # as for depth: a very short answer has no room to justify its choices

    own = _OWNERSHIP[ctx.ownership.verdict]
    if ctx.ownership.verdict == "calibrated" and (ctx.ownership.credit or ctx.ownership.scope):
        own += 15

    structure = 10.0 * sum(ctx.present.values())
    structure += 15 * _sensible_order(order)
    seconds = ctx.words / settings().words_per_minute * 60
    if fits_from <= seconds <= high:
        structure += 15
    elif seconds < fits_from:
        structure += 8
    structure += 10 * ctx.leads_with_result
    structure -= 20 * ("too_long" in ids) + 10 * ("jumps_to_model" in ids)
    structure -= 20 * ("filler_heavy" in ids) + 10 * ("hedging" in ids)

    scores = {
        "technical_depth": _clamp(depth),
        "decision_quality": _clamp(decision),
        "ownership": _clamp(own),
        "impact": _clamp(impact),
        "structure": _clamp(structure),
    }
    overall = (
        0.235 * scores["impact"]
        + 0.295 * scores["technical_depth"]
        + 0.235 * scores["decision_quality"]
        + 0.235 * scores["structure"]
        # how ownership is told has its own score; only a claim to others' work costs overall
        - 10 * (ctx.ownership.verdict == "overclaim")
        - 8 * ("filler_heavy" in ids)
        - _overlong(ctx.words)
    )
    scores["overall"] = _clamp(overall)
    return scores


def _distinct_words(ctx: Context) -> int:
    """The answer's words, a sentence said again word for word counted once: repeating
    oneself makes an answer longer, not deeper."""
    seen: set[str] = set()
    total = 0
    for s in ctx.sentences:
        words = s.text.lower().split()
        key = " ".join(words)
        if key not in seen:
            seen.add(key)
            total += len(words)
    return min(ctx.words, total)


def _overlong(words: int) -> float:
    """Overall points lost to a monologue far past the length limit."""
    limit = settings().max_words
    beyond = max(0.0, words - OVERLONG_FROM * limit) / limit
    return min(OVERLONG_CAP, OVERLONG_STEP * beyond)


def _sensible_order(order: list[str]) -> bool:
    """Problem before modeling, and reflection (if any) after modeling."""
    pos = {p: i for i, p in enumerate(order)}
    if "problem" in pos and "modeling" in pos and pos["problem"] > pos["modeling"]:
        return False
    return not ("reflection" in pos and "modeling" in pos and pos["reflection"] < pos["modeling"])
