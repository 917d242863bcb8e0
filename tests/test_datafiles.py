"""Data files: every shipped file loads; malformed content names the file and the line."""

from __future__ import annotations

from importlib import resources

import pytest

from deepdive.datafiles import DataFileError, compile_patterns, parse_yaml, require
from deepdive.followups import followup_bank
from deepdive.settings import settings


def test_all_shipped_files_parse() -> None:
    folder = resources.files("deepdive") / "data"
    names = [p.name for p in folder.iterdir() if p.name.endswith(".yaml")]
    assert len(names) >= 7
    for name in names:
        parse_yaml((folder / name).read_text(encoding="utf-8"), name)


def test_syntax_error_names_file_and_line() -> None:
    with pytest.raises(DataFileError, match=r"^parts\.yaml:3: "):
        parse_yaml("a: 1\nb: [1, 2\nc: ?x]\n", "parts.yaml")


def test_missing_key_names_line() -> None:
    data = parse_yaml("first: 1\nentry:\n  weight: 2\n", "x.yaml")
    with pytest.raises(DataFileError, match=r"^x\.yaml:3: missing key 'patterns'"):
        require("x.yaml", data["entry"], "patterns", list)


def test_wrong_type_names_line() -> None:
    data = parse_yaml("entry:\n  weight: heavy\n", "x.yaml")
    with pytest.raises(DataFileError, match=r"x\.yaml:2: 'weight' must be float"):
        require("x.yaml", data["entry"], "weight", float)


def test_bad_regex_names_line() -> None:
    data = parse_yaml("entry:\n  patterns: ['(unclosed']\n", "x.yaml")
    with pytest.raises(DataFileError, match=r"x\.yaml:2: bad pattern"):
        compile_patterns("x.yaml", data["entry"], data["entry"]["patterns"])


def test_followup_templates_validate() -> None:
    bank = followup_bank()
    assert set(bank.families) == {"why_model", "how_known", "hardest_bug", "scale_10x", "hindsight"}
    assert all(bank.families[f][-1].needs == () for f in bank.families)


def test_settings() -> None:
    s = settings()
    assert s.max_words == 480 and s.words_per_minute == 150


@pytest.mark.parametrize(
    ("pattern", "text", "matches"),
    [
        ("model", "the model was small", True),
        ("model", "the remodelled kitchen", False),  # word-bounded on both sides
        ("beat", "heartbeat", False),
        ("\\w+\\x27d\\s+do\\s+it\\s+differently", "I'd do it differently", True),
        ("\\x27d\\s+do", "I'd do it", False),  # a match starts at a word start
        ("data\\s+from\\s+", "the data from their system", True),  # a trailing space is fine
        ("data\\s+from", "the data fromage", False),
    ],
)
def test_compiled_patterns_are_bounded_only_at_word_edges(
    pattern: str, text: str, matches: bool
) -> None:
    compiled = compile_patterns("x.yaml", {}, [pattern])
    assert bool(compiled.search(text)) is matches


@pytest.mark.parametrize(
    ("unless", "error"),
    [
        ("[gapp]", r"followups\.yaml:2: unknown fact 'gapp'"),
        ("gap", r"followups\.yaml:4: 'unless' must be list"),  # a bare word, not a list
    ],
)
def test_a_template_skipped_for_a_bad_fact_names_the_line(unless: str, error: str) -> None:
    from deepdive.followups import _templates

    data = parse_yaml(
        f"why_model:\n  - id: a\n    needs: []\n    unless: {unless}\n"
        "    question: Why?\n    because: Because.\n",
        "followups.yaml",
    )
    with pytest.raises(DataFileError, match=error):
        _templates("followups.yaml", data, "why_model", "why_model")


def test_a_template_asked_only_when_a_fact_holds_is_validated() -> None:
    from deepdive.followups import _templates

    def templates(when: str, then: str = "") -> None:
        data = parse_yaml(
            f"scale_10x:\n  - id: a\n    needs: []\n    when: {when}\n"
            f"    question: Why?\n    because: Because.\n{then}",
            "followups.yaml",
        )
        _templates("followups.yaml", data, "scale_10x", "scale_10x")

    with pytest.raises(DataFileError, match=r"followups\.yaml:2: unknown fact 'nightly'"):
        templates("[nightly]")
    # a list cannot end with a question asked only for some answers
    with pytest.raises(DataFileError, match=r"must end with a template that needs nothing"):
        templates("[batch]")
    templates("[batch]", "  - id: b\n    needs: []\n    question: How?\n    because: So.\n")
