"""Terminal front ends for the drill: the interactive session, ``--replies`` for scripts,
and ``deepdive followups``.

Interactive keys: type a reply over one or more lines and finish with an empty line (or
Ctrl-D); ``skip`` moves on; ``quit`` (or Ctrl-D on an empty reply) ends the session with the
summary. Bytes that are not UTF-8 are replaced, with a note, rather than ending the session.
"""

from __future__ import annotations

import json
import sys
from typing import IO, Any

from rich.console import Console
from rich.text import Text

from deepdive.drill import FAMILY_LABELS, DrillSession, PlannedQuestion, Turn
from deepdive.inputs import InputError

REPLY_LIMIT = 100_000  # bytes per reply, like the answer limit


def split_replies(text: str) -> list[str]:
    """Replies separated by lines containing only ``---``."""
    replies: list[str] = []
    current: list[str] = []
    for line in text.splitlines():
        if line.strip() == "---":
            replies.append("\n".join(current).strip())
            current = []
        else:
            current.append(line)
    if current or not replies:
        replies.append("\n".join(current).strip())
    return replies


def run_scripted(session: DrillSession, replies: list[str]) -> str | None:
    """Answer the planned questions in order; ``skip`` skips; stops when replies run out.
    Returns a note when the replies and the questions do not line up (unused replies, or
    questions left with no reply), for the user to see before anything is lost quietly."""
    for n, reply in enumerate(replies):
        if session.done:
            extra = len(replies) - n
            return (
                f"{len(session.plan)} questions were asked and {len(replies)} replies given; "
                f"the last {extra} {'reply was' if extra == 1 else 'replies were'} not used"
            )
        if reply.strip().lower() in ("skip", ""):
            session.skip()
        elif reply.strip().lower() == "quit":
            return None
        else:
            try:
                session.answer(reply)
            except InputError as exc:
                raise InputError(f"reply {len(session.turns) + 1}: {exc}") from None
    left = len(session.plan) - len(session.turns)
    if left > 0:
        return (
            f"{len(session.plan)} questions were planned and {len(replies)} replies given; "
            f"the drill stopped with {left} {'question' if left == 1 else 'questions'} unasked "
            "(separate replies with '---' lines; 'skip' passes a question)"
        )
    return None


def _label(family: str) -> str:
    return FAMILY_LABELS["probes" if family.startswith("probe:") else family]


def print_turn(console: Console, turn: Turn) -> None:
    fb = turn.feedback()
    for good in fb["good"]:
        console.print(Text(f"  ✓ {good}", style="green"))
    for c in turn.checks:
        if not c.passed:
            console.print(Text(f"  ✗ {c.message}", style="red"))
            for quote in c.evidence[:3]:
                # a sentence is quoted; a finding that already quotes both sides is not
                shown = quote if "“" in quote else f"“{quote}”"
                console.print(Text(f"      {shown}", style="italic"))
    console.print(Text(f"  → {fb['stronger']}", style="bold"))


def print_summary(console: Console, summary: dict[str, Any]) -> None:
    console.print(Text("\nDrill summary", style="bold"))
    left = summary.get("not_reached", 0)
    console.print(
        f"Asked {summary.get('asked', 0)}, answered {summary.get('answered', 0)}, "
        f"skipped {summary.get('skipped', 0)}" + (f"; {left} not reached." if left else ".")
    )
    for family, row in (summary.get("families") or {}).items():
        checks = (
            f"{row.get('checks_passed', 0)}/{row['checks']} checks passed"
            if row.get("checks")
            else "no checks"
        )
        label = FAMILY_LABELS.get(family, family)
        console.print(
            f"  {label:<32} {row.get('answered', 0)}/{row.get('asked', 0)} answered, {checks}"
        )
    if summary.get("rehearse"):
        console.print(Text("Rehearse next:", style="bold"))
        for item in summary["rehearse"]:
            console.print(Text(f"  • {item}"))


def print_question(console: Console, n: int, total: int, q: PlannedQuestion) -> None:
    console.print(Text(f"\nQ{n}/{total} · {_label(q.family)}", style="bold cyan"))
    console.print(Text(q.question))
    console.print(Text(f"(why they ask: {q.because})", style="dim"))


def read_reply(stream: IO[bytes], console: Console) -> tuple[str | None, bool]:
    """Read one multi-line reply. Returns (text, eof); text None means Ctrl-D on nothing.
    "skip" or "quit" as the first line is taken at once, with no empty line after it."""
    lines: list[str] = []
    size = 0
    warned = False
    while True:
        raw = stream.readline()
        if not raw:
            return ("\n".join(lines) if lines else None), True
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            line = raw.decode("utf-8", errors="replace")
            if not warned:
                console.print(
                    Text("  (some bytes were not UTF-8 and were replaced)", style="yellow")
                )
                warned = True
        line = line.rstrip("\r\n")
        if not lines and line.strip().lower() in ("skip", "quit"):
            return line.strip(), False  # a command on its own line needs no empty line after
        if not line.strip():
            if lines:
                return "\n".join(lines), False
            return "", False
        size += len(raw)
        if size > REPLY_LIMIT:
            console.print(Text("  (reply cut at 100 KB)", style="yellow"))
            return "\n".join(lines), False
        lines.append(line)


def run_interactive(session: DrillSession, stream: IO[bytes], console: Console) -> None:
    a = session.analysis
    # what the planned probes are about: the overview's findings and its domain's questions
    probed = dict.fromkeys(
        q.family.removeprefix("probe:") for q in session.plan if q.family.startswith("probe:")
    )
    probes = ", ".join(probed) or "none"
    console.print(Text("Overview verdict", style="bold"))
    console.print(f"Overall {a.score('overall')}/100 · {a.words} words · probes: {probes}")
    console.print(
        Text(
            "Answer each question; finish with an empty line. "
            "Type 'skip' to move on, 'quit' to stop.",
            style="dim",
        )
    )
    total = len(session.plan)
    after_command = False
    while not session.done:
        q = session.current()
        assert q is not None
        print_question(console, len(session.turns) + 1, total, q)
        console.print(Text("> ", style="bold"), end="")
        reply, eof = read_reply(stream, console)
        while reply == "" and after_command and not eof:
            # the empty line a candidate adds after "skip", out of habit, skips nothing more
            after_command = False
            reply, eof = read_reply(stream, console)
        if reply is None:
            session.stop()  # Ctrl-D on an empty reply ends the drill, like quit
            break
        command = reply.strip().lower()
        after_command = command == "skip"
        if command == "quit":
            session.stop()
            break
        if command in ("skip", ""):
            session.skip()
            console.print(Text("  (skipped)", style="dim"))
        else:
            try:
                print_turn(console, session.answer(reply))
            except InputError as exc:
                console.print(Text(f"  {exc}; try again, or type skip", style="yellow"))
        if eof and not _goes_on_after_eof(stream):
            break  # a file or a pipe has nothing more to give
    print_summary(console, session.summary())


def _goes_on_after_eof(stream: IO[bytes]) -> bool:
    """Whether reading goes on after an end of input: in a terminal, Ctrl-D after a reply
    only finishes that reply (Ctrl-D on an empty reply ends the drill)."""
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def drill_json(session: DrillSession) -> str:
    return json.dumps(session.to_dict(), ensure_ascii=False, indent=2)


def parse_families(value: str | None) -> list[str] | None:
    if not value:
        return None
    allowed = {*FAMILY_LABELS}
    names = [v.strip() for v in value.split(",") if v.strip()]
    bad = [n for n in names if n not in allowed]
    if bad:
        raise ValueError(f"unknown family {bad[0]!r}; choose from {', '.join(sorted(allowed))}")
    return names


def stdin_bytes() -> IO[bytes]:
    return sys.stdin.buffer
