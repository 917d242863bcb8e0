"""Two more ways a sentence gets a key point backwards, read from how the claim is built.

:mod:`deepdive.directions` reads swaps, reversed changes, negations and dismissals word by
word. Two kinds of wrong claim need the shape of the sentence instead:

* **a comparison the other way round**: the point says "A is better than B"; the sentence
  says "B is higher than A", or "A is worse than B". Each "… <comparative> than …" is read as
  a frame — what stands before the comparative, what stands after "than", and which way it
  goes — and two frames are compared only when both sides meet;
* **what the point denies, stated as true**: the point says "it is *not* the probability that
  the null is true"; the sentence says "it is the probability that the null is true". The
  denied words must come back close together (a definition that merely shares them, "the
  probability of data this extreme if the null were true", spreads them out), and a sentence
  that negates, or calls the claim a mistake, agrees with the point.

Both return a short reason, or None.
"""

from __future__ import annotations

import math
import re

from deepdive.meaning import terms

_WORD = re.compile(r"[\w’'-]+")
_UP = frozenset({"better", "higher", "more", "larger", "greater", "bigger"})
_COMPARATIVE = re.compile(
    r"\b(better|worse|higher|lower|more|less|fewer|larger|smaller|greater|bigger)\b"
    r"(?:\s+[\w-]+){0,2}?\s+than\b",
    re.I,
)
_QUALITY = frozenset({"better", "worse"})
# where lower is better, "better" and "higher" point opposite ways: such frames are compared
# only word for word
_LOWER_IS_BETTER = re.compile(
    r"\b(?:error|errors|loss|losses|latency|cost|costs|perplexity|rmse|mae|mse|time)\b", re.I
)
_SIDE_WORDS = 6  # words either side of a comparison that name what is compared
_CLAUSE_START = re.compile(r"[,;:.(]|\b(?:so|because|while|whereas|but|and|if|when)\b", re.I)
_CLAUSE_END = re.compile(r"[,;:.)]|\b(?:so|because|while|whereas|but|and|if|when)\b", re.I)

# a denial in the point: a verb negated ("is not", "must not", "doesn't"), not a contrast
# tacked on ("…, not just a point estimate")
_DENIAL = re.compile(
    r"\b(?:is|are|was|were|be|do|does|did|must|should|can|could|will|would|may|might|has|have|"
    r"had)\s+not\b|\b\w+n[’']t\b|\bcannot\b",
    re.I,
)
_NOT_A_DENIAL = re.compile(r"\s+(?:only|just|merely|simply|always|necessarily)\b", re.I)
# a sentence that negates anything, or reports the claim as a mistake, is not affirming it
_DISTANCED = re.compile(
    r"\b(?:not|never|no|neither|nor|cannot|rather\s+than|instead\s+of|unlike|mistake\w*|"
    r"misconception\w*|myth\w*|wrong\w*|misread\w*|misinterpret\w*|confus\w*|pitfall\w*|"
    r"trap\w*|fallac\w*|people\s+(?:often\s+)?(?:think|say|assume|believe))\b|n[’']t\b",
    re.I,
)
_PREPOSITIONS = frozenset(
    {"between", "among", "for", "in", "on", "at", "with", "by", "during", "across", "within"}
)
_SLACK = 2  # extra words the sentence may spend on the denied phrase
_SHARE = 0.75  # share of the denied phrase's terms the sentence must say


def _frames(text: str) -> list[tuple[bool, str, set[str], set[str]]]:
    """Each "A <comparative> than B": (goes up, the comparative, terms of A, terms of B),
    the terms both sides share left out ("training accuracy … validation accuracy")."""
    out = []
    for m in _COMPARATIVE.finditer(text):
        before = text[: m.start()]
        starts = [c.end() for c in _CLAUSE_START.finditer(before)]
        left_words = _WORD.findall(before[starts[-1] if starts else 0 :])[-_SIDE_WORDS:]
        rest = text[m.end() :]
        end = _CLAUSE_END.search(rest)
        right_words = _WORD.findall(rest[: end.start()] if end else rest)[:_SIDE_WORDS]
        left, right = set(terms(" ".join(left_words))), set(terms(" ".join(right_words)))
        word = m.group(1).lower()
        out.append((word in _UP, word, left - right, right - left))
    return out


def compared_backwards(point: str, sentence: str) -> str | None:
    """The sentence compares the point's two sides the other way round."""
    mixed_ok = not _LOWER_IS_BETTER.search(point + " " + sentence)
    for up, word, left, right in _frames(point):
        if not left or not right:
            continue
        for up2, word2, left2, right2 in _frames(sentence):
            if not left2 or not right2:
                continue
            if word != word2 and ((word in _QUALITY) != (word2 in _QUALITY)) and not mixed_ok:
                continue
            same = left & left2 and right & right2 and not (left & right2 or right & left2)
            crossed = left & right2 and right & left2 and not (left & left2 or right & right2)
            if (same and up != up2) or (crossed and up == up2):
                return "it compares the two the other way round"
    return None


def _span(words: list[str], wanted: set[str]) -> int | None:
    """The fewest consecutive words of ``words`` whose terms hold most of ``wanted`` (all but
    a quarter of them, at least two)."""
    needed = max(2, math.ceil(_SHARE * len(wanted)))
    per_word = [
        set(terms(w)) | (set(terms(f"{w} {words[i + 1]}")) if i + 1 < len(words) else set())
        for i, w in enumerate(words)
    ]
    best: int | None = None
    for i in range(len(words)):
        seen: set[str] = set()
        for j in range(i, len(words)):
            seen |= per_word[j] & wanted
            if len(seen) >= needed:
                if best is None or j - i + 1 < best:
                    best = j - i + 1
                break
    return best


def _core(words: list[str]) -> list[str]:
    """The denied claim up to the first preposition after two content terms ("imply
    causation" of "imply causation between the two variables")."""
    for k, word in enumerate(words):
        if word.lower() in _PREPOSITIONS and len(set(terms(" ".join(words[:k])))) >= 2:
            return words[:k]
    return words


def affirms_denied(point: str, sentence: str) -> str | None:
    """The sentence states, plainly and close together, what the point says is not so."""
    if _DISTANCED.search(sentence):
        return None
    words = _WORD.findall(sentence)
    for m in _DENIAL.finditer(point):
        rest = point[m.end() :]
        if _NOT_A_DENIAL.match(rest):
            continue
        end = _CLAUSE_END.search(rest)
        denied_words = _core(_WORD.findall(rest[: end.start()] if end else rest))
        denied = set(terms(" ".join(denied_words)))
        if len(denied) < 2:
            continue
        span = _span(words, denied)
        if span is not None and span <= len(denied_words) + _SLACK:
            return "it states what the point says is not so"
    return None
