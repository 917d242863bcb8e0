"""The consistency check on labelled overview/reply pairs (issue target: P >= 0.9, R >= 0.8)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from deepdive.consistency import find_contradictions

PAIRS = yaml.safe_load(
    (Path(__file__).parent / "drill" / "contradiction_pairs.yaml").read_text(encoding="utf-8")
)


def _scores(split: str | None) -> tuple[float, float, int]:
    tp = fp = fn = n = 0
    for p in PAIRS["pairs"]:
        if split and p["split"] != split:
            continue
        n += 1
        found = bool(
            find_contradictions(
                PAIRS["overviews"][p["overview"]], p["reply"], p.get("question", "")
            )
        )
        tp += found and p["contradicts"]
        fp += found and not p["contradicts"]
        fn += (not found) and p["contradicts"]
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, n


def test_pair_set_is_big_and_balanced() -> None:
    pairs = PAIRS["pairs"]
    assert len(pairs) >= 40
    assert abs(sum(p["contradicts"] for p in pairs) - len(pairs) / 2) <= 2
    assert len({p["id"] for p in pairs}) == len(pairs)


@pytest.mark.parametrize("split", ["test", None])
def test_precision_and_recall(split: str | None) -> None:
    precision, recall, _ = _scores(split)
    assert precision >= 0.9, f"precision {precision:.2f}"
    assert recall >= 0.8, f"recall {recall:.2f}"


def test_contradiction_quotes_both_sides() -> None:
    ov = PAIRS["overviews"]["fraud"]
    found = find_contradictions(ov, "We halved false positives in the end.", "")
    assert found and found[0].kind == "figure"
    assert "30%" in found[0].overview_quote and "halved" in found[0].reply_quote


def test_no_numbers_no_contradiction() -> None:
    assert find_contradictions("We cut costs by 30%.", "It was a fun project.") == []


def test_a_third_retold_as_half_is_drift_and_a_rewording_is_not() -> None:
    from deepdive.consistency import find_contradictions

    sheet = "Cut confirmed fraud losses by about a third in the first quarter."
    changed = find_contradictions(sheet, "I cut confirmed fraud losses by about half that quarter.")
    assert [c.kind for c in changed] == ["figure"] and "half" in changed[0].message
    assert find_contradictions(sheet, "Fraud losses fell by roughly a third in that quarter.") == []


def test_a_figure_the_overview_states_is_never_a_contradiction() -> None:
    from deepdive.consistency import find_contradictions

    overview = "We cut false alerts from 12% to 7% at a threshold of 0.01; recall stayed at 0.82."
    reply = "The alert rate went down to 7%, and at the 0.01 threshold recall held at 0.82."
    assert find_contradictions(overview, reply) == []


@pytest.mark.parametrize(
    ("overview", "reply", "contradicts"),
    [
        # a number is compared with the one of the same named metric, not its neighbour
        ("Macro-F1 was 0.78 and accuracy was 88%.", "Macro-F1 came in at 0.87.", True),
        ("Macro-F1 was 0.78 and accuracy was 88%.", "Weighted F1 was higher, at 0.87.", False),
        ("ROC-AUC was 0.94 and PR-AUC 0.42.", "The PR-AUC was 0.45.", True),
        ("ROC-AUC was 0.94 and PR-AUC 0.42.", "The PR-AUC sat at 0.60 on the new data.", True),
        # levels said exactly agree only up to their rounding; hedged ones keep some slack
        ("ROC-AUC was 0.94 on the held-out month.", "The ROC-AUC was 0.91.", True),
        ("ROC-AUC was around 0.94 on the held-out month.", "The ROC-AUC was 0.92.", False),
        ("Accuracy was 0.9 on the test set.", "Accuracy was 0.94 on the test set.", False),
        # a metric named after the number in the next clause has its own number
        ("Recall at 500 alerts went from 20% to 45%; AUC 0.91.", "Recall rose to 65%.", True),
        ("Recall at 500 alerts went from 20% to 45%, and AUC 0.91.", "Recall reached 45%.", False),
    ],
)
def test_numbers_meet_only_their_own_metric(overview: str, reply: str, contradicts: bool) -> None:
    assert bool(find_contradictions(overview, reply)) is contradicts


def test_a_number_about_another_model_is_not_a_contradiction() -> None:
    overview = (
        "We chose XGBoost over the logistic regression baseline. On the held-out month "
        "XGBoost reached an AUC of 0.84."
    )
    tried = "We also tried a random forest, which only got an AUC of 0.71."
    assert find_contradictions(overview, tried) == []
    baseline = "Logistic regression only got an AUC of 0.71 there."
    assert find_contradictions(overview, baseline) == []
    assert find_contradictions(overview, "XGBoost reached an AUC of 0.71 on that month.")
    # a model the overview never names is no new subject: the result is told of another model
    assert find_contradictions(overview, "We reached an AUC of 0.71 with LightGBM.")


def test_a_score_is_not_a_count() -> None:
    from deepdive.quantity_frames import read_frames

    frames = read_frames("We got 0.81 macro-F1 there versus 0.72 for the SVM on 1.2 million rows.")
    assert [(f.dim, f.value) for f in frames if f.dim == "count"] == [("count", 1_200_000.0)]


@pytest.mark.parametrize(
    ("said", "digits"),
    [
        ("a couple hundred hand-written rules", "200 hand-written rules"),
        ("a few hundred rules", "a few hundred rules"),
        ("a hundred and five days", "105 days"),
    ],
)
def test_spelled_hundreds(said: str, digits: str) -> None:
    from deepdive.quantity_frames import spell_numbers

    assert spell_numbers(said) == digits


def test_frames_read_what_is_counted_and_open_ended_numbers() -> None:
    from deepdive.quantity_frames import read_frames

    frames = read_frames("Records for 1.2 million postpaid subscribers; default is 90+ days late.")
    assert [(f.dim, f.noun) for f in frames] == [("time", ""), ("count", "subscrib")]


def test_a_retold_choice_of_another_model_is_drift() -> None:
    overview = "In the end we used LightGBM, because it handled sparse merchant features well."
    found = find_contradictions(overview, "I ended up choosing a random forest; it was robust.")
    assert [c.kind for c in found] == ["model"]
    same = "We ended up choosing LightGBM for the sparse features."
    assert find_contradictions(overview, same) == []


def test_a_model_named_by_its_role_is_the_one_used() -> None:
    overview = "We used a DenseNet-121 pretrained on ImageNet and fine-tuned it on the scans."
    found = find_contradictions(overview, "The backbone was a ResNet-50 pretrained on ImageNet.")
    assert [c.kind for c in found] == ["model"]
    same = "The backbone was a DenseNet-121, pretrained on ImageNet."
    assert find_contradictions(overview, same) == []
    # a model said to be an earlier one is no claim about the one used
    old = "The old backbone was a ResNet-50."
    assert find_contradictions(overview, old) == []


def test_a_family_named_beside_a_model_of_it_does_not_hide_a_change() -> None:
    overview = (
        "Logistic regression reached PR-AUC 0.29; a sequence model needed GPS history we kept "
        "for only 7 days. In the end we used LightGBM, because it reached PR-AUC 0.41."
    )
    reply = (
        "I then trained a gradient-boosted tree model with XGBoost, which reached 0.41. The "
        "sequence model needed more history, so I chose the boosted trees."
    )
    found = find_contradictions(overview, reply)
    assert [c.kind for c in found] == ["model"]
    assert "LightGBM" in found[0].message and "XGBoost" in found[0].message
    same = "I trained LightGBM, a gradient-boosted tree model, so I chose the boosted trees."
    assert find_contradictions(overview, same) == []


@pytest.mark.parametrize(
    "overview",
    [
        "We trained a YOLO detector with a ResNet-50 backbone.",
        "We trained a YOLO detector with ResNet-50 as the backbone.",
        "We trained a YOLO detector; its backbone: ResNet-50.",
    ],
)
def test_a_part_the_overview_names_is_no_change_of_model(overview: str) -> None:
    assert find_contradictions(overview, "The backbone was a ResNet-50.") == []


def test_a_baseline_named_after_the_chosen_model_belongs_to_the_baseline() -> None:
    overview = "In the end we used LightGBM, because it handled sparse merchant features well."
    retold = "I trained an XGBoost model against a logistic regression baseline."
    assert [c.kind for c in find_contradictions(overview, retold)] == ["model"]
    kept = "I trained LightGBM against a logistic regression baseline."
    assert find_contradictions(overview, kept) == []


@pytest.mark.parametrize(
    ("overview", "reply", "contradicts"),
    [
        # metrics told as percentages meet only their own metric, qualifier and all
        ("Macro-F1 was 78%.", "Weighted F1 came to 87%.", False),
        ("ROC-AUC was 94%.", "PR-AUC was 42%.", False),
        ("Top-5 accuracy was 92%.", "Top-1 accuracy was 70%.", False),
        ("Our top-5 accuracy was 0.92.", "Our top-1 accuracy was 0.70.", False),
        ("P99 latency was 120 ms.", "Median latency was 40 ms.", False),
        ("ROC-AUC and PR-AUC were 0.94 and 0.42 respectively.", "The PR-AUC was 0.45.", True),
        ("Mean log loss was 0.31.", "Log loss was 0.52.", True),
        # the metric reported, not the operating point it was read at
        ("Offline, precision at 80% recall was 0.41.", "Precision was 0.55 at that recall.", True),
        # rounding: "0.9" spans 0.85-0.95; hedges after the number count too
        ("Accuracy was 0.9 on the test set.", "Accuracy was 0.81 on the test set.", True),
        ("Recall was 90% on the test month.", "Recall was 88% or so on the test month.", False),
        ("Only 0.5 percent of payments were fraud.", "Fraud was 8 percent of payments.", True),
        # a count's noun is its plural noun, not an adjective ending in -ous
        ("We had 5,000 anonymous users.", "We had 8,000 anonymous sessions.", False),
    ],
)
def test_review_cases(overview: str, reply: str, contradicts: bool) -> None:
    assert bool(find_contradictions(overview, reply)) is contradicts


def test_strict_reading_wants_plain_evidence_of_the_same_quantity() -> None:
    overview = "We cut delivery-time MAE to 6.1 minutes, from 9.5 for the heuristic."
    subset = "On Friday evening peaks the MAE is around 11 minutes."
    gap = "The gap between the two splits was 0.7 minutes."
    assert find_contradictions(overview, gap, strict=True) == []
    assert find_contradictions(overview, subset, strict=True) == []
    changed = "The heuristic's MAE was about 10.5 minutes."
    assert find_contradictions(overview, changed, strict=True)


def test_small_shares_and_models_said_with_is() -> None:
    overview = "Fraud was about 0.3% of orders. We trained LightGBM on 200 features."
    assert find_contradictions(overview, "Fraud was 0.8% of orders.")
    assert find_contradictions(overview, "Fraud was 0.3 percent of orders.") == []
    assert [c.kind for c in find_contradictions(overview, "The model was XGBoost.")] == ["model"]
    assert find_contradictions(overview, "The model was LightGBM.") == []


def test_the_whole_after_of_our_is_no_part_and_gini_is_a_metric() -> None:
    overview = "It has to respond within 50 milliseconds at p99, because it runs on every checkout."
    assert find_contradictions(overview, "It is already 12 milliseconds of our 80 ms p99 budget.")
    assert (
        find_contradictions(overview, "It is already 12 milliseconds of our 50 ms p99 budget.")
        == []
    )
    card = "The final scorecard has 14 variables and a Gini of 0.58 on an out-of-time sample."
    assert find_contradictions(card, "It landed at 0.48 Gini out-of-time.", strict=True)


def test_a_baseline_number_meets_the_overview_number_for_that_baseline() -> None:
    overview = (
        "The baseline was the team's logistic regression, which reached an AUC of 0.77 on the "
        "held-out quarter; our gradient-boosted model reached 0.84."
    )
    changed = "The logistic regression was at 0.71 AUC on the held-out quarter, against our 0.84."
    same = "The logistic regression was at 0.77 AUC on that quarter."
    assert find_contradictions(overview, changed, strict=True)
    assert find_contradictions(overview, same, strict=True) == []


def test_part_of_the_population_and_differences_are_new_quantities() -> None:
    overview = "On the held-out year the forecaster's MAE was 6.1 minutes and its recall 0.72."
    segment = "For new restaurants the recall was only 0.55, so they get a wider window."
    longer = "On orders over 40 minutes the MAE was 9 minutes."
    better = "The random split looked 0.7 minutes better, which was leakage."
    for reply in (segment, longer, better):
        assert find_contradictions(overview, reply, strict=True) == [], reply
    assert find_contradictions(overview, "On the held-out year the MAE was 8 minutes.", strict=True)


def test_a_data_source_is_read_near_the_words_that_introduce_it() -> None:
    overview = "The data came from two years of search logs."
    aside = "We had a tight latency budget, and a tree model over a couple hundred documents fit."
    assert find_contradictions(overview, aside, strict=True) == []
    assert find_contradictions(overview, "The data came from support tickets.", strict=True)


def test_training_scores_and_earlier_states_are_not_the_reported_figure() -> None:
    overview = "On the out-of-time six months the model reached a PR-AUC of 0.41."
    for reply in (
        "Training PR-AUC was about 0.55, so there is some overfitting.",
        "When I'd left the ticket tags in, PR-AUC jumped to 0.93.",
        "On the random split it looked like 0.62, which is unrealistically good.",
    ):
        assert find_contradictions(overview, reply, strict=True) == [], reply
    assert find_contradictions(overview, "The PR-AUC on those six months was 0.52.", strict=True)


def test_a_model_called_the_one_shipped_after_its_name_is_a_choice() -> None:
    overview = "I trained a LambdaMART ranker in LightGBM, which we shipped to all traffic."
    for reply in (
        "The random forest ranker we shipped stays under 20 milliseconds.",
        "Our XGBoost model takes the price and stock features directly.",
    ):
        found = find_contradictions(overview, reply, strict=True)
        assert [c.kind for c in found] == ["model"], reply
    kept = "I did try a random forest first, but the LightGBM ranker we shipped was better."
    assert find_contradictions(overview, kept, strict=True) == []


def test_the_model_we_used_is_a_choice_and_one_chosen_over_is_set_aside() -> None:
    overview = (
        "I trained a random forest on the sensor features. I picked it over neural nets because"
        " the plant engineers wanted feature importances."
    )
    for reply in (
        "Next time I'd keep the neural net we used but explain it better.",
        "The neural network that I used was retrained every night on the new readings.",
    ):
        found = find_contradictions(overview, reply, strict=True)
        assert [c.kind for c in found] == ["model"], reply
    for reply in (
        "The random forest we used needed almost no tuning.",
        "A neural net was tempting, but the random forest we used was easier to explain.",
        "The logistic regression we used as a baseline was far behind.",
    ):
        assert find_contradictions(overview, reply, strict=True) == [], reply


def test_a_change_said_the_other_way_is_judged_on_its_own_figure() -> None:
    # the reply's +12% comes close to the conversion change (+13%) told in the same overview
    # sentence, but it is the refund change said the other way round
    overview = (
        "Conversion went from 4.6 percent to 5.2 percent, and refunds fell about 12 percent"
        " over the following month."
    )
    flipped = "Conversion went from 4.6 to 5.2 percent, but refunds rose about 12 percent."
    found = find_contradictions(overview, flipped, strict=True)
    assert [c.kind for c in found] == ["figure"]
    assert "12 percent" in found[0].message
    same = "Conversion went from 4.6 to 5.2 percent, and refunds fell about 12 percent."
    assert find_contradictions(overview, same, strict=True) == []


@pytest.mark.parametrize(
    "reply",
    [
        # a group given with its share of the whole is a subgroup
        "Older sensors, roughly a quarter of the fleet, had recall around 52% on their own.",
        # a population narrowed by what its members did
        "On tickets that mentioned a refund, accuracy was closer to 0.71.",
        # "on those" points back to a subgroup
        "Scanned faxes were under 2% of volume, and on those accuracy was only about 0.6.",
        # a scale supposed with "with ... would"
        "With 4,000 depots we would need a few more workers, maybe an hour a night.",
        # a second figure set against a measured share
        "At 300 alerts a day we caught 62 percent of the fraud, against 38 percent before.",
        # a rate, not a count
        "Roughly one claim in 250 was flagged by the old rules as well.",
        # a year the overview gives, outside any count
        "The old rules had an AUC of 0.81 on the 2023 cohort.",
    ],
)
def test_subgroups_suppositions_rates_and_years_are_no_contradiction(reply: str) -> None:
    overview = (
        "We scored 1.2 million claims across 400 depots, and fraud was about 0.4% of them."
        " Accuracy on held-out tickets was 0.86 and recall was 61%, up from 38%."
        " We trained on the 2020 to 2022 cohorts and tested on 2023; the old rules had an AUC of"
        " 0.81."
        " Scoring took about 5 minutes a night."
    )
    assert find_contradictions(overview, reply) == [], reply


def test_labels_told_from_another_source_contradict_the_overview() -> None:
    overview = (
        "The training set was 40,000 scanned forms annotated in-house by four labelers, and we"
        " tested on forms from new branches."
    )
    moved = "The labels came from the billing system exports, matched back to each form."
    assert [c.kind for c in find_contradictions(overview, moved)] == ["data"]
    kept = "The four labelers annotated about 10,000 forms each over three months."
    assert find_contradictions(overview, kept) == []


def test_the_model_named_by_what_it_does_is_the_one_used() -> None:
    overview = "I used XGBoost for the fraud model rather than a random forest, which was slower."
    found = find_contradictions(overview, "The fraud model was a random forest.", strict=True)
    assert [c.kind for c in found] == ["model"]
    for reply in (
        "The baseline model was a logistic regression on three features.",
        "The fraud model was XGBoost with about 300 trees.",
    ):
        assert find_contradictions(overview, reply, strict=True) == [], reply


OVERVIEW_WITH_CHOICE = (
    "We started from a logistic regression baseline, then chose XGBoost over a neural network"
    " because it handled missing values, and we segmented customers with k-means first."
)


@pytest.mark.parametrize(
    "reply",
    [
        "The k-means we used for segmentation had 6 clusters.",
        "The neural network we used as a comparison overfit quickly.",
        "The logistic regression we used as a quick sanity check was at 0.74 AUC.",
    ],
)
@pytest.mark.parametrize("alternatives", [False, True])
def test_a_model_used_for_something_else_is_not_the_one_chosen(
    reply: str, alternatives: bool
) -> None:
    found = find_contradictions(OVERVIEW_WITH_CHOICE, reply, strict=True, alternatives=alternatives)
    assert [c.kind for c in found if c.kind == "model"] == [], reply


def test_the_model_chosen_after_a_baseline_is_the_one_after_the_choice() -> None:
    found = find_contradictions(
        OVERVIEW_WITH_CHOICE, "We ended up with the neural network in production.", strict=True
    )
    assert [c.kind for c in found] == ["model"]


@pytest.mark.parametrize(
    ("overview", "reply"),
    [
        # a count of people, not the per-person count beside it
        (
            "We scored 600,000 loans; two analysts validated them.",
            "We had 3 analysts, each checking about 200 loans.",
        ),
        (
            "Three radiologists each re-read 1,500 scans.",
            "Four radiologists each re-read 1,500 scans.",
        ),
        # "in 4 weeks" is how long, not a rate
        (
            "Our inspectors labelled 6,000 images in 4 weeks.",
            "Our inspectors labelled 15,000 images in 4 weeks.",
        ),
        # the class a recall is read on is no subgroup
        (
            "Recall on fraud went from 31% to 54%.",
            "Recall went from 31% to 40% on the claims that were fraud.",
        ),
    ],
)
def test_counts_beside_each_or_a_span_and_recall_on_the_class_still_contradict(
    overview: str, reply: str
) -> None:
    assert find_contradictions(overview, reply), reply


@pytest.mark.parametrize(
    ("reply", "contradicts"),
    [
        ("AUC went from 0.64 to 0.74 for thin-file applicants, about 12% of applications.", False),
        ("Among self-employed applicants AUC went from 0.64 to 0.71.", False),
        ("The 30 stores with the most promotions gained the most.", False),
        # "could" of what was done is no supposition
        ("With 3 analysts we could review every declined application.", True),
        ("AUC went from 0.64 to 0.74 overall.", True),
    ],
)
def test_subgroups_said_at_the_end_or_by_selection(reply: str, contradicts: bool) -> None:
    overview = (
        "AUC went from 0.64 to 0.78 overall on the 2022 test vintage. The pilot covered 120"
        " stores, and we had 2 analysts reviewing declines."
    )
    assert bool(find_contradictions(overview, reply)) is contradicts, reply


@pytest.mark.parametrize(
    ("reply", "contradicts"),
    [
        ("The median time to merge rose by about seven hours.", True),
        ("The median time to merge fell by about seven hours.", False),
        ("The median time to merge dropped to 19 hours.", False),
        ("Training took about seven hours on one GPU.", False),
    ],
)
def test_a_span_moved_the_other_way_contradicts(reply: str, contradicts: bool) -> None:
    overview = "It cut the median time for a pull request to merge from 26 hours to 19 hours."
    assert bool(find_contradictions(overview, reply, strict=True)) is contradicts, reply


@pytest.mark.parametrize(
    ("reply", "contradicts"),
    [
        ("Spam messages were about 30% of the data.", True),
        # a what-if before a semicolon does not suppose the statement after it
        ("With ten times the messages we'd need more GPUs; spam is about 30% of the data.", True),
        ("Spam messages were about 12% of the total.", False),
        ("With ten times the messages, spam would be about 30% of the data.", False),
    ],
)
def test_a_share_of_the_whole_is_compared(reply: str, contradicts: bool) -> None:
    overview = "We labelled 80,000 messages, and spam messages were 12% of the total."
    assert bool(find_contradictions(overview, reply, strict=True)) is contradicts, reply


def test_a_what_if_or_a_bug_claims_nothing_in_its_whole_sentence() -> None:
    overview = (
        "The model had to answer within 50 milliseconds at p99, and it ran at 18 milliseconds."
    )
    supposed = "At ten times the traffic, latency would reach 120 milliseconds at p99."
    assert find_contradictions(overview, supposed, strict=True) == []
    for bug in (
        "There was a leak in the labels, and AUC looked like 0.97 until I fixed it.",
        "Our first attempt had a bug: the AUC came out at 0.99.",
    ):
        assert find_contradictions("The final AUC was 0.84.", bug) == [], bug


def test_a_team_said_as_n_of_us_and_scale_supposed_with_times() -> None:
    overview = "I was on the perception team, four of us, and retraining took about a day."
    assert find_contradictions(overview, "With seven of us on perception we could own it.")
    assert find_contradictions(overview, "The four of us owned it end to end.") == []
    supposed = "Ten times the stations is roughly 750 thousand picks a week to label."
    assert find_contradictions("Grasp success went from 410 to 520 picks.", supposed) == []


def test_a_number_for_cases_without_something_is_a_subset() -> None:
    overview = "Sensitivity was 91 percent on the held-out test set."
    subset = "On the 312 positives with no chest tube, sensitivity was 84 percent."
    assert find_contradictions(overview, subset, strict=True) == []


def test_review_cases_for_models_subsets_and_teams() -> None:
    overview = "We went with LightGBM for the churn model and it reached an AUC of 0.84."
    for reply in (
        "We also had a random forest that we never deployed.",
        "Our logistic regression model was only the baseline.",
    ):
        assert find_contradictions(overview, reply, strict=True) == [], reply
    beaten = "LightGBM beat logistic regression, reaching 0.84 AUC on the holdout."
    assert find_contradictions(beaten, "Logistic regression only got 0.70 AUC.", strict=True) == []
    final = "The final model reached an AUC of 0.84 on the holdout."
    for reply in (
        "Specifically, the final model reached an AUC of 0.91 on the holdout.",
        "The final model reached an AUC of 0.91 on the holdout, and for new users it was lower.",
    ):
        assert find_contradictions(final, reply, strict=True), reply
    team = "I led a team of five on the churn model."
    assert find_contradictions(team, "Only two of us on the team labelled data.") == []
    assert find_contradictions(team, "There were seven of us on the churn model.")


def test_a_baseline_model_new_to_the_reply_keeps_its_own_number() -> None:
    overview = (
        "I built a LightGBM model to predict late deliveries from order and route data. "
        "On the last quarter it reached an AUC of 0.88, against the dispatchers' manual flags."
    )
    reply = (
        "I also trained a logistic regression on the same features and it reached an AUC of 0.74."
    )
    question = "Did you try a simpler model as a baseline?"
    assert not find_contradictions(overview, reply, question, strict=True, alternatives=True)
    drift = "We ended up shipping a logistic regression and it reached an AUC of 0.74."
    assert find_contradictions(overview, drift, "How do you know it worked?", strict=True)


def test_the_same_change_with_the_other_sign_is_a_contradiction() -> None:
    overview = (
        "We launched a new bidding model for our ad platform. In the two-week A/B test, "
        "the cost per click for advertisers went down 4 percent while our margin held."
    )
    flipped = "After launch the cost per click for advertisers went up 4 percent, sadly."
    same = "The cost per click for advertisers went down 4 percent, as the test showed."
    assert find_contradictions(overview, flipped, "", strict=True)
    assert not find_contradictions(overview, same, "", strict=True)


RETENTION = (
    "I built a model that cut weekly cancellations from 6.2% to 5.1% for a meal-kit service. "
    "We measured success by precision at the top 10% of scored customers. The old rule reached "
    "a precision of 0.24, and my LightGBM model reached a precision of 0.41."
)


@pytest.mark.parametrize(
    ("reply", "contradicts"),
    [
        # a before -> after said exactly to a tenth: 5.1% and 5.6% are two different results
        ("Cancellations went from 6.2% to 5.6% a week.", True),
        ("Cancellations went from 6.2% to 5.1% a week.", False),
        # the cut-off a metric is read at is no value of that metric
        ("LightGBM's precision at the top 10% was 0.41.", False),
        # a number the candidate calls too good is the bug being told, not a claim
        (
            "The hardest bug was a leak: validation precision was 0.93, which was far too good.",
            False,
        ),
    ],
)
def test_numbers_meet_only_what_they_measure(reply: str, contradicts: bool) -> None:
    assert bool(find_contradictions(RETENTION, reply)) is contradicts


def test_a_contradiction_quotes_the_same_models_number() -> None:
    (c,) = find_contradictions(RETENTION, "The LightGBM model reached a precision of 0.52.")
    assert "0.41" in c.message and "0.24" not in c.message


@pytest.mark.parametrize(
    ("overview", "reply"),
    [
        # a metric "at" a value is that value, not a cut-off
        (
            "We launched with precision at 0.62 and recall at 0.5.",
            "After a month we had precision at 0.9 and recall at 0.8.",
        ),
        ("NDCG at 0.55 was the best we had.", "Our NDCG was 0.41."),
        # "not too good" and "too good to ignore" do not take a number back
        ("We got precision to 0.62.", "The results were too good to ignore: precision hit 0.9."),
    ],
)
def test_values_and_plain_praise_are_still_claims(overview: str, reply: str) -> None:
    assert find_contradictions(overview, reply)


@pytest.mark.parametrize(
    ("overview", "reply", "contradicts"),
    [
        # a share said in words reads as one with its sign
        ("Monthly churn fell from 5.1% to 4.4%.",
         "Monthly churn fell from 5.1 percent to 4.0 percent.", True),
        ("Monthly churn fell from 5.1% to 4.4%.",
         "Monthly churn fell from 5.1 percent to 4.4 percent.", False),
        # two systems side by side: each level meets its counterpart
        ("Hit rate went from 0.44 with the keyword search to 0.58 with the new ranker.",
         "Hit rate went from 0.44 with keyword search to 0.63 with the new ranker.", True),
        ("Hit rate went from 0.44 with the keyword search to 0.58 with the new ranker.",
         "The keyword search alone had a hit rate of 0.44.", False),
        # two spans far apart in size are two things, not one told two ways
        ("Scoring the whole catalogue takes 15 minutes.",
         "We only noticed the drift after 3 weeks.", False),
    ],
)  # fmt: skip
def test_levels_said_in_words_side_by_side_and_far_apart(
    overview: str, reply: str, contradicts: bool
) -> None:
    assert bool(find_contradictions(overview, reply)) is contradicts


def test_two_systems_side_by_side_are_quoted_whole() -> None:
    overview = "Offline recall went from 0.31 for the old rule to 0.52 for XGBoost."
    found = find_contradictions(overview, "Offline recall went from 0.31 for the rule to 0.57.")
    assert [c.kind for c in found] == ["figure"]
    assert "0.52" in found[0].message and "0.57" in found[0].message


def test_a_drill_reply_that_mentions_another_live_test_adds_detail() -> None:
    overview = "We ran a four-week A/B test on a tenth of the users."
    reply = "Before that, the shadow run showed recall slipping by a few points."
    assert not find_contradictions(overview, reply, strict=True)
    assert [c.kind for c in find_contradictions(overview, reply)] == ["live_test"]


def test_a_secondary_model_the_overview_names_is_no_change_of_model() -> None:
    overview = "We used XGBoost, with a logistic regression fallback for new merchants."
    reply = "We retrain the logistic regression fallback every month."
    assert not find_contradictions(overview, reply, strict=True)


@pytest.mark.parametrize(
    ("overview", "reply", "contradicts"),
    [
        # a family named beside one of its models stands for that model
        (
            "We replaced the rules with a boosted tree model, CatBoost, on 90 features.",
            "We went with XGBoost on those features.",
            True,
        ),
        (
            "We replaced the rules with a boosted tree model, CatBoost, on 90 features.",
            "We went with gradient boosting on those features.",
            False,
        ),
        # a backbone is part of a model: naming it says nothing against the model used
        (
            "We trained a YOLO detector with a ResNet-50 backbone.",
            "The backbone was a ResNet, pretrained on ImageNet.",
            False,
        ),
        # a family beside one of its models, and another model of it set against the choice
        (
            "We dropped XGBoost and used a gradient boosted model, LightGBM.",
            "We used LightGBM in the end.",
            False,
        ),
        # the two sides of a change told the other way round
        (
            "Handling time fell from 12 minutes to 7 minutes.",
            "Handling time went from 7 minutes to 12 minutes.",
            True,
        ),
        (
            "Handling time fell from 12 minutes to 7 minutes.",
            "Handling time went from 12 minutes to 7 minutes.",
            False,
        ),
    ],
)
def test_named_models_and_swapped_sides(overview: str, reply: str, contradicts: bool) -> None:
    assert bool(find_contradictions(overview, reply)) is contradicts


def test_a_class_share_told_ten_times_larger_is_a_contradiction() -> None:
    overview = "We had 2 million card payments, and only about 3% of them were fraud."
    found = find_contradictions(overview, "Roughly 30 percent of the examples were fraud.")
    assert [c.kind for c in found] == ["figure"] and "30 percent" in found[0].message
    assert not find_contradictions(overview, "Fraud was about three percent of payments.")


@pytest.mark.parametrize(
    ("reply", "contradicts"),
    [
        # the overview's numbers read at another cut-off
        ("Recall at 50 went from 0.30 to 0.44 with the new features.", True),
        ("Recall@50 went from 0.30 to 0.44 with the new features.", True),
        # the same cut-off, or a new number at another cut-off, is no contradiction
        ("Recall at 200 went from 0.30 to 0.44.", False),
        ("Recall at 50 was 0.38.", False),
    ],
)
def test_a_ranking_metric_is_compared_at_its_own_cut_off(reply: str, contradicts: bool) -> None:
    overview = "Recall at 200 went from 0.30 to 0.44; MRR 0.21."
    assert bool(find_contradictions(overview, reply)) is contradicts


@pytest.mark.parametrize(
    "reply",
    [
        "For clips under 5 seconds, WER was higher, around 14%.",
        "Numbers were the hardest class, around 70% recall.",
    ],
)
def test_a_retelling_number_for_part_of_the_data_is_no_contradiction(reply: str) -> None:
    overview = "Word error rate went from 12% to 9%, and recall on the key terms was 88%."
    assert not find_contradictions(overview, reply)
    assert find_contradictions(overview, "Overall, recall on the key terms was 70%.")


def test_a_cut_off_is_not_a_value() -> None:
    # "at 10" is where NDCG is read, not an NDCG of 10
    assert not find_contradictions("NDCG went from 0.41 to 0.52.", "NDCG at 10 ended at 0.52.")


def test_a_change_undone_is_not_a_change_told_backwards() -> None:
    overview = "Review time dropped from 45 minutes to 19."
    reply = "When the model was switched off, review time went back up from 19 to 45 minutes."
    assert not find_contradictions(overview, reply)


def test_a_baseline_level_agreeing_with_the_before_side_hides_no_change_after() -> None:
    """ "From 31% with the old rule to 64%" after a sheet with the rule at 31% and the model at
    54%: the rule's 31% agrees with the before side and says nothing of the after side."""
    overview = (
        "The rule's precision at 2,000 was 31%. Precision at 2,000 went from 31% to 54% with "
        "the model."
    )
    reply = "Precision at two thousand went from thirty-one percent with the old rule up to 64%."
    assert find_contradictions(overview, reply)
    faithful = "Precision at two thousand went from thirty-one percent with the old rule to 54%."
    assert find_contradictions(overview, faithful) == []


@pytest.mark.parametrize(
    ("overview", "reply", "contradicts"),
    [
        # a confidence interval's level and bounds claim no change of their own
        (
            "In the A/B test revenue per session rose 6.2% (95% CI 3.9% to 8.5%).",
            "Revenue per session rose 9.5% in the A/B test.",
            True,
        ),
        (
            "In the A/B test revenue per session rose 6.2% (95% CI 3.9% to 8.5%).",
            "Revenue per session rose about 6% in the A/B test.",
            False,
        ),
        # a small change told half as large again is another change, not a rounding
        (
            "Weekly revenue went from $10M to $10.5M after launch.",
            "Weekly revenue rose 8% after launch.",
            True,
        ),
        (
            "Weekly revenue went from $10M to $10.5M after launch.",
            "Weekly revenue rose about 5% after launch.",
            False,
        ),
        ("Losses fell by a third after launch.", "Losses fell by about 31% after launch.", False),
        # "two-tower" read as "2-tower" once numbers are spelled as digits is still the model
        (
            "In the end we used LightGBM for ranking.",
            "I went with the two-tower model because it handled vague queries.",
            True,
        ),
    ],
)
def test_intervals_small_changes_and_spelled_model_names(
    overview: str, reply: str, contradicts: bool
) -> None:
    assert bool(find_contradictions(overview, reply)) is contradicts


def test_an_interval_that_is_no_confidence_interval_still_claims_its_change() -> None:
    from deepdive.consistency import consistency_reader
    from deepdive.sentences import split_sentences

    def read(text: str) -> list[str]:
        return [q.text for q in consistency_reader().quantities(split_sentences(text))]

    assert read("After the fix, the alert interval dropped 60% in the first month.") == ["60%"]
    assert read("Revenue rose 6.2% (95% CI 3.9% to 8.5%).") == ["6.2%"]


def test_a_share_of_the_whole_of_any_kind_is_compared() -> None:
    overview = "We had 410,000 review comments. Blocking comments were 18% of the total."
    assert find_contradictions(
        overview, "Blocking comments are about 30% of the data.", strict=True
    )
    assert not find_contradictions(
        overview, "Blocking comments are about 18% of the data.", strict=True
    )
    # after a what-if, in a statement of its own, and with more said after it
    reply = (
        "With twice the comments I'd retrain weekly; blocking comments are about 30% of the"
        " data, so I'd sample the rest down."
    )
    assert find_contradictions(overview, reply, strict=True)
