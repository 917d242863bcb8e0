"""Train the lexical part model on the corpus dev split and write data/lexical_model.json.

Usage: python scripts/train_lexical_model.py [--check]
With --check, exit 1 if the shipped model differs from a fresh training run.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from deepdive.checks import CHECKS
from deepdive.corpus import load_corpus
from deepdive.lexical_model import train

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus" / "answers"
MODEL = ROOT / "src" / "deepdive" / "data" / "lexical_model.json"


def build() -> str:
    answers = load_corpus(CORPUS, {c.ID for c in CHECKS})
    examples = [(s.text, s.tags) for a in answers if a.split == "dev" for s in a.segments]
    return train(examples).to_json() + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="only compare with the shipped model")
    args = parser.parse_args()
    text = build()
    if args.check:
        same = MODEL.exists() and MODEL.read_text(encoding="utf-8") == text
        print("lexical model is up to date" if same else "lexical model is stale: retrain it")
        return 0 if same else 1
    MODEL.write_text(text, encoding="utf-8")
    print(f"wrote {MODEL.relative_to(ROOT)} ({len(text) // 1000} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
