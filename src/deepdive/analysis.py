"""The one analysis record every view renders: immutable, versioned, JSON on the wire.

``Analysis.to_dict()`` is the wire schema ``deepdive.analysis/1`` documented in DESIGN.md; the
CLI, the reports and (later) the web app, the drill and the exports only read this record.
Changing the JSON shape in an incompatible way requires bumping ``SCHEMA``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

SCHEMA = "deepdive.analysis/1"
PARTS = ("hook", "problem", "data", "modeling", "evaluation", "reflection")
SCORE_KEYS = ("technical_depth", "decision_quality", "ownership", "impact", "structure", "overall")
VERDICTS = ("calibrated", "overclaim", "underclaim", "unclear")


@dataclass(frozen=True)
class SentenceRecord:
    i: int
    text: str
    start: int
    end: int
    part: str
    confidence: float
    t0: float | None = None  # seconds into the recording (spoken answers only)
    t1: float | None = None
    # "interviewer" for a pasted transcript's other speakers: shown, never judged or counted
    speaker: str = "candidate"


@dataclass(frozen=True)
class AudioRecord:
    """How a spoken answer sounded (present only for recordings)."""

    duration: float
    wpm: float
    fillers: tuple[tuple[str, float], ...]
    pauses: tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class PartRecord:
    present: bool
    strength: float
    sentences: tuple[int, ...]
    seconds: float


@dataclass(frozen=True)
class FigureRecord:
    text: str
    sentence: int
    kind: str
    result: bool


@dataclass(frozen=True)
class OwnershipRecord:
    verdict: str
    i: int
    we: int


@dataclass(frozen=True)
class Finding:
    id: str
    part: str
    severity: str
    message: str
    fix: str
    sentences: tuple[int, ...]


@dataclass(frozen=True)
class Followup:
    family: str
    question: str
    because: str


@dataclass(frozen=True)
class Analysis:
    """Everything deepdive reads in one answer."""

    words: int
    spoken_seconds: float
    sentences: tuple[SentenceRecord, ...]
    parts: tuple[tuple[str, PartRecord], ...]
    order: tuple[str, ...]
    figures: tuple[FigureRecord, ...]
    leads_with_result: bool
    ownership: OwnershipRecord
    scores: tuple[tuple[str, int], ...]
    findings: tuple[Finding, ...]
    followups: tuple[Followup, ...]
    audio: AudioRecord | None = None

    def part(self, name: str) -> PartRecord:
        """The record for one of the six parts."""
        return dict(self.parts)[name]

    def score(self, name: str) -> int:
        """One of the six scores (0-100)."""
        return dict(self.scores)[name]

    def finding_ids(self) -> list[str]:
        return [f.id for f in self.findings]

    def to_dict(self) -> dict[str, Any]:
        """The wire form (schema ``deepdive.analysis/1``); every key always present.

        A spoken answer adds ``t0``/``t1`` to each sentence and an ``audio`` block.
        """
        out = {
            "schema": SCHEMA,
            "words": self.words,
            "spoken_seconds": self.spoken_seconds,
            "sentences": [_sentence_dict(s) for s in self.sentences],
            "parts": {
                name: {
                    "present": p.present,
                    "strength": p.strength,
                    "sentences": list(p.sentences),
                    "seconds": p.seconds,
                }
                for name, p in self.parts
            },
            "order": list(self.order),
            "figures": [
                {"text": f.text, "sentence": f.sentence, "kind": f.kind, "result": f.result}
                for f in self.figures
            ],
            "leads_with_result": self.leads_with_result,
            "ownership": {
                "verdict": self.ownership.verdict,
                "i": self.ownership.i,
                "we": self.ownership.we,
            },
            "scores": dict(self.scores),
            "findings": [
                {
                    "id": f.id,
                    "part": f.part,
                    "severity": f.severity,
                    "message": f.message,
                    "fix": f.fix,
                    "sentences": list(f.sentences),
                }
                for f in self.findings
            ],
            "followups": [
                {"family": q.family, "question": q.question, "because": q.because}
                for q in self.followups
            ],
        }
        if self.audio is not None:
            out["audio"] = {
                "duration": self.audio.duration,
                "wpm": self.audio.wpm,
                "fillers": [{"text": t, "t": at} for t, at in self.audio.fillers],
                "pauses": [
                    {"start": a, "end": b, "seconds": round(b - a, 2)} for a, b in self.audio.pauses
                ],
            }
        return out

    def to_json(self, indent: int | None = 2) -> str:
        """Deterministic JSON text of :meth:`to_dict`."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        """Rebuild a record from its wire form (raises ``ValueError`` on another schema)."""
        if data.get("schema") != SCHEMA:
            raise ValueError(f"not a {SCHEMA} record: schema is {data.get('schema')!r}")
        return cls(
            words=int(data["words"]),
            spoken_seconds=float(data["spoken_seconds"]),
            sentences=tuple(SentenceRecord(**s) for s in data["sentences"]),
            parts=tuple(
                (
                    name,
                    PartRecord(
                        present=p["present"],
                        strength=p["strength"],
                        sentences=tuple(p["sentences"]),
                        seconds=p["seconds"],
                    ),
                )
                for name, p in data["parts"].items()
            ),
            order=tuple(data["order"]),
            figures=tuple(FigureRecord(**f) for f in data["figures"]),
            leads_with_result=bool(data["leads_with_result"]),
            ownership=OwnershipRecord(**data["ownership"]),
            scores=tuple((k, int(v)) for k, v in data["scores"].items()),
            findings=tuple(
                Finding(**{**f, "sentences": tuple(f["sentences"])}) for f in data["findings"]
            ),
            followups=tuple(Followup(**q) for q in data["followups"]),
            audio=_audio_from(data.get("audio")),
        )


def _sentence_dict(s: SentenceRecord) -> dict[str, Any]:
    out: dict[str, Any] = {
        "i": s.i,
        "text": s.text,
        "start": s.start,
        "end": s.end,
        "part": s.part,
        "confidence": s.confidence,
        "speaker": s.speaker,
    }
    if s.t0 is not None:
        out["t0"] = s.t0
        out["t1"] = s.t1
    return out


def _audio_from(data: dict[str, Any] | None) -> AudioRecord | None:
    if not data:
        return None
    return AudioRecord(
        duration=float(data["duration"]),
        wpm=float(data["wpm"]),
        fillers=tuple((f["text"], float(f["t"])) for f in data["fillers"]),
        pauses=tuple((float(p["start"]), float(p["end"])) for p in data["pauses"]),
    )
