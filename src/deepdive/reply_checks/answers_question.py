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
from deepdive.reply_context import ReplyContext, content_words, repeats_overview
from deepdive.vocab import vocab

ID = "answers_question"
GOOD = "You answered the question that was asked."
MISSING = "The reply drifts from the question or repeats the overview."
DIRECTION = "Answer the question in your first sentence, then give one supporting detail."
# A reply that reads as this part of an answer is on topic for the family.
_PART_FOR_FAMILY = {
    "why_model": "modeling",
    "how_known": "evaluation",
    "hindsight": "reflection",
    "no_weakness": "reflection",
    "textbook_data": "data",
    "jumps_to_model": "problem",
}


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
    if not _about_the_project(ctx):
        return False, []  # "my favourite colour is blue": nothing of the project or the question
    form = _FORM_FOR_FAMILY.get(ctx.family)
    if form is not None:
        shaped = [s for s in ctx.sentences if form.search(s.text)]
        if shaped:
            return True, [shaped[0].text]
    repeated = [s for s in ctx.sentences if repeats_overview(s.text, ctx.overview.sentences)]
    if ctx.sentences and len(repeated) / len(ctx.sentences) >= 0.6 and len(repeated) >= 2:
        return False, [s.text for s in repeated[:2]]
    family = ctx.family.removeprefix("probe:")
    wanted = content_words(ctx.question.question) | _topic_words(family)
    hits = [s for s in ctx.sentences if _shares(content_words(s.text), wanted)]
    if not hits:
        # a domain probe is answered in that domain's own terms ("a random-approval holdout",
        # "reject inference" for selection bias)
        from deepdive.domain_probes import domains

        for domain in (d for d in domains() if d.id == family):
            hits = [
                s
                for s in ctx.sentences
                if domain.answered.search(s.text) or domain.cues.search(s.text)
            ]
    if not hits and family in _PART_FOR_FAMILY:
        part = _PART_FOR_FAMILY[family]
        classifier = part_classifier()
        hits = [s for s in ctx.sentences if classifier.raw_scores(s, [])[part] >= 1.0]
    return bool(hits), [s.text for s in hits[:1]]


def _topic_words(family: str) -> set[str]:
    """The words a reply to ``family`` is about ("shard", "queue" for what breaks at 10x), cut
    as content words are."""
    topics = require("replies.yaml", load_data("replies.yaml"), "family_topics", dict)
    return {t.lower()[:7] for t in topics.get(family, [])}


def _about_the_project(ctx: ReplyContext) -> bool:
    """The reply says something of the project, the question or ML at all: a content word of
    the overview, the question or its family's topics ("shard", "queue" for what breaks at
    10x), or a model, metric, validation scheme or data problem."""
    said = set().union(*(content_words(s.text) for s in ctx.sentences))
    told = set().union(
        content_words(ctx.question.question),
        _topic_words(ctx.family.removeprefix("probe:")),
        *(content_words(s.text) for s in ctx.overview.sentences),
    )
    if _shares(said, told, shortest=5):  # "weekends" is no "week" of the overview's
        return True
    text = " ".join(s.text for s in ctx.sentences)
    return any(
        vocab().find(kind, text) for kind in ("models", "metrics", "validation", "data_issues")
    )


def _shares(words: set[str], wanted: set[str], shortest: int = 4) -> bool:
    """Whether a word of ``words`` is one of ``wanted`` or an inflection of it ("labels" for
    "label", "debugged" for "debug"): one starts with the other, the shorter of ``shortest``
    letters or more."""
    return any(
        w == t or (min(len(w), len(t)) >= shortest and (w.startswith(t) or t.startswith(w)))
        for w in words
        for t in wanted
    )
