"""Find the figures in an answer and decide which of them state an outcome.

A *figure* is a number-bearing phrase: a percentage, points, money, a multiplier ("2x",
"tenfold", "doubled"), a relative figure ("by a third", "cut in half"), a before→after pair
("from 8% to 5%"), an order of magnitude, a metric value ("AUC of 0.91"), a count or a duration.
A figure is a *result* when it is stated as an outcome — attached to a change ("cut", "2x
faster", "from … to …") or to a metric — rather than describing the setup ("2 million rows",
"three months", "a team of five"). The hook check only counts result figures.

Identifiers that contain digits ("GPT-4", "ResNet-50", "F1", "top-5", "2023") are masked first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from deepdive.datafiles import compile_patterns, load_data, require
from deepdive.vocab import vocab

_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_MASK = re.compile(
    r"(?:(?<![\w.])(?:[A-Za-z][A-Za-z]*-?\d+(?:\.\d+)?[A-Za-z\d]*(?:-\w+)?"  # GPT-4, F1, top-5, v2
    r"|\d+-(?:day|week|month|year|hour|minute|second|person|page|step|stage|layer|way|class|"
    r"star|bit|core|gb|mb|d|k)s?\b|(?:19[89]\d|20[0-4]\d)(?!\s*(?:%|[kKmM]\b|x\b|percent|\w*(?:hours|ms|users|rows))))"
    r"|(?<=[A-Za-z])@\d+)"  # a metric's cut-off right after its name: "NDCG@10" (not "@ 45 ms")
    r"(?![\w%])"
)

_MODEL_WORDS = re.compile(
    r"\b(?:gradient[- ]boost\w*|boosted\s+trees?|xgboost|catboost|adaboost|boosting\s+model)\b",
    re.I,
)
_COMPARATIVE = re.compile(
    r"\s*(?:more|fewer|less|higher|lower|better|worse|faster|cheaper)\b", re.I
)
_WINDOW_WORD = re.compile(
    r"\b(?:after|over|for|during|across|every|per|first|last|next|past)\s*(?:the\s+)?"
    r"(?:first\s+|last\s+|next\s+|past\s+)?(?:about\s+|around\s+)?$",
    re.I,
)
_UP_DOWN = re.compile(r"\b(?:up|down|plus|minus)\s*$", re.I)
# "signed up 250 drivers", "wrote down 40 cases": a phrasal verb, not a change in amount
_PHRASAL_UP_DOWN = re.compile(
    r"\b(?:sign(?:ed)?|set|pick(?:ed)?|show(?:ed)?|turn(?:ed)?|end(?:ed)?|came|come|made|make|"
    r"took|take|look(?:ed)?|wrote|write|shut|put|follow(?:ed)?|broke|break)\s+(?:up|down)\s*$",
    re.I,
)
_BY_AMOUNT = re.compile(
    r"\bby\s+(?:about|roughly|around|nearly|almost|over|more\s+than|some|just\s+over|~)?\s*$",
    re.I,
)
_COMPARED_AFTER = re.compile(
    r"\s*(?:a\s+\w+\s+)?(?:instead\s+of|rather\s+than|compared\s+(?:to|with)|versus|vs\.?|"
    r"down\s+from|up\s+from)\s",
    re.I,
)
_RATE_AFTER = re.compile(
    r"\s*(?:the\s+|as\s+(?:high|good|many)\s+)?(?:\w+\s+){0,2}"
    r"(?:rate|ratio|precision|recall|accuracy|conversion|throughput|revenue|catch)\b",
    re.I,
)
_NOT_COMPOUND = (
    r"(?!\s+(?:estimates?|clouds?|process(?:es)?|mass|solutions?|sources?|sets?|forecasts?|"
    r"predictions?|of\s+(?:view|contact|sale|failure|reference|entry)|in\s+time)\b)"
)
# Version numbers ("Python 3.11", "CC BY 4.0 licence", "1.2.3") are names, not figures.
_VERSION = re.compile(
    r"\b(?:version|release|python|licen[cs]e|cuda|java)\s+(\d+(?:\.\d+)+)\b"
    r"|\b(\d+(?:\.\d+)+)(?=\s+licen[cs]e\b)|(?<![\w.])(\d+\.\d+\.\d+)(?![\w.])",
    re.I,
)


def _blank_version(m: re.Match[str]) -> str:
    """The match with its version number blanked out (same length)."""
    g = next(i for i in (1, 2, 3) if m.group(i) is not None)
    a, b = m.start(g) - m.start(), m.end(g) - m.start()
    text = m.group()
    return text[:a] + " " * (b - a) + text[b:]


# "more than 300 applications": an approximate amount, not an outcome word
_QUANTIFIER = re.compile(r"\b(?:more|less|fewer)\s+than\s*$", re.I)
_NEXT_NUMBER = re.compile(r"\d")


def _own_words_after(after: str) -> str:
    """The words after a figure that are about it: up to the next number, without the
    quantifier that belongs to that number ("9% of orders arrived *more than* 15 minutes late")."""
    nxt = _NEXT_NUMBER.search(after)
    return _QUANTIFIER.sub(" ", after[: nxt.start()]) if nxt else after


_FILLERS = re.compile(r"(?<![\w'])(?:um+|uh+|erm|like|you\s+know)(?![\w'])", re.I)
_PER_UNIT = re.compile(r"\s*(?:per|a|each|every)\s", re.I)
_REDUCTION = re.compile(
    r"\b(?:reduc|cut|sav|slash|halv|lower|trim|eliminat|prevent|recover|avoid)\w*", re.I
)


@dataclass(frozen=True)
class Figure:
    """A figure found in the answer (offsets are into the whole answer text)."""

    text: str
    start: int
    end: int
    sentence: int
    kind: str
    result: bool
    # the level the baseline or old system reached ("the old rule caught 41%"): no result of
    # the project, but a number the candidate can still be held to
    baseline_level: bool = False


class FigureFinder:
    """Figure patterns compiled from ``data/figures.yaml``."""

    def __init__(self) -> None:
        name = "figures.yaml"
        cfg = load_data(name)
        words = require(name, cfg, "number_words", str).split()
        scales = require(name, cfg, "scale_words", str).split()
        wordnum = r"(?:(?:a|an|" + "|".join(words) + r")(?:[- ](?:" + "|".join(words) + r"))*)"
        scale = r"(?:\s?(?:k|K|M|mm|bn|B)\b|\s(?:" + "|".join(scales) + r")\b)"
        digit = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
        spoken_decimal = rf"(?:(?:zero|oh)\s+)?point(?:\s+{digit})+\b"
        num = rf"(?:~\s?)?(?:{_NUM}{scale}?|{wordnum}\s(?:{'|'.join(scales)})\b|{spoken_decimal})"
        anynum = rf"(?:{num}|{wordnum})"
        money = rf"(?:[$€£¥]\s?{_NUM}{scale}?|{num}\s+(?:dollars|usd|euros|pounds)\b)"
        percent = rf"(?:{anynum}\s?(?:%|percent\b|per\s?cent\b|pct\b))"
        # "a point" is a figure only when it is a unit, not the head of a compound noun
        # ("a point estimate", "a point of view")
        points = (
            rf"(?:{anynum}\s(?:percentage\s|basis\s)?"
            rf"(?:point\b{_NOT_COMPOUND}|(?:points|pts|pp|bps)\b))"
        )
        duration_units = require(name, cfg, "duration_units", str).split()
        counted = rf"(?:{num}|(?:{'|'.join(words)})(?:[- ](?:{'|'.join(words)}))*)"
        duration = rf"(?:{counted}\s?(?:{'|'.join(duration_units)})\b)"
        value = rf"(?:{money}|{percent}|{duration}|{num})"
        # "from roughly an hour to under ten minutes": a single unit is a value only there
        one_unit = rf"(?:an?\s(?:{'|'.join(duration_units)})\b)"
        span = rf"(?:{value}|{one_unit})"
        flags = re.IGNORECASE
        arrow = re.compile(rf"{value}\s?(?:->|→|=>)\s?{value}", flags)
        self.kinds: list[tuple[str, re.Pattern[str]]] = [
            (
                "before_after",
                re.compile(
                    rf"(?:from\s+(?:about\s+|around\s+|roughly\s+|over\s+|nearly\s+)?{span}"
                    rf"(?:\s+(?:a|an|per|each)\s+(?:day|week|month|year|hour|shift|request|order))?"
                    # what had the first value: "from 0.31 for the old rule to 0.52"
                    rf"(?:\s+(?:for|with|on|using|under)\s+(?:the\s+|our\s+|a\s+|an\s+)?"
                    rf"(?:[\w-]+\s+){{0,2}}?[a-z][\w-]*(?=\s+to\s))?"
                    rf"\s+(?:down\s+|up\s+)?to\s+(?:(?:about|around|roughly|just|under|below|over|nearly"
                    rf"|less\s+than)\s+){{0,2}}(?:{span}|{anynum}\b))",
                    flags,
                ),
            ),
            # the same said with an arrow, searched apart: a pattern that starts with a value
            # is tried at every position, so only where an arrow is
            ("before_after", arrow),
            (
                "magnitude",
                compile_patterns(name, cfg, require(name, cfg, "magnitude_patterns", list)),
            ),
            (
                "relative",
                compile_patterns(name, cfg, require(name, cfg, "relative_patterns", list)),
            ),
            (
                "multiplier",
                compile_patterns(name, cfg, require(name, cfg, "multiplier_patterns", list)),
            ),
            ("money", re.compile(money, flags)),
            ("percent", re.compile(percent, flags)),
            ("points", re.compile(points, flags)),
            ("duration", re.compile(duration, flags)),
            (
                "count",
                compile_patterns(name, cfg, require(name, cfg, "counted_outcome_patterns", list)),
            ),
            ("number", re.compile(rf"(?<![\w.]){num}(?![\w%])", flags)),
        ]
        # Cheap substring tests: a kind is only searched for when one of its hints occurs
        # (the arrow form of a before/after has hints of its own).
        self._hint_keys = [
            "before_after_arrow" if pattern is arrow else kind for kind, pattern in self.kinds
        ]
        self.hints: dict[str, tuple[str, ...]] = {
            "before_after": ("from",),
            "before_after_arrow": ("->", "→", "=>"),
            "money": ("$", "€", "£", "¥", "dollar", "usd", "euro", "pound"),
            "percent": ("%", "percent", "per cent", "pct"),
            "points": ("point", "pts", "pp", "bps"),
        }
        self.unit_hint = re.compile(r"\b(?:" + "|".join(duration_units) + r")\b")
        self.outcome = compile_patterns(name, cfg, require(name, cfg, "outcome_patterns", list))
        self.rate = re.compile("|".join(require(name, cfg, "rate_patterns", list)), flags)
        self.comparison = compile_patterns(
            name, cfg, require(name, cfg, "comparison_patterns", list)
        )
        self.stakes = compile_patterns(name, cfg, require(name, cfg, "stakes_patterns", list))
        self.not_result = compile_patterns(name, cfg, require(name, cfg, "not_result_before", list))
        self.baseline_subject = re.compile(
            "|".join(require(name, cfg, "baseline_subject", list)), flags
        )
        self.share = re.compile(
            r"^\s*(?:" + "|".join(require(name, cfg, "share_patterns", list)) + r")", flags
        )
        data_nouns = require(name, cfg, "data_nouns", str).split()
        work_nouns = require(name, cfg, "work_nouns", str).split()
        amount_of = require(name, cfg, "amount_of_nouns", str).split()
        # a figure before these describes the data, unless work on the data follows ("6
        # hours of data processing" is an effort)
        self.data_after = re.compile(
            r"^\s*(?:(?:\w+\s+){0,2}?(?:of\s+(?:the\s+|our\s+|all\s+)?)?(?:\w+\s+)?(?:"
            + "|".join(re.escape(n) for n in data_nouns)
            + r")|of\s+(?:the\s+|our\s+|all\s+)?(?:\w+\s+)?(?:"
            + "|".join(re.escape(n) for n in amount_of)
            + r"))\b(?!\s+(?:"
            + "|".join(re.escape(n) for n in work_nouns)
            + r")\b)",
            flags,
        )

    def find(self, sentence_text: str, offset: int, index: int) -> list[Figure]:
        """Figures in one sentence whose text starts at ``offset`` in the answer."""
        masked = _MASK.sub(lambda m: " " * len(m.group()), sentence_text)
        masked = _VERSION.sub(_blank_version, masked)
        # spoken fillers inside a figure ("by like a third", "from um 8% to 5%")
        masked = _FILLERS.sub(lambda m: " " * len(m.group()), masked)
        lowered = masked.lower()
        taken: list[tuple[int, int]] = []
        found: list[tuple[int, int, str]] = []
        for (kind, pattern), hint_key in zip(self.kinds, self._hint_keys, strict=True):
            hints = self.hints.get(hint_key)
            if hints and not any(h in lowered for h in hints):
                continue
            if kind == "duration" and not self.unit_hint.search(lowered):
                continue
            for m in pattern.finditer(masked):
                s, e = m.start(), m.end()
                text = m.group().strip()
                if not text or any(s < b and a < e for a, b in taken):
                    continue
                if kind == "number" and not self._worth_keeping(masked, s, e):
                    continue
                taken.append((s, e))
                found.append((s, e, kind))
        found.sort()
        metrics = vocab().find("metrics", sentence_text)
        baseline = self.baseline_subject.search(masked)
        # the baseline's clause: up to the first break that does not go on describing it
        # ("The old rules engine caught 41%, but my model caught 78%"; not ", flagging ...",
        # ", which gave ...")
        baseline_end = -1
        if baseline:
            brk = _CLAUSE_BREAK.search(masked, baseline.end())
            baseline_end = brk.start() if brk else len(masked)
        out: list[Figure] = []
        # a number in a question ("what if precision drops to 50%?") is asked about, not had
        asked = sentence_text.rstrip().endswith("?") and not _TAG_QUESTION.search(sentence_text)
        for s, e, kind in found:
            kind_out = kind
            near_metric = any(
                (0 <= s - mt.end <= 40) or (0 <= mt.start - e <= 14) for mt in metrics
            )
            if kind == "number":
                kind_out = "metric" if near_metric else "count"
            result = not asked and (
                kind == "count" or self._is_result(masked, s, e, kind_out, near_metric)
            )
            if result and self._operating_point(masked, s, e, kind_out):
                result = False  # "precision at 10%", "at 80% recall": where a metric is read
            baseline_level = False
            if result and s < baseline_end:
                # the baseline's own level ("the old rule caught 41%") or its definition
                # ("flagging users whose logins dropped by half") is no result of the project
                result = False
                baseline_level = kind_out in ("percent", "metric", "count")
            text = sentence_text[s:e].strip()
            lead = len(sentence_text[s:e]) - len(sentence_text[s:e].lstrip())
            start = offset + s + lead
            out.append(
                Figure(text, start, start + len(text), index, kind_out, result, baseline_level)
            )
        return out

    @staticmethod
    def _operating_point(masked: str, s: int, e: int, kind: str) -> bool:
        """A share a ranking metric is read at rather than a value of it ("precision at 10%",
        "precision at 80% recall"). Measured and not adopted: any share before another metric
        ("at a 1% FPR": the project test split's Spearman fell 0.863 -> 0.858)."""
        return kind == "percent" and bool(METRIC_AT.search(masked[max(0, s - 30) : s]))

    @staticmethod
    def _worth_keeping(masked: str, s: int, e: int) -> bool:
        """Bare numbers are kept when they are large, decimal or scaled, not list markers."""
        text = masked[s:e].strip().lstrip("~").strip()
        if not text:
            return False
        if text.lower().startswith(("point", "zero point", "oh point")):
            return True
        if any(ch.isalpha() for ch in text):
            return any(
                w in text.lower()
                for w in ("hundred", "thousand", "million", "billion", "k", "m", "b")
            )
        if "." in text:
            return True
        try:
            return int(text.replace(",", "")) >= 10
        except ValueError:
            return False

    def _is_result(self, masked: str, s: int, e: int, kind: str, near_metric: bool) -> bool:
        if self.not_result.search(" ".join(masked[:s].split()[-10:]) + " "):
            return False  # a hypothetical, a target or an alert threshold, not an outcome
        if (
            kind == "percent"
            and _ALLOCATED_TO.search(masked[max(0, s - 20) : s])
            and _OF_TRAFFIC.match(masked[e:])
        ):
            return False  # "an A/B test with 5% of traffic": who saw it, not what it did
        if kind == "percent" and (
            _PLACED_TOP.search(masked[max(0, s - 50) : s])
            or (_TOP.search(masked[max(0, s - 8) : s]) and _ON_LEADERBOARD.match(masked[e:]))
        ):
            return True  # a placing: "finished in the top 3%", "top 5% of the leaderboard"
        after = masked[e : e + 60]
        describes_data = bool(self.data_after.match(after) or self.share.match(after))
        words_before = _MODEL_WORDS.sub(" ", " ".join(masked[:s].split()[-14:]))
        if kind not in ("percent", "points", "metric"):
            words_before = _QUANTIFIER.sub(" ", words_before)  # "more than 300 visitors"
        window = words_before + " " + _MODEL_WORDS.sub(" ", _own_words_after(masked[e : e + 40]))
        near_before = " ".join(words_before.split()[-6:])
        has_outcome = (
            bool(self.outcome.search(window))
            or bool(_BY_AMOUNT.search(words_before))
            or bool(_UP_DOWN.search(words_before) and not _PHRASAL_UP_DOWN.search(words_before))
        )
        if kind == "relative":
            return (
                has_outcome or bool(self.comparison.search(window)) or "hal" in masked[s:e].lower()
            )
        if kind == "multiplier" and _RATE_AFTER.match(after):
            return True  # "three times the churn rate of the old list" compares outcomes
        if (
            kind == "magnitude"
            and "magnitude" in masked[s:e].lower()
            and not (has_outcome or self.comparison.search(window))
        ):
            return False  # "roughly an order of magnitude, tens of thousands of forms": a size
        if (
            kind == "before_after"
            and _ONE_UNIT_FROM.search(masked[s:e])
            and not self.outcome.search(" ".join(masked[:e].split()[-16:]))
        ):
            return False  # "moved the horizon from a day to a week": a setting, not a result
        if kind in ("before_after", "magnitude", "multiplier"):
            return not describes_data or has_outcome
        if (
            kind == "percent"
            and (
                _HOW_WELL.search(near_before)
                or (_RIGHT_BEFORE.search(masked[max(0, s - 25) : s]) and self.rate.match(after))
            )
            and _SYSTEM.search(words_before)
            and not _SUPPOSED.search(words_before)
            and not _PEOPLE.search(words_before)
        ):
            return True  # "it correctly routes 85% of the time": how often the system got it right
        if kind in ("percent", "points", "metric"):
            compared = bool(self.comparison.search(window))
            if kind == "percent" and self.rate.match(after) and (has_outcome or compared):
                return True
            if describes_data:
                # "caught 80% of fraud cases" is a result; "0.4% were fraud" describes the data.
                return has_outcome or compared or bool(_COMPARATIVE.match(after))
            return has_outcome or near_metric or compared
        if kind == "duration" and _WINDOW_WORD.search(near_before):
            return False  # "after 90 days", "over six months": a time window, not a result
        if kind in ("duration", "money") and _COMPARED_AFTER.match(after):
            return True  # "in twenty minutes instead of four hours"
        if kind == "duration" and _SOONER_THAN.match(after):
            return True  # "alerts go out three hours earlier than before"
        if kind == "duration" and _TIME_AGO.match(after):
            return False  # "a window ending four months back", "two weeks later": a point in time
        if kind in ("duration", "money") and _NOW.search(near_before) and _USED_TO.search(masked):
            return True  # "which used to take two weeks, now runs in about four hours"
        # money, duration, count: only with an outcome right before ("saved $2M", "cut 3 hours").
        has_outcome = bool(self.outcome.search(near_before + " " + masked[e : e + 20]))
        before = masked[max(0, s - 40) : s]
        if kind in ("percent", "points") and re.search(r"[+−-]\s?$", masked[max(0, s - 2) : s]):
            return True
        if kind == "money" and self.stakes.search(before):
            # "reduced cloud spend on the pipeline by about $18k": the cut may come well before
            return bool(_REDUCTION.search(" ".join(masked[:s].split()[-10:])))
        if kind == "money" and re.match(
            r"\s*(?:a|per)\s+(?:year|month|quarter)|\s*annually", after
        ):
            return True
        if kind in ("duration", "money") and _PER_UNIT.match(after):
            describes_data = False  # "ninety seconds per call" is a rate, not a data count
        return has_outcome and not describes_data


# how well the system did what comes next, said before a share of the time or of cases
_HOW_WELL = re.compile(r"\b(?:correctly|accurately|successfully|reliably)\b", re.I)
_RIGHT_BEFORE = re.compile(
    r"\b(?:right|correct|wrong)\s+(?:(?:about|around|roughly|nearly|almost|over|maybe|like)\s+)?$",
    re.I,
)
# "a model that always says no would be right 90% of the time": supposed, not measured
_SUPPOSED = re.compile(
    r"\b(?:might|would|could|should|will|needed|need|wanted|always\s+(?:says|predicts|guesses))\b",
    re.I,
)
# ... said of the system, not of people or of the data: "it correctly routes ...", not
# "reviewers correctly flag ..." or "humans accurately label ..."
_SYSTEM = re.compile(
    r"\b(?:it|model|system|classifier|detector|parser|tagger|ranker|pipeline|tool|bot|network|"
    r"extractor|router|recogni[sz]er|we)\b",
    re.I,
)
_PEOPLE = re.compile(
    r"\b(?:humans?|people|reviewers?|annotators?|labell?ers|analysts|agents|staff|vendors?|"
    r"nurses|doctors|clerks|operators)\b",
    re.I,
)
_ONE_UNIT_FROM = re.compile(r"\bfrom\s+(?:\w+\s+)?an?\s+[a-z]+\b", re.I)
_TIME_AGO = re.compile(r"\s*(?:back|ago|prior|earlier|later)\b", re.I)
_SOONER_THAN = re.compile(r"\s*(?:earlier|sooner)\s+than\b", re.I)
# a question tag after a statement ("..., right?"): still a statement
_TAG_QUESTION = re.compile(r"[,\s](?:right|you\s+know|yeah|correct|no|huh|eh)\s*\?\s*$", re.I)
# "now" said of a time or cost, in a sentence that tells what it used to be
_NOW = re.compile(r"\bnow\b", re.I)
_USED_TO = re.compile(
    r"\bused\s+to\s+(?:take|run|cost|need|require|last)\b|\b(?:previously|formerly)\s+"
    r"(?:took|cost|needed|ran|lasted)\b|\bhad\s+taken\b",
    re.I,
)
# the share of traffic an experiment ran on ("an A/B test on 10% of users")
_ALLOCATED_TO = re.compile(r"\b(?:on|with|to|for|across|at)\s+(?:just\s+|only\s+|about\s+)?$", re.I)
_OF_TRAFFIC = re.compile(
    r"\s*of\s+(?:the\s+|our\s+|all\s+)?(?:\w+\s+)?(?:traffic|users|sessions|visitors|requests|"
    r"queries|searches|stores|customers|accounts|members|riders|drivers|players)\b",
    re.I,
)
# a placing in a competition, told as a share of the field
_PLACED_TOP = re.compile(
    r"\b(?:(?:went|made\s+it|climbed|moved\s+up|ended\s+up|finished|landed)\s+(?:\w+\s+)?"
    r"(?:in(?:to)?\s+|to\s+|at\s+)?|(?:ranked|placed)\s+(?:in(?:to)?|among|within)\s+)"
    r"(?:the\s+)?top\s+$",
    re.I,
)
_TOP = re.compile(r"\btop\s+$", re.I)
_ON_LEADERBOARD = re.compile(
    r"\s*(?:on|of|in)\s+(?:the\s+)?(?:\w+\s+)?(?:leaderboard|lb|competition|challenge)\b"
    r"(?![\'’]s)",
    re.I,
)
# metrics read at a cut-off of a ranked list ("precision at 10%", "recall@k")
RANKING_METRICS = r"\b(?:precision|recall|ndcg|hit\s+rate|lift|map|mrr)"
METRIC_AT = re.compile(RANKING_METRICS + r"\s+at\s+$", re.I)
_CLAUSE_BREAK = re.compile(
    r"(?:[;:]|,(?!\s+(?:which|that)\s+(?:gave|got|had|reached|scored|was|were|achieved|caught|"
    r"flagged|sat|stood)\b)(?!\s+(?:\w+ing|with|at|of)\b)|\s(?:but|and|while|whereas|then)\s)",
    re.I,
)


@cache
def figure_finder() -> FigureFinder:
    """The shared, lazily compiled figure finder."""
    return FigureFinder()
