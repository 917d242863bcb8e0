"""What the rubric checks see: the answer, read once, with helpers to find evidence."""

from __future__ import annotations

from dataclasses import dataclass, field

from deepdive.datafiles import phrase_list
from deepdive.figures import Figure
from deepdive.ownership import OwnershipRead
from deepdive.parts import SentenceParts
from deepdive.sentences import Sentence, plain
from deepdive.shares import rare_shares
from deepdive.speech import AudioRead
from deepdive.vocab import Mention, vocab


@dataclass(frozen=True)
class Context:
    """One answer as the checks see it."""

    text: str
    sentences: tuple[Sentence, ...]
    labels: tuple[SentenceParts, ...]
    figures: tuple[Figure, ...]
    ownership: OwnershipRead
    present: dict[str, bool]
    weakly_present: dict[str, bool]
    part_sentences: dict[str, tuple[int, ...]]
    words: int
    leads_with_result: bool
    audio: AudioRead | None = None
    # the interviewer's line just before a candidate sentence, when a transcript has one
    prompts: dict[int, str] = field(default_factory=dict)
    _cache: dict[str, tuple[int, ...]] = field(default_factory=dict, compare=False, repr=False)
    _mentions: dict[str, list[tuple[int, Mention]]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def matching(self, key: str) -> tuple[int, ...]:
        """Indices of the sentences matching phrase list ``key`` from checks.yaml."""
        if key not in self._cache:
            pattern = phrase_list(key)
            self._cache[key] = tuple(
                i for i, s in enumerate(self.sentences) if pattern.search(plain(s.text))
            )
        return self._cache[key]

    def any(self, key: str) -> bool:
        return bool(self.matching(key))

    def mentions(self, kind: str) -> list[tuple[int, Mention]]:
        """Vocabulary mentions of ``kind`` with the index of their sentence."""
        if kind not in self._mentions:
            out: list[tuple[int, Mention]] = []
            for i, s in enumerate(self.sentences):
                out.extend((i, m) for m in vocab().find(kind, s.text))
            self._mentions[kind] = out
        return self._mentions[kind]

    def rare_shares(self) -> tuple[int, ...]:
        """Sentences that state a rare class share ("1% of the examples were failures")."""
        if "__rare_shares__" not in self._cache:
            self._cache["__rare_shares__"] = tuple(
                i for i, s in enumerate(self.sentences) if rare_shares(s.text)
            )
        return self._cache["__rare_shares__"]

    def label(self, i: int) -> str:
        return self.labels[i].label

    def body(self) -> list[int]:
        """Indices of the sentences that are not headings."""
        return [i for i, s in enumerate(self.sentences) if not s.heading]
