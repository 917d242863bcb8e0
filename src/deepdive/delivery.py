"""Fillers and hedges: how the answer is delivered (content in ``data/delivery.yaml``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from deepdive.datafiles import compile_patterns, load_data, require


@dataclass(frozen=True)
class Delivery:
    filler_words: frozenset[str]
    fillers: re.Pattern[str]
    hedges: re.Pattern[str]
    hedging_min_count: int
    hedging_per_100_words: float
    text_fillers: re.Pattern[str]
    fillers_per_100_words: float
    text_filler_min: int
    cue_noise: re.Pattern[str]

    def without_intensifiers(self, text: str) -> str:
        """``text`` without adverbs that only intensify or soften ("actually", "a bit",
        "really") and without the auxiliary of a perfect tense ("I've learned", "we'd
        underestimated"), so a cue written for "we never measured" or "I learned" also reads
        "we never actually measured" and "I've learned"; cues are matched on both."""
        text = _PERFECT.sub(r"\1 ", text)

        def drop(m: re.Match[str]) -> str:
            # "not just good", "didn't simply test": after a negation the adverb carries it
            negated = _NEGATION_BEFORE.search(text, 0, m.start())
            return m.group() if negated and m.group().lower() in _ONLY_WORDS else " "

        return " ".join(self.cue_noise.sub(drop, text).split())

    def strip_fillers(self, text: str) -> str:
        """``text`` with fillers replaced by spaces (for cue matching, not for display)."""
        return self.fillers.sub(" ", text)

    def hedge_count(self, text: str) -> int:
        return len(self.hedges.findall(text))

    def filler_count(self, text: str) -> int:
        """Fillers in written-down speech: "um", "uh", "you know", "I mean", a comma'd "like"."""
        return len(self.text_fillers.findall(text))


_ONLY_WORDS = frozenset({"just", "simply", "only", "merely"})
_NEGATION_BEFORE = re.compile(r"(?:\bnot|\bnever|n['’]t)\s+$", re.I)
# "I've learned", "we'd underestimated", "we have realised": the speaker and a past participle
_PERFECT = re.compile(
    r"\b(i|we|they|you)(?:['’]ve|['’]d|\s+have|\s+had)\s+(?=(?:\w+ed|been|done|made|got|gotten|"
    r"learnt|built|seen|known|taken|found|thought|overfit|run|lost|spent|left|kept)\b)",
    re.I,
)


@cache
def delivery() -> Delivery:
    """The shared delivery vocabulary."""
    name = "delivery.yaml"
    cfg = load_data(name)
    words = require(name, cfg, "filler_words", str).lower().split()
    phrases = require(name, cfg, "filler_phrases", list)
    fillers = compile_patterns(
        name, cfg, [rf"{re.escape(w)}+" if len(w) > 1 else re.escape(w) for w in words] + phrases
    )
    return Delivery(
        filler_words=frozenset(words),
        fillers=fillers,
        hedges=compile_patterns(name, cfg, require(name, cfg, "hedges", list)),
        hedging_min_count=require(name, cfg, "hedging_min_count", int),
        hedging_per_100_words=require(name, cfg, "hedging_per_100_words", float),
        text_fillers=compile_patterns(
            name,
            cfg,
            [
                rf"{re.escape(w)}+"
                for w in require(name, cfg, "text_filler_words", str).lower().split()
            ]
            + require(name, cfg, "text_fillers", list),
        ),
        fillers_per_100_words=require(name, cfg, "fillers_per_100_words", float),
        cue_noise=compile_patterns(name, cfg, require(name, cfg, "intensifiers", list)),
        text_filler_min=require(name, cfg, "text_filler_min", int),
    )
