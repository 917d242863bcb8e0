"""Bank search on the blind-labelled query set (issue 14 targets: top-1 >= 0.90, nDCG@5 >= 0.90,
no-match >= 0.95). The floors below are what search reaches today on each half and batch; the
targets are met on the first two batches (bar no-match on the second), not on the paraphrased
third to tenth; the tenth, held out until the end of a sitting, reached top-1
0.91 and no-match 1.0, nDCG@5 0.86."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from deepdive.bank import find, shipped
from deepdive.search_quality import LabelledQuery, measure

FILE = Path(__file__).parent / "data" / "search_queries.yaml"
BATCHES = [
    Path(__file__).parent / "data" / f"search_queries_{n}.yaml"
    for n in (2, 3, 4, 5, 6, 7, 8, 9, 10)
]


def _rows(path: Path) -> list[LabelledQuery]:
    rows = yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]
    return [LabelledQuery(r["query"], tuple(r["accept"])) for r in rows]


def _queries(half: int) -> list[LabelledQuery]:
    """Half 0 and 1 of the first batch (dev and test); 2 to 10 are the later batches."""
    if half >= 2:
        return _rows(BATCHES[half - 2])
    return _rows(FILE)[half::2]


def test_the_query_set_is_big_enough_and_names_real_questions() -> None:
    rows = [r for half in range(11) for r in _queries(half)]
    assert len(rows) >= 80 + 100 + 80 + 80 + 70 + 100 + 100 + 100 + 100
    assert sum(not r.accept for r in rows) >= 15 + 25 + 20 + 20 + 15 + 20 + 20 + 20 + 20
    for r in rows:
        for ident in r.accept:
            find(shipped(), ident)  # raises KeyError for an unknown id


@pytest.mark.parametrize(
    ("half", "top1", "ndcg", "silent"),
    [
        (0, 0.94, 0.94, 0.9),
        (1, 0.95, 0.95, 0.95),
        (2, 0.94, 0.93, 0.9),
        (3, 0.84, 0.85, 0.95),
        (4, 0.88, 0.85, 0.85),
        (5, 0.9, 0.85, 0.9),
        (6, 0.9, 0.86, 0.8),
        (7, 0.86, 0.79, 0.9),
        (8, 0.86, 0.79, 0.95),
        (9, 0.86, 0.77, 0.95),
        (10, 0.9, 0.85, 0.95),
    ],
)
def test_search_ranks_like_a_person_expects(
    half: int, top1: float, ndcg: float, silent: float
) -> None:
    quality = measure(shipped(), _queries(half))
    assert quality.top1_share >= top1, quality.misses
    assert quality.ndcg >= ndcg, quality.summary()
    assert quality.no_match_share >= silent, quality.misses
