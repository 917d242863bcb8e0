"""Sentence vectors: what a short text is about, as a unit vector, with no model to run.

``data/sentence_vectors.npz`` is a table of the project's own making: one 128-number vector
per word piece (:mod:`deepdive.wordpiece`), fitted so that the mean of a sentence's piece
vectors points where a pre-trained sentence encoder (all-MiniLM-L6-v2) puts that sentence,
then cut to the encoder's 128 main directions. ``scripts/train_sentence_vectors.py`` makes it
from the bank, the corpus's dev split and the prose in the data files (never from a labelled
evaluation set). At run time a sentence costs a dictionary lookup per word and a mean: no
torch, no model download, a few microseconds.

Two texts that say the same thing in different words ("falls apart on new examples",
"overfitting") get a high cosine; bank search uses it to rank (:mod:`deepdive.bank_search`).
A text none of whose words the table knows gets the zero vector (cosine 0 with everything); a
word it can only spell in many small pieces ("zqzqzq") counts as unknown.

The file holds ``tokens`` (the vocabulary) and ``vectors`` (float16, one row per token); a file
that does not have that shape is a :class:`~deepdive.datafiles.DataFileError` naming it.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import Any

import numpy as np

from deepdive.datafiles import DataFileError, data_path
from deepdive.wordpiece import basic_words, word_pieces

FILE = "sentence_vectors.npz"
DIMENSIONS = 128
MAX_PIECES = 3  # a word cut into more pieces than this ("zqzqzq") is left out


class SentenceVectors:
    """The piece table, and the encoding of texts with it."""

    def __init__(self, tokens: Sequence[str], vectors: np.ndarray) -> None:
        self.position = {t: i for i, t in enumerate(tokens)}
        self.vectors = np.asarray(vectors, dtype=np.float32)
        self._word = lru_cache(maxsize=50_000)(self._word_rows)

    def _word_rows(self, word: str) -> tuple[int, ...]:
        cut = word_pieces(word, self.position)
        if len(cut) > MAX_PIECES:
            return ()  # a word the table only spells letter by letter says nothing
        return tuple(self.position[p] for p in cut)

    def rows(self, text: str) -> list[int]:
        """The table rows of ``text``'s word pieces, in order."""
        return [r for word in basic_words(text) for r in self._word(word)]

    def encode(self, text: str) -> np.ndarray:
        """``text`` as a unit vector (all zeros when the table knows none of its words)."""
        vector: np.ndarray = self.encode_many([text])[0]
        return vector

    def encode_many(self, texts: Sequence[str]) -> np.ndarray:
        """One unit vector per text, as rows of a matrix."""
        out = np.zeros((len(texts), self.vectors.shape[1]), dtype=np.float32)
        per_text = [self.rows(text) for text in texts]
        known = [i for i, rows in enumerate(per_text) if rows]
        if known:
            flat = np.fromiter((r for i in known for r in per_text[i]), dtype=np.intp)
            lengths = np.array([len(per_text[i]) for i in known])
            starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
            # the sum is enough: the length is divided out with the norm
            out[known] = np.add.reduceat(self.vectors[flat], starts, axis=0)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.maximum(norms, 1e-9)  # type: ignore[no-any-return]


def read_table(path: Any, name: str = FILE) -> SentenceVectors:
    """Load and check a piece table; a file of the wrong shape names itself in the error."""
    try:
        with np.load(path, allow_pickle=False) as data:
            tokens = [str(t) for t in data["tokens"]]
            vectors = np.asarray(data["vectors"], dtype=np.float32)
    except FileNotFoundError:
        raise DataFileError(f"{name}: data file is missing from the package") from None
    except (KeyError, ValueError, OSError, zipfile.BadZipFile) as exc:
        raise DataFileError(f"{name}: not a sentence-vector table ({exc})") from None
    if vectors.ndim != 2 or vectors.shape != (len(tokens), DIMENSIONS):
        raise DataFileError(
            f"{name}: expected {len(tokens)} x {DIMENSIONS} vectors, found {vectors.shape}"
        )
    if len(set(tokens)) != len(tokens) or not all(tokens):
        raise DataFileError(f"{name}: the token list has empty or repeated tokens")
    if not np.isfinite(vectors).all():
        raise DataFileError(f"{name}: the vectors hold values that are not finite numbers")
    return SentenceVectors(tokens, vectors)


@cache
def sentence_vectors() -> SentenceVectors:
    """The shipped table (loaded once)."""
    return read_table(data_path(FILE))
