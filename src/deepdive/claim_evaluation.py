"""Measure the checks that compare what a candidate says with something else (issue 13).

Labelled sets, written blind by helper sessions before the code ran on them, live in
``tests/data``:

* ``contradiction_pairs.yaml`` — overviews, each with replies marked contradicting or not;
  ``contradiction_pairs_2.yaml`` a second such set, overviews dense with figures;
* ``drill_replies.yaml`` — overviews with follow-up replies and a gold mark per reply check;
* ``retell_pairs.yaml`` — fact sheets with retellings, the facts each covers and drifts from;
  ``retell_pairs_2.yaml`` a second such set, with subtler drifts (within a model family, a
  rate's period, an "N of M" share);
* ``drill_replies_2.yaml`` — a second reply set, rich in new numbers that are not contradictions;
  ``drill_replies_3.yaml`` and ``_4`` two more, in other domains; ``drill_replies_5.yaml``
  and ``_6`` marked for consistency only (96 replies each, 41 contradicting, across kinds);
  ``drill_replies_7.yaml``, ``_8`` and ``_9`` replies to weakness questions only, half of them
  dodges;
* ``practice_answers.yaml`` — answers to bank questions, each key point covered / missed / wrong;
  ``practice_answers_2.yaml`` a second such set, written later with more wrong claims.

Each set splits by its overview, sheet or answer position: even ones are ``dev`` (where
thresholds and wording may be tuned), odd ones ``test`` (only reported).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from deepdive.analysis import Followup
from deepdive.bank import find, shipped
from deepdive.consistency import find_contradictions
from deepdive.coverage import check_coverage
from deepdive.drill import overview_entities
from deepdive.engine import analyze
from deepdive.factsheet import FactSheet
from deepdive.reply_checks import run_reply_checks
from deepdive.reply_context import ReplyContext
from deepdive.story import check_retelling

SPLITS = ("dev", "test")


@dataclass
class Tally:
    """Counts for one yes/no decision, with the cases it got wrong."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    wrong: list[str] = field(default_factory=list)

    def add(self, gold: bool, pred: bool, label: str = "") -> None:
        if gold and pred:
            self.tp += 1
        elif pred:
            self.fp += 1
        elif gold:
            self.fn += 1
        else:
            self.tn += 1
        if gold != pred and label:
            self.wrong.append(f"{'missed' if gold else 'false'}: {label}")

    @property
    def n(self) -> int:
        return self.tp + self.fp + self.fn + self.tn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def accuracy(self) -> float:
        return (self.tp + self.tn) / self.n if self.n else 1.0

    def line(self, name: str) -> str:
        return (
            f"{name:<30} P {self.precision:.2f}  R {self.recall:.2f}  "
            f"acc {self.accuracy:.2f}  n {self.n}"
        )


PRACTICE_2 = "practice_answers_2.yaml"
RETELL_2 = "retell_pairs_2.yaml"
REPLIES_2 = "drill_replies_2.yaml"
REPLIES_3 = "drill_replies_3.yaml"
REPLIES_4 = "drill_replies_4.yaml"
REPLIES_5 = "drill_replies_5.yaml"
REPLIES_6 = "drill_replies_6.yaml"
REPLIES_7 = "drill_replies_7.yaml"
REPLIES_8 = "drill_replies_8.yaml"
REPLIES_9 = "drill_replies_9.yaml"
PAIRS_2 = "contradiction_pairs_2.yaml"
PAIRS_3 = "contradiction_pairs_3.yaml"
PAIRS_4 = "contradiction_pairs_4.yaml"


def _split(index: int) -> str:
    return SPLITS[index % 2]


def _load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping at the top")
    return data


def contradictions(path: Path) -> dict[str, Tally]:
    """Is each reply flagged as contradicting its overview, against the gold mark?"""
    out = {s: Tally() for s in SPLITS}
    for i, item in enumerate(_load(path)["overviews"]):
        for r in item["replies"]:
            found = find_contradictions(item["overview"], r["reply"])
            label = f"{item['id']} [{r.get('kind', '')}] {r['reply'][:70]}"
            out[_split(i)].add(bool(r["contradicts"]), bool(found), label)
    return out


def reply_checks(path: Path) -> dict[str, dict[str, Tally]]:
    """Per reply check, does it fail where the gold says the reply falls short?

    A check counts as *positive* when it fails (it tells the candidate something is missing);
    a check that does not apply to the reply says nothing, so it counts as passed.
    """
    out: dict[str, dict[str, Tally]] = {s: {} for s in SPLITS}
    for i, item in enumerate(_load(path)["overviews"]):
        overview = item["overview"]
        analysis, entities = analyze(overview), overview_entities(overview)
        for r in item["replies"]:
            asked = Followup(r["family"], r.get("question", ""), "")
            ctx = ReplyContext(asked, r["reply"], overview, analysis, entities)
            results = {c.id: c.passed for c in run_reply_checks(ctx)}
            for check, gold_pass in r["gold"].items():
                tally = out[_split(i)].setdefault(check, Tally())
                label = f"{item['id']} {r['family']}: {r['reply'][:70]}"
                tally.add(not gold_pass, not results.get(check, True), label)
    return out


@dataclass
class RetellTally:
    drift: Tally = field(default_factory=Tally)
    coverage: Tally = field(default_factory=Tally)


def retellings(path: Path) -> dict[str, RetellTally]:
    """Drift (per field: flagged vs gold) and coverage (per field: covered vs gold)."""
    out = {s: RetellTally() for s in SPLITS}
    for i, item in enumerate(_load(path)["sheets"]):
        entries = {k: str(v) for k, v in item["sheet"].items()}
        sheet = FactSheet(item["id"], "team", entries)
        for j, r in enumerate(item["retellings"]):
            got = check_retelling(sheet, r["text"])
            drifted = set(got.changed)
            covered = {key for key, _, _ in got.covered}
            gold_drift, gold_cover = set(r.get("drift") or ()), set(r.get("covered") or ())
            for key in entries:
                label = f"{item['id']}.{j} {key}: {entries[key][:50]}"
                out[_split(i)].drift.add(key in gold_drift, key in drifted, label)
                out[_split(i)].coverage.add(key in gold_cover, key in covered, label)
    return out


@dataclass
class PracticeTally:
    points: int = 0
    right: int = 0
    wrong_gold: int = 0
    wrong_caught: int = 0
    wrong_covered: int = 0
    confusion: dict[tuple[str, str], int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        acc = self.right / self.points if self.points else 1.0
        caught = self.wrong_caught / self.wrong_gold if self.wrong_gold else 1.0
        return (
            f"key points {self.points}: accuracy {acc:.2f}; wrong claims marked wrong "
            f"{self.wrong_caught}/{self.wrong_gold} ({caught:.2f}), credited as covered "
            f"{self.wrong_covered}"
        )


def _mark(covered: bool, wrong: str | None) -> str:
    return "wrong" if wrong else "covered" if covered else "missed"


def practice(path: Path) -> dict[str, PracticeTally]:
    """Each key point of each answer: covered / missed / wrong against the gold mark."""
    out = {s: PracticeTally() for s in SPLITS}
    bank = shipped()
    for i, item in enumerate(_load(path)["answers"]):
        result = check_coverage(find(bank, item["question"]), item["answer"])
        tally = out[_split(i)]
        for k, point in enumerate(result.points):
            gold = str(item["marks"].get(k, "missed"))
            got = _mark(point.covered, point.wrong)
            tally.points += 1
            tally.right += gold == got
            tally.confusion[(gold, got)] = tally.confusion.get((gold, got), 0) + 1
            if gold == "wrong":
                tally.wrong_gold += 1
                tally.wrong_caught += got == "wrong"
                tally.wrong_covered += got == "covered"
            if gold != got:
                tally.errors.append(f"{item['question']}#{i} point {k}: gold {gold}, got {got}")
    return out


def report(data_dir: Path, show_errors: bool = False) -> str:
    """The issue-13 section of ``make eval``: each set, dev and test."""
    lines = ["== claims checked against what was said before (issue 13) =="]
    wrong: list[str] = []
    for name, file in (
        ("contradiction", "contradiction_pairs.yaml"),
        ("contradiction-2", PAIRS_2),
        ("contradiction-3", PAIRS_3),
        ("contradiction-4", PAIRS_4),
    ):
        for split, tally in contradictions(data_dir / file).items():
            lines.append(tally.line(f"{name} {split}"))
            wrong += [f"{name} {w}" for w in tally.wrong] if split == "dev" else []
    for label, file in (
        ("reply", "drill_replies.yaml"),
        ("reply-2", REPLIES_2),
        ("reply-3", REPLIES_3),
        ("reply-4", REPLIES_4),
        ("reply-5", REPLIES_5),
        ("reply-6", REPLIES_6),
        ("reply-7", REPLIES_7),
        ("reply-8", REPLIES_8),
        ("reply-9", REPLIES_9),
    ):
        for split, checks in reply_checks(data_dir / file).items():
            total = Tally()
            for check, tally in sorted(checks.items()):
                lines.append(tally.line(f"{label} {split} {check}"))
                wrong += [f"{label} {check} {w}" for w in tally.wrong] if split == "dev" else []
                _merge(total, (tally,))
            name = f"{label} {split} all checks"
            lines.append(f"{name:<30} acc {total.accuracy:.2f}  n {total.n}")
    for name, file in (("retell", "retell_pairs.yaml"), ("retell-2", RETELL_2)):
        for split, rt in retellings(data_dir / file).items():
            lines.append(rt.drift.line(f"{name} drift {split}"))
            lines.append(rt.coverage.line(f"{name} cover {split}"))
            wrong += [f"{name} drift {w}" for w in rt.drift.wrong] if split == "dev" else []
    for name, file in (("practice", "practice_answers.yaml"), ("practice-2", PRACTICE_2)):
        for split, pt in practice(data_dir / file).items():
            lines.append(f"{name} {split:<{29 - len(name)}} {pt.line()}")
            wrong += [f"{name} {e}" for e in pt.errors] if split == "dev" else []
    if show_errors:  # the dev half only: the test half is measured, never read
        lines += ["", *wrong]
    return "\n".join(lines)


def _merge(total: Tally, tallies: Iterable[Tally]) -> None:
    for t in tallies:
        total.tp += t.tp
        total.fp += t.fp
        total.fn += t.fn
        total.tn += t.tn
