"""Questions read by meaning: how close a search query comes to each question.

Each question is read as several short texts — the question itself, its topics and each of the
other names people search it by (``data/search_phrases.yaml``) — and each text becomes a
sentence vector (:mod:`deepdive.sentence_vectors`). A query's closeness to a question is its
best cosine with any of them, so "my model does great on the data it learned from but falls
apart on new examples" comes close to the overfitting question without sharing its words.

Bank search (:mod:`deepdive.bank_search`) blends this with its word match; on its own it never
decides a match unless the closeness is high (``meaning_match`` in ``data/meaning.yaml``).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from deepdive.bank import Question
from deepdive.search_phrases import phrases_for
from deepdive.sentence_vectors import sentence_vectors


def question_texts(q: Question) -> list[str]:
    """The short texts a question is read as, by meaning."""
    texts = [q.text, " ".join(q.topics), *phrases_for(q.id, q.aliases)]
    return [t for t in texts if t.strip()]


class QuestionVectors:
    """Sentence vectors for a list of questions, built once."""

    def __init__(self, questions: Sequence[Question]) -> None:
        owners: list[int] = []
        texts: list[str] = []
        for i, q in enumerate(questions):
            for t in question_texts(q):
                owners.append(i)
                texts.append(t)
        self._count = len(questions)
        self._owners = np.array(owners, dtype=np.intp)
        self._matrix = sentence_vectors().encode_many(texts)

    def closeness(self, query: str) -> np.ndarray:
        """One number per question: the query's best cosine with any of its texts (-1 for a
        question with none)."""
        scores = self._matrix @ sentence_vectors().encode(query)
        best: np.ndarray = np.full(self._count, -1.0, dtype=np.float32)
        np.maximum.at(best, self._owners, scores)
        return best
