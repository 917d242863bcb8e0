"""Correct a misspelt search word against the words the question bank uses.

A query word the bank never uses ("recal", "divergance", "varaince") is replaced by the bank
word it most plausibly misspells, with the same first letter: a letter dropped, two
neighbours swapped or a letter typed twice ("forrest"); any other added or changed letter,
or two edits, only in words of nine letters or more, because in a shorter word they too
often turn one real word into another ("genetic" and "generic", "contract" and "contact").
Words under five letters are left alone. Among equally close words one the bank writes next
to a neighbour of the typed word is taken first ("cold strat" is "cold start", not "cold
strata"), then a dropped letter before a swap and a swap before an added letter, then the
most frequent word. Words the bank uses and words with no close match ("welford") are left
as typed. A compound typed without its hyphen ("finetuning") is put back, a word the bank
writes whole typed in two ("over-fitting", "under fitting") is joined, and a word of six
letters or more that begins bank words at least four letters longer ("hyperparam", not
"contract") is read as the commonest of them. Two edits are found only when they share a
one-letter deletion with the bank word. Accents are dropped first ("naïve").

Candidates come from a deletion index (every word with each single letter removed), so a
lookup touches only words that share a one-letter deletion with the query word.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable
from itertools import pairwise

_WORD = re.compile(r"[a-z]+")
MIN_LENGTH = 5  # shorter words are too easily one edit from another real word
MIN_PREFIX = 6  # a word this long that begins bank words is taken as short for the commonest
_COMPOUND = re.compile(r"[a-z]+(?:-[a-z]+)+")
_SPLIT = re.compile(r"\b([A-Za-z]{2,})[- ](?=([A-Za-z]{2,})\b)")
MAX_LENGTH = 30  # longer "words" are not typing slips, and cost time to look up
JOINED_MIN = 7  # a word typed in two is joined only when the whole is this long
PREFIX_EXTRA = 4  # a prefix stands for a bank word at least this many letters longer
VOWEL_MIN = 8  # words this long may have one vowel written as another (a, e and i only)
# the vowels people confuse in writing ("varience", "gradiant", "dependant"); o and u are left
# out, since "boasting" and "lagging" are words of their own, not "boosting" and "logging"
_CONFUSED_VOWELS = frozenset("aei")
LONG = 9  # words this long may have a letter changed or added, or two edits


def fold_accents(text: str) -> str:
    """``text`` with accents dropped ("naïve" -> "naive"), as the bank writes its words."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words_of(text: str) -> list[str]:
    """The lower-case alphabetic words of ``text``."""
    return _WORD.findall(text.lower())


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def distance(a: str, b: str) -> int:
    """Edit distance counting a swap of two neighbouring letters as one edit."""
    rows = [list(range(len(b) + 1))]
    for i, ca in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            row[j] = min(
                rows[-1][j] + 1,
                row[j - 1] + 1,
                rows[-1][j - 1] + (ca != cb),
            )
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


def _swapped(a: str, b: str) -> bool:
    """Whether ``a`` is ``b`` with two neighbouring letters swapped."""
    if len(a) != len(b):
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]


def _doubled(a: str, b: str) -> bool:
    """Whether ``a`` is ``b`` with one letter typed twice ("forrest" for "forest")."""
    return len(a) == len(b) + 1 and any(
        a[i] == a[i + 1] and a[:i] + a[i + 1 :] == b for i in range(len(a) - 1)
    )


def _vowel_swapped(a: str, b: str) -> bool:
    """Whether ``a`` is ``b`` with one vowel written as another ("varience" for "variance"),
    in a word long enough (``VOWEL_MIN``) that the slip is likelier than another word."""
    if len(a) != len(b) or len(a) < VOWEL_MIN:
        return False
    diff = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(diff) == 1 and all(ch in _CONFUSED_VOWELS for ch in diff[0])


class Speller:
    """Corrections against a fixed vocabulary with word counts."""

    def __init__(self, texts: Iterable[str]) -> None:
        texts = list(texts)
        self.counts: Counter[str] = Counter(w for t in texts for w in words_of(t))
        # words the bank writes one after the other ("cold start"): context for a correction
        self.pairs: set[tuple[str, str]] = set()
        for t in texts:
            self.pairs.update(pairwise(words_of(t)))
        # "finetuning" for "fine-tuning": a compound typed without its hyphen
        self.joined: dict[str, str] = {}
        for t in texts:
            for compound in _COMPOUND.findall(t.lower()):
                self.joined.setdefault(compound.replace("-", ""), compound)
        self._starts: dict[str, str] = {}
        for word, _ in self.counts.most_common():
            for end in range(MIN_PREFIX, len(word)):
                self._starts.setdefault(word[:end], word)
        self._by_deletion: dict[str, set[str]] = defaultdict(set)
        for word in self.counts:
            if len(word) >= MIN_LENGTH - 1:
                for key in _deletions(word) | {word}:
                    self._by_deletion[key].add(word)

    def known(self, word: str) -> bool:
        """Whether the bank uses ``word`` (any case)."""
        return word.lower() in self.counts

    def correct(self, word: str, before: str = "", after: str = "") -> str | None:
        """The bank word ``word`` misspells, or None when it is known, short or has none;
        ``before`` and ``after`` are the words typed beside it."""
        word, before, after = word.lower(), before.lower(), after.lower()
        if not MIN_LENGTH <= len(word) <= MAX_LENGTH or word in self.counts:
            return None
        if word in self.joined:
            return self.joined[word]
        whole = self._starts.get(word) if len(word) >= MIN_PREFIX else None
        if whole and len(whole) - len(word) >= PREFIX_EXTRA:
            return whole  # "hyperparam": the commonest bank word it begins, well short of it
        candidates: set[str] = set()
        for key in _deletions(word) | {word}:
            candidates |= self._by_deletion.get(key, set())
        limit = 2 if len(word) >= LONG else 1
        best: tuple[int, bool, int, int, str] | None = None
        for c in candidates:
            if c[0] != word[0]:
                continue
            d = distance(word, c)
            if (
                limit == 1
                and len(c) <= len(word)
                and not (_swapped(word, c) or _doubled(word, c) or _vowel_swapped(word, c))
            ):
                continue  # a changed or an added letter in a short word: likely another word
            # a dropped letter is the commonest slip, an added one less so
            kind = 0 if len(c) > len(word) else 1 if len(c) == len(word) else 2
            beside = (before, c) in self.pairs or (c, after) in self.pairs
            rank = (d, not beside, kind, -self.counts[c], c)
            if d <= limit and (best is None or rank < best):
                best = rank
        return best[-1] if best else None

    def join_split(self, text: str) -> str:
        """``text`` with a word the bank writes whole put back together when it was typed in two
        ("over-fitting", "under fitting", "data set")."""

        out, last = [], 0
        for m in _SPLIT.finditer(text):
            if m.start() < last:
                continue  # the first word already joined the one before it
            whole = (m.group(1) + m.group(2)).lower()
            if len(whole) >= JOINED_MIN and whole in self.counts:
                out.append(text[last : m.start()] + whole)
                last = m.end() + len(m.group(2))
        return "".join(out) + text[last:]

    def correct_text(
        self,
        text: str,
        keep: Callable[[str], bool] | None = None,
        small: Collection[str] = (),
    ) -> str:
        """``text`` with each misspelt word replaced (case and punctuation otherwise kept);
        a word ``keep`` accepts stays as typed. The neighbours that decide a tie are the
        nearest words not in ``small`` (words like "the" sit beside every noun)."""
        found = list(re.finditer(r"[A-Za-z]+", text))
        content = [k for k, m in enumerate(found) if m.group().lower() not in small]
        out: list[str] = []
        last = 0
        for k, m in enumerate(found):
            word = m.group()
            if keep is None or not keep(word):
                before = next((found[j].group() for j in reversed(content) if j < k), "")
                after = next((found[j].group() for j in content if j > k), "")
                word = self.correct(word, before, after) or word
            out.append(text[last : m.start()] + word)
            last = m.end()
        return "".join(out) + text[last:]
