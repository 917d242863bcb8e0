"""Phrase lists for reading follow-up replies (``data/replies.yaml``), compiled once each."""

from __future__ import annotations

import re
from functools import cache

from deepdive.datafiles import compile_patterns, load_data, require


@cache
def reply_phrases(key: str) -> re.Pattern[str]:
    """A phrase list from ``data/replies.yaml`` compiled into one pattern."""
    cfg = load_data("replies.yaml")
    return compile_patterns("replies.yaml", cfg, require("replies.yaml", cfg, key, list))
