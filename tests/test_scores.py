from __future__ import annotations

from pathlib import Path

import pytest

from deepdive.engine import analyze
from deepdive.scores import OVERLONG_CAP, _overlong
from deepdive.settings import settings

OVERVIEW = (Path(__file__).parent / "drill" / "overview.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("limits", "lost"),
    [(1.0, 0.0), (2.0, 0.0), (3.0, 8.0), (4.5, 20.0), (20.0, OVERLONG_CAP)],
)
def test_overlong_costs_grow_past_twice_the_limit(limits: float, lost: float) -> None:
    assert _overlong(round(limits * settings().max_words)) == pytest.approx(lost, abs=0.05)


def test_a_story_told_over_and_over_scores_lower_the_longer_it_runs() -> None:
    overall = [analyze((OVERVIEW + "\n") * k).score("overall") for k in (1, 4, 12)]
    assert overall[0] > overall[1] > overall[2]
    assert overall[2] <= overall[0] - OVERLONG_CAP + 10  # a half-hour monologue is no strong answer


@pytest.mark.parametrize(
    "slip",
    [
        " I tuned the decision threshold and the learning rate directly on the test set until it"
        " looked best.",
        " One feature counted the chargebacks filed in the 30 days after each transaction.",
    ],
)
def test_a_rich_answer_cannot_absorb_an_ml_sanity_finding(slip: str) -> None:
    # the overview alone reaches the cap; a sanity finding must still cost its 12 points
    clean, slipped = analyze(OVERVIEW), analyze(OVERVIEW + slip)
    assert clean.score("technical_depth") == 100
    assert slipped.score("technical_depth") <= 100 - 12


def test_a_very_short_answer_cannot_show_full_depth() -> None:
    short = (
        "I built a churn model that cut monthly churn from 4% to 3.1%, saving about 2M dollars a"
        " year. The retention team could call only 5,000 customers a week, so we ranked who to"
        " call. I used two years of billing and usage logs, labelled by cancellations. Against"
        " the team rule, I compared logistic regression with LightGBM and chose LightGBM because"
        " it handled missing usage data. On an out-of-time test it reached AUC 0.84 against 0.71,"
        " and an A/B test confirmed it. In hindsight I would have checked label delays earlier."
    )
    # every part in 91 words (about 36 seconds): a pitch, not a deep dive
    assert analyze(short).score("technical_depth") <= 50
    assert analyze(short).score("decision_quality") <= 50
    assert analyze(short).score("overall") < analyze(OVERVIEW).score("overall")
    # said again word for word, it is longer, not deeper
    twice = analyze(f"{short} {short}")
    assert twice.score("technical_depth") == analyze(short).score("technical_depth")


def test_a_finding_costs_overall_only_through_the_scores_it_lowers() -> None:
    # a weak answer with several major findings (no hook, no data source, no evaluation, no
    # reflection): overall is the weighted scores, not those scores less a fee per finding,
    # which counted each missing part twice
    weak = analyze(
        "I worked on a recommendation project at a retailer. We used a neural network and it"
        " worked well, and the team was happy with it."
    )
    majors = [f for f in weak.findings if f.severity == "major"]
    assert len(majors) >= 3
    weighted = (
        0.235 * weak.score("impact")
        + 0.295 * weak.score("technical_depth")
        + 0.235 * weak.score("decision_quality")
        + 0.235 * weak.score("structure")
    )
    assert weak.score("overall") == round(weighted)
