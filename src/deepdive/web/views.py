"""Turn analysis records into what the templates show (no HTML building with user text here:
templates escape everything; the SVG helpers escape their labels)."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from deepdive.analysis import PARTS, Analysis
from deepdive.palette import PART_COLOURS
from deepdive.settings import settings
from deepdive.terminal_report import SCORE_LABELS, VERDICT_TEXT


@dataclass(frozen=True)
class Piece:
    """A run of the answer: a sentence with its part, or the text between sentences."""

    text: str
    part: str | None
    index: int | None
    confidence: float | None
    t0: float | None = None


def pieces(text: str, analysis: Analysis) -> list[Piece]:
    out: list[Piece] = []
    pos = 0
    for s in analysis.sentences:
        if s.start > pos:
            out.append(Piece(text[pos : s.start], None, None, None))
        part = "interviewer" if s.speaker == "interviewer" else s.part
        out.append(Piece(text[s.start : s.end], part, s.i, s.confidence, s.t0))
        pos = s.end
    if pos < len(text):
        out.append(Piece(text[pos:], None, None, None))
    return out


def time_bar_svg(analysis: Analysis, width: int = 600) -> str:
    """A stacked bar of seconds per part against the 2-3 minute target, with a text legend."""
    low, high = settings().target_seconds
    scale_max = max(high * 1.25, analysis.spoken_seconds)
    px = width / scale_max
    x = 0.0
    rects = []
    for name in PARTS:
        seconds = analysis.part(name).seconds
        if seconds <= 0:
            continue
        w = seconds * px
        rects.append(
            f'<rect x="{x:.1f}" y="10" width="{w:.1f}" height="22" fill="{PART_COLOURS[name]}">'
            f"<title>{escape(name)}: {seconds:.0f} s</title></rect>"
        )
        x += w
    other = analysis.spoken_seconds - sum(analysis.part(p).seconds for p in PARTS)
    if other > 0:
        rects.append(
            f'<rect x="{x:.1f}" y="10" width="{other * px:.1f}" height="22" '
            f'fill="{PART_COLOURS["none"]}"><title>other: {other:.0f} s</title></rect>'
        )
    marks = "".join(
        f'<line x1="{t * px:.1f}" y1="4" x2="{t * px:.1f}" y2="38" stroke="#212529" '
        f'stroke-dasharray="3,2"/><text x="{t * px + 3:.1f}" y="50" font-size="11" '
        f'font-family="sans-serif">{int(t // 60)}:{int(t % 60):02d}</text>'
        for t in (low, high)
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="56" '
        f'viewBox="0 0 {width} 56" role="img" aria-label="time per part">'
        f'<rect x="0" y="10" width="{width}" height="22" fill="#f1f3f5"/>{"".join(rects)}'
        f"{marks}</svg>"
    )


def score_cards(analysis: Analysis) -> list[tuple[str, str, int]]:
    return [(key, label, analysis.score(key)) for key, label in SCORE_LABELS.items()]


def verdict_text(analysis: Analysis) -> str:
    return VERDICT_TEXT[analysis.ownership.verdict]
