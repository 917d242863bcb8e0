"""Split text into word pieces, the way the sentence vectors were trained to read it.

The table in ``data/sentence_vectors.npz`` holds one vector per word piece: a whole word
("overfitting") or, for a word it does not hold, the longest pieces it does ("graph",
"##ics"). Text is read as the uncased BERT tokenizers read it, so the pieces match the
ones the table was fitted on:

* lower case, accents dropped, control characters removed;
* split on white space, and every punctuation mark is a word of its own;
* each word is cut greedily into the longest pieces in the vocabulary, left to right, a piece
  after the first written with a leading ``##``; a word that cannot be cut is left out.

Nothing here knows the table's vectors: :mod:`deepdive.sentence_vectors` does.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection

MAX_WORD = 100  # longer "words" (pasted hashes, URLs run together) are left out


def _is_punctuation(ch: str) -> bool:
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True  # ASCII symbols count as punctuation too ("$", "^", "`")
    return unicodedata.category(ch).startswith("P")


# plain ASCII, the common case, read by one pattern (same result as the general loop below)
_ASCII_WORD = re.compile(r"[a-z0-9]+|[!-/:-@\[-`{-~]")
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f]")  # \x1c-\x1f split words


def basic_words(text: str) -> list[str]:
    """Lower-cased words and punctuation marks of ``text``, accents dropped."""
    if text.isascii():
        return _ASCII_WORD.findall(_ASCII_CONTROL.sub("", text.lower()))
    return general_words(text)


def general_words(text: str) -> list[str]:
    """:func:`basic_words` for any text, a character at a time."""
    text = unicodedata.normalize("NFD", text.lower())
    out: list[str] = []
    for chunk in text.split():
        current = ""
        for ch in chunk:
            category = unicodedata.category(ch)
            if category == "Mn" or category.startswith("C"):
                continue
            if _is_punctuation(ch):
                if current:
                    out.append(current)
                    current = ""
                out.append(ch)
            else:
                current += ch
        if current:
            out.append(current)
    return out


def word_pieces(word: str, vocabulary: Collection[str]) -> tuple[str, ...]:
    """``word`` cut into the longest pieces in ``vocabulary``; empty when it cannot be cut."""
    if len(word) > MAX_WORD:
        return ()
    pieces: list[str] = []
    start = 0
    while start < len(word):
        end = len(word)
        found = None
        while start < end:
            piece = word[start:end] if start == 0 else "##" + word[start:end]
            if piece in vocabulary:
                found = piece
                break
            end -= 1
        if found is None:
            return ()
        pieces.append(found)
        start = end
    return tuple(pieces)


def pieces(text: str, vocabulary: Collection[str]) -> list[str]:
    """Every word piece of ``text`` in order."""
    return [p for word in basic_words(text) for p in word_pieces(word, vocabulary)]
