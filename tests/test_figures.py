from __future__ import annotations

import pytest

from deepdive.figures import figure_finder


def figures(text: str) -> list[tuple[str, str, bool]]:
    return [(f.text, f.kind, f.result) for f in figure_finder().find(text, 0, 0)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We cut false positives by a third.", [("by a third", "relative", True)]),
        ("AUC went from 0.81 to 0.86.", [("from 0.81 to 0.86", "before_after", True)]),
        ("Error fell from 8% to 5%.", [("from 8% to 5%", "before_after", True)]),
        ("It made scoring 2x faster.", [("2x", "multiplier", True)]),
        ("Throughput increased tenfold.", [("tenfold", "multiplier", True)]),
        ("Latency was twice as low.", [("twice as", "multiplier", True)]),
        ("We doubled recall.", [("doubled", "multiplier", True)]),
        ("It cut review time in half.", [("cut review time in half", "relative", True)]),
        (
            "Queries got an order of magnitude cheaper.",
            [("an order of magnitude", "magnitude", True)],
        ),
        # an amount of data told as a time span is no result, even beside a word of growth
        (
            "To forecast sales growth we trained on 6 years of data.",
            [("6 years", "duration", False)],
        ),
        # ... but time spent working on the data is an effort, which a change makes a result
        ("We saved 6 hours of data processing every night.", [("6 hours", "duration", True)]),
        # "found out" is learning something, not finding cases
        ("We found out in 2 hours that the labels were shifted.", [("2 hours", "duration", False)]),
        ("It found 40% more duplicates than the old rule.", [("40%", "percent", True)]),
        ("The PR-AUC sat at 0.60 on the new data.", [("0.60", "metric", True)]),
        # a number in a question is asked about, not had; a question tag keeps a statement
        ("So what if your recall fell to 40%?", [("40%", "percent", False)]),
        ("So we cut churn by 12% in the pilot stores, right?", [("12%", "percent", True)]),
        # a requirement, an expectation or a request is no result
        (
            "Regulators require us to keep the false positive rate below 1%.",
            [("1%", "percent", False)],
        ),
        ("We expect it to cut costs by 20% once it is rolled out.", [("20%", "percent", False)]),
        ("Leadership asked for a 20% reduction in returns.", [("20%", "percent", False)]),
        # a goal or a wish said earlier in the sentence does not swallow a result after it
        (
            "The goal was simple and the model delivered a 30% cut in fraud losses.",
            [("30%", "percent", True)],
        ),
        ("Users got exactly what they wanted and churn fell 12%.", [("12%", "percent", True)]),
        # a span that places something in time is no result
        (
            "I trained on a window ending four months back to avoid late labels.",
            [("four months", "duration", False)],
        ),
        # "earlier" as an adverb of the sentence is no comparison
        ("As I mentioned earlier, 30% of the calls were spam.", [("30%", "percent", False)]),
        # a setting moved from one span to another, a cost said now: no result
        (
            "We changed the forecast horizon from a day to a week.",
            [("from a day to a week", "before_after", False)],
        ),
        (
            "Previously we labelled by hand; now we spend $2k a month on a vendor.",
            [("$2k", "money", False)],
        ),
        # targets and wishes are not results
        (
            "Our goal was to beat the old vendor by at least 4 points on recall.",
            [("4 points", "points", False)],
        ),
        ("We were aiming for a precision of 90 percent.", [("90 percent", "percent", False)]),
        ("The board wanted at least a 15% cut in returns.", [("15%", "percent", False)]),
        # outcomes said in other ways
        ("Alerts now go out three hours earlier than before.", [("three hours", "duration", True)]),
        ("The backlog of disputes shrank by half.", [("shrank by half", "relative", True)]),
        (
            "It picks the right label seven times out of ten, against chance for the old rule.",
            [("seven times out of ten", "relative", True)],
        ),
        (
            "A full retrain, which used to take a week of manual steps, now runs in six hours.",
            [("six hours", "duration", True)],
        ),
        (
            "Triage went from roughly an hour to under ten minutes.",
            [("from roughly an hour to under ten minutes", "before_after", True)],
        ),
        (
            "We reduced storage spend on the feature store by about $9k a month.",
            [("$9k", "money", True)],
        ),
        (
            "The tagger now handles maybe a third of tickets alone.",
            [("maybe a third", "relative", True)],
        ),
        # a share of the time got right, supposed rather than measured, or said of people
        (
            "A lazy model could predict that no one churns and be right 80% of the time.",
            [("80%", "percent", False)],
        ),
        ("A model that always says no is right 97% of the time.", [("97%", "percent", False)]),
        ("Humans accurately label 95% of the images.", [("95%", "percent", False)]),
        (
            "We needed a model that correctly classifies 95% of the tickets.",
            [("95%", "percent", False)],
        ),
        (
            "It gets the shelf location right 91% of the time in live use.",
            [("91%", "percent", True)],
        ),
        # how often the system got it right is a result; how well the data was made is not
        (
            "The parser correctly extracts the invoice total 85% of the time.",
            [("85%", "percent", True)],
        ),
        (
            "Only 3% of the scans were labelled correctly by the vendor.",
            [("3%", "percent", False)],
        ),
        # a size said as a magnitude, with nothing it is compared with, is no result
        (
            "We mean an order of magnitude here, tens of thousands of scans.",
            [("an order of magnitude", "magnitude", False)],
        ),
        (
            "Indexing got two orders of magnitude faster.",
            [("two orders of magnitude", "magnitude", True)],
        ),
        (
            "We saw an order-of-magnitude drop in false alarms.",
            [("an order-of-magnitude", "magnitude", True)],
        ),
        ("It saved about $1.2M a year.", [("$1.2M", "money", True)]),
        ("Recall improved by fifteen points.", [("fifteen points", "points", True)]),
        ("Churn dropped thirty percent.", [("thirty percent", "percent", True)]),
        ("The model reached 92% accuracy.", [("92%", "percent", True)]),
        ("The F1 was 0.84 on held-out data.", [("0.84", "metric", True)]),
        (
            "Keying went from about six hours a day to under one.",
            [("from about six hours a day to under one", "before_after", True)],
        ),
        (
            "Urgent cases are read in twenty minutes instead of four hours.",
            [("twenty minutes", "duration", True), ("four hours", "duration", False)],
        ),
        (
            "Wait time fell from about seven minutes to just under five.",
            [("from about seven minutes to just under five", "before_after", True)],
        ),
        (
            "The list had three times the churn rate of the old one.",
            [("three times the", "multiplier", True)],
        ),
        ("It is now used by over three hundred law firms.", [("three hundred", "count", True)]),
        (
            "um so it cut the number of missed deliveries by like a third",
            [("by like a third", "relative", True)],
        ),
        (
            "It flagged all three of the ones that had caused user complaints.",
            [("flagged all three of the ones", "count", True)],
        ),
        (
            "It warned of 9 of 12 breakdowns a day ahead.",
            [("9 of 12", "relative", True)],
        ),
        (
            "Our team ended up 9th on the private leaderboard.",
            [("ended up 9th on", "count", True)],
        ),
        ("Sign-ups grew by more than 40% after the redesign.", [("40%", "percent", True)]),
        # a metric's cut-off is no figure, right after its name too
        ("MRR@20 climbed 9% once the reranker shipped.", [("9%", "percent", True)]),
        # a before/after said with an arrow, with or without a "from" elsewhere
        ("AUC went 0.71 → 0.83 after the fix.", [("0.71 → 0.83", "before_after", True)]),
        (
            "Moving from batch to streaming took p99 latency 120 ms -> 45 ms.",
            [("120 ms -> 45 ms", "before_after", True)],
        ),
        (
            "Latency dropped to 45 ms @ 1,200 QPS.",
            [("45 ms", "duration", True), ("1,200", "metric", True)],
        ),
        # what had the first value, between the two
        (
            "Hit rate went from 0.44 with the keyword search to 0.58.",
            [("from 0.44 with the keyword search to 0.58", "before_after", True)],
        ),
        ("Precision dropped by a point on the new stores.", [("a point", "points", True)]),
        ("Churn fell 2 points in time for the renewal.", [("2 points", "points", True)]),
        (
            "Their after-call time went down by about ninety seconds per call.",
            [("ninety seconds", "duration", True)],
        ),
    ],
)
def test_result_figures(text: str, expected: list[tuple[str, str, bool]]) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Only 0.3% of transactions were fraud.",
        "We had 2.5 million rows and 300 features.",
        "The team was losing about $2M a year to fraud.",
        "It took three months and a team of 12 engineers.",
        "Most beats are normal (around 90%), about 100k labelled beats in all.",
        "I shuffled all beats before splitting 80/20.",
        "At a warehouse automation startup our picking arm failed on about one in seven grasps.",
        "We signed up more than 250 volunteer drivers in the first campaign.",
        "The form drew fewer than 80 replies from the two depots.",
        # words that merely start like a verb of outcome: fellows, delivery, generation
        "Each cohort took on 25 fellows, each paired with a mentor.",
        "The delivery startup had 35 couriers in two cities.",
        "The generation step took 20 minutes per batch of prompts.",
        "The scorecard listed 12 criteria for each loan officer.",
        # "more than" belongs to the next number, not to the share before it
        "About 9% of orders arrived more than 15 minutes late, each costing about $4.",
    ],
)
def test_setup_figures_are_not_results(text: str) -> None:
    assert figures(text), "the figure itself should still be found"
    assert not any(result for _, _, result in figures(text))


@pytest.mark.parametrize(
    "text",
    [
        "We used GPT-4 and ResNet-50.",
        "In 2023 we ran 5-fold cross-validation.",
        "The F1 metric.",
        "Everything ran on Python 3.11 with CUDA 12.1.",
        "The photos are shared under a CC BY 4.0 licence.",
        "We pinned the client at 2.14.3 after the upgrade broke it.",
        "The model gives a point estimate, not a range.",
        "From a point of view of the nurses, it was one more screen.",
    ],
)
def test_identifiers_are_not_figures(text: str) -> None:
    assert figures(text) == []


def test_offsets_are_absolute() -> None:
    text = "Intro. We cut costs by 40%."
    found = figure_finder().find(text[7:], 7, 1)
    assert [(text[f.start : f.end], f.sentence) for f in found] == [("40%", 1)]


@pytest.mark.parametrize(
    ("sentence", "result"),
    [
        ("Once it was live response time dropped by 60%.", True),
        ("Now the p95 latency drops below 50 ms after the cache change.", True),
        ("If it hits the target, it could save maybe $300k a year.", False),
        ("The target we were given was a 10% cut in write-offs.", False),
        ("We alert if precision drops below 0.8.", False),
        ("Whenever error exceeded 30% for a region, someone got paged.", False),
        ("The portfolio could be up 15% in a strong month.", False),
        ("Search conversion was stuck at about 9% for a year.", False),
    ],
)
def test_hypotheticals_targets_and_alert_thresholds_are_not_results(
    sentence: str, result: bool
) -> None:
    figures = figure_finder().find(sentence, 0, 0)
    assert figures and figures[0].result is result


@pytest.mark.parametrize(
    ("text", "results", "baseline_levels"),
    [
        # the baseline's level and its definition are no result of the project
        ("The old rules engine caught 41% of the fraud.", [], ["41%"]),
        (
            "Our baseline was a rule that flagged accounts whose spend doubled overnight, "
            "with a precision of 0.18.",
            [],
            ["0.18"],
        ),
        # ... but what it was beaten by, or what the new model cut it to, is
        ("Our baseline had an AUC of 0.71, and the new model beat it by 9%.", ["9%"], ["0.71"]),
        ("The old process took 3 days, and the model cut that to 4 hours.", ["4 hours"], []),
        # a sentence about the new model is read as before
        ("The new model reached an AUC of 0.91.", ["0.91"], []),
    ],
)
def test_a_baselines_own_numbers_are_not_results(
    text: str, results: list[str], baseline_levels: list[str]
) -> None:
    found = figure_finder().find(text, 0, 0)
    assert [f.text for f in found if f.result] == results
    assert [f.text for f in found if f.baseline_level] == baseline_levels


@pytest.mark.parametrize(
    "text",
    [
        "We measured success by precision at the top 5% of scored users.",
        "Recall at 10% was what the fraud team cared about.",
        "We ranked stores and looked at precision at the top 2% each week.",
    ],
)
def test_the_cut_off_a_metric_is_read_at_is_no_result(text: str) -> None:
    assert not any(f.result for f in figure_finder().find(text, 0, 0))


def test_a_value_read_at_a_cut_off_still_is() -> None:
    found = figure_finder().find("Precision at the top 5% went from 0.29 to 0.38.", 0, 0)
    assert [f.text for f in found if f.result] == ["from 0.29 to 0.38"]


@pytest.mark.parametrize(
    ("text", "results"),
    [
        # after the baseline's clause, the project's own numbers are results again
        ("The old rules engine caught 41% of fraud, but my model caught 78%.", ["78%"]),
        (
            "Our baseline was a logistic regression at 0.72 AUC, and I improved it to 0.84.",
            ["0.84"],
        ),
        ("The baseline was 0.62 AUC; XGBoost pushed it to 0.91.", ["0.91"]),
        # the candidate's own live model is no baseline
        ("The current model catches 85% of churners.", ["85%"]),
        # a metric read at a value, not a cut-off
        ("We launched with precision at 0.62 and recall at 0.5.", ["0.62", "0.5"]),
    ],
)
def test_only_the_baselines_own_clause_is_the_baseline(text: str, results: list[str]) -> None:
    assert [f.text for f in figure_finder().find(text, 0, 0) if f.result] == results


@pytest.mark.parametrize(
    "text",
    [
        "By the last week we had climbed into the top 4% of the field.",
        "Our team finished in the top 2% out of about 1,800 entries.",
        "That got us a spot in the top 10% of the private leaderboard.",
    ],
)
def test_a_placing_in_a_competition_is_a_result(text: str) -> None:
    assert any(f.result and f.kind == "percent" for f in figure_finder().find(text, 0, 0))


@pytest.mark.parametrize(
    "text",
    [
        "Our entry won first place out of about 1,100 teams.",
        "I took silver in the retail forecasting challenge.",
        "The team earned a gold medal on the private leaderboard.",
        "We went on to win the hackathon three times in a row.",
        "She won it twice, once as a solo entrant.",
    ],
)
def test_a_competition_won_is_a_counted_result(text: str) -> None:
    assert any(f.result for f in figure_finder().find(text, 0, 0))


@pytest.mark.parametrize(
    "text",
    [
        "We took the first place we could find to host the workshop.",
        "The first place I looked for leakage was the join on user id.",
        "I won the argument about the gold standard labels.",
        "They won the contract, so we started in March.",
        "Days since last login won first place in the feature importance ranking.",
        "Our job secured second place in the queue for GPUs.",
    ],
)
def test_winning_something_that_is_no_competition_is_no_result(text: str) -> None:
    assert not any(f.result for f in figure_finder().find(text, 0, 0))


@pytest.mark.parametrize(
    "text",
    [
        "We reviewed the top 10% riskiest claims by hand.",
        "I only kept the top 5% of queries by volume.",
        "It ranked the top 10% of candidates for a second review.",
        "Only the top 10% of the competition's entries were read by the judges.",
    ],
)
def test_a_top_share_that_is_no_placing_is_no_result(text: str) -> None:
    assert not any(f.result for f in figure_finder().find(text, 0, 0))


@pytest.mark.parametrize(
    "text",
    [
        "The cache gave us a 40% speedup on inference.",
        "That meant the elimination of 300 manual checks a week.",
        "Fraud prevention savings came to $2M a year.",
    ],
)
def test_nouns_of_outcome_still_make_results(text: str) -> None:
    assert any(f.result for f in figure_finder().find(text, 0, 0))


@pytest.mark.parametrize(
    ("text", "results"),
    [
        (
            "In a two-week A/B test on 5% of traffic, conversion rose from 11.0% to 11.8%.",
            ["from 11.0% to 11.8%"],
        ),
        ("We rolled it out to 10% of users and churn fell by 8%.", ["8%"]),
    ],
)
def test_the_share_an_experiment_ran_on_is_no_result(text: str, results: list[str]) -> None:
    assert [f.text for f in figure_finder().find(text, 0, 0) if f.result] == results
