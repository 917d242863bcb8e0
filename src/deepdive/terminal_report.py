"""The terminal report for one analysis (rich): scores, time per part, the answer marked by
part, findings with quoted evidence and fixes, and the follow-ups to prepare."""

from __future__ import annotations

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from deepdive.analysis import PARTS, Analysis
from deepdive.settings import settings

PART_STYLE = {
    "hook": "bold magenta",
    "problem": "bold blue",
    "data": "bold cyan",
    "modeling": "bold green",
    "evaluation": "bold yellow",
    "reflection": "bold red",
    "none": "dim",
    "interviewer": "dim italic",
}
SCORE_LABELS = {
    "overall": "Overall",
    "technical_depth": "Technical depth",
    "decision_quality": "Decision quality",
    "ownership": "Ownership",
    "impact": "Impact",
    "structure": "Structure",
}
VERDICT_TEXT = {
    "calibrated": "calibrated — clear about what you did and what others did",
    "overclaim": "overclaim — more is claimed than one person plausibly did",
    "underclaim": "underclaim — your own part is hard to tell apart",
    "unclear": "unclear — no speaker to judge (impersonal write-up)",
}


def clock(seconds: float) -> str:
    s = round(seconds)
    return f"{s // 60}:{s % 60:02d}"


def _bar(value: float, total: float, width: int) -> str:
    filled = 0 if total <= 0 else min(width, round(width * value / total))
    return "█" * filled + "·" * (width - filled)


def _quote(text: str, limit: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def build_report(a: Analysis) -> Group:
    """The report as rich renderables."""
    low, high = settings().target_seconds
    items: list[Text | Table] = []
    head = Text()
    head.append("deepdive", style="bold")
    head.append(
        f" · {a.words} words · about {clock(a.spoken_seconds)} spoken"
        f" (target {clock(low)}–{clock(high)})"
    )
    items.append(head)

    scores = Table(show_header=False, box=None, padding=(0, 1))
    for key, label in SCORE_LABELS.items():
        value = a.score(key)
        scores.add_row(label, f"{value:>3}", _bar(value, 100, 20))
    items.append(Text("\nScores", style="bold"))
    items.append(scores)

    items.append(Text("\nParts and time", style="bold"))
    parts = Table(show_header=False, box=None, padding=(0, 1))
    for name in PARTS:
        p = a.part(name)
        mark = "✓" if p.present else "✗"
        parts.add_row(
            Text(f"{mark} {name}", style=PART_STYLE[name] if p.present else "dim"),
            _bar(p.seconds, high / 3, 15),
            # present but said only inside sentences about other parts, as the web page says
            "in passing" if p.present and p.seconds < 1 else f"{p.seconds:>5.0f}s",
        )
    items.append(parts)
    lead = "yes" if a.leads_with_result else "no"
    items.append(Text(f"Result figure in the first 15 seconds: {lead}"))
    items.append(Text(f"Ownership: {VERDICT_TEXT[a.ownership.verdict]}"))
    if a.audio is not None:
        fillers = ", ".join(f"{t} at {clock(at)}" for t, at in a.audio.fillers[:6]) or "none"
        pauses = ", ".join(f"{b - p:.1f} s at {clock(p)}" for p, b in a.audio.pauses[:6]) or "none"
        items.append(
            Text(
                f"Delivery: {clock(a.audio.duration)} recorded · {a.audio.wpm:.0f} words a minute"
                f" · fillers: {len(a.audio.fillers)} ({fillers}) · long pauses: {pauses}"
            )
        )

    items.append(Text("\nYour answer, sentence by sentence", style="bold"))
    for s in a.sentences:
        line = Text()
        if s.t0 is not None:
            line.append(f"{clock(s.t0)} ", style="dim")
        label = "interviewer" if s.speaker == "interviewer" else s.part
        line.append(f"[{label}] ", style=PART_STYLE[label])
        line.append(" ".join(s.text.split()), style="dim" if label == "interviewer" else "")
        items.append(line)

    items.append(Text("\nFindings", style="bold"))
    if not a.findings:
        items.append(Text("No findings: every part is there and nothing looks off."))
    for f in a.findings:
        title = Text()
        title.append(
            "✗ " if f.severity == "major" else "• ",
            style="red" if f.severity == "major" else "yellow",
        )
        title.append(f"{f.id}", style="bold")
        title.append(f" ({f.severity}, {f.part}) {f.message}")
        items.append(title)
        for i in f.sentences[:3]:
            items.append(Text(f"    “{_quote(a.sentences[i].text)}”", style="italic"))
        items.append(Text(f"    Fix: {f.fix}"))

    items.append(Text("\nFollow-ups to prepare", style="bold"))
    for n, q in enumerate(a.followups, 1):
        items.append(Text(f"{n}. {q.question}"))
        items.append(Text(f"   why: {q.because}", style="dim"))
    return Group(*items)


def render_text(a: Analysis, width: int = 100) -> str:
    """The report as plain text at a fixed width (used by tests and pipes)."""
    console = Console(width=width, color_system=None, force_terminal=False, record=True)
    with console.capture() as capture:
        console.print(build_report(a))
    return capture.get()


def print_report(a: Analysis, console: Console) -> None:
    console.print(build_report(a))
