"""Words with an everyday and a technical sense, read one sentence at a time.

``data/word_senses.jsonl``: 160 sentences written blind by a helper session that never saw the
rules (before the code ran on them), each labelled as an ML interviewer would: does it say how a
result was validated (``evaluation``), does it state a quantified outcome (``outcome``)? Half use
"significant", "CV", "generalise", "in parallel", "pilot", "rollout", "a point", version numbers,
"more than N" or "signed up" in their everyday sense, half in the technical one. First measured
held out at evaluation F1 0.72 -> 0.79 and outcome F1 0.80 -> 0.81 for the word-sense rules of
this change; since then it has been looked at, so these are regression floors.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from deepdive.real_evaluation import engine_sentence_parts

ROWS = [
    json.loads(line)
    for line in (Path(__file__).parent / "data" / "word_senses.jsonl").read_text().splitlines()
    if line.strip()
]


def f1(label: str, part: str) -> float:
    tp = fp = fn = 0
    for row in ROWS:
        predicted, gold = part in engine_sentence_parts(row["text"]), bool(row[label])
        tp += predicted and gold
        fp += predicted and not gold
        fn += gold and not predicted
    return 2 * tp / (2 * tp + fp + fn)


def test_the_set_is_balanced_enough_to_measure() -> None:
    assert len(ROWS) >= 150
    for label in ("evaluation", "outcome"):
        assert 0.25 < sum(bool(r[label]) for r in ROWS) / len(ROWS) < 0.75


@pytest.mark.parametrize(
    ("label", "part", "floor"), [("evaluation", "evaluation", 0.79), ("outcome", "hook", 0.80)]
)
def test_word_senses_are_read_at_least_this_well(label: str, part: str, floor: float) -> None:
    assert f1(label, part) >= floor
