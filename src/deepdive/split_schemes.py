"""How an evaluation split its data (by time, at random or by group), and how it was tested
live (an A/B test, shadow mode, champion-challenger).

Interviewers probe the split because it decides whether an offline number means anything. A
reply that describes the evaluation with another kind of split than the overview ("random
five-fold cross-validation" after "we held out the last two months") has changed the story,
as surely as a changed number; so has one that tells a shadow run as an A/B test. The phrases
for each kind live in ``data/consistency.yaml``
(``split_schemes``); a mention set aside just before it ("out of curiosity I also ran a random
split", "rather than a random split") says nothing about how the evaluation was done.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from deepdive.datafiles import compile_patterns, keys, load_data, require
from deepdive.quantity_frames import not_a_claim
from deepdive.sentences import Sentence

FILE = "consistency.yaml"
_NO_LEAK = re.compile(
    r"\b(?:no|nothing|none)\b(?:\s+[\w-]+){0,4}?\s+(?:leaked|leaks|leaking|could\s+leak)\b"
    # "that kept leakage out", "to avoid leakage", "without any leakage"
    r"|\b(?:kept|keeps|keep|keeping)\s+(?:\w+\s+){0,2}leak\w*\s+out\b"
    r"|\b(?:avoid\w*|prevent\w*|without|no)\s+(?:any\s+)?(?:[\w-]+\s+)?leak\w*",
    re.I,
)


@dataclass(frozen=True)
class _Rules:
    kinds: dict[str, re.Pattern[str]]
    aside: re.Pattern[str]
    supposed: re.Pattern[str]
    evaluation: re.Pattern[str] | None


@cache
def _rules(table_key: str = "split_schemes", evaluation_key: str | None = None) -> _Rules:
    cfg = load_data(FILE)
    table = require(FILE, cfg, table_key, dict)

    def patterns(key: str) -> re.Pattern[str]:
        return compile_patterns(FILE, cfg, require(FILE, cfg, key, list))

    return _Rules(
        {k: compile_patterns(FILE, table, require(FILE, table, k, list)) for k in keys(table)},
        patterns("split_set_aside"),
        patterns("split_supposed_after"),
        patterns(evaluation_key) if evaluation_key else None,
    )


def split_kinds(sentences: list[Sentence]) -> dict[str, str]:
    """Each kind of split the text says the evaluation used, with the sentence saying it."""
    return _kinds(sentences, _rules("split_schemes", "split_evaluation_words"))


def online_kinds(sentences: list[Sentence]) -> dict[str, str]:
    """Each kind of live test the text says was run (an A/B test, shadow mode, a
    champion-challenger split, an interleaving test), with the sentence saying it
    (``online_tests`` in ``data/consistency.yaml``)."""
    return _kinds(sentences, _rules("online_tests"))


def _kinds(sentences: list[Sentence], rules: _Rules) -> dict[str, str]:
    out: dict[str, str] = {}
    for s in sentences:
        if rules.evaluation and not rules.evaluation.search(s.text):
            continue  # customers split for a test
        for kind, pattern in rules.kinds.items():
            for m in pattern.finditer(s.text):
                before, after = s.text[max(0, m.start() - 60) : m.start()], s.text[m.end() :]
                # "a random split would have flattered us" supposes the split; an assurance
                # that nothing leaked ("..., so no future rows leaked") says nothing against it
                if not_a_claim(_NO_LEAK.sub(" ", s.text)):
                    continue
                if not rules.aside.search(before) and not rules.supposed.search(after):
                    out.setdefault(kind, s.text)
                    break
    return out
