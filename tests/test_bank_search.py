"""Search relevance on queries a candidate would type, and recognising the same question."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from deepdive.bank import shipped
from deepdive.bank_search import (
    MIN_COVERAGE,
    MIN_COVERAGE_LONG,
    SearchIndex,
    asked_question,
    min_coverage,
    question_similarity,
    same_question,
)

QUERIES = [
    ("batchnorm", "depth-batchnorm"),
    ("batch normalization", "depth-batchnorm"),
    ("L1 versus L2", "depth-regularization"),
    ("imbalanced classes", "depth-class-imbalance"),
    ("p-value", "br-p-value"),
    ("k-means clustering", "depth-kmeans"),
    ("early stopping", "br-early-stopping"),
    ("cold start recommendations", "sd-recommendations-new-items"),
    ("disagreement with tech lead", "beh-disagree-lead"),
    ("production incident on call", "beh-mistake-production"),
    ("labelling pipeline annotators", "sd-data-labeling"),
    ("subword tokenization", "br-tokenization"),
    # a library, a courtesy or one word the bank never uses does not sink the query
    ("batch norm pytorch", "depth-batchnorm"),
    ("dropout please", "depth-dropout"),
    ("design a recommendation system for zorblax", "sd-job-matching"),
    # misspelt words are put right; a long description needs a smaller share of its words
    ("precision and recal", "br-precision-recall"),
    ("kl divergance", "br-entropy-kl-divergence"),
    ("bias varience tradeoff", "depth-bias-variance"),
    # a short word that abbreviates what the query already names; a number typed on its unit
    ("l1 vs l2 reg", "depth-regularization"),
    ("4bit llm weights", "depth-int4-weight-quantization"),
    (
        "my colleague peeks at the experiment every morning and stops it once it looks good",
        "br-ab-test-peeking",
    ),
    ("we only learn whether a loan defaulted many months later", "sd-loan-default-delayed-labels"),
]


def test_a_query_about_the_tools_themselves_keeps_them() -> None:
    assert SearchIndex(shipped()).search("pytorch or tensorflow in your project") == []


@pytest.mark.parametrize(("query", "expected"), QUERIES)
def test_the_right_question_is_in_the_top_three(query: str, expected: str) -> None:
    hits = SearchIndex(shipped()).search(query, limit=3)
    assert expected in [q.id for q, _ in hits], [q.id for q, _ in hits]


def test_corrections_touch_only_words_the_bank_does_not_use() -> None:
    index = SearchIndex(shipped())
    assert index.corrected("kl divergance and batchnorm") == "kl divergence and batchnorm"
    assert index.corrected("Welford's algorithm") == "Welford's algorithm"


def test_the_share_a_question_must_hold_falls_with_the_query_length() -> None:
    shares = [min_coverage(n) for n in range(1, 12)]
    assert shares == sorted(shares, reverse=True)
    assert shares[0] == MIN_COVERAGE and shares[-1] == MIN_COVERAGE_LONG


def test_close_runners_up_follow_a_match_and_never_make_one() -> None:
    index = SearchIndex(shipped())
    by_words = [index.questions[i].id for i, _ in index.by_words("kl divergence")]
    assert by_words[:2] == ["br-entropy-kl-divergence", "br-forward-reverse-kl"]
    hits = [q.id for q, _ in index.search("kl divergence", 5)]
    assert hits[0] == "br-entropy-kl-divergence" and "br-forward-reverse-kl" in hits[:3]
    assert index.search("design a system for zorblax quarterly wibble") == []


def test_a_product_named_for_context_does_not_sink_the_query() -> None:
    # a word the bank never uses may be the one word a match lacks: often a product or tool
    index = SearchIndex(shipped())
    assert index.search("sagemaker model deployment")[0][0].id == "pdd-deployment"
    assert index.search("databricks feature store")[0][0].id == "sd-feature-store"


def test_a_topic_the_bank_lacks_beside_words_it_has_is_no_match() -> None:
    # the lacked word is the topic here, and the question is not close in meaning
    index = SearchIndex(shipped())
    assert index.search("quicksort time complexity") == []
    assert index.search("image captioning model") == []
    # ... while a lacked word beside a question that means the same still matches
    assert index.search("kv cache vram")[0][0].id == "depth-kv-cache-memory"


def test_a_query_asking_how_to_answer_a_question_is_read_as_that_question() -> None:
    assert asked_question("how should I answer 'tell me about a time you failed'") == (
        "tell me about a time you failed'"
    )
    assert asked_question("How do I respond to: why did you leave?") == "why did you leave?"
    assert asked_question("how to answer") == "how to answer"  # nothing asked: as typed
    assert asked_question("how do answers differ") == "how do answers differ"
    hits = SearchIndex(shipped()).search("how should I answer 'tell me about a time you failed'")
    assert hits[0][0].id == "pdd-failure", [q.id for q, _ in hits]


def test_short_abbreviations_are_dropped_only_beside_the_concept_they_shorten() -> None:
    index = SearchIndex(shipped())
    assert index.terms("l2 reg") == ["c:regularization"]
    assert "reg" in index.terms("reg model in a region")
    # a word the bank itself uses is not taken for an abbreviation ("lead" is not "leader")
    assert index.terms("why wordpiece instead of whole words")[-1] == "word"


def test_a_question_sharing_nothing_with_the_query_is_no_runner_up() -> None:
    hits = SearchIndex(shipped()).search("pytorch training loop", 20)
    assert hits and all(score >= 0.1 for _, score in hits), hits


def test_results_are_ranked_and_bounded() -> None:
    hits = SearchIndex(shipped()).search("validation leakage time series", limit=5)
    scores = [s for _, s in hits]
    assert 3 <= len(hits) <= 5 and scores == sorted(scores, reverse=True)
    assert SearchIndex(shipped()).search("zzzz qqqq") == []


PAIRS = yaml.safe_load(
    (Path(__file__).parent / "data" / "same_question_pairs.yaml").read_text(encoding="utf-8")
)["pairs"]


def test_same_question_on_the_held_out_pairs() -> None:
    from deepdive.meaning import threshold

    limit = threshold("same_question")
    rows = [
        (same, question_similarity(a, b) >= limit) for split, same, a, b in PAIRS if split == "test"
    ]
    tp = sum(s and p for s, p in rows)
    fp = sum(p and not s for s, p in rows)
    fn = sum(s and not p for s, p in rows)
    assert len(rows) >= 20
    assert tp / (tp + fp) >= 0.9  # a wrong merge hides a question: precision comes first
    assert tp / (tp + fn) >= 0.5


def test_same_question_picks_the_matching_candidate() -> None:
    bank = list(shipped())
    found = same_question("What does a p-value tell you and what does it not tell you?", bank)
    assert found is not None and found.id == "br-p-value"
    assert same_question("How do you make sourdough bread?", bank) is None


def test_a_single_word_finds_the_question_a_longer_concept_names() -> None:
    index = SearchIndex(shipped())
    assert index.search("recall", 1)[0][0].id == "br-precision-recall"
    assert index.search("over-fitting", 1)[0][0].id == "br-overfitting"
    assert index.did_you_mean("under fitting") == "underfitting"
    # "non-technical" is not a missing value (an unquoted YAML null once read as "none")
    assert index.search("missing values", 1)[0][0].id == "depth-missing-values"


def test_an_optimizer_comparison_finds_the_optimizer_question_first() -> None:
    found = [q.id for q, _ in SearchIndex(shipped()).search("gradient descent vs adam", 3)]
    assert found[0] == "depth-optimizers"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("what's the difference between precision and recall", "br-precision-recall"),
        ("predicted probabilities not reliable", "depth-calibration"),
        ("training accuracy is almost perfect but test accuracy is much worse", "br-overfitting"),
    ],
)
def test_a_question_very_close_in_meaning_ranks_beside_word_matches(
    query: str, expected: str
) -> None:
    # each of these once lost first place to a question sharing more of the words
    assert SearchIndex(shipped()).search(query, 1)[0][0].id == expected
