"""Matching by meaning: stems, concepts, weights and the data file's validation."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from deepdive import meaning
from deepdive.datafiles import DataFileError, parse_yaml
from deepdive.meaning import Weights, cosine, lexicon, stem, terms


@pytest.mark.parametrize(
    ("words", "same"),
    [
        (("normalizing", "normalization", "normalized"), True),
        (("labelled", "labeled", "labels"), True),
        (("running", "run"), True),
        (("batches", "batch"), True),
        (("speed", "sped"), False),
        (("precision", "recall"), False),
    ],
)
def test_stems(words: tuple[str, ...], same: bool) -> None:
    assert (len({stem(w) for w in words}) == 1) is same


def test_synonyms_fold_into_one_concept() -> None:
    assert terms("batchnorm") == terms("batch normalization") == terms("batch norm")
    assert terms("a held-out set") == terms("the validation set")
    assert "c:leakage" in terms("the features leaked the label")


def test_fine_tuning_is_its_own_concept_not_hyperparameter_tuning() -> None:
    assert (
        terms("fine-tuning") == terms("fine tuning") == terms("finetuning") == terms("fine-tuned")
    )
    assert "c:hyperparameter" not in terms("we fine-tuned BERT")
    assert "c:hyperparameter" in terms("hyperparameter tuning") + terms("we tuned the model")


def test_feature_engineering_is_work_on_features_not_engineers() -> None:
    assert terms("feature engineering") == terms("hand-crafted features")
    assert "c:feature" in lexicon().expand(set(terms("feature engineering")))
    assert not set(terms("feature engineering")) & set(terms("engineers and managers"))


def test_stopwords_and_yaml_booleans() -> None:
    assert terms("the and of it on no") == []
    assert terms("false positives") == ["c:confusion_matrix"]  # "false" is not a stopword


def test_specific_terms_imply_general_ones() -> None:
    assert "c:loss" in lexicon().expand(set(terms("cross-entropy")))


def test_weights_favour_rare_terms() -> None:
    w = Weights([["model", "leakage"], ["model"], ["model", "drift"]])
    assert w("leakage") > w("model")
    assert cosine(["leakage"], ["leakage"], w) == pytest.approx(1.0)
    assert cosine(["model"], ["drift"], w) == 0.0


def _load(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(meaning, "load_data", lambda name: parse_yaml(text, name))
    meaning.lexicon.cache_clear()
    try:
        meaning.lexicon()
    finally:
        monkeypatch.undo()
        meaning.lexicon.cache_clear()


BASE = """thresholds: {covered: 0.3, same_question: 0.7, near_duplicate: 0.7, meaning_weight: 0.6,
  meaning_match: 0.8, meaning_near: 0.75, meaning_near_share: 0.7}
stopwords: [the, of]
question_openings: [tell me about]
concepts:
  - [leakage, leak]
  - [drift, shift]
broader: {}
"""


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("[the, of]", "[the, no]", "stopword False must be a string"),
        ("  - [drift, shift]", "  - [drift, leak]", r"meaning.yaml:7: 'leak' already belongs"),
        ("  - [drift, shift]", "  - [drift]", "meaning.yaml:7: a concept needs"),
        ("  - [drift, shift]", "  - [drift, the]", "meaning.yaml:7: phrase 'the' has no content"),
        ("covered: 0.3", "covered: 3", "'covered' must be between 0 and 1"),
        ("broader: {}", "broader: {leak: drift shift}", "broader entries must each read as one"),
        # an unquoted null is no phrase: YAML reads it as nothing ("none" once matched "non-")
        ("  - [drift, shift]", "  - [drift, null]", "meaning.yaml:7: None is not text; quote it"),
    ],
)
def test_malformed_meaning_file_is_named(
    old: str, new: str, message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _load(BASE, monkeypatch)
    with pytest.raises(DataFileError, match=message):
        _load(BASE.replace(old, new), monkeypatch)


@given(st.text(max_size=300))
def test_terms_never_fail_on_free_text(text: str) -> None:
    out = terms(text)
    assert all(isinstance(t, str) and t for t in out)


@pytest.mark.parametrize(
    ("text", "concept", "present"),
    [
        # phrases that would shrink to one word match only word for word
        ("a cut-off date", "c:threshold", True),
        ("cutting the threshold search short", "c:threshold", True),
        ("cutting costs", "c:threshold", False),
        ("since then it improved", "c:afterwards", True),
        ("since the model was small", "c:afterwards", False),
        ("we roll out the model", "c:deploy", True),
        ("on the held-out set", "c:validation", True),
    ],
)
def test_exact_phrases(text: str, concept: str, present: bool) -> None:
    from deepdive.meaning import terms

    assert (concept in terms(text)) is present


def test_a_possessive_is_read_as_its_noun() -> None:
    assert terms("the classifier's scores") == terms("the classifier scores")
    assert terms("the model’s errors") == terms("the model errors")
    assert "it" not in terms("it's fine") and terms("that's all") == []


def test_abbreviations_people_type_name_the_same_concept() -> None:
    assert terms("xgb") == terms("gradient boosting") == terms("lgbm")
    assert terms("copilot") == terms("coding assistant")
