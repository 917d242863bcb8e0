"""Label each sentence with the part of the deep-dive answer it belongs to.

The six parts are hook, problem, data, modeling, evaluation and reflection (``none`` when a
sentence carries no part). Each sentence gets a score per part from four kinds of evidence:

* cue phrases from ``data/parts.yaml`` (weighted groups, each counted once);
* vocabulary hits — a model family named is modeling evidence, a validation scheme is
  evaluation evidence, a data difficulty is data evidence — and result figures (hook);
* context — the heading a sentence sits under, an inline label ("Data: ..."), and a share of
  its neighbours' scores when its own cues are weak (spoken answers often spread one thought
  over several short chunks);
* denial — a sentence claiming there were no weaknesses is not reflection.

A sentence takes the best-scoring part when it clears the label threshold; a part is present
when any sentence clears the presence threshold for it, even as a second part of the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from deepdive.datafiles import compile_patterns, keys, load_data, phrase_list, require
from deepdive.delivery import delivery
from deepdive.denials import denies_weakness
from deepdive.figures import Figure
from deepdive.lexical_model import lexical_model
from deepdive.sentences import Sentence, plain
from deepdive.vocab import vocab

PARTS = ("hook", "problem", "data", "modeling", "evaluation", "reflection")


@dataclass(frozen=True)
class SentenceParts:
    """Part scores for one sentence and the label chosen from them."""

    scores: dict[str, float]
    label: str
    confidence: float
    result_figure: bool = False
    model: dict[str, float] | None = None


QUESTION_REACH = 2  # sentences of a reply that lean to the part its question asked for
# words for data the model did not see, shared by the two readings below
_HELD_OUT_WORDS = r"held[- ]out|hold[- ]?out|unseen|cross[- ]validat\w*|out[- ]of[- ]time|a/b"
# a check on unseen or live data anywhere in the sentence (a training metric beside it is fine)
_UNSEEN = re.compile(
    rf"\b(?:test|validation|validated|{_HELD_OUT_WORDS}|online|production|live|later|next|"
    r"following)\b",
    re.I,
)
# data the model did not see, named as such (a measurement, not a vetted idea)
_HELD_OUT = re.compile(
    rf"\b(?:test\s+(?:set|data|split|month|week)|validation\s+(?:set|data|split|folds?)|"
    rf"{_HELD_OUT_WORDS})\b",
    re.I,
)


def _near_metric(text: str, figure: Figure, offset: int) -> bool:
    """True when a metric is named within a few words of the figure ("MAE of 8%")."""
    s, e = figure.start - offset, figure.end - offset
    window = text[max(0, s - 40) : e + 30]
    return bool(vocab().find("metrics", window))


class PartClassifier:
    """Sentence part scoring configured by ``data/parts.yaml``."""

    def __init__(self) -> None:
        name = "parts.yaml"
        cfg = load_data(name)
        parts = require(name, cfg, "parts", dict)
        self.cues: dict[str, list[tuple[float, re.Pattern[str]]]] = {}
        self.named: dict[tuple[str, str], re.Pattern[str]] = {}
        self.named_weight: dict[tuple[str, str], float] = {}
        for part in PARTS:
            self.cues[part] = []
            for g in require(name, parts, part, list):
                pattern = compile_patterns(name, g, require(name, g, "patterns", list))
                self.cues[part].append((require(name, g, "weight", float), pattern))
                if "name" in g:
                    key = (part, require(name, g, "name", str))
                    self.named[key] = pattern
                    self.named_weight[key] = self.cues[part][-1][0]
        # parts whose cues are also matched with intensifiers taken out ("never actually ...")
        self.read_through = frozenset(require(name, cfg, "read_through_intensifiers", list))
        self.hindsight = compile_patterns(name, cfg, require(name, cfg, "hindsight_frames", list))
        w = require(name, cfg, "evidence_weights", dict)
        self.w = {k: require(name, w, k, float) for k in keys(w)}
        heads = require(name, cfg, "headings", dict)
        self.headings: list[tuple[str, re.Pattern[str]]] = []
        for part in PARTS:
            words = require(name, heads, part, list)
            self.headings.append((part, re.compile(r"^\W*(?:" + "|".join(words) + r")\W*$", re.I)))
        asked = require(name, cfg, "question_parts", dict)
        self.question_parts = [
            (part, re.compile("|".join(require(name, asked, part, list)), re.I))
            for part in PARTS
            if part in asked
        ]
        self.inline: list[tuple[str, re.Pattern[str]]] = [
            (
                part,
                re.compile(
                    r"^\W*(?:" + "|".join(require(name, heads, part, list)) + r")\s*(?::|—|–|-\s)",
                    re.I,
                ),
            )
            for part in PARTS
        ]
        th = require(name, cfg, "thresholds", dict)
        self.label_threshold: float = require(name, th, "label", float)
        self.present_threshold: float = require(name, th, "present", float)
        self.absent_below: float = require(name, th, "absent_below", float)
        self.model_vote: float = require(name, th, "model_vote", float)
        ratios = require(name, th, "absent_ratio", dict)
        self.absent_ratio: dict[str, float] = {
            part: require(name, ratios, part, float) for part in PARTS
        }
        self.secondary_ratio: float = require(name, th, "secondary_ratio", float)
        self.strong: float = require(name, th, "strong", float)
        self.vague = phrase_list("vague_results")
        self.training_only = phrase_list("training_only")
        self.not_model_evaluation = phrase_list("not_model_evaluation")
        self.planned = phrase_list("evaluation_planned")
        self.done = phrase_list("evaluation_done")

    def question_part(self, question: str) -> str | None:
        """The part an interviewer's question asks for ("What would you do differently?" ->
        reflection), if it asks for one."""
        return next((p for p, pattern in self.question_parts if pattern.search(question)), None)

    def heading_part(self, text: str) -> str | None:
        """The part a heading names ("## Data" -> data), if any; a heading naming two
        ("## Limitations and next steps", "## Features and models") goes by its first."""
        words = text.strip().strip("*_#:")
        for part, pattern in self.headings:
            if pattern.match(words):
                return part
        halves = re.split(r"\s+(?:and|&)\s+", words, maxsplit=1)
        if len(halves) == 2 and any(p.match(halves[1]) for _, p in self.headings):
            return next((part for part, p in self.headings if p.match(halves[0])), None)
        return None

    def named_score(self, sentence: Sentence, part: str, name: str) -> float:
        """What the cue group called ``name`` adds to ``sentence``'s score for ``part``."""
        text = delivery().strip_fillers(plain(sentence.text))
        key = (part, name)
        return self.named_weight[key] if self.named[key].search(text) else 0.0

    def raw_scores(
        self,
        sentence: Sentence,
        figures: list[Figure],
        model_probs: dict[str, float] | None = None,
        read_through: bool = True,
    ) -> dict[str, float]:
        """Scores from the sentence's own words, figures, vocabulary hits and the learned
        model's probabilities (``model_probs``, when a model is installed); with
        ``read_through``, cues of the parts in ``read_through_intensifiers`` are also matched
        with intensifiers taken out."""
        text = delivery().strip_fillers(plain(sentence.text))
        scores = dict.fromkeys(PARTS, 0.0)
        if sentence.heading:
            return scores
        plainer = None
        if read_through and self.read_through:
            bare = delivery().without_intensifiers(text)
            plainer = bare if bare != " ".join(text.split()) else None
        for part in PARTS:
            for weight, pattern in self.cues[part]:
                if pattern.search(text) or (
                    plainer is not None and part in self.read_through and pattern.search(plainer)
                ):
                    scores[part] += weight
        v = vocab()
        models = v.names("models", text)
        if models:
            scores["modeling"] += self.w["model_mention"]
            if len(models) > 1:
                scores["modeling"] += self.w["extra_model_mention"]
        if v.find("metrics", text):
            scores["evaluation"] += self.w["metric_mention"]
        if v.find("validation", text):
            scores["evaluation"] += self.w["validation_mention"]
        if v.find("data_issues", text):
            scores["data"] += self.w["data_issue_mention"]
        if v.find("data_sources", text):
            scores["data"] += self.w["data_source_mention"]
        if any(f.result for f in figures):
            scores["hook"] += self.w["result_figure"]
            # an outcome stated with a number was measured somehow: evidence of evaluation too
            scores["evaluation"] += self.w["result_as_measure"]
        if any(
            f.kind == "metric" or (f.result and _near_metric(text, f, sentence.start))
            for f in figures
        ):
            scores["evaluation"] += self.w["metric_with_value"]
        for part, pattern in self.inline:
            if pattern.match(text):
                scores[part] += self.w["inline_label"]
                break
        if model_probs is not None:
            for part, p in model_probs.items():
                if part != "hook":
                    scores[part] += self.w["lexical_model"] * p
        if denies_weakness(text):
            scores["reflection"] = 0.0
        return scores

    def classify(
        self,
        sentences: list[Sentence],
        figures: list[list[Figure]],
        prompts: dict[int, str] | None = None,
    ) -> list[SentenceParts]:
        """Label every sentence; ``figures[i]`` are the figures of sentence ``i``; ``prompts``
        the interviewer's question before sentence ``i``, where one comes before it: the first
        sentences of the answer to it lean to the part it asks for, as under a heading."""
        model = lexical_model()
        probs = [
            model.probabilities(delivery().strip_fillers(s.text))
            if model and not s.heading
            else None
            for s in sentences
        ]
        raw = [self.raw_scores(s, f, p) for s, f, p in zip(sentences, figures, probs, strict=True)]
        context: str | None = None
        final: list[dict[str, float]] = []
        body = [i for i, s in enumerate(sentences) if not s.heading]
        early = set(body[:3])
        asked: str | None = None
        answered = 0  # sentences of the reply to the last question so far
        for i, s in enumerate(sentences):
            if s.heading:
                context = self.heading_part(s.text)
                final.append(dict.fromkeys(PARTS, 0.0))
                continue
            if prompts and i in prompts:
                asked, answered = self.question_part(prompts[i]), 0
            answered += 1
            scores = dict(raw[i])
            if context:
                scores[context] += self.w["heading_context"]
            if asked and answered <= QUESTION_REACH:
                scores[asked] += self.w["heading_context"]
            if i in early and raw[i]["problem"] > 0:
                scores["problem"] += self.w["early_problem"]
            if max(raw[i].values()) < self.label_threshold:
                # A weak sentence leans on its neighbours, but never so far that they outvote
                # its own best evidence by more than the share cap.
                shared = dict.fromkeys(PARTS, 0.0)
                for j in (i - 1, i + 1):
                    if 0 <= j < len(sentences) and not sentences[j].heading:
                        for part in PARTS[1:]:
                            shared[part] += self.w["neighbour_share"] * raw[j][part]
                for part in PARTS[1:]:
                    scores[part] += min(shared[part], self.w["neighbour_cap"])
            if (
                self._unmeasured_praise(s.text, figures[i])
                or self._training_only(s.text)
                or (self.not_model_evaluation.search(s.text) and not _HELD_OUT.search(s.text))
                or (
                    self.planned.search(s.text)
                    and not self.done.search(s.text)
                    and not any(f.result for f in figures[i])
                )
            ):
                # "friends who tried it liked it", "the training loss converged" or "we plan
                # to A/B test it" under a Results heading measure nothing about unseen data
                scores["evaluation"] = min(scores["evaluation"], self.absent_below - 0.1)
            if scores["reflection"] >= self.present_threshold and self.hindsight.search(
                delivery().strip_fillers(plain(s.text))
            ):
                # "next time I'd correct for position bias in the click logs" is about the data
                # and, by its frame, reflection too, however many data words it has
                top = max(scores.values())
                scores["reflection"] = max(scores["reflection"], self.secondary_ratio * top)
            final.append(scores)
        out: list[SentenceParts] = []
        for scores, figs, prob in zip(final, figures, probs, strict=True):
            has_result = any(f.result for f in figs)
            ranked = sorted(PARTS, key=lambda p: (-scores[p], PARTS.index(p)))
            best, second = scores[ranked[0]], scores[ranked[1]]
            if best < self.label_threshold:
                out.append(
                    SentenceParts(scores, "none", round(1.0 - best / 2, 2), has_result, prob)
                )
                continue
            confidence = min(0.99, best / (best + second + 0.5))
            out.append(SentenceParts(scores, ranked[0], round(confidence, 2), has_result, prob))
        return out

    def _unmeasured_praise(self, text: str, figures: list[Figure]) -> bool:
        """Praise with no number, metric or validation scheme ("it worked really well")."""
        if figures or not self.vague.search(text):
            return False
        v = vocab()
        return not (v.find("metrics", text) or v.find("validation", text))

    def _training_only(self, text: str) -> bool:
        """A metric about the training data only, with no held-out or live check in the sentence."""
        return bool(self.training_only.search(text)) and not _UNSEEN.search(text)

    def sentences_for(self, labelled: list[SentenceParts], part: str) -> list[int]:
        """Sentences carrying ``part``: labelled with it, or scoring high for it as well."""
        return [
            i
            for i, sp in enumerate(labelled)
            if (part == "hook" and sp.result_figure)
            or (part == "evaluation" and self._measured_outcome(sp))
            or (sp.label == part and sp.scores[part] >= self.label_threshold)
            or (
                sp.label != "none"
                and sp.scores[part] >= self.present_threshold
                and sp.scores[part] >= self.secondary_ratio * sp.scores[sp.label]
            )
        ]

    def _measured_outcome(self, sp: SentenceParts) -> bool:
        """An outcome stated with a number is evaluation too (a business or online result),
        unless the sentence measures nothing about unseen data ("training accuracy rose 20%",
        "we plan to cut it by half")."""
        return sp.result_figure and sp.scores["evaluation"] >= self.absent_below

    def is_present(self, labelled: list[SentenceParts], part: str) -> bool:
        """True when some sentence says something substantive for ``part``.

        The hook is present exactly when some sentence states a result figure.
        """
        if part == "hook":
            return any(sp.result_figure for sp in labelled)
        if part == "evaluation" and any(self._measured_outcome(sp) for sp in labelled):
            return True
        return any(
            labelled[i].scores[part] >= self.present_threshold
            for i in self.sentences_for(labelled, part)
        )

    def weakly_present(self, labelled: list[SentenceParts], part: str) -> bool:
        """A looser test than :meth:`is_present`, used before reporting a part as missing.

        Findings that say a part is absent fire only when not even this weaker evidence
        exists, so borderline answers get the benefit of the doubt.
        """
        return any(
            (
                sp.scores[part] >= self.absent_below
                and sp.scores[part] >= self.absent_ratio[part] * max(sp.scores.values())
            )
            or (sp.model is not None and sp.model[part] >= self.model_vote)
            for sp in labelled
        )

    def strength(self, labelled: list[SentenceParts], part: str) -> float:
        """0..1: how much the answer says about ``part`` (summed evidence, capped)."""
        total = sum(labelled[i].scores[part] for i in self.sentences_for(labelled, part))
        return round(min(1.0, total / self.strong), 2)


@cache
def part_classifier() -> PartClassifier:
    """The shared, lazily compiled classifier."""
    return PartClassifier()
