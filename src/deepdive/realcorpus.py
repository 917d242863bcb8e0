"""The real development corpus: answers written by people outside the project.

It lives outside the repository (``../shared/realdev`` beside the checkout, or wherever
``DEEPDIVE_REALDEV`` points) and is read from there at run time; none of its texts is ever
copied into the repository. ``corpus.json`` holds one entry per text id: ``kind``
(``spoken_transcript`` | ``interview_answer`` | ``project_writeup``), ``source_group`` (the
collection it came from — cross-validation folds are grouped by it) and ``labels`` (``sections``,
``mistakes``, ``ownership``, ``rating``) or ``null`` for texts not labelled yet.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from deepdive.analysis import PARTS, VERDICTS

KINDS = ("spoken_transcript", "interview_answer", "project_writeup")


class RealCorpusError(Exception):
    """The real corpus is missing or malformed; the message says which file and entry."""


@dataclass(frozen=True)
class RealAnswer:
    id: str
    text: str
    kind: str
    group: str
    sections: dict[str, bool]
    mistakes: tuple[str, ...]
    ownership: str
    rating: float


def default_folder() -> Path:
    """``DEEPDIVE_REALDEV`` if set, else ``../shared/realdev`` beside the repository."""
    env = os.environ.get("DEEPDIVE_REALDEV")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[3] / "shared" / "realdev"


def load_real(folder: Path | None = None) -> list[RealAnswer]:
    """Every labelled text, sorted by id. Raises :class:`RealCorpusError` when absent or bad."""
    root = folder or default_folder()
    index = root / "corpus.json"
    if not index.is_file():
        raise RealCorpusError(f"no real corpus at {root} (corpus.json not found)")
    try:
        entries = json.loads(index.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise RealCorpusError(f"corpus.json:{exc.lineno}: {exc.msg}") from None
    if not isinstance(entries, dict):
        raise RealCorpusError("corpus.json: expected an object keyed by text id")
    out: list[RealAnswer] = []
    for key in sorted(entries):
        entry = entries[key]
        labels = entry.get("labels") if isinstance(entry, dict) else None
        if labels is None:
            continue
        try:
            sections = {p: bool(labels["sections"][p]) for p in PARTS}
            ownership = str(labels["ownership"])
            answer = RealAnswer(
                id=key,
                text=(root / "texts" / f"{key}.txt").read_text(encoding="utf-8"),
                kind=str(entry["kind"]),
                group=str(entry["source_group"]),
                sections=sections,
                mistakes=tuple(str(m) for m in labels["mistakes"]),
                ownership=ownership,
                rating=float(labels["rating"]),
            )
        except (KeyError, TypeError, ValueError, OSError) as exc:
            raise RealCorpusError(f"corpus.json: entry {key!r} is malformed ({exc})") from None
        if answer.kind not in KINDS or ownership not in VERDICTS:
            raise RealCorpusError(f"corpus.json: entry {key!r} has an unknown kind or verdict")
        out.append(answer)
    return out


def groups(answers: list[RealAnswer]) -> list[str]:
    """The source groups, sorted: one cross-validation fold each."""
    return sorted({a.group for a in answers})
