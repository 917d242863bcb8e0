"""What a reply check sees: the question, the reply read once, and the overview."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from deepdive import dodges
from deepdive.analysis import Analysis, Followup
from deepdive.denials import denies_weakness
from deepdive.figures import Figure, figure_finder
from deepdive.reply_phrases import reply_phrases
from deepdive.sentences import Sentence, split_sentences

__all__ = ["ReplyContext", "content_words", "repeats_overview", "reply_phrases"]


_WORD = re.compile(r"[a-z][a-z0-9/-]+", re.I)
_STOP = frozenset(
    """what which when where why how who whom whose did does do you your yours the a an and or
    of to in on at for with from by as is are was were be been this that these those it its
    would could should will can have has had about into than then there their they them we our
    us i me my if so not no any some more most very just also ever much many like because but
    yeah really actually basically kind sort stuff thing things lot well""".split()
)


def content_words(text: str) -> set[str]:
    """The words of ``text`` that carry content, cut to seven letters ("labels" ~ "labelled")."""
    return {w.lower()[:7] for w in _WORD.findall(text) if w.lower() not in _STOP and len(w) > 2}


def repeats_overview(text: str, sentences: tuple[object, ...]) -> bool:
    """Whether a reply sentence says again one of the overview's ``sentences`` (most of the
    content words of the two are shared)."""
    words = content_words(text)
    if len(words) < 4:
        return False
    for s in sentences:
        other = content_words(getattr(s, "text", ""))
        if other and len(words & other) / len(words | other) >= 0.6:
            return True
    return False


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

    def limitations(self) -> list[Sentence]:
        """Reply sentences that read as a limitation, a mistake or a lesson."""
        from deepdive.parts import part_classifier

        classifier = part_classifier()
        # read as written: in a short reply after "Not really", an adverb taken out ("I'd just
        # have ...") turned a denial into a limitation (measured on the drill replies)
        return [
            s
            for s in self.sentences
            if classifier.raw_scores(s, [], read_through=False)["reflection"] >= 1.0
        ]

    def denies_weakness(self) -> list[Sentence]:
        """The sentences saying there was no weakness: an explicit denial ("it didn't really
        fall short"), or a reply that opens with no ("Not really. It's been stable") and names
        no limitation after it."""
        # the reply's own phrasings, and every denial the overview's check hears ("I don't
        # think I'd change anything", "there wasn't much I'd change")
        denials = self.matching("limitation_denial") or [
            s for s in self.sentences if denies_weakness(s.text)
        ]
        if denials:
            return denials
        opening = self.sentences[:1]
        if opening and reply_phrases("denial_opening").search(opening[0].text):
            return [] if self.limitations() else list(opening)
        return self._only_dodges()

    def _only_dodges(self) -> list[Sentence]:
        """Asked for a weakness, the sentences that dodge it (:mod:`deepdive.dodges`) when no
        sentence of the reply names one."""
        if self.family not in dodges.WEAKNESS_FAMILIES or self.weak_points():
            return []
        dodging = self.dodging()
        if not self.turns_away() and any(s not in dodging for s in self.limitations()):
            return []
        return dodging

    def dodging(self) -> list[Sentence]:
        """Sentences that answer a weakness question with something else."""
        return [s for s in self.sentences if dodges.dodges(s.text)]

    def turns_away(self) -> bool:
        """Whether the reply puts the weakness on someone else, on what comes next or on every
        system alike, and names none of the work's own."""
        return dodges.reply_turns_away(self.sentences)

    def weak_points(self) -> list[Sentence]:
        """Sentences naming a shortfall of the work, or a change of course when asked what
        they would change (:func:`deepdive.dodges.weak_points`)."""
        return dodges.weak_points(self.sentences, self.family)
