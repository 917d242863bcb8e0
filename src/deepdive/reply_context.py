"""What a reply check sees: the question, the reply read once, and the overview."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from deepdive.analysis import Analysis, Followup
from deepdive.datafiles import compile_patterns, load_data, require
from deepdive.denials import denies_weakness
from deepdive.figures import Figure, figure_finder
from deepdive.sentences import Sentence, split_sentences


@cache
def reply_phrases(key: str) -> re.Pattern[str]:
    """A phrase list from ``data/replies.yaml`` compiled into one pattern."""
    cfg = load_data("replies.yaml")
    return compile_patterns("replies.yaml", cfg, require("replies.yaml", cfg, key, list))


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


# "as I said, it finds ...": the overview told again
_RETOLD = re.compile(r"\bas\s+i\s+(?:said|mentioned)\b|\blike\s+i\s+said\b", re.I)
_CONTRAST = re.compile(r"\b(?:but|except|although|though|however|apart\s+from)\b", re.I)
# a word that turns what follows it around ("not robust", "less reliable", "isn't stable")
_NEGATED = re.compile(
    r"\b(?:not|never|less|hardly|barely|no\s+longer)\s+(?:\w+\s+)?$|n[\x27’]t\s+(?:\w+\s+)?$", re.I
)
# a sentence about the work itself: its model, data or predictions ("ours confuses ...")
_OF_THE_WORK = re.compile(
    r"\b(?:it|its|it[\x27’]s|ours|the\s+model|our\s+(?:model|data|labels?|features?|system|"
    r"forecasts?|predictions?|classifier|detector|training|test|pipeline))\b",
    re.I,
)


def _goes_on(text: str, start: int) -> bool:
    """Whether ``text`` turns to a contrast or names a shortcoming after ``start``."""
    return bool(_CONTRAST.search(text, start) or reply_phrases("shortcoming").search(text, start))


# the follow-up families that ask for a weakness or a change of course
WEAKNESS_FAMILIES = frozenset({"hindsight", "probe:no_weakness", "probe:test_set_tuning"})


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
        """Asked for a weakness, the sentences that dodge it (:meth:`dodging`) when no sentence
        of the reply names one."""
        if self.family not in WEAKNESS_FAMILIES or self.weak_points():
            return []
        dodging = self.dodging()
        if not self.turns_away() and any(s not in dodging for s in self.limitations()):
            return []
        return dodging

    def dodging(self) -> list[Sentence]:
        """Sentences that answer a weakness question with something else: vouching for the
        work with nothing short of it ("it's pretty robust", "it caught 58% against 31%, a big
        step up"), someone else's problem ("the real problem was the IT department"), what
        comes next, a limitation granted only in general ("like with any system"), or the
        overview told again ("as I said, ...")."""
        return [s for s in self.sentences if self._dodges(s)]

    def _dodges(self, s: Sentence) -> bool:
        if self._turns_away(s) or _RETOLD.search(s.text):
            return True
        denied = reply_phrases("denied_shortfall").search(s.text)
        if denied and not _goes_on(s.text, denied.end()):
            return True  # "it doesn't really break down", not "... with X, it struggles with Y"
        vouches = [
            m
            for m in reply_phrases("assurance").finditer(s.text)
            if not _NEGATED.search(s.text[max(0, m.start() - 16) : m.start()])
        ]  # "it's not robust to glare" names a weakness
        if not vouches:
            return False
        rest = s.text
        for m in vouches:  # "without a single failure" vouches; its "failure" is no shortcoming
            rest = rest[: m.start()] + " " * (m.end() - m.start()) + rest[m.end() :]
        return not reply_phrases("shortcoming").search(rest)

    def _turns_away(self, s: Sentence) -> bool:
        """The sentence puts the weakness on someone else, on what comes next or on every
        system alike, and does not go on to the work's own ("every model struggles with rare
        classes, but ours ...")."""
        return any(
            (m := reply_phrases(key).search(s.text)) and not _CONTRAST.search(s.text, m.end())
            for key in ("blame_elsewhere", "looking_ahead", "generic_concession")
        )

    def turns_away(self) -> bool:
        """Whether the reply puts the weakness on someone else, on what comes next, or grants
        one only in general, and names none of the work's own: what it says around that is
        about them ("they were understaffed, so they couldn't get there in time")."""
        return any(self._turns_away(s) for s in self.sentences) and not any(
            _OF_THE_WORK.search(s.text)
            and reply_phrases("shortcoming").search(_CONTRAST.sub(" ", s.text))
            and not self._turns_away(s)
            for s in self._weak(False)
        )  # "... But it does what the planners need" names nothing short of the work

    def weak_points(self) -> list[Sentence]:
        """Sentences naming a shortcoming of the work ("we only had six keepers, so the model
        is close to guessing") or, asked what they would change, a change of course ("I'd
        involve the technicians much earlier"). None when the reply puts the weakness on
        someone else or on what comes next: what it says after that is about them."""
        if self.turns_away():
            return []
        return self._weak(True)

    def _weak(self, change_too: bool) -> list[Sentence]:
        change = change_too and self.family == "hindsight"
        return [
            s
            for s in self.sentences
            if not s.text.rstrip().endswith("?")  # "Weaknesses? ..." echoes the question
            and (
                reply_phrases("shortcoming").search(s.text)
                or (change and reply_phrases("change_of_course").search(s.text))
            )
            and not self._dodges(s)
        ]
