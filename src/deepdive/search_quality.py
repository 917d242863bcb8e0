"""How well bank search ranks, on labelled queries (``tests/data/search_queries.yaml``).

Each labelled query lists the question ids a person would accept as the first result, best
first, or none when nothing in the bank answers it. Three figures, as in issue 14's targets:

* **top-1** — the share of answerable queries whose first result is an accepted question;
* **nDCG@5** — binary gain for accepted questions in the first five, against the ideal order;
* **no-match** — the share of unanswerable queries for which search returns nothing.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from deepdive.bank import Question, find
from deepdive.bank_search import SearchIndex


@dataclass(frozen=True)
class LabelledQuery:
    query: str
    accept: tuple[str, ...]


@dataclass
class SearchQuality:
    answerable: int = 0
    top1: int = 0
    ndcg_sum: float = 0.0
    unanswerable: int = 0
    silent: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def top1_share(self) -> float:
        return self.top1 / self.answerable if self.answerable else 0.0

    @property
    def ndcg(self) -> float:
        return self.ndcg_sum / self.answerable if self.answerable else 0.0

    @property
    def no_match_share(self) -> float:
        return self.silent / self.unanswerable if self.unanswerable else 1.0

    def summary(self) -> str:
        return (
            f"top-1 {self.top1_share:.3f} ({self.top1}/{self.answerable})  "
            f"nDCG@5 {self.ndcg:.3f}  no-match {self.no_match_share:.3f} "
            f"({self.silent}/{self.unanswerable})"
        )


def measure(questions: Sequence[Question], queries: Sequence[LabelledQuery]) -> SearchQuality:
    """Search ``questions`` for every labelled query; accepted ids may be earlier ids."""
    index = SearchIndex(questions)
    out = SearchQuality()
    for q in queries:
        accepted = [find(questions, ident).id for ident in q.accept]
        hits = [found.id for found, _ in index.search(q.query, 5)]
        if not accepted:
            out.unanswerable += 1
            out.silent += not hits
            if hits:
                out.misses.append(f"{q.query!r}: expected no match, got {hits[0]}")
            continue
        out.answerable += 1
        if hits and hits[0] in accepted:
            out.top1 += 1
        else:
            out.misses.append(f"{q.query!r}: expected {accepted[0]}, got {hits[:3]}")
        gain = sum(1 / math.log2(rank + 2) for rank, h in enumerate(hits) if h in accepted)
        ideal = sum(1 / math.log2(rank + 2) for rank in range(min(5, len(accepted))))
        out.ndcg_sum += gain / ideal
    return out
