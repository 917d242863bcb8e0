"""Key-point coverage on hand-labelled practice answers (tests/data/keypoint_pairs.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from deepdive.bank import find, shipped
from deepdive.coverage import check_coverage

PAIRS = yaml.safe_load(
    (Path(__file__).parent / "data" / "keypoint_pairs.yaml").read_text(encoding="utf-8")
)["answers"]


def _scores(split: str | None) -> tuple[float, float, int]:
    tp = fp = fn = n = 0
    for item in PAIRS:
        if split and item["split"] != split:
            continue
        result = check_coverage(find(shipped(), item["question"]), item["answer"])
        for i, point in enumerate(result.points):
            n += 1
            truth = i in item["covered"]
            tp += point.covered and truth
            fp += point.covered and not truth
            fn += truth and not point.covered
    return tp / (tp + fp), tp / (tp + fn), n


def test_labelled_set_is_big_enough_and_refers_to_real_questions() -> None:
    pairs = sum(len(find(shipped(), a["question"]).key_points) for a in PAIRS)
    assert pairs >= 40
    assert {a["split"] for a in PAIRS} == {"dev", "test"}


@pytest.mark.parametrize("split", ["test", None])
def test_coverage_precision_and_recall(split: str | None) -> None:
    precision, recall, n = _scores(split)
    assert n >= 40
    assert precision >= 0.85, f"precision {precision:.2f} on {split or 'all'}"
    assert recall >= 0.8, f"recall {recall:.2f} on {split or 'all'}"


def test_evidence_quotes_sentences_of_the_answer() -> None:
    item = PAIRS[0]
    result = check_coverage(find(shipped(), item["question"]), item["answer"])
    answer = " ".join(item["answer"].split())
    quoted = [s for p in result.points for s in p.evidence]
    assert quoted
    for sentence in quoted:
        assert " ".join(sentence.split()) in answer
    assert all(not p.evidence for p in result.points if not p.covered)


def test_repeating_the_question_covers_nothing() -> None:
    q = find(shipped(), "depth-batchnorm")
    assert check_coverage(q, q.text).covered == 0


@pytest.mark.parametrize(
    ("question", "n", "answer", "mark"),
    [
        # the option the point sets aside, given alone: backwards
        (
            "depth-batchnorm",
            3,
            "At inference time it uses the batch statistics of the test batch.",
            "wrong",
        ),
        # the point's own option, setting the other aside in its own words: right
        (
            "depth-batchnorm",
            3,
            "At inference it uses running averages of the mean and variance, not the batch "
            "statistics.",
            "covered",
        ),
        (
            "depth-batchnorm",
            3,
            "At inference it does not use running averages; it uses the batch statistics.",
            "wrong",
        ),
        # the other option named only to speak against it: right
        (
            "code-top-k-sampling",
            1,
            "To pick the top k, a full sort is wasteful here, so I use argpartition.",
            "covered",
        ),
        (
            "code-vectorize",
            1,
            "Python loops are slow, so I avoid them and use broadcasting.",
            "covered",
        ),
        (
            "br-bootstrap-misleading-intervals",
            0,
            "With many sessions per user, I resample users with replacement, not sessions.",
            "covered",
        ),
    ],
)
def test_a_point_preferring_one_option_to_another(
    question: str, n: int, answer: str, mark: str
) -> None:
    point = check_coverage(find(shipped(), question), answer).points[n]
    assert " instead of " in point.point or " rather than " in point.point
    got = "wrong" if point.wrong else "covered" if point.covered else "missed"
    assert got == mark, point.wrong


def test_words_several_key_points_share_do_not_cover_them_all() -> None:
    # "mean and variance" belongs to the normalising point and the inference point alike: a
    # sentence about normalising covers the first, not the one about running averages
    q = find(shipped(), "depth-batchnorm")
    points = check_coverage(q, "It normalizes activations with batch mean and variance.").points
    assert points[0].covered and not points[3].covered


def test_an_answer_in_other_words_is_covered() -> None:
    q = find(shipped(), "br-early-stopping")
    answer = "Keep an eye on the held-out loss while training runs."
    result = check_coverage(q, answer)
    assert result.points[0].covered
    assert result.to_dict()["schema"] == "deepdive.coverage/1"


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_free_text_never_breaks_coverage(text: str) -> None:
    result = check_coverage(find(shipped(), "depth-kmeans"), text)
    assert all(0.0 <= p.score <= 1.0 for p in result.points)


def test_the_other_sides_right_definition_is_not_a_wrong_claim() -> None:
    from deepdive.bank import find, shipped
    from deepdive.coverage import check_coverage

    answer = (
        "Precision is the share of the items we flagged that were really positive. "
        "Recall is kind of the other one."
    )
    marks = [
        "wrong" if p.wrong else "covered" if p.covered else "missed"
        for p in check_coverage(find(shipped(), "br-precision-recall"), answer).points
    ]
    # precision defined, recall defined, when precision matters, when recall matters
    assert marks[:2] == ["covered", "missed"] and "wrong" not in marks


# Each pair of definitions told (a) in sentences that point back with "It", or (b) in clauses
# of one sentence: swapped, both marked wrong; the right way round, both covered. Evidence is
# quoted as written. (question, answer, the two points' marks)
SIDES_TOLD = [
    (  # the L1/L2 pair swapped, each property in a sentence that points back with "It"
        "depth-regularization",
        "L1 uses the squared values of the weights. It shrinks all weights smoothly and never "
        "makes them exactly zero. L2 uses the absolute values. It pushes many weights to "
        "exactly zero, so you get a sparse model.",
        ["wrong", "wrong"],
    ),
    (  # two sentences in a row point back to the first
        "depth-regularization",
        "L1 uses the absolute values of the weights. It pushes many weights to exactly zero. "
        "It gives you a sparse model. L2 uses the squared values and shrinks all weights "
        "smoothly without making them exactly zero.",
        ["covered", "covered"],
    ),
    (  # the same sentences, the right way round
        "depth-regularization",
        "L1 uses the absolute values of the weights. It pushes many weights to exactly zero, "
        "so you get a sparse model. L2 uses the squared values. It shrinks all weights "
        "smoothly and never makes them exactly zero.",
        ["covered", "covered"],
    ),
    (  # both sides in one sentence, swapped
        "br-precision-recall",
        "Precision is the share of actual positives that the model finds, and recall is the "
        "share of predicted positives that are correct.",
        ["wrong", "wrong"],
    ),
    (  # ... and the right way round
        "br-precision-recall",
        "Precision is the share of predicted positives that are correct, and recall is the "
        "share of actual positives that the model finds.",
        ["covered", "covered"],
    ),
]


@pytest.mark.parametrize(("qid", "answer", "expected"), SIDES_TOLD)
def test_each_side_of_a_pair_is_read_where_it_is_the_subject(
    qid: str, answer: str, expected: list[str]
) -> None:
    from deepdive.bank import find, shipped
    from deepdive.coverage import check_coverage

    question = find(shipped(), qid)
    points = check_coverage(question, answer).points
    marks = {p.point: "wrong" if p.wrong else "covered" if p.covered else "missed" for p in points}
    # the two definition points: L1 and L2 (second and third), precision and recall (first two)
    pair = question.key_points[1:3] if qid == "depth-regularization" else question.key_points[:2]
    assert [marks[p] for p in pair] == expected, [(p.point, p.evidence) for p in points]
    assert all(q in answer for p in points for q in p.evidence)


def test_a_purpose_said_as_a_negation_is_not_denied() -> None:
    from deepdive.bank import find, shipped
    from deepdive.coverage import check_coverage

    answer = "Regularization adds a penalty term to the loss so the model does not overfit."
    first = check_coverage(find(shipped(), "depth-regularization"), answer).points[0]
    assert first.covered and first.wrong is None


def test_a_point_that_denies_a_claim_is_not_covered_by_stating_the_claim() -> None:
    question = find(shipped(), "br-p-value")
    n = next(k for k, p in enumerate(question.key_points) if " not " in f" {p} ")
    wrong = check_coverage(question, "Basically there's a small chance the null is true.")
    assert not wrong.points[n].covered
    right = check_coverage(
        question, "It isn't the probability that the null is true; it assumes the null."
    )
    assert right.points[n].covered


@pytest.mark.parametrize(
    ("qid", "answer", "point_word"),
    [
        (
            "depth-feature-scaling",
            "Distance-based models need scaling. Tree-based models split on thresholds, so they"
            " are unaffected by scaling and you can leave it out for them.",
            "tree-based",
        ),
        (
            "br-data-augmentation",
            "Augmentations have to preserve the label: a flip is fine only if the class stays the"
            " same.",
            "label",
        ),
    ],
)
def test_a_denial_said_in_positive_words_is_covered(qid: str, answer: str, point_word: str) -> None:
    question = find(shipped(), qid)
    result = check_coverage(question, answer)
    point = next(p for p in result.points if point_word in p.point)
    assert point.covered and point.wrong is None
