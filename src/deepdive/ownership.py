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

import itertools
import re
from dataclasses import dataclass
from functools import cache

from deepdive.datafiles import compile_patterns, load_data, require
from deepdive.sentences import Sentence

_I = re.compile(r"(?<![\w'’])(?:i|i'm|i’m|i've|i’ve|i'd|i’d|i'll|i’ll)(?![\w'’])", re.I)
_BY_ME = re.compile(r"(?<![\w'’])(?:by\s+me|by\s+myself\s+and)(?![\w'’])", re.I)
_MY = re.compile(r"(?<![\w'’])(?:my|mine|myself|me)(?![\w'’])", re.I)
_WE = re.compile(
    r"(?<![\w'’])(?:we|we're|we’re|we've|we’ve|we'd|we’d|we'll|our|ours|ourselves|(?-i:us))(?![\w'’])",
    re.I,
)
_DENIED_BEFORE = re.compile(
    r"\b(?:not|never|nobody|no\s+one|none|cannot|can.t|couldn.t|didn.t|wasn.t|isn.t)\b"
    r"(?:\s+[\w'’-]+){0,5}\s*$",
    re.I,
)
SOLO_FIRST_PERSON = 2  # "I"/"my" this often, with no "we", tells a solo project
_ADVERB = re.compile(r"\w{3,}ly")  # "quickly", "manually" ("apply" is a work verb, kept)
_NEXT_WORD = re.compile(r"\s+(?:\w+\s+)?([\w'’]+)")
_PREVIOUS_WORD = re.compile(r"([\w'’]+)\s+$")


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
        self.overclaim_solo = patterns("overclaim_solo")
        self.overclaim_lists = patterns("overclaim_lists")
        self.organisation = patterns("organisation")
        self.collective = patterns("collective")
        self.implicit_verbs = set(require(name, cfg, "implicit_i_verbs", str).lower().split())
        self.minimising = patterns("minimising")
        self.non_agentive = set(require(name, cfg, "non_agentive_after_i", str).lower().split())
        self.taking_part = set(require(name, cfg, "taking_part_verbs", str).lower().split())
        self.career_objects = set(require(name, cfg, "career_objects", str).lower().split())
        self.not_before_i = set(require(name, cfg, "not_before_i", str).lower().split())
        self.agentive_after_was = set(
            require(name, cfg, "agentive_after_i_was", str).lower().split()
        )
        self.not_names = set(require(name, cfg, "not_names", str).split())
        self.work_forms = _forms(require(name, cfg, "work_verbs", str).lower().split())
        self.not_work_past = set(require(name, cfg, "not_work_past", str).lower().split())
        self.between = set(require(name, cfg, "between_i_and_verb", str).lower().split())
        self.leading = set(require(name, cfg, "leading_verbs", str).lower().split())
        self.not_work_phrases = patterns("not_work_phrases")
        verbs = require(name, cfg, "name_credit_verbs", str).split()
        # "Lena designed", "Raj and Mei labelled", "Lena, our automation engineer, designed",
        # "Sam, on the data platform team, integrated". Verbs that also follow ordinary nouns
        # ("Caching helped", "Precision was 0.7") count only after an appositive or a pair.
        weak = require(name, cfg, "name_credit_weak_verbs", str).split()
        appositive = (
            r",\s+(?:(?:our|my|the|a|an)\s+(?:[\w-]+\s+){0,4}?[\w-]+"
            r"|on\s+(?:the|our)\s+(?:[\w-]+\s+){0,3}team|who\s+[^,]{3,40}),"
        )
        self.name_credit = re.compile(
            r"\b([A-Z][a-z]{2,})(?:\s+and\s+[A-Z][a-z]{2,})?(?:" + appositive + r")?"
            r"\s+(?:" + "|".join(verbs) + r")\b"
        )
        self.name_credit_weak = re.compile(
            r"\b([A-Z][a-z]{2,})(?:\s+and\s+[A-Z][a-z]{2,}|" + appositive + r")"
            r"\s+(?:" + "|".join(weak) + r")\b"
        )

    def _agentive(self, text: str) -> int:
        count = 0
        for m in _I.finditer(text):
            if m.group().lower() in ("i'd", "i’d", "i'll", "i’ll"):
                continue  # what one would do or will do is no claim of what one did
            before = _PREVIOUS_WORD.search(text, 0, m.start())
            if before and before.group(1).lower() in self.not_before_i:
                continue  # "if I ...", "where do I start?", "how can I ..."
            nxt = _NEXT_WORD.match(text, m.end())
            word = nxt.group(1).lower() if nxt else ""
            direct = re.match(r"\s+([\w'’]+)", text[m.end() :])
            first = direct.group(1).lower() if direct else ""
            if first in self.non_agentive or word in ("think", "guess", "mean"):
                continue
            if first in ("did", "do", "have", "had", "was") and word in ("not", "never"):
                continue  # "I did not build it", "I had never trained one"
            if first == "was":
                if word in self.agentive_after_was:
                    count += 1
                continue
            if m.group().lower() in ("i'm", "i’m"):
                # "I'm worried" claims nothing; "I'm (currently) training a model" does
                count += self._does_work(text[m.end() :], doing=True)
                continue
            if self._does_work(text[m.end() :]):
                count += 1
        return count + len(_BY_ME.findall(text))  # "trained by me"

    def _does_work(self, after: str, doing: bool = False) -> bool:
        """Whether the words after an "I" report doing a piece of the work: a work verb, or
        another past tense that is not a feeling or a career step ("I built", "I also
        trained", "I kind of compared", "I've been building", "I had to rebuild", "I,
        together with Mei, built", "I joined in 2021 and built ..."). With ``doing``, only an
        -ing form counts ("I'm currently retraining it")."""
        clause = re.split(r"[.;!?]", after, maxsplit=1)[0]
        if clause.lstrip().startswith(","):  # "I, together with Mei, built ..."
            clause = clause.split(",", 2)[-1]
        words = [w.strip(",:\"'()") for w in clause.lower().split()[:14]]
        head = [
            w
            for w in words[:6]
            if w not in self.between and not (_ADVERB.fullmatch(w) and w not in self.work_forms)
        ]
        if self.not_work_phrases.match(" ".join(head)):
            # "I took part in ...", "I reached out to her" claim nothing, unless a piece of
            # work follows ("I reached out to the annotators and relabelled 2,000 examples")
            return not doing and self._work_follows(words)
        if head[:1] in (["went"], ["go"], ["going"]) and head[1:2] in (["through"], ["over"]):
            return True  # "I went through 500 misrouted tickets"
        while len(head) > 1 and head[0] in self.leading and head[1] == "to":
            head = head[2:]  # "had to rebuild", "decided to drop" -> the next verb
        while head and head[0] in self.leading and head[0] not in self.work_forms:
            head = head[1:]  # "I've been building", "I had rebuilt"
        if head and self._is_work(head[0], words[words.index(head[0]) + 1 :], doing):
            return True
        # "I joined the team in 2021 and built the model": a work verb after "and"/"then"
        return not doing and self._work_follows(words)

    def _work_follows(self, words: list[str]) -> bool:
        """Whether a work verb follows "and" or "then" among ``words``."""
        return any(
            a in ("and", "then") and self._is_work(b, [], False)
            for a, b in itertools.pairwise(words)
        )

    def _is_work(self, verb: str, after: list[str], doing: bool) -> bool:
        if doing and not verb.endswith("ing"):
            return False
        if verb in ("used", "moved") and after[:1] == ["to"]:
            return False  # "I used to work in finance", "I moved to Berlin"
        if verb in ("come", "came", "coming", "comes"):
            return after[:1] == ["up"]  # "I came up with the split", not "I came from physics"
        if verb in self.taking_part and _whole_or_career(after, self.career_objects):
            # "I worked on a project where ...", "I did my master's", "I worked with his team":
            # taking part in something whole names no piece of the work as one's own
            return False
        if verb in ("spent", "spend", "spending"):
            # "I spent three months cleaning the data" / "... on the labels", not "I spent
            # more time in meetings"
            return any(w.endswith("ing") or w == "on" for w in after[:6])
        if verb in self.work_forms:
            return True
        return verb.endswith("ed") and verb not in self.not_work_past

    def _solo_claim(self, text: str) -> bool:
        """ "I single-handedly built it", not "nobody could do this single-handedly" or "I
        didn't build it all by myself"."""
        return any(
            not _DENIED_BEFORE.search(text[max(0, m.start() - 40) : m.start()])
            for m in self.overclaim_solo.finditer(text)
        )

    def _credits(self, text: str) -> bool:
        if self.credit.search(text):
            return True
        found = [*self.name_credit.finditer(text), *self.name_credit_weak.finditer(text)]
        return any(m.group(1) not in self.not_names for m in found)

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
            if self._solo_claim(text) or (self.overclaim.search(text) and not credits):
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
            i_count,
            we_count,
            agentive,
            team or organisation,
            collective,
            over,
            minimising,
            credited=bool(credit),
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
    credited: bool = False,
) -> str:
    if over and (context or len(over) > 1):
        return "overclaim"
    if minimising:
        return "underclaim"
    if agentive == 0 and (we_count >= 3 or collective or (we_count >= 1 and i_count == 0)):
        return "underclaim"
    if agentive == 0 and not (we_count == 0 and i_count >= SOLO_FIRST_PERSON and not credited):
        return "unclear"
    # a story told in the first person with nobody else credited is a solo project, owned:
    # "my first idea was a regression", "I managed to top the leaderboard" name no work verb
    return "calibrated"


_DETERMINERS = frozenset("a an the this that my our his her their some another other".split())


def _whole_or_career(after: list[str], objects: set[str]) -> bool:
    """Whether the words after a verb name a whole project, team or career step as its object
    ("on a project where", "with his team", "my master's"), with at most a preposition, a
    determiner and one describing word before it."""
    words = [w.rstrip(",.;:!?") for w in after[:5]]
    if words[:1] and words[0] in ("on", "with", "at", "in", "for", "as", "through"):
        words = words[1:]
    if words[:1] and words[0] in _DETERMINERS:
        words = words[1:]
    return bool(words) and (words[0] in objects or (len(words) > 1 and words[1] in objects))


def _forms(words: list[str]) -> frozenset[str]:
    """Every listed verb with its -s, -ed and -ing forms (irregular forms are listed as such)."""
    out: set[str] = set()
    for w in words:
        out.add(w)
        stem = w[:-1] if w.endswith("e") else w
        out.update({w + "s", w + "es", stem + "ed", stem + "ing", w + "ed", w + "d"})
        if w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
            out.update({w[:-1] + "ied", w[:-1] + "ies"})
        if len(w) >= 3 and w[-1] not in "aeiouwxy" and w[-2] in "aeiou" and w[-3] not in "aeiou":
            out.update({w + w[-1] + "ed", w + w[-1] + "ing"})  # ship -> shipped, shipping
    return frozenset(out)


@cache
def ownership_reader() -> OwnershipReader:
    """The shared, lazily compiled reader."""
    return OwnershipReader()


def read_ownership(sentences: list[Sentence]) -> OwnershipRead:
    """Read ownership from the answer's sentences."""
    return ownership_reader().read(sentences)
