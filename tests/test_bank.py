"""The shipped question bank: schema, size, provenance, no near-duplicates; merging reports."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest

from deepdive.bank import (
    MIN_PER_ROUND,
    ROUNDS,
    combined,
    find,
    parse_round_file,
    select_questions,
    shipped,
)
from deepdive.bank_search import near_duplicates
from deepdive.datafiles import DataFileError


def test_every_shipped_file_loads_and_each_round_is_big_enough() -> None:
    bank = shipped()
    assert len(bank) >= 250
    counts = Counter(q.round for q in bank)
    for round_name in ROUNDS:
        assert counts[round_name] >= MIN_PER_ROUND, round_name


def test_shipped_questions_are_complete_and_claim_no_company() -> None:
    ids = [q.id for q in shipped()]
    assert len(ids) == len(set(ids))
    for q in shipped():
        assert q.source == "deepdive" and q.company is None, q.id
        assert 3 <= len(q.key_points) <= 6 and 2 <= len(q.follow_ups) <= 4, q.id
        assert q.difficulty in (1, 2, 3) and q.topics and q.text.endswith(("?", ".")), q.id
        assert q.verified and q.origin == "bank"


def test_no_two_shipped_questions_are_near_duplicates() -> None:
    pairs = near_duplicates(shipped())
    assert not pairs, [(a.id, b.id, round(s, 2)) for a, b, s in pairs]


def test_the_near_duplicate_check_can_fail() -> None:
    q = find(shipped(), "depth-batchnorm")
    twin = replace(q, id="twin", text="Why does batch norm help to train deep networks?")
    assert near_duplicates([q, twin])


GOOD = """round: ml_depth
defaults: {source: deepdive, company: null, year: 2026, verified: true, reported: 0}
questions:
  - id: a
    text: Why?
    topics: [x]
    difficulty: 2
    key_points: [one, two, three]
    follow_ups: [f1, f2]
"""


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("round: ml_depth", "round: cooking", "bank/t.yaml:1: unknown round 'cooking'"),
        ("difficulty: 2", "difficulty: 5", "bank/t.yaml:4: difficulty must be 1, 2 or 3"),
        ("[one, two, three]", "[one]", "bank/t.yaml:4: 'key_points' must be a list of 3-6"),
        ("[f1, f2]", "[f1, f2, f3, f4, f5]", "'follow_ups' must be a list of 2-4"),
        ("company: null", "company: Acme", "bank/t.yaml:4: questions written by deepdive claim"),
        ("    text: Why?\n", "", "bank/t.yaml:4: missing key 'text'"),
        ("difficulty: 2", "difficulty: 2\n    parts: [lunch]", "unknown part 'lunch'"),
        ("topics: [x]", "topics: [x", "bank/t.yaml:"),
    ],
)
def test_malformed_bank_files_name_the_file_and_line(old: str, new: str, message: str) -> None:
    assert len(parse_round_file(GOOD, "bank/t.yaml")) == 1
    with pytest.raises(DataFileError, match=message.replace("(", r"\(").replace("[", r"\[")):
        parse_round_file(GOOD.replace(old, new), "bank/t.yaml")


def test_filters_combine() -> None:
    bank = shipped()
    depth = select_questions(bank, round_name="ml_depth", difficulty=1)
    assert depth and all(q.round == "ml_depth" and q.difficulty == 1 for q in depth)
    nlp = select_questions(bank, topic="NLP")
    assert nlp and all("nlp" in q.topics for q in nlp)
    assert select_questions(bank, company="Acme") == []
    assert select_questions(bank, verified=False) == []


def test_a_user_report_of_a_shipped_question_raises_its_count() -> None:
    base = find(shipped(), "depth-batchnorm")
    report = replace(base, id="my-1", origin="user", company="Acme", reported=2, same_as=base.id)
    merged = combined([report])
    assert len(merged) == len(shipped())
    q = find(merged, base.id)
    assert q.reported == base.reported + 2 and q.reported_by == ("Acme",)
    assert select_questions(merged, company="acme") == [q]


def test_round_names_people_type_and_ids_close_to_a_typo() -> None:
    from deepdive.bank import close_ids, round_key

    assert round_key("behavioural") == round_key("Behavioral") == "behavioral"
    assert round_key("system design") == "ml_system_design"
    assert round_key("deep-dive") == round_key("project deep dive") == "project_deep_dive"
    assert round_key("coding") == "ml_coding_concepts" and round_key("behaviour") == "behavioral"
    assert round_key("ml") is None and round_key("") is None  # "ml" fits several rounds
    assert close_ids(shipped(), "depth-dropuot")[0] == "depth-dropout"
    assert close_ids(shipped(), "zebra") == []
    assert "sd-fraud" in close_ids(shipped(), "sd-fraud-detection")  # one it lengthens
