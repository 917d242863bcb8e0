"""Plan the follow-up questions an interviewer would ask after this overview.

Probes for what the answer left out come first (one per finding, most serious first), then
one question from each of the five follow-up families: why this model, how you knew it worked,
the hardest bug or surprise, what breaks at 10x, and what you would change in hindsight.
Templates live in ``data/followups.yaml`` and are filled with the answer's own entities.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from deepdive.analysis import Finding, Followup
from deepdive.datafiles import DataFileError, fail, keys, load_data, require
from deepdive.entities import FACTS, SLOTS, as_asked

FAMILIES = ("why_model", "how_known", "hardest_bug", "scale_10x", "hindsight")


@dataclass(frozen=True)
class Template:
    id: str
    family: str
    needs: tuple[str, ...]
    question: str
    because: str
    unless: tuple[str, ...] = ()  # facts the answer states that make the question moot
    when: tuple[str, ...] = ()  # facts the question fits only with ("batch": a batch system)

    def usable(self, entities: dict[str, str]) -> bool:
        return (
            all(n in entities for n in self.needs)
            and not any(u in entities for u in self.unless)
            and all(w in entities for w in self.when)
        )

    def fill(self, family: str, entities: dict[str, str]) -> Followup:
        said = as_asked(entities)
        return Followup(
            family=family,
            question=self.question.format(**said),
            because=self.because.format(**said),
        )


def _templates(name: str, node: object, key: str, family: str) -> list[Template]:
    items = require(name, node, key, list)
    out: list[Template] = []
    for item in items:
        needs = tuple(require(name, item, "needs", list))
        template_id = require(name, item, "id", str)
        for slot in needs:
            if slot not in SLOTS:
                raise fail(name, item, f"unknown slot {slot!r}; known: {', '.join(SLOTS)}")
        unless = tuple(require(name, item, "unless", list)) if "unless" in item else ()
        when = tuple(require(name, item, "when", list)) if "when" in item else ()
        for fact in (*unless, *when):
            if fact not in FACTS:
                raise fail(name, item, f"unknown fact {fact!r}; known: {', '.join(FACTS)}")
        t = Template(
            template_id,
            family,
            needs,
            require(name, item, "question", str),
            require(name, item, "because", str),
            unless,
            when,
        )
        sample = dict.fromkeys(SLOTS, "x")
        try:
            t.question.format(**sample)
            t.because.format(**sample)
        except (KeyError, IndexError, ValueError) as exc:
            raise fail(name, item, f"bad placeholder in template: {exc}") from None
        used = {s for s in SLOTS if "{" + s + "}" in t.question + t.because}
        if not used <= set(needs):
            raise fail(
                name, item, f"template uses {sorted(used - set(needs))} without needing them"
            )
        out.append(t)
    if not out or out[-1].needs or out[-1].when:
        raise DataFileError(f"{name}: '{key}' must end with a template that needs nothing")
    return out


@dataclass(frozen=True)
class FollowupBank:
    families: dict[str, list[Template]]
    probes: dict[str, list[Template]]

    def all(self) -> list[Template]:
        out = [t for ts in self.families.values() for t in ts]
        return out + [t for ts in self.probes.values() for t in ts]


@cache
def followup_bank() -> FollowupBank:
    """Templates from ``data/followups.yaml``, validated."""
    name = "followups.yaml"
    cfg = load_data(name)
    fams = require(name, cfg, "families", dict)
    probes = require(name, cfg, "probes", dict)
    bank = FollowupBank(
        families={f: _templates(name, fams, f, f) for f in FAMILIES},
        probes={k: _templates(name, probes, k, f"probe:{k}") for k in keys(probes)},
    )
    seen: set[str] = set()
    for t in bank.all():
        if t.id in seen:
            raise DataFileError(f"{name}: template id {t.id!r} is used twice")
        seen.add(t.id)
    return bank


def _first_usable(templates: list[Template], entities: dict[str, str]) -> Template:
    return next(t for t in templates if t.usable(entities))


def plan_followups(
    findings: list[Finding], entities: dict[str, str], domain: Sequence[Followup] = ()
) -> list[Followup]:
    """Probes for the findings (major first), the ``domain`` probes the project invites
    (``deepdive.domain_probes``), then one question per family."""
    bank = followup_bank()
    out: list[Followup] = []
    ranked = sorted(findings, key=lambda f: f.severity != "major")
    for finding in ranked:
        templates = bank.probes.get(finding.id)
        if templates:
            out.append(_first_usable(templates, entities).fill(f"probe:{finding.id}", entities))
    out.extend(domain)
    for family in FAMILIES:
        out.append(_first_usable(bank.families[family], entities).fill(family, entities))
    return out
