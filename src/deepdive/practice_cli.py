"""``deepdive bank practice``: answer a bank question and see which key points it covered.

Project deep-dive questions that ask for the whole story (:func:`deepdive.bank.asks_whole_story`)
get the full deep-dive analysis (and are saved to history like ``deepdive analyze``); every
other question gets the key-point coverage report from :mod:`deepdive.coverage` and the
question's follow-ups.
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
import textwrap
from collections.abc import Callable
from typing import IO, Any

from deepdive.bank import Question, asks_whole_story
from deepdive.bank_cli import BankFailure, _width, read_path
from deepdive.coverage import Coverage, check_coverage

END_MARK = "."


def read_answer(args: argparse.Namespace, stdin: IO[str]) -> str:
    """The answer from ``--answer FILE``, piped stdin, or typed at the prompt."""
    from deepdive.inputs import InputError, validate

    if args.answer and args.answer != "-":
        text = read_path(args.answer)
    elif args.answer == "-" or not stdin.isatty():
        text = stdin.read()
    else:
        sys.stderr.write(
            f"Type your answer. Finish with a line holding only '{END_MARK}' (or Ctrl-D).\n"
        )
        lines = []
        for line in stdin:
            if line.strip() == END_MARK:
                break
            lines.append(line)
        text = "".join(lines)
    try:
        return validate(text)
    except InputError as exc:
        raise BankFailure(f"cannot read this answer: {exc}") from None


def render_coverage(question: Question, coverage: Coverage, width: int) -> str:
    quote = textwrap.TextWrapper(
        width=width, break_on_hyphens=False, initial_indent="      “", subsequent_indent="       "
    )
    point = textwrap.TextWrapper(width=width, break_on_hyphens=False, subsequent_indent="      ")
    bullet = textwrap.TextWrapper(
        width=width, break_on_hyphens=False, initial_indent="  - ", subsequent_indent="    "
    )
    total = len(coverage.points)
    out = [f"Key points covered: {coverage.covered} of {total}", ""]
    for p in coverage.points:
        mark = "[x]" if p.covered else "[!]" if p.wrong else "[ ]"
        out.append(point.fill(f"  {mark} {p.point}"))
        if p.wrong:
            out.append(point.fill(f"      Wrong: {p.wrong.rstrip('.')}:"))
        for sentence in p.evidence:
            out.append(quote.fill(sentence) + "”")
    missed = [p.point for p in coverage.points if not p.covered]
    if missed:
        out += ["", "Add next time:"] + [bullet.fill(m) for m in missed]
    if question.follow_ups:
        out += ["", "Follow-ups to expect:"] + [bullet.fill(f) for f in question.follow_ups]
    return "\n".join(out) + "\n"


def practise(
    args: argparse.Namespace,
    question: Question,
    stdin: IO[str],
    store_factory: Callable[[], Any] | None = None,
) -> int:
    whole_story = asks_whole_story(question)
    if not whole_story and not question.key_points:
        # said before the answer is asked for, not after it was typed
        raise BankFailure(
            f"question {question.id} has no key points to check against; add some by giving "
            "the question again with them: deepdive bank add --text "
            f"{shlex.quote(question.text)} --key-point '...'"
        )
    if not args.json:
        # a prompt when the answer is typed; the report's first lines when it comes from a file
        shown = sys.stdout if getattr(args, "answer", None) else sys.stderr
        shown.write(f"Question ({question.id}):\n{question.text}\n\n")
        shown.flush()
    text = read_answer(args, stdin)
    if whole_story:
        from deepdive import cli

        args.question = question.text
        args.markdown, args.project, args.tag = False, None, []
        return cli._analyze(text.encode("utf-8"), args)
    coverage = check_coverage(question, text)
    if store_factory is not None and not getattr(args, "no_save", False):
        from deepdive.practice_log import record_practice
        from deepdive.store import StoreError

        try:
            record_practice(store_factory(), question.id, coverage)
        except StoreError as exc:  # the report still matters when the store is unavailable
            sys.stderr.write(f"deepdive: not saved to your practice history: {exc}\n")
            args.save_failed = True
    if args.json:
        payload = {**coverage.to_dict(), "follow_ups": list(question.follow_ups)}
        sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(render_coverage(question, coverage, _width(args)))
    return 1 if getattr(args, "save_failed", False) else 0  # shown, but not saved
