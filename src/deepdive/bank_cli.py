"""``deepdive bank``: list, search, show, pick and practise questions; add your own.

The subcommands and their options are declared in :func:`add_parser`; :func:`run` executes
them. Rendering is plain text at a fixed width (``--width``) so the output is the same in a
terminal, a pipe and a test; ``--json`` prints the question records instead.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from deepdive.bank import (
    ROUND_TITLES,
    ROUNDS,
    Question,
    close_ids,
    combined,
    find,
    round_key,
    select_questions,
)
from deepdive.columns import columns

ROUND_HELP = "only this round: " + ", ".join(ROUNDS) + " (or its name, e.g. 'depth')"


def round_arg(text: str) -> str:
    """An argparse type: a round by its key or the name people say ("ML depth", "depth")."""
    key = round_key(text)
    if key is None:
        raise argparse.ArgumentTypeError(f"unknown round {text!r} (one of {', '.join(ROUNDS)})")
    return key


class BankUsageError(Exception):
    """Wrong usage of a bank command (exit status 2)."""


class BankFailure(Exception):
    """A bank command could not do its job (exit status 1); nothing was changed."""


def _filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--round", dest="round_name", type=round_arg, metavar="ROUND", help=ROUND_HELP)
    p.add_argument("--topic", help="only questions with this topic (e.g. evaluation, nlp)")
    p.add_argument("--difficulty", type=int, choices=(1, 2, 3), help="only this difficulty")
    p.add_argument("--company", help="only questions reported at this company")
    v = p.add_mutually_exclusive_group()
    v.add_argument(
        "--verified",
        dest="verified",
        action="store_true",
        default=None,
        help="only verified questions (the shipped bank is verified)",
    )
    v.add_argument(
        "--unverified",
        dest="verified",
        action="store_false",
        help="only unverified questions (the ones you added)",
    )
    p.add_argument(
        "--mine", action="store_true", help="only questions you added or reported being asked"
    )
    p.add_argument("--json", action="store_true", help="print as JSON")
    p.add_argument("--width", type=columns, default=None, help="output width in columns")


def add_parser(sub: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    """Declare ``deepdive bank`` and its subcommands on the top-level subparsers."""
    bank = sub.add_parser(
        "bank",
        help="the question bank: list, search, show, random, practice, plan, add, import, "
        "export, lint",
        description="ML interview questions to practise on: project deep dive, ML depth and "
        "breadth, system design, coding concepts and behavioural, each with the key points a "
        "strong answer covers. Add the questions you were really asked. With no subcommand, "
        "lists the bank.",
    )
    bsub = bank.add_subparsers(
        dest="bank_command",
        metavar="SUBCOMMAND",
        parser_class=parser_class,
        help=(
            "list (default), search, show, random, practice, add, import, export, plan, lint "
            "or delete"
        ),
    )
    _filters(bsub.add_parser("list", help="list questions", description="List questions."))
    se = bsub.add_parser(
        "search",
        help="full-text search, best match first",
        description="Full-text search (BM25 over the question, its other names, topics, key "
        "points and follow-ups, synonyms folded), best match first; says so when nothing "
        "matches.",
    )
    se.add_argument("query", help="words to look for, e.g. 'batch norm'")
    se.add_argument("--limit", type=int, default=10, help="at most N results (default 10)")
    _filters(se)
    sh = bsub.add_parser("show", help="one question in full", description="Show a question.")
    sh.add_argument("id", help="the question id (see 'deepdive bank list')")
    sh.add_argument("--json", action="store_true", help="print as JSON")
    sh.add_argument("--width", type=columns, default=None, help="output width in columns")
    ra = bsub.add_parser(
        "random", help="pick a question at random", description="Print one random question."
    )
    ra.add_argument("--seed", type=int, default=None, help="seed, for a repeatable pick")
    _filters(ra)
    pr = bsub.add_parser(
        "practice",
        help="answer a question and see which key points you covered",
        description="Ask a question (the given one, or a random one matching the filters), take "
        "your answer typed or from a file, and report which key points it covered, quoting the "
        "sentence that covers each, and the follow-ups to expect. Project deep-dive questions that "
        "ask for the whole story (and your own deep-dive questions without key points) get the "
        "full deep-dive analysis instead.",
    )
    pr.add_argument("id", nargs="?", help="the question id (default: a random one)")
    pr.add_argument("--answer", metavar="FILE", help="read the answer from FILE (- for stdin)")
    pr.add_argument("--seed", type=int, default=None, help="seed for the random pick")
    pr.add_argument(
        "--no-save",
        action="store_true",
        help="do not save this answer to your history (deep-dive attempts and practice results)",
    )
    _filters(pr)
    ad = bsub.add_parser(
        "add",
        help="add a question you were asked",
        description="Add a question to your own bank. Without --text it asks for each field. "
        "A question you already have (same meaning) has its count raised instead, and any new "
        "--key-point or --follow-up is added to it.",
    )
    ad.add_argument("--text", help="the question")
    ad.add_argument(
        "--round",
        dest="round_name",
        type=round_arg,
        metavar="ROUND",
        help="the round it belongs to (guessed from the text when left out): " + ", ".join(ROUNDS),
    )
    ad.add_argument("--topic", action="append", default=[], help="a topic (repeatable)")
    ad.add_argument("--difficulty", type=int, choices=(1, 2, 3), help="1 (easy) to 3 (hard)")
    ad.add_argument("--company", help="where you were asked it")
    ad.add_argument("--asked", help="when you were asked it (2026-05 or 2026-05-14)")
    ad.add_argument("--source", default="reported by you", help="where it comes from")
    ad.add_argument("--key-point", action="append", default=[], help="a key point (repeatable)")
    ad.add_argument("--follow-up", action="append", default=[], help="a follow-up (repeatable)")
    ad.add_argument("--json", action="store_true", help="print the outcome as JSON")
    im = bsub.add_parser(
        "import",
        help="import your questions from CSV, YAML or Markdown",
        description="Import a list of questions. Every bad row is reported with its line and "
        "nothing is imported unless the whole file is valid.",
    )
    im.add_argument("file", help="a .csv, .yaml/.yml or .md/.txt file")
    im.add_argument("--dry-run", action="store_true", help="check the file, import nothing")
    im.add_argument("--json", action="store_true", help="print the outcome as JSON")
    ex = bsub.add_parser(
        "export",
        help="export your questions",
        description="Write your own questions (not the shipped bank) as YAML, CSV or Markdown; "
        "'deepdive bank import' reads the file back.",
    )
    ex.add_argument(
        "--format", choices=("yaml", "csv", "md"), default="yaml", help="file format (default yaml)"
    )
    ex.add_argument("--output", "-o", default="-", help="file to write (default stdout)")
    pl = bsub.add_parser(
        "plan",
        help="a practice plan by spaced repetition",
        description="Plan which questions to practise on which day. Questions you answered "
        "weakly (few key points covered in 'bank practice') come back sooner, strong answers "
        "later; the rest of each day is filled with questions you have not practised, easiest "
        "first. Filters choose the questions (e.g. --round ml_depth).",
    )
    pl.add_argument("--days", type=int, default=14, help="how many days to plan (default 14)")
    pl.add_argument("--per-day", type=int, default=None, help="questions a day (default 3)")
    pl.add_argument("--start", default=None, help="first day, YYYY-MM-DD (default today)")
    _filters(pl)
    li = bsub.add_parser(
        "lint",
        help="check the bank for duplicates, vague key points, misleading ids and gaps",
        description="Check the shipped question bank (or, with --mine, your own questions) "
        "the way an interviewer keeping it would: questions that ask the same thing, key "
        "points too short to check an answer against, ids naming something the question "
        "does not ask, rounds with too few questions or one difficulty missing, and required "
        "topics with too few questions. Exits 1 when it finds a problem.",
    )
    li.add_argument("--mine", action="store_true", help="lint your own questions instead")
    li.add_argument("--json", action="store_true", help="print the problems as JSON")
    de = bsub.add_parser(
        "delete",
        help="delete one of your questions",
        description="Delete a question you added (the shipped bank cannot be changed).",
    )
    de.add_argument("id", help="the id of your question (my-N)")
    de.add_argument("--yes", action="store_true", help="delete without asking")


# -- rendering ---------------------------------------------------------------------------------
def _width(args: argparse.Namespace) -> int:
    return getattr(args, "width", None) or min(shutil.get_terminal_size((100, 24)).columns, 120)


def _dump(value: Any) -> None:
    sys.stdout.write(json.dumps(value, indent=2, ensure_ascii=False) + "\n")


def render_rows(rows: list[tuple[Question, float | None]], width: int) -> str:
    """A header, then a row per question: id, round, difficulty, (match,) and the whole
    question, wrapped within ``width`` under its column."""
    if not rows:
        return "No questions match.\n"
    id_w = max(len(q.id) for q, _ in rows)
    head = f"{'id':<{id_w}}  {'round':<18}  {'level':<5}  "
    head += "match  " if any(score is not None for _, score in rows) else ""
    lines = [head + "question"]
    for q, score in rows:
        left = f"{q.id:<{id_w}}  {q.round:<18}  {q.difficulty or '-':<5}  "
        if score is not None:
            left += f"{score:5.2f}  "
        room = max(width - len(left), 20)
        wrapped = textwrap.wrap(q.text, room, break_on_hyphens=False) or [""]
        lines.append(left + wrapped[0])
        lines += [" " * len(left) + more for more in wrapped[1:]]
    return "\n".join(lines) + "\n"


def render_question(q: Question, width: int) -> str:
    wrap = textwrap.TextWrapper(width=width, break_on_hyphens=False, subsequent_indent="  ")
    bullet = textwrap.TextWrapper(
        width=width, break_on_hyphens=False, initial_indent="  - ", subsequent_indent="    "
    )
    out = [wrap.fill(q.text), ""]
    out.append(f"id: {q.id}   round: {ROUND_TITLES[q.round]}   difficulty: {q.difficulty or '-'}")
    if q.topics:
        out.append(wrap.fill("topics: " + ", ".join(q.topics)))
    if q.parts:
        out.append("probes: " + ", ".join(q.parts))
    who = f", {q.company}" if q.company else ""
    when = f", asked {q.asked_on}" if q.asked_on else ""
    out.append(
        f"source: {q.source}{who}{when}; {'verified' if q.verified else 'unverified'}; "
        f"reported {q.reported} time{'s' if q.reported != 1 else ''}"
    )
    if q.reports:
        again = [", ".join(x for x in (c, a and f"asked {a}") if x) for c, a in q.reports]
        out.append(wrap.fill("reported again: " + "; ".join(again)))
    elif q.reported_by:
        out.append("reported at: " + ", ".join(sorted(set(q.reported_by))))
    for title, items in (("Key points", q.key_points), ("Follow-ups", q.follow_ups)):
        if items:
            out += ["", f"{title}:"] + [bullet.fill(i) for i in items]
    return "\n".join(out) + "\n"


# -- commands ----------------------------------------------------------------------------------
def _mine(store_factory: Callable[[], Any], warn: bool = True) -> list[Question]:
    """The user's questions; a store problem is a warning, not a failure."""
    from deepdive.store import StoreError
    from deepdive.user_questions import list_user_questions

    try:
        return list_user_questions(store_factory())
    except StoreError as exc:
        if warn:
            sys.stderr.write(f"deepdive: showing the shipped bank only ({exc})\n")
        return []


def _questions(args: argparse.Namespace, store_factory: Callable[[], Any]) -> list[Question]:
    """The bank plus the user's questions, filtered as the options say."""
    questions = combined(_mine(store_factory))
    topic = getattr(args, "topic", None)
    topic = topic.strip() if isinstance(topic, str) else None
    if topic:
        _known_topic(topic, questions)
    if getattr(args, "mine", False):
        # your own questions, and the shipped ones you reported being asked
        questions = [q for q in questions if q.origin == "user" or q.reported_as]
    return select_questions(
        questions,
        round_name=getattr(args, "round_name", None),
        topic=topic or None,
        difficulty=getattr(args, "difficulty", None),
        company=getattr(args, "company", None),
        verified=getattr(args, "verified", None),
    )


def _known_topic(topic: str, questions: list[Question]) -> None:
    """Refuse a topic (already stripped) no question has, naming the close ones."""
    import difflib

    topics = sorted({t for q in questions for t in q.topics})
    if topic.lower() in {t.lower() for t in topics}:
        return
    near = difflib.get_close_matches(topic.lower(), topics, n=3, cutoff=0.6)
    hint = (
        f"did you mean {' or '.join(near)}?" if near else f"topics include {', '.join(topics[:8])}"
    )
    raise BankUsageError(f"no question has the topic {topic!r}; {hint}")


def _no_such_id(ident: str, questions: list[Question]) -> str:
    """The error for an unknown id, with the ids it may be a typo of, or a search to try."""
    near = close_ids(questions, ident)
    if near:
        return f"no question with id {ident!r}; did you mean {' or '.join(near)}?"
    words = ident.replace("-", " ").split()
    prefixes = {q.id.split("-", 1)[0] for q in questions}
    if len(words) > 1 and words[0].lower() in prefixes:
        words = words[1:]  # the round's prefix is no search word ("sd", "depth")
    said = " ".join(words)
    return f"no question with id {ident!r}; find one with: deepdive bank search {said!r}"


def _pick(args: argparse.Namespace, store_factory: Callable[[], Any]) -> Question:
    ident = getattr(args, "id", None)
    if ident is not None and not ident.strip():
        raise BankUsageError("the question id is empty; see 'deepdive bank list'")
    if ident:
        pool = combined(_mine(store_factory, warn=False))
        for typed in dict.fromkeys((args.id, args.id.strip(), args.id.strip().lower())):
            try:
                return find(pool, typed)
            except KeyError:
                continue
        raise BankUsageError(_no_such_id(args.id, pool))
    questions = _questions(args, store_factory)
    if not questions:
        raise BankUsageError("no question matches these filters")
    return random.Random(getattr(args, "seed", None)).choice(questions)


def run(args: argparse.Namespace, store_factory: Callable[[], Any], stdin: IO[str]) -> int:
    """Run a ``deepdive bank`` subcommand; returns the exit status."""
    command = args.bank_command or "list"
    if command == "list":
        rows = _questions(args, store_factory)
        if getattr(args, "json", False):
            _dump([q.to_dict() for q in rows])
        else:
            sys.stdout.write(render_rows([(q, None) for q in rows], _width(args)))
            sys.stdout.write(f"{len(rows)} question{'s' if len(rows) != 1 else ''}\n")
        return 0
    if command == "search":
        from deepdive.bank_search import SearchIndex

        if args.limit < 1:
            raise BankUsageError("--limit must be at least 1")
        if not args.query.strip():
            raise BankUsageError("the search query is empty; say what to look for")
        index = SearchIndex(_questions(args, store_factory))
        hits = index.search(args.query, args.limit)
        fixed = index.did_you_mean(args.query)
        if fixed:
            sys.stderr.write(f"searched for “{fixed}”\n")
        if args.json:
            _dump([{**q.to_dict(), "score": s} for q, s in hits])
        else:
            sys.stdout.write(render_rows([(q, s) for q, s in hits], _width(args)))
            if hits:  # what to do next, kept off stdout so the table pipes cleanly
                sys.stdout.flush()
                first = hits[0][0].id
                sys.stderr.write(
                    f"see one in full: deepdive bank show {first}; "
                    f"practise it: deepdive bank practice {first}\n"
                )
        return 0
    if command in ("show", "random"):
        q = _pick(args, store_factory)
        if args.json:
            _dump(q.to_dict())
        elif command == "random":
            sys.stdout.write(f"{q.text}\n\n(id {q.id}; deepdive bank practice {q.id})\n")
        else:
            sys.stdout.write(render_question(q, _width(args)))
        return 0
    if command == "lint":
        from deepdive.bank import shipped
        from deepdive.bank_lint import lint, render

        chosen = _mine(store_factory) if args.mine else list(shipped())
        problems = lint(chosen, check_balance=not args.mine)
        if args.json:
            _dump({"questions": len(chosen), "problems": [p.to_dict() for p in problems]})
        else:
            sys.stdout.write(render(problems, len(chosen)))
        return 1 if problems else 0
    if command == "practice":
        from deepdive.practice_cli import practise

        return practise(args, _pick(args, store_factory), stdin, store_factory)
    if command == "plan":
        from deepdive.plan_cli import run_plan

        return run_plan(args, _questions(args, store_factory), store_factory)
    from deepdive.question_admin import run_admin

    return run_admin(command, args, store_factory, stdin)


def read_path(path: str) -> str:
    """Read a UTF-8 text file named on the command line (usage errors for bad paths)."""
    p = Path(path)
    if p.is_dir():
        raise BankUsageError(f"{path} is a directory, not a file")
    try:
        return p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise BankUsageError(f"no such file: {path}") from None
    except UnicodeDecodeError:
        raise BankFailure(f"{path} is not UTF-8 text") from None
    except OSError as exc:
        raise BankUsageError(f"cannot read {path}: {exc.strerror}") from None
