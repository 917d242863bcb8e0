"""Labelled single sentences: loading, validation, and the sentence-level yardstick."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from deepdive.real_evaluation import engine_sentence_parts, evaluate_sentences
from deepdive.realcorpus import RealAnswer
from deepdive.sentence_labels import (
    TAGS,
    LabelledSentence,
    SentenceLabelError,
    load_real_sentences,
    load_written,
)

ROOT = Path(__file__).resolve().parent.parent
WRITTEN = ROOT / "tests" / "corpus" / "concept_sentences"
REAL_LABELS = ROOT / "tests" / "realdev" / "sentence_labels.jsonl"


def test_shipped_written_sentences_load_and_cover_every_tag() -> None:
    sentences = load_written(WRITTEN)
    assert len(sentences) >= 1000
    seen = {t for s in sentences for t in s.tags}
    assert seen == TAGS
    assert len({s.text for s in sentences}) == len(sentences), "duplicate sentences"


def test_real_labels_file_holds_no_text() -> None:
    for line in REAL_LABELS.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        assert set(row) == {"id", "start", "end", "tags"}
        assert set(row["tags"]) <= TAGS


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"text": "We used logs.", "tags": ["dataa"]}', "written.jsonl:2: unknown tag 'dataa'"),
        ('{"text": "We used logs.", "tags": "data"}', "written.jsonl:2: 'tags' must be a list"),
        ('{"text": "", "tags": []}', "written.jsonl:2: 'text' must be a non-empty string"),
        ("{not json", "written.jsonl:2:"),
    ],
)
def test_malformed_written_line_names_file_and_line(
    tmp_path: Path, line: str, message: str
) -> None:
    good = '{"text": "Labels came from chargebacks.", "tags": ["data"]}'
    (tmp_path / "written.jsonl").write_text(good + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(SentenceLabelError, match=message.replace("(", r"\(")):
        load_written(tmp_path)


def test_real_sentences_are_read_from_the_text_by_offsets(tmp_path: Path) -> None:
    text = "Host: What did you build?\n\nAna: I built the churn model. It cut churn by 8%."
    answer = RealAnswer("x1", text, "spoken_transcript", "g", {}, (), "calibrated", 3.0)
    start = text.index("It cut")
    labels = tmp_path / "labels.jsonl"
    rows = [
        {"id": "x1", "start": start, "end": len(text), "tags": ["hook", "outcome"]},
        {"id": "other", "start": 0, "end": 4, "tags": []},
    ]
    labels.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    [sentence] = load_real_sentences(labels, [answer])
    assert sentence == LabelledSentence("It cut churn by 8%.", frozenset({"hook", "outcome"}), "x1")
    labels.write_text(json.dumps({"id": "x1", "start": 5, "end": 999, "tags": []}), "utf-8")
    with pytest.raises(SentenceLabelError, match="offsets outside"):
        load_real_sentences(labels, [answer])


def test_engine_reads_single_sentences() -> None:
    assert "hook" in engine_sentence_parts("The new model cut false alarms by 40%.")
    assert "reflection" in engine_sentence_parts("In hindsight I would have talked to users first.")
    assert engine_sentence_parts("Thanks for having me on the show.") == set()


def test_sentence_reading_stays_above_its_floor_on_blind_written_sentences() -> None:
    """Measured when the written set was added (part macro-F1 0.605); a regression fails."""
    counts = evaluate_sentences(load_written(WRITTEN))
    macro = sum(c.f1 for c in counts.values()) / len(counts)
    assert macro >= 0.58, {p: round(c.f1, 2) for p, c in counts.items()}
