"""The ``--width`` option every report command takes: a width in terminal columns.

A report needs room for a label, a bar and a number on one line, and words must not be cut
across lines, so a width under ``MIN_COLUMNS`` is refused with a message rather than printing
nothing (0 or less) or a report with every word broken (5); over ``MAX_COLUMNS`` is refused
too, as a typo more likely than a screen.
"""

from __future__ import annotations

import argparse

MIN_COLUMNS = 50
MAX_COLUMNS = 1000


def columns(text: str) -> int:
    """argparse type for ``--width``: a whole number of columns, 50 to 1000."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of columns") from None
    if not MIN_COLUMNS <= value <= MAX_COLUMNS:
        raise argparse.ArgumentTypeError(
            f"{value} columns is outside {MIN_COLUMNS}-{MAX_COLUMNS}; try 80 or 100"
        )
    return value
