"""The planted-answer yardstick: expectations counted per half, and set 3 held to a floor."""

from __future__ import annotations

from pathlib import Path

import pytest

from deepdive import analyze
from deepdive.planted import load_planted, measure_planted

DATA = Path(__file__).parent / "data"

SET = """
- id: a
  ownership: calibrated
  expect_fires: [vague_result]
  expect_silent: [too_long]
  text: |
    We built a model and it worked really well for everyone.
- id: b
  ownership: calibrated
  expect_fires: [vague_result]
  expect_silent: []
  text: |
    So I shipped it.
"""


def test_expectations_are_counted_by_half(tmp_path: Path) -> None:
    path = tmp_path / "set.yaml"
    path.write_text(SET, encoding="utf-8")
    tallies = measure_planted(path, analyze)
    dev, test = tallies["dev"], tallies["test"]
    assert (dev.expectations, dev.planted, test.expectations, test.planted) == (3, 1, 2, 1)
    # every error is named by the answer it comes from
    assert all(e.startswith("a: ") for e in dev.errors)
    assert all(e.startswith("b: ") for e in test.errors)
    assert dev.wrong == len(dev.errors) and test.wrong == len(test.errors)


def test_a_malformed_set_names_the_answer(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("- id: a\n  text: hello\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.yaml: answer 1 has no ownership"):
        load_planted(path)


@pytest.mark.parametrize(("split", "most_wrong"), [("dev", 0), ("test", 5)])
def test_the_third_planted_set_stays_within_its_floor(split: str, most_wrong: int) -> None:
    tally = measure_planted(DATA / "planted_answers_3.yaml", analyze)[split]
    # the test half is measured, never read: its errors are not shown
    assert tally.wrong <= most_wrong, tally.errors if split == "dev" else tally.wrong
