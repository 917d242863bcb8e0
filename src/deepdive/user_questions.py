"""Questions users were really asked, kept in their own store beside the shipped bank.

A :class:`Draft` is one question as typed or imported, with its provenance (source, company,
date asked). :func:`add_drafts` saves a batch in one transaction, so an import lands whole or
not at all. A draft that asks the same thing as a question already known (by meaning, see
:func:`deepdive.bank_search.same_question`) is not stored twice: reporting a user question again
raises its ``reported`` count, and reporting a shipped question records a link (``same_as``)
that raises the shipped question's count in every listing. User question ids are ``my-<n>``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from functools import cache
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Connection

from deepdive.bank import ROUNDS, Question, report_records, shipped
from deepdive.bank_search import same_question, search_index
from deepdive.db_schema import user_questions as table
from deepdive.meaning import phrase_pattern
from deepdive.store import Store

PREFIX = "my-"
MAX_TEXT = 1000
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class DraftError(ValueError):
    """A draft question is invalid; the message says which field and why."""


@dataclass
class Draft:
    text: str
    round: str | None = None
    topics: list[str] = field(default_factory=list)
    difficulty: int | None = None
    company: str | None = None
    asked_on: str | None = None
    source: str = "reported by you"
    key_points: list[str] = field(default_factory=list)
    follow_ups: list[str] = field(default_factory=list)

    def validate(self) -> None:
        """Raise :class:`DraftError` when a field is wrong (the message names the field)."""
        self.text = " ".join(self.text.split())
        if not self.text:
            raise DraftError("the question text is empty")
        if len(self.text) > MAX_TEXT:
            raise DraftError(f"the question is longer than {MAX_TEXT} characters")
        if self.round is not None and self.round not in ROUNDS:
            raise DraftError(f"unknown round {self.round!r} (one of {', '.join(ROUNDS)})")
        if self.difficulty is not None and self.difficulty not in (1, 2, 3):
            raise DraftError(f"difficulty must be 1, 2 or 3, not {self.difficulty!r}")
        if self.asked_on is not None:
            self.asked_on = self.asked_on.strip() or None
        if self.asked_on is not None:
            if not _DATE.match(self.asked_on):
                raise DraftError(
                    f"date asked {self.asked_on!r} must look like 2026-05-14 or 2026-05"
                )
            try:
                asked = date.fromisoformat((self.asked_on + "-01-01")[:10])
            except ValueError:
                raise DraftError(f"date asked {self.asked_on!r} is not a real date") from None
            if asked > date.today():
                raise DraftError(f"date asked {self.asked_on!r} is in the future")
        self.company = (self.company or "").strip() or None
        self.source = self.source.strip() or "reported by you"
        for name in ("topics", "key_points", "follow_ups"):
            values = [" ".join(v.split()) for v in getattr(self, name)]
            setattr(self, name, [v for v in values if v])


def check_is_question(text: str) -> None:
    """Raise :class:`DraftError` for typed-in text that is no question: no letters at all, or
    one word that asks nothing ("asdf", "Backpropagation"). Only where a question is typed in
    (``bank add``, the web form): files and exports keep what they hold."""
    text = " ".join(text.split())
    if not text:
        return  # Draft.validate says it is empty
    if not any(c.isalpha() for c in text):
        raise DraftError(
            f"{text!r} has no words; write the question the way the interviewer asked it"
        )
    if len(text.split()) == 1 and not text.endswith(("?", "\uff1f")):
        raise DraftError(
            f"{text!r} is too short to be a question; write it the way the interviewer asked "
            "it (for example 'Explain dropout')"
        )


def guess_round(text: str) -> str:
    """The round the most similar shipped questions vote for (each by its score and rank).

    The project deep dive is only guessed when the question is about "your project" (and then
    whenever a deep-dive question is among the five nearest): its practice runs the whole
    deep-dive analysis, which suits no other question. A question opening the way behavioural
    questions do ("tell me about a time ...") is behavioural; one opening the way technical
    ones do ("how would you ...", "explain ...") and not about the candidate or their team
    never is, whichever behavioural question shares its words, and with no match at all it
    goes to ML depth (others to behavioural)."""
    about_project = re.search(r"\bprojects?\b", text, re.IGNORECASE) is not None
    found = search_index(shipped()).search(text, limit=10)
    hits = [q.round for q, _score in found]
    scores = {i: score for i, (_q, score) in enumerate(found)}
    if about_project and "project_deep_dive" in hits[:5]:
        return "project_deep_dive"
    if _openings("behavioural_openings").match(text):
        return "behavioral"
    technical = bool(_openings("technical_openings").match(text)) and not phrase_pattern(
        "personal_words"
    ).search(text)
    allowed = [
        (r, scores[i])
        for i, r in enumerate(hits)
        if r != "project_deep_dive" and not (technical and r == "behavioral")
    ]
    if allowed:
        # a vote of the five nearest, each counting its score / its rank: a close match
        # decides unless the next ones agree on another round ("vision transformers" first,
        # then three depth questions about learning rates)
        votes: dict[str, float] = {}
        for rank, (r, score) in enumerate(allowed[:5]):
            votes[r] = votes.get(r, 0.0) + score / (rank + 1)
        first = [r for r, _ in allowed]
        return max(votes, key=lambda r: (votes[r], -first.index(r)))
    return "ml_depth" if technical else "behavioral"


@cache
def _openings(key: str) -> re.Pattern[str]:
    """An opening list of ``data/meaning.yaml``, matched at the start of a question."""
    return re.compile(r"\W*(?:" + phrase_pattern(key).pattern + r")", re.IGNORECASE)


def _question(r: object) -> Question:
    row = r._mapping  # type: ignore[attr-defined]
    question = Question(
        id=f"{PREFIX}{row['id']}",
        text=row["text"],
        round=row["round"],
        topics=tuple(json.loads(row["topics"])),
        difficulty=row["difficulty"],
        parts=(),
        key_points=tuple(json.loads(row["key_points"])),
        follow_ups=tuple(json.loads(row["follow_ups"])),
        source=row["source"],
        company=row["company"],
        year=int(row["asked_on"][:4]) if row["asked_on"] else None,
        verified=False,
        reported=row["reported"],
        origin="user",
        asked_on=row["asked_on"],
        same_as=row["same_as"],
    )
    return _reported(question, _from_records(json.loads(row["reports"] or "[]")))


# A user question's later reports: (company, date asked), either may be None.
Reports = tuple[tuple[str | None, str | None], ...]


def _reported(question: Question, reports: Reports) -> Question:
    """``question`` with these later reports, and the companies they name as ``reported_by``."""
    return replace(question, reports=reports, reported_by=tuple(c for c, _ in reports if c))


def _with_report(question: Question, draft: Draft) -> Reports:
    """``question``'s later reports, plus ``draft``'s when it names a company or a date."""
    if draft.company is None and draft.asked_on is None:
        return question.reports
    return (*question.reports, (draft.company, draft.asked_on))


def _from_records(records: list[dict[str, Any]]) -> Reports:
    return tuple((r.get("company"), r.get("asked")) for r in records)


def _reports_json(reports: Reports) -> str | None:
    return json.dumps(report_records(reports)) if reports else None


def list_user_questions(store: Store) -> list[Question]:
    """Every question the user added (including their reports of shipped questions)."""
    with store.reading() as conn:
        rows = conn.execute(select(table).order_by(table.c.id)).all()
    return [_question(r) for r in rows]


@dataclass(frozen=True)
class Outcome:
    """What happened to one draft: ``added``, or ``reported again`` for a known question."""

    action: str
    question_id: str
    text: str
    # reported again: the draft's key points and follow-ups that were new to the question
    added_points: int = 0
    added_follow_ups: int = 0
    # reported again as a bank question: what the draft brought that was not kept
    ignored: int = 0


def _new(given: list[str], have: tuple[str, ...]) -> list[str]:
    """The entries of ``given`` not already in ``have`` (ignoring case and spacing), in order."""
    seen = {" ".join(h.lower().split()) for h in have}
    out = []
    for g in given:
        key = " ".join(g.lower().split())
        if key not in seen:
            seen.add(key)
            out.append(g)
    return out


def add_drafts(store: Store, drafts: list[Draft]) -> list[Outcome]:
    """Validate and save ``drafts`` in one transaction (nothing is saved if one is invalid)."""
    for i, d in enumerate(drafts, start=1):
        try:
            d.validate()
        except DraftError as exc:
            raise DraftError(f"question {i}: {exc}") from None
    bank = list(shipped())
    outcomes: list[Outcome] = []
    now = datetime.now(UTC)
    with store.transaction() as conn:
        mine = [_question(r) for r in conn.execute(select(table).order_by(table.c.id)).all()]
        for d in drafts:
            own = same_question(d.text, [q for q in mine if q.same_as is None])
            if own is not None:
                ident = int(own.id.removeprefix(PREFIX))
                # key points and follow-ups given again are added to the question, not dropped
                points = own.key_points + tuple(_new(d.key_points, own.key_points))
                follow = own.follow_ups + tuple(_new(d.follow_ups, own.follow_ups))
                # where and when it was asked again is kept, not dropped
                reports = _with_report(own, d)
                conn.execute(
                    update(table)
                    .where(table.c.id == ident)
                    .values(
                        reported=table.c.reported + 1,
                        key_points=json.dumps(list(points)),
                        follow_ups=json.dumps(list(follow)),
                        reports=_reports_json(reports),
                        updated_at=now,
                    )
                )
                again = _reported(
                    replace(own, reported=own.reported + 1, key_points=points, follow_ups=follow),
                    reports,
                )
                mine = [again if q.id == own.id else q for q in mine]
                outcomes.append(
                    Outcome(
                        "reported again",
                        own.id,
                        own.text,
                        added_points=len(points) - len(own.key_points),
                        added_follow_ups=len(follow) - len(own.follow_ups),
                    )
                )
                continue
            known = same_question(d.text, bank)
            link = next((q for q in mine if known and q.same_as == known.id), None)
            if known is not None and link is not None:
                reports = _with_report(link, d)
                conn.execute(
                    update(table)
                    .where(table.c.id == int(link.id.removeprefix(PREFIX)))
                    .values(
                        reported=table.c.reported + 1,
                        reports=_reports_json(reports),
                        updated_at=now,
                    )
                )
                again = _reported(replace(link, reported=link.reported + 1), reports)
                mine = [again if q.id == link.id else q for q in mine]
                brought = len(d.key_points) + len(d.follow_ups)
                outcomes.append(Outcome("reported again", known.id, known.text, ignored=brought))
                continue
            row = conn.execute(
                insert(table)
                .values(
                    text=d.text,
                    round=d.round or (known.round if known else guess_round(d.text)),
                    topics=json.dumps(d.topics or (list(known.topics) if known else [])),
                    difficulty=d.difficulty,
                    key_points=json.dumps(d.key_points),
                    follow_ups=json.dumps(d.follow_ups),
                    source=d.source,
                    company=d.company,
                    asked_on=d.asked_on,
                    reported=1,
                    same_as=known.id if known else None,
                    created_at=now,
                    updated_at=now,
                )
                .returning(*table.c)
            ).one()
            added = _question(row)
            mine.append(added)
            if known is not None:
                brought = len(d.key_points) + len(d.follow_ups)
                outcomes.append(Outcome("reported again", known.id, known.text, ignored=brought))
            else:
                outcomes.append(Outcome("added", added.id, added.text))
    return outcomes


def delete_user_question(store: Store, ident: str) -> bool:
    """Delete one of the user's questions by its ``my-<n>`` id."""
    if not ident.startswith(PREFIX) or not ident[len(PREFIX) :].isdigit():
        return False
    with store.transaction() as conn:
        gone = conn.execute(delete(table).where(table.c.id == int(ident[len(PREFIX) :])))
        return bool(gone.rowcount)


def export_records(store: Store) -> list[dict[str, object]]:
    """The user's questions as plain records for ``deepdive export`` (all fields kept)."""
    return [
        {
            "id": q.id,
            **q.file_record(),
            "reported": q.reported,
            "same_as": q.same_as,
            "reports": report_records(q.reports),
        }
        for q in list_user_questions(store)
    ]


def import_records(
    conn: Connection, records: list[dict[str, Any]]
) -> tuple[int, int, dict[str, str]]:
    """Insert exported records inside the caller's transaction; a question whose exact text is
    already stored is skipped, so importing the same file twice adds nothing. Also returns
    where each record's exported id (``my-<n>`` in the other store) now lives, so practice
    results about it follow it to its id here."""
    known = {
        text: f"{PREFIX}{ident}" for ident, text in conn.execute(select(table.c.id, table.c.text))
    }
    now = datetime.now(UTC)
    added = skipped = 0
    moved: dict[str, str] = {}
    for rec in records:
        # only an id of the user's own (my-<n>) moves; anything else is ignored
        old = rec.get("id") if re.fullmatch(rf"{PREFIX}\d+", str(rec.get("id"))) else None
        if rec["text"] in known:
            skipped += 1
            if isinstance(old, str):
                moved[old] = known[rec["text"]]
            continue
        row = conn.execute(
            insert(table)
            .values(
                text=rec["text"],
                round=rec["round"],
                topics=json.dumps(rec.get("topics") or []),
                difficulty=rec.get("difficulty"),
                key_points=json.dumps(rec.get("key_points") or []),
                follow_ups=json.dumps(rec.get("follow_ups") or []),
                source=rec.get("source") or "reported by you",
                company=rec.get("company"),
                asked_on=rec.get("asked"),
                reported=int(rec.get("reported") or 1),
                same_as=rec.get("same_as"),
                reports=_reports_json(_from_records(rec.get("reports") or [])),
                created_at=now,
                updated_at=now,
            )
            .returning(table.c.id)
        ).one()
        known[rec["text"]] = f"{PREFIX}{row.id}"
        if isinstance(old, str):
            moved[old] = known[rec["text"]]
        added += 1
    return added, skipped, moved


def validate_record(rec: object, where: str) -> None:
    """Raise :class:`DraftError` when an exported question record is malformed."""
    if not isinstance(rec, dict):
        raise DraftError(f"{where}: must be an object")
    text = rec.get("text")
    draft = Draft(
        text=text if isinstance(text, str) else "",
        round=rec.get("round"),
        difficulty=rec.get("difficulty"),
        asked_on=rec.get("asked"),
    )
    try:
        draft.validate()
    except DraftError as exc:
        raise DraftError(f"{where}: {exc}") from None
    if draft.round is None:
        raise DraftError(f"{where}: 'round' is missing")
    for key in ("topics", "key_points", "follow_ups"):
        value = rec.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise DraftError(f"{where}: '{key}' must be a list of strings")
    if not isinstance(rec.get("reported", 1), int) or rec.get("reported", 1) < 1:
        raise DraftError(f"{where}: 'reported' must be a positive whole number")
    reports = rec.get("reports") or []
    if not isinstance(reports, list) or not all(_good_report(r) for r in reports):
        raise DraftError(
            f"{where}: 'reports' must be a list of objects with a 'company' or an 'asked' date "
            "(like 2026-05)"
        )


def _good_report(report: object) -> bool:
    """A later report as exported: a company, a date asked (2026-05 or 2026-05-14), or both."""
    if not isinstance(report, dict):
        return False
    company, asked = report.get("company"), report.get("asked")
    if not isinstance(company, str | None) or not isinstance(asked, str | None):
        return False
    if asked is not None and not _DATE.match(asked):
        return False
    return bool(company or asked)
