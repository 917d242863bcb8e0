"""The first-character lookahead (deepdive/first_chars.py) speeds matching without changing it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deepdive.datafiles import load_data
from deepdive.first_chars import first_chars, lookahead


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ("data", "d"),
        ("(?:the\\s+)?(?:data|dataset)", "dt"),
        ("(?:i|we)\\s*(?:would|\\x27d)", "iw"),
        ("\\x27d\\s+do", "'"),
        ("[ab]c", "ab"),
        ("(?=x)y", "y"),
    ],
)
def test_first_chars(fragment: str, expected: str) -> None:
    assert first_chars(fragment) == frozenset(expected)


@pytest.mark.parametrize(
    "fragment", ["[\\w-]+\\s+bias", "^\\W*foo", "a?b?", ".x", "(?:x|)", "\\d+"]
)
def test_unknown_first_chars_get_no_lookahead(fragment: str) -> None:
    assert first_chars(fragment) is None
    assert lookahead(fragment) == fragment


def _shipped_fragments() -> list[str]:
    out: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "patterns" and isinstance(value, list):
                    out.extend(v for v in value if isinstance(v, str))
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for name in ("parts.yaml", "checks.yaml", "ownership.yaml", "figures.yaml", "vocab.yaml"):
        walk(load_data(name))
    return out


FRAGMENTS = _shipped_fragments()
CORPUS = Path(__file__).parent / "corpus" / "answers"
LINES = [
    line.split("|", 1)[1].strip()
    for path in sorted(CORPUS.glob("*.txt"))[:60]
    for line in path.read_text(encoding="utf-8").split("---\n", 1)[1].splitlines()
    if "|" in line
]


def test_lookahead_never_changes_a_match_on_corpus_text() -> None:
    assert len(FRAGMENTS) > 300
    for fragment in FRAGMENTS:
        plain = re.compile(f"(?:{fragment})", re.I)
        fast = re.compile(lookahead(f"(?:{fragment})"), re.I)
        for text in LINES:
            a, b = plain.search(text), fast.search(text)
            assert (a and a.span()) == (b and b.span()), (fragment, text)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(FRAGMENTS), st.text(alphabet="abdefilmnorstw '-.,0123456789%", max_size=60))
def test_lookahead_never_changes_a_match_on_any_text(fragment: str, text: str) -> None:
    plain = re.compile(f"(?:{fragment})", re.I)
    fast = re.compile(lookahead(f"(?:{fragment})"), re.I)
    a, b = plain.search(text), fast.search(text)
    assert (a and a.span()) == (b and b.span())
