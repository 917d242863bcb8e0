"""``deepdive history``, ``deepdive export`` and ``deepdive import``."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from deepdive.output_files import write_whole, write_with
from deepdive.store import Store

if TYPE_CHECKING:
    from rich.console import Console


class HistoryUsageError(Exception):
    """Bad history arguments (exit status 2)."""


def parse_date(value: str | None, end: bool = False) -> datetime | None:
    """YYYY-MM-DD (or a full ISO date-time); an end date includes its whole day."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise HistoryUsageError(f"not a date: {value!r} (use YYYY-MM-DD)") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    if end and len(value) == 10:
        parsed += timedelta(days=1)
    return parsed


def cmd_list(store: Store, args: argparse.Namespace) -> int:
    if args.limit is not None and args.limit < 1:
        raise HistoryUsageError("--limit must be at least 1")
    rows = store.list_attempts(
        project=args.project,
        since=parse_date(args.since),
        until=parse_date(args.until, end=True),
        question=args.question,
        limit=args.limit,
    )
    drilled = Counter(d["attempt_uid"] for d in store.list_drills() if _has_turns(d))
    if args.json:
        payload = [{**r.summary(), "drills": drilled.get(r.uid, 0)} for r in rows]
        sys.stdout.write(json.dumps(payload, indent=2) + "\n")
        return 0
    if not rows:
        sys.stdout.write("No attempts match. Run 'deepdive analyze FILE' to record one.\n")
        return 0
    sys.stdout.write(
        f"{'id':>5}  {'when (UTC)':<16}  {'overall':>7}  {'words':>5}  {'drills':>6}  "
        "project  tags\n"
    )
    for r in rows:
        tags = " ".join(f"#{t}" for t in r.tags)
        sys.stdout.write(
            f"{r.id:>5}  {r.created_at:%Y-%m-%d %H:%M}  {r.scores['overall']:>7}  "
            f"{r.words:>5}  {drilled.get(r.uid, 0) or '-':>6}  {r.project or '-'}"
            f"{'  ' + tags if tags else ''}\n"
        )
    return 0


def cmd_show(store: Store, args: argparse.Namespace, width: int | None) -> int:
    try:
        row, _text, analysis = store.get_attempt(args.id)
    except KeyError:
        raise HistoryUsageError(f"no attempt with id {args.id}") from None
    if args.json:
        sys.stdout.write(analysis.to_json() + "\n")
        return 0
    from rich.console import Console

    from deepdive.terminal_report import print_report

    sys.stdout.write(
        f"Attempt {row.id} · {row.created_at:%Y-%m-%d %H:%M} UTC · project {row.project or '-'}\n"
        f"Question: {row.question}\n\n"
    )
    console = Console(width=width, highlight=False)
    print_report(analysis, console)
    for drill in store.list_drills(row.uid):
        if _has_turns(drill):
            _print_drill(console, drill)
    return 0


def _has_turns(drill: dict[str, Any]) -> bool:
    """A drill with at least one question asked (one started on the web and left is not)."""
    turns = drill["payload"].get("turns") if isinstance(drill["payload"], dict) else None
    return bool(turns) and isinstance(turns, list)


def _print_drill(console: Console, drill: dict[str, Any]) -> None:
    """A saved drill on this attempt: each question, the reply and what it missed."""
    from rich.text import Text

    from deepdive.drill_cli import print_summary

    payload = drill["payload"]
    console.print(Text(f"\nDrill of {drill['created_at']:%Y-%m-%d %H:%M} UTC", style="bold"))
    for n, turn in enumerate(payload.get("turns", []), 1):
        if not isinstance(turn, dict):
            continue
        console.print(Text(f"Q{n}. {turn.get('question', '')}", style="bold cyan"))
        if turn.get("skipped"):
            console.print(Text("  (skipped)", style="dim"))
            continue
        console.print(Text(f"  {turn.get('reply', '')}"))  # as typed: brackets are no markup
        for check in turn.get("checks") or []:
            if isinstance(check, dict) and not check.get("passed", True):
                console.print(Text(f"  ✗ {check.get('message', '')}", style="red"))
    if payload.get("summary"):
        print_summary(console, payload["summary"])


def confirm(prompt: str) -> bool:
    """Ask a yes/no question on the terminal; no terminal (a pipe, a script) means no."""
    if not sys.stdin.isatty():
        return False
    try:
        return input(f"{prompt} [y/N] ").strip().lower() in ("y", "yes")
    except EOFError:
        return False


def cmd_delete(store: Store, args: argparse.Namespace) -> int:
    if args.all and args.id is not None:
        raise HistoryUsageError("give an attempt id or --all, not both")
    if args.all:
        count = store.count_attempts()
        if not args.yes and not confirm(f"Delete all {count} attempts and their drills?"):
            sys.stderr.write("deepdive: nothing deleted (confirm with --yes)\n")
            return 1
        sys.stdout.write(f"Deleted {store.delete_all()} attempts.\n")
        return 0
    if args.id is None:
        raise HistoryUsageError("give an attempt id, or --all")
    try:
        store.get_attempt(args.id)
    except KeyError:
        raise HistoryUsageError(f"no attempt with id {args.id}") from None
    if not args.yes and not confirm(f"Delete attempt {args.id}?"):
        sys.stderr.write("deepdive: nothing deleted (confirm with --yes)\n")
        return 1
    store.delete_attempt(args.id)
    sys.stdout.write(f"Deleted attempt {args.id}.\n")
    return 0


def cmd_trend(store: Store, args: argparse.Namespace) -> int:
    from deepdive.trend import build_trend, render_text

    trend = build_trend(store.trend(project=args.project))
    if args.json:
        sys.stdout.write(json.dumps(trend.to_dict(), indent=2) + "\n")
    elif not trend.attempts and args.project is not None:
        sys.stdout.write(
            f"No attempts for the project {args.project!r}; 'deepdive history' lists them all.\n"
        )
    else:
        sys.stdout.write(render_text(trend))
    if args.svg:
        from deepdive.svg_chart import trend_svg

        write_whole(args.svg, trend_svg(trend))
        _said(args, f"Wrote {args.svg}\n")
    if args.png:
        from deepdive.svg_chart import trend_png

        try:
            write_with(args.png, lambda tmp: trend_png(trend, tmp), suffix=".png")
        except RuntimeError as exc:
            raise HistoryUsageError(str(exc)) from None
        _said(args, f"Wrote {args.png}\n")
    return 0


def _said(args: argparse.Namespace, line: str) -> None:
    """A note for the user: on stderr when stdout carries JSON, so the JSON stays whole."""
    (sys.stderr if getattr(args, "json", False) else sys.stdout).write(line)


def cmd_export(store: Store, args: argparse.Namespace) -> int:
    from deepdive.transfer import export_data

    text = json.dumps(export_data(store), ensure_ascii=False, indent=2) + "\n"
    if args.file == "-":
        sys.stdout.write(text)
    else:
        write_whole(args.file, text)
        sys.stdout.write(f"Exported to {args.file}\n")
    return 0


def _count(n: int, noun: str) -> str:
    """``n`` and ``noun``, plural unless ``n`` is 1 ("1 fact sheet", "2 drill sessions")."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def cmd_import(store: Store, args: argparse.Namespace) -> int:
    from deepdive.transfer import import_data, parse_export

    raw = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        from deepdive.transfer import TransferError

        raise TransferError("the file is not UTF-8 text") from None
    result = import_data(store, parse_export(text))
    counts = [
        (result.attempts_added, result.attempts_skipped, "attempt"),
        (result.drills_added, result.drills_skipped, "drill session"),
        (result.sheets_added, result.sheets_skipped, "fact sheet"),
        (result.questions_added, result.questions_skipped, "question"),
        (result.practice_added, result.practice_skipped, "practice result"),
    ]
    said = [f"{_count(n, noun)} ({skipped} already there)" for n, skipped, noun in counts]
    sys.stdout.write(f"Imported {', '.join(said[:-1])} and {said[-1]}.\n")
    for theirs, saved in result.sheets_renamed:
        why = (
            f"A different fact sheet called {theirs!r} was already here"
            if theirs.replace("/", "-") != saved
            else f"A project name cannot contain a slash ({theirs!r})"
        )
        sys.stdout.write(f"{why}: the imported one is saved as {saved!r}.\n")
    return 0
