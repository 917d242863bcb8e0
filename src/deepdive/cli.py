"""The ``deepdive`` command line.

Exit codes: 0 success, 1 the input cannot be analysed (the reason is printed on one line),
2 a usage error (unknown option, unreadable path).
"""

from __future__ import annotations

import argparse
import sys
from importlib import resources
from pathlib import Path
from typing import NoReturn

from deepdive import __version__

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
        "--width", type=int, default=None, help="report width in columns (default: terminal width)"
    )

    demo = sub.add_parser(
        "demo",
        help="analyse a bundled example answer and print the report",
        description="Analyse the bundled example answer (a team fraud-detection project).",
    )
    demo.add_argument("--width", type=int, default=None, help="report width in columns")

    ch = sub.add_parser(
        "checks",
        help="list the rubric checks, or explain one",
        description="List every rubric check with its part and severity, or show one in full.",
    )
    ch.add_argument("id", nargs="?", help="a check id, e.g. no_baseline")
    return parser


def _read(path: str) -> bytes:
    from deepdive.settings import settings

    limit = settings().max_chars
    if path == "-":
        return sys.stdin.buffer.read(limit + 1)
    p = Path(path)
    if p.is_dir():
        raise UsageError(f"{path} is a directory, not a file")
    try:
        with p.open("rb") as fh:
            return fh.read(limit + 1)
    except FileNotFoundError:
        raise UsageError(f"no such file: {path}") from None
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from None


def _console(width: int | None):  # type: ignore[no-untyped-def]
    from rich.console import Console

    return Console(width=width, highlight=False)


def _analyze(data: bytes, args: argparse.Namespace) -> int:
    from deepdive.engine import analyze
    from deepdive.inputs import decode

    analysis = analyze(decode(data))
    if getattr(args, "json", False):
        sys.stdout.write(analysis.to_json() + "\n")
    elif getattr(args, "markdown", False):
        from deepdive.markdown_report import render_markdown

        sys.stdout.write(render_markdown(analysis))
    else:
        from deepdive.terminal_report import print_report

        print_report(analysis, _console(args.width))
    return 0


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

    try:
        if args.command == "analyze":
            return _analyze(_read(args.file), args)
        if args.command == "demo":
            data = (resources.files("deepdive") / "data" / "examples" / EXAMPLE).read_bytes()
            return _analyze(data, args)
        if args.command == "checks":
            return _checks(args.id)
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
    except KeyboardInterrupt:
        sys.stderr.write("deepdive: interrupted\n")
        return 130
    except BrokenPipeError:
        return 0


def run() -> NoReturn:
    raise SystemExit(main())
