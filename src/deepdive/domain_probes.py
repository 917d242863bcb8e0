"""Domain probes: follow-ups invited by what a project is about (``data/domains.yaml``).

Some questions an interviewer asks are not about a gap in how the story was told but about its
domain: a model that decides about people (loans, hiring, patients) invites a question on
fairness; labels from clicks on a ranked list invite one on position bias; outcomes known only
for approved or flagged cases invite one on the selection bias in the labels. A domain is
invited when its cues are in the candidate's own words and the story does not already say how
it was handled.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from deepdive.analysis import Followup
from deepdive.datafiles import compile_patterns, keys, load_data, require
from deepdive.followups import Template, _templates

FILE = "domains.yaml"


@dataclass(frozen=True)
class Domain:
    id: str
    cues: re.Pattern[str]
    context: re.Pattern[str] | None
    answered: re.Pattern[str]
    templates: tuple[Template, ...]

    def invited_by(self, text: str) -> bool:
        """Does ``text`` (the candidate's own words) invite this domain's probe?"""
        if not self.cues.search(text) or self.answered.search(text):
            return False
        return self.context is None or bool(self.context.search(text))


@cache
def domains() -> tuple[Domain, ...]:
    """Every domain of ``data/domains.yaml``, validated."""
    cfg = load_data(FILE)
    out: list[Domain] = []
    for name in keys(cfg):
        node = require(FILE, cfg, name, dict)
        context = require(FILE, node, "context", list) if "context" in node else None
        out.append(
            Domain(
                name,
                compile_patterns(FILE, node, require(FILE, node, "cues", list)),
                compile_patterns(FILE, node, context) if context else None,
                compile_patterns(FILE, node, require(FILE, node, "answered", list)),
                tuple(_templates(FILE, node, "templates", f"probe:{name}")),
            )
        )
    return tuple(out)


def invited(sentences: Iterable[str]) -> list[Domain]:
    """The domains the candidate's sentences invite, in file order."""
    text = " ".join(sentences)
    return [d for d in domains() if d.invited_by(text)]


def domain_followups(sentences: Iterable[str], entities: dict[str, str]) -> list[Followup]:
    """One probe per invited domain: its first template the answer's entities can fill."""
    out: list[Followup] = []
    for d in invited(sentences):
        template = next(t for t in d.templates if t.usable(entities))
        out.append(template.fill(f"probe:{d.id}", entities))
    return out
