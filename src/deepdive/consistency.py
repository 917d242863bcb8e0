"""Spot a follow-up reply that contradicts the overview: a different number for the same
thing, a different model named as the one chosen, or a different data source.

Numbers are read into comparable forms — a relative change ("cut by 30%", "halved", "2x"),
a level ("AUC of 0.91", "precision was 62%") or a change in points ("+4 points") — and tagged
with the content words around them, so "30% fewer false positives" and "we halved false
positives" compare, while "30% fewer false positives" and "recall went up 5%" do not.
A reply number is a contradiction only when it is comparable with an overview number about the
same thing and agrees with none of them. Setup numbers (counts, team size, money, durations,
shares) are compared as frames by ``deepdive.quantity_frames``. Prefer quiet: anything
ambiguous is not flagged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from itertools import pairwise

from deepdive.cut_offs import condition_changed, cut_off_changed, is_cut_off, other_cut_off
from deepdive.datafiles import compile_patterns, keys, load_data, require
from deepdive.figures import Figure, figure_finder
from deepdive.model_mentions import (
    CHOICE_VERB,
    CHOSEN_AFTER,
    CLAUSE_BREAK,
    MODEL_NOUN_AFTER,
    OURS_BEFORE,
    USED_AFTER,
    another_model,
    nearest_model,
    same_model,
    specific,
)
from deepdive.model_variants import Variant, size_said_after, variant
from deepdive.quantity_frames import (
    SECONDS,
    TIME_RATIO,
    Frame,
    frame_contradictions,
    is_bound,
    not_a_claim,
    spell_numbers,
)
from deepdive.sentences import Sentence, split_sentences
from deepdive.shares import rare_shares, share_conflicts
from deepdive.split_schemes import online_kinds, split_kinds
from deepdive.turns import candidate_sentences
from deepdive.vocab import Mention, vocab
from deepdive.work_credit import claimed_work, credits, solo_claim

_WORD = re.compile(r"[a-z]+", re.I)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_WORDNUM = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100,
}  # fmt: skip


# the words right after a number, up to punctuation or another number
_RIGHT_AFTER = re.compile(r"((?:\s*[A-Za-z%]+){1,3})")


# a number said as the distance between two others ("a gap of 0.7 minutes", "better by 2")
_GAP = re.compile(
    r"\b(?:gap|difference|delta|margin|spread|better\s+by|worse\s+by|off\s+by|within)"
    r"(?:\s+(?:of|was|is|at|by))?(?:\s+(?:about|around|roughly|only|just))?\s*$",
    re.I,
)


# how far after a data-source cue ("the data came from", "we pulled") the source is named
_SOURCE_REACH = 60


# "at 80% recall", "at a 0.5% FPR", "at the top 5%": a metric fixed at a number is the
# operating point
# ... but "was at 0.72 AUC", "came in at 0.8 recall" say the level itself
_OPERATING_POINT = re.compile(
    r"(?<!\bwas\s)(?<!\bwere\s)(?<!\bis\s)(?<!\bare\s)(?<!\bsat\s)(?<!\bin\s)(?<!\bstood\s)"
    r"(?<!\blanded\s)(?<!\bended\s)"
    r"\bat\s+(?:a\s+|an\s+|the\s+)?(?:top\s+|bottom\s+)?\d+(?:[.,]\d+)?\s*%?\s*$",
    re.I,
)


# a confidence interval's level and bounds: "(95% CI 3.9% to 8.5%)", "a 90% confidence
# interval of 0.81-0.86" (not "the alert interval", nor CI/CD)
_IN_INTERVAL = re.compile(
    r"(?:\b(?-i:CI)(?!/)|\bconfidence\s+interval|\bcredible\s+interval)\b"
    r"(?:\s+(?:of|from|was|is|:))?[^;()]{0,20}$",
    re.I,
)
_INTERVAL_LEVEL = re.compile(r"\s*(?:(?-i:CI)(?!/)|confidence|credible)\b", re.I)
# a clause boundary between a number and a metric named after it: "54%; AUC 0.83" and "54%, and
# AUC" give AUC its own number, not this one
_NEXT_CLAUSE = re.compile(r"[;:]|,\s|\s(?:and|but|while|whereas|with)\s", re.I)


# how a metric is averaged or cut: "macro-F1" and "weighted F1" measure different things
_QUALIFIER = re.compile(
    r"\b(macro|micro|weighted|balanced|mean|median|p50|p90|p95|p99|roc|pr|top-?\d+|training)\b"
)


def same_metric(a: str | None, b: str | None) -> bool:
    """Whether two metric names (``qualifier|name``) can measure the same thing: the same
    metric, with one of them unqualified or both qualified alike ("F1" and "macro|F1" can;
    "macro|F1" and "weighted|F1" cannot; nor can ROC-AUC and PR-AUC)."""
    if not a or not b:
        return True
    qa, _, na = a.rpartition("|")
    qb, _, nb = b.rpartition("|")
    if (qa == "training") != (qb == "training"):
        return False  # a training score is never the reported one
    return na == nb and (not qa or not qb or qa == qb)


@dataclass(frozen=True)
class Quantity:
    """A number read from a sentence, in one or more comparable forms."""

    text: str
    sentence: str
    readings: tuple[tuple[str, float], ...]  # ("change", +30.0), ("level", 91.0), ("points", 4)
    subject: frozenset[str]
    metric: str | None = None  # the metric named nearest the number ("macro-F1")
    step: float | None = None  # the rounding a level said exactly carries; None when hedged
    model: str | None = None  # the model named nearest the number in its sentence


@dataclass(frozen=True)
class Contradiction:
    kind: str  # figure | model | data | split | live_test | ownership | limitation (retell)
    overview_quote: str
    reply_quote: str
    message: str


class ConsistencyReader:
    def __init__(self) -> None:
        name = "consistency.yaml"
        cfg = load_data(name)
        self.decrease = set(require(name, cfg, "decrease", str).lower().split())
        self.increase = set(require(name, cfg, "increase", str).lower().split())
        self.generic = set(require(name, cfg, "generic_words", str).lower().split())
        fr = require(name, cfg, "fractions", dict)
        self.fractions = {k: float(v) for k, v in ((k, fr[k]) for k in keys(fr))}
        self.chosen = compile_patterns(name, cfg, require(name, cfg, "chosen_model_cues", list))
        self.final = compile_patterns(name, cfg, require(name, cfg, "final_model_cues", list))
        self.rejected = compile_patterns(name, cfg, require(name, cfg, "rejected_model_cues", list))
        self.rejected_after = compile_patterns(
            name, cfg, require(name, cfg, "rejected_after_cues", list)
        )
        self.data_cues = compile_patterns(name, cfg, require(name, cfg, "data_source_cues", list))
        self.comparing = compile_patterns(name, cfg, require(name, cfg, "comparing_cues", list))
        self.subset = compile_patterns(name, cfg, require(name, cfg, "subset_cues", list))
        self.comparative = set(require(name, cfg, "comparative_after", str).lower().split())

    # -- numbers -------------------------------------------------------------------------
    def _direction(self, before: str, after: str) -> int:
        words_before = [w.lower() for w in _WORD.findall(before)][-6:]
        words_after = [w.lower() for w in _WORD.findall(after)][:3]
        for w in reversed(words_before):
            if w in self.decrease:
                return -1
            if w in self.increase:
                return 1
        for w in words_after:
            if w in ("fewer", "less", "lower", "down", "cheaper", "smaller"):
                return -1
            if w in ("more", "higher", "up", "faster", "better", "larger"):
                return 1
        return 0

    def _subject(self, text: str, start: int, end: int) -> frozenset[str]:
        before = _WORD.findall(text[max(0, start - 80) : start])[-8:]
        after = _WORD.findall(text[end : end + 50])[:5]
        words = {
            _stem(w.lower())
            for w in before + after
            if w.lower() not in self.generic
            and w.lower() not in self.decrease
            and w.lower() not in self.increase
            and w.lower() not in _WORDNUM
            and len(w) > 2
        }
        # the metric named near the number, the window widened to whole words ("Macro-F1")
        lo, hi = max(0, start - 60), min(len(text), end + 30)
        while lo > 0 and (text[lo - 1].isalnum() or text[lo - 1] in "-_@"):
            lo -= 1
        while hi < len(text) and (text[hi].isalnum() or text[hi] in "-_@"):
            hi += 1
        words |= {m.name.lower() for m in vocab().find("metrics", text[lo:hi])}
        return frozenset(words)

    def _frame_metric(self, frame: Frame) -> str | None:
        at = frame.sentence.find(frame.text)
        return self._metric(frame.sentence, at, at + len(frame.text)) if at >= 0 else None

    def _metric(self, text: str, start: int, end: int) -> str | None:
        """The metric named nearest the number in its sentence, a name before it preferred
        ("macro-F1 was 0.78 and accuracy 88%": 0.78 is macro-F1, 88% accuracy), written
        ``qualifier|name`` when it is qualified ("macro|F1"). A metric said with a number of
        its own is an operating point, not what is reported ("precision at 80% recall was
        0.41" reports precision)."""
        best: tuple[float, str] | None = None
        for m in vocab().find("metrics", text):
            if _OPERATING_POINT.search(text[max(0, m.start - 18) : m.start]):
                continue
            if m.start >= end and _NEXT_CLAUSE.search(text[end : m.start]):
                continue
            gap = start - m.end if m.end <= start else (m.start - end) * 1.5 + 2
            if gap >= 0 and (best is None or gap < best[0]):
                kinds = _QUALIFIER.findall(text[max(0, m.start - 16) : m.end].lower())
                name = m.name.lower()
                kind = "training" if "training" in kinds else kinds[-1] if kinds else ""
                best = (gap, f"{kind}|{name}" if kind else name)
        return best[1] if best else None

    def _readings(self, fig: Figure, sentence: Sentence) -> list[tuple[str, float]]:
        text = sentence.text
        s, e = fig.start - sentence.start, fig.end - sentence.start
        direction = self._direction(text[:s], text[e:])
        low = fig.text.lower()
        nums = [_to_float(n) for n in _NUMBER.findall(fig.text)]
        if fig.kind == "before_after":
            sides = re.split(r"\s+to\s+|->|→|=>", re.sub(r"^from\s+", "", low), maxsplit=1)
            # each side's number, without what had it ("31 percent with the old rule")
            values = [_quantity(_WHAT_HAD_IT.split(side)[0]) for side in sides]
            if len(values) < 2 or values[0] is None or values[1] is None:
                return []
            a, b = values[0], values[1]
            if a <= 1.0 and b <= 1.0 and not _PERCENT_SAID.search(low):
                a, b = a * 100, b * 100  # 0.19 -> 0.41 read as points of a rate
            if _QUALIFIED.search(sides[0]):
                # "from 0.31 for the old rule to 0.52 for XGBoost" sets two systems side by
                # side: two levels, either of which a reply may state, not a change over time
                return [("level_before", a), ("level_after", b)]
            out = [("level_after", b)]
            if _TIME_WORD.search(low):
                out.append(("shift", b - a))  # "from 26 hours to 19": 7 hours shorter
            if a:
                out.append(("change", (b - a) / a * 100))
            if _PERCENT_SAID.search(low) or "point" in low:
                out.append(("points", b - a))
            return out
        if fig.kind == "relative":
            for word, value in self.fractions.items():
                if re.search(rf"\b{word}\b", low):
                    sign = -1 if direction <= 0 else 1
                    if "half" in low or "halv" in low:
                        return [("change", -50.0 if direction <= 0 else 50.0)]
                    return [("change", sign * value)]
            if "halv" in low:
                return [("change", -50.0)]
            return []
        if fig.kind == "multiplier":
            ratio = nums[0] if nums else _ratio_word(low)
            if ratio is None or ratio <= 0:
                return []
            if direction < 0 or any(
                w in text[e : e + 20].lower() for w in ("fewer", "less", "lower")
            ):
                return [("change", -(1 - 1 / ratio) * 100)]
            return [("change", (ratio - 1) * 100)]
        if fig.kind == "duration":
            minutes = _quantity(low)
            if minutes is None:
                return []
            # "rose by about seven hours" moves a span; "took" or "dropped to" seven hours is one
            if direction and _BY_AMOUNT.search(text[:s]):
                return [("shift", direction * minutes)]
            return [("minutes", minutes)]
        if fig.kind == "points" and nums:
            return [("points", direction * nums[0] if direction else nums[0])]
        if fig.kind in ("percent", "metric") and nums:
            value = nums[0]
            if fig.kind == "metric" and value <= 1.0:
                value *= 100
            if direction and fig.kind == "percent":
                return [("change", direction * value)]
            return [("level", value)]
        return []

    def quantities(self, sentences: list[Sentence]) -> list[Quantity]:
        finder = figure_finder()
        out: list[Quantity] = []
        for i, s in enumerate(sentences):
            figures = finder.find(s.text, s.start, i)
            shares = rare_shares(s.text) if figures else []  # once per sentence with figures
            for fig in figures:
                if not_a_claim(s.text, fig.end - s.start) or is_bound(s.text, fig.start - s.start):
                    continue  # a number said to be wrong, a what-if or a bound claims nothing
                if not (fig.result or fig.baseline_level) and fig.kind != "before_after":
                    continue  # setup numbers ("a 10% control group") are not claims
                at, to = fig.start - s.start, fig.end - s.start
                before = s.text[max(0, at - 40) : at]
                if is_cut_off(fig.text, before):
                    continue  # "precision at the top 5%", "NDCG at 10": where a metric is read
                if _IN_INTERVAL.search(s.text[max(0, at - 30) : at]) or _INTERVAL_LEVEL.match(
                    s.text[to : to + 25]
                ):
                    continue  # "rose 6.2% (95% CI 3.9% to 8.5%)": the bounds claim no change
                if any(sh.start <= at < sh.end for sh in shares):
                    continue  # how rare a class is: compared as a class share, not as a level
                readings = self._readings(fig, s)
                if not readings:
                    continue
                if _GAP.search(s.text[max(0, at - 30) : at]) or self._compared_after(s.text[to:]):
                    # a gap ("a gap of 0.7", "0.7 minutes better") is no level
                    readings = [r for r in readings if r[0] not in ("level", "minutes")]
                    if not readings:
                        continue
                subject = self._subject(s.text, at, to)
                metric = self._metric(s.text, at, to)
                step = _step(fig, s.text[max(0, at - 24) : at], s.text[to : to + 20], readings)
                model = nearest_model(s.text, at, to)
                out.append(
                    Quantity(fig.text, s.text, tuple(readings), subject, metric, step, model)
                )
        return out

    def _shares_and_cut_offs(
        self, ov_s: list[Sentence], rp_s: list[Sentence], names: tuple[str, str], quoted: set[str]
    ) -> list[Contradiction]:
        """Class shares told far from the overview's, and the overview's numbers told for
        another cut-off: one contradiction per reply sentence not ``quoted`` already."""
        ov, rp = [s.text for s in ov_s], [s.text for s in rp_s]
        found = [
            (o, r, f"The {names[0]} said “{a.text}” but the {names[1]} says “{b.text}”.")
            for o, a, r, b in share_conflicts(ov, rp)
            if not self.cut_to_subset(r)  # "fraud was 2% of the flagged ones": a part's share
            and not not_a_claim(r, b.end)  # "with ten times the data, spam would be 30%"
        ]
        found += [
            (o, r, f"The {names[0]} reads those numbers at “{a}”; the {names[1]} says “{b}”.")
            for o, a, r, b in cut_off_changed(ov, rp)
            + [
                c
                for c in condition_changed(ov, rp)
                # a subgroup's figures, unless the overview's sentence is cut the same way
                if not self.cut_to_subset(c[2]) or self.cut_to_subset(c[0])
            ]
        ]
        out = []
        for o, r, message in found:
            if r not in quoted:
                quoted.add(r)
                out.append(Contradiction("figure", o, r, message))
        return out

    def _compared_after(self, after: str) -> bool:
        """The number is followed, past its unit, by a comparative ("0.7 minutes better MAE",
        "two points higher"): it is a difference between two levels. Only right after it:
        not past a comma, a dash or another number ("7 minutes, 2 minutes better"), nor "or
        more"."""
        m = _RIGHT_AFTER.match(after)
        if not m:
            return False
        words = [w.lower() for w in m.group(1).split()][:2]
        return any(w in self.comparative for w in words) and "or" not in words

    def cut_to_subset(self, sentence: str, figure: str = "") -> bool:
        """The clause of ``sentence`` that holds ``figure`` (the whole sentence when it is not
        found) gives its numbers for part of the population ("in that segment", "on clauses
        over 300 tokens", "for new users"): "..., and for new users it was lower" does not cut
        the number before it."""
        at = sentence.find(figure) if figure else -1
        if at < 0:
            return bool(self.subset.search(sentence))
        start = 0
        for m in _SUBSET_CLAUSE.finditer(sentence):
            if m.start() > at:
                return bool(self.subset.search(sentence[start : m.start()]))
            start = m.end()
        return bool(self.subset.search(sentence[start:]))

    # -- models and data -----------------------------------------------------------------
    def chosen_models(
        self, sentences: list[Sentence], direct: bool = False, shipped_only: bool = False
    ) -> dict[str, str]:
        """Model families the text presents as the one used, with the sentence saying so;
        with ``direct``, only a model named right after the choice ("we went with X"); with
        ``shipped_only``, only one called the final or shipped model ("our final model was X",
        "the X we shipped"), not one merely trained or used (a reply about a baseline)."""
        return {k: s for k, (s, _) in self.chosen_mentions(sentences, direct, shipped_only).items()}

    def chosen_mentions(
        self, sentences: list[Sentence], direct: bool = False, shipped_only: bool = False
    ) -> dict[str, tuple[str, str]]:
        """As :meth:`chosen_models`, with the model as said ("ResNet-50") after the sentence."""
        out: dict[str, tuple[str, str]] = {}
        for s in sentences:
            mentions = vocab().find("models", s.text)
            # "the random forest ranker we shipped", "our XGBoost model takes ..."
            named_as_used = [
                m
                for m in mentions
                if CHOSEN_AFTER.match(s.text[m.end : m.end + 40])
                # a model merely used is no answer to "why this one?" ("shipped_only")
                or (not shipped_only and USED_AFTER.match(s.text[m.end : m.end + 40]))
                or (
                    OURS_BEFORE.search(s.text[max(0, m.start - 24) : m.start])
                    and MODEL_NOUN_AFTER.match(s.text[m.end : m.end + 16])
                )
            ]
            if not self.chosen.search(s.text) and not named_as_used:
                continue
            if shipped_only and not self.final.search(s.text):
                mentions = named_as_used
            chosen = [
                m
                for m in mentions
                if CHOICE_VERB.search(s.text[max(0, m.start - 40) : m.start]) or m in named_as_used
            ]
            picked = chosen if (chosen or direct) else mentions
            # one said to be the one kept ("the XGBoost one is what we kept") comes first
            for m in sorted(
                specific(picked, mentions, s.text), key=lambda m: m not in named_as_used
            ):
                # back to the model named before it, not past it ("a logistic regression
                # baseline, then chose XGBoost": the baseline is the other one)
                since = max((o.end for o in mentions if o.end <= m.start), default=0)
                near = _LAST_CLAUSE.split(s.text[max(0, m.start - 40, since) : m.start])[-1]
                # past the model's noun too: "our logistic regression model was only the
                # baseline", but not past the next model named ("XGBoost against a logistic
                # regression baseline": the baseline is the other one)
                stop = min((o.start for o in mentions if o.start >= m.end), default=len(s.text))
                after = s.text[m.end : min(m.end + 48, stop)]
                if self.rejected.search(near) or self.rejected_after.search(after):
                    continue
                out.setdefault(m.name, (s.text, _model_as_said(s.text, m)))
        return out

    def compared_models(self, sentences: list[Sentence], chosen: str = "") -> list[str]:
        """Model families the text names as compared against or ruled out ("instead of a
        CNN", "logistic regression as the baseline", "XGBoost beat the random forest"): the
        alternatives to its choice, not the other stages of one system. Those set side by
        side with the ``chosen`` family in one comparing sentence come first ("the
        cross-encoder was better than a bi-encoder" before "compared with BM25 alone")."""
        out: dict[str, bool] = {}
        for s in sentences:
            mentions = vocab().find("models", s.text)
            # a sentence that compares ("X won", "Y versus Z") makes every model in it one of
            # the options; otherwise only a model said to be set aside is
            comparing = bool(self.comparing.search(s.text))
            beside = comparing and any(vocab().same_family(m.name, chosen) for m in mentions)
            for m in mentions:
                near = s.text[max(0, m.start - 40) : m.start]
                after = s.text[m.end : m.end + 48]
                if comparing or self.rejected.search(near) or self.rejected_after.search(after):
                    out[m.name] = out.get(m.name, False) or beside
        return sorted(out, key=lambda n: not out[n])

    def data_sources(self, sentences: list[Sentence], near: bool = False) -> dict[str, str]:
        """Data sources named in a sentence that says where data came from; with ``near``,
        only a source named within a few words of that cue ("we had a latency budget ... over
        200 documents" names no source)."""
        out: dict[str, str] = {}
        for s in sentences:
            cues = list(self.data_cues.finditer(s.text))
            for m in vocab().find("data_sources", s.text):
                if cues and (not near or any(_introduces(s.text, c, m.start) for c in cues)):
                    out.setdefault(m.name, s.text)
        return out

    # -- comparison ----------------------------------------------------------------------
    def contradictions(
        self,
        overview: str,
        reply: str,
        question: str = "",
        names: tuple[str, str] = ("overview", "reply"),
        strict: bool = False,
        alternatives: bool = False,
    ) -> list[Contradiction]:
        # numbers said in words are read as digits; quotes stay as the candidate said them
        ov_s = candidate_sentences(spell_numbers(overview))
        rp_s = split_sentences(spell_numbers(reply))
        said = _as_said(candidate_sentences(overview), ov_s)
        said.update(_as_said(split_sentences(reply), rp_s))
        found = self._contradictions(ov_s, rp_s, overview, question, names, strict, alternatives)
        return [
            replace(
                c,
                overview_quote=said.get(c.overview_quote, c.overview_quote),
                reply_quote=said.get(c.reply_quote, c.reply_quote),
            )
            for c in found
        ]

    def _contradictions(
        self,
        ov_s: list[Sentence],
        rp_s: list[Sentence],
        overview: str,
        question: str,
        names: tuple[str, str],
        strict: bool = False,
        alternatives: bool = False,
    ) -> list[Contradiction]:
        out: list[Contradiction] = []
        ov_q = self.quantities(ov_s)
        question_subject = (
            frozenset().union(*(q.subject for q in self.quantities(split_sentences(question))))
            if question
            else frozenset()
        )
        said_before = {_to_float(n) for n in _NUMBER.findall(overview)}
        chosen = list(self.chosen_models(ov_s))
        ov_models_named = vocab().names("models", " ".join(s.text for s in ov_s))
        for rq in self.quantities(rp_s):
            numbers = [_to_float(n) for n in _NUMBER.findall(rq.text)]
            flipped = _reversed(rq, ov_q)
            if numbers and all(n in said_before for n in numbers) and not flipped:
                continue  # a figure the overview itself states is never a contradiction of it
            subject = rq.subject or question_subject
            subset = self.cut_to_subset(rq.sentence, rq.text)
            # a number about a model the overview only compared against ("the logistic
            # regression was at 0.72") meets the overview's numbers about that same model
            other = another_model(
                rq.sentence, ov_models_named, chosen, self.rejected, new_is_other=alternatives
            )
            # two numbers of different named metrics measure different things
            related = [
                q
                for q in ov_q
                if q.subject & subject
                and same_metric(q.metric, rq.metric)
                and (not other or same_model(q.model, rq.model, chosen))
                and not other_cut_off(q.sentence, rq.sentence, rq.metric or q.metric)
                and (not strict or _plainly_same(q, rq, subject))
                and not (subset and not self.cut_to_subset(q.sentence, q.text))
            ]
            if not related and not rq.subject and len(ov_q) == 1:
                related = ov_q
            # the overview's own numbers said the other way round decide, not another figure
            # in its sentence that the reply's number happens to come close to
            related = [q for q in related if any(q is f for f in flipped)] or related
            verdicts = [v for v in (_compare(q, rq) for q in related) if v is not None]
            if verdicts and not any(verdicts):
                # quote the overview number closest in meaning: the same model ("LightGBM
                # reached 0.45" meets LightGBM's 0.38, not the baseline's 0.21), the same
                # metric, most words
                q = max(
                    (q for q in related if _compare(q, rq) is False),
                    key=lambda q: (
                        rq.model is not None and q.model == rq.model,
                        q.metric == rq.metric,
                        len(q.subject & subject),
                        -_gap(q, rq),  # then the nearest value: "0.52" told as "0.57"
                    ),
                )
                out.append(
                    Contradiction(
                        "figure",
                        q.sentence,
                        rq.sentence,
                        f"The {names[0]} said “{q.text}” but the {names[1]} says “{rq.text}”.",
                    )
                )
        quoted = {c.reply_quote for c in out}
        frames = frame_contradictions(
            [s.text for s in ov_s], [s.text for s in rp_s], min_about=2 if strict else 1
        )
        for ov_f, rp_f in frames:
            if not same_metric(self._frame_metric(ov_f), self._frame_metric(rp_f)):
                continue  # "macro-F1 was 78%" and "weighted F1 came to 87%" are two things
            if rp_f.sentence in quoted:
                continue
            if self.cut_to_subset(rp_f.sentence, rp_f.text) and not self.cut_to_subset(
                ov_f.sentence, ov_f.text
            ):
                continue  # "sometimes a ticket bounces through three queues"
            at = rp_f.sentence.find(rp_f.text)
            if at >= 0 and self._compared_after(rp_f.sentence[at + len(rp_f.text) :]):
                continue  # "the run got 20 minutes shorter" changes it by 20 minutes
            quoted.add(rp_f.sentence)
            out.append(
                Contradiction(
                    "figure",
                    ov_f.sentence,
                    rp_f.sentence,
                    f"The {names[0]} said “{ov_f.text}” but the {names[1]} says “{rp_f.text}”.",
                )
            )
        out += self._shares_and_cut_offs(ov_s, rp_s, names, quoted)
        ov_models = self.chosen_mentions(ov_s)
        rp_models = self.chosen_mentions(rp_s, direct=True, shipped_only=alternatives)
        # a model the overview names as a part of the one it used ("a YOLO detector with a
        # ResNet-50 backbone") is no change of model when the reply names that part
        parts = _named_parts(" ".join(s.text for s in ov_s))
        rp_models = {k: v for k, v in rp_models.items() if k not in parts or k in ov_models}
        # a family the reply also names a model of ("XGBoost ... so I chose the boosted
        # trees") stands for that model, not for any of its family
        rp_models = {
            k: v
            for k, v in rp_models.items()
            if not any(n != k and vocab().is_a(n, k) for n in rp_models)
        }
        # "a LambdaMART ranker in LightGBM": one system, either name stands for it
        used = set(ov_models) | _joined_models(ov_s, set(ov_models))
        same = any(vocab().same_family(a, b) for a in used for b in rp_models)
        if ov_models and rp_models and not same:
            name, (quote, _) = next(iter(rp_models.items()))
            # quote the model the overview names right after its choice, when it does
            direct = self.chosen_mentions(ov_s, direct=True)
            ov_name, (ov_quote, _) = next(iter((direct or ov_models).items()))
            out.append(
                Contradiction(
                    "model",
                    ov_quote,
                    quote,
                    f"The {names[0]} names {ov_name} as the model used; "
                    f"the {names[1]} says {name}.",
                )
            )
        elif changed := _variant_changed(
            ov_models, rp_models, " ".join(s.text for s in ov_s), " ".join(s.text for s in rp_s)
        ):
            (ov_quote, ov_said), (quote, said) = changed
            out.append(
                Contradiction(
                    "model",
                    ov_quote,
                    quote,
                    f"The {names[0]} names {ov_said} as the model used; "
                    f"the {names[1]} says {said}.",
                )
            )
        out += _swapped(
            "data",
            self.data_sources(ov_s),
            self.data_sources(rp_s, near=strict),
            f"The {names[0]} says the data came from {{}}; the {names[1]} says {{}}.",
        )
        given = credits(ov_s)
        for credit, quote in claimed_work(rp_s, given)[:1]:
            out.append(
                Contradiction(
                    "ownership",
                    credit.sentence,
                    quote,
                    f"The {names[0]} says you shared that work with {credit.who}; "
                    f"the {names[1]} says you did it yourself."
                    if credit.shared
                    else f"The {names[0]} credits {credit.who} with that work; "
                    f"the {names[1]} says you did it.",
                )
            )
        alone = solo_claim(rp_s) if given else None
        if alone and not any(c.kind == "ownership" for c in out):
            out.append(
                Contradiction(
                    "ownership",
                    given[0].sentence,
                    alone,
                    f"The {names[0]} credits {given[0].who} with part of the work; "
                    f"the {names[1]} says you did it alone.",
                )
            )
        # a drill reply adds detail ("recall in the shadow run fell"): only a retelling,
        # which tells the whole story again, swaps the live test by naming another
        out += _swapped(
            "live_test",
            online_kinds(ov_s),
            online_kinds(rp_s) if not strict else {},
            f"The {names[0]} says the model was tested live with {{}}; the {names[1]} says {{}}.",
        )
        out += _swapped(
            "split",
            split_kinds(ov_s),
            split_kinds(rp_s),
            f"The {names[0]} says the evaluation split the data {{}}; the {names[1]} says {{}}.",
        )
        return out


def _swapped(
    kind: str, overview: dict[str, str], reply: dict[str, str], message: str
) -> list[Contradiction]:
    """A contradiction when both name something of one sort (a data source, a kind of split)
    and none in common: ``overview`` and ``reply`` map each name to the sentence saying it;
    ``message`` is filled with the overview's first name, then the reply's."""
    if not overview or not reply or set(overview) & set(reply):
        return []
    (ov_name, ov_quote), (name, quote) = next(iter(overview.items())), next(iter(reply.items()))
    return [Contradiction(kind, ov_quote, quote, message.format(ov_name, name))]


_PART = r"(?:backbone|encoder|feature\s+extractor)"
_PART_AFTER = re.compile(rf"[\w.-]*\s+(?:as\s+(?:the|its|a|an)\s+)?{_PART}\b", re.I)
_PART_BEFORE = re.compile(rf"\b{_PART}\s*(?::|,|was|is|of)?\s*(?:a|an|the)?\s*$", re.I)


_JOINED = re.compile(
    r"^\s*(?:[\w-]+\s+)?(?:in|with|using|via|on\s+top\s+of|built\s+on)\s+(?:a\s+|an\s+|the\s+)?$",
    re.I,
)


def _joined_models(sentences: list[Sentence], chosen: set[str]) -> set[str]:
    """Models named as part of a chosen one's system: "a LambdaMART ranker in LightGBM",
    "XGBoost with a ranking objective", "LightGBM using LambdaMART"."""
    out: set[str] = set()
    for s in sentences:
        mentions = vocab().find("models", s.text)
        for a, b in pairwise(mentions):
            if _JOINED.match(s.text[a.end : b.start]) and {a.name, b.name} & chosen:
                out |= {a.name, b.name}
    return out


def _named_parts(text: str) -> set[str]:
    """Models the text names as a part of another ("a ResNet-50 backbone", "ResNet-50 as
    the backbone", "its backbone: ResNet-50")."""
    return {
        m.name
        for m in vocab().find("models", text)
        if _PART_AFTER.match(text, m.end)
        or _PART_BEFORE.search(text[max(0, m.start - 30) : m.start])
    }


def _model_as_said(text: str, m: Mention) -> str:
    """A model mention with a size or version said right after its name ("Whisper-small")."""
    return m.text + size_said_after(text, m.end)


def _variant_changed(
    overview: dict[str, tuple[str, str]],
    reply: dict[str, tuple[str, str]],
    overview_text: str,
    reply_text: str,
) -> tuple[tuple[str, str], tuple[str, str]] | None:
    """The chosen model told as another variant of its family ("ResNet-50" -> "ResNet-18"):
    (overview sentence and name as said, reply sentence and name as said). A variant the
    overview itself names anywhere ("we compared ResNet-18 and ResNet-50"), or an overview
    variant the reply names too, is no change."""
    said_before = {
        _model_as_said(overview_text, m).lower() for m in vocab().find("models", overview_text)
    }
    for name, (quote, said) in reply.items():
        if name in overview and said.lower() not in said_before:
            ov_quote, ov_said = overview[name]
            # the reply names the overview's variant too ("DistilBERT to prototype, then RoBERTa")
            told = [
                _model_as_said(reply_text, m)
                for m in vocab().find("models", reply_text)
                if m.name == name
            ]
            # a bare family name ("fine-tuning Whisper") says no variant either way
            named = [v for v in map(variant, told) if v != Variant(None, None, None, None)]
            if named and all(variant(ov_said).differs(v) for v in named):
                return (ov_quote, ov_said), (quote, said)
    return None


def _reversed(rq: Quantity, overview: list[Quantity]) -> list[Quantity]:
    """The overview figures the reply gives with the other sign ("went up 6%" after "went
    down 6%"), or with their two sides the other way round ("from 19 to 45 minutes" after
    "from 45 to 19"): the same numbers, the opposite claim."""
    changes = {v for kind, v in rq.readings if kind == "change" and v}
    flipped = [
        q
        for q in overview
        if q.subject & rq.subject
        and any(kind == "change" and v and -v in changes for kind, v in q.readings)
    ]
    if flipped:
        return flipped
    sides = _sides(rq)
    at = rq.sentence.find(rq.text)
    if not sides or (at >= 0 and _BACK.search(rq.sentence[max(0, at - 24) : at])):
        return []  # "went back up from 19 to 45 minutes" when it was switched off
    return [q for q in overview if q.subject & rq.subject and _sides(q) == sides[::-1]]


_BACK = re.compile(r"\b(?:back|again)\b", re.I)


def _sides(q: Quantity) -> tuple[float, ...]:
    """The two values of a before->after figure, when they differ ("from 45 to 19")."""
    if not any(kind == "level_after" for kind, _ in q.readings):
        return ()
    values = tuple(_to_float(n) for n in _NUMBER.findall(q.text))
    return values if len(values) == 2 and values[0] != values[1] else ()


def _as_said(original: list[Sentence], digits: list[Sentence]) -> dict[str, str]:
    """Each digit-spelled sentence's original wording, when both split the same way."""
    if len(original) != len(digits):
        return {}
    return {d.text: o.text for o, d in zip(original, digits, strict=True) if o.text != d.text}


_PRIORITY = ("level", "minutes", "shift", "points", "change")
_BY_AMOUNT = re.compile(
    r"\bby\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|some\s+)?$", re.I
)
_TIME_WORD = re.compile(rf"\b(?:{'|'.join(u for u in SECONDS if len(u) > 1)})s?\b")


_HEDGE = re.compile(
    r"\b(?:about|around|roughly|approximately|approx|nearly|almost|over|under|above|below|"
    r"some|like|maybe|circa|close\s+to|more\s+than|less\s+than|at\s+least|up\s+to)\W*$|~\s*$",
    re.I,
)


_HEDGE_AFTER = re.compile(r"\s*(?:-?ish\b|or\s+so\b|or\s+thereabouts\b|give\s+or\s+take\b)", re.I)


# the first side of "from X for the old rule to Y" names what had X
_QUALIFIED = re.compile(
    r"\d\S*(?:\s+(?:percent|per\s+cent|points?))?\s+(?:for|with|on|using|under)\s+\S", re.I
)  # not a duration's unit: "from 4 hours with the batch job" stays a change in time
_WHAT_HAD_IT = re.compile(r"\s(?:for|with|on|using|under)\s", re.I)
# a share said with its sign or in words: "4.2%", "4.2 percent", "4.2 per cent"
_PERCENT_SAID = re.compile(r"%|\bper\s?cent\b", re.I)


def _step(
    fig: Figure, before: str, after: str, readings: Sequence[tuple[str, float]]
) -> float | None:
    """The rounding of a level said exactly ("0.94": one point of a rate, "88.5%": a tenth),
    or None for a hedged figure ("about 0.9", "88% or so") or one that is not a single
    level."""
    lead = re.split(r"[\d~]", fig.text, maxsplit=1)[0]  # "around " in "around 0.87"
    if _HEDGE.search(f"{before} {lead}".rstrip() + " ") or "~" in fig.text:
        return None
    if _HEDGE_AFTER.match(after):
        return None
    numbers = _NUMBER.findall(fig.text)
    units = [u for u, _ in readings]
    if fig.kind == "before_after" and "level_after" in units and _PERCENT_SAID.search(fig.text):
        numbers = numbers[-1:]  # "from 4.1% to 3.4%" ends at a share said to a tenth
    elif len(numbers) != 1 or units != ["level"]:
        return None
    if not numbers:
        return None  # said in words
    digits = numbers[0].replace(",", "")
    decimals = len(digits.partition(".")[2])
    step = 10.0**-decimals
    if fig.kind == "metric" and _to_float(digits) <= 1.0:
        step *= 100  # a rate written 0.94 is read in points, as _readings reads it
    return step


def _plainly_same(q: Quantity, rq: Quantity, subject: frozenset[str]) -> bool:
    """Strict reading (a drill reply adds detail, so a new number is usually about something
    new): two numbers are the same quantity only when both name the same metric, or when
    their sentences share at least two words about what is measured."""
    if q.metric and rq.metric:
        return same_metric(q.metric, rq.metric)
    return len(q.subject & subject) >= 2


# where a clause with its own subject begins, for reading a subset cue in its own clause
_LAST_CLAUSE = re.compile(r"[,;:]|\bthen\b", re.I)
_SUBSET_CLAUSE = re.compile(r"[;:—–]|,\s+(?:and|but|while|whereas|so)\s", re.I)


def _introduces(text: str, cue: re.Match[str], at: int) -> bool:
    """Whether the data-source cue ``cue`` introduces the name at ``at``: named just before
    it ("support tickets were the data") or a few words after it, in the same clause."""
    if cue.start() - 40 <= at < cue.start():
        return True
    return (
        cue.end() <= at + 1
        and at <= cue.end() + _SOURCE_REACH
        and not (CLAUSE_BREAK.search(text[cue.end() : at]))
    )


def _compare(a: Quantity, b: Quantity) -> bool | None:
    """True when consistent, False when contradictory, None when not comparable.

    The most specific shared form decides: levels ("0.41"), then durations, then points, and
    relative changes only when nothing more specific is shared (a drop from 4 h to 10 min and
    one from 2 days to 1 h are both "-95%", yet disagree). A level that meets only the before
    side of a two-system figure ("31% with the old rule, up to 64%") says nothing of it.
    """
    sides_a, sides_b = dict(a.readings), dict(b.readings)
    if all("level_before" in r and "level_after" in r for r in (sides_a, sides_b)):
        # two systems side by side both times: each level meets its counterpart
        return all(_close("level", sides_a[k], sides_b[k]) for k in ("level_before", "level_after"))
    for two, one in ((sides_a, b), (sides_b, a)):
        levels = [v for u, v in one.readings if u == "level"]
        if not ("level_before" in two and "level_after" in two and levels):
            continue
        after = any(_close("level", v, two["level_after"]) for v in levels)
        if not after and any(_close("level", v, two["level_before"]) for v in levels):
            return None  # "31% with the old rule" says nothing of the new system's level
    for unit in _PRIORITY:
        va_list = [v for u, v in a.readings if _unit(u) == unit]
        vb_list = [v for u, v in b.readings if _unit(u) == unit]
        if not va_list or not vb_list:
            continue
        if unit == "level" and max(va_list + vb_list) > 100 >= min(va_list + vb_list):
            return None  # a rate (0.81, 81%) and a plain count (300 tokens) measure apart
        if unit == "level" and a.step is not None and b.step is not None:
            # two levels said exactly agree only up to their rounding ("0.9" is 0.85-0.95)
            slack = (a.step + b.step) / 2 * 1.01
            return any(abs(va - vb) <= slack for va in va_list for vb in vb_list)
        return any(_close(unit, va, vb) for va in va_list for vb in vb_list)
    return None


def _gap(a: Quantity, b: Quantity) -> float:
    """How far apart two quantities' values are, in the first form both are read in."""
    for unit in _PRIORITY:
        va = [v for u, v in a.readings if _unit(u) == unit]
        vb = [v for u, v in b.readings if _unit(u) == unit]
        if va and vb:
            return min(abs(x - y) for x in va for y in vb)
    return float("inf")


def _close(unit: str, va: float, vb: float) -> bool:
    if unit in ("change", "shift"):
        if va * vb < 0:
            return False
        return abs(abs(va) - abs(vb)) <= max(1.5, 0.2 * max(abs(va), abs(vb)))
    if unit == "minutes":
        if min(va, vb) > 0 and max(va, vb) > TIME_RATIO * min(va, vb):
            return True  # far apart in size: two different spans, not one told two ways
        return max(va, vb) <= 1.5 * min(va, vb) if min(va, vb) > 0 else va == vb
    if unit == "points":
        return abs(abs(va) - abs(vb)) <= max(1.5, 0.25 * max(abs(va), abs(vb)))
    # two points of a rate or a share; on small raw numbers ("RMSE 7.6 vs 9.6") half a unit
    top = max(abs(va), abs(vb))
    return abs(va - vb) <= max(2.0 if top >= 20 else 0.5, 0.05 * top)


def _unit(unit: str) -> str:
    return "level" if unit.startswith("level") else unit


_UNITS = {
    "ms": 1 / 60000, "millisecond": 1 / 60000, "second": 1 / 60, "sec": 1 / 60, "minute": 1.0,
    "min": 1.0, "hour": 60.0, "hr": 60.0, "day": 1440.0, "week": 10080.0, "month": 43800.0,
    "year": 525600.0,
}  # fmt: skip


def _quantity(text: str) -> float | None:
    """The number in a phrase like "4 hours", "ten minutes" or "8%", durations in minutes."""
    text = text.strip().lower()
    match = _NUMBER.search(text)
    value: float | None = _to_float(match.group()) if match else None
    if value is None:
        for word, number in _WORDNUM.items():
            if re.search(rf"\b{word}\b", text):
                value = float(number)
                break
    if value is None:
        if re.search(r"\b(?:an?|one)\s+(?:hour|day|week|month|year|minute)", text):
            value = 1.0
        else:
            return None
    for unit, factor in _UNITS.items():
        if re.search(rf"\d\s*{unit}s?\b|\b{unit}s?\b", text):
            return value * factor
    return value


def _to_float(text: str) -> float:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return 0.0


def _ratio_word(text: str) -> float | None:
    for word, value in (("twice", 2.0), ("double", 2.0), ("triple", 3.0), ("quadruple", 4.0)):
        if word in text:
            return value
    for word, value in _WORDNUM.items():
        if text.startswith(word):
            return float(value)
    return None


def _stem(word: str) -> str:
    for suffix in ("ies", "es", "s"):
        if len(word) > 4 and word.endswith(suffix):
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


@cache
def consistency_reader() -> ConsistencyReader:
    return ConsistencyReader()


def find_contradictions(
    overview: str,
    reply: str,
    question: str = "",
    names: tuple[str, str] = ("overview", "reply"),
    strict: bool = False,
    alternatives: bool = False,
) -> list[Contradiction]:
    """Contradictions between an overview and a reply (the question helps resolve "them");
    ``names`` words the messages ("fact sheet", "retelling"). ``strict`` asks for plainer
    evidence that two numbers measure the same thing, for replies that add new detail;
    ``alternatives`` says the question asked about other models (a baseline, why this one), so
    a model the overview never names is one of those, and its numbers are its own."""
    return consistency_reader().contradictions(
        overview, reply, question, names, strict, alternatives
    )
