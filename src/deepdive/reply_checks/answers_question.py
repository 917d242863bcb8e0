"""answers_question — the reply addresses the question, rather than retelling the overview.

What it checks:
    The reply shares words with the question or its topic (or answers in the question's own
    form: "I'd ..." to "what would you change?"), does not turn to another subject ("the more
    interesting problem was ..."), and is not mostly sentences repeated from the overview.
Why interviewers care:
    Interviewers notice a rehearsed monologue replayed in place of an answer. Answer the
    question that was asked, then stop.
Weak reply:
    (Asked what breaks at 10x traffic) "So, as I said, we built a fraud model that cut losses
    by a third..."
Stronger reply:
    "The feature store would go first: lookups are already 40 ms at p99..."
"""

from __future__ import annotations

import re

from deepdive.datafiles import load_data, require
from deepdive.parts import part_classifier
from deepdive.reply_context import ReplyContext

ID = "answers_question"
GOOD = "You answered the question that was asked."
MISSING = "The reply drifts from the question or repeats the overview."
DIRECTION = "Answer the question in your first sentence, then give one supporting detail."
_WORD = re.compile(r"[a-z][a-z0-9/-]+", re.I)
_STOP = frozenset(
    """what which when where why how who whom whose did does do you your yours the a an and or
    of to in on at for with from by as is are was were be been this that these those it its
    would could should will can have has had about into than then there their they them we our
    us i me my if so not no any some more most very just also ever much many""".split()
)


# A reply that reads as this part of an answer is on topic for the family.
_PART_FOR_FAMILY = {
    "why_model": "modeling",
    "how_known": "evaluation",
    "hindsight": "reflection",
    "no_weakness": "reflection",
    "textbook_data": "data",
    "jumps_to_model": "problem",
}


def _content(text: str) -> set[str]:
    return {w.lower()[:7] for w in _WORD.findall(text) if w.lower() not in _STOP and len(w) > 2}


def applies(ctx: ReplyContext) -> bool:
    return ctx.words() > 0


# What a reply to each family says in its own form: a counterfactual answers "what would you
# do differently"; a named failure answers "what breaks first".
_FORM_FOR_FAMILY = {
    "hindsight": re.compile(r"\b(?:i|we)\s*(?:'d|\u2019d|would)\b|\bwould\s+have\b", re.I),
}


def run(ctx: ReplyContext) -> tuple[bool, list[str]]:
    deflecting = ctx.matching("deflection")
    if deflecting:
        return False, [s.text for s in deflecting[:1]]
    form = _FORM_FOR_FAMILY.get(ctx.family)
    if form is not None:
        shaped = [s for s in ctx.sentences if form.search(s.text)]
        if shaped:
            return True, [shaped[0].text]
    repeated = [s for s in ctx.sentences if _similar_to_any(s.text, ctx.overview.sentences)]
    if ctx.sentences and len(repeated) / len(ctx.sentences) >= 0.6 and len(repeated) >= 2:
        return False, [s.text for s in repeated[:2]]
    topics = require("replies.yaml", load_data("replies.yaml"), "family_topics", dict)
    family = ctx.family.removeprefix("probe:")
    wanted = _content(ctx.question.question) | {t.lower()[:7] for t in topics.get(family, [])}
    hits = [s for s in ctx.sentences if _shares(_content(s.text), wanted)]
    if not hits and family in _PART_FOR_FAMILY:
        part = _PART_FOR_FAMILY[family]
        classifier = part_classifier()
        hits = [s for s in ctx.sentences if classifier.raw_scores(s, [])[part] >= 1.0]
    return bool(hits), [s.text for s in hits[:1]]


def _shares(words: set[str], wanted: set[str]) -> bool:
    """Whether a word of ``words`` is one of ``wanted`` or an inflection of it ("labels" for
    "label", "debugged" for "debug"): one starts with the other, the shorter of four letters
    or more."""
    return any(
        w == t or (min(len(w), len(t)) >= 4 and (w.startswith(t) or t.startswith(w)))
        for w in words
        for t in wanted
    )


def _similar_to_any(text: str, sentences: tuple[object, ...]) -> bool:
    words = _content(text)
    if len(words) < 4:
        return False
    for s in sentences:
        other = _content(getattr(s, "text", ""))
        if other and len(words & other) / len(words | other) >= 0.6:
            return True
    return False
