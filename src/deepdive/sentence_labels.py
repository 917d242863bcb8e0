"""Sentences labelled by people, one at a time: a yardstick for the sentence-level reading.

Two sets, both written or labelled blind (before deepdive ran on them):

* written training sentences (``tests/corpus/concept_sentences/*.jsonl``): one JSON object per
  line, ``{"text": ..., "tags": [...]}``, in the registers real answers come in — spoken,
  written interview answers, project write-ups, and hard near-misses;
* our labels of the real corpus's sentences (``tests/realdev/sentence_labels.jsonl``):
  ``{"id", "start", "end", "tags"}`` — offsets into a text of ``../shared/realdev``, whose words
  are read from there and never stored in the repository.

Tags are the six parts plus the finer signals an interviewer listens for (:data:`SIGNALS`).
A malformed line raises :class:`SentenceLabelError` naming the file and the line.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from deepdive.analysis import PARTS
from deepdive.realcorpus import RealAnswer
from deepdive.turns import read_dialogue

SIGNALS = ("outcome", "baseline", "alternative", "own", "team", "credit", "minimise", "denial")
TAGS = frozenset((*PARTS, *SIGNALS))


class SentenceLabelError(Exception):
    """A labelled-sentence file is malformed; the message names the file and the line."""


@dataclass(frozen=True)
class LabelledSentence:
    text: str
    tags: frozenset[str]
    source: str  # file name, or the real text id


def _rows(path: Path) -> list[tuple[int, dict[str, object], frozenset[str]]]:
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise SentenceLabelError(f"{path.name}:{n}: {exc.msg}") from None
        if not isinstance(row, dict):
            raise SentenceLabelError(f"{path.name}:{n}: expected an object")
        tags = row.get("tags")
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise SentenceLabelError(f"{path.name}:{n}: 'tags' must be a list of tag names")
        unknown = sorted(set(tags) - TAGS)
        if unknown:
            raise SentenceLabelError(f"{path.name}:{n}: unknown tag {unknown[0]!r}")
        out.append((n, row, frozenset(str(t) for t in tags)))
    return out


def load_written(folder: Path) -> list[LabelledSentence]:
    """Every sentence of every ``*.jsonl`` file in ``folder``."""
    out = []
    for path in sorted(folder.glob("*.jsonl")):
        for n, row, tags in _rows(path):
            text = row.get("text")
            if not isinstance(text, str) or not text.strip():
                raise SentenceLabelError(f"{path.name}:{n}: 'text' must be a non-empty string")
            out.append(LabelledSentence(text, tags, path.name))
    return out


def load_real_sentences(path: Path, answers: list[RealAnswer]) -> list[LabelledSentence]:
    """Our labels of ``answers``' sentences (labels of other texts are skipped)."""
    by_id = {a.id: a for a in answers}
    out = []
    for n, row, tags in _rows(path):
        start, end, key = row.get("start"), row.get("end"), row.get("id")
        if not (isinstance(start, int) and isinstance(end, int) and isinstance(key, str)):
            raise SentenceLabelError(f"{path.name}:{n}: needs 'id', 'start' and 'end'")
        answer = by_id.get(key)
        if answer is None:
            continue
        if not 0 <= start < end <= len(answer.text):
            raise SentenceLabelError(f"{path.name}:{n}: offsets outside text {key!r}")
        words = read_dialogue(answer.text).text[start:end].split()
        if words:
            out.append(LabelledSentence(" ".join(words), tags, key))
    return out
