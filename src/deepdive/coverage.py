"""Which of a bank question's key points a practice answer covers, by meaning.

Each key point is read as content terms (:mod:`deepdive.meaning`). The answer is split into
sentences; a key point is covered when one sentence, or two neighbouring sentences read
together, contain enough of its weight (``thresholds.covered`` in ``data/meaning.yaml``). Rare
terms weigh more than common ones, and terms the question itself already says ("batch
normalization" in a batch-norm question) weigh little: echoing the question covers nothing.
The sentence(s) that cover a point are quoted as evidence.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from deepdive.bank import Question, shipped
from deepdive.meaning import Weights, lexicon, terms, threshold
from deepdive.sentences import split_sentences

ECHO_WEIGHT = 0.3  # weight of a key-point term that the question text already contains


@dataclass(frozen=True)
class PointResult:
    point: str
    covered: bool
    score: float
    evidence: tuple[str, ...]  # the sentences that cover it (empty when missed)

    def to_dict(self) -> dict[str, Any]:
        return {
            "point": self.point,
            "covered": self.covered,
            "score": round(self.score, 3),
            "evidence": list(self.evidence),
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


def point_score(point: list[str], passage: set[str], echo: set[str]) -> float:
    """Share of the key point's weight present in the passage (echo terms discounted)."""
    weight = _weights()
    unique = set(point)
    total = sum(weight(t) * (ECHO_WEIGHT if t in echo else 1.0) for t in unique)
    if not total:
        return 0.0
    found = sum(weight(t) * (ECHO_WEIGHT if t in echo else 1.0) for t in unique if t in passage)
    return found / total


def check_coverage(question: Question, answer: str) -> Coverage:
    """Score ``answer`` against every key point of ``question``."""
    sentences = [s.text for s in split_sentences(answer)]
    sentence_terms = [lexicon().expand(set(terms(s))) for s in sentences]
    echo = set(terms(question.text))
    limit = threshold("covered")
    passages: list[tuple[set[str], tuple[str, ...]]] = [
        (t, (s,)) for s, t in zip(sentences, sentence_terms, strict=True)
    ]
    for i in range(len(sentences) - 1):
        passages.append(
            (sentence_terms[i] | sentence_terms[i + 1], (sentences[i], sentences[i + 1]))
        )
    results = []
    for point in question.key_points:
        wanted = terms(point)
        best = 0.0
        quote: tuple[str, ...] = ()
        for passage, quoted in passages:
            score = point_score(wanted, passage, echo)
            # a pair must beat a single sentence clearly, so quotes stay as short as they can be
            if score > best + (0.05 if len(quoted) == 2 else 0.0):
                best, quote = score, quoted
        covered = best >= limit
        results.append(PointResult(point, covered, best, quote if covered else ()))
    return Coverage(question.id, tuple(results))
