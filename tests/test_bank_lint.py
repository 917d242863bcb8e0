"""``deepdive bank lint``: the shipped bank is clean, and each rule fires on a bad question."""

from __future__ import annotations

from dataclasses import replace

import pytest

from deepdive.bank import find, shipped
from deepdive.bank_lint import lint
from deepdive.meaning import id_word_in_text


def test_the_shipped_bank_is_clean() -> None:
    assert lint(shipped()) == []


def _one(**changes: object) -> list[str]:
    base = find(shipped(), "br-precision-recall")
    return [p.code for p in lint([replace(base, **changes)], check_balance=False)]  # type: ignore[arg-type]


def test_each_rule_fires() -> None:
    assert _one() == []
    assert _one(
        key_points=("retraining and rollback", "precision is the share that is right", "x y z w")
    ) == ["short-key-point"]
    assert _one(id="br-shap-compute") == ["id-words"]
    twin = replace(find(shipped(), "br-precision-recall"), id="br-precision-recall-twin")
    codes = [
        p.code for p in lint([find(shipped(), "br-precision-recall"), twin], check_balance=False)
    ]
    assert "near-duplicate" in codes


def test_balance_is_checked() -> None:
    small = [q for q in shipped() if q.round != "behavioral"][:100]
    codes = {p.code for p in lint(small)}
    assert {"round-size", "topic-coverage"} <= codes


@pytest.mark.parametrize(
    ("word", "text", "said"),
    [
        ("mle", "How do maximum likelihood estimation and MAP differ?", True),
        ("kmeans", "Explain k-means clustering.", True),
        ("impl", "Implement softmax.", True),
        ("ab", "How long must an A/B test run?", True),
        ("shap", "How would you compute permutation importance?", False),
        ("retry", "How would you measure agreement between labellers?", False),
    ],
)
def test_id_words(word: str, text: str, said: bool) -> None:
    assert id_word_in_text(word, text) is said


def test_renamed_questions_keep_their_old_ids() -> None:
    bank = shipped()
    assert find(bank, "code-shap-compute").id == "code-permutation-importance"
    assert find(bank, "beh-on-call").id == "beh-mistake-production"
    with pytest.raises(KeyError):
        find(bank, "no-such-question")
