"""Who did what: a teammate's work claimed as one's own."""

from __future__ import annotations

import pytest

from deepdive.consistency import find_contradictions
from deepdive.sentences import split_sentences
from deepdive.work_credit import credits

OVERVIEW = (
    "There were three of us on the pricing project. I designed the demand model and ran the "
    "offline evaluation, the platform engineer built the real-time scoring service, and "
    "Priya owned the data contracts with the airline partners."
)


def test_the_overview_credits_teammates_clause_by_clause() -> None:
    found = {c.who: c.work for c in credits(split_sentences(OVERVIEW))}
    assert set(found) == {"the platform engineer", "Priya"}
    assert {"scor", "servic"} <= found["the platform engineer"]


@pytest.mark.parametrize(
    "reply",
    [
        "I built the real-time scoring service myself over a long weekend.",
        "The hard part was partners, since I owned the data contracts from the start.",
    ],
)
def test_claiming_a_teammates_work_contradicts_the_overview(reply: str) -> None:
    found = find_contradictions(OVERVIEW, reply, "", strict=True)
    assert [c.kind for c in found] == ["ownership"]


@pytest.mark.parametrize(
    "reply",
    [
        "I built the real-time scoring service with the platform engineer in two sprints.",
        "The platform engineer built the scoring service, so I could focus on the model.",
        "I designed the demand model around fare classes, which took a month.",
        "It ran the scoring service nightly before we moved to real time.",
    ],
)
def test_shared_credit_ones_own_work_or_no_claim_is_no_contradiction(reply: str) -> None:
    assert not find_contradictions(OVERVIEW, reply, "", strict=True)


@pytest.mark.parametrize(
    "reply",
    [
        "Looking back, I did the whole project alone and should have asked for help sooner.",
        "I was on my own for most of it, so nobody reviewed the features.",
        "Honestly it was just me, from the data pulls to the dashboard.",
    ],
)
def test_claiming_the_whole_work_alone_contradicts_an_overview_with_credits(reply: str) -> None:
    found = find_contradictions(OVERVIEW, reply)
    assert [c.kind for c in found] == ["ownership"]
    assert "alone" in found[0].message


@pytest.mark.parametrize(
    "reply",
    [
        "I wasn't on my own: the platform engineer owned scoring and Priya the contracts.",
        "If I had been alone on it, the scoring service would never have shipped.",
        "I tuned the thresholds alone and checked them with the partners team.",
    ],
)
def test_a_solo_claim_set_aside_or_about_one_task_is_no_contradiction(reply: str) -> None:
    assert not [c for c in find_contradictions(OVERVIEW, reply) if "alone" in c.message]


def test_no_credit_in_the_overview_means_a_solo_claim_is_consistent() -> None:
    overview = "I built the demand model and ran the offline evaluation myself."
    assert find_contradictions(overview, "I did the whole project alone.") == []


def test_a_name_with_its_role_set_off_by_commas_is_credited() -> None:
    overview = "Sana, our data engineer, built the ingestion jobs, and I trained the ranker."
    assert [c.who for c in credits(split_sentences(overview))] == ["Sana"]


@pytest.mark.parametrize(
    "reply",
    [
        "It was a solo project, so nobody else touched the code.",
        "I was the only one working on the project from start to finish.",
        "I did everything on that project alone, start to finish.",
    ],
)
def test_more_ways_of_claiming_the_work_alone(reply: str) -> None:
    assert [c.kind for c in find_contradictions(OVERVIEW, reply)] == ["ownership"]


@pytest.mark.parametrize(
    "reply",
    [
        "It was just me and Priya for the first three months.",
        "I worked alone on the evaluation harness.",
        "I was the only data scientist on the team, so the modelling fell to me.",
        "Nobody else wrote Python, so the model code was mine.",
    ],
)
def test_one_task_alone_or_a_role_held_alone_is_no_solo_claim(reply: str) -> None:
    assert not [c for c in find_contradictions(OVERVIEW, reply) if "alone" in c.message]


def test_names_with_accents_and_roles_in_commas_are_credited_but_not_dates() -> None:
    found = credits(split_sentences("José, a data engineer, built the feature store."))
    assert [c.who for c in found] == ["José"]
    assert (
        credits(split_sentences("In March, our data team, led by Sam, built the pipeline.")) == []
    )


@pytest.mark.parametrize(
    ("overview", "who"),
    [
        ("I trained the churn model. The alerting service was built by a platform engineer.",
         "a platform engineer"),
        ("I trained the churn model. The alerting service was mostly my colleague's work.",
         "my colleague"),
        ("I trained the churn model. My teammate Tomás owned the alerting service.",
         "my teammate Tomás"),
    ],
)  # fmt: skip
def test_credit_told_the_other_way_round_or_with_a_name(overview: str, who: str) -> None:
    found = credits(split_sentences(overview))
    assert [c.who for c in found] == [who]
    assert "alert" in found[0].work
    claimed = find_contradictions(overview, "I built the alerting service myself.")
    assert [c.kind for c in claimed] == ["ownership"]
    shared = find_contradictions(overview, "I built the alerting service with them.")
    assert not shared


@pytest.mark.parametrize(
    ("reply", "claims"),
    [
        ("My part was the alerting service, the features and the model.", True),
        ("I was responsible for the alerting service.", True),
        ("My part was the model; the platform engineer built the alerting service.", False),
        ("My part was not the alerting service; I trained the model.", False),
        ("I was responsible for monitoring the alerting service.", False),
    ],
)
def test_work_claimed_as_ones_part(reply: str, claims: bool) -> None:
    overview = "I trained the churn model. The platform engineer built the alerting service."
    found = [c for c in find_contradictions(overview, reply) if c.kind == "ownership"]
    assert bool(found) is claims


def test_a_date_is_no_teammate() -> None:
    overview = "I trained the churn model. The scoring pipeline was deployed by March."
    assert not credits(split_sentences(overview))
    assert not find_contradictions(overview, "I deployed the scoring pipeline myself in March.")


@pytest.mark.parametrize(
    ("overview", "reply", "flagged"),
    [
        # work shared with someone, then told as done alone
        ("I built the ranker; feature design was shared with a colleague.",
         "I designed the features myself.", True),
        ("I built the features with my teammate Ana and trained the model.",
         "I built the features on my own.", True),
        # told without "myself" it is still true of shared work
        ("I built the ranker; feature design was shared with a colleague.",
         "I designed the features.", False),
        # a tool after "with" is no teammate
        ("I built the dashboard with Streamlit.", "I built the dashboard myself.", False),
    ],
)  # fmt: skip
def test_shared_work_claimed_as_done_alone(overview: str, reply: str, flagged: bool) -> None:
    found = [c for c in find_contradictions(overview, reply) if c.kind == "ownership"]
    assert bool(found) is flagged
    if flagged:
        assert "shared that work with" in found[0].message


@pytest.mark.parametrize(
    ("overview", "reply"),
    [
        ("The results dashboard was shared with the product managers every week.",
         "I built the results dashboard myself."),
        ("I trained the model with the annotators' labels.", "I trained the model myself."),
        ("Prompt design was shared with a colleague.",
         "I designed the prompts and taught myself LangChain along the way."),
        ("Prompt design was shared with a colleague.", "I did not design the prompts myself."),
        ("Labelling was shared with a colleague.", "I designed the labelling guide myself."),
    ],
)  # fmt: skip
def test_sharing_read_only_where_it_is_work_done_together(overview: str, reply: str) -> None:
    assert not [c for c in find_contradictions(overview, reply) if c.kind == "ownership"]


TEAM_OVERVIEW = (
    "I built the churn model. Tomas from the data platform team cleaned the billing labels;"
    " our support lead, Ines, who ran the call-back trial, reported the saves; and Mara,"
    " a finance analyst, set the discount budget."
)


def test_credits_read_past_where_people_sit_and_who_clauses() -> None:
    found = {c.who.split()[-1] for c in credits(split_sentences(TEAM_OVERVIEW))}
    assert {"Tomas", "Ines", "Mara"} <= found


@pytest.mark.parametrize(
    "reply",
    [
        "I spent the first month cleaning the billing labels myself.",
        "I ran the call-back trial myself across two regions.",
        "I set the discount budget myself from last year's numbers.",
    ],
)
def test_claiming_work_credited_in_those_ways_contradicts(reply: str) -> None:
    found = find_contradictions(TEAM_OVERVIEW, reply, "", strict=True)
    assert [c.kind for c in found] == ["ownership"], reply


def test_ones_own_time_spent_is_no_claim_on_a_teammates_work() -> None:
    reply = "I spent the first month tuning the churn model's features."
    assert not find_contradictions(TEAM_OVERVIEW, reply, "", strict=True)


@pytest.mark.parametrize(
    "reply",
    [
        "I spent the first month learning how the billing labels were made.",
        "I spent a lot of time reading Tomas's label cleaning code.",
        "I measured how late the call-back trial reported its saves.",
        "I analysed the billing labels Tomas cleaned, one region at a time.",
    ],
)
def test_looking_at_a_teammates_work_is_no_claim_on_it(reply: str) -> None:
    assert not find_contradictions(TEAM_OVERVIEW, reply, "", strict=True), reply


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Our data engineer, Sam, built the ingestion pipeline.", "our data engineer Sam"),
        (
            "A support analyst, Dana, who labelled a 2,000-ticket sample, found it.",
            "a support analyst Dana",
        ),
    ],
)
def test_a_role_and_a_name_credit_one_person(text: str, who: str) -> None:
    assert [c.who for c in credits(split_sentences(text))] == [who]


def test_a_group_doing_something_is_no_teammate() -> None:
    assert (
        credits(split_sentences("Customers who cleaned their profiles got better matches.")) == []
    )


def test_a_teammate_named_in_full_is_credited() -> None:
    overview = "My teammate Lena Ortiz built the scoring service; I trained the model."
    found = find_contradictions(
        overview, "My part was the scoring service and the model.", "", strict=True
    )
    assert [c.kind for c in found] == ["ownership"]
