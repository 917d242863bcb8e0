"""late_hook — the answer has a quantified result, but it does not lead.

What it flags:
    A result figure exists, but only after the first fifteen seconds or so of the answer.
Why interviewers care:
    Leading with the outcome tells the interviewer why the next two minutes are worth
    hearing; a number buried at the end is easy to miss and reads as an afterthought.
Weak example:
    "So the project was about churn. We had data from the CRM... In the end retention
    went up 4 points."
Stronger version:
    "I built the churn model that lifted 90-day retention by 4 points. The problem was..."
"""

from __future__ import annotations

from deepdive.context import Context

ID = "late_hook"
PART = "hook"
SEVERITY = "minor"
MESSAGE = "Your result figure comes late; the opening does not say what the project achieved."
FIX = "Move the headline number into your first sentence, then explain how you got there."


def find(ctx: Context) -> tuple[int, ...] | None:
    results = [f for f in ctx.figures if f.result]
    if not results or ctx.leads_with_result:
        return None
    return (results[0].sentence,)
