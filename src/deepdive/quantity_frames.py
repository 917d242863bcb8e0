"""Numbers with what they measure: the setup figures of a story (issue 13).

The consistency check compares outcome figures (``consistency.py``); this module reads the
other numbers a candidate gives — how many rows, stores or annotators, how big the team was,
how long something took or ran, how much money, what share of the examples — each as a
*frame*: a dimension (count, money, time, percent), a value in a common unit, and the words
that say what is measured (the counted noun, or the content words around the number).

Two frames are compared only when they measure the same thing: the same dimension and, for a
count, the same counted noun, otherwise a shared content word near both numbers. A reply frame
contradicts the overview when some overview frame measures the same thing, none of them agrees
with it, and its number is not one the overview states anywhere. Anything ambiguous is left
alone: a sentence that says a number was wrong ("turned out to be a leak") is not a claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from deepdive.datafiles import load_data, require
from deepdive.meaning import stem

_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
# a number's scale word, and the seconds in each unit of time (shared with deepdive.cut_offs)
SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9}
SECONDS = {
    "ms": 0.001, "millisecond": 0.001, "second": 1.0, "sec": 1.0, "s": 1.0, "minute": 60.0,
    "min": 60.0, "hour": 3600.0, "hr": 3600.0, "day": 86400.0, "week": 604800.0,
    "month": 2629800.0, "year": 31557600.0,
}  # fmt: skip
_MONEY = re.compile(
    rf"(?:[$€£]\s*(?P<a>{_NUM})\s*(?P<sa>thousand|million|billion|k|m|mn|bn)?\b)|"
    rf"(?:\b(?P<b>{_NUM})\s*(?P<sb>thousand|million|billion|k|m|mn|bn)?\s*"
    r"(?:dollars|euros|pounds|usd|eur|gbp)\b)|"
    rf"(?:\b(?P<c>{_NUM})\s*cents\b)",
    re.I,
)
_TIMES = re.compile(
    rf"\b(?P<n>{_NUM})\+?[\s-]*(?P<u>milliseconds?|ms|seconds?|secs?|minutes?|mins?|hours?|hrs?|"
    r"days?|weeks?|months?|years?)\b",
    re.I,
)
# "41 of 58 invoices", "two out of three annotators", "3 in 100 answers": a share of a whole
# said as a count
_SHARE_OF = re.compile(
    rf"\b(?P<k>{_NUM})\s+(?:(?:out\s+)?of|in)\s+(?:the\s+|our\s+|all\s+)?(?P<n>{_NUM})\b"
    r"(?P<w>(?:\s+(?!and\b|or\b|of\b|were\b|was\b|are\b|is\b)[a-z][a-z-]*){1,2})",
    re.I,
)
# how often something happens or how finely it is measured: "retrained weekly", "every 10
# minutes", "at 10-minute resolution", "hourly readings" (not a metric named by its period:
# "daily active users")
_PERIOD_WORD = {
    "hourly": 3600.0, "daily": 86400.0, "nightly": 86400.0, "weekly": 604800.0,
    "fortnightly": 1209600.0, "biweekly": 1209600.0, "monthly": 2629800.0,
    "quarterly": 7889400.0, "yearly": 31557600.0, "annually": 31557600.0,
}  # fmt: skip
_PERIOD = re.compile(
    r"\b(?P<w>hourly|daily|nightly|weekly|fortnightly|biweekly|monthly|quarterly|yearly|"
    r"annually)\b(?!\s+active\b)|"
    rf"\b(?:every|each|once\s+an?|once\s+per)\s+(?:(?P<n>{_NUM})\s+)?(?P<u>minute|hour|day|night|week|"
    r"month|quarter|year)s?\b|"
    rf"\b(?P<m>{_NUM})[\s-]*(?P<v>second|minute|hour|day|week|month)s?[\s-]+"
    r"(?:resolution|granularity|intervals?|buckets?|bins?|cadence|frequency|windows?|"
    r"aggregates?|steps?)\b",
    re.I,
)
_PERIOD_UNIT = {**SECONDS, "night": 86400.0, "quarter": 7889400.0}
_RANKED = re.compile(r"\b(?:top|first|best|rank(?:ed)?|at|@)\s*$", re.I)
_PERCENT = re.compile(rf"\b(?P<n>{_NUM})\+?\s*(?:%|percent\b|per\s+cent\b)", re.I)
_COUNT = re.compile(
    rf"(?<![-@])\b(?P<n>{_NUM})\+?\s*(?P<s>thousand|million|billion|k|m|bn)?\s+(?P<w>(?:[a-z][a-z-]*\s+){{0,2}}"
    r"[a-z][a-z-]*)",
    re.I,
)
_TEAM = re.compile(rf"\bteam\s+of\s+(?P<n>{_NUM})\b", re.I)
# "the five of us on the team", "there were four of us", "the perception team, four of us,":
# not "only two of us labelled data", which is part of a team
_OF_US = re.compile(
    rf"(?:\bthe\s+|\bthere\s+were\s+|\bwe\s+were\s+|\bwith\s+|,\s*)(?P<n>{_NUM})\s+of\s+us\b",
    re.I,
)
_WORD = re.compile(r"[a-z][a-z0-9-]+", re.I)
_PER_PERIOD = re.compile(
    r"\b(?:a|an|per|each|every)\s+(?P<p>year|month|week|day|hour|minute|second|quarter)\b", re.I
)
_PER_DAY = {
    "year": 1 / 365,
    "quarter": 1 / 91,
    "month": 1 / 30,
    "week": 1 / 7,
    "day": 1.0,
    "hour": 24.0,
    "minute": 1440.0,
    "second": 86400.0,
}
# Two durations this far apart in size measure different things ("25 minutes" of retraining
# and "26 weeks" of backtest), not one told two ways.
TIME_RATIO = 30.0


@dataclass(frozen=True)
class Frame:
    dim: str  # count | money | time | percent | share ("41 of 58") | period (how often: seconds)
    value: float
    noun: str  # the counted noun (counts), else ""
    about: frozenset[str]  # content words near the number, stemmed
    text: str
    sentence: str
    part: bool = False  # said of a part ("11 of the failures", "the rest")
    bound: bool = False  # a limit, not a measurement ("within 50 ms", "a budget of 10 ms")


@dataclass(frozen=True)
class FrameWords:
    generic: frozenset[str]
    people: frozenset[str]
    not_counted: frozenset[str]
    not_a_claim: re.Pattern[str]
    not_a_claim_before: re.Pattern[str]
    bound_before: re.Pattern[str]
    bound_after: re.Pattern[str]
    still_a_claim: re.Pattern[str]
    part_of: re.Pattern[str]


@cache
def _words() -> FrameWords:
    name = "consistency.yaml"
    cfg = load_data(name)
    frames = require(name, cfg, "frames", dict)
    return FrameWords(
        frozenset(require(name, frames, "generic", str).lower().split()),
        frozenset(require(name, frames, "people", str).lower().split()),
        frozenset(require(name, frames, "not_counted", str).lower().split()),
        re.compile("|".join(require(name, frames, "not_a_claim", list)), re.I),
        re.compile("|".join(require(name, frames, "not_a_claim_before", list)), re.I),
        re.compile("|".join(require(name, frames, "bound_before", list)), re.I),
        re.compile("|".join(require(name, frames, "bound_after", list)), re.I),
        re.compile("|".join(require(name, frames, "still_a_claim", list)), re.I),
        re.compile("|".join(require(name, frames, "part_of", list)), re.I),
    )


def _float(text: str) -> float:
    return float(text.replace(",", ""))


def _about(words: FrameWords, sentence: str, start: int, end: int) -> frozenset[str]:
    before = _WORD.findall(sentence[max(0, start - 60) : start])[-6:]
    after = _WORD.findall(sentence[end : end + 40])[:4]
    return frozenset(
        stem(w.lower()) for w in before + after if len(w) > 2 and w.lower() not in words.generic
    )


def _anchors(words: FrameWords, sentence: str, start: int, end: int) -> frozenset[str]:
    """The content word nearest each side of a period, within its own phrase (up to
    another number or a clause break): what happens that often ("retrained weekly", "the
    hourly SCADA feed", "forecasts demand at 10-minute resolution")."""
    before = _PHRASE_BREAK.split(sentence[max(0, start - 60) : start])[-1]
    after = _PHRASE_BREAK.split(sentence[end : end + 40])[0]
    kept_before = [w for w in _WORD.findall(before) if _content(w, words)]
    kept_after = [w for w in _WORD.findall(after) if _content(w, words)]
    return frozenset(stem(w.lower()) for w in kept_before[-1:] + kept_after[:1])


_PHRASE_BREAK = re.compile(r"\d|[,;:()]|\s(?:and|but|while|which|because|so)\s", re.I)
# a period after a comparative is a rate of change, not a cadence: "a little more every year"
_TREND_BEFORE = re.compile(
    r"\b(?:more|less|fewer|higher|lower|bigger|smaller|better|worse|further|grows?|grew|"
    r"rises?|rose|falls?|fell|increas\w*|decreas\w*|shrinks?|drops?|dropped)\s+(?:\w+\s+)?$",
    re.I,
)


# words beside a period that say nothing of what happens that often ("the model weekly")
_VAGUE_ANCHORS = frozenset({"model", "models", "data", "system", "pipeline"})


def _content(word: str, words: FrameWords) -> bool:
    low = word.lower()
    return len(word) > 2 and low not in words.generic and low not in _VAGUE_ANCHORS


_CLAUSE_BREAK = re.compile(r"[,;:]|\s(?:and|but|because|so|which|while|whereas|though)\b", re.I)


def not_a_claim(sentence: str, end: int | None = None) -> bool:
    """Does the sentence say its numbers were wrong or superseded, or only suppose them?

    With ``end`` (where a number ends), an early state or a what-if counts only up to the end
    of that number's clause: "300 ms at p95, and users complained early on" claims 300 ms."""
    words = _words()
    if words.still_a_claim.search(sentence):
        return False
    if words.not_a_claim.search(sentence):
        return True
    scope = sentence
    if end is not None:
        brk = _CLAUSE_BREAK.search(sentence, end)
        # from the statement the number is in: "...I'd rebalance; blocking comments are 30%"
        start = sentence.rfind(";", 0, end) + 1
        scope = sentence[start : brk.start()] if brk else sentence[start:]
    return bool(words.not_a_claim_before.search(scope))


_NUMBER_UNIT = re.compile(r"^[\d.,]+\s*(?:[a-z%$]+)?", re.I)


def is_bound(sentence: str, start: int) -> bool:
    """Is the number starting at ``start`` a bound ("stay under 50 ms"), not a measurement?"""
    words = _words()
    if words.bound_before.search(sentence[max(0, start - 30) : start]):
        return True
    return bool(words.bound_after.match(_NUMBER_UNIT.sub("", sentence[start:], count=1)))


def read_frames(sentence: str) -> list[Frame]:
    """The setup numbers of one sentence as frames (outcome figures are left to consistency)."""
    words = _words()
    text = spell_numbers(sentence)
    words_only = _words()
    if words_only.not_a_claim.search(text) and not words_only.still_a_claim.search(text):
        return []
    out: list[Frame] = []
    taken: list[tuple[int, int]] = []

    def add(dim: str, value: float, noun: str, m: re.Match[str], shown: str = "") -> None:
        if any(a < m.end() and m.start() < b for a, b in taken):
            return
        taken.append((m.start(), m.end()))
        if not_a_claim(text, m.end()):
            return  # "at first it was 40 ms", "at ten times the load that is 900"
        about = _about(words, text, m.start(), m.end())
        before, after = text[max(0, m.start() - 25) : m.start()], text[m.end() : m.end() + 25]
        # "12 ms of our 80 ms budget": the number after "of our" is the whole, not a part
        whole = bool(_OF_WHOLE.search(before))
        part = bool(words.part_of.search(after)) or (
            not whole and bool(words.part_of.search(before))
        )
        if dim == "percent" and _OF_ALL.match(after):
            part = False  # "18% of the total": a share of everything, not of a part
        bound = is_bound(text, m.start())  # met only by another bound ("within 50 ms")
        if dim == "period":  # how often *what* happens: the words right beside the period
            about = _anchors(words, text, m.start(), m.end())
        out.append(Frame(dim, value, noun, about, shown or m.group(), sentence, part, bound))

    for m in _MONEY.finditer(text):
        n = m.group("a") or m.group("b") or m.group("c")
        scale = (m.group("sa") or m.group("sb") or "").lower()
        value = _float(n) * SCALE.get(scale, 1.0) * (0.01 if m.group("c") else 1.0)
        add("money", value, "", m)
    for m in _SHARE_OF.finditer(text):
        k, n = _float(m.group("k")), _float(m.group("n"))
        if _RANKED.search(text[max(0, m.start() - 12) : m.start()]):
            continue  # "the top 2,000 of 410,000" is a cut-off, not a share
        noun = _counted_noun(m.group("w") or "", words)
        if noun and 0 < k <= n and n > 1 and not _YEAR <= n <= _YEAR + 200:
            add("share", 100 * k / n, noun, m)  # compared only with a share of the same things
    for m in _PERIOD.finditer(text):
        if _TREND_BEFORE.search(text[max(0, m.start() - 30) : m.start()]):
            continue
        if m.group("w"):
            add("period", _PERIOD_WORD[m.group("w").lower()], "", m)
        else:
            unit = (m.group("u") or m.group("v")).lower()
            count = m.group("n") or m.group("m")
            add("period", (_float(count) if count else 1.0) * _PERIOD_UNIT[unit], "", m)
    for m in _TIMES.finditer(text):
        unit = m.group("u").lower().rstrip("s") or "s"
        add("time", _float(m.group("n")) * SECONDS.get(unit, SECONDS.get(unit + "s", 1.0)), "", m)
    for m in _PERCENT.finditer(text):
        add("percent", _float(m.group("n")), "", m)
    for m in (*_TEAM.finditer(text), *_OF_US.finditer(text)):
        n = m.group("n")
        if n[0].isdigit():
            add("count", _float(n), "people", m)
    for m in _COUNT.finditer(text):
        if "." in m.group("n") and not m.group("s"):
            continue  # "0.81 macro-F1", "2.5 points": a count is a whole number (or "1.2 million")
        if (
            _is_rate(text, m)
            or _EACH_AFTER.match(text, m.end("n"))
            or _EACH_BEFORE.search(text[max(0, m.start() - 30) : m.start()])
        ):
            continue  # "1 loan in 13", "10,000 forms each", "each checking 200": per unit
        noun = _counted_noun(m.group("w"), words)
        per_day = 1.0
        period = _PER_PERIOD.search(text, m.start(), m.end() + 20) if noun else None
        if period:
            noun += "/rate"  # "9,000 subscribers a year" is a rate, not how many there were
            per_day = _PER_DAY[period.group("p").lower()]  # a rate is compared per day
        if noun:
            scale = (m.group("s") or "").lower()
            # a rate is quoted with its period: "18,000 retained per quarter"
            shown = text[m.start() : period.end()] if period else ""
            add("count", _float(m.group("n")) * SCALE.get(scale, 1.0) * per_day, noun, m, shown)
    # a measurement beside a bound of its kind measures what the bound limits ("had to answer
    # within 50 ms at p99, and we ended up at about 18 ms": 18 ms is the p99 too)
    limits = [f for f in out if f.bound]
    return [
        replace(f, about=f.about.union(*(b.about for b in limits if b.dim == f.dim)))
        if not f.bound
        else f
        for f in out
    ]


_YEAR_SAID = re.compile(r"(?<![\d,.])(?:19[5-9]\d|20[0-4]\d)(?![\d,.]\d)")
# "10,000 forms each over three months" (not "four radiologists each re-read ...")
_EACH_AFTER = re.compile(
    r"\s*[\w-]+(?:\s+[\w-]+)?\s+(?:each|apiece)\b(?=\s*(?:[,.;)]|$|(?:over|in|per|a|an|the|for|"
    r"during|across|from|by|on|at|to)\b))",
    re.I,
)
# "three analysts, each checking about 200 loans"
_EACH_BEFORE = re.compile(r"\beach\s+(?:[a-z-]+\s+){1,2}(?:about\s+|around\s+|roughly\s+)?$", re.I)
# "1 loan in 13", "3 customers out of 40" (not "15,000 images in 4 weeks", "in 2023")
_RATIO_AFTER = re.compile(
    r"\s*(?:[a-z-]+\s+)?(?:in|out\s+of)\s+(?:every\s+)?(?P<whole>\d[\d,]*)\b(?![.,]?\d)"
    r"(?!\s*(?:%|percent|ms|(?:second|minute|hour|day|week|month|quarter|year)s?\b))",
    re.I,
)


def _is_rate(text: str, m: re.Match[str]) -> bool:
    """Is the count ``m`` the first term of a rate ("1 loan in 13")?"""
    r = _RATIO_AFTER.match(text, m.end("n"))
    if not r:
        return False
    whole = _float(r.group("whole"))
    return _float(m.group("n")) < whole and not _YEAR <= whole <= _YEAR + 200


_OF_ALL = re.compile(
    r"\s*of\s+(?:the\s+|all\s+|our\s+)?(?:total|data|dataset|whole|volume|traffic|corpus|"
    r"population)\b",
    re.I,
)
_OF_WHOLE = re.compile(
    r"\b(?:of|out\s+of)\s+(?:the|our|their|its|all|a|an)?\s*(?:total\s+)?$", re.I
)
_PLURAL = re.compile(r"[a-z-]{2,}[^sui]s")  # "users", "queries"; not "status", "analysis"
_NOT_PLURAL = frozenset("versus across always perhaps alias bias news series".split())


def _counted_noun(phrase: str, words: FrameWords) -> str:
    """The noun a number counts ("4,200 stores" -> "store"; "five data scientists" -> people)."""
    said = phrase.lower().split()
    if any(w in words.people for w in said):
        return "people"
    content: list[str] = []
    for w in said:
        if w in words.not_counted or w in SECONDS or w.rstrip("s") in SECONDS:
            break
        if w not in words.generic:
            content.append(w)
    if not content:
        return ""
    # "1.2 million postpaid subscribers": the plural noun is what is counted, not its adjective
    plural = next((w for w in content if _PLURAL.fullmatch(w) and w not in _NOT_PLURAL), None)
    return stem(plural or content[0])


_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_TEN, _ONES, _DIGIT = "|".join(_TENS), "|".join(_UNITS[1:10]), "|".join(_UNITS[:10])
_SPELLED = re.compile(
    rf"\b(?:(?P<t>{_TEN})(?:[- ](?P<tu>{_ONES}))?|(?P<u>{'|'.join(_UNITS)}))"
    rf"(?:\s+point\s+(?P<d>(?:{_DIGIT})(?:\s+(?:{_DIGIT}))*))?\b",
    re.I,
)


# "point six one" said without a leading number (0.61), not after one ("two point one")
_LEADING_POINT = re.compile(
    r"(?P<prev>\b(?:was|is|were|are|of|to|from|versus|vs|around|about|roughly|at|hit|reached|"
    r"got|scored|and)\s+)\bpoint\s+"
    rf"(?P<d>(?:{_DIGIT})(?:\s+(?:{_DIGIT}))*)\b(?!\s+(?:{_DIGIT}|{_TEN})\b)",
    re.I,
)
# "a hundred and twenty" and "3 hundred and 40" once the parts are digits
_HUNDRED = re.compile(
    r"(?<!\bfew\s)(?<!\bseveral\s)(?<!\bmany\s)(?<!\bsome\s)"
    r"\b(?:(?P<h>(?:a\s+)?couple(?:\s+of)?|a|one|\d+)\s+)?hundred\b"
    r"(?:\s+(?:and\s+)?(?P<r>\d{1,2})\b)?(?!\s+(?:of|percent))",
    re.I,
)


def spell_numbers(sentence: str) -> str:
    """Spelled numbers as digits: "five data scientists" -> "5 data scientists", "forty-one
    percent" -> "41 percent", "one point two million" -> "1.2 million"."""

    def digit(m: re.Match[str]) -> str:
        if m.group("t"):
            value = 20 + 10 * _TENS.index(m.group("t").lower())
            value += _UNITS.index(m.group("tu").lower()) if m.group("tu") else 0
        else:
            value = _UNITS.index(m.group("u").lower())
        if m.group("d"):
            decimals = "".join(str(_UNITS.index(w.lower())) for w in m.group("d").split())
            return f"{value}.{decimals}"
        return str(value)

    def leading_point(m: re.Match[str]) -> str:
        prev = m.group("prev")
        return prev + "0." + "".join(str(_UNITS.index(w.lower())) for w in m.group("d").split())

    text = _LEADING_POINT.sub(leading_point, sentence)
    text = _HALF_UNIT.sub(lambda m: f"0.5 {m.group(1)}s", text)
    text = _A_UNIT_OF.sub(lambda m: f"1 {m.group(1)} of", text)
    text = _ONE_AND_A_HALF.sub(lambda m: f"1.5 {m.group(1)}s", text)
    text = _SPELLED.sub(digit, text)
    text = _N_AND_A_HALF.sub(lambda m: f"{m.group(1)}.5 {m.group(2)}s", text)
    return _HUNDRED.sub(_hundreds, text)


_TIME_UNIT = r"(second|minute|hour|day|week|month|year)"
# "half a day" -> "0.5 days"; "a day and a half" -> "1.5 days"; "2 weeks and a half" -> "2.5 weeks"
_HALF_UNIT = re.compile(rf"\bhalf\s+an?\s+{_TIME_UNIT}\b", re.I)
# "a month of logs" -> "1 month of logs" (how much, said with "a")
_A_UNIT_OF = re.compile(r"\ba\s+(day|week|month|quarter|year)\s+of\b", re.I)
_ONE_AND_A_HALF = re.compile(rf"\ban?\s+{_TIME_UNIT}\s+and\s+a\s+half\b", re.I)
_N_AND_A_HALF = re.compile(rf"\b(\d+)\s+{_TIME_UNIT}s?\s+and\s+a\s+half\b", re.I)


def _hundreds(m: re.Match[str]) -> str:
    """ "a hundred and five" -> 105, "a couple hundred" -> 200; "a few hundred" stays words."""
    h = (m.group("h") or "a").lower()
    head = 2 if "couple" in h else 1 if h in ("a", "one") else int(h)
    return str(head * 100 + int(m.group("r") or 0))


def same_thing(a: Frame, b: Frame) -> bool:
    """Do two frames measure the same thing? Counts need the same counted noun, other numbers
    a content word in common near both; a bound meets only a bound (a 50 ms budget is no
    measured 45 ms)."""
    if a.dim != b.dim or a.bound != b.bound:
        return False
    if a.dim in ("count", "share"):
        return bool(a.noun) and a.noun == b.noun
    if a.dim == "time" and min(a.value, b.value) * TIME_RATIO < max(a.value, b.value):
        return False
    return bool(a.about & b.about)


_YEAR = 1900


def agree(a: Frame, b: Frame) -> bool:
    """Are the two values the same, allowing for rounding ("about 30%" and "31%")?"""
    low, high = sorted((a.value, b.value))
    if high == 0:
        return True
    if a.dim == "count" and all(
        _YEAR <= v.value <= _YEAR + 200 and v.value == int(v.value) for v in (a, b)
    ):
        return a.value == b.value  # years name, they do not count: 2019 is not "about 2021"
    if a.dim == "percent" and abs(a.value + b.value - 100) <= 1.5:
        return True  # the same split told from the other side ("70% routed", "the 30% left")
    # "about 30%" and "31%" agree; a small share is read closely (0.3% and 0.8% do not)
    tolerance = (1.5 if high >= 10 else 0.15 * high) if a.dim == "percent" else 0.0
    return high - low <= tolerance or low / high >= 0.9


def _restates(said: Frame, r: Frame) -> bool:
    """The overview gave this value already: in the same dimension, or of something the reply
    also names ("20 features" restates no "20 percent" cut in churn)."""
    return said.dim == r.dim or bool(said.about & r.about)


def frame_contradictions(
    overview: list[str], reply: list[str], min_about: int = 1
) -> list[tuple[Frame, Frame]]:
    """(overview frame, reply frame) pairs where the reply states another value for a setup
    number the overview gave; ``overview`` and ``reply`` are sentences. A reply number the
    overview states anywhere (in the same dimension, or of something the reply also names), or
    one said of a part ("11 of the failures", "the rest"), is
    left alone; the overview frame quoted is the one sharing most words with the reply's.
    ``min_about`` words in common are needed besides the frame (the counted noun for counts);
    with more than one, "one city" is no count of cities."""
    said = [f for s in overview for f in read_frames(s)]
    stated: dict[float, list[Frame]] = {}
    for f in said:
        stated.setdefault(round(f.value, 6), []).append(f)
    # a difference of two numbers one overview sentence gives ("from 53 to 42 cents" makes
    # "11 cents") is derived from them, not a new claim
    for i, a in enumerate(said):
        for b in said[i + 1 :]:
            if a.sentence == b.sentence and a.dim == b.dim and a.value != b.value:
                stated.setdefault(round(abs(a.value - b.value), 6), []).append(a)
    # a year the overview says anywhere, even outside a frame ("tested on 2021"), is no new
    # value for one ("the 2021 vintage")
    years = {n for s in overview for n in _YEAR_SAID.findall(s)}
    out: list[tuple[Frame, Frame]] = []
    for r in (f for s in reply for f in read_frames(s)):
        if r.part or any(_restates(o, r) for o in stated.get(round(r.value, 6), ())):
            continue
        if r.dim == "count" and set(_YEAR_SAID.findall(r.text)) & years:
            continue
        if min_about > 1 and r.dim == "count" and r.value < 2:
            continue
        extra = 0 if r.dim in ("count", "share") else 1  # a count shares its noun already
        if r.noun.endswith("/rate"):
            extra = 1 - min_about  # so does a rate, and its period ("a day" / "a month")
        elif r.dim == "period":
            extra = 2 - min_about  # one word beside both periods: "retrained weekly" / "monthly"
        related = [
            o for o in said if same_thing(o, r) and len(o.about & r.about) >= min_about - 1 + extra
        ]
        if related and not any(agree(o, r) for o in related):
            out.append((max(related, key=lambda o: len(o.about & r.about)), r))
    return out
