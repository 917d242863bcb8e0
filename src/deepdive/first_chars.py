"""The characters a regex fragment can start with, used to speed up big phrase alternations.

``compile_patterns`` joins hundreds of fragments into one alternation. Python's regex engine
tries every branch at every word start; a branch that begins with a group ("(?:the\\s+)?data")
has to be entered before it fails. Prefixing such a branch with a lookahead for its possible
first characters ("(?=[dDtT])") lets it fail at once, without changing what matches.
"""

from __future__ import annotations

import importlib
from typing import Any

# The standard library's own regex parser (private, but stable within the pinned Python);
# anything it cannot tell us just means no lookahead.
sre_parse: Any = importlib.import_module("re._parser")
sre: Any = importlib.import_module("re._constants")

# Character ranges wider than this are not worth a lookahead.
_MAX_RANGE = 300


def first_chars(fragment: str) -> frozenset[str] | None:
    """Characters a match of ``fragment`` can start with, or ``None`` when that is not known
    (the fragment can match the empty string, or starts with any character or a class)."""
    try:
        chars, nullable = _first(list(sre_parse.parse(fragment)))
    except Exception:  # any parse surprise just means "no speed-up"
        return None
    if chars is None or nullable:
        return None
    return frozenset(chars)


def lookahead(fragment: str) -> str:
    """``fragment`` prefixed with a case-insensitive lookahead for its first characters."""
    chars = first_chars(fragment)
    if not chars:
        return fragment
    both = sorted({c for ch in chars for c in (ch.lower(), ch.upper())})
    return "(?=[" + "".join("\\" + c if c in "\\]^-[" else c for c in both) + "])" + fragment


def _first(items: list[tuple[Any, Any]]) -> tuple[set[str] | None, bool]:
    """(possible first characters or None for unknown, whether the sequence can be empty)."""
    out: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            out.add(chr(av))
            return out, False
        if op is sre.IN:
            chars = _charset(av)
            if chars is None:
                return None, False
            return out | chars, False
        if op is sre.SUBPATTERN:
            step = [_first(list(av[-1]))]
        elif op is sre.BRANCH:
            step = [_first(list(branch)) for branch in av[1]]
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, _, body = av
            chars, nullable = _first(list(body))
            step = [(chars, nullable or low == 0)]
        elif op in (sre.ASSERT, sre.ASSERT_NOT) or (op is sre.AT and av is not sre.AT_BEGINNING):
            continue  # zero-width: the next item decides
        else:
            return None, False  # any character, a category, a back-reference, "^" ...
        if any(chars is None for chars, _ in step):
            return None, False
        for chars, _ in step:
            out |= chars or set()
        if not any(nullable for _, nullable in step):
            return out, False
    return out, True


def _charset(items: list[tuple[Any, Any]]) -> set[str] | None:
    chars: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            chars.add(chr(av))
        elif op is sre.RANGE and av[1] - av[0] <= _MAX_RANGE:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        else:
            return None  # negated sets, categories such as \w, wide ranges
    return chars
