"""Vocabulary mentions (deepdive/vocab.py with data/vocab.yaml)."""

from __future__ import annotations

import pytest

from deepdive.vocab import vocab


@pytest.mark.parametrize(
    "text",
    [
        "We developed a few deep learning models for the scanned forms.",
        "The team used deep learning to read the meter photos.",
        "A deep learning approach beat the hand-tuned filters.",
        "We stacked two feed-forward networks.",
    ],
)
def test_deep_learning_used_is_a_model_family(text: str) -> None:
    assert vocab().names("models", text) == ["neural network"]


@pytest.mark.parametrize(
    "text",
    [
        "I have always been curious about deep learning.",
        "She teaches a deep learning course on Tuesdays.",
    ],
)
def test_deep_learning_as_a_field_is_no_model(text: str) -> None:
    assert vocab().names("models", text) == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The labels came from chargeback records, weeks after each payment.", "chargebacks"),
        ("We read the customer complaint tickets from the last year.", "support tickets"),
        ("The amounts keyed into the ERP served as labels.", "business systems"),
        ("Failures were read off the maintenance work orders.", "maintenance records"),
        ("The turbines stream SCADA readings every ten minutes.", "sensor data"),
        ("Labels were parsed out of the radiology reports.", "health records"),
        ("Two pathologists reviewed every slide we kept.", "human annotations"),
        ("Outcomes were read from the nurses' follow-up call notes.", "staff notes"),
        ("Labels came from the supervisors' end-of-shift reports.", "staff notes"),
    ],
)
def test_data_sources_people_name(text: str, source: str) -> None:
    assert source in vocab().names("data_sources", text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("We moved the ad ranker to a DeepFM model.", "factorization machine"),
        ("A DCN-v2 ranker replaced the crosses we wrote by hand.", "deep & cross network"),
        ("We started from a wide and deep model.", "wide & deep"),
    ],
)
def test_ranking_model_families_are_named(text: str, name: str) -> None:
    assert vocab().names("models", text) == [name]


@pytest.mark.parametrize(
    ("text", "names", "family"),
    [
        ("The demand model was a causal forest.", ["causal forest"], "random forest"),
        ("We fine-tuned Donut to read the receipts.", ["Donut"], "transformer"),
        ("The team ordered donut boxes for the demo.", [], ""),
    ],
)
def test_named_models_and_their_families(text: str, names: list[str], family: str) -> None:
    assert vocab().names("models", text) == names
    for name in names:
        assert vocab().is_a(name, family)
