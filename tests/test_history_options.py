"""Options given before a history subcommand: applied where they mean something, else refused."""

from __future__ import annotations

import argparse

import pytest

from deepdive.history_options import TOP, add_list_options, apply_history_options


def _parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_list_options(parser, dest_prefix=TOP)
    sub = parser.add_subparsers(dest="sub")
    add_list_options(sub.add_parser("list"))
    trend = sub.add_parser("trend")
    trend.add_argument("--project", default=None)
    trend.add_argument("--json", action="store_true")
    return parser.parse_args(list(argv))


def test_options_before_list_apply_and_its_own_win() -> None:
    args = _parse("--project", "churn", "--limit", "3", "list", "--project", "fraud")
    apply_history_options(args, "list")
    assert (args.project, args.limit) == ("fraud", 3)


def test_history_alone_lists_with_the_options_before_it() -> None:
    args = _parse("--since", "2026-01-01")
    apply_history_options(args, "list")
    assert (args.since, args.project, args.json) == ("2026-01-01", None, False)


def test_trend_takes_the_project_and_refuses_what_it_would_ignore() -> None:
    args = _parse("--project", "churn", "trend")
    apply_history_options(args, "trend")
    assert args.project == "churn"
    with pytest.raises(ValueError, match="--limit does not apply to 'history trend'"):
        apply_history_options(_parse("--limit", "2", "trend"), "trend")
