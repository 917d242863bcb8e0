"""Whole answers with problems planted in them: how many the analysis finds (``make eval``).

A planted set (``tests/data/planted_answers*.yaml``) is a list of answers, each with the
findings that must fire (``expect_fires``), those that must stay silent (``expect_silent``)
and the ownership verdict. Each expectation is met or not; an unmet ``expect_fires`` is a
planted problem missed, an unmet ``expect_silent`` a false alarm. Answers at even positions
are ``dev``, odd ones ``test`` (measured, not read), as for the claim sets.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from deepdive.analysis import Analysis


@dataclass
class PlantedTally:
    expectations: int = 0
    planted: int = 0
    missed: int = 0
    false_alarms: int = 0
    ownership_wrong: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def wrong(self) -> int:
        return self.missed + self.false_alarms + self.ownership_wrong

    def line(self, name: str) -> str:
        return (
            f"{name:<22} expectations {self.expectations}, wrong {self.wrong}: planted "
            f"{self.planted}, missed {self.missed}; false alarms {self.false_alarms}; "
            f"ownership wrong {self.ownership_wrong}"
        )


def load_planted(path: Path) -> list[dict[str, Any]]:
    """The cases of one planted set, each checked for the keys it needs."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise ValueError(f"{path.name}: expected a list of answers")
    for n, case in enumerate(data, 1):
        missing = {"id", "text", "ownership"} - set(case)
        if missing:
            raise ValueError(f"{path.name}: answer {n} has no {', '.join(sorted(missing))}")
    return data


def case_problems(case: dict[str, Any], analysis: Analysis) -> set[str]:
    """What the analysis of one case gets wrong: ``finding:<id>`` for a planted finding that
    did not fire or a silent one that did, ``ownership`` for the verdict."""
    fired = set(analysis.finding_ids())
    out = {f"finding:{f}" for f in case.get("expect_fires", []) if f not in fired}
    out |= {f"finding:{f}" for f in case.get("expect_silent", []) if f in fired}
    if analysis.ownership.verdict != case["ownership"]:
        out.add("ownership")
    return out


def measure_planted(path: Path, analyze: Callable[[str], Analysis]) -> dict[str, PlantedTally]:
    """Dev (even positions) and test (odd) tallies for one planted set."""
    out = {"dev": PlantedTally(), "test": PlantedTally()}
    for n, case in enumerate(load_planted(path)):
        tally = out["dev" if n % 2 == 0 else "test"]
        analysis = analyze(case["text"])
        wrong = case_problems(case, analysis)
        planted = case.get("expect_fires", [])
        tally.expectations += len(planted) + len(case.get("expect_silent", [])) + 1
        tally.planted += len(planted)
        for problem in sorted(wrong):
            finding = problem.removeprefix("finding:")
            if problem == "ownership":
                tally.ownership_wrong += 1
                tally.errors.append(
                    f"{case['id']}: ownership {analysis.ownership.verdict}, not {case['ownership']}"
                )
            elif finding in planted:
                tally.missed += 1
                tally.errors.append(f"{case['id']}: missed {finding}")
            else:
                tally.false_alarms += 1
                tally.errors.append(f"{case['id']}: false {finding}")
    return out
