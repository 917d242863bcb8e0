"""The labelled corpus: well-formed, consistent with the label definitions, varied enough,
and the analysis stays above its measured floors on the held-out test split."""

from __future__ import annotations

import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from deepdive import analyze
from deepdive.checks import CHECKS
from deepdive.corpus import CorpusError, LabelledAnswer, load_corpus, parse_corpus_file
from deepdive.evaluation import METHOD_FINDINGS, SplitReport, evaluate, spearman
from tests.corpus.consistency import problems

ROOT = Path(__file__).resolve().parent.parent
ANSWERS = Path(__file__).parent / "corpus" / "answers"
IDS = {c.ID for c in CHECKS}


@cache
def corpus() -> tuple[LabelledAnswer, ...]:
    return tuple(load_corpus(ANSWERS, IDS))


@cache
def reports() -> dict[str, SplitReport]:
    return evaluate(list(corpus()), analyze, sorted(IDS))


def test_size_and_variety() -> None:
    answers = corpus()
    assert len(answers) >= 80
    assert len({a.domain for a in answers}) >= 10
    for field, values in (
        ("style", {"written", "spoken", "bullets", "report"}),
        ("quality", {"strong", "mediocre", "weak"}),
        ("persona", {"team", "solo", "switcher"}),
        ("split", {"dev", "test"}),
    ):
        assert {getattr(a, field) for a in answers} == values
    assert sum(a.split == "test" for a in answers) >= 30


def test_labels_follow_the_definitions() -> None:
    found = [p for a in corpus() for p in problems(a)]
    assert not found, "\n".join(found)


def test_every_method_finding_and_verdict_is_exercised() -> None:
    findings = {f for a in corpus() for f in a.findings}
    assert set(METHOD_FINDINGS) <= findings
    assert {a.ownership for a in corpus()} == {"calibrated", "overclaim", "underclaim", "unclear"}


def test_malformed_corpus_file_names_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "x.txt"
    bad.write_text(
        "id: x\ndomain: d\nstyle: written\nquality: weak\npersona: solo\nsplit: dev\n"
        "rating: 3\nownership: unclear\nfindings: []\njoin: space\n---\nhook | fine\n"
        "notatag | text\n",
        encoding="utf-8",
    )
    with pytest.raises(CorpusError, match=r"x\.txt:13: unknown tag 'notatag'"):
        parse_corpus_file(bad, IDS)


# Floors on the held-out test split: measured values minus a small margin, so a change that
# makes the analysis worse on unseen answers fails here (numbers in the closing note).
@pytest.mark.parametrize(
    ("measure", "floor"),
    [
        ("part_macro_f1", 0.90),
        ("finding_macro_f1", 0.75),
        ("ownership_accuracy", 0.90),
        ("spearman", 0.75),
    ],
)
def test_test_split_floor(measure: str, floor: float) -> None:
    r = reports()["test"]
    value = {
        "part_macro_f1": r.part_macro_f1,
        "finding_macro_f1": r.finding_macro_f1(METHOD_FINDINGS),
        "ownership_accuracy": r.ownership_accuracy,
        "spearman": r.spearman,
    }[measure]
    assert value >= floor, f"{measure} on the test split fell to {value:.3f} (floor {floor})"


def test_spearman_helper() -> None:
    assert spearman([1, 2, 3], [10, 20, 30]) == pytest.approx(1.0)
    assert spearman([1, 2, 3], [3, 2, 1]) == pytest.approx(-1.0)
    assert spearman([1, 1, 2], [5, 5, 9]) == pytest.approx(1.0)


def test_lexical_model_is_trained_on_the_current_dev_split() -> None:
    script = ROOT / "scripts" / "train_lexical_model.py"
    r = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
