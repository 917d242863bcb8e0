"""The store: every attempt and drill session, in SQLite by default or PostgreSQL.

One thin layer over SQLAlchemy Core; nothing else in deepdive touches SQL. The database is
chosen by ``--db`` / ``DATABASE_URL`` (``postgresql://...`` or ``sqlite:///path``), falling back
to ``deepdive.db`` in the user's data folder. The schema is upgraded automatically on open
(Alembic migrations in ``deepdive/migrations``); a database written by a newer deepdive is
refused with a clear message. SQLite runs in WAL mode with a busy timeout, so a crash never
leaves a half-written attempt and two processes can save at the same time.
"""

from __future__ import annotations

import json
import os
import time
import uuid
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Engine,
    create_engine,
    delete,
    event,
    func,
    insert,
    inspect,
    select,
    text,
    update,
)
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError, SQLAlchemyError

from deepdive.analysis import PARTS, SCORE_KEYS, Analysis
from deepdive.db_schema import (
    attempts,
    drill_sessions,
    fact_sheets,
    jobs,
    recordings,
    settings,
)

DEFAULT_QUESTION = "Tell me about an ML project you worked on."
# Every migration this version knows, oldest first; the last one is the current schema.
REVISIONS = (
    "0001_attempts",
    "0002_web_state",
    "0003_fact_sheets",
    "0004_recordings",
    "0005_jobs",
    "0006_user_questions",
    "0007_bank_practice",
    "0008_question_reports",
)
HEAD = REVISIONS[-1]
MAX_ID = 2**63 - 1  # row ids are 64-bit signed integers


class StoreError(Exception):
    """The store cannot be used; the message says why, in one line."""


def database_url(explicit: str | None = None) -> str:
    """The database to use: ``explicit``, else ``DATABASE_URL``, else the user's data folder."""
    url = explicit or os.environ.get("DATABASE_URL") or ""
    if not url:
        from platformdirs import user_data_dir

        folder = Path(user_data_dir("deepdive", appauthor=False))
        folder.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{folder / 'deepdive.db'}"
    if url.startswith(("postgres://", "postgresql://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser()}"
    return url


def as_utc(value: datetime) -> datetime:
    """``value`` in UTC (a naive value is taken to be UTC already)."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


@dataclass(frozen=True)
class AttemptRow:
    id: int
    uid: str
    created_at: datetime
    question: str
    project: str | None
    tags: tuple[str, ...]
    source: str
    words: int
    scores: dict[str, int]
    parts: dict[str, float]

    def summary(self) -> dict[str, Any]:
        """The attempt as listed by ``history list --json`` and ``GET /api/attempts``."""
        return {
            "id": self.id,
            "uid": self.uid,
            "created_at": self.created_at.isoformat(),
            "question": self.question,
            "project": self.project,
            "tags": list(self.tags),
            "words": self.words,
            "scores": self.scores,
        }


@dataclass(frozen=True)
class TrendPoint:
    created_at: datetime
    scores: dict[str, int]
    parts: dict[str, float]


def _row(r: Any) -> AttemptRow:
    return AttemptRow(
        id=r.id,
        uid=r.uid,
        created_at=as_utc(r.created_at),
        question=r.question,
        project=r.project,
        tags=tuple(json.loads(r.tags or "[]")),
        source=r.source,
        words=r.words,
        scores={k: getattr(r, f"score_{k}") for k in SCORE_KEYS},
        parts={p: getattr(r, f"part_{p}") for p in PARTS},
    )


_SUMMARY_COLUMNS = [c for c in attempts.c if c.name not in ("text", "analysis")]


class Store:
    """A connection to one deepdive database."""

    def __init__(self, url: str | None = None) -> None:
        self.url = database_url(url)
        self.is_sqlite = self.url.startswith("sqlite")
        self.was_empty_file = False  # an existing 0-byte SQLite file, about to become a store
        try:
            if self.is_sqlite:
                path = self.url.split("///", 1)[-1]
                if path and path != ":memory:" and not path.startswith("file:"):
                    folder = Path(path).parent
                    if not folder.is_dir():
                        # a mistyped --db or DATABASE_URL is said, not made into a new store
                        raise StoreError(
                            f"the folder {folder} for the database does not exist; create it "
                            "first, or check the path in --db or DATABASE_URL"
                        )
                    file = Path(path)
                    self.was_empty_file = file.is_file() and file.stat().st_size == 0
                self.engine: Engine = create_engine(self.url, connect_args={"timeout": 30})
                event.listen(self.engine, "connect", _sqlite_pragmas)
            else:
                self.engine = create_engine(self.url, pool_pre_ping=True)
        except ModuleNotFoundError as exc:
            raise StoreError(
                f"the database driver is missing ({exc.name}); for PostgreSQL install "
                "'deepdive[postgres]'"
            ) from None
        except (SQLAlchemyError, ValueError) as exc:
            raise StoreError(f"cannot use database {self.safe_url()}: {_reason(exc)}") from None
        self._ready = False

    def safe_url(self) -> str:
        """The URL without any password."""
        if "@" in self.url and "://" in self.url:
            scheme, rest = self.url.split("://", 1)
            return f"{scheme}://…@{rest.split('@', 1)[1]}"
        return self.url

    # -- schema ------------------------------------------------------------------------------
    def revision(self) -> str | None:
        """The schema revision stored in the database (None for an empty database)."""
        with self._connect() as conn:
            return _read_revision(conn)

    def open(self) -> Store:
        """Check the schema and upgrade it when needed (idempotent, safe to race)."""
        if self._ready:
            return self
        for attempt in range(5):
            try:
                with self._connect() as conn:
                    current = _read_revision(conn)
                if current == HEAD:
                    self._ready = True
                    return self
                if current is not None and current not in REVISIONS:
                    raise StoreError(
                        f"the database {self.safe_url()} was written by a newer deepdive "
                        f"(schema {current}); upgrade deepdive to use it"
                    )
                self._upgrade()
            except StoreError:
                raise
            except (OperationalError, ProgrammingError):
                # Another process may be creating the schema right now: wait and re-check.
                time.sleep(0.2 * (attempt + 1))
            except SQLAlchemyError as exc:
                raise StoreError(
                    f"cannot open database {self.safe_url()}: {_reason(exc)}"
                ) from None
        with self._connect() as conn:
            if _read_revision(conn) == HEAD:
                self._ready = True
                return self
        raise StoreError(f"could not upgrade the schema of {self.safe_url()}")

    def _upgrade(self) -> None:
        from importlib import resources

        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(resources.files("deepdive") / "migrations"))
        with self.engine.begin() as conn:
            if not self.is_sqlite:
                conn.execute(text("SELECT pg_advisory_xact_lock(7301)"))
            if _read_revision(conn) == HEAD:
                return
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")

    @contextmanager
    def _connect(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn:
                yield conn
        except OperationalError as exc:
            raise StoreError(f"cannot reach database {self.safe_url()}: {_reason(exc)}") from None

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        self.open()
        try:
            with self.engine.begin() as conn:
                yield conn
        except StoreError:
            raise
        except SQLAlchemyError as exc:
            raise StoreError(f"could not write to {self.safe_url()}: {_reason(exc)}") from None

    def transaction(self) -> AbstractContextManager[Connection]:
        """A write transaction for modules with their own tables (all or nothing)."""
        return self._write()

    def reading(self) -> AbstractContextManager[Connection]:
        """A read connection on an up-to-date schema."""
        self.open()
        return self._connect()

    # -- attempts ----------------------------------------------------------------------------
    def save_attempt(
        self,
        text_: str,
        analysis: Analysis,
        question: str = DEFAULT_QUESTION,
        project: str | None = None,
        tags: tuple[str, ...] = (),
        source: str = "text",
        created_at: datetime | None = None,
        uid: str | None = None,
    ) -> AttemptRow:
        """Save one attempt in a single transaction and return it."""
        values: dict[str, Any] = {
            "uid": uid or str(uuid.uuid4()),
            "created_at": as_utc(created_at or datetime.now(UTC)),
            "question": question,
            "project": project or None,
            "tags": json.dumps(list(tags)),
            "source": source,
            "text": text_,
            "analysis": analysis.to_json(indent=None),
            "words": analysis.words,
        }
        values.update({f"score_{k}": analysis.score(k) for k in SCORE_KEYS})
        values.update({f"part_{p}": analysis.part(p).strength for p in PARTS})
        with self._write() as conn:
            new_id = conn.execute(insert(attempts).values(**values)).inserted_primary_key
        assert new_id is not None
        return AttemptRow(
            id=int(new_id[0]),
            uid=values["uid"],
            created_at=values["created_at"],
            question=question,
            project=values["project"],
            tags=tuple(tags),
            source=source,
            words=analysis.words,
            scores={k: analysis.score(k) for k in SCORE_KEYS},
            parts={p: analysis.part(p).strength for p in PARTS},
        )

    def get_attempt(self, ident: int | str) -> tuple[AttemptRow, str, Analysis]:
        """One attempt by id or uid, with its text and analysis (KeyError when absent)."""
        self.open()
        if isinstance(ident, int) and not 0 < ident <= MAX_ID:
            raise KeyError(ident)  # no row can have it (and the database would overflow)
        column = attempts.c.uid if isinstance(ident, str) else attempts.c.id
        with self._connect() as conn:
            r = conn.execute(select(attempts).where(column == ident)).first()
        if r is None:
            raise KeyError(ident)
        return _row(r), r.text, Analysis.from_dict(json.loads(r.analysis))

    def same_attempt(
        self, text_: str, question: str = DEFAULT_QUESTION, project: str | None = None
    ) -> AttemptRow | None:
        """The newest attempt of exactly this text, question and project, if one was saved."""
        self.open()
        q = (
            select(*_SUMMARY_COLUMNS)
            .where(attempts.c.text == text_, attempts.c.question == question)
            .where(attempts.c.project == project if project else attempts.c.project.is_(None))
            .order_by(attempts.c.created_at.desc(), attempts.c.id.desc())
            .limit(1)
        )
        with self._connect() as conn:
            r = conn.execute(q).first()
        return _row(r) if r is not None else None

    def list_attempts(
        self,
        project: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        question: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[AttemptRow]:
        """Attempts, newest first, filtered by project, date range and question text; a page
        of them with ``limit`` and ``offset``."""
        self.open()
        q = select(*_SUMMARY_COLUMNS).order_by(attempts.c.created_at.desc(), attempts.c.id.desc())
        if project:
            q = q.where(attempts.c.project == project)
        if since:
            q = q.where(attempts.c.created_at >= as_utc(since))
        if until:
            q = q.where(attempts.c.created_at < as_utc(until))
        if question:
            q = q.where(func.lower(attempts.c.question).contains(question.lower()))
        if limit:
            q = q.limit(limit)
        if offset:
            q = q.offset(offset)
        with self._connect() as conn:
            return [_row(r) for r in conn.execute(q)]

    def count_attempts(self, project: str | None = None) -> int:
        """How many attempts are saved (under ``project`` when given)."""
        self.open()
        q = select(func.count()).select_from(attempts)
        if project:
            q = q.where(attempts.c.project == project)
        with self._connect() as conn:
            return int(conn.execute(q).scalar_one())

    def delete_attempt(self, ident: int) -> bool:
        if not 0 < ident <= MAX_ID:
            return False
        with self._write() as conn:
            uid = conn.execute(select(attempts.c.uid).where(attempts.c.id == ident)).scalar()
            if uid is None:
                return False
            conn.execute(delete(drill_sessions).where(drill_sessions.c.attempt_uid == uid))
            conn.execute(delete(recordings).where(recordings.c.attempt_uid == uid))
            conn.execute(delete(attempts).where(attempts.c.id == ident))
        return True

    def delete_all(self) -> int:
        with self._write() as conn:
            conn.execute(delete(drill_sessions))
            conn.execute(delete(recordings))
            return int(conn.execute(delete(attempts)).rowcount or 0)

    def trend(self, project: str | None = None) -> list[TrendPoint]:
        """Scores and part strengths of every attempt, oldest first (only the needed columns)."""
        self.open()
        cols = [attempts.c.created_at]
        cols += [attempts.c[f"score_{k}"] for k in SCORE_KEYS]
        cols += [attempts.c[f"part_{p}"] for p in PARTS]
        q = select(*cols).order_by(attempts.c.created_at, attempts.c.id)
        if project:
            q = q.where(attempts.c.project == project)
        out: list[TrendPoint] = []
        with self._connect() as conn:
            for r in conn.execute(q):
                values = tuple(r)
                out.append(
                    TrendPoint(
                        as_utc(values[0]),
                        dict(zip(SCORE_KEYS, values[1 : 1 + len(SCORE_KEYS)], strict=True)),
                        dict(zip(PARTS, values[1 + len(SCORE_KEYS) :], strict=True)),
                    )
                )
        return out

    # -- drill sessions ----------------------------------------------------------------------
    def save_drill(
        self,
        payload: dict[str, Any],
        attempt_uid: str | None = None,
        project: str | None = None,
        created_at: datetime | None = None,
        uid: str | None = None,
    ) -> str:
        values = {
            "uid": uid or str(uuid.uuid4()),
            "created_at": as_utc(created_at or datetime.now(UTC)),
            "attempt_uid": attempt_uid,
            "project": project or None,
            "questions": len(payload.get("turns", [])),
            "answered": int(payload.get("summary", {}).get("answered", 0)),
            "payload": json.dumps(payload, ensure_ascii=False),
        }
        with self._write() as conn:
            conn.execute(insert(drill_sessions).values(**values))
        return str(values["uid"])

    def list_drills(self, attempt_uid: str | None = None) -> list[dict[str, Any]]:
        self.open()
        q = select(drill_sessions).order_by(drill_sessions.c.created_at)
        if attempt_uid:
            q = q.where(drill_sessions.c.attempt_uid == attempt_uid)
        with self._connect() as conn:
            return [
                {
                    "uid": r.uid,
                    "created_at": as_utc(r.created_at),
                    "attempt_uid": r.attempt_uid,
                    "project": r.project,
                    "payload": json.loads(r.payload),
                }
                for r in conn.execute(q)
            ]

    def start_drill(
        self, payload: dict[str, Any], state: dict[str, Any], attempt_uid: str | None
    ) -> str:
        """Store a drill in progress (the web app resumes it from any process)."""
        uid = self.save_drill(payload, attempt_uid=attempt_uid)
        self.update_drill(uid, payload, state, "active")
        return uid

    def update_drill(
        self, uid: str, payload: dict[str, Any], state: dict[str, Any], status: str
    ) -> None:
        with self._write() as conn:
            conn.execute(
                update(drill_sessions)
                .where(drill_sessions.c.uid == uid)
                .values(
                    payload=json.dumps(payload, ensure_ascii=False),
                    state=json.dumps(state, ensure_ascii=False),
                    status=status,
                    questions=len(payload.get("turns", [])),
                    answered=int(payload.get("summary", {}).get("answered", 0)),
                )
            )

    def get_drill(self, uid: str) -> dict[str, Any]:
        """One drill session (KeyError when absent)."""
        self.open()
        with self._connect() as conn:
            r = conn.execute(select(drill_sessions).where(drill_sessions.c.uid == uid)).first()
        if r is None:
            raise KeyError(uid)
        return {
            "uid": r.uid,
            "attempt_uid": r.attempt_uid,
            "status": r.status,
            "payload": json.loads(r.payload),
            "state": json.loads(r.state) if r.state else None,
        }

    def setting(self, key: str, default: str) -> str:
        """A shared setting; the first process to ask stores ``default`` for everyone."""
        self.open()
        with self._connect() as conn:
            value = conn.execute(select(settings.c.value).where(settings.c.key == key)).scalar()
        if value is not None:
            return str(value)
        try:
            with self._write() as conn:
                conn.execute(insert(settings).values(key=key, value=default))
        except StoreError as exc:
            if not isinstance(exc.__context__, IntegrityError):
                raise
        with self._connect() as conn:
            return str(conn.execute(select(settings.c.value).where(settings.c.key == key)).scalar())

    # -- recordings --------------------------------------------------------------------------
    def save_recording(self, attempt_uid: str, data: bytes, mime: str) -> None:
        with self._write() as conn:
            conn.execute(delete(recordings).where(recordings.c.attempt_uid == attempt_uid))
            conn.execute(insert(recordings).values(attempt_uid=attempt_uid, mime=mime, data=data))

    def get_recording(self, attempt_uid: str) -> tuple[str, bytes]:
        """(mime type, bytes) of an attempt's recording (KeyError when there is none)."""
        self.open()
        with self._connect() as conn:
            r = conn.execute(
                select(recordings.c.mime, recordings.c.data).where(
                    recordings.c.attempt_uid == attempt_uid
                )
            ).first()
        if r is None:
            raise KeyError(attempt_uid)
        return str(r.mime), bytes(r.data)

    # -- jobs --------------------------------------------------------------------------------
    def create_job(self) -> str:
        uid = str(uuid.uuid4())
        with self._write() as conn:
            conn.execute(
                insert(jobs).values(
                    uid=uid, status="running", progress=0.0, created_at=datetime.now(UTC)
                )
            )
        return uid

    def update_job(
        self,
        uid: str,
        progress: float | None = None,
        status: str | None = None,
        attempt_id: int | None = None,
        message: str | None = None,
    ) -> None:
        values: dict[str, Any] = {}
        if progress is not None:
            values["progress"] = progress
        if status is not None:
            values["status"] = status
        if attempt_id is not None:
            values["attempt_id"] = attempt_id
        if message is not None:
            values["message"] = message
        with self._write() as conn:
            conn.execute(update(jobs).where(jobs.c.uid == uid).values(**values))

    def get_job(self, uid: str) -> dict[str, Any]:
        self.open()
        with self._connect() as conn:
            r = conn.execute(select(jobs).where(jobs.c.uid == uid)).first()
        if r is None:
            raise KeyError(uid)
        return {
            "uid": r.uid,
            "status": r.status,
            "progress": r.progress,
            "attempt_id": r.attempt_id,
            "message": r.message,
        }

    # -- fact sheets -------------------------------------------------------------------------
    def save_fact_sheet(self, name: str, persona: str, entries: dict[str, str]) -> None:
        """Create or replace the fact sheet called ``name`` (one transaction)."""
        now = datetime.now(UTC)
        with self._write() as conn:
            exists = conn.execute(
                select(fact_sheets.c.name).where(fact_sheets.c.name == name)
            ).scalar()
            values = {
                "persona": persona,
                "entries": json.dumps(entries, ensure_ascii=False),
                "updated_at": now,
            }
            if exists:
                conn.execute(update(fact_sheets).where(fact_sheets.c.name == name).values(**values))
            else:
                conn.execute(insert(fact_sheets).values(name=name, created_at=now, **values))

    def get_fact_sheet(self, name: str) -> tuple[str, dict[str, str]]:
        """(persona, entries) of a fact sheet (KeyError when absent)."""
        self.open()
        with self._connect() as conn:
            r = conn.execute(select(fact_sheets).where(fact_sheets.c.name == name)).first()
        if r is None:
            raise KeyError(name)
        return r.persona, dict(json.loads(r.entries))

    def list_fact_sheets(self) -> list[tuple[str, str, datetime]]:
        self.open()
        with self._connect() as conn:
            rows = conn.execute(
                select(
                    fact_sheets.c.name, fact_sheets.c.persona, fact_sheets.c.updated_at
                ).order_by(fact_sheets.c.name)
            )
            return [(r.name, r.persona, as_utc(r.updated_at)) for r in rows]

    def delete_fact_sheet(self, name: str) -> bool:
        with self._write() as conn:
            return bool(
                conn.execute(delete(fact_sheets).where(fact_sheets.c.name == name)).rowcount
            )

    def has_tables(self) -> bool:
        with self._connect() as conn:
            return inspect(conn).has_table("attempts")


def _reason(exc: Exception) -> str:
    """The driver's own one-line message ("attempt to write a readonly database"), without
    SQLAlchemy's wrapper, the SQL statement and its parameters (which would print the user's
    whole answer) or the link line."""
    orig = getattr(exc, "orig", None)
    lines = str(orig if orig is not None else exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def _read_revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    value = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return str(value) if value else None


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()
