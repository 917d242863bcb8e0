"""Bank search on the blind-labelled query set (issue 14 targets: top-1 >= 0.90, nDCG@5 >= 0.90,
no-match >= 0.95). The floors below are what search reaches today on each half and batch; the
targets are met on the first two batches (bar no-match on the second), not on all of the
paraphrased third to twelfth; the twelfth, held out until search by meaning was chosen,
reached top-1 0.875, nDCG@5 0.807 and no-match 0.85; the fifteenth, held out until measured,
top-1 0.887, nDCG@5 0.835 and no-match 0.95."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from deepdive.bank import find, shipped
from deepdive.search_quality import LabelledQuery, measure

FILE = Path(__file__).parent / "data" / "search_queries.yaml"
BATCHES = [
    Path(__file__).parent / "data" / f"search_queries_{n}.yaml"
    for n in (2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17)
]


def _rows(path: Path) -> list[LabelledQuery]:
    rows = yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]
    return [LabelledQuery(r["query"], tuple(r["accept"])) for r in rows]


def _queries(half: int) -> list[LabelledQuery]:
    """Half 0 and 1 of the first batch (dev and test); 2 to 17 are the later batches."""
    if half >= 2:
        return _rows(BATCHES[half - 2])
    return _rows(FILE)[half::2]


def test_the_query_set_is_big_enough_and_names_real_questions() -> None:
    rows = [r for half in range(18) for r in _queries(half)]
    assert len(rows) >= 80 + 100 + 80 + 80 + 70 + 100 * 11
    # 336 written with no answer; 30 of them became answerable when the bank gained seven
    # questions on 2026-12-07, and ten more when it gained two behavioural ones that day
    assert sum(not r.accept for r in rows) >= 15 + 25 + 15 + 20 * 12 + 35 - 30 - 10
    for r in rows:
        for ident in r.accept:
            find(shipped(), ident)  # raises KeyError for an unknown id


@pytest.mark.parametrize(
    ("half", "top1", "ndcg", "silent"),
    [
        (0, 0.95, 0.96, 0.9),
        (1, 0.98, 0.98, 0.95),
        (2, 0.97, 0.96, 0.94),
        # 3 and 4 each lost a silent query to the two behavioural questions added on
        # 2026-12-07 (it now has an answer), and 3 one to a new near match
        (3, 0.9, 0.9, 0.9),
        (4, 0.9, 0.87, 0.82),
        (5, 0.94, 0.9, 0.95),
        (6, 0.92, 0.89, 0.76),
        (7, 0.89, 0.85, 0.89),
        (8, 0.92, 0.83, 0.95),
        # 9 and 15 each lost a query or two when "how do I answer X" came to be read as X
        # (2026-12-07): X alone ranks the wrong question first; 10 to 12 gained four
        (9, 0.87, 0.8, 0.95),
        (10, 0.92, 0.88, 0.94),
        (11, 0.9, 0.82, 0.95),
        (12, 0.88, 0.81, 0.85),
        (13, 0.93, 0.88, 0.85),
        (14, 0.95, 0.86, 0.95),
        (15, 0.87, 0.83, 0.95),
        (16, 0.95, 0.92, 0.85),
        (17, 0.95, 0.92, 0.9),
    ],
)
def test_search_ranks_like_a_person_expects(
    half: int, top1: float, ndcg: float, silent: float
) -> None:
    quality = measure(shipped(), _queries(half))
    assert quality.top1_share >= top1, quality.misses
    assert quality.ndcg >= ndcg, quality.summary()
    assert quality.no_match_share >= silent, quality.misses


def test_every_labelled_query_together() -> None:
    # issue 14's targets: an accepted question first for 90%, nDCG@5 0.9, and 95% of no-match
    # queries silent (0.943 / 0.905 / 0.956 on 2026-12-07, with seventeen batches)
    quality = measure(shipped(), [r for half in range(18) for r in _queries(half)])
    assert quality.top1_share >= 0.9 and quality.ndcg >= 0.9, quality.summary()
    assert quality.no_match_share >= 0.95, quality.summary()


def _words_only_ndcg(queries: list[LabelledQuery]) -> float:
    """nDCG@5 of the ranking by words alone (the search before meaning was added)."""
    import math

    from deepdive.bank_search import SearchIndex, query_terms

    index = SearchIndex(shipped())
    total, n = 0.0, 0
    for q in queries:
        accepted = [find(shipped(), i).id for i in q.accept]
        if not accepted:
            continue
        read = index.read(q.query)
        hits = [index.questions[i].id for i, _ in index.by_words(read)][:5]
        hits = hits if query_terms(read) else []
        gain = sum(1 / math.log2(k + 2) for k, h in enumerate(hits) if h in accepted)
        total += gain / sum(1 / math.log2(k + 2) for k in range(min(5, len(accepted))))
        n += 1
    return total / n


@pytest.mark.parametrize("half", [11, 12])
def test_meaning_ranks_the_right_questions_higher_than_words_alone(half: int) -> None:
    queries = _queries(half)
    # (0.013 and 0.047 on 2026-12-07, after queries about topics the bank had just gained
    # became answerable: words alone find those)
    assert measure(shipped(), queries).ndcg >= _words_only_ndcg(queries) + 0.01
