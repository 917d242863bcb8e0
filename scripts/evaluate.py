"""Print how the analysis scores on the labelled corpora (``make eval``).

Three yardsticks. The project's own corpus (``tests/corpus/answers``), dev and test splits: what
the rules and the learned models were built on, so it is a regression test, not evidence of
generalisation. The real corpus (``../shared/realdev``, or ``DEEPDIVE_REALDEV``): answers by
people outside the project, scored leave-one-source-out — whatever is learned from that corpus
is fitted on the other source groups only. It is skipped, with a note, when absent. And single
sentences labelled blind (written ones, and our labels of the real corpus's sentences): how the
sentence-level reading fares, part by part, one sentence at a time. Then bank search on blind
queries, and the checks that compare what a candidate says with something else (contradictions,
drill reply checks, retelling drift and coverage, bank practice key points; issue 13).

Usage: python scripts/evaluate.py [--errors] [--real-errors] [--claim-errors]
                                  [--split dev|test|all] [--no-real]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from deepdive import analyze
from deepdive.checks import CHECKS
from deepdive.claim_evaluation import report as claim_report
from deepdive.corpus import CorpusError, load_corpus
from deepdive.evaluation import evaluate, format_report
from deepdive.planted import measure_planted
from deepdive.real_evaluation import (
    evaluate_real,
    evaluate_sentences,
    format_real_report,
    format_real_summary,
    format_sentence_report,
)
from deepdive.realcorpus import RealCorpusError, load_real
from deepdive.sentence_labels import SentenceLabelError, load_real_sentences, load_written

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus" / "answers"
WRITTEN = ROOT / "tests" / "corpus" / "concept_sentences"
REAL_SENTENCE_LABELS = ROOT / "tests" / "realdev" / "sentence_labels.jsonl"
PLANTED_3 = "planted_answers_3.yaml"  # sets 1 and 2 are exact regression tests, all read


def search_report() -> str:
    """Bank search on the blind-labelled queries: the first batch's dev (even) and test (odd)
    halves, the later batches (the 3rd to 17th paraphrased), and all of them together."""
    import yaml

    from deepdive.bank import shipped
    from deepdive.search_quality import LabelledQuery, measure

    rows = yaml.safe_load((ROOT / "tests" / "data" / "search_queries.yaml").read_text())["queries"]
    lines = ["== bank search, blind-labelled queries =="]
    every = [LabelledQuery(r["query"], tuple(r["accept"])) for r in rows]
    for half, name in ((0, "dev"), (1, "test")):
        queries = [
            LabelledQuery(r["query"], tuple(r["accept"]))
            for i, r in enumerate(rows)
            if i % 2 == half
        ]
        lines.append(f"{name:<5} {measure(shipped(), queries).summary()}")
    for n, name in (
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (5, "5th"),
        (6, "6th"),
        (7, "7th"),
        (8, "8th"),
        (9, "9th"),
        (10, "10th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (14, "14th"),
        (15, "15th"),
        (16, "16th"),
        (17, "17th"),
    ):
        later = yaml.safe_load((ROOT / "tests" / "data" / f"search_queries_{n}.yaml").read_text())
        batch = [LabelledQuery(r["query"], tuple(r["accept"])) for r in later["queries"]]
        lines.append(f"{name:<5} {measure(shipped(), batch).summary()}")
        every += batch
    lines.append(f"{'all':<5} {measure(shipped(), every).summary()}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--errors", action="store_true", help="list every mismatch on dev")
    parser.add_argument("--real-errors", action="store_true", help="list mismatches on realdev")
    parser.add_argument("--split", default=None, choices=("dev", "test", "all"))
    parser.add_argument("--no-real", action="store_true", help="skip the real corpus")
    parser.add_argument(
        "--claim-errors", action="store_true", help="list mismatches on the issue-13 sets"
    )
    args = parser.parse_args()
    ids = [c.ID for c in CHECKS]
    try:
        answers = load_corpus(CORPUS, set(ids))
    except CorpusError as exc:
        print(f"corpus error: {exc}", file=sys.stderr)
        return 1
    reports = evaluate(answers, analyze, ids)
    for name in (args.split,) if args.split else ("dev", "test"):
        print(format_report(reports[name]))
        print()
    if args.errors:
        for line in reports["dev"].errors:
            print(line)
    try:
        written = load_written(WRITTEN)
    except SentenceLabelError as exc:
        print(f"sentence labels error: {exc}", file=sys.stderr)
        return 1
    print(format_sentence_report("blind-written sentences", evaluate_sentences(written)))
    print()
    print(search_report())
    print()
    print(claim_report(ROOT / "tests" / "data", show_errors=args.claim_errors))
    print()
    print("== whole answers with problems planted ==")
    for split, tally in measure_planted(ROOT / "tests" / "data" / PLANTED_3, analyze).items():
        print(tally.line(f"planted-3 {split}"))
    print()
    if args.no_real:
        return 0
    try:
        real = load_real()
    except RealCorpusError as exc:
        print(f"real corpus skipped: {exc}")
        return 0
    # Nothing in the engine is fitted on the real corpus, so every fold uses the same analyser.
    real_reports = evaluate_real(real, lambda _training: analyze)
    print(format_real_report(real_reports["all"]))
    print()
    print(format_real_summary(real_reports))
    print()
    try:
        ours = load_real_sentences(REAL_SENTENCE_LABELS, real)
    except SentenceLabelError as exc:
        print(f"sentence labels error: {exc}", file=sys.stderr)
        return 1
    print(format_sentence_report("real sentences, our blind labels", evaluate_sentences(ours)))
    if args.real_errors:
        for line in real_reports["all"].errors:
            print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
