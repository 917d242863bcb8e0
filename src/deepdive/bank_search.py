"""Find questions: full-text search ranked by relevance, and "is this the same question?".

Search is Okapi BM25 over each question's content terms (:mod:`deepdive.meaning`), with the
question text counted twice and its topics and key points once, so a query for "batchnorm"
finds "batch normalization" and a query matching the question itself outranks one that only
touches a key point. The index is an inverted list, so only questions sharing a term with the
query are scored.

Two questions are the same question when the weighted cosine similarity of their texts reaches
``thresholds.same_question`` in ``data/meaning.yaml``; the shipped bank must keep every pair
below ``thresholds.near_duplicate``.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import cache, lru_cache

from deepdive.bank import Question, shipped
from deepdive.meaning import Weights, cosine, lexicon, terms, threshold

K1 = 1.2
B = 0.75


def document_terms(q: Question) -> list[str]:
    """What search reads of a question: its text twice, topics and key points once."""
    text = terms(q.text)
    extra = terms(" . ".join((*q.topics, *q.key_points)))
    return text + text + extra


class SearchIndex:
    """A BM25 index over a list of questions."""

    def __init__(self, questions: Sequence[Question]) -> None:
        self.questions = list(questions)
        self._postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        self._lengths: list[int] = []
        for i, q in enumerate(self.questions):
            counts = Counter(document_terms(q))
            self._lengths.append(sum(counts.values()))
            for term, tf in counts.items():
                self._postings[term].append((i, tf))
        n = len(self.questions)
        self._avg = (sum(self._lengths) / n) if n else 1.0
        self._idf = {
            t: math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5)) for t, p in self._postings.items()
        }

    def search(self, query: str, limit: int | None = 20) -> list[tuple[Question, float]]:
        """Questions matching ``query``, best first, with their scores (ties keep bank order)."""
        scores: dict[int, float] = defaultdict(float)
        for term in set(terms(query)):
            idf = self._idf.get(term)
            if idf is None:
                continue
            for i, tf in self._postings[term]:
                norm = K1 * (1 - B + B * self._lengths[i] / self._avg)
                scores[i] += idf * tf * (K1 + 1) / (tf + norm)
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
        if limit is not None:
            ranked = ranked[:limit]
        return [(self.questions[i], round(s, 3)) for i, s in ranked]


@lru_cache(maxsize=4)
def search_index(questions: tuple[Question, ...]) -> SearchIndex:
    """A shared index over ``questions`` (rebuilt only when the questions change)."""
    return SearchIndex(questions)


@cache
def _text_weights() -> Weights:
    return Weights(lexicon().question_terms(q.text) for q in shipped())


def question_similarity(a: str, b: str) -> float:
    """Similarity of two question texts by meaning (0..1)."""
    read = lexicon().question_terms
    return cosine(read(a), read(b), _text_weights())


def same_question(text: str, candidates: Sequence[Question]) -> Question | None:
    """The candidate that asks the same thing as ``text``, if any (the most similar one)."""
    limit = threshold("same_question")
    best: tuple[float, Question] | None = None
    for q in candidates:
        score = question_similarity(text, q.text)
        if score >= limit and (best is None or score > best[0]):
            best = (score, q)
    return best[1] if best else None


def near_duplicates(questions: Sequence[Question]) -> list[tuple[Question, Question, float]]:
    """Pairs of questions at or above the near-duplicate threshold."""
    limit = threshold("near_duplicate")
    read = [lexicon().question_terms(q.text) for q in questions]
    weights = _text_weights()
    out = []
    for i in range(len(questions)):
        for j in range(i + 1, len(questions)):
            score = cosine(read[i], read[j], weights)
            if score >= limit:
                out.append((questions[i], questions[j], score))
    return out
