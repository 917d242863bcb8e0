"""Read how the answer tells ownership: who did what, honestly.

Interviewers reward calibrated ownership — a clear "I" for the speaker's own part and credit to
others for theirs (or a solo project told in the first person). Two ways to get it wrong:

* **overclaim** — a team's result told as one's own ("I single-handedly built the platform"),
  or "I" for everything in a story that plainly had a team and credits nobody;
* **underclaim** — "we" throughout so nobody can tell what the speaker did, or apologising for
  and minimising the project ("it's just a side project").

An impersonal or third-person write-up has no speaker to judge: the verdict is ``unclear``.
Saying "we" is not a fault by itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from deepdive.datafiles import compile_patterns, load_data, require
from deepdive.sentences import Sentence

_I = re.compile(r"(?<![\w'’])(?:i|i'm|i’m|i've|i’ve|i'd|i’d|i'll|i’ll)(?![\w'’])", re.I)
_BY_ME = re.compile(r"(?<![\w'’])(?:by\s+me|by\s+myself\s+and)(?![\w'’])", re.I)
_DOING = re.compile(r"(?!think|hop|guess|wonder|worr|look|try)\w+ing$", re.I)
_MY = re.compile(r"(?<![\w'’])(?:my|mine|myself|me)(?![\w'’])", re.I)
_WE = re.compile(
    r"(?<![\w'’])(?:we|we're|we’re|we've|we’ve|we'd|we’d|we'll|our|ours|ourselves|(?-i:us))(?![\w'’])",
    re.I,
)
_NEXT_WORD = re.compile(r"\s+(?:\w+\s+)?([\w'’]+)")


@dataclass(frozen=True)
class OwnershipRead:
    """What the answer says about who did the work."""

    verdict: str
    i: int
    we: int
    agentive_i: int
    team: bool
    credit: tuple[int, ...]
    scope: tuple[int, ...]
    overclaim: tuple[int, ...]
    minimising: tuple[int, ...]


class OwnershipReader:
    """Ownership phrases compiled from ``data/ownership.yaml``."""

    def __init__(self) -> None:
        name = "ownership.yaml"
        cfg = load_data(name)

        def patterns(key: str) -> re.Pattern[str]:
            return compile_patterns(name, cfg, require(name, cfg, key, list))

        self.credit = patterns("credit")
        self.scope = patterns("own_scope")
        self.team = patterns("team")
        self.overclaim = patterns("overclaim")
        self.overclaim_lists = patterns("overclaim_lists")
        self.organisation = patterns("organisation")
        self.collective = patterns("collective")
        self.implicit_verbs = set(require(name, cfg, "implicit_i_verbs", str).lower().split())
        self.minimising = patterns("minimising")
        self.non_agentive = set(require(name, cfg, "non_agentive_after_i", str).lower().split())
        self.agentive_after_was = set(
            require(name, cfg, "agentive_after_i_was", str).lower().split()
        )
        self.not_names = set(require(name, cfg, "not_names", str).split())
        verbs = require(name, cfg, "name_credit_verbs", str).split()
        # "Lena designed", "Raj and Mei labelled", "Lena, our automation engineer, designed",
        # "Sam, on the data platform team, integrated"
        self.name_credit = re.compile(
            r"\b([A-Z][a-z]{2,})(?:\s+and\s+[A-Z][a-z]{2,})?(?:,\s+(?:[\w-]+\s+){1,6}?[\w-]+,)?"
            r"\s+(?:" + "|".join(verbs) + r")\b"
        )

    def _agentive(self, text: str) -> int:
        count = 0
        for m in _I.finditer(text):
            if m.group().lower() in ("i'd", "i’d"):
                continue
            nxt = _NEXT_WORD.match(text, m.end())
            word = nxt.group(1).lower() if nxt else ""
            direct = re.match(r"\s+([\w'’]+)", text[m.end() :])
            first = direct.group(1).lower() if direct else ""
            if first in self.non_agentive or word in ("think", "guess", "mean"):
                continue
            if first == "was" and word not in self.agentive_after_was:
                continue
            if m.group().lower() in ("i'm", "i’m") and not _DOING.match(first):
                continue  # "I'm worried" claims nothing; "I'm training a model" does
            count += 1
        return count + len(_BY_ME.findall(text))  # "trained by me"

    def _credits(self, text: str) -> bool:
        if self.credit.search(text):
            return True
        return any(m.group(1) not in self.not_names for m in self.name_credit.finditer(text))

    def read(self, sentences: list[Sentence]) -> OwnershipRead:
        i_count = we_count = agentive = 0
        credit: list[int] = []
        scope: list[int] = []
        over: list[int] = []
        listed: list[int] = []
        minimising: list[int] = []
        team = False
        organisation = False
        collective = False
        implicit = 0
        for idx, s in enumerate(sentences):
            text = s.text
            i_count += len(_I.findall(text)) + len(_MY.findall(text))
            we_count += len(_WE.findall(text))
            agentive += self._agentive(text)
            credits = self._credits(text)
            if credits:
                credit.append(idx)
            if self.scope.search(text):
                scope.append(idx)
            if self.overclaim.search(text) and not credits:
                over.append(idx)
            elif self.overclaim_lists.search(text) and not credits:
                listed.append(idx)
            if self.minimising.search(text):
                minimising.append(idx)
            if self.team.search(text):
                team = True
            organisation = organisation or bool(self.organisation.search(text))
            collective = collective or bool(self.collective.search(text))
            first = text.split(maxsplit=1)[0].lower() if text.split() else ""
            implicit += first in self.implicit_verbs
        team = team or we_count >= 3 or bool(credit)
        if not credit:
            over = sorted(over + listed)  # a long "I" list only overclaims when nobody is credited
        if agentive == 0 and we_count == 0 and implicit >= 2:
            agentive = implicit
        verdict = _verdict(
            i_count, we_count, agentive, team or organisation, collective, over, minimising
        )
        if verdict == "unclear" and scope:
            verdict = "calibrated"  # "My part: data and training" states ownership without a verb
        return OwnershipRead(
            verdict,
            i_count,
            we_count,
            agentive,
            team,
            tuple(credit),
            tuple(scope),
            tuple(over),
            tuple(minimising),
        )


def _verdict(
    i_count: int,
    we_count: int,
    agentive: int,
    context: bool,
    collective: bool,
    over: list[int],
    minimising: list[int],
) -> str:
    if over and (context or len(over) > 1):
        return "overclaim"
    if minimising:
        return "underclaim"
    if agentive == 0 and (we_count >= 3 or collective or (we_count >= 1 and i_count == 0)):
        return "underclaim"
    if agentive == 0:
        return "unclear"
    return "calibrated"


@cache
def ownership_reader() -> OwnershipReader:
    """The shared, lazily compiled reader."""
    return OwnershipReader()


def read_ownership(sentences: list[Sentence]) -> OwnershipRead:
    """Read ownership from the answer's sentences."""
    return ownership_reader().read(sentences)
