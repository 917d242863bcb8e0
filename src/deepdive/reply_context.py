"""What a reply check sees: the question, the reply read once, and the overview."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from deepdive.analysis import Analysis, Followup
from deepdive.datafiles import compile_patterns, load_data, require
from deepdive.figures import Figure, figure_finder
from deepdive.sentences import Sentence, split_sentences


@cache
def reply_phrases(key: str) -> re.Pattern[str]:
    """A phrase list from ``data/replies.yaml`` compiled into one pattern."""
    cfg = load_data("replies.yaml")
    return compile_patterns("replies.yaml", cfg, require("replies.yaml", cfg, key, list))


@dataclass(frozen=True)
class ReplyContext:
    """One follow-up turn as the reply checks see it."""

    question: Followup
    reply: str
    overview_text: str
    overview: Analysis
    entities: dict[str, str]
    sentences: tuple[Sentence, ...] = field(init=False)
    figures: tuple[Figure, ...] = field(init=False)

    def __post_init__(self) -> None:
        sentences = tuple(split_sentences(self.reply))
        finder = figure_finder()
        figures = tuple(f for i, s in enumerate(sentences) for f in finder.find(s.text, s.start, i))
        object.__setattr__(self, "sentences", sentences)
        object.__setattr__(self, "figures", figures)

    @property
    def family(self) -> str:
        return self.question.family

    def matching(self, key: str) -> list[Sentence]:
        """Reply sentences matching phrase list ``key`` of replies.yaml."""
        pattern = reply_phrases(key)
        return [s for s in self.sentences if pattern.search(s.text)]

    def words(self) -> int:
        return len(self.reply.split())
