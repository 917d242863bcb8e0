"""Sentence vectors: the shipped table, its checks, and what the vectors say."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deepdive.datafiles import DataFileError
from deepdive.sentence_vectors import DIMENSIONS, read_table, sentence_vectors


def cosine(a: str, b: str) -> float:
    table = sentence_vectors()
    return float(table.encode(a) @ table.encode(b))


def test_the_shipped_table_loads_with_a_vector_per_piece() -> None:
    table = sentence_vectors()
    assert table.vectors.shape == (len(table.position), DIMENSIONS)
    assert len(table.position) > 5000


def test_texts_that_mean_the_same_are_closer_than_texts_that_do_not() -> None:
    # written for this test; none of them is a bank question or phrase
    anchor = "the model scores well on training data but badly on data it has never seen"
    assert cosine(anchor, "overfitting") > cosine(anchor, "how to write a cover letter") + 0.2
    assert cosine("my labels disagree between annotators", "inter-rater agreement") > cosine(
        "my labels disagree between annotators", "gradient clipping"
    )


def test_a_text_with_no_known_word_is_the_zero_vector() -> None:
    assert not sentence_vectors().encode("zqzqzq xkxkxk").any()
    assert not sentence_vectors().encode("").any()


def test_encoding_is_deterministic() -> None:
    a = sentence_vectors().encode("precision and recall on rare fraud cases")
    b = sentence_vectors().encode_many(["precision and recall on rare fraud cases"])[0]
    assert a.tobytes() == b.tobytes()


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_any_text_is_a_unit_vector_or_zero(text: str) -> None:
    v = sentence_vectors().encode(text)
    assert v.shape == (DIMENSIONS,) and np.isfinite(v).all()
    norm = float(np.linalg.norm(v))
    assert norm == pytest.approx(1.0, abs=1e-4) or norm == 0.0


def _write(path: Path, tokens: list[str], vectors: np.ndarray) -> Path:
    np.savez(path, tokens=np.array(tokens), vectors=vectors)
    return path


def test_a_table_of_the_wrong_shape_names_the_file(tmp_path: Path) -> None:
    bad = _write(tmp_path / "t.npz", ["a", "b"], np.zeros((3, DIMENSIONS), dtype=np.float16))
    with pytest.raises(DataFileError, match=r"t\.npz: expected 2 x 128"):
        read_table(bad, "t.npz")


def test_repeated_tokens_and_bad_numbers_are_refused(tmp_path: Path) -> None:
    twice = _write(tmp_path / "a.npz", ["a", "a"], np.zeros((2, DIMENSIONS)))
    with pytest.raises(DataFileError, match=r"a\.npz: the token list has empty or repeated"):
        read_table(twice, "a.npz")
    nan = np.zeros((1, DIMENSIONS))
    nan[0, 0] = np.nan
    with pytest.raises(DataFileError, match="not finite"):
        read_table(_write(tmp_path / "b.npz", ["a"], nan), "b.npz")


def test_a_file_that_is_not_a_table_names_itself(tmp_path: Path) -> None:
    junk = tmp_path / "junk.npz"
    junk.write_bytes(b"not a zip file at all")
    with pytest.raises(DataFileError, match=r"junk\.npz: not a sentence-vector table"):
        read_table(junk, "junk.npz")
    with pytest.raises(DataFileError, match="missing"):
        read_table(tmp_path / "absent.npz", "absent.npz")
