"""Common wrong claims about bank questions (``data/misconceptions.yaml``).

Each entry ties a wrong claim candidates often make ("the p-value is the probability that the
null hypothesis is true") to the key point it contradicts. Bank practice marks that key point
**wrong** when an answer sentence says the claim clearly (``MATCH``) and says it more than it
says the point itself (by ``MARGIN``): a confident wrong sentence is not credited as covering
the point it gets backwards.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from deepdive.datafiles import DataFileError, fail, keys, load_data, require

FILE = "misconceptions.yaml"
MATCH = 0.6  # share of the claim's weighted terms a sentence must hold
MARGIN = 0.1  # how much more of the claim than of the key point it must hold


@dataclass(frozen=True)
class Misconception:
    point: int
    claim: str


@cache
def misconceptions() -> dict[str, tuple[Misconception, ...]]:
    """Wrong claims by question id, validated (ids and point numbers are checked against the
    bank by ``bank lint``'s test)."""
    cfg = load_data(FILE)
    table = require(FILE, cfg, "misconceptions", dict)
    out: dict[str, tuple[Misconception, ...]] = {}
    for qid in keys(table):
        items = require(FILE, table, qid, list)
        found: list[Misconception] = []
        for item in items:
            if not isinstance(item, dict):
                raise DataFileError(f"{FILE}: {qid}: each entry needs 'point' and 'claim'")
            point = require(FILE, item, "point", int)
            claim = require(FILE, item, "claim", str)
            if point < 0 or len(claim.split()) < 4:
                raise fail(FILE, item, f"{qid}: a claim needs a point >= 0 and four words or more")
            found.append(Misconception(point, claim))
        out[qid] = tuple(found)
    return out


def for_point(question_id: str, point: int) -> list[str]:
    """The wrong claims about one key point of one question."""
    return [m.claim for m in misconceptions().get(question_id, ()) if m.point == point]
