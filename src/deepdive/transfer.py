"""Export all user data to one versioned JSON file, and import it back.

Import is all-or-nothing and idempotent: the whole file is validated first, records whose
``uid`` already exists are skipped, and everything else is written in one transaction. A file
from a newer deepdive (a schema this version does not know) is refused.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from deepdive.analysis import Analysis
from deepdive.factsheet import NAME_LIMIT, name_problem
from deepdive.practice_log import PracticeRecordError, insert_records, list_practice
from deepdive.practice_log import validate_record as validate_practice
from deepdive.store import Store
from deepdive.user_questions import DraftError, export_records, import_records, validate_record

SCHEMA = "deepdive.export/1"
KNOWN = ("deepdive.export/1",)


class TransferError(Exception):
    """The file cannot be imported; nothing was written."""


@dataclass(frozen=True)
class ImportResult:
    attempts_added: int
    attempts_skipped: int
    drills_added: int
    drills_skipped: int
    sheets_added: int = 0
    sheets_skipped: int = 0
    questions_added: int = 0
    questions_skipped: int = 0
    practice_added: int = 0
    practice_skipped: int = 0
    # (name in the file, name saved under): a different sheet of that name was already here
    sheets_renamed: tuple[tuple[str, str], ...] = ()


def export_data(store: Store) -> dict[str, Any]:
    attempts = []
    for row in reversed(store.list_attempts()):
        _, text, analysis = store.get_attempt(row.id)
        attempts.append(
            {
                "uid": row.uid,
                "created_at": row.created_at.isoformat(),
                "question": row.question,
                "project": row.project,
                "tags": list(row.tags),
                "source": row.source,
                "text": text,
                "analysis": analysis.to_dict(),
            }
        )
    drills = [
        {
            "uid": d["uid"],
            "created_at": d["created_at"].isoformat(),
            "attempt_uid": d["attempt_uid"],
            "project": d["project"],
            "payload": d["payload"],
        }
        for d in store.list_drills()
    ]
    sheets = []
    for name, persona, updated in store.list_fact_sheets():
        _, entries = store.get_fact_sheet(name)
        sheets.append(
            {
                "name": name,
                "persona": persona,
                "entries": entries,
                "updated_at": updated.isoformat(),
            }
        )
    return {
        "schema": SCHEMA,
        "exported_at": datetime.now(UTC).isoformat(),
        "attempts": attempts,
        "drill_sessions": drills,
        "fact_sheets": sheets,
        "questions": export_records(store),
        "bank_practice": [r.to_dict() for r in list_practice(store)],
    }


def _require(record: dict[str, Any], key: str, kind: type, where: str) -> Any:
    if key not in record:
        raise TransferError(f"{where}: missing '{key}'")
    value = record[key]
    if not isinstance(value, kind):
        raise TransferError(f"{where}: '{key}' must be {kind.__name__}")
    return value


def _time(value: str, where: str, key: str = "created_at") -> datetime:
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise TransferError(f"{where}: '{key}' is not an ISO date-time") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def parse_export(text: str) -> dict[str, Any]:
    """Validate an export file completely; raise :class:`TransferError` naming the problem."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise TransferError(
            f"not valid JSON (line {exc.lineno}, column {exc.colno}); 'deepdive import' reads "
            "the JSON file 'deepdive export' writes (a file of questions goes to 'deepdive bank "
            "import')"
        ) from None
    if not isinstance(data, dict) or "schema" not in data:
        raise TransferError("not a deepdive export (no 'schema' key)")
    schema = data["schema"]
    if schema not in KNOWN:
        if isinstance(schema, str) and schema.startswith("deepdive.export/"):
            raise TransferError(
                f"the file was written by a newer deepdive ({schema}); upgrade to import it"
            )
        raise TransferError(f"not a deepdive export (schema {schema!r})")
    attempts = _require(data, "attempts", list, "file")
    drills = _require(data, "drill_sessions", list, "file")
    for n, rec in enumerate(attempts, 1):
        where = f"attempt {n}"
        if not isinstance(rec, dict):
            raise TransferError(f"{where}: must be an object")
        _require(rec, "uid", str, where)
        _time(_require(rec, "created_at", str, where), where)
        _require(rec, "question", str, where)
        _require(rec, "text", str, where)
        if rec.get("project") is not None and not isinstance(rec["project"], str):
            raise TransferError(f"{where}: 'project' must be a string or null")
        tags = rec.get("tags", [])
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise TransferError(f"{where}: 'tags' must be a list of strings")
        try:
            Analysis.from_dict(_require(rec, "analysis", dict, where))
        except (KeyError, TypeError, ValueError) as exc:
            raise TransferError(f"{where}: 'analysis' is not a valid analysis ({exc})") from None
    sheets = data.get("fact_sheets", [])
    if not isinstance(sheets, list):
        raise TransferError("file: 'fact_sheets' must be a list")
    for n, rec in enumerate(sheets, 1):
        where = f"fact sheet {n}"
        if not isinstance(rec, dict):
            raise TransferError(f"{where}: must be an object")
        # a slash (older versions allowed one) is replaced on import, not refused
        problem = name_problem(_require(rec, "name", str, where).replace("/", "-"))
        if problem:
            raise TransferError(f"{where}: {problem[0].lower()}{problem[1:].rstrip('.')}")
        if rec.get("persona") not in ("team", "switcher", "solo"):
            raise TransferError(f"{where}: 'persona' must be team, switcher or solo")
        entries = _require(rec, "entries", dict, where)
        if "updated_at" in rec:
            _time(_require(rec, "updated_at", str, where), where, "updated_at")
        if not all(isinstance(v, str) for v in entries.values()):
            raise TransferError(f"{where}: every entry must be text")
    questions = data.get("questions", [])
    if not isinstance(questions, list):
        raise TransferError("file: 'questions' must be a list")
    for n, rec in enumerate(questions, 1):
        try:
            validate_record(rec, f"question {n}")
        except DraftError as exc:
            raise TransferError(str(exc)) from None
    practice = data.get("bank_practice", [])
    if not isinstance(practice, list):
        raise TransferError("file: 'bank_practice' must be a list")
    for n, rec in enumerate(practice, 1):
        try:
            validate_practice(rec, f"practice record {n}")
        except PracticeRecordError as exc:
            raise TransferError(str(exc)) from None
    for n, rec in enumerate(drills, 1):
        where = f"drill session {n}"
        if not isinstance(rec, dict):
            raise TransferError(f"{where}: must be an object")
        _require(rec, "uid", str, where)
        _time(_require(rec, "created_at", str, where), where)
        _require(rec, "payload", dict, where)
    return data


def import_data(store: Store, data: dict[str, Any]) -> ImportResult:
    """Write a validated export into ``store`` in one transaction, skipping known uids."""
    from sqlalchemy import insert, select

    from deepdive.analysis import PARTS, SCORE_KEYS
    from deepdive.db_schema import attempts, drill_sessions, fact_sheets

    store.open()
    with store.engine.begin() as conn:
        known = set(conn.execute(select(attempts.c.uid)).scalars())
        known_drills = set(conn.execute(select(drill_sessions.c.uid)).scalars())
        added = skipped = d_added = d_skipped = 0
        for rec in data["attempts"]:
            if rec["uid"] in known:
                skipped += 1
                continue
            analysis = Analysis.from_dict(rec["analysis"])
            values: dict[str, Any] = {
                "uid": rec["uid"],
                "created_at": _time(rec["created_at"], "attempt"),
                "question": rec["question"],
                "project": rec.get("project"),
                "tags": json.dumps(rec.get("tags", [])),
                "source": rec.get("source", "text"),
                "text": rec["text"],
                "analysis": analysis.to_json(indent=None),
                "words": analysis.words,
            }
            values.update({f"score_{k}": analysis.score(k) for k in SCORE_KEYS})
            values.update({f"part_{p}": analysis.part(p).strength for p in PARTS})
            conn.execute(insert(attempts).values(**values))
            known.add(rec["uid"])
            added += 1
        for rec in data["drill_sessions"]:
            if rec["uid"] in known_drills:
                d_skipped += 1
                continue
            payload = rec["payload"]
            attempt_uid = rec.get("attempt_uid") if rec.get("attempt_uid") in known else None
            conn.execute(
                insert(drill_sessions).values(
                    uid=rec["uid"],
                    created_at=_time(rec["created_at"], "drill"),
                    attempt_uid=attempt_uid,
                    project=rec.get("project"),
                    questions=len(payload.get("turns", [])),
                    answered=int(payload.get("summary", {}).get("answered", 0)),
                    payload=json.dumps(payload, ensure_ascii=False),
                )
            )
            d_added += 1
        known_sheets = {
            name: (persona, json.loads(entries))
            for name, persona, entries in conn.execute(
                select(fact_sheets.c.name, fact_sheets.c.persona, fact_sheets.c.entries)
            )
        }
        s_added = s_skipped = 0
        renamed: list[tuple[str, str]] = []
        now = datetime.now(UTC)
        for rec in data.get("fact_sheets", []):
            name, content = rec["name"].replace("/", "-"), (rec["persona"], rec["entries"])
            if any(v == content and _same_or_imported(n, name) for n, v in known_sheets.items()):
                s_skipped += 1  # here already, under its name or as imported beside another
                continue
            if name in known_sheets:  # another sheet under this name: keep both
                name = _free_name(name, known_sheets)
            if name != rec["name"]:
                renamed.append((rec["name"], name))
            known_sheets[name] = content
            # when it was last edited, as exported (older exports: now)
            edited = _time(rec["updated_at"], "fact sheet") if "updated_at" in rec else now
            conn.execute(
                insert(fact_sheets).values(
                    name=name,
                    persona=rec["persona"],
                    entries=json.dumps(rec["entries"], ensure_ascii=False),
                    created_at=edited,
                    updated_at=edited,
                )
            )
            s_added += 1
        q_added, q_skipped, moved = import_records(conn, data.get("questions", []))
        # a result about one of the exported questions follows it to its id in this store
        records = [
            replace(r, question_id=moved.get(r.question_id, r.question_id))
            for r in (
                validate_practice(rec, "practice record") for rec in data.get("bank_practice", [])
            )
        ]
        p_added, p_skipped = insert_records(conn, records)
    return ImportResult(
        added,
        skipped,
        d_added,
        d_skipped,
        s_added,
        s_skipped,
        q_added,
        q_skipped,
        p_added,
        p_skipped,
        tuple(renamed),
    )


_IMPORTED = re.compile(r"(?: \(imported(?: \d+)?\))+$")


def _same_or_imported(saved: str, name: str) -> bool:
    """Two names of one sheet: the same, but for the suffixes imports give ("churn (imported)"),
    which cut a long name short to fit."""
    base, wanted = _IMPORTED.sub("", saved), _IMPORTED.sub("", name)
    cut = saved != base and len(saved) >= NAME_LIMIT - 2
    return saved == name or base == wanted or (cut and wanted.startswith(base))


def _free_name(name: str, taken: dict[str, Any]) -> str:
    """'churn (imported)', then 'churn (imported 2)', ...: a name no sheet has yet."""
    n = 1
    while True:
        suffix = " (imported)" if n == 1 else f" (imported {n})"
        candidate = name[: NAME_LIMIT - len(suffix)] + suffix
        if candidate not in taken:
            return candidate
        n += 1
