"""A Markdown report for one analysis, to paste into notes or a pull request."""

from __future__ import annotations

from deepdive.analysis import PARTS, Analysis
from deepdive.terminal_report import SCORE_LABELS, VERDICT_TEXT


def _escape(text: str) -> str:
    out = " ".join(text.split())
    for ch in ("\\", "*", "_", "`", "[", "]", "<", ">", "|"):
        out = out.replace(ch, "\\" + ch)
    return out


def render_markdown(a: Analysis) -> str:
    lines = ["# deepdive report", ""]
    lines.append(f"{a.words} words, about {a.spoken_seconds:.0f} seconds spoken.")
    lines += ["", "## Scores", "", "| score | value |", "|---|---|"]
    lines += [f"| {label} | {a.score(key)} |" for key, label in SCORE_LABELS.items()]
    lines += ["", "## Parts", "", "| part | present | strength | seconds |", "|---|---|---|---|"]
    for name in PARTS:
        p = a.part(name)
        lines.append(
            f"| {name} | {'yes' if p.present else 'no'} | {p.strength:.2f} | "
            f"{'in passing' if p.present and p.seconds < 1 else f'{p.seconds:.0f}'} |"
        )
    lines += ["", f"Ownership: {VERDICT_TEXT[a.ownership.verdict]}.", ""]
    if a.audio is not None:
        lines.append(
            f"Delivery: {a.audio.duration:.0f} s recorded, {a.audio.wpm:.0f} words a minute, "
            f"{len(a.audio.fillers)} fillers, {len(a.audio.pauses)} long pauses."
        )
        lines.append("")
    lines += ["## Answer", ""]
    lines += [
        f"- **{'interviewer' if s.speaker == 'interviewer' else s.part}** — {_escape(s.text)}"
        for s in a.sentences
    ]
    lines += ["", "## Findings", ""]
    if not a.findings:
        lines.append("No findings.")
    for f in a.findings:
        lines.append(f"### {f.id} ({f.severity})")
        lines += ["", _escape(f.message), ""]
        lines += [f"> {_escape(a.sentences[i].text)}" for i in f.sentences[:3]]
        if f.sentences:
            lines.append("")
        lines += [f"**Fix:** {_escape(f.fix)}", ""]
    lines += ["## Follow-ups to prepare", ""]
    lines += [
        f"{n}. {_escape(q.question)} _({_escape(q.because)})_" for n, q in enumerate(a.followups, 1)
    ]
    return "\n".join(lines).rstrip() + "\n"
