"""The follow-up drill: plan the interviewer's questions for an overview, check each reply,
and summarise the session. Terminal and non-interactive front ends live in ``drill_cli.py``;
the web app will drive the same :class:`DrillSession`.

Wire schema (``deepdive drill --json``)::

    {"schema": "deepdive.drill/1", "overview": <deepdive.analysis/1>,
     "turns": [{"family", "question", "because", "template", "reply", "skipped",
                "checks": [{"id", "passed", "message", "evidence"}],
                "feedback": {"good": [...], "missing": [...], "stronger": "..."}}],
     "summary": {"asked", "answered", "skipped", "families": {family: {...}}, "rehearse": [...]}}
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from deepdive.analysis import Analysis, Followup
from deepdive.domain_probes import invited
from deepdive.engine import analyze
from deepdive.entities import as_asked, extract_entities
from deepdive.figures import figure_finder
from deepdive.followups import FAMILIES, Template, followup_bank
from deepdive.inputs import InputError, reply_problem
from deepdive.parts import part_classifier
from deepdive.reply_checks import CheckResult, run_reply_checks
from deepdive.reply_context import ReplyContext
from deepdive.turns import candidate_sentences

SCHEMA = "deepdive.drill/1"
FAMILY_LABELS = {
    "why_model": "why this model",
    "how_known": "how you knew it worked",
    "hardest_bug": "the hardest bug or surprise",
    "scale_10x": "what breaks at 10x",
    "hindsight": "what you'd change in hindsight",
    "probes": "gaps in the overview",
}


@dataclass(frozen=True)
class PlannedQuestion:
    template: str
    family: str
    question: str
    because: str

    def followup(self) -> Followup:
        return Followup(self.family, self.question, self.because)

    def to_dict(self) -> dict[str, str]:
        return {
            "family": self.family,
            "question": self.question,
            "because": self.because,
            "template": self.template,
        }


def overview_entities(text: str) -> dict[str, str]:
    """The overview's own model, metric, data source, figures... (see ``entities.py``)."""
    sentences = candidate_sentences(text)
    finder = figure_finder()
    figures = [f for i, s in enumerate(sentences) for f in finder.find(s.text, s.start, i)]
    labels = part_classifier().classify(
        sentences, [[f for f in figures if f.sentence == i] for i in range(len(sentences))]
    )
    return extract_entities(sentences, figures, [sp.label for sp in labels])


def _pick(
    templates: list[Template], entities: dict[str, str], rng: random.Random, used: set[str]
) -> Template | None:
    usable = [t for t in templates if t.usable(entities) and t.id not in used]
    if not usable:
        return None
    most = max(len(t.needs) for t in usable)
    return rng.choice([t for t in usable if len(t.needs) == most])


def plan_drill(
    analysis: Analysis,
    entities: dict[str, str],
    seed: int | None = None,
    families: list[str] | None = None,
    max_questions: int | None = None,
) -> list[PlannedQuestion]:
    """Probes for the overview's gaps (major findings first), then one question per family.

    ``families`` limits the families asked ("probes" selects the gap probes); ``seed`` makes
    the choice among equally specific templates reproducible. No template is asked twice.
    """
    rng = random.Random(seed)
    bank = followup_bank()
    wanted = set(families) if families else {*FAMILIES, "probes"}
    used: set[str] = set()
    plan: list[PlannedQuestion] = []

    def add(t: Template | None) -> None:
        if t is None:
            return
        used.add(t.id)
        said = as_asked(entities)
        plan.append(
            PlannedQuestion(t.id, t.family, t.question.format(**said), t.because.format(**said))
        )

    if "probes" in wanted:
        for finding in sorted(analysis.findings, key=lambda f: f.severity != "major"):
            if finding.id in bank.probes:
                add(_pick(bank.probes[finding.id], entities, rng, used))
        own_words = (s.text for s in analysis.sentences if s.speaker == "candidate")
        for domain in invited(own_words):
            add(_pick(list(domain.templates), entities, rng, used))
    for family in FAMILIES:
        if family in wanted:
            add(_pick(bank.families[family], entities, rng, used))
    return plan[:max_questions] if max_questions else plan


@dataclass
class Turn:
    asked: PlannedQuestion
    reply: str | None
    checks: list[CheckResult] = field(default_factory=list)

    @property
    def skipped(self) -> bool:
        return self.reply is None

    def feedback(self) -> dict[str, Any]:
        good = [c.message for c in self.checks if c.passed]
        missing = [c.message for c in self.checks if not c.passed]
        failed = [c for c in self.checks if not c.passed]
        if self.skipped:
            stronger = "Skipped: rehearse an answer to this one before the interview."
        elif failed:
            stronger = failed[0].direction
        else:
            stronger = "Good. Tighten it to three sentences: claim, evidence, what you'd change."
        return {"good": good, "missing": missing, "stronger": stronger}

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.asked.to_dict(),
            "reply": self.reply,
            "skipped": self.skipped,
            "checks": [
                {"id": c.id, "passed": c.passed, "message": c.message, "evidence": list(c.evidence)}
                for c in self.checks
            ],
            "feedback": self.feedback(),
        }


class DrillSession:
    """One drill over one overview: ask, check, summarise."""

    def __init__(
        self,
        overview_text: str,
        seed: int | None = None,
        families: list[str] | None = None,
        max_questions: int | None = None,
        analysis: Analysis | None = None,
    ) -> None:
        self.overview_text = overview_text
        self.analysis = analysis or analyze(overview_text)
        self.entities = overview_entities(overview_text)
        self.plan = plan_drill(self.analysis, self.entities, seed, families, max_questions)
        self.turns: list[Turn] = []
        self.stopped_at: PlannedQuestion | None = None  # the question shown when they quit

    @property
    def done(self) -> bool:
        return len(self.turns) >= len(self.plan)

    def current(self) -> PlannedQuestion | None:
        return None if self.done else self.plan[len(self.turns)]

    def answer(self, reply: str) -> Turn:
        """Check ``reply`` to the current question and move on; raises
        :class:`deepdive.inputs.InputError` for a reply that cannot be checked (not English)."""
        asked = self.current()
        if asked is None:
            raise IndexError("the drill has no more questions")
        problem = reply_problem(reply)
        if problem:
            raise InputError(problem)
        ctx = ReplyContext(
            asked.followup(), reply, self.overview_text, self.analysis, self.entities
        )
        turn = Turn(asked, reply, run_reply_checks(ctx))
        self.turns.append(turn)
        return turn

    def stop(self) -> None:
        """End the session early: the question on screen was seen but not answered, so the
        summary asks to prepare it, like a skipped one."""
        self.stopped_at = self.current()

    def skip(self) -> Turn:
        asked = self.current()
        if asked is None:
            raise IndexError("the drill has no more questions")
        turn = Turn(asked, None)
        self.turns.append(turn)
        return turn

    def summary(self) -> dict[str, Any]:
        families: dict[str, dict[str, int]] = {}
        failures: dict[str, int] = {}
        directions: dict[str, str] = {}
        for t in self.turns:
            key = "probes" if t.asked.family.startswith("probe:") else t.asked.family
            row = families.setdefault(
                key, {"asked": 0, "answered": 0, "skipped": 0, "checks_passed": 0, "checks": 0}
            )
            row["asked"] += 1
            row["skipped" if t.skipped else "answered"] += 1
            row["checks"] += len(t.checks)
            row["checks_passed"] += sum(c.passed for c in t.checks)
            for c in t.checks:
                if not c.passed:
                    failures[c.id] = failures.get(c.id, 0) + 1
                    directions[c.id] = c.direction
        rehearse = [directions[k] for k in sorted(failures, key=lambda k: (-failures[k], k))][:2]
        # every skipped question comes back: it is the one the candidate had no answer for
        rehearse += [f"Prepare an answer to: {t.asked.question}" for t in self.turns if t.skipped]
        if self.stopped_at is not None:
            rehearse.append(f"Prepare an answer to: {self.stopped_at.question}")
        if not rehearse:
            rehearse = ["Keep answers to three sentences: claim, evidence, limitation."]
        return {
            "asked": len(self.turns),
            "answered": sum(not t.skipped for t in self.turns),
            "skipped": sum(t.skipped for t in self.turns),
            # planned questions never shown (the one on screen at a quit is to rehearse)
            "not_reached": len(self.plan) - len(self.turns) - (self.stopped_at is not None),
            "families": families,
            "rehearse": rehearse,
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "overview": self.analysis.to_dict(),
            "turns": [t.to_dict() for t in self.turns],
            "summary": self.summary(),
        }

    def state(self) -> dict[str, Any]:
        """Everything needed to resume this session in another process (see :meth:`restore`)."""
        return {
            "plan": [q.to_dict() for q in self.plan],
            "turns": [
                {
                    "template": t.asked.template,
                    "reply": t.reply,
                    "checks": [
                        {
                            "id": c.id,
                            "passed": c.passed,
                            "message": c.message,
                            "evidence": list(c.evidence),
                            "direction": c.direction,
                        }
                        for c in t.checks
                    ],
                }
                for t in self.turns
            ],
        }

    @classmethod
    def restore(cls, overview_text: str, analysis: Analysis, state: dict[str, Any]) -> DrillSession:
        """Rebuild a session saved with :meth:`state`, without re-checking old replies."""
        session = cls.__new__(cls)
        session.overview_text = overview_text
        session.analysis = analysis
        session.entities = overview_entities(overview_text)
        session.plan = [
            PlannedQuestion(q["template"], q["family"], q["question"], q["because"])
            for q in state["plan"]
        ]
        session.stopped_at = None
        by_template = {q.template: q for q in session.plan}
        session.turns = [
            Turn(
                by_template[t["template"]],
                t["reply"],
                [
                    CheckResult(
                        c["id"], c["passed"], c["message"], tuple(c["evidence"]), c["direction"]
                    )
                    for c in t["checks"]
                ],
            )
            for t in state["turns"]
        ]
        return session
