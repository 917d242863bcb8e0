"""Checks on a follow-up reply, one module each, registered in :data:`REPLY_CHECKS`.

A reply check declares ``ID``, ``GOOD`` (said when it passes), ``MISSING`` (said when it
fails), ``DIRECTION`` (a one-line stronger direction), a docstring with *What it checks /
Why interviewers care / Weak reply / Stronger reply*, ``applies(ctx)`` and ``run(ctx)``
returning ``(passed, evidence quotes)``. Which checks a question gets is data
(``family_checks`` and ``always_checks`` in ``data/replies.yaml``); pass/fail cases live in
``tests/reply_cases/<id>.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from deepdive.datafiles import DataFileError, load_data, require
from deepdive.reply_checks import (
    admits_limitation,
    answers_question,
    brings_evidence,
    consistent,
    gives_reason,
    handles_unknown,
    names_alternative,
    owns_part,
)
from deepdive.reply_context import ReplyContext


class ReplyCheck(Protocol):
    ID: str
    GOOD: str
    MISSING: str
    DIRECTION: str

    def applies(self, ctx: ReplyContext) -> bool: ...

    def run(self, ctx: ReplyContext) -> tuple[bool, list[str]]: ...


REPLY_CHECKS: tuple[ReplyCheck, ...] = (
    gives_reason,
    names_alternative,
    brings_evidence,
    admits_limitation,
    owns_part,
    answers_question,
    handles_unknown,
    consistent,
)


@dataclass(frozen=True)
class CheckResult:
    id: str
    passed: bool
    message: str
    evidence: tuple[str, ...]
    direction: str


def checks_for(family: str) -> list[ReplyCheck]:
    """The registered checks asked of a reply to a question of ``family``."""
    name = "replies.yaml"
    cfg = load_data(name)
    table = require(name, cfg, "family_checks", dict)
    wanted = list(table.get(family, [])) + list(require(name, cfg, "always_checks", list))
    by_id = {c.ID: c for c in REPLY_CHECKS}
    unknown = [w for w in wanted if w not in by_id]
    if unknown:
        raise DataFileError(f"{name}: unknown reply check {unknown[0]!r} for {family}")
    return [by_id[w] for w in dict.fromkeys(wanted)]


def run_reply_checks(ctx: ReplyContext) -> list[CheckResult]:
    checks = checks_for(ctx.family)
    unknown = ctx.matching("unknown")
    if unknown and len(unknown) == len(ctx.sentences) and handles_unknown in checks:
        # a bare "I don't know" is one thing to fix, not a reason, an alternative and an
        # answer all missing (and it contradicts nothing because it says nothing)
        checks = [handles_unknown]
    out: list[CheckResult] = []
    for check in checks:
        if not check.applies(ctx):
            continue
        passed, evidence = check.run(ctx)
        out.append(
            CheckResult(
                id=check.ID,
                passed=passed,
                message=check.GOOD if passed else check.MISSING,
                evidence=tuple(evidence),
                direction=check.DIRECTION,
            )
        )
    return out
