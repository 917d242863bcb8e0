from __future__ import annotations

import pytest

from deepdive.ownership import read_ownership
from deepdive.sentences import split_sentences


def verdict(text: str) -> str:
    return read_ownership(split_sentences(text)).verdict


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "I owned the ranking model; my teammate built the serving layer. We launched in May.",
            "calibrated",
        ),
        ("I scraped the data, labelled it myself and trained the model.", "calibrated"),
        (
            "We cleaned the data. We trained a model. We deployed it and we monitored it.",
            "underclaim",
        ),
        ("It's just a side project, nothing fancy. I trained a small CNN.", "underclaim"),
        (
            "I single-handedly built the entire platform for our team of twelve engineers.",
            "overclaim",
        ),
        (
            "The model was trained on two years of data and evaluated on a held-out month.",
            "unclear",
        ),
    ],
)
def test_verdicts(text: str, expected: str) -> None:
    assert verdict(text) == expected


def test_i_think_is_not_a_claim() -> None:
    read = read_ownership(split_sentences("I think we did well. We trained it. We shipped it."))
    assert read.agentive_i == 0
    assert read.verdict == "underclaim"


def test_named_colleague_is_credit() -> None:
    read = read_ownership(split_sentences("I built the features. Priya built the serving layer."))
    assert read.credit == (1,)


def test_counts() -> None:
    read = read_ownership(
        split_sentences("I built it and my manager reviewed it. We shipped our model.")
    )
    assert (read.i, read.we) == (2, 2)


def test_a_my_part_label_is_ownership_without_a_verb() -> None:
    text = (
        "* Data: 1,100 contracts annotated by two lawyers.\n"
        "* My part: data guide, model training and evaluation; a developer built the screen.\n"
    )
    assert read_ownership(split_sentences(text)).verdict == "calibrated"
    impersonal = (
        "* Data: 1,100 contracts annotated by two lawyers.\n* Model: a fine-tuned encoder.\n"
    )
    assert read_ownership(split_sentences(impersonal)).verdict == "unclear"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We blended three models. LightGBM was trained by me; my teammates built the rest.",
            "calibrated",
        ),
        (
            "I'm training a logistic regression and a boosting model on three years of visits.",
            "calibrated",
        ),
        (
            "We used a Marian model and we fine-tuned it. I mostly helped out with some scripts, "
            "so I don't know all the details.",
            "underclaim",
        ),
    ],
)
def test_more_verdicts(text: str, expected: str) -> None:
    assert verdict(text) == expected


@pytest.mark.parametrize(
    ("sentence", "claims"),
    [
        ("I built the feature pipeline.", True),
        ("I also trained the ranking model.", True),
        ("I kind of compared the rule with a boosted model.", True),
        ("I've rewritten the labelling guide twice.", True),
        ("I exported two thousand invoices from the archive.", True),
        ("I'm training a smaller model now.", True),
        ("I put together the labelling guidelines.", True),
        ("I spent three months cleaning the sensor data.", True),
        ("I've been building the ranking model for a year.", True),
        ("I had to rebuild the feature store.", True),
        ("I came up with the route features.", True),
        ("I'm currently retraining it every week.", True),
        ("I went through 500 misclassified tickets.", True),
        ("I applied a log transform.", True),
        ("I apply a log transform to the amounts.", True),
        ("I moved the model to ONNX.", True),
        ("I, together with Mei, built the pipeline.", True),
        ("I joined the team in 2021 and built the model.", True),
        ("I used to work in finance.", False),
        ("I moved to Berlin for the job.", False),
        ("I was responsible for the evaluation.", True),
        ("I love the music industry.", False),
        ("I joined the team two years ago.", False),
        ("I spent more time in meetings than in code.", False),
        ("I can't think of any limitations.", False),
        ("I think the model was fine.", False),
        ("I wanted to work on recommendations.", False),
        # questions, conditions, wishes and plans claim nothing done
        ("So where do I even begin with this one?", False),
        ("They kept asking how can I trust a score like that.", False),
        ("If I rebuilt it today I would drop the image features.", False),
        ("I wish I had tested it on the winter data.", False),
        ("I'll walk you through the pipeline.", False),
        # speaking, feelings and negation
        ("Like I mentioned, the labels came from the billing team.", False),
        ("As I said earlier, the shop floor data was messy.", False),
        ("I underestimated how long the labelling would take.", False),
        ("I did not write the serving code.", False),
        # taking part in something whole, and career steps, name no piece of the work
        ("I worked on a project where we forecast hospital admissions.", False),
        ("I did my PhD in astrophysics before moving to industry.", False),
        ("I came from a physics background.", False),
        ("I worked on the feature store for the pricing model.", True),
        ("I led the project from the first prototype to launch.", True),
        ("I worked with the claims team and built the fraud rules.", True),
        # phrasal verbs of a career or a contact
        ("Early on I took part in a few forecasting competitions.", False),
        ("After the bootcamp I took a few months off to travel.", False),
        ("That is how I got into computer vision.", False),
        ("So I reached out to the professor who ran the lab.", False),
        ("I took the raw exports and rebuilt the joins myself.", True),
        ("I got the labels cleaned up with a second annotation pass.", True),
        # ... unless a piece of the work follows, or "off" is what the work took away
        ("I reached out to the annotators and relabelled 2,000 examples with them.", True),
        ("I took 20 minutes off the training time by caching the features.", True),
    ],
)
def test_an_i_claims_work_only_with_a_verb_of_doing_it(sentence: str, claims: bool) -> None:
    assert (read_ownership(split_sentences(sentence)).agentive_i > 0) is claims


def test_we_throughout_with_chat_about_oneself_is_still_underclaim() -> None:
    text = (
        "I love this kind of problem. We collected two years of tickets and we trained a "
        "classifier on them. We deployed it and we cut handling time by a fifth. I joined "
        "the team in 2021."
    )
    assert read_ownership(split_sentences(text)).verdict == "underclaim"


def test_a_we_story_with_only_asides_in_the_first_person_is_underclaim() -> None:
    text = (
        "We pulled three years of sensor logs and we labelled the failures with the crew. As I "
        "mentioned, the logs were noisy. We trained a boosted model, and if I remember right we "
        "cut unplanned stops by a fifth. Where do I start with the lessons? We should have "
        "tested on the older machines."
    )
    assert read_ownership(split_sentences(text)).verdict == "underclaim"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one step described plainly is not the project played down
        (
            "At the start it was just a lookup table of past prices. Then I trained a "
            "gradient-boosted model on the order history and I tuned it on a held-out month.",
            "calibrated",
        ),
        (
            "I built the scoring service. The feature itself is just a ratio of two counts, "
            "and I chose it because it was stable week to week.",
            "calibrated",
        ),
        (
            "I wrote the labelling guide and I trained the classifier. The rules we replaced "
            "were really basic, a few keyword lists.",
            "calibrated",
        ),
        # the project itself played down still is
        (
            "Honestly it's only a weekend hackathon thing. I trained a small CNN on it.",
            "underclaim",
        ),
        ("This was just a class project. I fitted a random forest to the survey.", "underclaim"),
        ("It was a pretty basic project, I just fitted a regression.", "underclaim"),
        # first person with no team and no work verb: a solo project, owned
        (
            "My first idea was to treat it as ranking. The version that shipped was my second "
            "attempt, a gradient-boosted model on the click logs.",
            "calibrated",
        ),
        # one "I" in an impersonal write-up is not yet a first-person story
        (
            "The model was trained on three years of claims. I think the split was by month.",
            "unclear",
        ),
        # "we" with nothing of one's own stays underclaim
        (
            "We collected the logs. My guess is the split was random. We shipped it in May, "
            "and we monitored it after.",
            "underclaim",
        ),
        # a solo claim denied is no claim
        (
            "I didn't build it single-handedly; my teammate Ana owned the data pipeline and I "
            "owned the model.",
            "calibrated",
        ),
        # "my teammate built ..." is a team: first person without a work verb is not solo
        (
            "My manager chose the model. My teammate built the features. My lead deployed it.",
            "unclear",
        ),
        # "sorry" as turn-taking after crosstalk apologises for nothing
        (
            "I built the feature pipeline myself; my teammate Lena owned serving. Sorry, go "
            "ahead. Sorry - yes, and I ran the A/B test.",
            "calibrated",
        ),
        # one's own part played down against the team's
        (
            "I wrote the pipeline and chose the model. Honestly the team did most of it, I was "
            "more helping out.",
            "underclaim",
        ),
        (
            "I set up the evaluation. But it was really a team effort, I don't want to take "
            "credit.",
            "underclaim",
        ),
        # credit for one piece of the work is no playing down
        (
            "My teammate did most of the labelling, and I built the model and the evaluation.",
            "calibrated",
        ),
        (
            "I built the model. For serving, the platform team did most of it, and I wrote the "
            "scoring service contract.",
            "calibrated",
        ),
        (
            "I don't want to take credit for the labelling, Priya ran that; I built the "
            "evaluation.",
            "calibrated",
        ),
        (
            "I built the model, and then I was mostly supporting the ops team as they rolled it "
            "out.",
            "calibrated",
        ),
    ],
)
def test_verdicts_by_who_did_what(text: str, expected: str) -> None:
    assert verdict(text) == expected


def test_a_solo_claim_is_not_excused_by_a_team_in_the_same_sentence() -> None:
    text = (
        "I single-handedly designed the whole churn platform, with a team of nine analysts "
        "helping me. Churn fell by 8% after launch."
    )
    read = read_ownership(split_sentences(text))
    assert read.verdict == "overclaim" and read.overclaim == (0,)
    # a team's work credited with what they did stays calibrated
    fair = "I trained the model myself; Priya built the data pipeline with me."
    assert verdict(fair) == "calibrated"


def test_a_malformed_phrase_list_names_the_file_and_line(monkeypatch: pytest.MonkeyPatch) -> None:
    from deepdive import ownership
    from deepdive.datafiles import DataFileError, load_data, parse_yaml

    shipped = load_data("ownership.yaml")
    text = "not_work_phrases:\n  - 'took\\s+part'\n  - 3\n"
    broken = {**shipped, **parse_yaml(text, "ownership.yaml")}
    monkeypatch.setattr(ownership, "load_data", lambda _name: broken)
    with pytest.raises(DataFileError, match=r"^ownership\.yaml:\d+: pattern 3 must be"):
        ownership.OwnershipReader()
