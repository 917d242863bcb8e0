"""The rubric checks, one module each, registered in :data:`CHECKS`.

A check module declares ``ID`` (stable), ``PART`` (one of the six parts, ``ownership``,
``structure`` or ``evaluation`` for ML sanity checks), ``SEVERITY`` (``major`` or ``minor``),
``MESSAGE`` and ``FIX`` (kept separate), a docstring with the sections *What it flags*, *Why
interviewers care*, *Weak example* and *Stronger version*, and ``find(ctx)`` returning the
indices of the evidence sentences when it fires, or ``None`` when it does not.

Adding a check: write the module, add it to ``CHECKS`` and give it pass/fail cases in
``tests/check_cases/<id>.yaml``; the meta-tests fail until all three are done.
"""

from __future__ import annotations

from functools import cache
from typing import Protocol

from deepdive.analysis import Finding
from deepdive.checks import (
    accuracy_on_imbalance,
    filler_heavy,
    hedging,
    jumps_to_model,
    late_hook,
    leakage_risk,
    long_pauses,
    no_baseline,
    no_online_check,
    no_weakness,
    overclaim,
    random_split_on_time,
    speaking_pace,
    suspicious_metric,
    test_set_tuning,
    textbook_data,
    too_long,
    too_short,
    training_metric_only,
    underclaim,
    vague_result,
)
from deepdive.context import Context


class Check(Protocol):
    ID: str
    PART: str
    SEVERITY: str
    MESSAGE: str
    FIX: str

    def find(self, ctx: Context) -> tuple[int, ...] | None: ...


CHECKS: tuple[Check, ...] = (
    vague_result,
    late_hook,
    jumps_to_model,
    textbook_data,
    no_baseline,
    training_metric_only,
    no_weakness,
    overclaim,
    underclaim,
    too_long,
    too_short,
    hedging,
    speaking_pace,
    filler_heavy,
    long_pauses,
    accuracy_on_imbalance,
    random_split_on_time,
    leakage_risk,
    no_online_check,
    test_set_tuning,
    suspicious_metric,
)


def run_checks(ctx: Context) -> list[Finding]:
    """Run every registered check; findings come back in registry order."""
    findings: list[Finding] = []
    for check in CHECKS:
        evidence = check.find(ctx)
        if evidence is None:
            continue
        findings.append(
            Finding(
                id=check.ID,
                part=check.PART,
                severity=check.SEVERITY,
                message=check.MESSAGE,
                fix=check.FIX,
                sentences=tuple(sorted(set(evidence))),
            )
        )
    return findings


def find_check(ident: str) -> Check:
    """The registered check with id ``ident`` (KeyError when there is none)."""
    for check in CHECKS:
        if ident == check.ID:
            return check
    raise KeyError(ident)


def check_title(check: Check) -> str:
    """A human title from the first docstring line ("late_hook — the result comes late" ->
    "The result comes late")."""
    first = (getattr(check, "__doc__", None) or check.ID).strip().splitlines()[0]
    text = first.split("—", 1)[-1].strip().rstrip(".")
    return text[:1].upper() + text[1:]


@cache
def titles() -> dict[str, str]:
    """Every check's human title by id (for views that name findings)."""
    return {c.ID: check_title(c) for c in CHECKS}


def check_sections(check: Check) -> list[tuple[str, str]]:
    """The docstring's sections (What it flags, Why interviewers care, ...) as (heading, text)."""
    lines = (getattr(check, "__doc__", None) or "").strip().splitlines()[1:]
    sections: list[tuple[str, str]] = []
    for line in lines:
        if line and not line.startswith(" ") and line.rstrip().endswith(":"):
            sections.append((line.rstrip().rstrip(":"), ""))
        elif sections and line.strip():
            head, body = sections[-1]
            sections[-1] = (head, (body + " " + line.strip()).strip())
    return sections
