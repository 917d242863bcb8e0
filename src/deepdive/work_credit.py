"""Who did what: work the overview credits to a teammate, claimed in a reply as one's own.

An overview that says "the ML engineer built the serving pipeline" and a reply that says "I
built the serving pipeline myself" cannot both be true; an interviewer who hears both stops
trusting the ownership story. The overview's credits are read clause by clause (a teammate
as the subject of a verb of work, ``work_verbs`` and ``teammate_subjects`` in
``data/consistency.yaml``); a reply clause in which "I" does that work — the same content
words, or all of them when the work is named in one word — is a contradiction, unless the
clause shares the credit ("with the ML engineer", "together"). So is a reply that claims
the whole work alone ("I built the whole thing alone") after an overview that credits anyone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from deepdive.datafiles import compile_patterns, load_data, require
from deepdive.meaning import lexicon, stem
from deepdive.sentences import Sentence

FILE = "consistency.yaml"
# a date is no person: "deployed by March"
_CALENDAR = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Q[1-4])\b"
)
# the work itself, as what one spent time on: "I spent a month cleaning the labels"
_DOING = (
    r"building|cleaning|labell?ing|annotating|writing|designing|implementing|developing|"
    r"training|tuning|setting\s+up|preparing|coding|collecting|curating|deploying"
)
_CLAUSES = re.compile(
    r"[;,](?!\d)\s*(?:(?:and|while|but|whereas)\s+)?|\s+(?:while|whereas)\s+|\.\s+"
)
_WORD = re.compile(r"[A-Za-z][\w-]*")
_DETERMINERS = frozenset("the our my a an one another".split())
_PRONOUNS = frozenset("i we it this that they he she you one then so and but".split())


@dataclass(frozen=True)
class Credit:
    """A piece of work, its content words, and the sentence that says who did it."""

    who: str
    work: frozenset[str]
    sentence: str
    shared: bool = False  # done with the candidate ("shared with a colleague"), not for them


@dataclass(frozen=True)
class _Rules:
    credited: re.Pattern[str]
    credited_passive: re.Pattern[str]
    credited_shared: re.Pattern[str]
    claimed: re.Pattern[str]
    shared: re.Pattern[str]
    solo: re.Pattern[str]
    solo_set_aside: re.Pattern[str]
    who_did: re.Pattern[str]
    named_after_role: re.Pattern[str]


@cache
def _rules() -> _Rules:
    cfg = load_data(FILE)
    verbs = "|".join(re.escape(v) for v in require(FILE, cfg, "work_verbs", str).split())
    subjects = require(FILE, cfg, "teammate_subjects", list)
    who = compile_patterns(FILE, cfg, subjects).pattern
    # a role, not a bare name: "built the dashboard with Streamlit" names a tool
    role = compile_patterns(FILE, cfg, subjects[:1]).pattern
    shared = require(FILE, cfg, "shared_credit", str)
    name = r"(?:\s+(?-i:[A-ZÀ-Þ][^\W\d_A-Z]+)){0,2}"  # "my teammate Priya (Nair) owned ..."
    # where they sit: "Raj from model risk ran ...", "Emma on the policy team set ..."
    team = r"(?:\s+(?:from|on|in)\s+(?:the\s+|our\s+)?[\w-]+(?:\s+[\w-]+){0,3}?)?"
    return _Rules(
        re.compile(
            rf"^\s*(?:and\s+|but\s+)?(?P<who>(?:{who}){name}){team}\s+(?:{verbs})\s+"
            rf"(?P<what>.+)$",
            re.I,
        ),
        # told the other way round: "the ranker was built by a teammate", "the ranker was
        # mostly my teammate's work"
        re.compile(
            rf"^\s*(?:and\s+|but\s+)?(?P<what>.+?)\s+(?:was|were)\s+(?:\w+\s+)?"
            rf"(?:(?:{verbs})\s+by\s+(?!{_CALENDAR})(?P<who>(?:{who}){name})\b|"
            rf"(?P<whose>(?:{who}){name})(?:'|\u2019)s\s+(?:work|job|part|doing)\b)",
            re.I,
        ),
        # work done together: "prompt design was shared with a colleague", "I built the
        # features with Priya"
        re.compile(
            rf"^\s*(?:and\s+|but\s+)?(?:"
            # the work named as an activity ("prompt design"), not a thing sent to people ("the
            # dashboard was shared with the PMs")
            rf"(?P<what>.+?\b(?:design|work|development|engineering|labell?ing|annotation|"
            rf"implementation|analysis|modell?ing|coding|writing|building|tuning|evaluation|"
            rf"ownership))\s+(?:was|were)\s+(?:\w+\s+)?(?:shared|split|done\s+jointly)\s+with|"
            rf"(?:I|we)\s+(?:\w+\s+)?(?:co-?)?(?:{verbs})\s+(?P<what2>.+?)\s+(?:together\s+)?with"
            rf"(?=\s+(?:{role})))"
            # a person, not what they own: "with the annotators' labels"
            rf"\s+(?!{_CALENDAR})(?P<who>(?:{who}){name})\b(?!['\u2019])",
            re.I,
        ),
        re.compile(
            rf"(?:\bI\s+(?:\w+\s+)?(?:{verbs}|set\s+up|took\s+care\s+of)|"
            # "I spent my first months cleaning the labels" (not "... reading the pipeline")
            rf"\bI\s+spent\s+(?:[\w-]+\s+){{1,5}}?(?:{_DOING})|"
            # "my part was the events pipeline", "I was responsible for the features"
            r"\bmy\s+(?:part|job|piece|role|share)\s+(?:was|were|covered|included)(?!\s+not\b)|"
            r"\bI\s+was\s+(?:responsible|in\s+charge)\s+(?:for|of))\s+"
            # not a different job on the same thing: "responsible for monitoring the pipeline"
            r"(?!(?!(?:building|owning|writing|designing|implementing|creating|developing|"
            r"training|coding|deploying|labell?ing)\b)[a-z]+ing\b)(?P<what>[^,;.]+)",
            re.I,
        ),
        re.compile(shared, re.I),
        compile_patterns(FILE, cfg, require(FILE, cfg, "solo_claims", list)),
        re.compile(require(FILE, cfg, "solo_set_aside", str), re.I),
        re.compile(rf",\s+who\s+(?=(?:{verbs})\b)", re.I),
        re.compile(
            rf"(?<=\w),\s+((?-i:[A-ZÀ-Þ][^\W\d_A-Z]+)),\s+(?:who\s+)?(?=(?:{verbs})\b)", re.I
        ),
    )


def _work(text: str) -> frozenset[str]:
    stop = lexicon().stopwords
    return frozenset(stem(w.lower()) for w in _WORD.findall(text) if w.lower() not in stop)


# a name with its role set off by commas ("Priya, a data engineer, built ..."): the role is
# dropped so the name stays the subject of its verb
_APPOSITIVE = re.compile(
    r"(?:^|(?<=[,;]\s)|(?<=\band\s))((?!(?:In|On|At|By|After|Before|Then|Later)\b|"
    rf"{_CALENDAR})"
    r"[A-ZÀ-Þ][^\W\d_]+),\s+(?:a|an|the|our|my)\s+[\w\s-]{1,60}?,\s+"
)


def credits(sentences: list[Sentence]) -> list[Credit]:
    """The work the text credits to teammates, clause by clause."""
    rules = _rules()
    out = []
    for s in sentences:
        # "an analyst, Jen, who ran the pilot" says "Jen ran the pilot"; "our data engineer,
        # Sam, built ..." says "our data engineer Sam built ..."
        text = rules.named_after_role.sub(r" \1 ", _APPOSITIVE.sub(r"\1 ", s.text))
        text = rules.who_did.sub(" ", text)
        for clause in _CLAUSES.split(text):
            shared = rules.credited_shared.match(clause)
            m = rules.credited.match(clause) or rules.credited_passive.match(clause) or shared
            who = m and (m.group("who") or m.groupdict().get("whose"))
            if m and who and who.split()[0].lower() not in _PRONOUNS:
                work = _work(m.group("what") or m.groupdict().get("what2") or "")
                if work:
                    if who.split()[0].lower() in _DETERMINERS:  # "My teammate" mid-message
                        who = who[0].lower() + who[1:]
                    out.append(Credit(who, work, s.text, shared=m is shared))
    return out


_ALONE_WORDS = frozenset(_work("myself alone own single handedly solo as well too"))
_NEGATED = re.compile(r"\b(?:not|never)\b|n[\'\u2019]t\b", re.I)
_ALONE = re.compile(r"\b(?:myself|alone|on\s+my\s+own|by\s+myself|single-?handedly|solo)\b", re.I)


def claimed_work(reply: list[Sentence], given: list[Credit]) -> list[tuple[Credit, str]]:
    """(credit, reply sentence) pairs where the reply's "I" does work the overview credited to
    a teammate, with no credit shared in the same clause."""
    rules = _rules()
    out = []
    for s in reply:
        for clause in _CLAUSES.split(s.text):
            for m in rules.claimed.finditer(clause):
                if rules.shared.search(clause[m.start() :]):
                    continue
                if _NEGATED.search(m.group()):
                    continue  # "I did not design the prompts myself" claims nothing
                work = _work(m.group("what"))
                # alone with this work, not elsewhere ("... and taught myself LangChain")
                alone = bool(_ALONE.search(re.split(r"\s+and\s+", m.group("what"))[0]))
                for c in given:
                    if c.shared and not alone:
                        continue  # "I designed the prompts" is true of shared work too
                    # shared work is often named by its verb ("prompt design" / "I designed"),
                    # and needs two of its words, or all and nothing more: "the labelling
                    # guide" is not "labelling"
                    common = (_work(m.group()) if c.shared else work) & c.work
                    extra = work - c.work - _ALONE_WORDS
                    if c.shared and len(common) < 2 and (common != c.work or extra):
                        continue
                    if len(common) >= 2 or (common and common == c.work):
                        out.append((c, s.text))
                        break
    return out


def solo_claim(reply: list[Sentence]) -> str | None:
    """The reply sentence that claims the whole work was done alone ("I built the whole thing
    alone"), unless the claim is negated or only supposed in its clause."""
    rules = _rules()
    for s in reply:
        for clause in _CLAUSES.split(s.text):
            m = rules.solo.search(clause)
            if m and not rules.solo_set_aside.search(clause[: m.end()]):
                return s.text
    return None
