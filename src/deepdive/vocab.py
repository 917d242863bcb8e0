"""Vocabularies of named things an ML answer mentions: models, metrics, validation schemes,
data problems and data sources (content in ``data/vocab.yaml``).

Acronyms that are also ordinary words ("MAP", "CV", "RAG") are written ``(?-i:MAP)`` in the data,
so "map" or "rag" in ordinary speech is not read as a metric or a model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from deepdive.datafiles import DataFileError, fail, load_data, require
from deepdive.first_chars import lookahead

KINDS = ("models", "metrics", "validation", "data_issues", "data_sources")


@dataclass(frozen=True)
class Mention:
    """A vocabulary term found in a text: which kind, its display name and its span."""

    kind: str
    name: str
    start: int
    end: int
    text: str


class Vocab:
    """Compiled matchers for every vocabulary kind."""

    def __init__(self) -> None:
        name = "vocab.yaml"
        data = load_data(name)
        self._matchers: dict[str, re.Pattern[str]] = {}
        # one entry's pattern each, to name a match of the combined pattern
        self._entries: dict[str, list[tuple[re.Pattern[str], str]]] = {}
        # a model family's broader family ("LightGBM" is a kind of "gradient boosting")
        self.broader: dict[str, str] = {}
        deep = require(name, data, "deep_learning", list)
        self.deep_learning = frozenset(str(d) for d in deep)
        for kind in KINDS:
            entries = require(name, data, kind, list)
            groups: list[str] = []
            singles: list[tuple[re.Pattern[str], str]] = []
            for entry in entries:
                display = require(name, entry, "name", str)
                patterns = require(name, entry, "patterns", list)
                if "kind" in entry:
                    self.broader[display] = require(name, entry, "kind", str)
                alts = []
                for p in patterns:
                    if not isinstance(p, str) or not p:
                        raise fail(name, entry, f"pattern {p!r} must be a non-empty string")
                    try:
                        compiled = re.compile(p)
                    except re.error as exc:
                        raise fail(name, entry, f"bad pattern {p!r}: {exc}") from None
                    if compiled.groups:
                        raise fail(name, entry, f"pattern {p!r} must not capture; use (?:...)")
                    alts.append(p)
                groups.append(lookahead("(?:" + "|".join(alts) + ")"))
                singles.append((re.compile(groups[-1] + r"(?![\w])", re.I), display))
            if not groups:
                raise DataFileError(f"{name}: '{kind}' has no entries")
            # Without a capture group per entry the search runs about a third faster; the
            # entry is found afterwards, only for the (few) matches.
            pattern = re.compile(r"(?<![\w-])(?:" + "|".join(groups) + r")(?![\w])", re.I)
            self._matchers[kind] = pattern
            self._entries[kind] = singles
        known = {d for entries in self._entries.values() for _, d in entries}
        for narrow, wide in self.broader.items():
            if wide not in known:
                raise DataFileError(f"{name}: {narrow!r} is a kind of {wide!r}, which has no entry")
        models = {d for _, d in self._entries["models"]}
        for d in sorted(self.deep_learning - models):
            raise DataFileError(f"{name}: deep_learning names {d!r}, which is no model entry")

    def is_a(self, narrow: str, wide: str) -> bool:
        """Is ``narrow`` the same as ``wide`` or a kind of it ("LightGBM" of "gradient
        boosting")? Siblings ("XGBoost", "LightGBM") are not."""
        seen: set[str] = set()
        while narrow not in seen:
            if narrow == wide:
                return True
            seen.add(narrow)
            narrow = self.broader.get(narrow, narrow)
        return False

    def is_deep(self, model: str) -> bool:
        """Is ``model`` deep learning (a kind of one of the ``deep_learning`` families)?"""
        return any(self.is_a(model, d) for d in self.deep_learning)

    def same_family(self, a: str, b: str) -> bool:
        """One names the other, or a kind of it: a rewording, not another model."""
        return self.is_a(a, b) or self.is_a(b, a)

    def find(self, kind: str, text: str) -> list[Mention]:
        """All mentions of ``kind`` in ``text``, in order of appearance (cached)."""
        return list(self._find(kind, text))

    @lru_cache(maxsize=8192)  # noqa: B019 - one Vocab lives for the whole process
    def _find(self, kind: str, text: str) -> tuple[Mention, ...]:
        pattern = self._matchers[kind]
        out: list[Mention] = []
        for m in pattern.finditer(text):
            # the alternation took the first entry that matches here, as this loop does
            display = next(d for p, d in self._entries[kind] if p.match(text, m.start()))
            out.append(Mention(kind, display, m.start(), m.end(), m.group()))
        return tuple(out)

    def names(self, kind: str, text: str) -> list[str]:
        """Distinct display names of ``kind`` mentioned in ``text``, first mention first."""
        seen: dict[str, None] = {}
        for mention in self.find(kind, text):
            seen.setdefault(mention.name, None)
        return list(seen)


@cache
def vocab() -> Vocab:
    """The shared, lazily compiled vocabulary."""
    return Vocab()
