"""Read a pasted transcript: who speaks where, and what is a marker rather than speech.

Candidates paste interview transcripts and podcast snippets as they find them: speaker labels
("Alexey:", "**Jane Doe:**", "Interviewer:", "Q:"/"A:") at the start of lines, timestamps
("[11:48]") and stage directions ("[laughs]", "(inaudible)"). Only the candidate's turns are
judged; the interviewer's lines are context, shown but not scored, counted or timed.

:func:`read_dialogue` returns a :class:`Dialogue`: the text with labels and markers blanked
out (same length, so every offset still points into the original) and the turns. A text with
no speaker labels is one candidate turn. Labels count only when they look like a conversation:
a role label ("Q:", "Interviewer:"), a name that recurs, or two names one of whom asks a
question — so a write-up's "Task:" and "Result:" lines stay part of the answer. When only names
are given, the person who says the most is the candidate.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from deepdive.datafiles import load_data, require
from deepdive.sentences import Sentence, split_sentences

_LABEL = re.compile(
    r"^[ \t>]*(?P<bullet>(?:[-*•]|\d{1,2}[.)])[ \t]+)?"
    r"(?:\[[^\]\n]{1,24}\][ \t]*)?"  # "[10:42 AM] Sarah Kim:"
    r"(?P<open>\*\*|__)?"
    r"(?P<name>[A-Za-z][\w.'’-]*(?:[ \t]+[A-Za-z][\w.'’-]*){0,4})"
    # "Interviewer 1", "Interviewer (Sam)", "Interviewer - Sam"
    r"(?P<qual>[ \t]+\d{1,2}|[ \t]*\([^)\n]{1,30}\)|[ \t]+[-–][ \t]+[A-Z][\w'’-]*"
    r"(?:[ \t]+[A-Z][\w'’-]*)?)?"
    r"(?P<close>\*\*|__)?[ \t]*[:：](?P<close2>\*\*|__)?[ \t]*",
    re.M,
)
_TIMESTAMP = r"\\?[\[(]\s*(?:\d{1,2}:)?\d{1,2}:\d{2}(?:\.\d+)?\s*\\?[\])]"
_NEXT_LINE = re.compile(r"\n\s*")
_LINE_TIME = re.compile(r"^[ \t]*(?:\d{1,2}:)?\d{1,2}:\d{2}[ \t]+(?=\S)", re.M)
# a time after the speaker's name: "Sam 0:11: ..." (the time goes), or a name line with its
# time and nothing else, the words on the lines below (Otter's "Sam Park  0:11"; the time
# becomes the label's colon)
_NAME_TIME = re.compile(
    r"^[ \t]*[A-Za-z][\w.'’-]*(?:[ \t]+[\w.'’-]+){0,4}?[ \t]+"
    r"(?P<time>(?:\d{1,2}:)?\d{1,2}:\d{2})(?:[ \t]*(?P<colon>[:：])|[ \t]*$)",
    re.M,
)


@dataclass(frozen=True)
class Turn:
    """One speaker's stretch of the text: ``start``/``end`` cover the words after the label."""

    start: int
    end: int
    speaker: str
    role: str  # "candidate" or "interviewer"


@dataclass(frozen=True)
class Dialogue:
    """The text with labels and markers blanked, and who speaks where."""

    text: str
    turns: tuple[Turn, ...]
    labelled: bool

    def role_at(self, offset: int) -> str:
        """ "candidate" or "interviewer" for the character at ``offset``."""
        for t in self.turns:
            if t.start <= offset < t.end:
                return t.role
        return "candidate"

    def breaks(self) -> frozenset[int]:
        """Offsets where a new speaker starts: a sentence never runs across one."""
        return frozenset(t.start for t in self.turns)


class TurnReader:
    """Speaker-label and marker rules from ``data/turns.yaml``."""

    def __init__(self) -> None:
        name = "turns.yaml"
        cfg = load_data(name)

        def words(key: str) -> frozenset[str]:
            raw = require(name, cfg, key, str).lower().split()
            return frozenset(w.replace("_", " ") for w in raw)

        self.interviewer = words("interviewer_labels")
        self.candidate = words("candidate_labels")
        self.not_speakers = words("not_speakers")
        self.max_name_words = require(name, cfg, "max_name_words", int)
        markers = "|".join(re.escape(w).replace("_", r"\s+") for w in words("markers"))
        self.marker = re.compile(
            _TIMESTAMP + r"|\\?\[\s*(?:" + markers + r")?\s*\\?\]|\((?:" + markers + r")\)",
            re.I,
        )

    def _role_label(self, name: str) -> str | None:
        """The role a label names: "Interviewer", "Q", "Interviewer (Sam)", "Me (candidate)"."""
        key = " ".join(name.lower().split())
        head, _, rest = key.partition("(")
        for part in (key, head.strip(), rest.strip(" )"), re.sub(r"\s+\d+$", "", key)):
            if part in self.interviewer:
                return "interviewer"
            if part in self.candidate:
                return "candidate"
        return None

    def _speaker_like(self, name: str) -> bool:
        words = name.split()
        if self._role_label(name):
            return True
        if len(words) > self.max_name_words:
            return False
        if any(w.lower().strip("().") in self.not_speakers for w in words):
            return False
        # a person's name: every word capitalised ("Alexey", "Peter McCloskey")
        return all(w[0].isupper() for w in words) and not any(w.isupper() for w in words[1:])

    def read(self, text: str) -> Dialogue:
        blanked = list(text)

        def blank(a: int, b: int) -> None:
            for k in range(a, b):
                if blanked[k] not in "\r\n":
                    blanked[k] = " "

        for m in self.marker.finditer(text):
            blank(m.start(), m.end())
        for m in _LINE_TIME.finditer(text):
            blank(m.start(), m.end())
        for m in _NAME_TIME.finditer(text):
            if not self._speaker_like(text[m.start() : m.start("time")].strip()):
                continue  # "Runtime dropped to 2:45": a time in a sentence, no speaker
            blank(m.start("time"), m.end("time"))
            if not m.group("colon"):
                blanked[m.start("time")] = ":"
        labels = [
            m
            for m in _LABEL.finditer("".join(blanked))
            if self._role_label(_label_of(m))
            # a bulleted "- **Term:** ..." is a write-up's list, unless it names a role
            or (not m.group("bullet") and self._speaker_like(m.group("name").strip()))
        ]
        counts = Counter(_label_of(m) for m in labels)
        ends = [m.start() for m in labels[1:]] + [len(text)] * bool(labels)
        asked = [
            "".join(blanked[m.end() : e]).rstrip().endswith("?")
            for m, e in zip(labels, ends, strict=True)
        ]
        conversation = (
            any(self._role_label(n) for n in counts)
            or any(c >= 2 for c in counts.values())
            # someone asks and someone else answers
            or any(
                asked[k] and _label_of(labels[k]) != _label_of(labels[k + 1])
                for k in range(len(labels) - 1)
            )
        )
        if not conversation:
            return Dialogue("".join(blanked), (Turn(0, len(text), "", "candidate"),), False)
        spans: list[tuple[int, int, str]] = []
        if labels[0].start() > 0 and "".join(blanked[: labels[0].start()]).strip():
            spans.append((0, labels[0].start(), ""))
        for k, m in enumerate(labels):
            end = labels[k + 1].start() if k + 1 < len(labels) else len(text)
            spans.append((m.end(), end, _label_of(m)))
            blank(m.start(), m.end())
        out = "".join(blanked)
        roles = self._roles(out, spans)
        turns: list[Turn] = []
        answered = any(roles[who] == "candidate" for _, _, who in spans if who)
        for a, b, who in spans:
            gap = _NEXT_LINE.search(out, a, b)
            if roles[who] == "interviewer" and not answered and gap and out[gap.end() : b].strip():
                # "Q: ..." then the answer with no label of its own: the question is the
                # label's line, the rest is the candidate's
                turns.append(Turn(a, gap.start(), who, "interviewer"))
                turns.append(Turn(gap.end(), b, "", "candidate"))
            else:
                turns.append(Turn(a, b, who, roles[who]))
        return Dialogue(out, tuple(turns), True)

    def _roles(self, text: str, spans: list[tuple[int, int, str]]) -> dict[str, str]:
        said: Counter[str] = Counter()
        turns: Counter[str] = Counter()
        questions: Counter[str] = Counter()
        for a, b, who in spans:
            said[who] += len(text[a:b].split())
            turns[who] += 1
            questions[who] += text[a:b].rstrip().endswith("?")
        roles = {who: self._role_label(who) or "" for who in said}
        if "" in roles:
            roles[""] = "candidate"  # words before the first label continue the answer
        if any(r == "candidate" for who, r in roles.items() if who):
            return {who: r or "interviewer" for who, r in roles.items()}
        named = [who for who in said if who and not roles[who]]
        if named:
            # Names only: the one telling the project story says the most, unless that
            # person's turns are mostly questions.
            star = max(named, key=lambda w: (said[w], -named.index(w)))
            answering = [w for w in named if questions[w] * 2 <= turns[w]]
            if questions[star] * 2 > turns[star] and answering:
                # the one who says most mostly asks: the candidate gave the (short) answers,
                # unless they said next to nothing
                other = max(answering, key=lambda w: said[w])
                if said[other] * 3 >= said[star]:
                    star = other
            for who in named:
                roles[who] = "candidate" if who == star else "interviewer"
        return {who: r or "candidate" for who, r in roles.items()}


def _label_of(m: re.Match[str]) -> str:
    """A speaker label as written, spaces normalised ("Interviewer (Sam)")."""
    return " ".join((m.group("name") + (m.group("qual") or "")).split())


@cache
def turn_reader() -> TurnReader:
    """The shared, lazily compiled reader."""
    return TurnReader()


def read_dialogue(text: str) -> Dialogue:
    """Find speaker turns and markers in ``text`` (see the module docstring)."""
    return turn_reader().read(text)


def candidate_sentences(text: str) -> list[Sentence]:
    """The sentences the candidate says in ``text`` (all of it when there are no speaker labels),
    with markers blanked and offsets into ``text``: what the drill and the retell compare."""
    dialogue = read_dialogue(text)
    return [
        s
        for s in split_sentences(dialogue.text, dialogue.breaks())
        if dialogue.role_at(s.start) == "candidate"
    ]
