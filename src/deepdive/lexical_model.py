"""A small learned lexical model of the six parts, used beside the hand-written cues.

The cue phrases in ``parts.yaml`` are precise but miss paraphrases. This model adds a soft
vote learned from the labelled corpus (dev split only): one logistic regression per part over
word unigrams and bigrams of the sentence, with fillers removed and numbers collapsed. It is
trained by ``scripts/train_lexical_model.py`` and shipped as ``data/lexical_model.json``;
at run time it is a dictionary lookup per word.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from deepdive.datafiles import DataFileError
from deepdive.delivery import delivery

PARTS = ("hook", "problem", "data", "modeling", "evaluation", "reflection")
_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+(?:[.,]\d+)*%?|%|\$")
# Discourse words dropped from features besides the fillers in data/delivery.yaml.
_SKIP = frozenset({"like", "yeah", "okay", "ok", "so"})


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s", "ly"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def features(text: str) -> list[str]:
    """Unigram and bigram features of a sentence (lowercased, stemmed, numbers collapsed)."""
    words: list[str] = []
    skip = _SKIP | delivery().filler_words
    for tok in _TOKEN.findall(text.lower()):
        if tok in skip:
            continue
        if tok[0].isdigit() or tok in ("%", "$"):
            words.append("<pct>" if tok.endswith("%") else "<num>")
        else:
            words.append(_stem(tok))
    feats = [f"u:{w}" for w in words]
    feats += [f"b:{a}_{b}" for a, b in itertools.pairwise(words)]
    return feats


@dataclass(frozen=True)
class LexicalModel:
    bias: dict[str, float]
    weights: dict[str, dict[str, float]]
    # feature -> its weight for every part, so one lookup serves all six parts
    _rows: dict[str, tuple[float, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        names = {f for part in PARTS for f in self.weights[part]}
        rows = {f: tuple(self.weights[p].get(f, 0.0) for p in PARTS) for f in names}
        object.__setattr__(self, "_rows", rows)

    def probabilities(self, text: str) -> dict[str, float]:
        """P(sentence carries part) for each part."""
        feats = list(dict.fromkeys(features(text)))  # ordered: sums are reproducible
        totals = [0.0] * len(PARTS)
        for f in feats:
            row = self._rows.get(f)
            if row is not None:
                for k, w in enumerate(row):
                    totals[k] += w
        out: dict[str, float] = {}
        for k, part in enumerate(PARTS):
            z = self.bias[part] + totals[k]
            out[part] = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
        return out

    def to_json(self) -> str:
        return json.dumps(
            {"bias": self.bias, "weights": self.weights}, sort_keys=True, separators=(",", ":")
        )


def train(
    examples: Sequence[tuple[str, Iterable[str]]],
    epochs: int = 60,
    l2: float = 0.002,
    rate: float = 0.5,
    min_count: int = 2,
) -> LexicalModel:
    """Train one-vs-rest logistic regressions by full-batch gradient descent (deterministic)."""
    rows = [(set(features(text)), set(tags)) for text, tags in examples]
    counts: dict[str, int] = {}
    for feats, _ in rows:
        for f in feats:
            counts[f] = counts.get(f, 0) + 1
    vocab = sorted(f for f, c in counts.items() if c >= min_count)
    keep = set(vocab)
    rows = [({f for f in feats if f in keep}, tags) for feats, tags in rows]
    n = len(rows)
    bias: dict[str, float] = {}
    weights: dict[str, dict[str, float]] = {}
    for part in PARTS:
        w = dict.fromkeys(vocab, 0.0)
        b = 0.0
        ys = [1.0 if part in tags else 0.0 for _, tags in rows]
        for _ in range(epochs):
            grad = dict.fromkeys(vocab, 0.0)
            gb = 0.0
            for (feats, _), y in zip(rows, ys, strict=True):
                z = b + sum(w[f] for f in feats)
                p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
                err = p - y
                gb += err
                for f in feats:
                    grad[f] += err
            b -= rate * gb / n
            for f in vocab:
                w[f] -= rate * (grad[f] / n + l2 * w[f]) * 8
        bias[part] = round(b, 4)
        weights[part] = {f: round(v, 4) for f, v in w.items() if abs(v) >= 0.01}
    return LexicalModel(bias, weights)


@cache
def lexical_model() -> LexicalModel | None:
    """The shipped model, or ``None`` when the package has none."""
    ref = resources.files("deepdive") / "data" / "lexical_model.json"
    try:
        data = json.loads(ref.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except json.JSONDecodeError as exc:
        raise DataFileError(f"lexical_model.json:{exc.lineno}: {exc.msg}") from None
    try:
        return LexicalModel(
            {p: float(data["bias"][p]) for p in PARTS},
            {p: {str(k): float(v) for k, v in data["weights"][p].items()} for p in PARTS},
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise DataFileError(f"lexical_model.json: malformed model ({exc})") from None
