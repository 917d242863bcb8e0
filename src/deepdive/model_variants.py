"""Variants within one model family: ResNet-50 and ResNet-18, RoBERTa and DistilBERT.

The vocabulary reads both "ResNet-50" and "ResNet-18" as ResNet, so a retelling that swaps
one for the other names the same family; it still names another model. A mention's *variant*
is what it says beyond the family: a named variant (``model_variants`` in
``data/consistency.yaml``), a version number ("-50", "v8", "-b3", "4o") and a size ("large").
Two mentions name different models when some part of the variant is said in both and differs;
a part said in only one ("RoBERTa" and "RoBERTa-large", "a ResNet" and "ResNet-50") is a
rewording, not a change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from deepdive.datafiles import fail, load_data, require

_VERSION = re.compile(r"(?P<v>\d+(?:\.\d+)?(?:[a-z](?![a-z]))?)|-(?P<b>b\d)\b", re.I)


@dataclass(frozen=True)
class Variant:
    """What a model mention says beyond its family; ``None`` where it says nothing."""

    name: str | None
    version: str | None
    size: str | None
    params: str | None = None  # a parameter count: "70b", "340m"

    def differs(self, other: Variant) -> bool:
        """Some part said in both, and different ("large" and "340M" are said of two parts)."""
        pairs = (
            (self.name, other.name),
            (self.version, other.version),
            (self.size, other.size),
            (self.params, other.params),
        )
        return any(a is not None and b is not None and a != b for a, b in pairs)


@cache
def _rules() -> tuple[
    tuple[tuple[str, re.Pattern[str]], ...], re.Pattern[str], re.Pattern[str], re.Pattern[str]
]:
    name = "consistency.yaml"
    cfg = load_data(name)
    named = []
    for entry in require(name, cfg, "model_variants", list):
        label = require(name, entry, "name", str)
        try:
            named.append((label, re.compile(require(name, entry, "pattern", str), re.I)))
        except re.error as exc:
            raise fail(name, entry, f"bad pattern: {exc}") from None
    size_words = require(name, cfg, "model_sizes", str)
    sizes = re.compile(rf"\b(?:{size_words})\b", re.I)
    digits = re.compile(require(name, cfg, "model_name_digits", str), re.I)
    size = f"(?:{size_words})"
    not_counted = r"(?!\s+(?!parameters\b)[a-z]+s\b)"  # "1.5M examples", "base rates"
    suffix = re.compile(
        rf"(?:-(?:{size}|v?\d+(?:\.\d+)?[a-z]?)(?![\w-])"  # "Whisper-small", "ResNet-50"
        rf"|\s(?:{size}|{_PARAMS})(?![\w-]){not_counted}"  # "BERT large", "Llama 3 70B"
        # a version said apart only before a size or at the end of a phrase: "Llama 3 70B",
        # not "ResNet 18 months ago"
        rf"|\s\d+(?:\.\d+)?(?=\s(?:{size}|{_PARAMS})\b|\s*(?:[,.;:)]|$)))+",
        re.I,
    )
    return tuple(named), sizes, digits, suffix


def size_said_after(text: str, end: int) -> str:
    """The size or version said right after a model's name ending at ``end`` ("-small" in
    "Whisper-small", " 3 70B" in "Llama 3 70B"), or "" (not "ResNet 18 months ago")."""
    found = _rules()[3].match(text, end)
    return found.group() if found else ""


def variant(said: str) -> Variant:
    """The variant a model mention (its text as said: "ResNet-50", "roberta-large") names."""
    named, sizes, digits, _ = _rules()
    low = digits.sub(" ", said.lower())
    label = next((n for n, p in named if p.search(low)), None)
    m = _VERSION.search(low)
    version = (m.group("v") or m.group("b")) if m else None
    if version and version.endswith(".0"):
        version = version[:-2]  # "wav2vec 2.0" and "wav2vec2" name one version
    size = sizes.search(low)
    params = _PARAMETERS.search(low)
    if params and version == params.group().lower().rstrip("bm"):
        version = None  # "BERT 340M": the count, not a version
    return Variant(
        label,
        version,
        size.group().lower() if size else None,
        params.group().lower() if params else None,
    )


# a parameter count said as a size: "70B", "8b", "350M"
_PARAMS = r"\d+(?:\.\d+)?[bm]"
_PARAMETERS = re.compile(rf"(?<![\w.]){_PARAMS}\b", re.I)
