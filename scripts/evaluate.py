"""Print how the analysis scores on the labelled corpus (``make eval``).

Usage: python scripts/evaluate.py [--errors] [--split dev|test|all]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from deepdive import analyze
from deepdive.checks import CHECKS
from deepdive.corpus import CorpusError, load_corpus
from deepdive.evaluation import evaluate, format_report

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus" / "answers"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--errors", action="store_true", help="list every mismatch on dev")
    parser.add_argument("--split", default=None, choices=("dev", "test", "all"))
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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
