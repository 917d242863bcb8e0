"""The answer's own entities, as the follow-up questions use them."""

from __future__ import annotations

import pytest

from deepdive.drill import overview_entities, plan_drill
from deepdive.engine import analyze

RANKING = (
    "I built the search ranking for a shop and lifted click-through by 6% in an A/B test. "
    "The old system was a BM25 baseline. I trained a LambdaMART model with XGBoost on 120 "
    "features, and I picked it over a neural ranker because serving had to stay under 20 ms. "
    "Offline, NDCG at 10 on a held-out week went from 0.41 to 0.47."
)


def test_models_are_asked_about_by_the_names_the_candidate_used() -> None:
    entities = overview_entities(RANKING)
    # checks keep the vocabulary's family names; questions use the names as said
    assert entities["model"] != "LambdaMART" and entities["model_as_said"] == "LambdaMART"
    (why,) = plan_drill(analyze(RANKING), entities, seed=1, families=["why_model"])
    assert "LambdaMART" in why.question and "BM25" in why.question
    assert "TF-IDF" not in why.question and "learning to rank" not in why.question


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("We trained a gradient boosted trees model on the claims.", None),
        (
            "We fine-tuned ResNet-50 on the scans and compared it with logistic regression.",
            "ResNet-50",
        ),
    ],
)
def test_a_generic_mention_keeps_the_family_name(text: str, said: str | None) -> None:
    assert overview_entities(text).get("model_as_said") == said


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # a name of its own for the thing is asked about in the answer's words
        ("We retrieved passages with a bi-encoder trained on our own query logs.", "bi-encoder"),
        ("Quantile regression gave the planners a range, not one number.", "quantile regression"),
        ("A small re-ranker sorted the top 50 candidates.", "re-ranker"),
        # a part or a form of the family name, or a phrase about using it, keeps the family
        ("We mostly relied on neural networks for the images.", None),
        ("Boosting worked best on the tabular features.", None),
        ("With deep learning we could read the scans directly.", None),
    ],
)
def test_a_model_is_asked_about_in_the_answer_s_own_words(text: str, said: str | None) -> None:
    assert overview_entities(text).get("model_as_said") == said


@pytest.mark.parametrize(
    ("text", "alternative"),
    [
        # stages of one system are not alternatives to each other
        ("Item embeddings retrieve 300 candidates, then a LambdaMART ranker orders them.", None),
        ("We compared a random forest with XGBoost and shipped XGBoost.", "random forest"),
        ("We tried an SVM first, but the CNN beat it on recall, so we shipped the CNN.", "SVM"),
        # testing the system is no comparison of its stages
        (
            "Item embeddings retrieve 300 candidates and a LambdaMART ranker orders them; we "
            "tested it on 2 weeks of clicks.",
            None,
        ),
        # features for a model are not the alternative: the model they feed is
        (
            "We compared a TF-IDF logistic regression with DistilBERT and shipped DistilBERT.",
            "logistic regression",
        ),
        # the model set against the chosen one before a stage measured on its own
        (
            "BM25 fetches 100 passages and we shipped a cross-encoder to re-rank them. Compared"
            " with BM25 alone, MRR rose from 0.30 to 0.37. The cross-encoder also beat a random"
            " forest ranker by 0.02 MRR.",
            "random forest",
        ),
    ],
)
def test_the_alternative_is_a_model_compared_or_ruled_out(
    text: str, alternative: str | None
) -> None:
    assert overview_entities(text).get("alternative") == alternative


def test_the_headline_figure_is_quoted_from_its_own_clause() -> None:
    found = overview_entities("The baseline scored 0.64 AUC; the XGBoost model reached 0.79.")
    assert found["figure"] == "“XGBoost model reached 0.79”"


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        (
            "Against the keyword search alone, click-through went from 0.21 to 0.26.",
            "“click-through went from 0.21 to 0.26”",
        ),
        ("Churn, um, went down by, um, 12% that quarter.", "“went down by, um, 12%”"),
        # an aside naming the subject is left out, the subject kept
        (
            "False alarms, the team's main complaint, fell by 40% after launch.",
            "“false alarms fell by 40%”",
        ),
    ],
)
def test_the_headline_figure_is_quoted_without_the_tail_of_a_lead_in(
    text: str, figure: str
) -> None:
    assert overview_entities(text)["figure"] == figure


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("We optimised precision at 80% recall for the analysts.", "precision at 80% recall"),
        ("Recall at 0.5% FPR went from 41% to 63%.", "recall at 0.5% FPR"),
        ("Precision at 2,000 alerts a day went up by a third.", "precision at 2,000"),
        ("We kept precision at the same recall and cut latency.", "precision"),
        ("Precision at 80 percent recall went up by a third.", "precision at 80 percent recall"),
        ("The Gini coefficient rose from 0.41 to 0.52.", "Gini coefficient"),
    ],
)
def test_a_metric_is_asked_about_with_its_operating_point(text: str, metric: str) -> None:
    assert overview_entities(text)["metric"] == metric


@pytest.mark.parametrize(
    ("text", "issue"),
    [
        ("I used a time split, because a random split would leak future fraud patterns.", None),
        # the duplicates were real (removed), the leakage only kept away
        ("We deduplicated the images to avoid leakage between train and test.", "duplicates"),
        ("Nothing from the future leaked into the features.", None),
        # looked for and found, or happening again and again: real
        (
            "We checked for leakage and found the refund flag was set after the chargeback.",
            "leakage",
        ),
        ("The nightly feed would duplicate a third of the rows.", "duplicates"),
        ("It would have leaked the label if we had split at random.", None),
        ("Every few weeks a vendor bug would cause label noise in the tags.", "noisy labels"),
        # a difficulty the project had is asked about
        ("A join on the account table leaked the label into two features.", "leakage"),
        ("Only 0.2% of transactions were fraud, a heavy class imbalance.", "class imbalance"),
        # a kind of difficulty is asked about by its own name, not its family's
        ("The click labels had a strong position bias from the ranking.", "position bias"),
        ("There was label noise in the vendor data.", "noisy labels"),
        ("I cleaned the data from three CRM exports.", "messy data"),
        ("We saw concept drift after the redesign.", "concept drift"),
    ],
)
def test_a_difficulty_only_supposed_or_avoided_is_not_asked_about(
    text: str, issue: str | None
) -> None:
    assert overview_entities(text).get("issue") == issue


def test_a_gap_already_given_is_not_asked_for() -> None:
    from deepdive.followups import followup_bank

    told = (
        "The baseline was a logistic regression at 0.31 PR-AUC. I picked LightGBM, which "
        "scored 0.47 PR-AUC, over it."
    )
    untold = "The baseline was a logistic regression. I picked LightGBM over it on PR-AUC."
    pair = next(t for t in followup_bank().all() if t.id == "wm-pair-metric")
    assert overview_entities(told).get("gap") == "stated"
    assert not pair.usable(overview_entities(told))
    assert "gap" not in overview_entities(untold) and pair.usable(overview_entities(untold))
    other_metrics = (
        "The baseline was a logistic regression that served in 2 ms. I picked LightGBM, which "
        "reached 0.47 PR-AUC and served in 20 ms, over it."
    )
    assert "gap" not in overview_entities(other_metrics)


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("We used deep learning, a big neural network, over two years of payments.", False),
        ("I fine-tuned BERT on the tickets and compared it with TF-IDF.", False),
        ("I trained LightGBM on the tickets and compared it with logistic regression.", True),
    ],
)
def test_deep_learning_is_not_offered_as_the_alternative_to_itself(text: str, asked: bool) -> None:
    from deepdive.followups import followup_bank

    deep = next(t for t in followup_bank().all() if t.id == "wm-deep")
    assert deep.usable(overview_entities(text)) is asked


def test_the_model_named_right_after_the_choice_wins_over_a_stray_choice_word() -> None:
    # "we kept" is about the data, not about logistic regression
    text = (
        "Logistic regression reached PR-AUC 0.29; a sequence model needed GPS history we kept "
        "for only 7 days. In the end we used LightGBM, because it reached PR-AUC 0.41."
    )
    assert overview_entities(text)["model"] == "LightGBM"


def test_the_headline_is_a_change_the_project_made_not_a_level_or_the_old_rule() -> None:
    text = (
        "The baseline was the dispatch rule. That rule caught 31% of late orders. Logistic "
        "regression reached a PR-AUC of 0.29 and LightGBM 0.41. In the A/B test the model cut "
        "late deliveries from 9.1% to 7.8%."
    )
    assert "from 9.1% to 7.8%" in overview_entities(text)["figure"]


def test_rare_events_in_the_world_are_no_class_imbalance() -> None:
    text = (
        "In the end we used LightGBM. It is poorly calibrated during rare events like snowstorms."
    )
    assert "issue" not in overview_entities(text)
    assert overview_entities("Fraud is a rare event, so we used LightGBM.").get("issue") == (
        "class imbalance"
    )


def test_the_chosen_model_on_blind_snippets() -> None:
    """40 snippets written blind, each with the model finally used (see the file's header)."""
    from pathlib import Path

    import yaml

    from deepdive.vocab import vocab

    path = Path(__file__).parent / "data" / "chosen_models.yaml"
    rows = yaml.safe_load(path.read_text(encoding="utf-8"))["snippets"]
    right = sum(
        overview_entities(r["text"]).get("model") == vocab().find("models", r["chosen"])[0].name
        for r in rows
    )
    assert len(rows) == 40 and right >= 32, right


@pytest.mark.parametrize(
    ("text", "model"),
    [
        (
            "LightGBM was our pick. CatBoost came close; logistic regression was the baseline.",
            "LightGBM",
        ),
        (
            "We started with a small transformer, then fine-tuned BERT, which went to production. "
            "Someone pitched an LSTM for latency, but we never built it.",
            "BERT",
        ),
        (
            "I wanted to use a transformer, but the compute was too much, so we stayed with ARIMA.",
            "ARIMA",
        ),
    ],
)
def test_the_model_kept_is_read_in_plain_spoken_words(text: str, model: str) -> None:
    assert overview_entities(text)["model"] == model


def test_a_figure_phrase_never_ends_on_a_word_waiting_for_its_noun() -> None:
    from deepdive.entities import _figure_phrase
    from deepdive.figures import figure_finder
    from deepdive.sentences import split_sentences

    text = "A two-tower model reached 0.455 NDCG@10 but had four times the p99 latency."
    sentence = split_sentences(text)[0]
    phrases = [_figure_phrase(sentence, f) for f in figure_finder().find(text, 0, 0)]
    assert "“had four times the p99 latency”" in phrases


def test_the_headline_is_what_the_project_changed_not_how_two_models_compared() -> None:
    text = (
        "I built the ranker for a recipe app. I tried a deep cross network, but it was two"
        " points better in NDCG and four times slower than XGBoost, so I shipped XGBoost. In a"
        " three-week A/B test, saves per session rose 5%."
    )
    found = overview_entities(text)
    assert found["figure"] == "“saves per session rose 5%”"
    assert found["alternative"] == "deep & cross network"


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        (
            "At a clinic I built a model that cut missed appointments among new patients on the"
            " reminder list from 19% to 12% in a pilot.",
            "“cut missed appointments among new patients on the reminder list from 19% to 12%”",
        ),
        ("We cut false positives by a third.", "“cut false positives by a third”"),
    ],
)
def test_a_result_is_quoted_from_the_verb_that_changed_it(text: str, figure: str) -> None:
    assert overview_entities(text)["figure"] == figure


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # the answer's own words when they name the source, its kind otherwise
        ("The labels were taken from the hospital's billing records.", "billing records"),
        ("The comments were annotated by two senior reviewers.", "human annotations"),
        ("I built the forecast from three years of till data.", "till data"),
    ],
)
def test_a_data_source_is_asked_about_in_the_answers_words(text: str, source: str) -> None:
    assert overview_entities(text)["source"] == source


@pytest.mark.parametrize(
    ("text", "batch"),
    [
        (
            "We score every account in a nightly batch job and the list goes to the sales team.",
            True,
        ),
        (
            "The forecast is refreshed every Monday for the planners, from a boosted model.",
            True,
        ),
        # serving requests live, even with a nightly retrain, is no batch system
        ("It scores each payment in real time, and we retrain it in a nightly batch job.", False),
        ("The ranker answers every query within a 30 ms budget.", False),
        # a weekly retrain says how often it learns, not how it serves
        ("It scores each card payment; I set up the weekly retraining job.", False),
        ("We trained a random forest on the 2022 claims.", False),
    ],
)
def test_a_batch_system_is_told_apart_from_a_live_one(text: str, batch: bool) -> None:
    assert ("batch" in overview_entities(text)) is batch


def test_a_batch_system_is_not_asked_about_latency_or_serving() -> None:
    from deepdive.drill import plan_drill
    from deepdive.engine import analyze

    nightly = (
        "Store managers were ordering fresh produce by gut feel and binning 9% of it. I built a "
        "LightGBM forecast over three years of till data; it runs every night and the orders "
        "for the next day come from it. Waste fell from 9% to 6% in a ten-week pilot."
    )
    live = nightly.replace(
        "it runs every night and", "it answers each store's request in real time and"
    )
    for text, batch in ((nightly, True), (live, False)):
        entities = overview_entities(text)
        asked = [
            q.question.lower()
            for seed in range(12)
            for q in plan_drill(analyze(text), entities, seed=seed, families=["scale_10x"])
        ]
        assert asked
        assert any("latency" in q or "serving" in q for q in asked) is not batch
        assert any("finish in its window" in q for q in asked) is batch
