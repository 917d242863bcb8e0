"""Domain probes: questions a project's domain invites (fairness, position bias, selection bias)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from deepdive import analyze
from deepdive.domain_probes import domain_followups, domains, invited
from deepdive.sentences import split_sentences

SET = Path(__file__).parent / "data" / "domain_answers.yaml"


def _ids(text: str) -> set[str]:
    return {d.id for d in invited(s.text for s in split_sentences(text))}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We scored small-business loan applications for default risk.", {"fairness"}),
        ("We triaged patients in the emergency department by sepsis risk.", {"fairness"}),
        ("The ranker was trained on clicks from the search results page.", {"position_bias"}),
        ("We only have repayment outcomes for approved applicants.", {"selection_bias"}),
        # same words, another sense
        ("Candidate generation pulls 500 items before the ranker scores them.", set()),
        ("We counted clicks on the settings page to size the feature.", set()),
        # already handled in the story
        (
            "The ranker learned from clicks; we used inverse propensity weights for position bias.",
            set(),
        ),
        ("For the credit model we compared approval rates across protected groups.", set()),
    ],
)
def test_a_domain_is_invited_only_by_its_own_sense_and_when_not_handled(
    text: str, expected: set[str]
) -> None:
    assert _ids(text) == expected


def test_every_domain_ends_with_a_template_that_needs_nothing() -> None:
    for d in domains():
        assert d.templates and not d.templates[-1].needs
        assert all(t.family == f"probe:{d.id}" for t in d.templates)


def test_domain_probes_come_with_the_analysis_and_fill_the_model() -> None:
    text = (
        "I built a credit risk model for personal loans. We trained LightGBM on five years of "
        "applications and repayment records, and it cut defaults by 12% against the old "
        "scorecard on an out-of-time test. In hindsight I would have monitored drift sooner."
    )
    families = [f.family for f in analyze(text).followups]
    assert "probe:fairness" in families
    asked = domain_followups([text], {"model": "LightGBM"})
    assert any("LightGBM" in f.question for f in asked)


@pytest.mark.parametrize(
    ("probe", "precision", "recall"),
    [("fairness", 0.7, 0.75), ("position_bias", 0.95, 0.6), ("selection_bias", 0.95, 0.15)],
)
def test_the_blind_domain_set_floor(probe: str, precision: float, recall: float) -> None:
    tp = fp = fn = 0
    for a in yaml.safe_load(SET.read_text(encoding="utf-8"))["answers"]:
        gold, got = probe in a["probes"], probe in _ids(a["answer"])
        tp += gold and got
        fp += got and not gold
        fn += gold and not got
    assert tp / max(1, tp + fp) >= precision and tp / max(1, tp + fn) >= recall
