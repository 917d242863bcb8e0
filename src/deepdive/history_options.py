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


# (option, placeholder, help) of the filters that take a value
_FILTERS = (
    ("project", "NAME", "only this project"),
    ("since", "DATE", "only attempts on or after this date (YYYY-MM-DD)"),
    ("until", "DATE", "only attempts on or before this date (YYYY-MM-DD)"),
    ("question", "TEXT", "only attempts whose question contains TEXT"),
)


def add_list_options(p: argparse.ArgumentParser, dest_prefix: str = "") -> None:
    for name, meta, said in _FILTERS:
        p.add_argument(f"--{name}", dest=dest_prefix + name, metavar=meta, default=None, help=said)
    p.add_argument(
        "--limit", dest=dest_prefix + "limit", metavar="N", type=int, help="at most N attempts"
    )
    p.add_argument("--json", dest=dest_prefix + "json", action="store_true", help="print as JSON")


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
