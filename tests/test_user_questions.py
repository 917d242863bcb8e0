"""The user's own questions in the store: add, same-meaning reports, links to shipped ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from deepdive.bank import combined, find
from deepdive.store import Store
from deepdive.user_questions import (
    Draft,
    DraftError,
    add_drafts,
    check_is_question,
    delete_user_question,
    guess_round,
    list_user_questions,
    validate_record,
)


def test_add_then_report_again_by_meaning(store_url: str) -> None:
    store = Store(store_url)
    first = add_drafts(store, [Draft("How would you build a feature store?", company="Acme")])
    assert [o.action for o in first] == ["added"]
    again = add_drafts(store, [Draft("How would you build a feature store ?", company="Beta")])
    assert [(o.action, o.question_id) for o in again] == [("reported again", first[0].question_id)]
    mine = list_user_questions(store)
    assert len(mine) == 1 and mine[0].reported == 2 and mine[0].company == "Acme"
    assert mine[0].origin == "user" and not mine[0].verified
    # where it was asked again is kept, with the date; a bare report adds a count only
    add_drafts(store, [Draft("How would you build a feature store?", asked_on="2026-11")])
    add_drafts(store, [Draft("How would you build a feature store?")])
    (q,) = list_user_questions(store)
    assert q.reported == 4 and q.reports == (("Beta", None), (None, "2026-11"))
    assert q.reported_by == ("Beta",)


def test_reports_survive_export_and_import(store_url: str, tmp_path: Path) -> None:
    from deepdive.transfer import export_data, import_data, parse_export

    store = Store(store_url)
    text = "How would you build a feature store?"
    later = Draft(text, company="Beta", asked_on="2026-10")
    add_drafts(store, [Draft(text, company="Acme"), later])
    data = parse_export(json.dumps(export_data(store)))
    other = Store(f"sqlite:///{tmp_path}/other.db")
    import_data(other, data)
    (q,) = list_user_questions(other)
    assert (q.company, q.reported, q.reports) == ("Acme", 2, (("Beta", "2026-10"),))
    assert q.to_dict()["reports"] == [{"company": "Beta", "asked": "2026-10"}]
    for bad in ([{}], [{"asked": "garbage"}], ["Beta"], {"company": "Beta"}):
        record = {"text": text, "round": "ml_depth", "reports": bad}
        with pytest.raises(DraftError, match="'reports' must be a list"):
            validate_record(record, "questions[0]")


def test_key_points_given_again_are_added_not_dropped(store_url: str) -> None:
    store = Store(store_url)
    text = "How do you pick the number of clusters for k-means on customer data?"
    add_drafts(store, [Draft(text)])
    again = Draft(
        text,
        key_points=["elbow plot of within-cluster sum of squares", "silhouette score per k"],
        follow_ups=["What if the clusters differ a lot in size?"],
    )
    (out,) = add_drafts(store, [again])
    assert (out.action, out.added_points, out.added_follow_ups) == ("reported again", 2, 1)
    repeat = Draft(text, key_points=["Silhouette  score per K", "gap statistic against noise"])
    (out,) = add_drafts(store, [repeat])
    assert (out.added_points, out.added_follow_ups) == (1, 0)  # the same point is not added twice
    (q,) = list_user_questions(store)
    assert q.key_points == (
        "elbow plot of within-cluster sum of squares",
        "silhouette score per k",
        "gap statistic against noise",
    )
    assert q.follow_ups == ("What if the clusters differ a lot in size?",) and q.reported == 3
    shipped = Draft("What does a p-value tell you and what does it not tell you?", key_points=["a"])
    (out,) = add_drafts(store, [shipped])
    assert out.question_id == "br-p-value" and out.ignored == 1


def test_a_question_preferring_the_opposite_is_another_question(store_url: str) -> None:
    store = Store(store_url)
    one = "Why would you use precision rather than recall for a spam filter?"
    other = "Why would you use recall rather than precision for a spam filter?"
    add_drafts(store, [Draft(one, key_points=["false positives cost the user real mail"])])
    (out,) = add_drafts(store, [Draft(other, key_points=["missing spam is what costs"])])
    assert out.action == "added"
    first, second = list_user_questions(store)
    assert first.key_points == ("false positives cost the user real mail",)
    assert second.key_points == ("missing spam is what costs",)
    (again,) = add_drafts(store, [Draft(one.replace("for a", "in a"))])
    assert (again.action, again.question_id) == ("reported again", first.id)


def test_reporting_a_shipped_question_raises_its_count(store_url: str) -> None:
    store = Store(store_url)
    text = "What does a p-value tell you and what does it not tell you?"
    out = add_drafts(store, [Draft(text, company="Acme"), Draft(text, company="Beta")])
    assert [o.question_id for o in out] == ["br-p-value", "br-p-value"]
    q = find(combined(list_user_questions(store)), "br-p-value")
    assert q.reported == 2 and q.reported_by == ("Acme", "Beta")
    assert len(combined(list_user_questions(store))) == len(combined())
    # the report's own id (used by delete and export) finds the question it reports
    (report,) = list_user_questions(store)
    assert report.same_as == "br-p-value"
    assert find(combined(list_user_questions(store)), report.id).id == "br-p-value"
    assert q.reported_as == (report.id,)


def test_a_batch_with_one_bad_draft_saves_nothing(store_url: str) -> None:
    store = Store(store_url)
    drafts = [Draft("How do you pick a loss?"), Draft("Why that loss?", difficulty=7)]
    with pytest.raises(DraftError, match="question 2: difficulty must be 1, 2 or 3"):
        add_drafts(store, drafts)
    assert list_user_questions(store) == []


@pytest.mark.parametrize(
    ("draft", "message"),
    [
        (Draft("   "), "the question text is empty"),
        (Draft("x" * 1001), "longer than 1000"),
        (Draft("Why that loss?", round="cooking"), "unknown round 'cooking'"),
        (Draft("Why that loss?", asked_on="May 2026"), "must look like 2026-05-14"),
        (Draft("Why that loss?", asked_on="2026-13"), "not a real date"),
        (Draft("Why that loss?", asked_on="2999-01"), "in the future"),
    ],
)
def test_bad_drafts_say_which_field(draft: Draft, message: str) -> None:
    with pytest.raises(DraftError, match=message):
        draft.validate()


@pytest.mark.parametrize(
    ("text", "message"),
    [("asdf", "too short to be a question"), ("Backpropagation", "too short"), ("?", "no words")],
)
def test_typed_text_that_is_no_question_is_refused(text: str, message: str) -> None:
    with pytest.raises(DraftError, match=message):
        check_is_question(text)


def test_short_real_questions_are_kept_and_files_keep_what_they_hold(store_url: str) -> None:
    for text in (
        "Explain dropout",
        "What is AUC?",
        "Why?",
        "\u4ec0\u4e48\u662f\u53cd\u5411\u4f20\u64ad\uff1f",
    ):
        check_is_question(text)
    # an export holding a one-word question (stored before the check existed) still imports
    record = {"text": "Backpropagation", "round": "ml_depth", "reported": 1}
    validate_record(record, "questions[0]")


def test_round_is_guessed_from_the_nearest_shipped_question() -> None:
    assert guess_round("How does dropout regularize a network?") == "ml_depth"
    assert guess_round("Tell me about a conflict in your team") == "behavioral"
    assert guess_round("How would you detect label noise in a dataset?") != "project_deep_dive"
    assert guess_round("Which project of yours had the most impact?") == "project_deep_dive"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a technical question is never filed as behavioural, even when a behavioural question
        # about labelling vendors shares its words
        ("How would you detect label noise in a large crowdsourced dataset?", "ml_system_design"),
        ("Describe how you would debug a model whose AUC dropped overnight", "ml_depth"),
        # a behavioural opening files it there, whatever the topic
        ("Tell me about a time you found noisy labels in production", "behavioral"),
        ("How did you handle a disagreement with your manager?", "behavioral"),
        # questions about oneself or one's team stay behavioural, however they open
        ("What is your biggest weakness?", "behavioral"),
        ("How would you handle a teammate who is not pulling their weight?", "behavioral"),
        ("Your manager asks you to write a report overnight. What do you do?", "behavioral"),
        # an opening counts only at the start of the question
        ("How did you choose the learning rate for your transformer?", "ml_depth"),
        # a shipped question typed word for word keeps its round: its own score outweighs
        # weaker neighbours of another round
        ("How do vision transformers differ from convolutional networks?", "ml_breadth"),
        ("Why do ensembles usually beat single models?", "ml_breadth"),
    ],
)
def test_the_guessed_round_follows_how_the_question_is_asked(text: str, expected: str) -> None:
    assert guess_round(text) == expected


def test_delete(store_url: str) -> None:
    store = Store(store_url)
    (added,) = add_drafts(store, [Draft("How would you shard an embedding table?")])
    assert not delete_user_question(store, "depth-batchnorm")
    assert not delete_user_question(store, "my-999")
    assert delete_user_question(store, added.question_id)
    assert list_user_questions(store) == []
