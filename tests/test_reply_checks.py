"""Every reply check: documented, registered, and right on its own cases."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from pathlib import Path

import pytest
import yaml

import deepdive.reply_checks as pkg
from deepdive.analysis import Analysis, Followup
from deepdive.drill import overview_entities
from deepdive.engine import analyze
from deepdive.reply_checks import REPLY_CHECKS, checks_for
from deepdive.reply_context import ReplyContext

CASES = Path(__file__).parent / "reply_cases"
OVERVIEW = (Path(__file__).parent / "drill" / "overview.txt").read_text(encoding="utf-8")
SECTIONS = ("What it checks:", "Why interviewers care:", "Weak reply:", "Stronger reply:")


@cache
def _overview() -> tuple[Analysis, dict[str, str]]:
    return analyze(OVERVIEW), overview_entities(OVERVIEW)


def _cases() -> list[tuple[str, str, str, bool]]:
    out = []
    for check in REPLY_CHECKS:
        path = CASES / f"{check.ID}.yaml"
        if path.exists():
            for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
                out.append((check.ID, case["family"], case["reply"], case["passes"]))
    return out


@pytest.mark.parametrize(("check_id", "family", "reply", "passes"), _cases())
def test_reply_case(check_id: str, family: str, reply: str, passes: bool) -> None:
    analysis, entities = _overview()
    ctx = ReplyContext(
        Followup(family, "What would you do?", ""), reply, OVERVIEW, analysis, entities
    )
    check = next(c for c in REPLY_CHECKS if check_id == c.ID)
    assert check.applies(ctx), f"{check_id} should apply to: {reply}"
    passed, evidence = check.run(ctx)
    assert passed is passes, (
        f"{check_id} on {reply!r}: expected passed={passes}, evidence={evidence}"
    )


def test_every_module_is_registered() -> None:
    found = {f"deepdive.reply_checks.{m.name}" for m in pkgutil.iter_modules(pkg.__path__)}
    assert found == {c.__name__ for c in REPLY_CHECKS}  # type: ignore[attr-defined]


@pytest.mark.parametrize("check", REPLY_CHECKS, ids=[c.ID for c in REPLY_CHECKS])
def test_reply_check_is_documented_and_has_cases(check: object) -> None:
    module = importlib.import_module(check.__name__)  # type: ignore[attr-defined]
    doc = module.__doc__ or ""
    assert doc.startswith(module.ID + " — ")
    for section in SECTIONS:
        assert section in doc, f"{module.ID} lacks '{section}'"
    assert module.GOOD and module.MISSING and module.DIRECTION
    cases = yaml.safe_load((CASES / f"{module.ID}.yaml").read_text(encoding="utf-8"))["cases"]
    assert any(c["passes"] for c in cases) and any(not c["passes"] for c in cases)


def test_every_family_has_checks() -> None:
    from deepdive.followups import FAMILIES, followup_bank

    for family in FAMILIES:
        assert len(checks_for(family)) >= 3
    for finding in followup_bank().probes:
        assert checks_for(f"probe:{finding}"), finding


def test_handles_unknown_only_applies_to_unknowns() -> None:
    analysis, entities = _overview()
    ctx = ReplyContext(
        Followup("why_model", "Why?", ""), "Because it was faster.", OVERVIEW, analysis, entities
    )
    check = next(c for c in REPLY_CHECKS if c.ID == "handles_unknown")
    assert not check.applies(ctx)


@pytest.mark.parametrize(
    ("reply", "ran"),
    [
        # a bare "I don't know" gets the one thing to fix, not four checks piled on it
        ("I don't know.", ["handles_unknown"]),
        ("No idea, honestly. I can't remember.", ["handles_unknown"]),
        # with something said besides, every check still reads it
        (
            "I'm not sure of the exact number. We chose LightGBM because it beat logistic "
            "regression on the time split.",
            None,
        ),
    ],
)
def test_a_bare_i_dont_know_gets_one_direction(reply: str, ran: list[str] | None) -> None:
    from deepdive.reply_checks import run_reply_checks

    analysis, entities = _overview()
    ctx = ReplyContext(Followup("why_model", "Why?", ""), reply, OVERVIEW, analysis, entities)
    results = run_reply_checks(ctx)
    if ran is None:
        assert len(results) > 1
    else:
        assert [r.id for r in results] == ran and not results[0].passed
