"""The question bank: ML interview questions with key points, follow-ups and provenance.

The shipped bank lives in ``data/bank/<round>.yaml``, one file per interview round, written by
the deepdive project (``source: deepdive``, no company claimed). Each file has a ``round``, a
``defaults`` mapping of provenance fields and a ``questions`` list; every question has an
``id``, ``text``, ``topics``, ``difficulty`` (1-3), 3-6 ``key_points``, 2-4 ``follow_ups`` and,
where it applies, the deep-dive ``parts`` it probes. A question that was renamed or that absorbed
a duplicate lists the old ids as ``aliases``; :func:`find` resolves them, so saved practice keeps
pointing at the right question. Questions users add themselves are kept in
their store (:mod:`deepdive.user_questions`) and merged in by :func:`combined`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from typing import Any, Literal, get_args

from deepdive.analysis import PARTS
from deepdive.datafiles import DataFileError, fail, parse_yaml, require

RoundName = Literal[
    "project_deep_dive",
    "ml_depth",
    "ml_breadth",
    "ml_system_design",
    "ml_coding_concepts",
    "behavioral",
]
ROUNDS: tuple[str, ...] = get_args(RoundName)
ROUND_TITLES = {
    "project_deep_dive": "Project deep dive",
    "ml_depth": "ML depth",
    "ml_breadth": "ML breadth",
    "ml_system_design": "ML system design",
    "ml_coding_concepts": "ML coding concepts",
    "behavioral": "Behavioural",
}
MIN_PER_ROUND = 25
# the words people type for a round ("depth", "ML depth", "behavioural", "system design")
_ROUND_WORDS = {"behavioural": "behavioral", "behaviour": "behavioral", "behavior": "behavioral"}


def round_key(text: str) -> str | None:
    """The round ``text`` names: its key, or words of it that fit one round only, in any case,
    with spaces or hyphens ("ML depth", "depth", "coding", "system-design", "behavioural");
    else None ("ml" fits several)."""
    words = [_ROUND_WORDS.get(w, w) for w in text.strip().lower().replace("-", " ").split()]
    key = "_".join(words)
    if key in ROUNDS:
        return key
    fits = [r for r in ROUNDS if words and all(w in r.split("_") for w in words)]
    return fits[0] if len(fits) == 1 else None


def close_ids(questions: Sequence[Question], ident: str, n: int = 3) -> list[str]:
    """Ids (and earlier ids) close to a mistyped ``ident``, closest first, then ids that it
    lengthens or shortens ("sd-fraud-detection" for "sd-fraud")."""
    import difflib

    typed = ident.strip().lower()
    ids = [i for q in questions for i in (q.id, *q.aliases)]
    near = difflib.get_close_matches(typed, ids, n=n, cutoff=0.75)
    longer = [i for i in ids if "-" in typed and (i.startswith(typed) or typed.startswith(i))]
    return list(dict.fromkeys(near + longer))[:n]


_PROVENANCE = ("source", "company", "year", "verified", "reported")


def report_records(
    reports: tuple[tuple[str | None, str | None], ...],
) -> list[dict[str, str | None]]:
    """A user question's later reports as stored and exported: ``{"company", "asked"}``."""
    return [{"company": c, "asked": a} for c, a in reports]


@dataclass(frozen=True)
class Question:
    """One interview question. ``origin`` is ``"bank"`` (shipped) or ``"user"``."""

    id: str
    text: str
    round: str
    topics: tuple[str, ...]
    difficulty: int | None
    parts: tuple[str, ...]
    key_points: tuple[str, ...]
    follow_ups: tuple[str, ...]
    source: str
    company: str | None
    year: int | None
    verified: bool
    reported: int
    origin: str = "bank"
    asked_on: str | None = None
    reported_by: tuple[str, ...] = field(default=())
    same_as: str | None = None  # a user report of this shipped question
    aliases: tuple[str, ...] = field(default=())  # earlier ids of a renamed or merged question
    # the ids of the user's reports of this shipped question (``my-<n>``): they find it too
    reported_as: tuple[str, ...] = field(default=())
    # a user question's later reports that named a company or a date: (company, asked)
    reports: tuple[tuple[str | None, str | None], ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "round": self.round,
            "topics": list(self.topics),
            "difficulty": self.difficulty,
            "parts": list(self.parts),
            "key_points": list(self.key_points),
            "follow_ups": list(self.follow_ups),
            "source": self.source,
            "company": self.company,
            "year": self.year,
            "verified": self.verified,
            "reported": self.reported,
            "origin": self.origin,
            "asked_on": self.asked_on,
            "reported_by": list(self.reported_by),
            "reports": report_records(self.reports),
            "same_as": self.same_as,
            "aliases": list(self.aliases),
        }

    def file_record(self) -> dict[str, Any]:
        """The fields of a question file (``deepdive bank import/export``)."""
        return {
            "text": self.text,
            "round": self.round,
            "topics": list(self.topics),
            "difficulty": self.difficulty,
            "company": self.company,
            "asked": self.asked_on,
            "source": self.source,
            "key_points": list(self.key_points),
            "follow_ups": list(self.follow_ups),
        }


def _strings(name: str, node: dict[str, Any], key: str, low: int, high: int) -> tuple[str, ...]:
    values = require(name, node, key, list)
    if not low <= len(values) <= high or not all(isinstance(v, str) and v.strip() for v in values):
        raise fail(name, node, f"'{key}' must be a list of {low}-{high} non-empty strings")
    return tuple(v.strip() for v in values)


def parse_round_file(text: str, name: str) -> list[Question]:
    """Parse and validate one bank file; errors name the file and the line."""
    data = parse_yaml(text, name)
    round_name = require(name, data, "round", str)
    if round_name not in ROUNDS:
        raise fail(name, data, f"unknown round {round_name!r} (one of {', '.join(ROUNDS)})")
    defaults = require(name, data, "defaults", dict)
    for key in _PROVENANCE:
        if key not in defaults:
            raise fail(name, defaults, f"defaults need '{key}'")
    out: list[Question] = []
    for node in require(name, data, "questions", list):
        if not isinstance(node, dict):
            raise DataFileError(f"{name}: each question must be a mapping")
        merged = {**defaults, **node}
        difficulty = require(name, node, "difficulty", int)
        if difficulty not in (1, 2, 3):
            raise fail(name, node, f"difficulty must be 1, 2 or 3, found {difficulty}")
        parts = tuple(node.get("parts") or ())
        unknown = [p for p in parts if p not in PARTS]
        if unknown:
            raise fail(name, node, f"unknown part {unknown[0]!r} (one of {', '.join(PARTS)})")
        aliases = tuple(node.get("aliases") or ())
        if not all(isinstance(a, str) and a.strip() for a in aliases):
            raise fail(name, node, "'aliases' must be a list of question ids")
        source = merged["source"]
        company = merged["company"]
        if source == "deepdive" and company is not None:
            raise fail(name, node, "questions written by deepdive claim no company")
        out.append(
            Question(
                id=require(name, node, "id", str),
                text=require(name, node, "text", str).strip(),
                round=round_name,
                topics=_strings(name, node, "topics", 1, 8),
                difficulty=difficulty,
                parts=parts,
                key_points=_strings(name, node, "key_points", 3, 6),
                follow_ups=_strings(name, node, "follow_ups", 2, 4),
                source=str(source),
                company=company,
                year=merged["year"],
                verified=bool(merged["verified"]),
                reported=int(merged["reported"]),
                aliases=aliases,
            )
        )
    return out


@cache
def shipped() -> tuple[Question, ...]:
    """Every question in the shipped bank, validated (ids unique, each round big enough)."""
    folder = resources.files("deepdive") / "data" / "bank"
    questions: list[Question] = []
    for ref in sorted(folder.iterdir(), key=lambda r: r.name):
        if ref.name.endswith(".yaml"):
            questions += parse_round_file(ref.read_text(encoding="utf-8"), f"bank/{ref.name}")
    seen: set[str] = set()
    for q in questions:
        for ident in (q.id, *q.aliases):
            if ident in seen:
                raise DataFileError(f"bank: question id {ident!r} is used twice")
            seen.add(ident)
    for round_name in ROUNDS:
        count = sum(q.round == round_name for q in questions)
        if count < MIN_PER_ROUND:
            raise DataFileError(f"bank: round {round_name} has {count} questions, needs 25")
    return tuple(questions)


def combined(user: Iterable[Question] = ()) -> list[Question]:
    """The shipped bank with the user's questions; a user's report of a shipped question
    (``same_as``) raises that question's count instead of appearing twice."""
    by_id = {q.id: q for q in shipped()}
    renamed = {alias: q.id for q in shipped() for alias in q.aliases}
    extra: list[Question] = []
    for q in user:
        target = renamed.get(q.same_as or "", q.same_as)
        if target and target in by_id:
            base = by_id[target]
            who = tuple(c for c in (q.company, *q.reported_by) if c)
            by_id[target] = replace(
                base,
                reported=base.reported + q.reported,
                reported_by=base.reported_by + who,
                reported_as=(*base.reported_as, q.id),
            )
        else:
            extra.append(q)
    return [*by_id.values(), *extra]


def select_questions(
    questions: Sequence[Question],
    *,
    round_name: str | None = None,
    topic: str | None = None,
    difficulty: int | None = None,
    company: str | None = None,
    verified: bool | None = None,
) -> list[Question]:
    """Questions matching every given filter (topic and company ignore case)."""
    out = []
    for q in questions:
        if round_name and q.round != round_name:
            continue
        if topic and topic.lower() not in (t.lower() for t in q.topics):
            continue
        if difficulty is not None and q.difficulty != difficulty:
            continue
        if company:
            names = [c.lower() for c in (q.company, *q.reported_by) if c]
            if company.lower() not in names:
                continue
        if verified is not None and q.verified != verified:
            continue
        out.append(q)
    return out


# A deep-dive question that asks for the whole story ("tell me about a project", "the
# two-minute version") probes at least this many parts and is read by the full analysis; one
# about a single part ("how severe was the class imbalance?") is checked by its key points.
WHOLE_STORY_PARTS = 4


def asks_whole_story(question: Question) -> bool:
    """Whether an answer to ``question`` is a whole project story, read by the analysis: a
    deep-dive question probing most parts, or one with no key points to check against (the
    deep-dive questions you add yourself)."""
    return question.round == "project_deep_dive" and (
        len(question.parts) >= WHOLE_STORY_PARTS or not question.key_points
    )


def find(questions: Sequence[Question], ident: str) -> Question:
    """The question with id (or earlier id, or the id of the user's report of it) ``ident``
    (KeyError when there is none)."""
    for q in questions:
        if q.id == ident:
            return q
    for q in questions:
        if ident in q.aliases or ident in q.reported_as:
            return q
    raise KeyError(ident)
