"""Which of a bank question's key points a practice answer covers, by meaning.

Each key point is read as content terms (:mod:`deepdive.meaning`). The answer is split into
sentences; a key point is covered when one sentence, or two neighbouring sentences read
together, contain enough of its weight (``thresholds.covered`` in ``data/meaning.yaml``). Rare
terms weigh more than common ones, and terms the question itself already says ("batch
normalization" in a batch-norm question) weigh little: echoing the question covers nothing.
The sentence(s) that cover a point are quoted as evidence. A sentence that says the point
backwards (:mod:`deepdive.directions`: a swap, a reversed direction, a negation) does not cover
it; when nothing else does, the point is marked wrong, with that sentence.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Any

from deepdive.bank import Question, shipped
from deepdive.claim_frames import NEGATION as _NEGATION
from deepdive.claim_frames import denies, distanced
from deepdive.directions import (
    contradiction,
    directions_of,
    names_both_sides,
    pair_terms,
    side,
    side_name,
    speaks_against,
)
from deepdive.meaning import Weights, lexicon, terms, threshold
from deepdive.misconceptions import MARGIN as MISCONCEPTION_MARGIN
from deepdive.misconceptions import MATCH as MISCONCEPTION_MATCH
from deepdive.misconceptions import for_point
from deepdive.sentences import split_sentences

ECHO_WEIGHT = 0.3  # weight of a key-point term that the question text already contains
SIBLING_MARGIN = 0.2  # how much better a sentence must fit the other side's point to be a swap


@dataclass(frozen=True)
class PointResult:
    point: str
    covered: bool
    score: float
    evidence: tuple[str, ...]  # the sentences that cover it, or that state it wrongly
    wrong: str | None = None  # why the answer states the point backwards (then not covered)

    def to_dict(self) -> dict[str, Any]:
        return {
            "point": self.point,
            "covered": self.covered,
            "score": round(self.score, 3),
            "evidence": list(self.evidence),
            "wrong": self.wrong,
        }


@dataclass(frozen=True)
class Coverage:
    question_id: str
    points: tuple[PointResult, ...]

    @property
    def covered(self) -> int:
        return sum(p.covered for p in self.points)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": "deepdive.coverage/1",
            "question": self.question_id,
            "covered": self.covered,
            "total": len(self.points),
            "points": [p.to_dict() for p in self.points],
        }


@cache
def _weights() -> Weights:
    docs = [terms(p) for q in shipped() for p in q.key_points]
    return Weights(docs)


def point_score(
    point: list[str], passage: set[str], echo: set[str], shared: dict[str, int] | None = None
) -> float:
    """Share of the key point's weight present in the passage (echo terms discounted, and
    terms the question's other key points also use, by the square root of how many use
    them)."""
    weight = _weights()
    unique = set(point)
    own = shared or {}

    def w(t: str) -> float:
        return float(weight(t) * (ECHO_WEIGHT if t in echo else 1.0) / own.get(t, 1) ** 0.5)

    total = sum(w(t) for t in unique)
    if not total:
        return 0.0
    return sum(w(t) for t in unique if t in passage) / total


def _told_of_the_other_side(
    point: str,
    siblings: list[str],
    quoted: tuple[str, ...],
    own: tuple[int, int],
    echo: set[str],
) -> str | None:
    """A swap told with the right name: "L1 penalises squared values" for the L1 point names
    L1, but what it says fits the sibling point about L2 better than this one."""
    text = " ".join(quoted)
    if side(text) != own:
        return None
    said = lexicon().expand(set(terms(text)))
    names = pair_terms(point, own[0]) | pair_terms(text, own[0])
    mine = point_score([t for t in terms(point) if t not in names], said, echo)
    theirs = max(
        point_score([t for t in terms(s) if t not in names | pair_terms(s, own[0])], said, echo)
        for s in siblings
    )
    if theirs > mine + SIBLING_MARGIN:
        a, b = side_name(own[0], own[1]), side_name(own[0], 1 - own[1])
        return f"it says of {a} what holds for {b}"
    return None


def _common_mistake(question: Question, n: int, sentence: str) -> str | None:
    """Does ``sentence`` say a known wrong claim about key point ``n`` more than the point?"""
    claims = for_point(question.id, n)
    if not claims:
        return None
    said = lexicon().expand(set(terms(sentence)))
    score = point_score(terms(question.key_points[n]), said, set())
    echo = set(terms(question.text))
    point = set(terms(question.key_points[n]))
    denies = bool(_NEGATION.search(sentence))
    for claim in (c for whole in claims for c in _clauses(whole)):
        if denies and not _NEGATION.search(claim):
            continue  # "it doesn't use the current batch" may be denying the mistake
        ups, theirs = set(directions_of(claim)), set(directions_of(sentence))
        if ups and theirs and ups != theirs:
            continue  # "more traffic" said where the mistake says "less": not the mistake
        if names_both_sides(claim):
            continue  # a swap ("bagging ... boosting") is the direction reader's to judge
        fit = point_score(terms(claim), said, echo)
        # what the claim says beyond the point's own words must be said too: a claim that only
        # rearranges them ("boosting ... bootstrap, bagging ... errors") is left to the reader
        # of swaps, since word order is not seen here
        own = [t for t in terms(claim) if t not in point and t not in echo]
        if not own or point_score(own, said, set()) < MISCONCEPTION_MATCH:
            continue
        if fit >= MISCONCEPTION_MATCH and fit > score + MISCONCEPTION_MARGIN:
            lead = claim[0].lower() if claim[1:2].islower() else claim[0]
            return f"it says a common mistake about this point: {lead}{claim[1:]}"
    return None


_CONTRAST = re.compile(r"\b(?:instead\s+of|rather\s+than)\b", re.I)
CONTRAST_SAID = 0.6  # share of the set-aside option's words a sentence must say
CONTRAST_OWN = 0.35  # below this share of the point's own option, the sentence took the other


_REASON_CLAUSE = re.compile(r",|;|\b(?:which|because|since|as\s+it|so)\b", re.I)


def _the_other_option(point: str, sentence: str, echo: set[str]) -> str | None:
    """A point that prefers one option to another ("running averages instead of batch
    statistics"), answered with the other option alone ("it uses the batch statistics of the
    test batch"): said backwards. A sentence that itself sets something aside ("not", "rather
    than") or speaks against it ("a full sort is wasteful") is left alone: it may be setting
    aside the same option."""
    found = _CONTRAST.search(point)
    if not found or _NEGATION.search(sentence) or speaks_against(sentence):
        return None
    # the option set aside, without the reason the point gives for it ("..., which is slower")
    rest = _REASON_CLAUSE.split(point[found.end() :], maxsplit=1)[0].strip().rstrip(".")
    other = set(terms(rest))
    own = [t for t in terms(point[: found.start()]) if t not in other and t not in echo]
    said = lexicon().expand(set(terms(sentence)))
    if not own or not other or point_score(sorted(other), said, echo) < CONTRAST_SAID:
        return None
    if point_score(own, said, echo) >= CONTRAST_OWN:
        return None
    return f"it gives {rest}, which the point sets aside"


_CONDITION = re.compile(r"\W*(?:if|when|whenever|once|although|though|while|since|unless)\b", re.I)
_CLAUSE = re.compile(r"[;,:]\s+(?:so|and|because|which|but)?\b|\s+(?:so|because)\s+", re.I)


def _clauses(claim: str) -> list[str]:
    """A wrong claim, and its first clause when it goes on to explain ("More training data
    reduces bias, so it is the main fix ..."): saying the first part is the mistake."""
    if _CONDITION.match(claim):
        return [claim]  # "If training and validation error are both high, ...": a condition
    first = _CLAUSE.split(claim, maxsplit=1)[0].strip()
    return [claim] if first == claim or len(first.split()) < 4 else [claim, first]


_POINTS_BACK = re.compile(r"\W*(?:it|they|this|these)\s+(?!is\b|are\b|was\b|were\b)\w", re.I)


# What a passage is: a sentence or a neighbouring pair; a clause of a sentence that tells both
# sides of a pair; or such a sentence whole (for a key point that names both sides itself).
Passage = tuple[set[str], tuple[str, ...], str]


def _passages(sentences: list[str], sentence_terms: list[set[str]]) -> list[Passage]:
    """What a key point may be read from: single sentences and neighbouring pairs. A sentence
    that opens by pointing back ("It shrinks weights smoothly") is said of the last sentence
    before it that does not, so it is read only with that one (a run of them, each with it);
    it is not paired with a next sentence that turns to one side of a pair ("L2 uses ...").
    A sentence that tells both sides of a pair in clauses of their own ("precision is ..., and
    recall is ...") is read clause by clause (``"clause"``), and whole only for a point that
    names both sides (``"whole"``); it is not paired."""
    back = [i > 0 and bool(_POINTS_BACK.match(s)) for i, s in enumerate(sentences)]
    split = [_side_clauses(s) for s in sentences]
    anchor: list[int] = []
    for i in range(len(sentences)):
        anchor.append(anchor[i - 1] if back[i] else i)

    def joined(*at: int, kind: str = "sentence") -> Passage:
        terms_at = set().union(*(sentence_terms[k] for k in at))
        return terms_at, tuple(sentences[k] for k in at), kind

    out = [joined(i) for i in range(len(sentences)) if not back[i] and not split[i]]
    out += [joined(i, kind="whole") for i in range(len(sentences)) if split[i]]
    out += [(lexicon().expand(set(terms(c))), (c,), "clause") for cs in split for c in cs]
    out += [joined(anchor[i], i) for i in range(len(sentences)) if back[i]]
    for i in range(len(sentences) - 1):
        if split[i] or split[i + 1]:
            continue  # both sides are told there, each in its own clause
        if back[i + 1] and anchor[i + 1] == i:
            continue  # read already, with the sentence it points back to
        if back[i] and side(sentences[i + 1]) is not None:
            continue  # the next sentence turns to one side of a pair: another subject
        out.append(joined(i, i + 1))
    return out


_JOINS = re.compile(r"(,?\s+(?:and|while|whereas|but)\s+|;\s*|,\s+)", re.I)


SUBJECT_WORDS = 3  # a clause names its subject within its first words


def _subject_side(clause: str) -> tuple[int, int] | None:
    """The side of a pair a clause is about: named in its first words, as its subject
    ("recall is ...", "the L2 penalty ..."), not in passing ("unlike lasso ...", "... the way
    they dominate RMSE")."""
    return side(" ".join(clause.split()[:SUBJECT_WORDS]))


def _side_clauses(sentence: str) -> list[str]:
    """The clauses of a sentence that names both sides of a pair, when each side has its own
    ("Precision is the share ..., and recall is the share ..."); else an empty list. A piece
    that names no side belongs to the clause before it."""
    if not names_both_sides(sentence):
        return []
    clauses: list[str] = []
    parts = _JOINS.split(sentence)  # pieces, with the words that joined them between
    for k in range(0, len(parts), 2):
        piece, join = parts[k], parts[k - 1] if k else ""
        if clauses and (_subject_side(piece) is None or _subject_side(clauses[-1]) is None):
            clauses[-1] += join + piece  # quoted as written
        elif piece.strip():
            clauses.append(piece.strip())
    sides = [_subject_side(c) for c in clauses]
    told = {s for s in sides if s is not None}
    if len(clauses) < 2 or len(told) != len(clauses) or len({k for k, _ in told}) != 1:
        return []  # each clause one side, all of the same pair, no side twice
    return clauses


def check_coverage(question: Question, answer: str) -> Coverage:
    """Score ``answer`` against every key point of ``question``."""
    sentences = [s.text for s in split_sentences(answer)]
    sentence_terms = [lexicon().expand(set(terms(s))) for s in sentences]
    echo = set(terms(question.text))
    limit = threshold("covered")
    passages = _passages(sentences, sentence_terms)
    sides = [side(p) for p in question.key_points]
    # a term several key points share ("mean and variance") says less about which one is meant
    shared = Counter(t for p in question.key_points for t in set(terms(p)))
    results = []
    for n, point in enumerate(question.key_points):
        wanted = terms(point)
        # the sibling points about the other side of a swap pair ("L1 ..." beside "L2 ...")
        own = sides[n]
        siblings = [
            question.key_points[m]
            for m, other in enumerate(sides)
            if own is not None and other is not None and other == (own[0], 1 - own[1])
        ]
        best = 0.0
        point_denies = denies(point)
        right: tuple[float, tuple[str, ...]] | None = None
        wrong: tuple[str, tuple[str, ...]] | None = None
        for passage, quoted, kind in passages:
            # a point about one side is read from that side's clause; a point that names both
            # sides ("a Gaussian prior gives L2; a Laplace prior gives L1") from the whole
            if kind == ("whole" if own is not None else "clause"):
                continue
            score = point_score(wanted, passage, echo, shared)
            best = max(best, score)
            if score < limit:
                continue
            why = next((w for s in quoted if (w := contradiction(point, s))), None)
            if why is None:
                why = next((w for q in quoted if (w := _common_mistake(question, n, q))), None)
            if why is None and own is not None and siblings:
                why = _told_of_the_other_side(point, siblings, quoted, own, echo)
            if why is None:
                why = next((w for q in quoted if (w := _the_other_option(point, q, echo))), None)
            # a point that denies a claim is said only by a passage that denies or sets aside
            # something too: "the null is true" shares its words but not its sense
            says_it = not point_denies or any(distanced(q) for q in quoted)
            # a pair must beat a single sentence clearly, so quotes stay as short as they can be
            if (
                why is None
                and says_it
                and (right is None or score > right[0] + 0.05 * (len(quoted) - 1))
            ):
                right = (score, quoted)
            elif why is not None and wrong is None:
                wrong = (why, quoted)
        if right is not None:
            # quote only the sentences of a pair that say something of the point
            quoted = (
                tuple(q for q in right[1] if lexicon().expand(set(terms(q))) & set(wanted))
                or right[1]
            )
            results.append(PointResult(point, True, right[0], quoted))
        elif wrong is not None:
            # said, but backwards: worse than missed, and shown with the sentence
            results.append(PointResult(point, False, best, wrong[1], wrong[0]))
        else:
            results.append(PointResult(point, False, best, ()))
    return Coverage(question.id, tuple(_right_of_the_sibling(results, sides)))


def _right_of_the_sibling(
    results: list[PointResult], sides: list[tuple[int, int] | None]
) -> list[PointResult]:
    """A sentence that names only the other side of a pair, and is the evidence that the
    other side's point is covered, says nothing wrong about this point: "Precision is the share
    of flagged items that were real" is right about precision, and only misses recall."""
    out = []
    for n, r in enumerate(results):
        own = sides[n]
        if r.wrong and own is not None and "where the point is about" in r.wrong:
            right = {
                quote
                for m, other in enumerate(results)
                if sides[m] == (own[0], 1 - own[1]) and other.covered
                for quote in other.evidence
            }
            sibling = (own[0], 1 - own[1])
            if set(r.evidence) <= right and all(side(q) == sibling for q in r.evidence):
                r = PointResult(r.point, False, r.score, ())
        out.append(r)
    return out
