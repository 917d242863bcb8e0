"""The store on SQLite and PostgreSQL: saving, listing, deleting, trends, migrations,
export/import, a crash in the middle of saving, and two processes saving at once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path

import pytest
from sqlalchemy import text

from deepdive import analyze
from deepdive.analysis import Analysis
from deepdive.store import HEAD, Store, StoreError
from deepdive.transfer import TransferError, export_data, import_data, parse_export
from deepdive.user_questions import Draft, add_drafts, list_user_questions

OVERVIEW = (Path(__file__).parent / "drill" / "overview.txt").read_text(encoding="utf-8")
ROOT = Path(__file__).resolve().parent.parent


@cache
def _analysis() -> Analysis:
    return analyze(OVERVIEW)


def test_save_get_list_delete(store_url: str) -> None:
    store = Store(store_url)
    t0 = datetime(2026, 1, 1, tzinfo=UTC)
    rows = [
        store.save_attempt(
            OVERVIEW, _analysis(), project="fraud", created_at=t0 + timedelta(days=i)
        )
        for i in range(3)
    ]
    other = store.save_attempt(
        "short", analyze("We cut costs by 30% with a model."), project="other", question="Why ML?"
    )
    row, body, analysis = store.get_attempt(rows[0].id)
    assert body == OVERVIEW and analysis == _analysis() and row.project == "fraud"
    assert store.get_attempt(rows[1].uid)[0].id == rows[1].id
    assert [r.id for r in store.list_attempts(project="fraud")] == [r.id for r in reversed(rows)]
    assert [r.id for r in store.list_attempts(question="why ml")] == [other.id]
    window = store.list_attempts(since=t0 + timedelta(days=1), until=t0 + timedelta(days=2))
    assert [r.id for r in window] == [rows[1].id]
    assert store.delete_attempt(rows[0].id) is True
    assert store.delete_attempt(rows[0].id) is False
    with pytest.raises(KeyError):
        store.get_attempt(rows[0].id)
    assert store.count_attempts() == 3
    assert store.delete_all() == 3
    assert store.list_attempts() == []


def test_trend_is_oldest_first(store_url: str) -> None:
    store = Store(store_url)
    weak = analyze("We used XGBoost and it worked well.")
    t0 = datetime(2026, 2, 1, tzinfo=UTC)
    store.save_attempt("w", weak, created_at=t0)
    store.save_attempt(OVERVIEW, _analysis(), created_at=t0 + timedelta(days=1))
    points = store.trend()
    assert [p.scores["overall"] for p in points] == [
        weak.score("overall"),
        _analysis().score("overall"),
    ]
    assert points[1].parts["data"] == _analysis().part("data").strength


def test_fresh_database_gets_current_schema_and_reopen_is_cheap(store_url: str) -> None:
    store = Store(store_url)
    assert store.revision() is None
    store.open()
    assert store.revision() == HEAD
    Store(store_url).open()  # a second open of an up-to-date database changes nothing
    assert Store(store_url).revision() == HEAD


def test_newer_database_is_refused(store_url: str) -> None:
    store = Store(store_url).open()
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    with pytest.raises(StoreError, match="newer deepdive"):
        Store(store_url).open()


def test_drill_sessions_are_kept(store_url: str) -> None:
    store = Store(store_url)
    row = store.save_attempt(OVERVIEW, _analysis())
    payload = {"schema": "deepdive.drill/1", "turns": [{"q": 1}], "summary": {"answered": 1}}
    store.save_drill(payload, attempt_uid=row.uid)
    drills = store.list_drills(row.uid)
    assert len(drills) == 1 and drills[0]["payload"] == payload
    store.delete_attempt(row.id)
    assert store.list_drills() == []


def test_an_imported_sheet_never_replaces_or_hides_a_different_one(
    store_url: str, tmp_path: Path
) -> None:
    mine = Store(store_url)
    mine.save_fact_sheet("churn", "team", {"impact": "Cut churn by 12 percent."})
    other = Store(f"sqlite:///{tmp_path / 'other.db'}")
    other.save_fact_sheet("churn", "solo", {"impact": "Cut churn by 3 percent."})
    data = export_data(other)
    first = import_data(mine, parse_export(json.dumps(data)))
    assert first.sheets_added == 1 and first.sheets_renamed == (("churn", "churn (imported)"),)
    assert mine.get_fact_sheet("churn") == ("team", {"impact": "Cut churn by 12 percent."})
    assert mine.get_fact_sheet("churn (imported)")[1] == {"impact": "Cut churn by 3 percent."}
    again = import_data(mine, parse_export(json.dumps(data)))
    assert (again.sheets_added, again.sheets_skipped, again.sheets_renamed) == (0, 1, ())
    # and back: each machine's sheet is recognised under the other's name for it
    back = import_data(other, parse_export(json.dumps(export_data(mine))))
    assert (back.sheets_added, back.sheets_skipped) == (1, 1)
    assert [n for n, _, _ in other.list_fact_sheets()] == ["churn", "churn (imported)"]


def test_a_sheet_name_the_web_pages_cannot_open_is_renamed_on_import(store_url: str) -> None:
    sheets = [
        {"name": "team/fraud", "persona": "team", "entries": {"impact": "Cut losses."}},
        {"name": "..", "persona": "team", "entries": {}},
    ]
    data = {"schema": "deepdive.export/1", "attempts": [], "drill_sessions": []}
    store = Store(store_url)
    with pytest.raises(TransferError, match="fact sheet 2: a project name needs more than dots"):
        import_data(store, parse_export(json.dumps({**data, "fact_sheets": sheets})))
    assert store.list_fact_sheets() == []  # nothing of a refused file is written
    once = import_data(store, parse_export(json.dumps({**data, "fact_sheets": sheets[:1]})))
    assert once.sheets_renamed == (("team/fraud", "team-fraud"),)
    assert store.get_fact_sheet("team-fraud") == ("team", {"impact": "Cut losses."})
    again = import_data(store, parse_export(json.dumps({**data, "fact_sheets": sheets[:1]})))
    assert (again.sheets_added, again.sheets_skipped, again.sheets_renamed) == (0, 1, ())


def test_a_long_name_cut_short_on_import_is_still_recognised(store_url: str) -> None:
    name = "x" * 200
    store = Store(store_url)
    store.save_fact_sheet(name, "team", {"impact": "Mine."})
    theirs = {"name": name, "persona": "team", "entries": {"impact": "Theirs."}}
    data = {"schema": "deepdive.export/1", "attempts": [], "drill_sessions": []}
    payload = json.dumps({**data, "fact_sheets": [theirs]})
    first = import_data(store, parse_export(payload))
    (saved,) = [new for _, new in first.sheets_renamed]
    assert len(saved) == 200 and saved.endswith(" (imported)")
    for _ in range(2):
        assert import_data(store, parse_export(payload)).sheets_skipped == 1
    assert len(store.list_fact_sheets()) == 2


def test_export_import_round_trip_and_idempotent(store_url: str, tmp_path: Path) -> None:
    source = Store(f"sqlite:///{tmp_path / 'source.db'}")
    a = source.save_attempt(OVERVIEW, _analysis(), project="fraud", tags=("v1",))
    source.save_drill({"turns": [], "summary": {"answered": 0}}, attempt_uid=a.uid)
    source.save_fact_sheet("fraud", "team", {"impact": "Cut losses by a third."})
    add_drafts(source, [Draft("How would you shard a feature store?", company="Acme")])
    data = json.loads(json.dumps(export_data(source)))
    target = Store(store_url)
    first = import_data(target, parse_export(json.dumps(data)))
    again = import_data(target, parse_export(json.dumps(data)))
    assert (first.attempts_added, first.drills_added, first.sheets_added) == (1, 1, 1)
    assert (first.questions_added, again.questions_added, again.questions_skipped) == (1, 0, 1)
    (question,) = list_user_questions(target)
    assert question.company == "Acme" and question.round == "ml_system_design"
    assert again.sheets_skipped == 1
    assert target.get_fact_sheet("fraud") == ("team", {"impact": "Cut losses by a third."})
    # the sheet keeps when it was last edited, not when it was imported
    assert target.list_fact_sheets()[0][2] == source.list_fact_sheets()[0][2]
    assert (again.attempts_added, again.attempts_skipped, again.drills_added) == (0, 1, 0)
    row, body, analysis = target.get_attempt(a.uid)
    assert body == OVERVIEW and analysis == _analysis() and row.tags == ("v1",)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("not json", "not valid JSON"),
        ('{"hello": 1}', "not a deepdive export"),
        ('{"schema": "deepdive.export/9", "attempts": [], "drill_sessions": []}', "newer deepdive"),
        (
            '{"schema": "deepdive.export/1", "attempts": [{"uid": "x"}], "drill_sessions": []}',
            "attempt 1",
        ),
        (
            '{"schema": "deepdive.export/1", "attempts": [], "drill_sessions": [], '
            '"questions": [{"text": "Why?", "round": "cooking"}]}',
            "question 1: unknown round 'cooking'",
        ),
        (
            '{"schema": "deepdive.export/1", "attempts": [], "drill_sessions": [], '
            '"fact_sheets": [{"name": "a", "persona": "solo", "entries": {}, '
            '"updated_at": "last week"}]}',
            "'updated_at' is not an ISO date-time",
        ),
    ],
)
def test_bad_export_files_are_refused(content: str, reason: str) -> None:
    with pytest.raises(TransferError, match=reason):
        parse_export(content)


def test_half_bad_file_imports_nothing(store_url: str, tmp_path: Path) -> None:
    source = Store(f"sqlite:///{tmp_path / 'source.db'}")
    source.save_attempt(OVERVIEW, _analysis())
    data = export_data(source)
    data["attempts"].append(
        {"uid": "broken", "created_at": "yesterday", "question": "q", "text": "t"}
    )
    target = Store(store_url)
    with pytest.raises(TransferError):
        import_data(target, parse_export(json.dumps(data)))
    assert target.count_attempts() == 0


WRITER = textwrap.dedent(
    """
    import sys
    from deepdive import analyze
    from deepdive.store import Store
    store = Store(sys.argv[1])
    analysis = analyze(open(sys.argv[2]).read())
    for n in range(int(sys.argv[3])):
        store.save_attempt("attempt %d" % n, analysis, project=sys.argv[4])
        print(n + 1, flush=True)
    """
)


def _writer(url: str, count: int, project: str) -> subprocess.Popen[str]:
    path = ROOT / "tests" / "drill" / "overview.txt"
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, url, str(path), str(count), project],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_sigkill_mid_burst_leaves_every_committed_attempt_whole(store_url: str) -> None:
    Store(store_url).open()
    proc = _writer(store_url, 100000, "burst")
    committed = 0
    assert proc.stdout is not None
    deadline = time.monotonic() + 60
    while committed < 25 and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        committed = int(line)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert committed >= 25, proc.stderr.read() if proc.stderr else ""
    store = Store(store_url)
    rows = store.list_attempts(project="burst")
    assert len(rows) >= committed
    for row in rows:
        _, body, analysis = store.get_attempt(row.id)
        assert body.startswith("attempt ") and analysis.words > 0
    if store.is_sqlite:
        with store.engine.connect() as conn:
            assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"


def test_two_processes_saving_at_once_both_succeed(store_url: str) -> None:
    Store(store_url).open()
    procs = [_writer(store_url, 30, f"p{n}") for n in range(2)]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    store = Store(store_url)
    assert len(store.list_attempts(project="p0")) == 30
    assert len(store.list_attempts(project="p1")) == 30


def test_two_processes_creating_the_schema_at_once(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'race.db'}"
    procs = [_writer(url, 3, f"r{n}") for n in range(3)]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    assert Store(url).count_attempts() == 9


def test_unreachable_database_is_a_clear_error() -> None:
    store = Store("postgresql://nobody@127.0.0.1:1/none")
    with pytest.raises(StoreError, match="cannot"):
        store.open()


def test_a_database_in_a_folder_that_does_not_exist_is_refused(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder" / "x.db"
    with pytest.raises(StoreError, match="does not exist"):
        Store(f"sqlite:///{missing}")
    assert not missing.parent.exists()
