"""The record of bank practice: which question, when, how many key points were covered.

``bank practice`` (CLI, web page and API) saves one :class:`PracticeRecord` per answer to a
question with key points; ``bank plan`` reads them back to decide what comes up next. The
answer text itself is not kept here — only the outcome and the key points that were missed,
which is what spaced repetition needs. Records carry a ``uid`` so export and import
(:mod:`deepdive.transfer`) never duplicate one.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, select

from deepdive.coverage import Coverage
from deepdive.db_schema import bank_practice as table
from deepdive.store import Store, as_utc


class PracticeRecordError(ValueError):
    """An imported practice record is malformed; the message says which field."""


@dataclass(frozen=True)
class PracticeRecord:
    uid: str
    question_id: str
    created_at: datetime
    covered: int
    total: int
    missed: tuple[str, ...]

    @property
    def share(self) -> float:
        return self.covered / self.total if self.total else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "uid": self.uid,
            "question_id": self.question_id,
            "created_at": self.created_at.isoformat(),
            "covered": self.covered,
            "total": self.total,
            "missed": list(self.missed),
        }


def record_practice(
    store: Store, question_id: str, coverage: Coverage, when: datetime | None = None
) -> PracticeRecord:
    """Save the outcome of one practice answer (one transaction) and return it."""
    record = PracticeRecord(
        uid=str(uuid.uuid4()),
        question_id=question_id,
        created_at=as_utc(when or datetime.now(UTC)),
        covered=coverage.covered,
        total=len(coverage.points),
        missed=tuple(p.point for p in coverage.points if not p.covered),
    )
    store.open()
    with store.transaction() as conn:
        conn.execute(insert(table).values(**_row(record)))
    return record


def _row(r: PracticeRecord) -> dict[str, Any]:
    return {
        "uid": r.uid,
        "question_id": r.question_id,
        "created_at": r.created_at,
        "covered": r.covered,
        "total": r.total,
        "missed": json.dumps(list(r.missed)),
    }


def list_practice(store: Store) -> list[PracticeRecord]:
    """Every practice record, oldest first."""
    store.open()
    with store.reading() as conn:
        rows = conn.execute(select(table).order_by(table.c.created_at, table.c.id))
        return [
            PracticeRecord(
                uid=r.uid,
                question_id=r.question_id,
                created_at=as_utc(r.created_at),
                covered=r.covered,
                total=r.total,
                missed=tuple(json.loads(r.missed)),
            )
            for r in rows
        ]


def validate_record(data: object, where: str) -> PracticeRecord:
    """A practice record from an export file, or :class:`PracticeRecordError` naming ``where``."""
    if not isinstance(data, dict):
        raise PracticeRecordError(f"{where}: must be an object")
    try:
        created = datetime.fromisoformat(str(data["created_at"]))
        covered, total = int(data["covered"]), int(data["total"])
        missed = data.get("missed", [])
        if not isinstance(missed, list) or not all(isinstance(m, str) for m in missed):
            raise PracticeRecordError(f"{where}: 'missed' must be a list of strings")
        if not 0 <= covered <= total:
            raise PracticeRecordError(f"{where}: 'covered' must be between 0 and 'total'")
        uid, qid = str(data["uid"]), str(data["question_id"])
    except KeyError as exc:
        raise PracticeRecordError(f"{where}: missing {exc.args[0]!r}") from None
    except (TypeError, ValueError) as exc:
        if isinstance(exc, PracticeRecordError):
            raise
        raise PracticeRecordError(f"{where}: {exc}") from None
    if not uid or not qid:
        raise PracticeRecordError(f"{where}: 'uid' and 'question_id' must not be empty")
    return PracticeRecord(uid, qid, as_utc(created), covered, total, tuple(missed))


def insert_records(conn: Any, records: list[PracticeRecord]) -> tuple[int, int]:
    """Insert records whose uid is new, inside the caller's transaction: (added, skipped)."""
    known = set(conn.execute(select(table.c.uid)).scalars())
    added = 0
    for r in records:
        if r.uid in known:
            continue
        conn.execute(insert(table).values(**_row(r)))
        known.add(r.uid)
        added += 1
    return added, len(records) - added
