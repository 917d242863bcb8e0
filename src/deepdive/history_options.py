"""The options that filter saved attempts (``history``, ``history list``), and how options given
before a history subcommand apply to it.

``history --project X`` (before any subcommand) is kept apart from ``history trend --project X``
under its own names (``top_project``...), since a subcommand's own default would otherwise
overwrite it; :func:`apply_history_options` then hands it to the subcommand, or refuses it
where it would be silently ignored. No heavy imports: the parser is built for every command.
"""

from __future__ import annotations

import argparse

TOP = "top_"
LIST_OPTIONS = ("project", "since", "until", "question", "limit", "json")
# which of them each subcommand takes from before it (every one for list)
APPLIES = {"list": LIST_OPTIONS, "trend": ("project", "json"), "show": ("json",)}


def add_list_options(p: argparse.ArgumentParser, dest_prefix: str = "") -> None:
    d = dest_prefix
    p.add_argument(
        "--project", dest=d + "project", metavar="NAME", default=None, help="only this project"
    )
    p.add_argument(
        "--since",
        dest=d + "since",
        metavar="DATE",
        default=None,
        help="only attempts on or after this date (YYYY-MM-DD)",
    )
    p.add_argument(
        "--until",
        dest=d + "until",
        metavar="DATE",
        default=None,
        help="only attempts on or before this date (YYYY-MM-DD)",
    )
    p.add_argument(
        "--question",
        dest=d + "question",
        metavar="TEXT",
        default=None,
        help="only attempts whose question contains TEXT",
    )
    p.add_argument(
        "--limit", dest=d + "limit", metavar="N", type=int, default=None, help="at most N attempts"
    )
    p.add_argument("--json", dest=d + "json", action="store_true", help="print as JSON")


def apply_history_options(args: argparse.Namespace, sub: str) -> None:
    """Options given before the subcommand apply to it where they mean something; ValueError
    (a usage error) where they would be silently ignored."""
    for name in LIST_OPTIONS:
        if not hasattr(args, name):  # 'history' alone lists, with only the options before it
            setattr(args, name, False if name == "json" else None)
        value = getattr(args, TOP + name, None)
        if value is None or value is False:
            continue
        if name not in APPLIES.get(sub, ()):
            raise ValueError(f"--{name} does not apply to 'history {sub}'")
        if getattr(args, name, None) in (None, False):
            setattr(args, name, value)
