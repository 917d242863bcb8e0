"""Property tests: any text either analyses with a valid record or is refused cleanly."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deepdive import InputError, analyze
from deepdive.inputs import decode
from tests.test_analysis import check_schema

WORDS = st.sampled_from(
    (
        "we i the model data baseline AUC 0.87 30% cut by a third XGBoost labels noisy held-out "
        "test set in hindsight um so and then . , ? ! \n - # e.g. U.S. approx. 2x tenfold"
    ).split(" ")
)


def _check(text: str) -> None:
    try:
        a = analyze(text)
    except InputError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    check_schema(json.loads(a.to_json()), text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=20_000))
def test_any_unicode_text(text: str) -> None:
    _check(text)


@settings(max_examples=150, deadline=None)
@given(st.lists(WORDS, max_size=400).map(" ".join))
def test_answer_like_text(text: str) -> None:
    _check(text)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=5000))
def test_any_bytes(data: bytes) -> None:
    try:
        text = decode(data)
    except InputError:
        return
    _check(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=3000))
def test_text_saved_as_utf16_with_its_mark_reads_as_the_same_text(text: str) -> None:
    text = text.lstrip("\ufeff")  # a second mark is read as one, as in UTF-8
    for encoding in ("utf-16-le", "utf-16-be"):
        mark = b"\xff\xfe" if encoding.endswith("le") else b"\xfe\xff"
        try:
            data = mark + text.encode(encoding)
        except UnicodeEncodeError:
            return  # a lone surrogate cannot be saved as UTF-16 either
        try:
            decoded = decode(data)
        except InputError as exc:
            assert "binary" in str(exc) and "\x00" in text
            continue
        assert decoded == text
