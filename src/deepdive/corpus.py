"""The labelled corpus format used to measure the analysis (``tests/corpus/answers/*.txt``).

A corpus file has a header, a ``---`` line, and a body of labelled segments::

    id: fraud-team-strong
    domain: fintech
    style: written          # written | spoken | bullets | report
    quality: strong         # strong | mediocre | weak
    persona: team           # team | solo | switcher
    split: dev              # dev | test
    rating: 5               # an ML interviewer's 1-5 rating
    ownership: calibrated   # calibrated | overclaim | underclaim | unclear
    findings: [late_hook]   # finding ids that apply (method ids and sanity ids)
    join: space             # how segments join: space (prose, transcripts) or newline (lists)
    ---
    hook | I built the fraud model that cut chargebacks by a third.
    problem,data | The risk team ...
    none | ## Results

Each body line is ``tags | text``; tags are parts (``hook``, ``problem``, ``data``,
``modeling``, ``evaluation``, ``reflection``) or ``none``, comma-separated when a segment
carries several. A blank body line starts a new paragraph. The answer text is the segments
joined as ``join`` says; a part is present in the answer when any segment carries its tag.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from deepdive.analysis import PARTS, VERDICTS

STYLES = ("written", "spoken", "bullets", "report")
QUALITIES = ("strong", "mediocre", "weak")
PERSONAS = ("team", "solo", "switcher")
TAGS = (*PARTS, "none")


class CorpusError(Exception):
    """A corpus file is malformed; the message names the file and the line."""


@dataclass(frozen=True)
class Segment:
    text: str
    tags: tuple[str, ...]
    start: int
    end: int


@dataclass(frozen=True)
class LabelledAnswer:
    id: str
    domain: str
    style: str
    quality: str
    persona: str
    split: str
    rating: int
    ownership: str
    findings: tuple[str, ...]
    text: str
    segments: tuple[Segment, ...]

    def present(self) -> dict[str, bool]:
        return {p: any(p in s.tags for s in self.segments) for p in PARTS}


_HEADER = (
    "id",
    "domain",
    "style",
    "quality",
    "persona",
    "split",
    "rating",
    "ownership",
    "findings",
    "join",
)


def parse_corpus_file(path: Path, known_findings: set[str]) -> LabelledAnswer:
    name = path.name
    lines = path.read_text(encoding="utf-8").splitlines()
    try:
        sep = lines.index("---")
    except ValueError:
        raise CorpusError(f"{name}: no '---' line between header and body") from None
    header: dict[str, str] = {}
    for n, line in enumerate(lines[:sep], 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, colon, value = line.partition(":")
        if not colon or key.strip() not in _HEADER:
            raise CorpusError(f"{name}:{n}: expected 'key: value' with key in {', '.join(_HEADER)}")
        header[key.strip()] = value.split(" #", 1)[0].strip()
    for key in _HEADER:
        if key not in header:
            raise CorpusError(f"{name}: header lacks '{key}'")

    def choice(key: str, allowed: tuple[str, ...]) -> str:
        if header[key] not in allowed:
            raise CorpusError(f"{name}: {key} must be one of {', '.join(allowed)}")
        return header[key]

    rating = header["rating"]
    if rating not in ("1", "2", "3", "4", "5"):
        raise CorpusError(f"{name}: rating must be 1-5")
    findings = tuple(f.strip() for f in header["findings"].strip("[]").split(",") if f.strip())
    for f in findings:
        if f not in known_findings:
            raise CorpusError(f"{name}: unknown finding id {f!r}")
    joiner = {"space": " ", "newline": "\n"}.get(header["join"])
    if joiner is None:
        raise CorpusError(f"{name}: join must be space or newline")

    text = ""
    segments: list[Segment] = []
    paragraph_break = False
    for n, line in enumerate(lines[sep + 1 :], sep + 2):
        if not line.strip():
            paragraph_break = bool(segments)
            continue
        tags_text, bar, seg = line.partition(" | ")
        if not bar or not seg.strip():
            raise CorpusError(f"{name}:{n}: expected 'tags | text'")
        tags = tuple(t.strip() for t in tags_text.split(","))
        bad = [t for t in tags if t not in TAGS]
        if bad:
            raise CorpusError(f"{name}:{n}: unknown tag {bad[0]!r}")
        if segments:
            text += "\n\n" if paragraph_break else joiner
        paragraph_break = False
        start = len(text)
        text += seg.strip()
        segments.append(Segment(seg.strip(), tags, start, len(text)))
    if not segments:
        raise CorpusError(f"{name}: the body has no segments")
    if not re.fullmatch(r"[a-z0-9-]+", header["id"]) or header["id"] != path.stem:
        raise CorpusError(f"{name}: id must be the file name without .txt (lowercase, digits, -)")
    return LabelledAnswer(
        id=header["id"],
        domain=header["domain"],
        style=choice("style", STYLES),
        quality=choice("quality", QUALITIES),
        persona=choice("persona", PERSONAS),
        split=choice("split", ("dev", "test")),
        rating=int(rating),
        ownership=choice("ownership", VERDICTS),
        findings=findings,
        text=text,
        segments=tuple(segments),
    )


def load_corpus(folder: Path, known_findings: set[str]) -> list[LabelledAnswer]:
    """Every answer in ``folder`` (sorted by file name)."""
    return [parse_corpus_file(p, known_findings) for p in sorted(folder.glob("*.txt"))]
