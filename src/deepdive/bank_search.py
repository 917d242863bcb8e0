"""Find questions: full-text search ranked by relevance, and "is this the same question?".

Search is BM25F over each question's content terms (:mod:`deepdive.meaning`), field by field
(the question, its id, the other names people search it by, topics, key points and
follow-ups, weighted in that order), so a query for
"batchnorm" finds "batch normalization" and a query matching the question itself outranks one
that only touches a key point. A question must hold a good share of the query's weight to
match at all (half for a short query, less for a long description of a situation), so a query
about something the bank does not cover returns nothing rather than noise; once something
matches, close runners-up follow it. Misspelt words, words typed in two and accents are put
right first (:mod:`deepdive.spelling`). The index is an inverted list, so only questions
sharing a term with the query are scored.

Two questions are the same question when the weighted cosine similarity of their texts reaches
``thresholds.same_question`` in ``data/meaning.yaml``; the shipped bank must keep every pair
below ``thresholds.near_duplicate``.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import cache, cached_property, lru_cache
from typing import TYPE_CHECKING

from deepdive.bank import Question, shipped
from deepdive.datafiles import load_data, require
from deepdive.meaning import FILE, Weights, cosine, lexicon, phrase_pattern, terms, threshold
from deepdive.search_phrases import phrases_for
from deepdive.spelling import Speller, fold_accents, words_of

if TYPE_CHECKING:
    import numpy as np

    from deepdive.question_vectors import QuestionVectors

_GLUED_FIGURE = re.compile(r"\b(\d+)([A-Za-z]{2,})\b")
# A query word this long (letters) may abbreviate a concept the query names ("l2 reg").
ABBREVIATION_LENGTH = (3, 4)
K1 = 1.2
B = 0.75
# Other names for the question (``data/search_phrases.yaml``): what people type for it.
PHRASE_WEIGHT = 1.5
# How much a term found in each field counts (BM25F): the question itself most, then what its
# id (and earlier ids) and topics say it is about, then its key points, and the follow-ups least.
FIELDS: tuple[tuple[str, float], ...] = (
    ("text", 3.0),
    ("id", 2.0),
    ("phrases", PHRASE_WEIGHT),
    ("topics", 1.5),
    ("key_points", 1.0),
    ("follow_ups", 0.5),
)
# A question is a match only when it holds at least this share of the query's weight (terms
# weighted by rarity; a term the bank never uses weighs as much as the rarest one).
MIN_COVERAGE = 0.5
LONG_QUERY = 3
COVERAGE_STEP = 0.05
MIN_COVERAGE_LONG = 0.3
# Once a question matches, others follow it (after every match, scoring below them all) when
# they score at least this share of the best score and hold this share of the weight a match
# needs: a query often has two or three right questions, and the second rarely holds as much
# of its words.
RUNNER_UP_SCORE = 0.3
RUNNER_UP_SHARE = 0.4
# Search by meaning ranks the best this many matches by words again, and lets this many
# questions closest in meaning join them, if they come at least MEANING_FLOOR close (a
# question that shares nothing with the query is no runner-up: "pytorch" listed questions
# with a match of 0.00; the floor costs nothing on the labelled queries).
WORD_CANDIDATES = 30
MEANING_CANDIDATES = 10
MEANING_FLOOR = 0.2
# A query still matches a question that lacks one of its words when the question holds this
# share of the other words' weight (all of them, in fields that count in full), and there are
# at least this many of them. The word lacked may be one the bank never uses: often the topic
# the bank lacks ("quicksort time complexity"), but as often a company or tool named for
# context ("netflix recommendation system", "sagemaker model deployment"), which cannot be
# told apart (measured 2026-12-07: refusing it gained 3 of 291 no-match queries and lost
# every query naming a product). So the question's meaning decides: it must come at least
# ONE_MISSING_MEANING close to the whole query (about what the right first result reaches for
# 95 of 100 labelled queries), which the product-named queries do and "quicksort time
# complexity" against a question on simplifying complex work does not.
ONE_MISSING_SHARE = 0.999
ONE_MISSING_MIN_HELD = 2
ONE_MISSING_MEANING = 0.55
# How much of a query term a field holds, for that share: a word met only in a key point
# ("positional encoding" inside the attention question) or a follow-up ("Monte Carlo
# dropout?") is weak evidence the question is about it. A query answered only there needs
# more of its words found there, so a topic the bank only mentions in passing is no match.
# Another name for the question counts a little less than its own words: those lists are
# broad, written for recall rather than to tell close questions apart.
COVERAGE_FIELDS: tuple[float, ...] = (1.0, 1.0, 0.6, 1.0, 0.5, 0.25)


def min_coverage(n_terms: int) -> float:
    """The share of the query's weight a question must hold: ``MIN_COVERAGE`` for a query of
    up to ``LONG_QUERY`` terms, less for longer ones, down to ``MIN_COVERAGE_LONG``. A long
    description of a situation ("my colleague reruns my training script and gets different
    numbers") carries many words the question it is about never uses."""
    extra = max(0, n_terms - LONG_QUERY)
    return max(MIN_COVERAGE_LONG, MIN_COVERAGE - COVERAGE_STEP * extra)


def field_terms(q: Question) -> dict[str, list[str]]:
    """What search reads of a question, field by field (terms from :mod:`deepdive.meaning`)."""
    ident = " . ".join(i.split("-", 1)[-1].replace("-", " ") for i in (q.id, *q.aliases))
    return {
        "text": _with_parts(q.text),
        "id": _with_parts(ident),
        "phrases": _with_parts(" . ".join(phrases_for(q.id, q.aliases))),
        "topics": _with_parts(" . ".join(q.topics)),
        "key_points": _with_parts(" . ".join(q.key_points)),
        "follow_ups": _with_parts(" . ".join(q.follow_ups)),
    }


def _with_parts(text: str) -> list[str]:
    """The terms of ``text``, plus the concepts its words name alone when a longer concept
    took them ("precision and recall" is the precision-recall trade-off, and is about recall
    too, so a search for "recall" finds it)."""
    found = terms(text)
    have = set(found)
    extra = []
    for word in words_of(text):
        for t in _word_concepts(word):
            if t not in have:
                extra.append(t)
                have.add(t)
    return found + extra


@lru_cache(maxsize=65536)
def _word_concepts(word: str) -> tuple[str, ...]:
    """The concepts one word names alone."""
    return tuple(t for t in terms(word) if t.startswith("c:"))


def _raw_texts(q: Question) -> list[str]:
    """The words of a question as written, every field (the speller's vocabulary)."""
    ident = " ".join(i.replace("-", " ") for i in (q.id, *q.aliases))
    return [
        q.text,
        ident,
        *phrases_for(q.id, q.aliases),
        *q.topics,
        *q.key_points,
        *q.follow_ups,
    ]


def document_terms(q: Question) -> list[str]:
    """Every term search reads of a question, all fields together."""
    return [t for field in field_terms(q).values() for t in field]


@cache
def _query_fillers() -> frozenset[str]:
    """Words a search query uses to frame its topic ("how does dropout *work*")."""
    data = load_data(FILE)
    words = require(FILE, data, "query_fillers", list)
    return frozenset(t for w in words for t in lexicon().terms(str(w)))


@cache
def _query_tools() -> frozenset[str]:
    """Libraries named in a query about a concept ("batch norm in pytorch")."""
    data = load_data(FILE)
    words = require(FILE, data, "query_tools", list)
    return frozenset(t for w in words for t in lexicon().terms(str(w)))


@cache
def _answer_framing() -> re.Pattern[str]:
    """A query's opening that asks how to answer a question, with the quote that may follow."""
    framings = phrase_pattern("query_answer_framings").pattern
    return re.compile(rf"^\s*{framings}[\s:,]*(?:the\s+question\s+)?[\"'‘“]?", re.I)


def asked_question(query: str) -> str:
    """The interview question a query asks how to answer ("how should I answer 'what's your
    biggest weakness'" reads "what's your biggest weakness'"), or the query itself."""
    rest = _answer_framing().sub("", query, count=1)
    return rest if rest.strip() and rest != query else query


def query_terms(query: str) -> list[str]:
    """The content terms of a query, without a framing opening ("tell me about a time ...",
    also inside "how do I answer ..."), and without words that only frame its topic, when
    the topic itself has terms (and without the library it is asked in, when it names a
    concept)."""
    found = list(dict.fromkeys(lexicon().question_terms(asked_question(query))))
    topic = [t for t in found if t not in _query_fillers()]
    if any(t.startswith("c:") for t in topic):
        topic = [t for t in topic if t not in _query_tools()]
    return topic or found


def _abbreviates(term: str, concepts: Sequence[str]) -> bool:
    """Whether ``term`` (a word of ``ABBREVIATION_LENGTH`` letters, not itself a concept)
    begins a longer word of one of the ``concepts``' phrases."""
    low, high = ABBREVIATION_LENGTH
    if term.startswith("c:") or not low <= len(term) <= high:
        return False
    words = _concept_words()
    return any(w.startswith(term) and w != term for c in concepts for w in words.get(c, ()))


@cache
def _concept_words() -> dict[str, frozenset[str]]:
    """Each concept term with the (stemmed) words of the phrases that make it."""
    out: dict[str, set[str]] = defaultdict(set)
    for phrase, concept in lexicon().phrases.items():
        out[concept].update(phrase)
    return {c: frozenset(w) for c, w in out.items()}


class SearchIndex:
    """A BM25F index over a list of questions, with an honest "no match".

    Each query term counts once per question, by the best field it appears in: its BM25
    weight (rarity, count saturated, normalised by the field's length) times that field's
    weight from ``FIELDS``. So a term repeated across key points cannot outweigh the question
    that names it, and a question that matches every word of the query beats one that matches
    one word many times. A question holding under ``min_coverage()`` of the query's weight is
    no match at all; close runners-up (``RUNNER_UP_*``) follow the matches.
    """

    def __init__(self, questions: Sequence[Question]) -> None:
        self.questions = list(questions)
        self._postings: dict[str, list[tuple[int, tuple[int, ...]]]] = defaultdict(list)
        names = [name for name, _ in FIELDS]
        self._lengths: list[tuple[int, ...]] = []
        for i, q in enumerate(self.questions):
            fields = field_terms(q)
            counts = [Counter(fields[name]) for name in names]
            self._lengths.append(tuple(len(fields[name]) for name in names))
            for term in set().union(*counts):
                self._postings[term].append((i, tuple(c[term] for c in counts)))
        n = len(self.questions)
        self._avg = tuple(
            max(1.0, sum(lengths[k] for lengths in self._lengths) / n) if n else 1.0
            for k in range(len(names))
        )
        self._members = {t: frozenset(i for i, _ in p) for t, p in self._postings.items()}
        self._idf = {
            t: math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5)) for t, p in self._postings.items()
        }
        self._unseen = math.log(1 + (n + 0.5) / 0.5)
        self.speller = Speller(text for q in self.questions for text in _raw_texts(q))

    def corrected(self, query: str) -> str:
        """``query`` with misspelt words put right ("precision and recal"): only a word none
        of whose terms the bank uses is corrected, so "batchnorm" stays as typed."""

        def keep(word: str) -> bool:
            return self.speller.known(word) or any(t in self._idf for t in lexicon().terms(word))

        return self.speller.correct_text(query, keep, lexicon().stopwords)

    def read(self, query: str) -> str:
        """The query as search reads it: accents dropped, a word typed in two joined when the
        bank knows the whole, and misspelt words put right when a term is still unknown."""
        query = self._split_figures(fold_accents(query))
        joined = self.speller.join_split(query)
        if joined != query and not all(t in self._idf for t in query_terms(joined)):
            joined = query  # keep the words as typed
        if any(t not in self._idf for t in query_terms(joined)):
            return self.corrected(joined)
        return joined

    def terms(self, read: str) -> list[str]:
        """The query's terms (:func:`query_terms`), without a short word that abbreviates a
        concept the query already names ("l1 vs l2 *reg*") and is no word of the bank's own
        ("lead" stays, though "leader" begins with it)."""
        found = query_terms(read)
        named = [t for t in found if t.startswith("c:")]
        return [t for t in found if self.speller.known(t) or not _abbreviates(t, named)] or found

    def _split_figures(self, query: str) -> str:
        """``query`` with a number typed onto its unit ("4bit", "100ms") written apart, when
        the bank does not know the glued word but knows the unit."""

        def split(m: re.Match[str]) -> str:
            glued, number, unit = m.group(0), m.group(1), m.group(2)
            if any(t in self._idf for t in lexicon().terms(glued)):
                return glued
            units = lexicon().terms(unit)
            if units and all(t in self._idf for t in units):
                return f"{number} {unit}"
            return glued

        return _GLUED_FIGURE.sub(split, query)

    def did_you_mean(self, query: str) -> str | None:
        """The query as search read it, when it put a misspelt word right; else None."""
        read = self.read(query)
        return read if read != fold_accents(query) else None

    @cached_property
    def vectors(self) -> QuestionVectors:
        """The questions read by meaning (built at the first search; numpy is imported only
        then, so commands that never search start as fast as before)."""
        from deepdive.question_vectors import QuestionVectors

        return QuestionVectors(self.questions)

    def search(self, query: str, limit: int | None = 20) -> list[tuple[Question, float]]:
        """Questions matching ``query``, best first, with their scores (0..1; ties keep bank
        order); an empty list when no question holds enough of the query.

        The questions that match by words (:meth:`by_words`) are ranked again with how close
        each comes in meaning (``meaning_weight`` of the rank), and the questions closest in
        meaning join them (those at least ``meaning_near`` close as if they held
        ``meaning_near_share`` of the best match's words). With no match by words, only a
        question at least ``meaning_match`` close in meaning is found."""
        read = self.read(query)
        if not query_terms(read):
            return []
        close = self.vectors.closeness(read)
        found = self.by_words(read, close)[:WORD_CANDIDATES]
        if not found:
            floor = threshold("meaning_match")
            ranked = [(int(i), float(close[i])) for i in range(len(close)) if close[i] >= floor]
        else:
            weight = threshold("meaning_weight")
            best = found[0][1]
            word_share = {i: s / best for i, s in found}
            # a question very close in meaning ranks as if it held most of the query's
            # words, though it says them differently ("what's your biggest weakness")
            near, lift = threshold("meaning_near"), threshold("meaning_near_share")
            for i in close.argsort()[::-1][:MEANING_CANDIDATES]:
                if close[i] >= MEANING_FLOOR:
                    word_share.setdefault(int(i), lift if close[i] >= near else 0.0)
            ranked = [
                (i, (1 - weight) * share + weight * float(close[i]))
                for i, share in word_share.items()
            ]
        ranked.sort(key=lambda item: (-item[1], item[0]))
        if limit is not None:
            ranked = ranked[:limit]
        return [(self.questions[i], round(s, 3)) for i, s in ranked]

    def by_words(self, read: str, close: np.ndarray | None = None) -> list[tuple[int, float]]:
        """Question positions that match the (already read) query by words, with their BM25F
        scores, best first; close runners-up follow the matches. With ``close`` (each
        question's closeness in meaning to the query), a question lacking a word the bank
        never uses matches only when it comes ``ONE_MISSING_MEANING`` close."""
        wanted = self.terms(read)
        total = sum(self._idf.get(t, self._unseen) for t in wanted)
        if not total:
            return []
        scores: dict[int, float] = defaultdict(float)
        held: dict[int, float] = defaultdict(float)
        weights = [w for _, w in FIELDS]
        top = max(weights)
        for term in wanted:
            idf = self._idf.get(term)
            if idf is None:
                continue
            for i, tfs in self._postings[term]:
                best = share = 0.0
                fields = zip(
                    weights, COVERAGE_FIELDS, tfs, self._lengths[i], self._avg, strict=True
                )
                for w, part, c, length, avg in fields:
                    if c:
                        tf = c / (1 - B + B * length / avg)
                        best = max(best, w / top * tf * (K1 + 1) / (tf + K1))
                        share = max(share, part)
                scores[i] += idf * best
                held[i] += idf * share
        # one query word a question lacks ("shard a feature store", "batch norm pytorch")
        # does not sink a query whose other words, two or more, it holds in full
        weight = {t: self._idf.get(t, self._unseen) for t in wanted}

        needed = min_coverage(len(wanted))

        def matches(i: int) -> bool:
            if held[i] / total >= needed:
                return True
            if len(wanted) <= ONE_MISSING_MIN_HELD:
                return False
            lacked = [t for t in wanted if i not in self._members.get(t, frozenset())]
            if len(lacked) != 1:
                return False
            unknown = lacked[0] not in self._idf
            if close is not None and unknown and close[i] < ONE_MISSING_MEANING:
                return False
            return held[i] >= (total - weight[lacked[0]]) * ONE_MISSING_SHARE

        ranked = sorted(
            ((i, s) for i, s in scores.items() if matches(i)),
            key=lambda item: (-item[1], item[0]),
        )
        if ranked:
            # once the query has a match, close runners-up that hold a good share of it follow
            found = {i for i, _ in ranked}
            best, last = ranked[0][1], ranked[-1][1]
            near = [
                (i, s)
                for i, s in scores.items()
                if i not in found
                and RUNNER_UP_SCORE * best <= s < last
                and held[i] / total >= RUNNER_UP_SHARE * needed
            ]
            ranked += sorted(near, key=lambda item: (-item[1], item[0]))
        return ranked


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


_PREFERENCE = re.compile(r"\b(?:rather\s+than|instead\s+of|over|better\s+than)\b", re.I)
_NEAR = 2  # content words either side of a preference that name what is compared


def _preference(text: str) -> tuple[set[str], set[str]] | None:
    """The words just before and after "rather than" / "over" / "instead of", if any."""
    m = _PREFERENCE.search(text)
    if not m:
        return None
    return set(terms(text[: m.start()])[-_NEAR:]), set(terms(text[m.end() :])[:_NEAR])


def reversed_preference(a: str, b: str) -> bool:
    """Do two questions prefer opposite things ("precision rather than recall" / "recall
    rather than precision")? Their words are the same; what they ask is not."""
    pa, pb = _preference(a), _preference(b)
    if pa is None or pb is None:
        return False
    (a_before, a_after), (b_before, b_after) = pa, pb
    return bool((a_before - b_before) & b_after and (a_after - b_after) & b_before)


def same_question(text: str, candidates: Sequence[Question]) -> Question | None:
    """The candidate that asks the same thing as ``text``, if any (the most similar one)."""
    limit = threshold("same_question")
    best: tuple[float, Question] | None = None
    for q in candidates:
        score = question_similarity(text, q.text)
        if score < limit or reversed_preference(text, q.text):
            continue
        if best is None or score > best[0]:
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
