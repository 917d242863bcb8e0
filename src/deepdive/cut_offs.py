"""Cut-offs: the point a ranking metric is read at ("NDCG at 10", "recall@100", "precision at
the top 500"), and the conditions any figure is read under ("within a one-hour window", "at an
approval rate of 40%").

A cut-off is not a value ("NDCG at 10" is no NDCG of 10), and two numbers of one metric read at
different cut-offs measure two things. A retelling that gives the overview's numbers for
another cut-off has changed the claim, even though every number in it was said before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from deepdive.figures import METRIC_AT, RANKING_METRICS
from deepdive.quantity_frames import SCALE, SECONDS

# a whole number, as a cut-off is said ("NDCG at 10", "recall at 1,000")
_WHOLE = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
# "precision at the top 5%", "recall@10%", "at the top": what comes before a cut-off
_BEFORE_CUT_OFF = re.compile(
    r"(?:" + RANKING_METRICS + r"\s*(?:@|at\s+(?:the\s+)?(?:top|bottom|first)\s+)"
    r"|\b(?:at|in|of)\s+the\s+(?:top|bottom|first)\s+)\s*$",
    re.I,
)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_METRIC_CUT_OFF = re.compile(
    RANKING_METRICS + r"\s*(?:@\s*|at\s+(?:the\s+)?(?:top\s+|first\s+)?)(\d{1,3}(?:,\d{3})+|\d+)"
    r"(?:\s*(k|thousand)\b)?(?![.\d]|\s*(?:%|percent|per\s+cent))",
    re.I,
)


def _value(text: str) -> float:
    try:
        return float(text.replace(",", ""))
    except ValueError:  # "1.7.4", a version rather than a number
        return -1.0


def is_cut_off(number: str, before: str) -> bool:
    """Is ``number``, said right after ``before``, the cut-off a metric is read at ("precision
    at the top 5%", "precision at 5%", "NDCG at 10") rather than its value ("precision at
    0.62")?"""
    if _BEFORE_CUT_OFF.search(before):
        return True
    return ("%" in number or bool(_WHOLE.fullmatch(number))) and bool(METRIC_AT.search(before))


@lru_cache(maxsize=2048)
def cut_offs(text: str) -> tuple[tuple[str, float, str], ...]:
    """Each ranking metric read at a cut-off in ``text``: (metric, cut-off, as said). Cached:
    the consistency check asks it of the same sentences for every pair of numbers."""
    out = []
    for m in _METRIC_CUT_OFF.finditer(text):
        name = re.match(RANKING_METRICS, m.group(0), re.I)
        if name:
            # "precision at 2 thousand" (as "two thousand" is read) is precision at 2,000
            k = _value(m.group(1)) * (1000 if m.group(2) else 1)
            out.append((" ".join(name.group(0).lower().split()), k, m.group(0)))
    return tuple(out)


def other_cut_off(a: str, b: str, metric: str | None) -> bool:
    """Both sentences read ``metric`` at a cut-off, never the same one: "NDCG at 5" and "NDCG
    at 10" measure two things (the other numbers in the sentences are not concerned)."""
    name = (metric or "").rpartition("|")[2].lower()
    cuts_a = {k for n, k, _ in cut_offs(a) if n == name}
    cuts_b = {k for n, k, _ in cut_offs(b) if n == name}
    return bool(cuts_a) and bool(cuts_b) and not (cuts_a & cuts_b)


def cut_off_changed(overview: list[str], reply: list[str]) -> list[tuple[str, str, str, str]]:
    """The reply gives the overview's values for a ranking metric read at another cut-off
    ("NDCG at 5 went from 0.41 to 0.52" after the same change for NDCG at 10): (overview
    sentence, its cut-off as said, reply sentence, its cut-off as said)."""
    said = [(o, c) for o in overview for c in cut_offs(o)]
    out = []
    for r in reply:
        for name, k, as_said in cut_offs(r):
            if any(c[0] == name and c[1] == k for _, c in said):
                continue  # the overview reads this metric at this cut-off too
            values = {_value(n) for n in _NUMBER.findall(r)} - {k, -1.0}
            for text, (ov_name, ov_k, ov_said) in said:
                ov_values = {_value(n) for n in _NUMBER.findall(text)} - {ov_k}
                if ov_name == name and values and values <= ov_values:
                    out.append((text, ov_said, r, as_said))
                    break
    return out


# a number with the words that say what it counts: "2-hour window", "60% approval rate",
# "an approval rate of 40%"
_COUNTED = re.compile(
    r"(?:\b(?P<lead>[a-z]+\s+[a-z]+)\s+of\s+)?(?<![\d.,])(?P<n>\d+(?:[.,]\d+)*)"
    r"(?:\s*(?P<times>thousand|million|billion|k|m|bn)\b)?(?:\s*(?:%|percent|per\s+cent))?(?:[\s-]+(?P<tail>[a-z]+(?:\s+[a-z]+)?))?",
    re.I,
)
_FILLER = frozenset(
    "a an the and or of in on at to for from by with per was were is are than more less "
    "about around roughly some which that this it its our their".split()
)


# units say how much, not of what: "a 2-hour window" and "a 12-hour shift" count two things
_UNIT_WORDS = frozenset([*SECONDS, "percent"])


@dataclass(frozen=True)
class _Counted:
    said: float  # the number as counted: "9 thousand" is 9,000
    amount: float  # a span of time in seconds: "24-hour" and "1-day" are one window
    key: frozenset[str]  # the content words that say what it counts, units aside
    text: str


def _counted(sentence: str) -> list[_Counted]:
    """Each number in ``sentence`` with what it counts."""
    out = []
    for m in _COUNTED.finditer(sentence):
        said = _value(m.group("n")) * SCALE.get((m.group("times") or "").lower(), 1.0)
        words = [
            w.removesuffix("s")
            for w in f"{m.group('lead') or ''} {m.group('tail') or ''}".lower().split()
        ]
        key = frozenset(
            w for w in words if w not in _FILLER and w not in _UNIT_WORDS and len(w) > 2
        )
        tail = (m.group("tail") or "").lower().split()
        unit = tail[0].removesuffix("s") if tail else ""
        out.append(_Counted(said, said * SECONDS.get(unit, 1.0), key, m.group(0).strip()))
    return out


def condition_changed(overview: list[str], reply: list[str]) -> list[tuple[str, str, str, str]]:
    """The reply gives an overview sentence's figures under another condition ("inside a
    2-hour window went from 64% to 83%" after the same figures "inside the 1-hour window"):
    (overview sentence, its condition as said, reply sentence, its condition as said). Every
    other number of the reply sentence is one the overview sentence gives."""
    said = [(o, _counted(o)) for o in overview]
    out = []
    for r in reply:
        r_counted = _counted(r)
        r_nums = {c.said for c in r_counted} - {-1.0}
        for o, o_counted in said:
            o_nums = {c.said for c in o_counted} - {-1.0}
            extra = r_nums - o_nums
            if not extra or len(r_nums & o_nums) < 2:
                continue  # the same figures (a change's two sides, two values) read anew
            pairs = [
                (a, b)
                for a in r_counted
                if a.said in extra and a.key
                for b in o_counted
                # a condition is said exactly: "about 5 minutes" for 5.1 is the same value
                if b.said not in r_nums
                and a.key & b.key
                and abs(a.amount - b.amount) > 0.15 * max(a.amount, b.amount)
            ]
            if {a.said for a, _ in pairs} == extra:
                a, b = pairs[0]
                out.append((o, b.text, r, a.text))
                break
    return out
