"""Whole answers with problems planted the way an ML interviewer would catch them.

``tests/data/planted_answers.yaml`` and ``planted_answers_2.yaml`` were each written blind by a
helper session (before deepdive ran on them): strong answers with calibrated credit, accuracy
quoted on a rare class in many wordings, leaks told in plain words, launches with no live
check, denials of any weakness, and filler-heavy rambles beside clear answers on the same
project. Each case lists the findings that must fire, those that must stay silent, and the
ownership verdict. The first set was then used to find and fix general gaps (35 of 315
expectations wrong before, 4 after); the second, written afterwards, measured those fixes
blind (31 of 329 wrong at the start of that work, 18 when it arrived, 15 after a few more
fixes). Both are regression tests now.

Known misses are listed below; they must still be misses, so a fix shows up as a failure that
asks for the entry to be removed.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from deepdive import analyze
from deepdive.analysis import Analysis
from deepdive.planted import case_problems

DATA = Path(__file__).parent / "data"
FILES = ("planted_answers.yaml", "planted_answers_2.yaml")
# case id -> what still goes wrong there ("finding:<id>" or "ownership")
KNOWN_MISSES = {
    "ramble-gym-churn": {"ownership"},
    "ramble-leaf-disease": {"finding:textbook_data", "finding:no_baseline"},
    "strong-agri-leaf-disease": {"finding:no_weakness"},
    "strong-sports-xg": {"finding:textbook_data"},
    "acc-trap-telecom-site-failure": {"finding:accuracy_on_imbalance", "finding:no_baseline"},
    "acc-trap-legal-privilege-bullets": {"finding:accuracy_on_imbalance", "finding:leakage_risk"},
    "leak-trap-freight-transit-events": {"finding:leakage_risk"},
    "leak-trap-music-mood-clips": {"finding:leakage_risk"},
    "leak-trap-robot-threshold-on-test": {"finding:leakage_risk"},
    "offline-trap-grain-yield-forecast": {"finding:no_online_check"},
    "filler-trap-warehouse-obstacles": {"finding:no_weakness", "finding:vague_result"},
    "filler-trap-rugby-injury": {
        "finding:no_baseline",
        "finding:no_weakness",
        "finding:vague_result",
    },
}
# a filler-heavy ramble must never score above the clear answer on the same project
PAIRS = [
    ("ramble-gym-churn", "spoken-strong-gym-churn"),
    ("ramble-leaf-disease", "spoken-strong-leaf-disease"),
    ("filler-trap-warehouse-obstacles", "clear-warehouse-obstacles"),
]


@cache
def cases() -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for name in FILES:
        data = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
        assert isinstance(data, list), name
        out += data
    ids = [c["id"] for c in out]
    assert len(ids) == len(set(ids)), "case ids must be unique across the files"
    return out


@cache
def analysis_of(case_id: str) -> Analysis:
    case = next(c for c in cases() if c["id"] == case_id)
    return analyze(case["text"])


def problems(case: dict[str, Any]) -> set[str]:
    return case_problems(case, analysis_of(case["id"]))


@pytest.mark.parametrize("case", cases(), ids=lambda c: c["id"])
def test_planted_case(case: dict[str, Any]) -> None:
    assert problems(case) == KNOWN_MISSES.get(case["id"], set())


@pytest.mark.parametrize(("ramble", "clear"), PAIRS)
def test_a_filler_heavy_ramble_never_outscores_a_clear_answer(ramble: str, clear: str) -> None:
    assert "filler_heavy" in analysis_of(ramble).finding_ids()
    for score in ("overall", "structure"):
        assert analysis_of(ramble).score(score) < analysis_of(clear).score(score), score


def test_the_set_covers_every_trap() -> None:
    planted = {f for c in cases() for f in c.get("expect_fires", [])}
    wanted = {"accuracy_on_imbalance", "leakage_risk", "no_online_check", "no_weakness"}
    assert planted >= wanted | {"filler_heavy"}
    assert sum(1 for c in cases() if c["ownership"] == "calibrated") >= 6
