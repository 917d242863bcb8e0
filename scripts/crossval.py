"""Out-of-fold evaluation on the corpus dev split (for tuning without touching the test split).

The learned lexical model is trained on the dev split, so its votes on dev answers are
optimistic. This script splits the dev answers into folds, trains the model on the other folds,
analyses the held-out fold with it, and reports the pooled scores — an estimate of how much the
learned model's vote adds on answers it has not seen. (The hand-written cues were still written
with every dev answer in view; fresh, unseen answers remain the honest test of those.)

Usage: python scripts/crossval.py [--folds 5]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import deepdive.parts as parts_module
from deepdive import analyze
from deepdive.checks import CHECKS
from deepdive.corpus import LabelledAnswer, load_corpus
from deepdive.evaluation import METHOD_FINDINGS, SplitReport, evaluate
from deepdive.lexical_model import LexicalModel, train

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus" / "answers"


@contextmanager
def using_model(model: LexicalModel) -> Iterator[None]:
    """Make the part classifier use ``model`` instead of the shipped one."""
    original = parts_module.lexical_model
    parts_module.lexical_model = lambda: model  # type: ignore[assignment]
    try:
        yield
    finally:
        parts_module.lexical_model = original


def folds(answers: list[LabelledAnswer], k: int) -> list[list[LabelledAnswer]]:
    """Deterministic folds: answers sorted by id, dealt round-robin."""
    ordered = sorted(answers, key=lambda a: a.id)
    return [ordered[i::k] for i in range(k)]


def out_of_fold(answers: list[LabelledAnswer], k: int, ids: list[str]) -> SplitReport:
    reports: list[SplitReport] = []
    split = folds(answers, k)
    for i, held in enumerate(split):
        rest = [a for j, f in enumerate(split) if j != i for a in f]
        model = train([(s.text, s.tags) for a in rest for s in a.segments])
        with using_model(model):
            reports.append(evaluate(held, analyze, ids)["all"])
    return merge(reports)


def merge(reports: list[SplitReport]) -> SplitReport:
    out = SplitReport("out-of-fold dev")
    out.findings = {k: type(c)() for k, c in reports[0].findings.items()}
    for r in reports:
        out.answers += r.answers
        for p, c in r.parts.items():
            out.parts[p].tp += c.tp
            out.parts[p].fp += c.fp
            out.parts[p].fn += c.fn
        for f, c in r.findings.items():
            out.findings[f].tp += c.tp
            out.findings[f].fp += c.fp
            out.findings[f].fn += c.fn
        out.sentences_total += r.sentences_total
        out.sentences_right += r.sentences_right
        out.ownership_right += r.ownership_right
        out.pairs.extend(r.pairs)
        out.errors.extend(r.errors)
    return out


def summary(report: SplitReport) -> str:
    return (
        f"part macro-F1 {report.part_macro_f1:.3f}  "
        f"finding macro-F1 (9) {report.finding_macro_f1(METHOD_FINDINGS):.3f}  "
        f"sentence accuracy {report.sentence_accuracy:.3f}  "
        f"Spearman {report.spearman:.3f}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    ids = [c.ID for c in CHECKS]
    dev = [a for a in load_corpus(CORPUS, set(ids)) if a.split == "dev"]
    print(summary(out_of_fold(dev, args.folds, ids)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
