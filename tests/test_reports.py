"""Whole-report golden files at a fixed width. Regenerate on purpose only:
DEEPDIVE_REGEN_GOLDEN=1 pytest tests/test_reports.py
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import pytest

from deepdive import analyze
from deepdive.markdown_report import render_markdown
from deepdive.terminal_report import render_text

GOLDEN = Path(__file__).parent / "golden"
CORPUS = Path(__file__).parent / "corpus" / "answers"


def _example() -> str:
    return (resources.files("deepdive") / "data" / "examples" / "fraud_team.txt").read_text(
        encoding="utf-8"
    )


def _corpus_text(name: str) -> str:
    from deepdive.checks import CHECKS
    from deepdive.corpus import parse_corpus_file

    return parse_corpus_file(CORPUS / f"{name}.txt", {c.ID for c in CHECKS}).text


def _transcript() -> str:
    return (Path(__file__).parent / "data" / "transcript_answer.txt").read_text(encoding="utf-8")


CASES = {
    "transcript_report.txt": lambda: render_text(analyze(_transcript()), width=100),
    "transcript_report.md": lambda: render_markdown(analyze(_transcript())),
    "example_report.txt": lambda: render_text(analyze(_example()), width=100),
    "example_report.md": lambda: render_markdown(analyze(_example())),
    "example_analysis.json": lambda: analyze(_example()).to_json() + "\n",
    "weak_spoken_report.txt": lambda: render_text(
        analyze(_corpus_text("fraud-vague-weak")), width=80
    ),
    "weak_spoken_analysis.json": lambda: analyze(_corpus_text("fraud-vague-weak")).to_json() + "\n",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden(name: str) -> None:
    actual = CASES[name]()
    path = GOLDEN / name
    if os.environ.get("DEEPDIVE_REGEN_GOLDEN") == "1":
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"missing golden file {name}; regenerate with DEEPDIVE_REGEN_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8")


def test_report_marks_every_sentence_by_part() -> None:
    a = analyze(_example())
    text = render_text(a, width=100)
    assert text.count("[") >= len(a.sentences)
    for f in a.findings:
        assert f.id in text


def test_markdown_escapes_user_text() -> None:
    a = analyze(
        "I cut fraud losses by 30% with a model. The <b>data</b> came from card *logs*. "
        "We compared it to | the old rules."
    )
    md = render_markdown(a)
    assert "<b>" not in md
    assert "\\*logs\\*" in md
