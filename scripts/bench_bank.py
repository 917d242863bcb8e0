"""Question-bank numbers for ``make bench`` (issue 5).

* warm search over a generated bank of 10,000 questions (median over several queries; the
  baseline is the same search over the 250 shipped questions);
* building that index once (words and meaning);
* key-point coverage of one practice answer;
* same-question check of one new question against 10,000.
Targets: search <= 30 ms warm over 10,000; ``bank random --round ml_depth`` cold <= 0.8 s
(measured in bench.py next to its ``python -c pass`` baseline).
"""

from __future__ import annotations

import random
import statistics
import time
from dataclasses import replace

QUERIES = [
    "batch norm",
    "data leakage in time series validation",
    "how to handle imbalanced classes",
    "disagreement with manager",
    "design a recommendation system cold start",
    "precision recall threshold",
    "gradient boosting vs logistic regression",
    "on call incident rollback",
]


def generated_bank(size: int = 10_000) -> list:  # type: ignore[type-arg]
    """``size`` questions made by recombining shipped texts, topics and key points."""
    from deepdive.bank import shipped

    base = list(shipped())
    rng = random.Random(5)
    words = [w for q in base for w in q.text.split()]
    out = []
    for i in range(size):
        q = base[i % len(base)]
        extra = " ".join(rng.choice(words) for _ in range(6))
        points = tuple(rng.sample([p for b in rng.sample(base, 3) for p in b.key_points], 4))
        out.append(replace(q, id=f"gen-{i}", text=f"{q.text} {extra}", key_points=points))
    return out


def _median_ms(fn, runs: int = 5) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def bank_numbers() -> dict[str, float]:
    from deepdive.bank import find, shipped
    from deepdive.bank_search import SearchIndex, same_question
    from deepdive.coverage import check_coverage

    big = generated_bank()
    t0 = time.perf_counter()
    index = SearchIndex(big)
    index.vectors  # noqa: B018 - the questions read by meaning are part of the index
    build_s = time.perf_counter() - t0
    small = SearchIndex(shipped())
    index.search(QUERIES[0])  # warm caches
    search_ms = statistics.median(
        _median_ms(lambda q=q: index.search(q))
        for q in QUERIES  # type: ignore[misc]
    )
    base_ms = statistics.median(
        _median_ms(lambda q=q: small.search(q))
        for q in QUERIES  # type: ignore[misc]
    )
    q = find(shipped(), "depth-batchnorm")
    answer = (
        "Batch norm standardises each layer's inputs with the mini-batch mean and variance, "
        "which lets you use a higher learning rate. At inference it uses running averages. "
        "With tiny batches the statistics get noisy and layer norm works better."
    )
    check_coverage(q, answer)
    coverage_ms = _median_ms(lambda: check_coverage(q, answer), runs=9)
    same_ms = _median_ms(lambda: same_question("Why does batch norm help training?", big), 3)
    return {
        "search_ms": search_ms,
        "search_base_ms": base_ms,
        "build_s": build_s,
        "coverage_ms": coverage_ms,
        "same_ms": same_ms,
    }


if __name__ == "__main__":
    for key, value in bank_numbers().items():
        print(f"{key}: {value:.3f}")
