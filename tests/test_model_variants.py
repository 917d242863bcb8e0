"""Variants within one model family (``deepdive.model_variants``) and the drift they make."""

from __future__ import annotations

import pytest

from deepdive.consistency import find_contradictions
from deepdive.model_variants import variant


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("ResNet-50", "ResNet-18"),
        ("resnet101", "resnet34"),
        ("RoBERTa", "DistilBERT"),
        ("deberta", "roberta"),
        ("bert-base", "bert-large"),
        ("GPT-4", "GPT-4o"),
        ("gpt-3.5", "GPT-4"),
        ("llama 2", "llama 3"),
        ("Mistral", "Llama"),
        ("YOLOv5", "yolov8"),
        ("EfficientNet-b0", "efficientnet-b4"),
    ],
)
def test_another_variant_of_the_family_differs(a: str, b: str) -> None:
    assert variant(a).differs(variant(b))
    assert variant(b).differs(variant(a))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("ResNet", "ResNet-50"),  # the bare family says no variant
        ("BERT", "RoBERTa"),
        ("RoBERTa", "roberta-large"),  # a size said only once is a rewording
        ("T5", "flan-t5"),  # the 5 in T5 is the name, not a version
        ("ResNet-50", "resnet50"),
    ],
)
def test_rewordings_do_not_differ(a: str, b: str) -> None:
    assert not variant(a).differs(variant(b))


def test_retelling_another_variant_is_a_model_drift() -> None:
    found = find_contradictions(
        "I fine-tuned ResNet-50 on the defect photos.", "I trained a ResNet-18 on the photos."
    )
    assert [c.kind for c in found] == ["model"]
    assert "ResNet-50" in found[0].message and "ResNet-18" in found[0].message


@pytest.mark.parametrize(
    ("overview", "reply"),
    [
        ("I fine-tuned ResNet-50 on the defect photos.", "I trained a ResNet on the photos."),
        # a variant the overview itself names was compared, not invented
        (
            "We compared ResNet-18 with ResNet-50 and went with ResNet-50.",
            "ResNet-18 was quicker, but we shipped the ResNet-50.",
        ),
        ("Our final model was RoBERTa.", "Our final model was roberta-large."),
        # the reply names the overview's variant too: a prototype, then the one shipped
        ("Our final model was RoBERTa.", "We used DistilBERT to prototype and went with RoBERTa."),
    ],
)
def test_no_variant_drift(overview: str, reply: str) -> None:
    assert not [c for c in find_contradictions(overview, reply) if c.kind == "model"]


@pytest.mark.parametrize(
    ("overview", "reply"),
    [
        # a size said after the name is part of which model it is
        ("We fine-tuned Whisper-small on 300 hours of calls.", "We fine-tuned Whisper-medium."),
        ("We used Llama 3 70B behind the search box.", "We used Llama 3 8B behind it."),
        # a bare mention of the family elsewhere in the reply changes nothing
        (
            "We fine-tuned Whisper-small on 300 hours of calls.",
            "I tried fine-tuning Whisper and a CTC model. What we shipped was Whisper-medium.",
        ),
    ],
)
def test_a_size_after_the_name_is_part_of_the_variant(overview: str, reply: str) -> None:
    assert [c.kind for c in find_contradictions(overview, reply)] == ["model"]


@pytest.mark.parametrize(
    ("overview", "reply"),
    [
        # a number with its unit after the name is no version or size
        ("We chose ResNet-50 for the scans.", "We went with ResNet 18 months ago."),
        ("We chose RoBERTa-large.", "We went with RoBERTa on 1.5M examples."),
        ("We shipped XGBoost 1.7 in March.", "We shipped XGBoost 2 weeks later."),
        ("We chose Whisper-small.", "We went with Whisper, base rates in mind."),
        # a named size and a parameter count are said of two parts
        ("We chose BERT-large.", "We went with BERT 340M."),
        # a variant the overview names with its size was compared, not invented
        (
            "We compared Whisper-small and Whisper-medium and shipped Whisper-small.",
            "We shipped Whisper-medium.",
        ),
    ],
)
def test_no_size_drift(overview: str, reply: str) -> None:
    assert not [c for c in find_contradictions(overview, reply) if c.kind == "model"]


def test_a_version_said_with_a_trailing_zero_is_the_same_version() -> None:
    from deepdive.model_variants import variant

    assert variant("wav2vec 2.0").version == variant("wav2vec2").version
    assert variant("GPT-3.5").version != variant("GPT-4").version
