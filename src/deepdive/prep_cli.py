"""``deepdive prep`` (write a fact sheet, interactively or from a template), ``deepdive story``
(show, export, list, delete) and ``deepdive retell`` (check a retelling against the sheet)."""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from pathlib import Path
from typing import IO

from deepdive.factsheet import (
    PERSONAS,
    FactSheet,
    markdown_template,
    name_problem,
    nudge,
    parse_template,
    spec,
)
from deepdive.history_cli import confirm
from deepdive.inputs import not_a_file
from deepdive.output_files import write_whole, write_with
from deepdive.store import Store
from deepdive.story import (
    check_retelling,
    render_html,
    render_json,
    render_markdown,
    render_text,
    write_anki,
)


class StoryUsageError(Exception):
    """Bad story arguments (exit status 2)."""


def load_sheet(store: Store, name: str) -> FactSheet:
    try:
        persona, entries = store.get_fact_sheet(name)
    except KeyError:
        names = [n for n, _, _ in store.list_fact_sheets()]
        close = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
        hint = (
            f"did you mean {close[0]!r}?"
            if close
            else f"the fact sheets are: {', '.join(names)}"
            if names
            else f"write one with 'deepdive prep {name}'"
        )
        raise StoryUsageError(f"no fact sheet called {name!r}; {hint}") from None
    return FactSheet(name, persona, entries)


class LineReader:
    """Single lines from a byte stream; bytes that are not UTF-8 are replaced."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.eof = False

    def read(self) -> str | None:
        raw = self.stream.readline()
        if not raw:
            self.eof = True
            return None
        return raw.decode("utf-8", errors="replace").rstrip("\r\n")


def interactive(
    store: Store, name: str, persona: str | None, stream: IO[bytes], out: IO[str]
) -> int:
    try:
        current = load_sheet(store, name)
        out.write(f"Editing the fact sheet {name!r}. Press Enter to keep an entry.\n")
        new = False
    except StoryUsageError:
        current = FactSheet(name, persona or "team")
        out.write(f"A new fact sheet for {name!r}.\n")
        new = True
    reader = LineReader(stream)
    # answers piped in come one per prompt: a nudge then only advises, or it would take the
    # next prompt's answer for a better version of this one
    at_a_terminal = _is_terminal(stream)
    if persona is None:
        out.write(f"Which describes you? team / switcher / solo [{current.persona}]: ")
        out.flush()
        answer = (reader.read() or "").strip().lower()
        if answer in PERSONAS:
            current.persona = answer
        elif answer:
            out.write(f"  (unknown persona {answer!r}; keeping {current.persona})\n")
    else:
        current.persona = persona
    s = spec()
    title, advice = s.personas[current.persona]
    out.write(f"\n{title}:\n" + "".join(f"  - {a}\n" for a in advice))
    out.write("\nAnswer each prompt on one line. 'skip' leaves it; 'quit' saves and stops.\n")
    last_part = None
    stopped = False
    for f in s.for_persona(current.persona):
        if f.part != last_part:
            heading = (
                s.parts[f.part][1]
                if f.part in s.parts
                else {
                    "prep": "Two follow-ups to prepare",
                    "ownership": "Ownership — yours and the team's",
                }[f.part]
            )
            out.write(f"\n== {heading} ==\n")
            last_part = f.part
        out.write(f"\n{f.prompt}\n  strong: {f.strong}\n  weak:   {f.weak}\n")
        if current.get(f.key):
            out.write(f"  [now: {current.get(f.key)}]\n")
        out.write("> ")
        out.flush()
        line = reader.read()
        if line is None or line.strip().lower() == "quit":
            stopped = True
            break
        if line.strip().lower() == "skip" or not line.strip():
            continue
        current.entries[f.key] = line.strip()
        message = nudge(f.key, line)
        if message and not at_a_terminal:
            out.write(f"  ! {message}\n")
        elif message:
            out.write(f"  ! {message}\n  Enter keeps it, or type a better version:\n> ")
            out.flush()
            better = reader.read()
            if better is None:
                stopped = True
                break
            if better.strip() and better.strip().lower() not in ("skip", "quit"):
                current.entries[f.key] = better.strip()
                again = nudge(f.key, better)
                out.write(f"  ! still: {again}\n" if again else "  ✓ better.\n")
            elif better.strip().lower() == "quit":
                stopped = True
                break
        else:
            out.write("  ✓\n")
    if new and not current.entries:
        out.write(f"\nNothing was written, so no fact sheet {name!r} was saved.\n")
        return 1
    store.save_fact_sheet(current.name, current.persona, current.entries)
    out.write(f"\nSaved the fact sheet {name!r}{' (stopped early)' if stopped else ''}.\n\n")
    out.write(render_text(current))
    return 0


def _is_terminal(stream: IO[bytes]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or unusual stream
        return False


def cmd_prep(store: Store, args: argparse.Namespace, stream: IO[bytes]) -> int:
    if args.template:
        sys.stdout.write(markdown_template(args.name or "my-project", args.persona or "team"))
        return 0
    if not args.name and not args.from_file:
        raise StoryUsageError("give a project name, or --from FILE, or --template")
    if args.from_file:
        path = Path(args.from_file)
        problem = not_a_file(args.from_file)
        if problem:
            raise StoryUsageError(problem)
        sheet = parse_template(path.read_bytes().decode("utf-8-sig", errors="strict"), path.name)
        if args.name:
            sheet.name = args.name
        if args.persona:
            sheet.persona = args.persona
        _check_name(sheet.name)
        if not any(v.strip() for v in sheet.entries.values()):
            raise StoryUsageError(
                f"{path.name} fills in none of the fact sheet's entries; nothing was saved "
                "(write your answers under the template's headings first)"
            )
        if not _may_replace(store, sheet, args.yes):
            sys.stderr.write(
                f"deepdive: the fact sheet {sheet.name!r} was kept as it was "
                "(replace it with --yes, or save this one under another name: "
                "'deepdive prep OTHER-NAME --from FILE')\n"
            )
            return 1
        store.save_fact_sheet(sheet.name, sheet.persona, sheet.entries)
        sys.stdout.write(f"Saved the fact sheet {sheet.name!r}.\n\n")
        sys.stdout.write(render_text(sheet))
        return 0
    _check_name(args.name)
    return interactive(store, args.name, args.persona, stream, sys.stdout)


def _check_name(name: str) -> None:
    problem = name_problem(name)
    if problem:
        raise StoryUsageError(f"{problem[0].lower()}{problem[1:].rstrip('.')}: {name[:60]!r}")


def _may_replace(store: Store, sheet: FactSheet, yes: bool) -> bool:
    """A different sheet already saved under this name is replaced only when the user says so."""
    try:
        persona, entries = store.get_fact_sheet(sheet.name)
    except KeyError:
        return True
    if (persona, entries) == (sheet.persona, sheet.entries) or yes:
        return True
    return confirm(f"Replace the saved fact sheet {sheet.name!r} with this file's?")


def cmd_story(store: Store, args: argparse.Namespace) -> int:
    action = args.story_command or "list"
    if action == "list":
        sheets = store.list_fact_sheets()
        if not sheets:
            sys.stdout.write("No fact sheets yet: run 'deepdive prep NAME'.\n")
        for name, persona, updated in sheets:
            sys.stdout.write(f"{name:<30} {persona:<9} updated {updated:%Y-%m-%d %H:%M}\n")
        return 0
    sheet = load_sheet(store, args.name)
    if action == "show":
        sys.stdout.write(render_json(sheet) if args.json else render_text(sheet))
        return 0
    if action == "delete":
        if not args.yes and not confirm(f"Delete the fact sheet {args.name!r}?"):
            sys.stderr.write("deepdive: nothing deleted (confirm with --yes)\n")
            return 1
        store.delete_fact_sheet(args.name)
        sys.stdout.write(f"Deleted the fact sheet {args.name!r}.\n")
        return 0
    fmt = args.format
    if fmt == "anki":
        if args.output == "-":
            raise StoryUsageError("an Anki deck needs --output FILE.apkg")
        counted: list[int] = []
        write_with(args.output, lambda tmp: counted.append(write_anki(sheet, tmp)), ".apkg")
        count = counted[0]
        sys.stdout.write(f"Wrote {count} cards to {args.output}\n")
        return 0
    text = {"md": render_markdown, "html": render_html, "json": render_json}[fmt](sheet)
    if args.output == "-":
        sys.stdout.write(text)
    else:
        write_whole(args.output, text)
        sys.stdout.write(f"Wrote {args.output}\n")
    return 0


def cmd_retell(store: Store, args: argparse.Namespace, text: str) -> int:
    sheet = load_sheet(store, args.project)
    report = check_retelling(sheet, text)
    if args.json:
        sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return 0
    sys.stdout.write(render_retelling(report))
    return 0


def render_retelling(report: object) -> str:
    from deepdive.story import Retelling

    assert isinstance(report, Retelling)
    changed = f", {len(report.changed)} changed" if report.changed else ""
    lines = [
        f"Retelling check: {_facts(len(report.covered))} covered, {len(report.dropped)} dropped"
        f"{changed}."
    ]
    for key, fact, _ in report.covered:
        lines.append(f"  ✓ {key}: {fact}")
    for key, fact in report.dropped:
        lines.append(f"  ✗ dropped {key}: {fact}")
    for c in report.drift:
        lines.append(f"  ! drift ({c.kind}): {c.message}")
        lines.append(f"      fact sheet: “{c.overview_quote}”")
        lines.append(f"      retelling:  “{c.reply_quote}”")
    return "\n".join(lines) + "\n"


def _facts(n: int) -> str:
    return f"{n} fact" if n == 1 else f"{n} facts"
