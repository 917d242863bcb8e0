from __future__ import annotations

from pathlib import Path

import pytest

from deepdive.engine import analyze
from deepdive.scores import OVERLONG_CAP, _overlong
from deepdive.settings import settings

OVERVIEW = (Path(__file__).parent / "drill" / "overview.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("limits", "lost"),
    [(1.0, 0.0), (2.0, 0.0), (3.0, 8.0), (4.5, 20.0), (20.0, OVERLONG_CAP)],
)
def test_overlong_costs_grow_past_twice_the_limit(limits: float, lost: float) -> None:
    assert _overlong(round(limits * settings().max_words)) == pytest.approx(lost, abs=0.05)


def test_a_story_told_over_and_over_scores_lower_the_longer_it_runs() -> None:
    overall = [analyze((OVERVIEW + "\n") * k).score("overall") for k in (1, 4, 12)]
    assert overall[0] > overall[1] > overall[2]
    assert overall[2] <= overall[0] - OVERLONG_CAP + 10  # a half-hour monologue is no strong answer
