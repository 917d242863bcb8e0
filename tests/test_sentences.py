from __future__ import annotations

import pytest

from deepdive.sentences import split_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_spans_point_into_the_original() -> None:
    text = "# Title\n\nWe cut losses by 30%. Then we shipped it!\n- a bullet\n"
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We used e.g. XGBoost here. It won.", ["We used e.g. XGBoost here.", "It won."]),
        (
            "It took approx. three weeks. Then we shipped.",
            ["It took approx. three weeks.", "Then we shipped."],
        ),
        ("We worked in the U.S. Then we moved.", ["We worked in the U.S.", "Then we moved."]),
        ("The AUC was 0.87 on test. Good.", ["The AUC was 0.87 on test.", "Good."]),
        ("Was it worth it? Yes! Mostly.", ["Was it worth it?", "Yes!", "Mostly."]),
        ("Compare A vs. B first. Then C.", ["Compare A vs. B first.", "Then C."]),
        # after a number a title is a unit, so it can end the sentence
        ("It serves in 50 ms.\nOut-of-time split.", ["It serves in 50 ms.", "Out-of-time split."]),
        ("We met Ms. Smith there. Then left.", ["We met Ms. Smith there.", "Then left."]),
        (
            "It got 0.84 vs. XGBoost at 0.83, so we kept it.",
            ["It got 0.84 vs. XGBoost at 0.83, so we kept it."],
        ),
        ("Fold 3 vs. Fold 4 differed.", ["Fold 3 vs. Fold 4 differed."]),
    ],
)
def test_punctuation(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_bullets_and_headings_are_separate_units() -> None:
    text = (
        "## Data\n- Pulled 2M rows from logs\n- Labels from chargebacks\n**Model**\nLightGBM won."
    )
    result = split_sentences(text)
    assert [s.text for s in result] == [
        "Data",
        "Pulled 2M rows from logs",
        "Labels from chargebacks",
        "**Model**",
        "LightGBM won.",
    ]
    assert [s.heading for s in result] == [True, False, False, True, False]


def test_wrapped_lines_join_into_one_sentence() -> None:
    text = "We trained the model on\nsix months of data.\n\nNext paragraph."
    assert texts(text) == ["We trained the model on\nsix months of data.", "Next paragraph."]


def test_unpunctuated_transcript_is_chunked() -> None:
    text = (
        "so basically um we were trying to predict churn and the data came from our crm system "
        "and it was super messy a lot of missing values so I spent like two weeks cleaning it and "
        "then we tried a random forest and then xgboost and the xgboost was better by like five "
        "points of auc and then we shipped it"
    )
    chunks = texts(text)
    assert len(chunks) >= 4
    assert all(len(c.split()) <= 32 for c in chunks)
    assert " ".join(chunks) == text


def test_long_punctuated_sentence_is_not_cut() -> None:
    sentence = (
        "I tried logistic regression first and then LightGBM, which won by 7 points of precision "
        "at the same recall; a deep sequence model added less than a point offline but would have "
        "tripled serving latency, so we kept LightGBM."
    )
    assert texts(sentence + " Short one.") == [sentence, "Short one."]


def test_empty_and_blank_input() -> None:
    assert split_sentences("") == []
    assert split_sentences("   \n\n  ") == []


def test_a_subject_switch_without_a_conjunction_starts_a_sentence() -> None:
    text = (
        "I built the hate speech classifier that took down a lot of violating posts before "
        "anyone reported them the trust and safety team was drowning in user reports every day "
        "and harmful posts often stayed up for hours so the goal was to act before the reports"
    )
    starts = [s.text.split()[:4] for s in split_sentences(text)]
    assert ["the", "trust", "and", "safety"] in starts


def test_a_relative_clause_does_not_start_a_sentence() -> None:
    text = (
        "so what we did was route each complaint to the people who were actually able to fix "
        "the underlying billing problem for that customer and we measured how often a complaint "
        "came back within a month after it had been closed by the team"
    )
    assert all(s.text.split()[0] != "the" for s in split_sentences(text))


def test_an_object_after_an_ordinal_does_not_start_a_sentence() -> None:
    text = (
        "I built an LSTM that takes the last three days of readings and the weather forecast for "
        "tomorrow I randomly split the hours into train and test and got a mean absolute error of "
        "about four micrograms which was pretty good"
    )
    starts = [" ".join(s.text.split()[:2]) for s in split_sentences(text)]
    assert "the last" not in starts
    assert "I randomly" in starts


def test_a_subject_and_verb_just_after_a_noun_phrase_is_the_better_start() -> None:
    text = (
        "my starting point was plain keyword search over the docs of the database and the "
        "forum threads that people had answered "
        "and then I added retrieval with an open embedding model and a small local language "
        "model to write the answer I considered fine-tuning but with 150 questions that made no "
        "sense so I spent the effort on chunking"
    )
    starts = [" ".join(s.text.split()[:2]) for s in split_sentences(text)]
    assert "I considered" in starts
    assert "the answer" not in starts


def test_a_before_after_figure_is_not_split() -> None:
    text = (
        "the project I'd talk about is anomaly detection for our data centre network which cut "
        "the time to detect outages from around twenty minutes to under three before that the "
        "network team found out about problems when customers opened tickets and by then the "
        "outage had usually been going on for a while"
    )
    assert any("from around twenty minutes to under three" in s.text for s in split_sentences(text))


def test_a_subject_pronoun_after_a_stranded_preposition_starts_a_clause() -> None:
    text = (
        "I'd pick the delivery time estimates at the food delivery company because it's the one "
        "where my work moved a number people cared about we cut late deliveries relative to the "
        "promised time by about a quarter the promise you see when you order came from a formula"
    )
    starts = [" ".join(s.text.split()[:2]) for s in split_sentences(text)]
    assert "we cut" in starts


def test_long_written_sentences_are_not_chunked_like_a_transcript() -> None:
    text = (
        "I built the model that predicts which home-care patients are likely to be admitted to "
        "hospital in the next two weeks, and in its first year it helped our nurses cut avoidable "
        "admissions among flagged patients by about 18%. Our home-care nurses visit around 6,000 "
        "elderly patients, and they had no systematic way to decide who needed an extra visit; "
        "they went by instinct and by who had called most recently, so quiet patients who were "
        "getting worse were often missed."
    )
    assert len(split_sentences(text)) == 2


def test_plain_blanks_markdown_emphasis_and_keeps_offsets() -> None:
    from deepdive.sentences import plain

    text = "compared **anomaly detection models** and `IsolationForest`, *quickly*"
    out = plain(text)
    assert len(out) == len(text)
    assert "*" not in out and "`" not in out
    assert out.split() == [
        "compared",
        "anomaly",
        "detection",
        "models",
        "and",
        "IsolationForest",
        ",",
        "quickly",
    ]
    assert plain("2 * 3 and snake_case_name") == "2 * 3 and snake_case_name"
