"""Which model a sentence names as the one used, and which model a number belongs to.

Shared by the drill's consistency check (``deepdive.consistency``): "the random forest ranker
we shipped" names a choice; in "LightGBM beat logistic regression, reaching 0.84" the number is
LightGBM's; "I tried a text-only BERT: 0.78" is about a model only tried.
"""

from __future__ import annotations

import re

from deepdive.vocab import Mention, vocab

CHOICE_VERB = re.compile(
    r"\b(?:us(?:e|ed|ing)|cho(?:se|ose|osing)|pick(?:ed|ing)?|select(?:ed|ing)?|deploy(?:ed|ing)?|"
    r"ship(?:ped|ping)?|went\s+(?:with|for)|go(?:ing)?\s+with|opt(?:ed|ing)\s+for|decided\s+on|"
    r"(?:moved|switched)\s+(?:on\s+|over\s+)?to|ended\s+up\s+(?:with|using|choosing|picking|"
    r"going\s+with)|settled\s+on|stuck\s+with|stayed\s+with|kept|fine-?tun(?:ed|ing)|"
    r"buil(?:t|ding)|train(?:ed|ing)|"
    r"replaced\s+(?:[\w-]+\s+){0,4}with|(?:final|new|production|deployed)\s+(?:model|system|ranker|"
    r"classifier)\s+(?:was|is)|(?:the|our|my)\s+(?:base\s+|[a-z]+\s+)?(?:model|backbone|encoder|"
    r"architecture)\s+(?:was|is)|(?:it|this)\s+was)"
    r"\s+(?:the\s+|a\s+|an\s+|our\s+)?"
    r"(?:\w+\s+){0,2}$",
    re.I,
)


_NAMED_THEN = (
    r"\s*(?:[\w-]+\s+)?(?:model|ranker|classifier|regressor|forecaster)?\s*(?:that\s+|which\s+)?"
    r"(?:we|i)(?:['’]ve|['’]d(?!\s+have\b))?\s+(?!never\b|almost\b|nearly\b|didn|did\s+not|not\b|never\b)(?:\w+\s+)?"
)
# a model named, then said to be the one used: "the random forest ranker we shipped"
CHOSEN_AFTER = re.compile(
    _NAMED_THEN + r"(?:shipped|deployed|chose|picked|kept|went\s+with|put\s+in(?:to)?\s+"
    r"production|ended\s+up\s+with)\b"
    # "LightGBM was our pick", "BERT, which went to production"
    r"|\s*(?:was|is)\s+(?:our|my|the)\s+(?:final\s+)?(?:pick|choice|winner)\b"
    # "the XGBoost one is what we kept"
    r"|\s*(?:[\w-]+\s+)?(?:is|was)\s+(?:what|the\s+one)\s+(?:we|i)\s+(?:\w+\s+)?(?:shipped|"
    r"deployed|chose|picked|kept|went\s+with|ended\s+up\s+with)\b",
    re.I,
)
# ... or merely used: "the gradient-boosted model we used, since ...", not "the k-means we used
# for segmentation" or "the network we used as a comparison"
USED_AFTER = re.compile(
    _NAMED_THEN + r"used\b(?!\s+(?:for|as|to|in|on|with|during|while|when|before|after|at)\b)",
    re.I,
)
# "our XGBoost model takes ...": a model the speaker calls theirs
OURS_BEFORE = re.compile(
    r"\b(?:our|my)\s+(?:final\s+|production\s+|deployed\s+|shipped\s+)?$", re.I
)
MODEL_NOUN_AFTER = re.compile(r"\s+(?:model|ranker|classifier|regressor|forecaster)\b", re.I)


def nearest_model(text: str, start: int, end: int) -> str | None:
    """The model named nearest the number at ``start:end`` in its sentence, one named before
    it preferred ("the logistic regression got 0.77; LightGBM got 0.84")."""
    best: tuple[float, str] | None = None
    for m in vocab().find("models", text):
        if _BEATEN.search(text[max(0, m.start - 16) : m.start]):
            continue  # "LightGBM beat logistic regression, reaching 0.84": not the loser's
        if m.end <= start:
            gap: float = start - m.end
        elif CLAUSE_BREAK.search(text[end : m.start]):
            continue  # "0.77 on a held-out quarter; LightGBM got 0.84": the next clause's
        else:
            gap = (m.start - end) * 2
        if best is None or gap < best[0]:
            best = (gap, m.name)
    return best[1] if best else None


_BEATEN = re.compile(
    r"\b(?:beat|beats|outperformed|outperforms|over|than|against|versus|vs\.?)\s+(?:the\s+|a\s+|an\s+)?$",
    re.I,
)
CLAUSE_BREAK = re.compile(r"[;:—–]|,\s+(?:and|but|while|whereas)\b|\s-\s")


def same_model(a: str | None, b: str | None, chosen: list[str]) -> bool:
    """Two numbers are about the same model other than the chosen one."""
    v = vocab()
    if a is None or b is None or any(v.same_family(b, c) for c in chosen):
        return False
    return v.same_family(a, b)


def another_model(
    reply_sentence: str,
    overview_models: list[str],
    chosen: list[str],
    tried: re.Pattern[str],
    new_is_other: bool = False,
) -> bool:
    """The reply's number is about another model than the one the overview reports: the reply
    sentence names a model it only tried ("I tried a text-only BERT as an ablation: 0.78"), or
    one the overview names but did not choose (its baseline). A model the overview never
    names is left to the model check ("we halved losses with XGBoost" is drift, not a new
    subject) — unless ``new_is_other``: asked for a baseline or why this model, a model the
    overview never names is the one being compared ("a logistic regression only reached
    0.71")."""
    v = vocab()
    for m in v.find("models", reply_sentence):
        if tried.search(reply_sentence[max(0, m.start - 40) : m.start]):
            return True
        named = any(v.same_family(m.name, o) for o in overview_models)
        used = any(v.same_family(m.name, c) for c in chosen)
        if (named or new_is_other) and not used:
            return True
    return False


def specific(picked: list[Mention], mentions: list[Mention], text: str) -> list[Mention]:
    """A family named right beside one of its models ("a gradient boosted model, LightGBM",
    "boosted trees (CatBoost)") is that model: the specific name stands for the choice. A model
    of the family named further off ("we dropped XGBoost and used gradient boosting") is not."""
    v = vocab()
    out: list[Mention] = []
    for m in picked:
        narrower = [
            n
            for n in mentions
            if n.name != m.name and v.is_a(n.name, m.name) and _beside(text, m, n)
        ]
        out.append(narrower[0] if narrower else m)
    return list(dict.fromkeys(out))


def _beside(text: str, a: Mention, b: Mention) -> bool:
    """Two mentions at most three words apart, with no word that sets them against each other."""
    between = text[min(a.end, b.end) : max(a.start, b.start)]
    return len(between.split()) <= 3 and not _SET_APART.search(between)


_SET_APART = re.compile(r"\b(?:and|or|but|than|instead|over|vs|versus|not|then)\b|[;.]", re.I)
