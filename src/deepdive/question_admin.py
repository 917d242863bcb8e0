"""``deepdive bank add|import|export|delete``: manage the questions you were really asked."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from deepdive.bank import ROUNDS
from deepdive.bank_cli import BankFailure, BankUsageError, read_path
from deepdive.history_cli import confirm
from deepdive.inputs import not_a_file
from deepdive.output_files import OutputError, write_whole
from deepdive.question_files import QuestionFileError, format_of, read_questions, write_questions
from deepdive.user_questions import (
    Draft,
    DraftError,
    Outcome,
    add_drafts,
    check_is_question,
    delete_user_question,
    list_user_questions,
)


def _ask(stdin: IO[str], prompt: str) -> str:
    sys.stderr.write(prompt)
    sys.stderr.flush()
    line = stdin.readline()
    if not line:
        raise BankFailure("input ended before the question was complete; nothing was saved")
    return line.strip()


def _ask_list(stdin: IO[str], prompt: str) -> list[str]:
    items: list[str] = []
    while True:
        item = _ask(stdin, prompt)
        if not item:
            return items
        items.append(item)


def interactive_draft(stdin: IO[str]) -> Draft:
    """Ask for each field in turn; empty answers keep the default."""
    text = _ask(stdin, "Question: ")
    while not text:
        text = _ask(stdin, "The question cannot be empty. Question: ")
    round_name = _ask(stdin, f"Round ({', '.join(ROUNDS)}; empty to guess): ") or None
    company = _ask(stdin, "Company (empty if none): ") or None
    asked = _ask(stdin, "Date asked, e.g. 2026-05 (empty if unknown): ") or None
    topics = _ask(stdin, "Topics, separated by commas (empty for none): ")
    return Draft(
        text=text,
        round=round_name,
        company=company,
        asked_on=asked,
        topics=[t.strip() for t in topics.split(",") if t.strip()],
        key_points=_ask_list(stdin, "Key point (empty line to finish): "),
        follow_ups=_ask_list(stdin, "Follow-up (empty line to finish): "),
    )


def _report(outcomes: list[Outcome], as_json: bool) -> None:
    if as_json:
        rows = [
            {
                "action": o.action,
                "id": o.question_id,
                "text": o.text,
                "key_points_added": o.added_points,
                "follow_ups_added": o.added_follow_ups,
                "not_added": o.ignored,  # given for a shipped question, which keeps its own
            }
            for o in outcomes
        ]
        sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
        return
    for o in outcomes:
        verb = "Added" if o.action == "added" else "Reported again"
        sys.stdout.write(f"{verb}: {o.question_id}  {o.text}\n")
        added = [
            f"{n} {what}{'s' if n != 1 else ''}"
            for n, what in ((o.added_points, "key point"), (o.added_follow_ups, "follow-up"))
            if n
        ]
        if added:
            sys.stdout.write(f"  added to it: {' and '.join(added)}\n")
        if o.ignored:
            sys.stdout.write(
                f"  {o.question_id} is a bank question with its own key points and follow-ups; "
                "the ones you gave were not added\n"
            )


def run_admin(
    command: str, args: argparse.Namespace, store_factory: Callable[[], Any], stdin: IO[str]
) -> int:
    if command == "add":
        if args.text is None:
            if not stdin.isatty():
                raise BankUsageError("give the question with --text, or run in a terminal")
            draft = interactive_draft(stdin)
        else:
            draft = Draft(
                text=args.text,
                round=args.round_name,
                topics=list(args.topic),
                difficulty=args.difficulty,
                company=args.company,
                asked_on=args.asked,
                source=args.source,
                key_points=list(args.key_point),
                follow_ups=list(args.follow_up),
            )
        try:
            check_is_question(draft.text)
            outcomes = add_drafts(store_factory(), [draft])
        except DraftError as exc:
            raise BankFailure(f"cannot add this question: {str(exc).split(': ', 1)[-1]}") from None
        _report(outcomes, args.json)
        return 0
    if command == "import":
        problem = not_a_file(args.file)
        if problem:
            raise BankUsageError(problem)
        try:
            format_of(args.file)
            drafts = read_questions(read_path(args.file), args.file)
        except QuestionFileError as exc:
            for problem in exc.problems:
                sys.stderr.write(f"deepdive: {problem}\n")
            raise BankFailure(
                f"{args.file} has {len(exc.problems)} problem(s); nothing was imported"
            ) from None
        if args.dry_run:
            sys.stdout.write(f"{args.file}: {len(drafts)} questions look fine (dry run)\n")
            return 0
        outcomes = add_drafts(store_factory(), drafts)
        _report(outcomes, args.json)
        if not args.json:
            added = sum(o.action == "added" for o in outcomes)
            sys.stdout.write(f"{added} added, {len(outcomes) - added} reported again\n")
        return 0
    if command == "export":
        questions = list_user_questions(store_factory())
        fmt = {"md": "markdown"}.get(args.format, args.format)
        body = write_questions(questions, fmt)
        if args.output == "-":
            sys.stdout.write(body)
        else:
            _write_whole(Path(args.output), body)
            sys.stderr.write(f"Wrote {len(questions)} questions to {args.output}\n")
        return 0
    if command == "delete":
        store = store_factory()
        mine = {q.id: q for q in list_user_questions(store)}
        if args.id not in mine:
            raise BankUsageError(f"no question of yours with id {args.id!r} (ids look like my-3)")
        if not args.yes and not confirm(f"Delete {args.id} ({mine[args.id].text!r})?"):
            raise BankFailure("nothing deleted (confirm with --yes)")
        delete_user_question(store, args.id)
        sys.stdout.write(f"Deleted {args.id}\n")
        return 0
    raise BankUsageError(f"unknown bank command {command!r}")


def _write_whole(path: Path, body: str) -> None:
    """Write via a temporary file and rename, so a failure never leaves half a file."""
    try:
        write_whole(path, body)
    except OutputError as exc:
        raise BankFailure(str(exc)) from None
