"""Speaker turns and transcript markers in pasted transcripts (deepdive.turns)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from deepdive import analyze
from deepdive.inputs import InputError
from deepdive.turns import read_dialogue

NAMED = """Maya: So what did you actually build there?

Tom: The clinic kept losing appointments because patients forgot them. I built a model that
predicted who would miss a visit from their booking history, and we texted those people.

Maya: And did it work?

Tom: No-shows dropped from 18% to 11% over the next quarter, measured against clinics that did
not get the texts. In hindsight I would have asked the nurses earlier what a useful reminder was.
"""


def roles(text: str) -> list[tuple[str, str]]:
    d = read_dialogue(text)
    return [(d.text[t.start : t.end].split()[0], t.role) for t in d.turns]


def test_named_speakers_the_one_who_says_most_is_the_candidate() -> None:
    assert roles(NAMED) == [
        ("So", "interviewer"),
        ("The", "candidate"),
        ("And", "interviewer"),
        ("No-shows", "candidate"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "**Ana Lopez:** What was the data?\n\n**Raj Patel:** Call logs from two years, labelled by "
        "the support team, which I cleaned.\n\n**Ana Lopez:** Ok.\n\n**Raj Patel:** Then I trained "
        "a gradient boosted model on them.",
        "Interviewer: What was the data?\nCandidate: Call logs from two years, labelled by the "
        "support team, which I cleaned. Then I trained a gradient boosted model on them.",
        "Q: What was the data?\nA: Call logs from two years, labelled by the support team, which I "
        "cleaned. Then I trained a gradient boosted model on them.",
    ],
)
def test_label_styles(text: str) -> None:
    d = read_dialogue(text)
    assert d.labelled
    said = {
        role: " ".join(d.text[t.start : t.end] for t in d.turns if t.role == role)
        for role in ("candidate", "interviewer")
    }
    assert "What was the data" in said["interviewer"]
    assert "Call logs" in said["candidate"]
    assert "Call logs" not in said["interviewer"]


def test_question_label_without_answer_label_ends_at_its_line() -> None:
    d = read_dialogue("**Q: Why this model?**\n> Because it was the simplest that met the target.")
    assert [t.role for t in d.turns] == ["interviewer", "candidate"]
    assert "simplest" in d.text[d.turns[1].start : d.turns[1].end]


@pytest.mark.parametrize(
    "text",
    [
        "Situation: churn was rising.\nTask: predict it.\nAction: I built a model.\n"
        "Result: churn fell 8%.",
        "Data: two years of logs.\nModel: a random forest.\nData: also some surveys.",
        "I built a model. Note: it was trained on one region only. Note: it has no monitoring.",
    ],
)
def test_write_up_labels_are_not_speakers(text: str) -> None:
    d = read_dialogue(text)
    assert not d.labelled
    assert [t.role for t in d.turns] == ["candidate"]


def test_markers_are_blanked_offsets_kept() -> None:
    text = "\\[12:08\\] We shipped it [laughs] and (inaudible) churn fell by 8% [crosstalk]."
    d = read_dialogue(text)
    assert len(d.text) == len(text)
    for gone in ("12:08", "laughs", "inaudible", "crosstalk"):
        assert gone not in d.text
    assert "churn fell by 8%" in d.text
    assert d.text.index("churn") == text.index("churn")


def test_engine_judges_only_the_candidate() -> None:
    analysis = analyze(NAMED)
    spoken = {s.speaker for s in analysis.sentences}
    assert spoken == {"candidate", "interviewer"}
    for s in analysis.sentences:
        assert NAMED[s.start : s.end] == s.text
        if s.speaker == "interviewer":
            assert s.part == "none"
    interviewer_words = sum(
        len(s.text.split()) for s in analysis.sentences if s.speaker == "interviewer"
    )
    assert analysis.words == len(NAMED.split()) - interviewer_words - 4  # labels are not words
    for f in analysis.findings:
        assert all(analysis.sentences[i].speaker == "candidate" for i in f.sentences)
    for name, part in analysis.parts:
        assert all(analysis.sentences[i].speaker == "candidate" for i in part.sentences), name


def test_only_interviewer_lines_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="interviewer"):
        analyze("Interviewer: Tell me about a project you worked on.\n")


@given(st.text(max_size=400))
def test_any_text_keeps_its_length_and_turns_cover_it(text: str) -> None:
    d = read_dialogue(text)
    assert len(d.text) == len(text)
    assert all(0 <= t.start <= t.end <= len(text) for t in d.turns)
    assert all(t.role in ("candidate", "interviewer") for t in d.turns)
    for a, b in zip(text, d.text, strict=True):
        assert b == a or b == " "


def test_two_names_once_each_is_a_conversation_when_one_asks() -> None:
    text = "Lena: What did the model predict?\n\nOmar: Which orders arrive late, from the route."
    assert [t.role for t in read_dialogue(text).turns] == ["interviewer", "candidate"]


def test_the_drill_reads_the_candidates_model_not_the_interviewers() -> None:
    from deepdive.drill import overview_entities

    text = (
        "Interviewer: Did you try XGBoost or a random forest for this?\n"
        "Candidate: No, we kept a logistic regression, because the risk team had to read the "
        "weights, and it cut manual reviews by a third."
    )
    entities = overview_entities(text)
    assert "logistic" in entities.get("model", "").lower()
    assert "xgboost" not in " ".join(entities.values()).lower()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the interviewer talks more, but asks; the short, weak answers are the candidate's
            "Dana Wu: Thanks for coming in. So tell me about a machine learning project you are "
            "proud of, what was it and why did it matter?\n\nLeo Park: I made a model for churn. "
            "It worked pretty well.\n\nDana Wu: How did you evaluate it, and what did you compare "
            "it against in the end?\n\nLeo Park: We looked at accuracy, it was around 90%.",
            ["interviewer", "candidate", "interviewer", "candidate"],
        ),
        (
            "Interviewer 1: What did you build?\nMe (candidate): A churn model for a gym chain.\n"
            "Interviewer (Sam): How did you check it?\nCandidate: A pilot against other clubs.",
            ["interviewer", "candidate", "interviewer", "candidate"],
        ),
        (
            "- **Interviewer:** What did you build?\n- **Candidate:** A churn model.\n"
            "* Q: Why that model?\n1. A: Because it was simple.",
            ["interviewer", "candidate", "interviewer", "candidate"],
        ),
        (
            "[10:42 AM] Sarah Kim: What was the data?\n[10:43 AM] Tom Lee: Two years of check-ins,"
            " labelled by cancellations.\n[10:44 AM] Sarah Kim: And the model?\n[10:44 AM] Tom "
            "Lee: Gradient boosting, against the old rule.",
            ["interviewer", "candidate", "interviewer", "candidate"],
        ),
        # a time after the name, before the colon
        (
            "Dana 0:04: What did you build?\nLeo 0:11: A churn model for a gym chain, trained "
            "on two years of check-ins.\nDana 0:38: How did you check it?\nLeo 0:41: A pilot "
            "against other clubs.",
            ["interviewer", "candidate", "interviewer", "candidate"],
        ),
        # Otter: the name and the time on a line of their own, the words below
        (
            "Dana Wu  0:04\nWhat did you build?\n\nLeo Park  0:11\nA churn model for a gym "
            "chain, trained on two years of check-ins.\n\nDana Wu  0:38\nHow did you check "
            "it?\n\nLeo Park  1:02:41\nA pilot against other clubs.",
            ["interviewer", "candidate", "interviewer", "candidate"],
        ),
    ],
)
def test_more_transcript_formats(text: str, expected: list[str]) -> None:
    assert [t.role for t in read_dialogue(text).turns] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Headline: I cut chargeback losses by 30% with a fraud model.\nStakes: chargebacks cost "
        "millions a year.\nApproach: gradient boosting.\nNumbers: recall went from 41% to 63%.\n"
        "Open question: would per-country thresholds do better?",
        "I led a chest X-ray triage project.\nPriya: the DICOM ingestion pipeline.\nMarco: the "
        "labelling protocol.\nMe: I designed the model and the evaluation.",
        "## Approach\n- **SMOTE Oversampling:** balanced the classes.\n- **Class Weights:** also "
        "tried.\n- **Threshold Tuning:** picked on validation.",
    ],
)
def test_write_up_field_lists_stay_the_candidates(text: str) -> None:
    assert [t.role for t in read_dialogue(text).turns] == ["candidate"]


@pytest.mark.parametrize(
    "text",
    [
        "Dana Wu  0:04\nWhat did you build?\n\nLeo Park  0:11\nA churn model.\n",
        "Dana Wu 0:04: What did you build?\nLeo Park 1:11: A churn model.\n",
    ],
)
def test_the_time_beside_a_name_is_neither_speech_nor_part_of_the_name(text: str) -> None:
    d = read_dialogue(text)
    assert [d.text[t.start : t.end].strip() for t in d.turns] == [
        "What did you build?",
        "A churn model.",
    ]
    assert {t.speaker for t in d.turns} == {"Dana Wu", "Leo Park"}


def test_markers_alone_are_not_an_answer() -> None:
    with pytest.raises(InputError, match="no words"):
        analyze("[laughs]")


def test_a_labelled_interviewer_question_answered_no_is_a_denial() -> None:
    text = (
        "Interviewer: Tell me about the project.\n\nCandidate: I built a churn model for a gym "
        "chain that cut cancellations by 12% in a pilot against other clubs.\n\n"
        "Interviewer: Any limitations?\n\nCandidate: Not really."
    )
    assert "no_weakness" in analyze(text).finding_ids()


def test_the_answer_to_a_question_about_doing_it_differently_is_reflection() -> None:
    """The interviewer's question names the part its answer gives, as a heading would: "I'd
    start with gradient boosting" after "Anything you'd do differently?" is a lesson."""
    text = (
        "Interviewer: Tell me about a project.\n\nCandidate: I built the demand forecast for a "
        "grocery chain from two years of store sales; an LSTM beat the seasonal baseline, 22% "
        "weighted MAPE against 31% on the last six months, and waste fell 9% in the pilot "
        "stores.\n\nInterviewer: Anything you'd do differently?\n\nCandidate: I'd start with "
        "gradient boosting, honestly, the LSTM was slow to train and hard to explain to the "
        "planners."
    )
    analysis = analyze(text)
    assert analysis.part("reflection").present
    assert "no_weakness" not in analysis.finding_ids()


def test_a_time_at_the_end_of_a_sentence_line_is_no_speaker_label() -> None:
    text = "Runtime dropped to 2:45\nafter I cached the features, and the team kept it."
    d = read_dialogue(text)
    assert d.text == text and [t.role for t in d.turns] == ["candidate"]


@pytest.mark.parametrize(
    ("question", "reflection"),
    [
        ("What would you change?", True),
        ("Anything you'd do differently next time?", True),
        ("What did you do differently from the old spreadsheet process?", False),
        ("Did the model change anything for the analysts?", False),
    ],
)
def test_which_questions_ask_for_reflection(question: str, reflection: bool) -> None:
    from deepdive.parts import part_classifier

    assert (part_classifier().question_part(question) == "reflection") is reflection
