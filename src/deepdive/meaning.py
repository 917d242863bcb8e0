"""Match short texts by meaning: words reduced to stems, synonyms folded into concepts.

The question bank needs three judgements that exact words cannot make: does a practice answer
cover a key point, which questions match a search, and is a newly reported question one we
already have. All three use the same reading of a text (content ``terms``): lowercased words,
stopwords dropped, a light suffix-stripping stem, and every word or phrase listed in one
concept of ``data/meaning.yaml`` replaced by that concept ("batch norm", "batchnorm" and
"batch normalization" are one term). Terms are weighted by how rare they are in the bank's
key points, so "leakage" counts for more than "model".

No embedding model is used: the ones that run offline pull in torch (hundreds of megabytes,
seconds to load) for a job that short, domain-specific texts do well without.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache

from deepdive.datafiles import DataFileError, fail, load_data, require

FILE = "meaning.yaml"
_WORD = re.compile(r"[a-z0-9]+(?:[/'][a-z0-9]+)*")
_SUFFIXES = (
    "izations", "ization", "isations", "isation", "ations", "ation", "itions", "ition",
    "ions", "ion", "ments", "ment", "nesses", "ness", "ities", "ity", "izing", "ising", "ized",
    "ised", "izes", "ises", "ize", "ise", "ating", "ated", "ates", "ate", "ings", "ing", "ers",
    "er", "ed", "ly", "isms", "ism", "es", "s", "e",
)  # fmt: skip


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light, deterministic stem: "normalizing", "normalization", "normalized" → "normal"."""
    if word.endswith(("former", "formers")):
        return word.rstrip("s")  # a transformer is not a transform
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                continue
            if suffix == "ed" and word.endswith("eed"):
                break  # speed, seed, need
            word = word[: -len(suffix)]
            if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
                word = word[:-1]  # running -> run, stopped -> stop
            elif word.endswith("ell") and len(word) > 5:
                word = word[:-1]  # labelled -> label, modelled -> model
            break
    return word


@dataclass(frozen=True)
class Lexicon:
    """Stopwords, concept phrases and thresholds from ``data/meaning.yaml``."""

    stopwords: frozenset[str]
    phrases: Mapping[tuple[str, ...], str]  # stemmed words -> concept term
    longest: int
    thresholds: Mapping[str, float]
    broader: Mapping[str, str]  # specific term -> the general term it also makes
    openings: re.Pattern[str]  # framing at the start of a question ("tell me about a time")
    # Phrases that would shrink to one word without their small words ("cut-off" to "cut",
    # "since then" to "since"): matched only word for word, small words included, so that
    # "cutting costs" is not a threshold and "since" alone is not a look back. A split
    # phrasal verb ("rolled the model out") is not matched.
    exact: Mapping[tuple[str, ...], str] = field(default_factory=dict)

    def question_terms(self, text: str) -> list[str]:
        """Content terms of a question without its framing opening."""
        return self.terms(self.openings.sub("", text.strip(), count=1))

    def expand(self, found: set[str]) -> set[str]:
        """``found`` plus the general terms its specific terms imply."""
        return found | {self.broader[t] for t in found if t in self.broader}

    def terms(self, text: str) -> list[str]:
        """The content terms of ``text`` in order (concepts as ``"c:<name>"``)."""
        raw = _WORD.findall(text.lower().replace("’", "'"))
        # a possessive is its noun ("the classifier's scores"); "it's", "that's" stay stopwords
        words = self._content_words([w[:-2] if w.endswith("'s") else w for w in raw])
        out: list[str] = []
        i = 0
        while i < len(words):
            for n in range(min(self.longest, len(words) - i), 0, -1):
                concept = self.phrases.get(tuple(words[i : i + n]))
                if concept is not None:
                    out.append(concept)
                    i += n
                    break
            else:
                out.append(words[i])
                i += 1
        return out

    def _longer_phrase(self, raw: list[str], stems: list[str], i: int, n: int) -> bool:
        """Whether the exact phrase at ``i`` begins a longer concept phrase ("held-out set")."""
        head = [stems[k] for k in range(i, i + n) if raw[k] not in self.stopwords]
        rest = [stems[k] for k in range(i + n, len(raw)) if raw[k] not in self.stopwords]
        words = head + rest[: self.longest - len(head)]
        return any(tuple(words[:m]) in self.phrases for m in range(len(head) + 1, len(words) + 1))

    def _content_words(self, raw: list[str]) -> list[str]:
        """Stems of the content words, with each exact phrase already read as its concept."""
        longest = max((len(k) for k in self.exact), default=0)
        stems = [stem(w) for w in raw]
        out: list[str] = []
        i = 0
        while i < len(raw):
            for n in range(min(longest, len(raw) - i), 1, -1):
                concept = self.exact.get(tuple(stems[i : i + n]))
                if concept is not None and not self._longer_phrase(raw, stems, i, n):
                    out.append(concept)
                    i += n
                    break
            else:
                if raw[i] not in self.stopwords and stems[i]:
                    out.append(stems[i])
                i += 1
        return out


@cache
def lexicon() -> Lexicon:
    data = load_data(FILE)
    stop = require(FILE, data, "stopwords", list)
    if not all(isinstance(w, str) for w in stop):
        bad = next(w for w in stop if not isinstance(w, str))
        raise fail(FILE, data, f"stopword {bad!r} must be a string (quote yes/no/on/off)")
    stopwords = frozenset(w.lower() for w in stop)
    thresholds = require(FILE, data, "thresholds", dict)
    limits: dict[str, float] = {}
    for key in (
        "covered",
        "same_question",
        "near_duplicate",
        "meaning_weight",
        "meaning_match",
        "meaning_near",
        "meaning_near_share",
    ):
        value = require(FILE, thresholds, key, float)
        if not 0 < value < 1:
            raise fail(FILE, thresholds, f"'{key}' must be between 0 and 1, found {value}")
        limits[key] = value
    concepts = require(FILE, data, "concepts", list)
    lines = data.get("__keylines__", {})
    base = int(lines.get("concepts", 0))
    phrases: dict[tuple[str, ...], str] = {}
    exact: dict[tuple[str, ...], str] = {}
    for offset, group in enumerate(concepts, start=1):
        where = f"{FILE}:{base + offset}"
        if not isinstance(group, list) or len(group) < 2:
            raise DataFileError(f"{where}: a concept needs a list of at least two phrases")
        name = "c:" + re.sub(r"\W+", "_", str(group[0]).lower()).strip("_")
        for phrase in group:
            if not isinstance(phrase, str):
                # an unquoted null, yes or 1.0 is read by YAML as something else than text
                raise DataFileError(f"{where}: {phrase!r} is not text; quote it")
            raw = _WORD.findall(phrase.lower())
            words = tuple(stem(w) for w in raw if w not in stopwords)
            if not words:
                raise DataFileError(f"{where}: phrase {phrase!r} has no content words")
            if len(words) == 1 and len(raw) > 1:
                spelled = tuple(stem(w) for w in raw)
                if exact.get(spelled, name) != name:
                    raise DataFileError(
                        f"{where}: {phrase!r} already belongs to concept {exact[spelled][2:]!r}"
                    )
                exact[spelled] = name
                continue
            if phrases.get(words, name) != name:
                raise DataFileError(
                    f"{where}: {phrase!r} already belongs to concept {phrases[words][2:]!r}"
                )
            phrases[words] = name
    longest = max(len(k) for k in phrases)
    openings = require(FILE, data, "question_openings", list)
    ordered = sorted((str(o).strip().lower() for o in openings), key=len, reverse=True)
    opening = re.compile(r"^(?:" + "|".join(re.escape(o) for o in ordered) + r")\b", re.I)
    lexicon = Lexicon(stopwords, phrases, longest, limits, {}, opening, exact)
    broader: dict[str, str] = {}
    for specific, general in (data.get("broader") or {}).items():
        if specific.startswith("__"):
            continue
        a, b = lexicon.terms(str(specific)), lexicon.terms(str(general))
        if len(a) != 1 or len(b) != 1:
            line = data["broader"]["__keylines__"].get(specific, 0)
            raise DataFileError(f"{FILE}:{line}: broader entries must each read as one term")
        broader[a[0]] = b[0]
    return Lexicon(stopwords, phrases, longest, limits, broader, opening, exact)


@cache
def phrase_pattern(key: str) -> re.Pattern[str]:
    """One of the phrase lists in ``data/meaning.yaml`` as a pattern of whole words, any
    whitespace between them, longest phrase first, ignoring case."""
    phrases = require(FILE, load_data(FILE), key, list)
    ordered = sorted((str(p).strip() for p in phrases), key=len, reverse=True)
    words = [r"\s+".join(map(re.escape, p.split())) for p in ordered]
    return re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE)


def terms(text: str) -> list[str]:
    """Content terms of ``text`` (see :class:`Lexicon`)."""
    return lexicon().terms(text)


def threshold(name: str) -> float:
    return lexicon().thresholds[name]


class Weights:
    """Inverse document frequency of terms over a collection of short texts."""

    def __init__(self, documents: Iterable[Iterable[str]]) -> None:
        df: Counter[str] = Counter()
        n = 0
        for doc in documents:
            n += 1
            df.update(set(doc))
        self._n = max(n, 1)
        self._df = df
        self._unseen = math.log(1 + self._n / 0.5)

    def __call__(self, term: str) -> float:
        count = self._df.get(term)
        return math.log(1 + self._n / count) if count else self._unseen


def cosine(a: list[str], b: list[str], weight: Weights) -> float:
    """Weighted cosine similarity of two term lists (0..1)."""
    ca, cb = Counter(a), Counter(b)
    dot = sum(ca[t] * cb[t] * weight(t) ** 2 for t in ca.keys() & cb.keys())
    if not dot:
        return 0.0
    na = math.sqrt(sum((c * weight(t)) ** 2 for t, c in ca.items()))
    nb = math.sqrt(sum((c * weight(t)) ** 2 for t, c in cb.items()))
    return dot / (na * nb)


def covered_share(point: list[str], passage: set[str], weight: Weights) -> float:
    """Share of ``point``'s weighted terms that appear in ``passage`` (0..1)."""
    unique = set(point)
    total = sum(weight(t) for t in unique)
    if not total:
        return 0.0
    return sum(weight(t) for t in unique if t in passage) / total


_TOKEN = re.compile(r"[a-z0-9]+")
_JOINED = re.compile(r"[a-z0-9]+(?:[-/][a-z0-9]+)+")


def id_word_in_text(word: str, text: str) -> bool:
    """True when ``word`` (from an id) is said in ``text`` in one of the accepted ways."""
    lex = lexicon()
    lowered = text.lower()
    if word in lex.stopwords or word.isdigit():
        return True
    tokens = _TOKEN.findall(lowered)
    if stem(word) in {stem(t) for t in tokens}:
        return True
    if len(word) >= 3 and any(t.startswith(word) for t in tokens):
        return True  # "impl" for "implement", "eval" for "evaluation"
    if set(lex.terms(word)) <= set(lex.terms(text)):
        return True
    if any(j.replace("-", "").replace("/", "") == word for j in _JOINED.findall(lowered)):
        return True
    initials = "".join(t[0] for t in tokens)
    return len(word) >= 2 and word in initials
