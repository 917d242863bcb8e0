"""Who did what: a teammate's work claimed as one's own."""

from __future__ import annotations

import pytest

from deepdive.consistency import find_contradictions
from deepdive.sentences import split_sentences
from deepdive.work_credit import credits

OVERVIEW = (
    "There were three of us on the pricing project. I designed the demand model and ran the "
    "offline evaluation, the platform engineer built the real-time scoring service, and "
    "Priya owned the data contracts with the airline partners."
)


def test_the_overview_credits_teammates_clause_by_clause() -> None:
    found = {c.who: c.work for c in credits(split_sentences(OVERVIEW))}
    assert set(found) == {"the platform engineer", "Priya"}
    assert {"scor", "servic"} <= found["the platform engineer"]


@pytest.mark.parametrize(
    "reply",
    [
        "I built the real-time scoring service myself over a long weekend.",
        "The hard part was partners, since I owned the data contracts from the start.",
    ],
)
def test_claiming_a_teammates_work_contradicts_the_overview(reply: str) -> None:
    found = find_contradictions(OVERVIEW, reply, "", strict=True)
    assert [c.kind for c in found] == ["ownership"]


@pytest.mark.parametrize(
    "reply",
    [
        "I built the real-time scoring service with the platform engineer in two sprints.",
        "The platform engineer built the scoring service, so I could focus on the model.",
        "I designed the demand model around fare classes, which took a month.",
        "It ran the scoring service nightly before we moved to real time.",
    ],
)
def test_shared_credit_ones_own_work_or_no_claim_is_no_contradiction(reply: str) -> None:
    assert not find_contradictions(OVERVIEW, reply, "", strict=True)
