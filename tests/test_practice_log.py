"""Bank practice results: saved by practice, read by the plan, carried by export and import."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from deepdive.bank import find, shipped
from deepdive.coverage import check_coverage
from deepdive.practice_log import (
    PracticeRecordError,
    list_practice,
    record_practice,
    validate_record,
)
from deepdive.store import Store
from deepdive.transfer import export_data, import_data, parse_export

ANSWER = "Dropout randomly zeroes activations during training, and at inference all units are kept."


def test_record_then_list(store_url: str) -> None:
    store = Store(store_url)
    q = find(shipped(), "depth-dropout")
    coverage = check_coverage(q, ANSWER)
    rec = record_practice(store, q.id, coverage, datetime(2026, 12, 1, tzinfo=UTC))
    (back,) = list_practice(store)
    assert back == rec
    assert back.covered == coverage.covered and back.total == len(q.key_points)
    assert len(back.missed) == back.total - back.covered


def test_export_and_import_keep_practice_once(store_url: str, tmp_path: object) -> None:
    import json

    store = Store(store_url)
    q = find(shipped(), "depth-dropout")
    record_practice(store, q.id, check_coverage(q, ANSWER))
    data = parse_export(json.dumps(export_data(store)))
    assert len(data["bank_practice"]) == 1
    other = Store(f"sqlite:///{tmp_path}/other.db")
    first = import_data(other, data)
    again = import_data(other, data)
    assert (first.practice_added, again.practice_added, again.practice_skipped) == (1, 0, 1)
    assert list_practice(other) == list_practice(store)


@pytest.mark.parametrize(
    "bad",
    [
        "x",
        {"uid": "a", "question_id": "q", "created_at": "2026-12-01", "covered": 3, "total": 2},
        {"uid": "a", "question_id": "q", "created_at": "yesterday", "covered": 1, "total": 2},
        {
            "uid": "a",
            "question_id": "q",
            "created_at": "2026-12-01",
            "covered": 1,
            "total": 2,
            "missed": [1],
        },
        {"question_id": "q", "created_at": "2026-12-01", "covered": 1, "total": 2},
    ],
)
def test_bad_records_name_the_problem(bad: object) -> None:
    with pytest.raises(PracticeRecordError, match="record 1"):
        validate_record(bad, "record 1")


def test_practice_on_ones_own_question_follows_it_to_its_new_id(
    store_url: str, tmp_path: object
) -> None:
    import json

    from deepdive.user_questions import Draft, add_drafts, list_user_questions

    store = Store(store_url)
    add_drafts(
        store,
        [
            Draft("How many trees should a random forest have?", key_points=["a b c d"]),
            Draft("Why does bagging reduce variance but not bias?", key_points=["e f g h"]),
        ],
    )
    theirs = {q.text: q.id for q in list_user_questions(store)}
    bagging = next(q for q in list_user_questions(store) if "bagging" in q.text)
    record_practice(store, bagging.id, check_coverage(bagging, "Averaging many trees."))
    data = parse_export(json.dumps(export_data(store)))

    other = Store(f"sqlite:///{tmp_path}/other.db")
    # the other store already has questions of its own, so the ids shift on import
    add_drafts(other, [Draft("What is a learning-rate warm-up for?"), Draft("When is MAE better?")])
    import_data(other, data)
    ours = {q.text: q.id for q in list_user_questions(other)}
    assert ours[bagging.text] != theirs[bagging.text]
    (rec,) = list_practice(other)
    assert rec.question_id == ours[bagging.text]
    # importing again changes nothing and still points at the same question
    import_data(other, data)
    assert [r.question_id for r in list_practice(other)] == [ours[bagging.text]]


def test_an_imported_id_that_is_not_ones_own_moves_nothing(store_url: str) -> None:
    from deepdive.user_questions import import_records

    store = Store(store_url).open()
    record = {
        "id": "depth-dropout",
        "text": "Why do we warm up the learning rate?",
        "round": "ml_depth",
    }
    with store.transaction() as conn:
        _, _, moved = import_records(conn, [record])
    assert moved == {}  # practice on the shipped depth-dropout stays on it
