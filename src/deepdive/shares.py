"""Class shares: find where an answer says how rare the positive class is.

An interviewer hears "99% accuracy" differently once they know only 1% of the examples were
positive. Candidates state that share in many ways — "1% of the examples were failures",
"only about one in two hundred orders is fraud", "a positive rate of 2%", "37 out of 5,000
scans", "positives are rare, around 0.5%" — so this reads the shape, not a phrase list: a
small fraction (a percentage, "one in N", "N out of M") tied to a population of examples
("of the transactions") or to a word that names the rare class ("positive", "fraud",
"minority"). Anything at or below ``rare_share`` (``data/shares.yaml``) counts as rare.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from deepdive.datafiles import load_data, require

_NUM = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
_PERCENT = re.compile(r"(?<![\w.])(" + _NUM + r")\s?(?:%|percent\b|per\s?cent\b)", re.I)
_OUT_OF = re.compile(
    r"(?<![\w.])(" + _NUM + r")\s+(?:out\s+of|of\s+(?:the|our|all|about|roughly|some)?\s*)"
    r"\s*(" + _NUM + r")\b",
    re.I,
)
_RATIO = re.compile(r"(?<![\w.])1\s?(?::|to)\s?(" + _NUM + r")\b(?!\s*(?:am|pm|%))", re.I)
_CHANGE = re.compile(
    r"(?:\b(?:by|from|to|improv\w*|increas\w*|decreas\w*|reduc\w*|cut|drop\w*|rose|fell|gain\w*|"
    r"lift\w*|boost\w*|accura\w*|precision|recall|f1|auc|score\w*)\W*(?:\w+\W+)?"
    r"|\b(?:went|goes|go|is|was|were|are)\s+(?:up|down)\s+(?:\w+\s+)?|\b(?:up|down)\s+)$",
    re.I,
)
_COMPARATIVE = re.compile(r"\s*(?:more|fewer|less|higher|lower|better|worse)\b", re.I)
_NOT_CHANGE = re.compile(r"\b(?:close|amounts?|came|comes|equal|up)\s+to\W*(?:\w+\W+)?$", re.I)
_SMALL = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "twenty": 20, "fifty": 50,
}  # fmt: skip


@dataclass(frozen=True)
class Share:
    """A stated fraction of the examples, with where it sits in the sentence."""

    text: str
    value: float  # 0..1
    start: int
    end: int


class ShareReader:
    """Share shapes configured by ``data/shares.yaml``."""

    def __init__(self) -> None:
        name = "shares.yaml"
        cfg = load_data(name)
        self.rare = require(name, cfg, "rare_share", float)
        self.nouns = frozenset(require(name, cfg, "population_nouns", str).lower().split())
        words = require(name, cfg, "share_words", str).lower().split()
        self.share_words = frozenset(w.replace("_", " ") for w in words)
        self.not_after = frozenset(require(name, cfg, "not_after", str).lower().split())
        numbers = require(name, cfg, "number_words", dict)
        self.numbers = {
            k: float(require(name, numbers, k, int)) for k in numbers if not k.startswith("__")
        }
        spelled = "|".join(sorted(self.numbers, key=len, reverse=True))
        small = "|".join(k for k in _SMALL if k != "a")
        self.one_in = re.compile(
            r"\b(" + small + r"|\d+)\s+(?:([a-z]+)\s+)?(?:in|out\s+of)\s+"
            r"(?:(?:a|every|every\s+single)\s+)?"
            r"(" + _NUM + r"|(?:(?:a|" + small + r")\s+)?(?:" + spelled + r"))\b"
            r"(?!\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b)",
            re.I,
        )

    def _spelled(self, text: str) -> float | None:
        words = text.lower().replace(",", "").split()
        if len(words) == 1 and re.fullmatch(r"\d+(?:\.\d+)?", words[0]):
            return float(words[0])
        total = 1.0
        for w in words:
            if w in self.numbers and w not in _SMALL:
                total *= self.numbers[w]
            elif w in _SMALL:
                total *= _SMALL[w]
            else:
                return None
        return total

    def _names_rare_class(self, text: str, start: int, end: int, plurals: bool = False) -> bool:
        """A word naming the rare class near the figure ("fraud", "positive", "failures")."""
        return bool(self.class_words(text, start, end, plurals))

    def class_words(self, text: str, start: int, end: int, plurals: bool = False) -> frozenset[str]:
        """The words naming the rare class near a figure ("fraud", "positive", "failures");
        with ``plurals``, plural forms of them too ("defects")."""
        near = re.findall(r"[a-z]+", text[max(0, start - 60) : start].lower())[-6:]
        near += re.findall(r"[a-z]+", text[end : end + 60].lower())[:6]
        if plurals:
            near += [w[:-1] for w in near if w.endswith("s")]
        joined = " ".join(near)
        return frozenset(w for w in self.share_words if w in near or (" " in w and w in joined))

    def _population_after(self, text: str, end: int) -> bool:
        """A population of examples right after the figure ("... scans", "of the orders")."""
        after = re.findall(r"[a-z]+", text[end : end + 40].lower())[:4]
        return any(w in self.nouns for w in after)

    def find(self, text: str, limit: float | None = None, plurals: bool = False) -> list[Share]:
        """Rare shares stated in ``text`` (one sentence): at or below ``limit``, by default
        ``rare_share``; with ``plurals``, a class word may be plural ("defects")."""
        top = self.rare if limit is None else limit
        out: list[Share] = []
        for m in _PERCENT.finditer(text):
            value = float(m.group(1).replace(",", "")) / 100
            before = text[max(0, m.start() - 40) : m.start()]
            if _CHANGE.search(before) and not _NOT_CHANGE.search(before):
                continue  # "cut by 1%", "accuracy of 99%": a change or a score, not a share
            lead = re.findall(r"[a-z]+", text[max(0, m.start() - 30) : m.start()].lower())[-3:]
            if any(w in self.not_after for w in lead):
                continue  # "held out 10% of the rows": a split, not the class balance
            # a share of the rare class, not of blurry photos or of missing timestamps
            if value <= top and self._names_rare_class(text, m.start(), m.end(), plurals):
                out.append(Share(m.group(), value, m.start(), m.end()))
        for m in self.one_in.finditer(text):
            noun = (m.group(2) or "").lower()
            if noun and not ({noun, noun + "s"} & (self.nouns | self.share_words)):
                continue  # "one model in ten minutes" counts nothing
            if not noun and not (
                self._names_rare_class(text, m.start(), m.end(), plurals)
                or self._population_after(text, m.end())
            ):
                continue
            if re.fullmatch(r"(?:19|20)\d\d", m.group(3)):
                continue  # "12 alerts in 2023" is a year
            part, whole = self._spelled(m.group(1)), self._spelled(m.group(3))
            if part and whole and part < whole and part / whole <= top:
                out.append(Share(m.group(), part / whole, m.start(), m.end()))
        for m in _OUT_OF.finditer(text):
            part, whole = (float(g.replace(",", "")) for g in m.groups())
            rare = whole > 0 and part < whole and part / whole <= top
            # "37 out of 5,000 scans" is a share; "4 of our 60 machines" needs the class named
            said = "out" in m.group().lower() and self._population_after(text, m.end())
            if rare and (said or self._names_rare_class(text, m.start(), m.end(), plurals)):
                out.append(Share(m.group(), part / whole, m.start(), m.end()))
        for m in _RATIO.finditer(text):
            n = float(m.group(1).replace(",", ""))
            if (
                n > 0
                and 1 / (n + 1) <= top
                and self._names_rare_class(text, m.start(), m.end(), plurals)
            ):
                out.append(Share(m.group(), 1 / (n + 1), m.start(), m.end()))
        # "9% more positive reviews" compares; it is not a share
        out = [s for s in out if not _COMPARATIVE.match(text[s.end :])]
        unique = {(s.start, s.end): s for s in out}  # the same words read by two shapes
        return sorted(unique.values(), key=lambda s: s.start)


@cache
def share_reader() -> ShareReader:
    """The shared, lazily compiled reader."""
    return ShareReader()


def rare_shares(text: str) -> list[Share]:
    """Shares of the examples at or below the rare threshold stated in ``text``."""
    return share_reader().find(text)


# Two class shares disagree when one is at least this many times the other ("3%" and "30
# percent" of the examples being fraud); closer values are rounding or another count.
SHARE_RATIO = 1.5
# Shares of a class up to this size are read when two tellings are compared.
COMPARED_SHARE = 0.5


def share_conflicts(overview: list[str], reply: list[str]) -> list[tuple[str, Share, str, Share]]:
    """(overview sentence, share, reply sentence, share) where both give the share of the same
    class ("fraud", "defects") and the values are far apart."""
    reader = share_reader()

    def read(sentences: list[str]) -> list[tuple[str, Share, frozenset[str]]]:
        out = []
        for s in sentences:
            plain = _RATE_NAMES.sub(lambda m: " " * len(m.group()), s)  # "false positive rate"
            # where the sentence first measures a model or a process, if it does
            cues = [
                m.end() for m in _PERCENT.finditer(plain) if _WITHIN_CLASS.match(plain, m.end())
            ]
            cues += [m.start() for m in _MEASURED.finditer(plain)]
            measured = min(cues, default=len(plain))
            for sh in reader.find(plain, COMPARED_SHARE, plurals=True):
                if _WITHIN_CLASS.match(plain, sh.end) or _MEASURED.search(
                    plain[max(0, sh.start - 40) : sh.end + 40]
                ):
                    continue  # "45% of the fraud", "recall on fraud was 40%": not a class share
                if measured < sh.start and _SET_AGAINST.search(
                    plain[max(0, sh.start - 30) : sh.start]
                ):
                    continue  # "catching 54% of the fraud, against 31% before": the same measure
                out.append((s, sh, reader.class_words(plain, sh.start, sh.end, plurals=True)))
        return out

    said = read(overview)
    out: list[tuple[str, Share, str, Share]] = []
    for sentence, share, words in read(reply):
        same = [(o, osh) for o, osh, ow in said if _stems(ow) & _stems(words)]
        if not same or any(_close(osh.value, share.value) for _, osh in same):
            continue
        o, osh = same[0]
        out.append((o, osh, sentence, share))
    return out


def _close(a: float, b: float) -> bool:
    low, high = sorted((a, b))
    return low > 0 and high / low < SHARE_RATIO


# share words that say a class is rare without naming which class it is
_UNNAMED = frozenset(
    """imbalance imbalanced rare rarely occurring uncommon minority prevalence incidence
    base_rate positive_rate event_rate flagged""".split()
)
# a share of the class itself ("45% of the fraud", "8% of defects"): how much of it was caught
_WITHIN_CLASS = re.compile(
    r"\s+of\s+(?:the\s+|all\s+|our\s+|those\s+)?(?:\w+\s+)?(?:fraud|defect|failure|churn|spam|"
    r"positive|default|anomal|attack|intrusion|incident|fault|outage|abuse)",
    re.I,
)
# a share that measures a model or a process, not how common the class is
_MEASURED = re.compile(
    r"\b(?:recall|precision|accuracy|caught|catch(?:es|ing)?|missed|miss(?:es)?|detect\w*|flagged|"
    r"found|blocked|stopped|identified|rates?)\b",
    re.I,
)
# a second figure set against a measured share in the same sentence
_SET_AGAINST = re.compile(
    r"\b(?:against|versus|vs\.?|than|from|compared\s+(?:to|with))\s+(?:\w+\s+)?$", re.I
)
# metric names built from a class word ("false positive rate") name no class
_RATE_NAMES = re.compile(r"\b(?:false|true)\s+(?:positive|negative)s?(?:\s+rates?)?\b", re.I)


def _stems(words: frozenset[str]) -> frozenset[str]:
    """The class a share names, whatever the word's form ("fraud" / "fraudulent", "defect" /
    "defective", "failure" / "failed")."""
    return frozenset(w[:4] for w in words if w.replace(" ", "_") not in _UNNAMED)
