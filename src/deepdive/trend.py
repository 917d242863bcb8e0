"""Progress over time: per score and per part, as a terminal chart or a plotted file.

Attempts are grouped into at most ``columns`` buckets in time order and each bucket shows its
mean, so ten thousand attempts draw as fast as ten.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from deepdive.analysis import PARTS, SCORE_KEYS
from deepdive.store import TrendPoint

BARS = "▁▂▃▄▅▆▇█"
SCORE_LABELS = {
    "overall": "Overall",
    "technical_depth": "Technical depth",
    "decision_quality": "Decision quality",
    "ownership": "Ownership",
    "impact": "Impact",
    "structure": "Structure",
}


@dataclass(frozen=True)
class Series:
    name: str
    label: str
    values: tuple[float, ...]  # one per bucket, 0..100
    first: float
    last: float
    mean: float


@dataclass(frozen=True)
class Trend:
    attempts: int
    start: datetime | None
    end: datetime | None
    scores: tuple[Series, ...]
    parts: tuple[Series, ...]

    def to_dict(self) -> dict[str, Any]:
        """What the API and ``history trend --json`` give: each series, bucket by bucket."""
        return {
            "attempts": self.attempts,
            "scores": {s.name: list(s.values) for s in self.scores},
            "parts": {s.name: list(s.values) for s in self.parts},
        }


def _buckets(values: list[float], columns: int) -> list[float]:
    if len(values) <= columns:
        return values
    out = []
    for b in range(columns):
        lo = b * len(values) // columns
        hi = max(lo + 1, (b + 1) * len(values) // columns)
        chunk = values[lo:hi]
        out.append(sum(chunk) / len(chunk))
    return out


def _series(name: str, label: str, values: list[float], columns: int) -> Series:
    return Series(
        name,
        label,
        tuple(_buckets(values, columns)),
        values[0] if values else 0.0,
        values[-1] if values else 0.0,
        sum(values) / len(values) if values else 0.0,
    )


def build_trend(points: list[TrendPoint], columns: int = 48) -> Trend:
    scores = tuple(
        _series(k, SCORE_LABELS[k], [float(p.scores[k]) for p in points], columns)
        for k in ("overall", *[k for k in SCORE_KEYS if k != "overall"])
    )
    parts = tuple(_series(p, p, [100.0 * pt.parts[p] for pt in points], columns) for p in PARTS)
    return Trend(
        len(points),
        points[0].created_at if points else None,
        points[-1].created_at if points else None,
        scores,
        parts,
    )


def sparkline(values: tuple[float, ...]) -> str:
    return "".join(BARS[min(len(BARS) - 1, int(v / 100 * len(BARS)))] for v in values)


def _row(s: Series) -> str:
    return f"{s.label:<18} {sparkline(s.values):<48}  {s.first:>5.0f} {s.last:>5.0f} {s.mean:>5.0f}"


def render_text(trend: Trend) -> str:
    """The trend as plain text (sparklines), e.g. for the terminal."""
    if not trend.attempts:
        return "No attempts yet: run 'deepdive analyze FILE' to record one.\n"
    assert trend.start and trend.end
    lines = [
        f"{trend.attempts} attempt{'s' if trend.attempts != 1 else ''} from "
        f"{trend.start:%Y-%m-%d} to {trend.end:%Y-%m-%d}",
        "",
        f"{'score':<18} {'trend':<48}  first  last  mean",
    ]
    lines += [_row(s) for s in trend.scores]
    lines += ["", f"{'part strength':<18} {'trend':<48}  first  last  mean"]
    lines += [_row(s) for s in trend.parts]
    return "\n".join(lines) + "\n"
