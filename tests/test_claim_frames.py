"""Comparisons said the other way round and denied claims stated as true
(deepdive/claim_frames.py), and their use through ``directions.contradiction``."""

from __future__ import annotations

import pytest

from deepdive.claim_frames import affirms_denied, compared_backwards
from deepdive.directions import contradiction


@pytest.mark.parametrize(
    ("point", "sentence"),
    [
        # the two sides crossed, same direction
        (
            "Overfitting shows as training scores far better than validation scores.",
            "You can tell it overfits when the validation score is higher than the training score.",
        ),
        # same sides, the other direction
        (
            "Small batches give gradient estimates with higher variance than large batches.",
            "Small batches have lower variance than large batches.",
        ),
        (
            "Ensembles usually generalise better than a single deep tree.",
            "An ensemble generalises worse than a single deep tree.",
        ),
        # comparatives of speed, noise and cost, and a verb both sides share
        (
            "Small batches are noisier than large batches.",
            "Large batches are noisier than small ones.",
        ),
        ("Precision matters more than recall here.", "Recall matters more than precision here."),
    ],
)
def test_comparisons_the_other_way_round(point: str, sentence: str) -> None:
    assert compared_backwards(point, sentence)
    assert contradiction(point, sentence)


@pytest.mark.parametrize(
    ("point", "sentence"),
    [
        # the same comparison, reworded
        (
            "Overfitting shows as training scores far better than validation scores.",
            "The training score is much higher than the validation score when it overfits.",
        ),
        # lower error is better: "better" and "lower" are not read against each other
        (
            "The tuned model has lower error than the baseline.",
            "The tuned model did better than the baseline.",
        ),
        # a number, not a side ("more than 5")
        (
            "Use more than five folds when data is scarce.",
            "With little data I would use more than ten folds.",
        ),
        # no comparison in the sentence
        (
            "Boosting usually beats bagging on tabular data, more often than not.",
            "Boosting fits each tree to the errors of the ones before.",
        ),
    ],
)
def test_comparisons_that_agree_or_do_not_meet(point: str, sentence: str) -> None:
    assert compared_backwards(point, sentence) is None


@pytest.mark.parametrize(
    ("point", "sentence"),
    [
        # said from the other side, with the opposite comparative
        (
            "Training loss is lower than validation loss when the model overfits.",
            "When it overfits, validation loss is higher than training loss.",
        ),
        (
            "Quantized models have lower latency than full-precision models.",
            "Full-precision models have higher latency than quantized ones.",
        ),
        (
            "Linear models are more interpretable than deep networks.",
            "Deep networks are less interpretable than linear models.",
        ),
        # another quantity compared: loss, where the point compares accuracy
        (
            "Training accuracy is higher than validation accuracy when it overfits.",
            "When it overfits, validation loss is higher than training loss.",
        ),
        # a negated comparison
        ("Boosting is better than bagging here.", "Bagging is no better than boosting here."),
    ],
)
def test_agreeing_or_unrelated_comparisons_are_not_contradictions(
    point: str, sentence: str
) -> None:
    assert contradiction(point, sentence) is None


@pytest.mark.parametrize(
    ("point", "sentence"),
    [
        (
            "A confidence interval is not the range that holds the true value with 95% chance.",
            "A confidence interval is the range that holds the true value with 95% chance.",
        ),
        (
            "Augmentations must not change the label of the example.",
            "Good augmentations change the label of the example to add variety.",
        ),
        (
            "Correlation does not imply causation between the two variables.",
            "Here the correlation implies causation, so we can act on it.",
        ),
    ],
)
def test_what_the_point_denies_stated_as_true(point: str, sentence: str) -> None:
    assert affirms_denied(point, sentence)
    assert contradiction(point, sentence)


@pytest.mark.parametrize(
    ("point", "sentence"),
    [
        # the sentence agrees: it negates too
        (
            "Augmentations must not change the label of the example.",
            "Whatever you do, the augmentation shouldn't change the label.",
        ),
        # it reports the claim as a mistake
        (
            "A confidence interval is not the range that holds the true value with 95% chance.",
            "A common mistake is to read it as the range holding the true value with 95% chance.",
        ),
        # the right definition shares the words but spreads them out
        (
            "A p-value is not the probability that the null is true.",
            "It is the probability of results at least this extreme if the null were true.",
        ),
        # the denial is about something else
        (
            "Accuracy is not a good metric for imbalanced data.",
            "F1 is a good metric for imbalanced data.",
        ),
        (
            "The test set should not be used for model selection.",
            "The validation set should be used for model selection.",
        ),
        # the right definition, its words spread out
        (
            "A p-value is not the probability that the null hypothesis is true.",
            "A p-value is the probability of data this extreme assuming the null hypothesis"
            " is true.",
        ),
        # a contrast tacked on is not a denial ("not just ...")
        (
            "Report a range of outcomes, not just a single point estimate.",
            "I give a single point estimate and a range around it.",
        ),
    ],
)
def test_agreements_are_not_read_as_affirming_a_denial(point: str, sentence: str) -> None:
    assert affirms_denied(point, sentence) is None


@pytest.mark.parametrize(
    ("point", "sentence"),
    [
        ("Percentile intervals tend to undercover with small samples.", "They overcover."),
        ("Naive forecasts often underestimate peak demand.", "They overestimate the peaks."),
    ],
)
def test_over_and_under_are_directions(point: str, sentence: str) -> None:
    assert contradiction(point, sentence)


def test_over_and_undersampling_are_not_opposites() -> None:
    assert (
        contradiction(
            "Undersample the majority class or reweight it.", "Oversample the minority class."
        )
        is None
    )


@pytest.mark.parametrize(
    ("point", "sentence"),
    [
        ("Batch scoring is cheaper and simpler to monitor.", "Real-time scoring is cheaper."),
        (
            "Quantization-aware training simulates rounding during training.",
            "PTQ simulates rounding during training.",
        ),
    ],
)
def test_more_concepts_candidates_mix_up(point: str, sentence: str) -> None:
    assert contradiction(point, sentence)


def test_batch_size_is_not_batch_scoring() -> None:
    assert (
        contradiction(
            "A larger batch size needs a retuned learning rate.",
            "For real-time serving keep a larger batch size and retune the learning rate.",
        )
        is None
    )


def test_missing_a_positive_is_the_other_side_of_a_false_alarm() -> None:
    point = "precision matters when false alarms are costly"
    assert contradiction(point, "Precision matters most when missing a real case is costly.")
    assert contradiction(point, "Precision matters when false alarms are expensive.") is None


def test_a_property_given_to_the_other_side_is_backwards() -> None:
    point = "Batch scoring is cheaper and simpler to monitor."
    assert compared_backwards(point, "Real-time scoring is cheaper than batch scoring.")
    assert compared_backwards(point, "Batch scoring is cheaper than real-time scoring.") is None


def test_nothing_compared_is_no_comparison() -> None:
    assert compared_backwards("Batch scoring is cheaper.", "Nothing is cheaper than batch.") is None
