"""How a reply to a weakness question dodges it, or names a weakness of the work.

Asked "where does it fall short?" or "what would you change?", a candidate can name a real
shortfall without a single weakness word ("Goalkeepers. We only had six, so the model is close
to guessing"), or answer with something else. The dodges read here, each from a phrase list in
``data/replies.yaml``:

* vouching for the work with nothing short of it ("it's pretty robust", "the agents trust it,
  that says it all"), unless negated ("it's not robust to glare");
* a weakness verb denied ("it doesn't really break down"), unless a contrast or a shortfall
  follows ("it doesn't struggle with A, it struggles with B");
* turning away: someone else's problem ("the real problem was the procurement department",
  "an HR problem, not a model one"), what comes next, or a limitation granted only in general
  ("no model is perfect") — unless the sentence goes on to the work's own ("but ours ...");
* the overview told again ("as I said, ...").

A reply that turns away says nothing of the work in its other sentences either ("they were
understaffed, so they couldn't get there in time"), unless one of them names a shortfall of
the work itself ("... but ours confuses blight with septoria").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from deepdive.reply_phrases import reply_phrases
from deepdive.sentences import Sentence

# the follow-up families that ask for a weakness or a change of course
WEAKNESS_FAMILIES = frozenset({"hindsight", "probe:no_weakness", "probe:test_set_tuning"})

# "as I said, it finds ...": the overview told again
RETOLD = re.compile(r"\bas\s+i\s+(?:said|mentioned)\b|\blike\s+i\s+said\b", re.I)
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
_TURNS = ("blame_elsewhere", "looking_ahead", "generic_concession")


@lru_cache(maxsize=4096)
def dodges(text: str) -> bool:
    """Whether one reply sentence answers a weakness question with something else (read once
    per sentence: the reply's checks ask it again and again)."""
    if turns_away(text) or RETOLD.search(text):
        return True
    denied = reply_phrases("denied_shortfall").search(text)
    if denied and not _goes_on(text, denied.end()):
        return True  # "it doesn't really break down", not "... with X, it struggles with Y"
    vouches = [
        m
        for m in reply_phrases("assurance").finditer(text)
        if not _NEGATED.search(text[max(0, m.start() - 16) : m.start()])
    ]  # "it's not robust to glare" names a weakness
    if not vouches:
        return False
    rest = text
    for m in vouches:  # "without a single failure" vouches; its "failure" is no shortcoming
        rest = rest[: m.start()] + " " * (m.end() - m.start()) + rest[m.end() :]
    return not reply_phrases("shortcoming").search(rest)


@lru_cache(maxsize=4096)
def turns_away(text: str) -> bool:
    """Whether one sentence puts the weakness on someone else, on what comes next or on every
    system alike, without going on to the work's own ("every model struggles with rare
    classes, but ours ...")."""
    for key in _TURNS:
        found = reply_phrases(key).search(text)
        if found and not _CONTRAST.search(text, found.end()):
            return True
    return False


def reply_turns_away(sentences: Sequence[Sentence]) -> bool:
    """Whether the reply turns away and names no shortfall of the work itself elsewhere."""
    return any(turns_away(s.text) for s in sentences) and not any(
        _OF_THE_WORK.search(s.text)
        and reply_phrases("shortcoming").search(_CONTRAST.sub(" ", s.text))
        and not turns_away(s.text)
        for s in _weak(sentences, change=False)
    )  # "... But it does what the planners need" names nothing short of the work


def weak_points(sentences: Sequence[Sentence], family: str) -> list[Sentence]:
    """Sentences naming a shortcoming of the work ("we only had six keepers, so the model is
    close to guessing") or, asked what they would change, a change of course ("I'd involve
    the technicians much earlier"). None when the reply turns away."""
    if reply_turns_away(sentences):
        return []
    return _weak(sentences, change=family == "hindsight")


def _weak(sentences: Sequence[Sentence], change: bool) -> list[Sentence]:
    return [
        s
        for s in sentences
        if not s.text.rstrip().endswith("?")  # "Weaknesses? ..." echoes the question
        and (
            reply_phrases("shortcoming").search(s.text)
            or (change and reply_phrases("change_of_course").search(s.text))
        )
        and not dodges(s.text)
    ]


def _goes_on(text: str, start: int) -> bool:
    """Whether ``text`` turns to a contrast or names a shortcoming after ``start``."""
    return bool(_CONTRAST.search(text, start) or reply_phrases("shortcoming").search(text, start))
