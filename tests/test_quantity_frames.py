"""Setup numbers read as frames: what they measure, and when two of them disagree."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from deepdive.quantity_frames import (
    agree,
    frame_contradictions,
    read_frames,
    same_thing,
    spell_numbers,
)


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("five data scientists", "5 data scientists"),
        ("forty-one percent", "41 percent"),
        ("about one point two million rows", "about 1.2 million rows"),
        ("from two point one to one point seven percent", "from 2.1 to 1.7 percent"),
        ("someone nine-to-five", "someone 9-to-5"),
    ],
)
def test_spelled_numbers_become_digits(text: str, digits: str) -> None:
    assert spell_numbers(text) == digits


@pytest.mark.parametrize(
    ("sentence", "dim", "value", "noun"),
    [
        ("The chain has roughly 4,200 stores.", "count", 4200.0, "stor"),
        ("There were five data scientists on it full time.", "count", 5.0, "people"),
        ("We were a team of nine.", "count", 9.0, "people"),
        ("We saved about 4 million dollars a year.", "money", 4e6, ""),
        ("It cost $1.2M to label.", "money", 1.2e6, ""),
        ("The p99 came in around 45 milliseconds.", "time", 0.045, ""),
        ("Billing was only about 12% of emails.", "percent", 12.0, ""),
    ],
)
def test_a_setup_number_is_read_with_what_it_measures(
    sentence: str, dim: str, value: float, noun: str
) -> None:
    frames = read_frames(sentence)
    assert [(f.dim, f.value, f.noun) for f in frames] == [(dim, pytest.approx(value), noun)]


def test_a_number_said_to_be_wrong_is_not_a_claim() -> None:
    assert read_frames("Our first eval showed 99% accuracy, but it turned out to be a leak.") == []


def test_counts_compare_only_when_they_count_the_same_thing() -> None:
    stores = read_frames("The chain has 4,200 stores.")[0]
    fewer = read_frames("We covered 3,000 stores.")[0]
    sensors = read_frames("We had 3,000 sensors.")[0]
    assert same_thing(stores, fewer) and not agree(stores, fewer)
    assert not same_thing(stores, sensors)


def test_rounding_agrees() -> None:
    a = read_frames("About 30% of tickets were billing.")[0]
    b = read_frames("Billing was 31% of tickets.")[0]
    assert same_thing(a, b) and agree(a, b)


def test_a_changed_setup_number_contradicts_and_a_restated_one_does_not() -> None:
    overview = ["We trained on 4 million transactions from 120 stores, with a team of five."]
    assert frame_contradictions(overview, ["There were 300 stores in the pilot data."])
    assert frame_contradictions(overview, ["It was a team of nine people."])
    assert not frame_contradictions(overview, ["All 120 stores were in the data."])
    assert not frame_contradictions(overview, ["Five of us worked on it: a team of five."])
    assert not frame_contradictions(overview, ["Scoring took 40 ms per request."])


@given(st.text(max_size=300))
def test_any_text_reads_without_error(text: str) -> None:
    for frame in read_frames(text):
        assert frame.dim in ("count", "money", "time", "percent", "share", "period")
        assert frame.value >= 0
        assert frame.dim != "share" or frame.value <= 100


def test_a_cadence_word_alone_is_a_period_and_a_share_is_a_percentage_of_its_whole() -> None:
    # found by the property test above: "WEEKLY" reads as how often, a frame of its own kind
    (weekly,) = read_frames("WEEKLY")
    assert (weekly.dim, weekly.value) == ("period", 7 * 24 * 3600)
    shares = [f for f in read_frames("41 of 58 failures were billing.") if f.dim == "share"]
    assert [round(f.value) for f in shares] == [71]


def test_a_rate_is_compared_per_day_whatever_period_it_is_told_in() -> None:
    overview = ["Support took about 9,000 calls a week before the bot went live."]
    same = ["That is roughly 1,300 calls a day, most of them about refunds."]
    changed = ["We were drowning in 9,000 calls a day, mostly about refunds."]
    assert not frame_contradictions(overview, same, min_about=2)
    assert frame_contradictions(overview, changed, min_about=2)


def test_an_early_state_or_what_if_in_another_clause_leaves_the_number_a_claim() -> None:
    later = "A request takes about 250 ms at p95, and at ten times the load that would hurt."
    assert [f.text for f in read_frames(later)] == ["250 ms"]
    complained = "The re-ranker alone takes 300 ms at p95, and users complained early on."
    assert [f.text for f in read_frames(complained)] == ["300 ms"]
    assert read_frames("At first, a request took about 900 ms at p95.") == []
    assert read_frames("At ten times the load, a request would take 900 ms.") == []


def test_a_bound_a_look_before_a_fix_and_a_one_off_are_not_claims() -> None:
    assert [f.bound for f in read_frames("We had to stay under 50 ms per article on CPU.")] == [
        True
    ]
    assert read_frames("Before we caught it, the job took about 40 minutes.") == []
    assert read_frames("Out of curiosity I also ran it once, and it took 12 minutes.") == []
    assert [f.text for f in read_frames("Scoring took 45 ms per article on CPU.")] == ["45 ms"]


def test_a_difference_of_two_overview_numbers_is_derived_not_new() -> None:
    overview = ["Refunds per order fell from 53 cents to 42 cents after launch."]
    assert not frame_contradictions(overview, ["Refunds dropped by 11 cents per order."])
    assert frame_contradictions(overview, ["Refunds per order fell to 35 cents after launch."])


def test_a_budget_meets_a_budget_and_a_measurement_beside_it_measures_the_same() -> None:
    overview = ["The service had to answer within 40 ms at p99, and we got it to about 15 ms."]
    assert frame_contradictions(overview, ["It already uses 12 ms of our 60 ms p99 budget."])
    assert not frame_contradictions(overview, ["We stayed well inside our 40 ms p99 budget."])
    assert frame_contradictions(overview, ["Live, the p99 came in around 35 ms."])


@pytest.mark.parametrize(
    ("said", "digits"),
    [
        ("it fell from five days to half a day", "it fell from 5 days to 0.5 days"),
        ("about a week and a half", "about 1.5 weeks"),
        ("three months and a half", "3.5 months"),
        ("I had half a mind to quit", "I had half a mind to quit"),
    ],
)
def test_halves_of_a_time_unit_are_read_as_numbers(said: str, digits: str) -> None:
    assert spell_numbers(said) == digits


@pytest.mark.parametrize(
    ("overview", "reply"),
    [
        (
            "We tested out of time on the 2022 cohorts.",
            "The out-of-time test used the 2020 cohorts.",
        ),
        (
            "Ten days of click logs went into training.",
            "Training used about a month of click logs.",
        ),
    ],
)
def test_a_changed_year_or_a_span_said_with_a_is_a_contradiction(overview: str, reply: str) -> None:
    assert frame_contradictions([overview], [reply])


def test_the_same_year_agrees() -> None:
    assert not frame_contradictions(
        ["We tested out of time on the 2022 cohorts."], ["The 2022 cohorts were the test set."]
    )


@pytest.mark.parametrize(
    ("overview", "reply", "changed"),
    [
        # a share said as "N of M" is compared as a share, with a percent too
        ("The auditors sided with the model on 33 of 40 sampled loans.",
         "The auditors sided with it on 38 of the 40 sampled loans.", True),
        ("The auditors sided with the model on 33 of 40 sampled loans.",
         "The auditors sided with it on about 82% of the sampled loans.", False),
        ("The auditors sided with the model on 33 of 40 sampled loans.",
         "The auditors sided with it on thirty-three out of forty loans.", False),
        # how often, how finely: a cadence or a resolution told with another period
        ("We refit the churn model every week on the newest events.",
         "The churn model was refit every month on the newest events.", True),
        ("We refit the churn model every week on the newest events.",
         "We refit the churn model weekly.", False),
        ("The forecaster predicts load at 15-minute resolution per substation.",
         "The forecaster predicts hourly load per substation.", True),
        ("The forecaster predicts load at 15-minute resolution per substation.",
         "It predicts the substation load every fifteen minutes.", False),
        # a metric named by its period is no cadence
        ("Daily active players rose 3% after the launch.",
         "Monthly active players rose 3% after the launch.", False),
        ("Wrong but confident answers came up in about 3 in 100 replies.",
         "Wrong but confident answers came up in about 3 in 1,000 replies.", True),
        # a part of a share, a cut-off, another activity's cadence are not compared
        ("The auditors sided with the model on 33 of 40 sampled loans.",
         "On 33 of 40 loans they agreed; 5 of the 7 disagreements were small loans.", False),
        ("Precision at 2,000 went from 31% to 54%.",
         "Precision in the top 2,000 of 410,000 went to 54%.", False),
        ("The churn model is retrained weekly.",
         "It is retrained on the newest events, and monitored daily.", False),
        # one shared word is not enough: a trend "every year" is no cadence of the forecast
        ("The forecaster predicts hourly load per substation.",
         "Heat pumps push the evening load up a little more every year.", False),
    ],
)  # fmt: skip
def test_shares_and_periods_are_compared_as_what_they_measure(
    overview: str, reply: str, changed: bool
) -> None:
    assert bool(frame_contradictions([overview], [reply])) is changed


def test_the_same_value_of_something_else_does_not_excuse_a_changed_figure() -> None:
    # a changed headline was let through because "20 features" elsewhere gave the value 20
    overview = [
        "Cut monthly churn by 12 percent, about 4 million dollars a year.",
        "Logistic regression on 20 features, precision at 2,000 of 0.31.",
    ]
    changed = ["I built a churn model at a streaming company that cut churn by 20 percent."]
    assert frame_contradictions(overview, changed)
    restated = ["That first model used 20 features, and churn fell by 12 percent."]
    assert not frame_contradictions(overview, restated)


def test_a_span_and_a_cadence_of_one_length_restate_each_other() -> None:
    overview = [
        "A single global LightGBM model, since it was fast to retrain nightly.",
        "Walk-forward backtest over 26 weeks, retraining each week.",
    ]
    told = ["We backtested walk-forward over half a year, retraining weekly."]
    assert not frame_contradictions(overview, told)


def test_the_others_besides_the_speaker_are_a_part_of_the_team() -> None:
    overview = ["Three data scientists, a credit policy lead, and a validation team."]
    told = ["Besides me there were two other data scientists and a credit policy lead."]
    assert not frame_contradictions(overview, told)
    assert frame_contradictions(overview, ["There were two data scientists and a policy lead."])
