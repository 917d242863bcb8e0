"""Two more ways a sentence gets a key point backwards, read from how the claim is built.

:mod:`deepdive.directions` reads swaps, reversed changes, negations and dismissals word by
word. Two kinds of claim need the shape of the sentence instead:

* **comparisons**: each "A <comparative> than B" is read as a frame — the words naming A and
  B, what both share (the quantity compared: "training *accuracy* ... validation *accuracy*"),
  and which way it goes. Two frames meet when their sides meet; they agree when they go the
  same way on the same sides (or opposite ways on crossed sides: "B is slower than A" for "A
  is faster than B"), and say it backwards otherwise. A comparison that is negated ("no
  better than"), or of a quantity where lower is better against one where higher is (loss
  against accuracy), is not read;
* **what the point denies, stated as true**: the point says "a p-value is *not* the
  probability that the null is true"; the sentence says "the p-value is the probability that
  the null is true". The sentence must name what the point's denial is about, say every
  content word of the denied claim close together (a definition that merely shares them
  spreads them out), and neither negate nor call the claim a mistake.

Word lists live in ``data/directions.yaml`` (``comparatives``, ``lower_is_better``,
``distancing``, ``negations``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from deepdive.datafiles import compile_patterns, keys, load_data, require
from deepdive.meaning import terms

WORD = re.compile(r"[\w’'-]+")
# a negation, as a whole word or a contraction (shared with key-point coverage)
NEGATION = re.compile(
    r"\b(?:not|never|no|neither|nor|cannot|rather\s+than|instead\s+of)\b|n[’']t\b", re.I
)
_SIDE_WORDS = 6  # words either side of a comparison that name what is compared
_NOBODY = frozenset({"nothing", "nobody", "none", "few", "little", "neither"})
_NEGATED_BEFORE = re.compile(r"(?:\bnot|\bno|\bnever|n[’']t)\s+(?:\w+\s+)?$", re.I)
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
_PREPOSITIONS = frozenset(
    {"between", "among", "for", "in", "on", "at", "with", "by", "during", "across", "within"}
)
_SLACK = 1  # extra words the sentence may spend on the denied claim


@dataclass(frozen=True)
class _Lists:
    comparative: re.Pattern[str]
    bare: re.Pattern[str]  # a comparative with no "than" after it
    ways: dict[str, tuple[str, bool]]  # word -> (family, goes up)
    lower_is_better: re.Pattern[str]
    distancing: re.Pattern[str]


@cache
def _lists() -> _Lists:
    name = "directions.yaml"
    cfg = load_data(name)
    ways: dict[str, tuple[str, bool]] = {}
    families = require(name, cfg, "comparatives", dict)
    for family in keys(families):
        node = require(name, families, family, dict)
        for way in ("up", "down"):
            for word in require(name, node, way, list):
                ways[str(word).lower()] = (str(family), way == "up")
    words = "|".join(sorted(ways, key=len, reverse=True))
    return _Lists(
        re.compile(rf"\b({words})\b(?:\s+[\w-]+){{0,2}}?\s+than\b", re.I),
        re.compile(rf"\b({words})\b(?!(?:\s+[\w-]+){{0,2}}?\s+than\b)", re.I),
        ways,
        compile_patterns(name, cfg, require(name, cfg, "lower_is_better", list)),
        compile_patterns(name, cfg, require(name, cfg, "distancing", list)),
    )


class Frame(NamedTuple):
    """One "A <comparative> than B": its family and way, A's and B's own terms, and the
    terms both sides share (what is compared)."""

    family: str
    up: bool
    left: frozenset[str]
    right: frozenset[str]
    shared: frozenset[str]


def _left_side(text: str, at: int) -> list[str] | None:
    """The words naming what a comparative at ``at`` is said of (back to its clause start),
    or None when the comparative is negated ("no better")."""
    before = text[:at]
    if _NEGATED_BEFORE.search(before):
        return None
    starts = [c.end() for c in _CLAUSE_START.finditer(before)]
    return WORD.findall(before[starts[-1] if starts else 0 :])[-_SIDE_WORDS:]


def frames(text: str) -> list[Frame]:
    """The comparisons ``text`` makes, negated ones ("no better than") left out."""
    lists = _lists()
    out = []
    for m in lists.comparative.finditer(text):
        left_words = _left_side(text, m.start())
        if left_words is None or {w.lower() for w in left_words} & _NOBODY:
            continue  # "nothing is cheaper than batch" compares nothing with batch
        rest = text[m.end() :]
        end = _CLAUSE_END.search(rest)
        right_words = WORD.findall(rest[: end.start()] if end else rest)[:_SIDE_WORDS]
        left, right = set(terms(" ".join(left_words))), set(terms(" ".join(right_words)))
        family, up = lists.ways[m.group(1).lower()]
        out.append(
            Frame(
                family,
                up,
                frozenset(left - right),
                frozenset(right - left),
                frozenset(left & right),
            )
        )
    return out


def _verdict(point: Frame, said: Frame, mixed_ok: bool) -> bool | None:
    """True when two frames agree, False when ``said`` compares the other way round, None
    when they do not meet."""
    families = {point.family, said.family}
    if len(families) > 1 and not (families == {"magnitude", "quality"} and mixed_ok):
        return None
    if point.shared and said.shared and not point.shared & said.shared:
        lower = _lists().lower_is_better
        if bool(lower.search(" ".join(point.shared))) != bool(lower.search(" ".join(said.shared))):
            return None  # a quantity where lower is better against one where higher is
    same = len(point.left & said.left) + len(point.right & said.right)
    crossed = len(point.left & said.right) + len(point.right & said.left)
    if point.left & said.left and point.right & said.right and same > crossed:
        return point.up == said.up
    if point.left & said.right and point.right & said.left and crossed > same:
        return point.up != said.up
    return None


def _verdicts(point: str, sentence: str) -> list[bool]:
    mixed_ok = not _lists().lower_is_better.search(point + " " + sentence)
    found = [_verdict(p, s, mixed_ok) for p in frames(point) for s in frames(sentence)]
    return [v for v in found if v is not None]


def _bare(text: str) -> list[tuple[str, bool, frozenset[str]]]:
    """Comparatives said with no "than" ("batch is cheaper"): family, way, and the terms of
    what is said to be so."""
    lists = _lists()
    out = []
    for m in lists.bare.finditer(text):
        left = _left_side(text, m.start())
        if left is None:
            continue
        family, up = lists.ways[m.group(1).lower()]
        out.append((family, up, frozenset(terms(" ".join(left)))))
    return out


def compared_backwards(point: str, sentence: str) -> str | None:
    """The sentence compares the point's two sides the other way round, or gives the
    property the point gives one side ("batch is cheaper") to the other side, over it
    ("real-time is cheaper than batch")."""
    verdicts = _verdicts(point, sentence)
    if verdicts and not any(verdicts):
        return "it compares the two the other way round"
    for family, up, left in _bare(point):
        for f in frames(sentence):
            if f.family == family and f.up == up and left & f.right and not left & f.left:
                return "it says the other one is so, not the one the point names"
    return None


def compared_alike(point: str, sentence: str) -> bool:
    """The sentence makes the point's comparison, in its words or from the other side ("B is
    slower than A" for "A is faster than B")."""
    verdicts = _verdicts(point, sentence)
    return bool(verdicts) and all(verdicts)


def _core(words: list[str]) -> list[str]:
    """The denied claim up to the first preposition after two content terms ("imply
    causation" of "imply causation between the two variables")."""
    for k, word in enumerate(words):
        if word.lower() in _PREPOSITIONS and len(set(terms(" ".join(words[:k])))) >= 2:
            return words[:k]
    return words


def _window(words: list[str], wanted: set[str]) -> int | None:
    """The fewest consecutive words of ``words`` whose terms hold all of ``wanted``."""
    pairs = zip(words, [*words[1:], ""], strict=True)
    per_word = [(set(terms(w)) | set(terms(f"{w} {n}"))) & wanted for w, n in pairs]
    counts: dict[str, int] = {}
    best: int | None = None
    start = 0
    for end, found in enumerate(per_word):
        for t in found:
            counts[t] = counts.get(t, 0) + 1
        while len(counts) == len(wanted):
            if best is None or end - start + 1 < best:
                best = end - start + 1
            for t in per_word[start]:
                counts[t] -= 1
                if not counts[t]:
                    del counts[t]
            start += 1
    return best


# a key point that is a denied definition: "it is not the probability that the null is true"
_DENIED_DEFINITION = re.compile(
    r"^\W*(?:it|this|that|[\w-]+(?:\s+[\w-]+)?)\s+(?:is|are)\s+not\s+(?:a|an|the)\b", re.I
)


def denies(text: str) -> bool:
    """Is ``text`` a denied definition ("it is not the probability that ...")? Denials
    elsewhere in a point ("... so it does not happen again", "trees do not need scaling") are
    said as often in positive words ("unaffected by scaling"), so they do not count."""
    return bool(_DENIED_DEFINITION.match(text))


def distanced(text: str) -> bool:
    """Does ``text`` negate, or report a claim as a mistake ("a common mistake is ...")?"""
    return bool(NEGATION.search(text) or _lists().distancing.search(text))


def affirms_denied(point: str, sentence: str, subject: bool = True) -> str | None:
    """The sentence states, plainly and close together, what the point says is not so; with
    ``subject`` False, of whatever it names ("it's been through a full credit cycle" after
    "the model has not been through a full credit cycle": a retelling says "it")."""
    if distanced(sentence):
        return None
    said = set(terms(sentence))
    words = WORD.findall(sentence)
    for m in _DENIAL.finditer(point):
        rest = point[m.end() :]
        if _NOT_A_DENIAL.match(rest):
            continue
        end = _CLAUSE_END.search(rest)
        denied_words = _core(WORD.findall(rest[: end.start()] if end else rest))
        denied = set(terms(" ".join(denied_words)))
        starts = [c.end() for c in _CLAUSE_START.finditer(point[: m.start()])]
        about = set(terms(point[starts[-1] if starts else 0 : m.start()])) - denied
        if (
            len(denied) < (2 if subject else 3)
            or not denied <= said
            or (subject and not about <= said)
        ):
            continue
        span = _window(words, denied)
        if span is not None and span <= len(denied_words) + _SLACK:
            return "it states what the point says is not so"
    return None
