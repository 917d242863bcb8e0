"""brings_evidence — the reply backs its claim with a number, a metric or an experiment.

What it checks:
    A figure, a named metric, or a description of how something was measured (held-out data,
    an A/B test, a backtest, monitoring).
Why interviewers care:
    "How did you know?" is answered with evidence. Assertions without measurements read as
    hope.
Weak reply:
    "It was clearly better, everyone could see it."
Stronger reply:
    "On the held-out month recall went from 0.61 to 0.70, and the A/B test showed 12% fewer
    chargebacks."
"""

from __future__ import annotations

from deepdive.reply_context import ReplyContext
from deepdive.vocab import vocab

ID = "brings_evidence"
GOOD = "You backed it with evidence."
MISSING = "There is no number, metric or experiment behind the claim."
DIRECTION = "Give the measurement: which metric, on which data, before and after."


def applies(ctx: ReplyContext) -> bool:
    return ctx.words() > 0


def run(ctx: ReplyContext) -> tuple[bool, list[str]]:
    quotes = [ctx.sentences[f.sentence].text for f in ctx.figures]
    quotes += [s.text for s in ctx.matching("evidence")]
    quotes += [s.text for s in ctx.sentences if vocab().find("metrics", s.text)]
    unique = list(dict.fromkeys(quotes))
    return bool(unique), unique[:2]
