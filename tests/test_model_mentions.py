"""Which model a sentence names as the one used, and which model a number belongs to."""

from __future__ import annotations

import re

from deepdive.model_mentions import CHOSEN_AFTER, another_model, nearest_model, same_model


def test_the_number_belongs_to_the_model_named_before_it_not_the_one_beaten() -> None:
    text = "LightGBM beat logistic regression, reaching 0.84 AUC on the holdout."
    at = text.index("0.84")
    assert nearest_model(text, at, at + 4) == "LightGBM"
    text = "The logistic regression got 0.77; LightGBM got 0.84."
    at = text.index("0.77")
    assert nearest_model(text, at, at + 4) == "logistic regression"


def test_a_model_called_the_one_shipped_after_its_name() -> None:
    assert CHOSEN_AFTER.match(" ranker we shipped to all traffic")
    assert CHOSEN_AFTER.match(" we'd shipped") and CHOSEN_AFTER.match(" I’ve deployed")
    assert not CHOSEN_AFTER.match(" we'd never deployed")
    assert not CHOSEN_AFTER.match(" ranker we'd have deployed with more GPUs")
    assert not CHOSEN_AFTER.match(" that we never deployed")
    assert not CHOSEN_AFTER.match(" we almost shipped")


def test_numbers_about_a_tried_or_baseline_model() -> None:
    tried = re.compile(r"\btried\b", re.I)
    assert another_model("I tried a random forest: 0.78 AUC.", [], ["LightGBM"], tried)
    overview_models = ["logistic regression", "LightGBM"]
    reply = "The logistic regression was at 0.72."
    assert another_model(reply, overview_models, ["LightGBM"], tried)
    assert not another_model("LightGBM was at 0.84.", overview_models, ["LightGBM"], tried)
    assert same_model("logistic regression", "logistic regression", ["LightGBM"])
    assert not same_model("LightGBM", "LightGBM", ["LightGBM"])


def test_a_model_the_overview_never_names_is_the_alternative_only_when_asked_about_one() -> None:
    tried = re.compile(r"\btried\b", re.I)
    reply = "I trained a random forest on the same features and it reached 0.71 AUC."
    # asked for a baseline, the new model is the baseline and the number is its own
    assert another_model(reply, ["LightGBM"], ["LightGBM"], tried, new_is_other=True)
    # otherwise a new model is drift in what was used, left to the model check
    assert not another_model(reply, ["LightGBM"], ["LightGBM"], tried)
    # the chosen model's own number stays the chosen model's
    assert not another_model("LightGBM reached 0.88.", [], ["LightGBM"], tried, new_is_other=True)


def test_a_family_named_beside_its_model_stands_for_that_model() -> None:
    from deepdive.model_mentions import specific
    from deepdive.vocab import vocab

    text = "We replaced it with a boosted tree model, CatBoost, and a random forest."
    mentions = vocab().find("models", text)
    family = [m for m in mentions if m.name == "gradient boosting"]
    assert [m.name for m in specific(family, mentions, text)] == ["CatBoost"]
    forest = [m for m in mentions if m.name == "random forest"]
    assert specific(forest, mentions, text) == forest
    # a model of the family named further off, set against the choice, is not it
    text = "We dropped XGBoost and used a gradient boosted model, LightGBM."
    mentions = vocab().find("models", text)
    family = [m for m in mentions if m.name == "gradient boosting"]
    assert [m.name for m in specific(family, mentions, text)] == ["LightGBM"]
    text = "XGBoost overfit, so in the end we used gradient boosting."
    mentions = vocab().find("models", text)
    family = [m for m in mentions if m.name == "gradient boosting"]
    assert specific(family, mentions, text) == family
