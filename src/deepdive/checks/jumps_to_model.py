"""jumps_to_model — the answer opens with the model, with no business context first.

What it flags:
    The first substantive sentence is about the model or technique and no problem context
    (who needed what, the ML task, the metric) comes before it — or the answer has no problem
    context at all.
Why interviewers care:
    Translating a business need into an ML task and a metric is the skill being tested.
    Starting with "we used a transformer" skips the part that shows judgement.
Weak example:
    "I fine-tuned a BERT model with a custom classification head and focal loss."
Stronger version:
    "Support agents were spending a third of their day routing tickets by hand, so I framed
    it as a 40-way classification task optimised for top-1 accuracy, then fine-tuned BERT."
"""

from __future__ import annotations

from deepdive.context import Context
from deepdive.parts import part_classifier

ID = "jumps_to_model"
PART = "problem"
SEVERITY = "major"
CONTEXT = 0.8  # a problem score this high in or before the opening counts as context
# (less what a purpose clause adds: "to predict churn" names the task, not the business)
MESSAGE = "The story starts with the model before saying what problem it solved and for whom."
FIX = (
    "Before any model name, give one or two sentences of context: who had the problem, why it "
    "mattered, what you predicted and which metric you optimised."
)


def find(ctx: Context) -> tuple[int, ...] | None:
    if not ctx.weakly_present["problem"]:
        return ctx.part_sentences["modeling"][:1]
    body = ctx.body()
    # The hook may name the model ("my XGBoost model cut losses by 30%"): skip result sentences.
    content = [
        i for i in body if ctx.label(i) not in ("none", "hook") and not ctx.labels[i].result_figure
    ]
    if not content or content[0] not in body[:2]:
        return None
    first = content[0]
    scores = ctx.labels[first].scores
    names_model = any(i == first for i, _ in ctx.mentions("models"))
    opens_with_model = ctx.label(first) == "modeling" and (names_model or scores["modeling"] >= 2.5)
    context_before = any(_context(ctx, i) >= CONTEXT for i in body if i <= first)
    if opens_with_model and not context_before:
        return (first,)
    return None


def _context(ctx: Context, i: int) -> float:
    """Sentence ``i``'s problem score as business context: the task told only as the model's
    purpose ("a model ... to predict churn") names the task, not who needed it or why."""
    purpose = part_classifier().named_score(ctx.sentences[i], "problem", "task_purpose")
    return ctx.labels[i].scores["problem"] - purpose
