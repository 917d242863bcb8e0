"""Every registered check: documented, and right on its own pass/fail cases."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import pytest
import yaml

import deepdive.checks as checks_pkg
from deepdive import analyze
from deepdive.analysis import PARTS
from deepdive.checks import CHECKS
from deepdive.speech import Transcript, Word

CASES = Path(__file__).parent / "check_cases"
DOC_SECTIONS = ("What it flags:", "Why interviewers care:", "Weak example:", "Stronger version:")


def synthetic_transcript(case: dict[str, object]) -> Transcript:
    """Words spread evenly over ``seconds``, with extra silence after the given word indexes."""
    words = str(case["transcript"]).split()
    step = float(case["seconds"]) / len(words)  # type: ignore[arg-type]
    gaps = {int(i): float(g) for i, g in case.get("pauses", [])}  # type: ignore[attr-defined]
    out, spans, text, t = [], [], "", 0.0
    for n, w in enumerate(words):
        start = len(text) + (1 if text else 0)
        text = f"{text} {w}" if text else w
        spans.append((start, len(text)))
        out.append(Word(" " + w, t, t + step * 0.9))
        t += step + gaps.get(n, 0.0)
    return Transcript(tuple(out), round(t, 2), text, tuple(spans))


def _analyze_case(case: object) -> list[str]:
    if isinstance(case, dict):
        transcript = synthetic_transcript(case)
        return analyze(transcript.text, transcript).finding_ids()
    return analyze(str(case)).finding_ids()


def _cases() -> list[tuple[str, object, bool]]:
    out: list[tuple[str, object, bool]] = []
    for check in CHECKS:
        path = CASES / f"{check.ID}.yaml"
        if not path.exists():
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        out += [(check.ID, text, True) for text in data.get("fires", [])]
        out += [(check.ID, text, False) for text in data.get("passes", [])]
    return out


@pytest.mark.parametrize(("check_id", "case", "fires"), _cases())
def test_check_case(check_id: str, case: object, fires: bool) -> None:
    ids = _analyze_case(case)
    if fires:
        assert check_id in ids, f"{check_id} should fire on: {str(case)[:120]}"
    else:
        assert check_id not in ids, f"{check_id} should stay quiet on: {str(case)[:120]}"


def test_every_check_module_is_registered() -> None:
    registered = {c.__name__ for c in CHECKS}  # type: ignore[attr-defined]
    found = {f"deepdive.checks.{m.name}" for m in pkgutil.iter_modules(checks_pkg.__path__)}
    assert found == registered


@pytest.mark.parametrize("check", CHECKS, ids=[c.ID for c in CHECKS])
def test_check_is_documented_and_has_cases(check: object) -> None:
    module = importlib.import_module(check.__name__)  # type: ignore[attr-defined]
    doc = module.__doc__ or ""
    assert doc.startswith(module.ID + " — "), "docstring must start with '<id> — summary'"
    for section in DOC_SECTIONS:
        assert section in doc, f"{module.ID}: docstring lacks '{section}'"
    assert module.PART in (*PARTS, "ownership", "structure")
    assert module.SEVERITY in ("major", "minor")
    assert module.MESSAGE and module.FIX and module.MESSAGE != module.FIX
    path = CASES / f"{module.ID}.yaml"
    assert path.exists(), f"no pass/fail cases for {module.ID}"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data.get("fires"), f"{module.ID}: needs at least one 'fires' case"
    assert data.get("passes"), f"{module.ID}: needs at least one 'passes' case"


def test_ids_are_unique_and_stable() -> None:
    ids = [c.ID for c in CHECKS]
    assert len(ids) == len(set(ids))
    for method_id in (
        "vague_result",
        "jumps_to_model",
        "textbook_data",
        "no_baseline",
        "training_metric_only",
        "no_weakness",
        "overclaim",
        "underclaim",
        "too_long",
    ):
        assert method_id in ids


def test_case_files_belong_to_checks() -> None:
    ids = {c.ID for c in CHECKS}
    for path in CASES.glob("*.yaml"):
        assert path.stem in ids, f"{path.name} has no matching check"
