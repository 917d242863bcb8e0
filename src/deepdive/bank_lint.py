"""``deepdive bank lint``: hold a question bank to the standard an interviewer would keep.

Each problem has a stable code:

* ``near-duplicate`` — two questions ask the same thing (text similarity by meaning at or above
  ``thresholds.near_duplicate`` in ``data/meaning.yaml``); merge them and keep the old id as an
  alias.
* ``short-key-point`` — a key point under ``min_key_point_words`` words says too little to
  check an answer against ("retraining and rollback").
* ``id-words`` — a word of the id is nowhere in the question (its text, topics and key
  points): ids say what the question asks, never something else. A word counts when the
  question has it (stemmed, or as one of the same concept), starts a word with it ("impl" for
  "implement"), writes it with a hyphen or slash ("k-means" for ``kmeans``), or spells it out
  as initials ("maximum likelihood estimation" for ``mle``): see
  :func:`deepdive.meaning.id_word_in_text`.
* ``round-size`` / ``difficulty-mix`` — a round with too few questions, or with one difficulty
  level almost absent.
* ``topic-coverage`` — a required topic (``required_topics``) with too few questions.
* ``search-phrases`` — ``data/search_phrases.yaml`` gives other names for a question id (or
  earlier id) the bank does not have: renamed or merged questions keep their search phrases only
  when the file follows them.

The thresholds live in ``data/bank_lint.yaml``. The shipped bank is linted in the tests.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from deepdive.bank import ROUNDS, Question
from deepdive.bank_search import near_duplicates
from deepdive.datafiles import fail, load_data, require
from deepdive.meaning import id_word_in_text
from deepdive.search_phrases import FILE as PHRASES_FILE
from deepdive.search_phrases import search_phrases

FILE = "bank_lint.yaml"


@dataclass(frozen=True)
class LintProblem:
    code: str
    where: str  # a question id, a round or a topic
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "where": self.where, "message": self.message}


@dataclass(frozen=True)
class LintRules:
    min_per_round: int
    min_difficulty_share: float
    min_key_point_words: int
    required_topics: dict[str, int]


@cache
def rules() -> LintRules:
    data = load_data(FILE)
    topics = require(FILE, data, "required_topics", dict)
    required: dict[str, int] = {}
    for name in (k for k in topics if not k.startswith("__")):
        count = topics[name]
        if not isinstance(count, int) or count < 1:
            raise fail(FILE, topics, f"required topic {name!r} needs a positive count")
        required[str(name)] = count
    share = require(FILE, data, "min_difficulty_share", float)
    if not 0 <= share < 1 / 3:
        raise fail(FILE, data, "min_difficulty_share must be between 0 and 1/3")
    return LintRules(
        min_per_round=require(FILE, data, "min_per_round", int),
        min_difficulty_share=share,
        min_key_point_words=require(FILE, data, "min_key_point_words", int),
        required_topics=required,
    )


def lint(questions: Sequence[Question], *, check_balance: bool = True) -> list[LintProblem]:
    """Every problem found in ``questions``, in a stable order."""
    r = rules()
    out: list[LintProblem] = []
    for a, b, score in near_duplicates(questions):
        out.append(
            LintProblem(
                "near-duplicate",
                a.id,
                f"asks the same as {b.id} (similarity {score:.2f}); merge them and keep "
                "the old id as an alias",
            )
        )
    for q in questions:
        for point in q.key_points:
            if len(point.split()) < r.min_key_point_words:
                out.append(
                    LintProblem(
                        "short-key-point",
                        q.id,
                        f"key point {point!r} is under {r.min_key_point_words} words",
                    )
                )
        words = q.id.split("-")[1:] if "-" in q.id else [q.id]
        record = " . ".join((q.text, *q.topics, *q.key_points))
        missing = [w for w in words if not id_word_in_text(w, record)]
        if missing:
            out.append(
                LintProblem("id-words", q.id, f"the question does not say {', '.join(missing)!s}")
            )
    if check_balance:
        out += _balance(questions, r)
        out += _phrase_ids(questions)
    return out


def _phrase_ids(questions: Sequence[Question]) -> list[LintProblem]:
    known = {name for q in questions for name in (q.id, *q.aliases)}
    return [
        LintProblem(
            "search-phrases",
            ident,
            f"{PHRASES_FILE} gives search phrases for a question the bank does not have",
        )
        for ident in search_phrases()
        if ident not in known
    ]


def _balance(questions: Sequence[Question], r: LintRules) -> list[LintProblem]:
    out: list[LintProblem] = []
    for round_name in ROUNDS:
        mine = [q for q in questions if q.round == round_name]
        if len(mine) < r.min_per_round:
            out.append(
                LintProblem(
                    "round-size",
                    round_name,
                    f"{len(mine)} questions, needs at least {r.min_per_round}",
                )
            )
            continue
        levels = Counter(q.difficulty for q in mine)
        for level in (1, 2, 3):
            if levels[level] < r.min_difficulty_share * len(mine):
                out.append(
                    LintProblem(
                        "difficulty-mix",
                        round_name,
                        f"only {levels[level]} of {len(mine)} questions at difficulty {level}",
                    )
                )
    topics = Counter(t for q in questions for t in q.topics)
    for topic, least in r.required_topics.items():
        if topics[topic] < least:
            out.append(
                LintProblem(
                    "topic-coverage",
                    topic,
                    f"{topics[topic]} questions, needs at least {least}",
                )
            )
    return out


def render(problems: Sequence[LintProblem], questions: int) -> str:
    """Plain-text report, one problem per line, with a closing count."""
    lines = [f"{p.where}: {p.code}: {p.message}" for p in problems]
    if problems:
        lines.append(
            f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {questions} questions"
        )
    else:
        lines.append(f"{questions} questions, no problems")
    return "\n".join(lines) + "\n"
