"""Search phrases (``data/search_phrases.yaml``): the file validates, names its lines when
malformed, covers the shipped bank, and its phrases make a question findable."""

from __future__ import annotations

import pytest

from deepdive.bank import shipped
from deepdive.bank_lint import lint
from deepdive.bank_search import SearchIndex
from deepdive.datafiles import DataFileError, parse_yaml
from deepdive.search_phrases import FILE, phrases_for, read_phrases, search_phrases


def test_every_shipped_question_has_phrases() -> None:
    missing = [q.id for q in shipped() if not phrases_for(q.id, q.aliases)]
    assert missing == []
    assert all(1 <= len(p) <= 12 for p in search_phrases().values())


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a-id:\n  - ok\nb-id: just text\n", r"search_phrases\.yaml:3: 'b-id' needs a list"),
        ("a-id:\n  - ok\nb-id: []\n", r"search_phrases\.yaml:3: 'b-id' needs a list"),
        ("a-id:\n  - ''\n", r"search_phrases\.yaml:1: 'a-id' has a phrase that is not text"),
        (
            "a-id:\n  - " + " ".join(["word"] * 17) + "\n",
            r"search_phrases\.yaml:1: .* longer than 16 words",
        ),
        ("- a\n- b\n", r"search_phrases\.yaml: expected a mapping"),
    ],
)
def test_malformed_file_names_file_and_line(text: str, message: str) -> None:
    with pytest.raises(DataFileError, match=message):
        read_phrases(parse_yaml(text, FILE))


def test_phrases_follow_an_earlier_id() -> None:
    table = read_phrases(parse_yaml("old-id:\n  - lasso versus ridge\n", FILE))
    assert table == {"old-id": ("lasso versus ridge",)}
    assert phrases_for("no-such-id", ()) == ()


def test_a_phrase_finds_a_question_its_text_does_not_name() -> None:
    ident = "br-precision-recall"
    target = next(q for q in shipped() if q.id == ident)
    own = set(target.text.lower().split())
    phrase = next(p for p in phrases_for(ident) if not set(p.lower().split()) & own)
    hits = [q.id for q, _ in SearchIndex(shipped()).search(phrase, 5)]
    assert ident in hits


def test_lint_flags_phrases_for_a_question_the_bank_lacks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        "deepdive.bank_lint.search_phrases", lambda: {"br-no-such-question": ("x",)}
    )
    problems = [p for p in lint(shipped()) if p.code == "search-phrases"]
    assert [p.where for p in problems] == ["br-no-such-question"]


def test_no_phrase_says_only_that_it_is_an_interview_question() -> None:
    """Every question in the bank is an interview question: the words tell search nothing."""
    noisy = [
        (ident, p)
        for ident, phrases in search_phrases().items()
        for p in phrases
        if "interview" in p.lower() and ident != "beh-interview-others"
    ]
    assert noisy == []
