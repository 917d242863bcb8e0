"""The ``deepdive`` command line.

Exit codes: 0 success, 1 the input cannot be analysed (the reason is printed on one line),
2 a usage error (unknown option, unreadable path).
"""

from __future__ import annotations

import argparse
import shlex
import sys
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from deepdive import __version__
from deepdive.columns import columns
from deepdive.history_options import TOP, add_list_options, apply_history_options

if TYPE_CHECKING:
    from deepdive.analysis import Analysis
    from deepdive.drill import DrillSession
    from deepdive.store import AttemptRow, Store

EXAMPLE = "fraud_team.txt"


class UsageError(Exception):
    """Wrong command-line usage; exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        sys.stderr.write(f"deepdive: error: {message}\n")
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="deepdive",
        description=(
            "Practise the ML interview question 'tell me about an ML project you worked on'. "
            "deepdive reads your answer the way an ML interviewer would."
        ),
    )
    parser.add_argument("--version", action="version", version=f"deepdive {__version__}")
    parser.add_argument(
        "--db",
        metavar="URL",
        default=None,
        help="database for history (sqlite:///path or postgresql://...; default: DATABASE_URL, "
        "else deepdive.db in your data folder)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    an = sub.add_parser(
        "analyze",
        help="analyse a written or transcribed answer",
        description=(
            "Analyse an answer: which of the six parts are there, the figures, ownership, "
            "findings with the sentences that prove them, scores and follow-up questions."
        ),
    )
    an.add_argument(
        "file", metavar="FILE", help="a UTF-8 text file with the answer, or - for stdin"
    )
    fmt = an.add_mutually_exclusive_group()
    fmt.add_argument(
        "--json",
        action="store_true",
        help="print the analysis as JSON (schema deepdive.analysis/1)",
    )
    fmt.add_argument("--markdown", action="store_true", help="print a Markdown report to paste")
    an.add_argument(
        "--width",
        type=columns,
        default=None,
        help="report width in columns (default: terminal width)",
    )
    _add_save_options(an)

    demo = sub.add_parser(
        "demo",
        help="analyse a bundled example answer and print the report",
        description="Analyse the bundled example answer (a team fraud-detection project).",
    )
    demo.add_argument("--width", type=columns, default=None, help="report width in columns")

    families_help = (
        "comma-separated families to ask: why_model, how_known, hardest_bug, scale_10x, "
        "hindsight, probes (default: all)"
    )
    dr = sub.add_parser(
        "drill",
        help="practise the follow-up questions an interviewer would ask",
        description=(
            "Drill the follow-ups: deepdive reads your overview, then asks the questions an "
            "interviewer would, one at a time, and checks each reply (a reason? an "
            "alternative? evidence? consistent with the overview?). Finish a reply with an "
            "empty line; type 'skip' or 'quit'."
        ),
    )
    dr.add_argument(
        "file", metavar="FILE", help="your overview answer (UTF-8 text), or - for stdin"
    )
    dr.add_argument(
        "--replies",
        metavar="REPLIES",
        help="answer non-interactively from this file: replies in order, separated by lines "
        "containing only ---; 'deepdive followups FILE --seed N' lists the questions in the "
        "order 'drill --seed N' asks them",
    )
    dr.add_argument(
        "--json",
        action="store_true",
        help="print the session as JSON (schema deepdive.drill/1); needs --replies",
    )
    dr.add_argument(
        "--seed", type=int, default=None, help="make the choice of questions reproducible"
    )
    dr.add_argument("--families", default=None, help=families_help)
    dr.add_argument("--max", type=int, default=None, metavar="N", help="ask at most N questions")
    dr.add_argument("--width", type=columns, default=None, help="output width in columns")
    _add_save_options(dr)

    fu = sub.add_parser(
        "followups",
        help="list the follow-up questions planned for an answer",
        description="Print the follow-up questions a drill on this answer would ask.",
    )
    fu.add_argument(
        "file", metavar="FILE", help="your overview answer (UTF-8 text), or - for stdin"
    )
    fu.add_argument("--json", action="store_true", help="print the questions as JSON")
    fu.add_argument(
        "--seed",
        type=int,
        default=None,
        help="make the choice of questions reproducible (without it the choice and order "
        "change from run to run; give drill the same --seed to be asked these in this order)",
    )
    fu.add_argument("--families", default=None, help=families_help)
    fu.add_argument("--max", type=int, default=None, metavar="N", help="list at most N questions")

    hi = sub.add_parser(
        "history",
        help="your saved attempts: list, show, delete, trend",
        description="Every analysed answer is saved; list them, show one again, delete, or see "
        "the trend per score and per part. With no subcommand, lists attempts.",
    )
    add_list_options(hi, dest_prefix=TOP)
    hsub = hi.add_subparsers(
        dest="history_command",
        metavar="SUBCOMMAND",
        parser_class=_Parser,
        help="list (default), show, delete or trend",
    )
    hl = hsub.add_parser(
        "list", help="list attempts", description="List saved attempts, newest first."
    )
    add_list_options(hl)
    hs = hsub.add_parser(
        "show", help="show one attempt again", description="Show a saved attempt's report."
    )
    hs.add_argument("id", type=int, help="the attempt id (see 'deepdive history')")
    hs.add_argument("--json", action="store_true", help="print its analysis as JSON")
    hs.add_argument("--width", type=columns, default=None, help="report width in columns")
    hd = hsub.add_parser(
        "delete",
        help="delete one attempt, or all",
        description="Delete a saved attempt (and its drills), or all of them. Asks first.",
    )
    hd.add_argument("id", type=int, nargs="?", help="the attempt id")
    hd.add_argument("--all", action="store_true", help="delete every attempt")
    hd.add_argument("--yes", action="store_true", help="do not ask for confirmation (for scripts)")
    ht = hsub.add_parser(
        "trend",
        help="scores and parts over time",
        description="Chart each score and each part's strength over your attempts.",
    )
    ht.add_argument("--project", default=None, help="only this project")
    ht.add_argument("--json", action="store_true", help="print the series as JSON")
    ht.add_argument("--svg", metavar="FILE", default=None, help="also write the chart as SVG")
    ht.add_argument(
        "--png", metavar="FILE", default=None, help="also write the chart as PNG (needs matplotlib)"
    )

    ex = sub.add_parser(
        "export",
        help="export all your data to one JSON file",
        description="Write every attempt and drill session to one versioned JSON file.",
    )
    ex.add_argument("file", metavar="FILE", help="where to write, or - for stdout")
    im = sub.add_parser(
        "import",
        help="import data exported by 'deepdive export'",
        description="Import an export file. Nothing is imported twice; a malformed or newer "
        "file is refused and nothing is written.",
    )
    im.add_argument("file", metavar="FILE", help="the export file, or - for stdin")

    pr = sub.add_parser(
        "prep",
        help="write your project's fact sheet, part by part, with nudges",
        description="The story builder: answer a few prompts per part (with a strong and a weak "
        "example each); weak entries get a nudge. Saves the fact sheet and prints a 2-3 minute "
        "outline and a follow-up prep sheet. --from FILE takes a filled template instead.",
    )
    pr.add_argument("name", nargs="?", help="the project name (the fact sheet's key)")
    pr.add_argument(
        "--from", dest="from_file", metavar="FILE", help="a filled template (YAML or Markdown)"
    )
    pr.add_argument(
        "--persona", choices=("team", "switcher", "solo"), help="who you are in this story"
    )
    pr.add_argument("--template", action="store_true", help="print a Markdown template to fill in")
    pr.add_argument(
        "--yes",
        action="store_true",
        help="with --from: replace a different fact sheet of the same name without asking",
    )

    st = sub.add_parser(
        "story",
        help="your fact sheets: list, show the outline and prep sheet, export, delete",
        description="Work with saved fact sheets. With no subcommand, lists them.",
    )
    ssub = st.add_subparsers(
        dest="story_command",
        metavar="SUBCOMMAND",
        parser_class=_Parser,
        help="list (default), show, export or delete",
    )
    ssub.add_parser("list", help="list fact sheets", description="List saved fact sheets.")
    ss = ssub.add_parser(
        "show", help="outline and prep sheet", description="Print the outline and prep sheet."
    )
    ss.add_argument("name", help="the project name")
    ss.add_argument("--json", action="store_true", help="print as JSON (schema deepdive.story/1)")
    se = ssub.add_parser(
        "export",
        help="export as Markdown, HTML, JSON or an Anki deck",
        description="Export the outline and prep sheet; 'anki' writes one card per follow-up.",
    )
    se.add_argument("name", help="the project name")
    se.add_argument(
        "--format",
        choices=("md", "html", "json", "anki"),
        default="md",
        help="output format (default md)",
    )
    se.add_argument(
        "--output", "-o", default="-", help="file to write (default stdout; required for anki)"
    )
    sd = ssub.add_parser(
        "delete", help="delete a fact sheet", description="Delete a saved fact sheet. Asks first."
    )
    sd.add_argument("name", help="the project name")
    sd.add_argument("--yes", action="store_true", help="do not ask for confirmation (for scripts)")

    rt = sub.add_parser(
        "retell",
        help="check a retelling against your fact sheet: coverage and drift",
        description="Compare a retelling of your story with its fact sheet: which facts were "
        "covered, which were dropped, and any figure, model or data source that drifted.",
    )
    rt.add_argument("file", metavar="FILE", help="the retelling (UTF-8 text), or - for stdin")
    rt.add_argument("--project", required=True, help="the fact sheet to compare with")
    rt.add_argument(
        "--json", action="store_true", help="print as JSON (schema deepdive.retelling/1)"
    )

    from deepdive.bank_cli import add_parser as add_bank_parser

    add_bank_parser(sub, _Parser)

    sv = sub.add_parser(
        "serve",
        help="run the web app (practise, feedback, drill, history) in your browser",
        description="Start the local web app. It binds 127.0.0.1 unless --host says otherwise "
        "(and then answers only to loopback host names); on any other address it requires an "
        "access token. Analyses run in a thread pool, so pages stay responsive while answers are "
        "read; --workers N runs N processes over the same database for more people at once. "
        "Exits 1 when the port is in use or the database cannot be opened.",
    )
    sv.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    sv.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    sv.add_argument(
        "--workers",
        type=int,
        default=1,
        help="worker processes sharing the database (default 1; about one per core)",
    )
    sv.add_argument(
        "--token",
        default=None,
        help="access token required from browsers and API clients (default: DEEPDIVE_TOKEN; "
        "generated when listening beyond loopback)",
    )

    ch = sub.add_parser(
        "checks",
        help="list the rubric checks, or explain one",
        description="List every rubric check with its part and severity, or show one in full.",
    )
    ch.add_argument("id", nargs="?", help="a check id, e.g. no_baseline")
    return parser


def _add_save_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--no-save", action="store_true", help="do not save this attempt to your history"
    )
    p.add_argument(
        "--project", default=None, help="group retellings of the same project under NAME"
    )
    p.add_argument(
        "--question",
        default=None,
        help="the question you answered (default: the deep-dive question)",
    )
    p.add_argument("--tag", action="append", default=[], help="a tag for this attempt (repeatable)")


def _store(args: argparse.Namespace) -> Store:
    from deepdive.store import Store

    store = Store(args.db)
    if store.was_empty_file and not getattr(args, "_warned_empty", False):
        args._warned_empty = True
        sys.stderr.write(
            f"deepdive: note: {store.safe_url()} was an empty file; starting a new history in it\n"
        )
    return store


def _save_attempt(args: argparse.Namespace, text: str, analysis: Analysis) -> AttemptRow | None:
    """Save unless --no-save; a store problem is a warning, never a lost report."""
    if getattr(args, "no_save", True):
        return None
    from deepdive.store import DEFAULT_QUESTION, StoreError

    try:
        return _store(args).save_attempt(
            text,
            analysis,
            question=args.question or DEFAULT_QUESTION,
            project=args.project,
            tags=tuple(args.tag),
        )
    except StoreError as exc:
        sys.stderr.write(f"deepdive: not saved to history: {exc}\n")
        args.save_failed = True
        return None


def _has_sheet(args: argparse.Namespace) -> bool:
    """Does --project name a saved fact sheet?"""
    if not getattr(args, "project", None):
        return False
    from deepdive.store import StoreError

    try:
        _store(args).get_fact_sheet(args.project)
    except (KeyError, StoreError):
        return False
    return True


def _retelling_section(args: argparse.Namespace, text: str) -> str | None:
    """The retelling check, when --project names a saved fact sheet."""
    if not getattr(args, "project", None):
        return None
    from deepdive.factsheet import FactSheet
    from deepdive.prep_cli import render_retelling
    from deepdive.store import StoreError
    from deepdive.story import check_retelling

    try:
        persona, entries = _store(args).get_fact_sheet(args.project)
    except (KeyError, StoreError):
        return None
    return render_retelling(check_retelling(FactSheet(args.project, persona, entries), text))


def _read(path: str) -> bytes:
    from deepdive.inputs import InputError
    from deepdive.settings import settings

    limit = settings().max_chars
    # UTF-16 takes up to twice the bytes: its limit is checked on the text, once decoded
    most = 2 * limit
    if path == "-":
        data = sys.stdin.buffer.read(most + 1)
        if len(data) > (most if _utf16(data) else limit):
            raise InputError(
                f"the answer is over {limit // 1000} KB; the limit is {limit // 1000} KB"
            )
        return data
    p = Path(path)
    if p.is_dir():
        raise UsageError(f"{path} is a directory, not a file")
    try:
        size = p.stat().st_size
        if size > most:
            raise InputError(f"{path} is {_size(size)}; the limit is {limit // 1000} KB")
        with p.open("rb") as fh:
            data = fh.read(most + 1)
        if len(data) > limit and not _utf16(data):
            raise InputError(f"{path} is {_size(size)}; the limit is {limit // 1000} KB")
        return data
    except FileNotFoundError:
        raise UsageError(f"no such file: {path}") from None
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from None


def _utf16(data: bytes) -> bool:
    return data[:2] in (b"\xff\xfe", b"\xfe\xff")


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 1_000_000 else f"{n / 1000:.0f} KB"


def _console(width: int | None):  # type: ignore[no-untyped-def]
    from rich.console import Console

    return Console(width=width, highlight=False)


def _answer_text(data: bytes) -> str:
    """An answer read for analysis, follow-ups or a drill: decoded, and refused with a message
    when it is empty, binary, not English or too short to be a deep dive."""
    from deepdive.inputs import InputError, decode, too_short_to_keep, validate

    text = decode(data)
    validate(text)  # empty, binary, not English: said in its own words first
    short = too_short_to_keep(text)
    if short:
        # a greeting or a test line is no deep dive: every part would be "missing"
        raise InputError(short)
    return text


def _analyze(data: bytes, args: argparse.Namespace) -> int:
    from deepdive.engine import analyze

    text = _answer_text(data)
    analysis = analyze(text)
    saved = _save_attempt(args, text, analysis)
    if getattr(args, "json", False) or getattr(args, "markdown", False):
        if getattr(args, "json", False):
            sys.stdout.write(analysis.to_json() + "\n")
        else:
            from deepdive.markdown_report import render_markdown

            sys.stdout.write(render_markdown(analysis))
        if _has_sheet(args):  # the report is one analysis; the retelling check is its own
            sys.stderr.write(
                f"deepdive: note: the check against the fact sheet {args.project!r} is in the "
                f"text report, or as JSON from 'deepdive retell FILE --project "
                f"{shlex.quote(args.project)} --json'\n"
            )
    else:
        from deepdive.terminal_report import print_report

        console = _console(args.width)
        print_report(analysis, console)
        retelling = _retelling_section(args, text)
        if retelling:
            console.print("\n" + retelling, end="")
        if saved is not None:
            console.print(f"\nSaved as attempt {saved.id} (deepdive history show {saved.id}).")
    # the report is printed either way; the status says the save asked for did not happen
    return _status(args)


def _drill_options(args: argparse.Namespace) -> dict[str, object]:
    from deepdive.drill_cli import parse_families

    if args.max is not None and args.max < 1:
        raise UsageError("--max must be at least 1")
    try:
        families = parse_families(args.families)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    return {"seed": args.seed, "families": families, "max_questions": args.max}


def _drill(args: argparse.Namespace) -> int:
    from deepdive.drill import DrillSession
    from deepdive.drill_cli import drill_json, run_interactive, run_scripted, split_replies
    from deepdive.inputs import InputError, decode

    if args.json and not args.replies:
        raise UsageError("--json needs --replies (the interactive drill prints as it goes)")
    if args.file == "-" and not args.replies:
        raise UsageError(
            "the interactive drill reads replies from stdin; give the overview as a file"
        )
    options = _drill_options(args)
    overview = _answer_text(_read(args.file))
    replies = None
    if args.replies:
        try:
            replies = split_replies(decode(_read(args.replies)))
        except InputError as exc:  # say which of the two inputs it is, once
            said = str(exc)
            if args.replies not in said:
                said = f"the replies file {args.replies} {said.removeprefix('the input ')}"
            raise InputError(said) from None
        if not any(r.strip() for r in replies):
            raise InputError(f"{args.replies} has no replies (separate them with '---' lines)")
    session = DrillSession(overview, **options)  # type: ignore[arg-type]
    if replies is not None:
        note = run_scripted(session, replies)
        if note:
            sys.stderr.write(f"deepdive: note: {note}\n")
        _save_drill(args, overview, session)
        if args.json:
            sys.stdout.write(drill_json(session) + "\n")
            return _status(args)
        from rich.text import Text

        from deepdive.drill_cli import print_question, print_summary, print_turn

        console = _console(args.width)
        for n, turn in enumerate(session.turns, 1):
            print_question(console, n, len(session.plan), turn.asked)
            console.print(Text(turn.reply or "(skipped)"))  # as typed: brackets are no markup
            if not turn.skipped:
                print_turn(console, turn)
        print_summary(console, session.summary())
        return _status(args)
    from deepdive.drill_cli import stdin_bytes

    run_interactive(session, stdin_bytes(), _console(args.width))
    _save_drill(args, overview, session)
    return _status(args)


def _status(args: argparse.Namespace) -> int:
    """1 when the work was shown but could not be saved (the reason is on stderr), else 0."""
    return 1 if getattr(args, "save_failed", False) else 0


def _save_drill(args: argparse.Namespace, overview: str, session: DrillSession) -> None:
    if args.no_save:
        return
    from deepdive.store import DEFAULT_QUESTION, StoreError

    # drilling the same overview again adds a drill, not another copy of the overview (unless
    # the drill is tagged: the tags belong to a new attempt)
    saved = None
    if not args.tag:
        try:
            saved = _store(args).same_attempt(
                overview, args.question or DEFAULT_QUESTION, args.project or None
            )
        except StoreError:
            saved = None
    saved = saved or _save_attempt(args, overview, session.analysis)
    if saved is None:
        return
    try:
        _store(args).save_drill(session.to_dict(), attempt_uid=saved.uid, project=args.project)
    except StoreError as exc:
        sys.stderr.write(f"deepdive: drill not saved to history: {exc}\n")
        args.save_failed = True


def _followups(args: argparse.Namespace) -> int:
    import json

    from deepdive.drill import overview_entities, plan_drill
    from deepdive.engine import analyze

    options = _drill_options(args)
    text = _answer_text(_read(args.file))
    plan = plan_drill(analyze(text), overview_entities(text), **options)  # type: ignore[arg-type]
    if args.json:
        payload = {"schema": "deepdive.followups/1", "questions": [q.to_dict() for q in plan]}
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return 0
    for n, q in enumerate(plan, 1):
        sys.stdout.write(f"{n}. [{q.family}] {q.question}\n   why: {q.because}\n")
    return 0


def _history(args: argparse.Namespace) -> int:
    from deepdive import history_cli
    from deepdive.inputs import not_a_file
    from deepdive.store import StoreError
    from deepdive.transfer import TransferError

    if args.command == "history":
        try:
            apply_history_options(args, args.history_command or "list")
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    try:
        store = _store(args)
        if args.command == "export":
            return history_cli.cmd_export(store, args)
        if args.command == "import":
            problem = not_a_file(args.file) if args.file != "-" else None
            if problem:
                raise UsageError(problem)
            return history_cli.cmd_import(store, args)
        sub = args.history_command or "list"
        if sub == "list":
            return history_cli.cmd_list(store, args)
        if sub == "show":
            return history_cli.cmd_show(store, args, args.width)
        if sub == "delete":
            return history_cli.cmd_delete(store, args)
        return history_cli.cmd_trend(store, args)
    except history_cli.HistoryUsageError as exc:
        raise UsageError(str(exc)) from None
    except StoreError as exc:
        sys.stderr.write(f"deepdive: {exc}\n")
        return 1
    except TransferError as exc:
        sys.stderr.write(f"deepdive: cannot import this file: {exc}; nothing was imported\n")
        return 1


def _story(args: argparse.Namespace) -> int:
    from deepdive import prep_cli
    from deepdive.factsheet import FactSheetError
    from deepdive.store import StoreError

    try:
        store = _store(args)
        if args.command == "prep":
            return prep_cli.cmd_prep(store, args, sys.stdin.buffer)
        if args.command == "story":
            return prep_cli.cmd_story(store, args)
        from deepdive.inputs import decode, validate

        return prep_cli.cmd_retell(store, args, validate(decode(_read(args.file))))
    except prep_cli.StoryUsageError as exc:
        raise UsageError(str(exc)) from None
    except FactSheetError as exc:
        sys.stderr.write(f"deepdive: cannot read the fact sheet: {exc}\n")
        return 1
    except UnicodeDecodeError:
        sys.stderr.write("deepdive: cannot read the fact sheet: it is not UTF-8 text\n")
        return 1
    except StoreError as exc:
        sys.stderr.write(f"deepdive: {exc}\n")
        return 1


def _analyze_audio(args: argparse.Namespace) -> int:
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from deepdive.engine import analyze
    from deepdive.inputs import InputError, not_a_file, too_short_to_keep
    from deepdive.speech import SpeechError, transcribe

    path = Path(args.file)
    problem = not_a_file(args.file)
    if problem:
        raise UsageError(problem)
    try:
        with Progress(
            TextColumn("transcribing"),
            BarColumn(),
            TextColumn("{task.percentage:>3.0f}%"),
            TimeElapsedColumn(),
            console=_console(None).__class__(stderr=True),
            transient=True,
            disable=not sys.stderr.isatty(),
        ) as progress:
            task = progress.add_task("transcribing", total=1.0)
            transcript = transcribe(path, lambda f: progress.update(task, completed=f))
    except SpeechError as exc:
        raise InputError(str(exc)) from None
    short = too_short_to_keep(transcript.text)
    if short:
        raise InputError(f"the recording {short.removeprefix('the answer ')}")
    analysis = analyze(transcript.text, transcript)
    saved = _save_attempt(args, transcript.text, analysis)
    if saved is not None:
        _save_recording(args, saved.uid, path)
    if args.json:
        sys.stdout.write(analysis.to_json() + "\n")
    elif args.markdown:
        from deepdive.markdown_report import render_markdown

        sys.stdout.write(render_markdown(analysis))
    else:
        from deepdive.terminal_report import print_report

        console = _console(args.width)
        print_report(analysis, console)
        if saved is not None:
            console.print(f"\nSaved as attempt {saved.id} (deepdive history show {saved.id}).")
    return 0


def _save_recording(args: argparse.Namespace, uid: str, path: Path) -> None:
    from deepdive.store import StoreError

    try:
        _store(args).save_recording(uid, path.read_bytes(), _mime(path))
    except StoreError as exc:
        sys.stderr.write(f"deepdive: recording not saved: {exc}\n")
        args.save_failed = True


def _mime(path: Path) -> str:
    return {
        ".wav": "audio/wav",
        ".mp3": "audio/mpeg",
        ".m4a": "audio/mp4",
        ".ogg": "audio/ogg",
        ".oga": "audio/ogg",
        ".opus": "audio/ogg",
        ".webm": "audio/webm",
        ".flac": "audio/flac",
        ".aac": "audio/aac",
    }.get(path.suffix.lower(), "application/octet-stream")


def _bank(args: argparse.Namespace) -> int:
    from deepdive.bank_cli import BankFailure, BankUsageError, run
    from deepdive.store import StoreError

    try:
        return run(args, lambda: _store(args), sys.stdin)
    except BankUsageError as exc:
        raise UsageError(str(exc)) from None
    except (BankFailure, StoreError) as exc:
        sys.stderr.write(f"deepdive: {exc}\n")
        return 1


def _checks(check_id: str | None) -> int:
    from deepdive.checks import CHECKS

    if check_id is None:
        for c in CHECKS:
            summary = (c.__doc__ or "").strip().splitlines()[0]
            sys.stdout.write(
                f"{c.ID:<24} {c.PART:<11} {c.SEVERITY:<6} {summary.split(' — ', 1)[-1]}\n"
            )
        return 0
    for c in CHECKS:
        if check_id == c.ID:
            sys.stdout.write((c.__doc__ or "").strip() + "\n\n")
            sys.stdout.write(f"Message: {c.MESSAGE}\nFix: {c.FIX}\n")
            return 0
    raise UsageError(f"unknown check {check_id!r}; run 'deepdive checks' for the list")


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from deepdive.datafiles import DataFileError
    from deepdive.inputs import InputError
    from deepdive.output_files import OutputError

    try:
        if args.command == "analyze":
            from deepdive.speech import is_audio

            if args.file != "-" and is_audio(args.file):
                return _analyze_audio(args)
            return _analyze(_read(args.file), args)
        if args.command == "demo":
            data = (resources.files("deepdive") / "data" / "examples" / EXAMPLE).read_bytes()
            return _analyze(data, args)
        if args.command == "checks":
            return _checks(args.id)
        if args.command == "drill":
            return _drill(args)
        if args.command == "followups":
            return _followups(args)
        if args.command in ("history", "export", "import"):
            return _history(args)
        if args.command in ("prep", "story", "retell"):
            return _story(args)
        if args.command == "bank":
            return _bank(args)
        if args.command == "serve":
            from deepdive.web.server import serve

            if not 0 < args.port < 65536 or args.workers < 1:
                raise UsageError("--port must be 1-65535 and --workers at least 1")
            return serve(args.host, args.port, args.workers, args.token, args.db)
        parser.print_help()
        return 2
    except InputError as exc:
        sys.stderr.write(f"deepdive: cannot analyse this input: {exc}\n")
        return 1
    except UsageError as exc:
        sys.stderr.write(f"deepdive: error: {exc}\n")
        return 2
    except DataFileError as exc:
        sys.stderr.write(f"deepdive: broken data file: {exc}\n")
        return 1
    except OutputError as exc:
        sys.stderr.write(f"deepdive: {exc}\n")
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("deepdive: interrupted\n")
        return 130
    except BrokenPipeError:
        return 0


def run() -> NoReturn:
    raise SystemExit(main())
