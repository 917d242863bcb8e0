"""Read and write lists of the user's questions as CSV, YAML or Markdown.

Every format carries the same fields: ``text`` (required), ``round``, ``topics``,
``difficulty``, ``company``, ``asked`` (date asked, ``2026-05`` or ``2026-05-14``), ``source``,
``key_points`` and ``follow_ups``. Reading collects every bad row as ``file:line: message`` and
raises them together, so a caller can refuse the whole file and list all the problems at once.

* CSV: a header row naming the columns; lists inside a cell are separated by ``;``.
* YAML: a list of mappings, or a mapping with a ``questions`` list.
* Markdown: one question per list item (``-``, ``*`` or ``1.``). Item details go in braces at
  the end: ``- Why does batch norm help? {company: Acme; asked: 2026-05; round: ml_depth}``.
  A heading ``## company: Acme`` (or ``round:``, ``asked:``, ``source:``) sets a default for
  the items below it; other headings and blank lines are ignored. Indented items labelled
  ``key point:``, ``follow-up:`` or ``topic:`` belong to the question above them::

      - How do you choose k in k-means? {company: Acme}
        - key point: the elbow in within-cluster sum of squares
        - follow-up: What if the clusters differ in size?
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from pathlib import PurePath
from typing import Any

import yaml

from deepdive.bank import Question
from deepdive.datafiles import DataFileError, parse_yaml
from deepdive.user_questions import Draft, DraftError

FIELDS = (
    "text",
    "round",
    "topics",
    "difficulty",
    "company",
    "asked",
    "source",
    "key_points",
    "follow_ups",
)
_LISTS = ("topics", "key_points", "follow_ups")
FORMATS = {".csv": "csv", ".yaml": "yaml", ".yml": "yaml", ".md": "markdown", ".txt": "markdown"}
_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$")
_HEADING = re.compile(r"^#{1,6}\s+(.*)$")
_DETAILS = re.compile(r"\{([^{}]*)\}\s*$")
_SUB_ITEM = re.compile(
    r"^\s+(?:[-*+]|\d+[.)])\s+(key[ _-]?points?|follow[ _-]?ups?|topics?)\s*:\s*(.*)$", re.I
)
_SUB_FIELD = {"k": "key_points", "f": "follow_ups", "t": "topics"}


class QuestionFileError(Exception):
    """A question file has bad rows; ``problems`` lists each as ``file:line: message``."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def format_of(name: str) -> str:
    fmt = FORMATS.get(PurePath(name).suffix.lower())
    if fmt is None:
        raise QuestionFileError([f"{name}: unknown file type; use .csv, .yaml, .yml, .md or .txt"])
    return fmt


def _draft(values: dict[str, Any]) -> Draft:
    unknown = sorted(set(values) - set(FIELDS))
    if unknown:
        raise DraftError(f"unknown field {unknown[0]!r} (fields: {', '.join(FIELDS)})")
    lists: dict[str, list[str]] = {}
    for name in _LISTS:
        value = values.get(name) or []
        if isinstance(value, str):
            value = [v for v in (p.strip() for p in value.split(";")) if v]
        if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
            raise DraftError(f"'{name}' must be a list of strings")
        lists[name] = [str(v) for v in value]
    difficulty = values.get("difficulty")
    if isinstance(difficulty, str):
        difficulty = difficulty.strip() or None
        if difficulty is not None and not difficulty.isdigit():
            raise DraftError(f"difficulty must be 1, 2 or 3, not {difficulty!r}")
        difficulty = int(difficulty) if difficulty else None
    text = values.get("text")
    if not isinstance(text, str) or not text.strip():
        raise DraftError("a question needs its text")
    draft = Draft(
        text=text,
        round=(str(values["round"]).strip() or None) if values.get("round") else None,
        difficulty=difficulty,
        company=str(values["company"]) if values.get("company") else None,
        asked_on=str(values["asked"]) if values.get("asked") else None,
        source=str(values.get("source") or "reported by you"),
        **lists,
    )
    draft.validate()
    return draft


def _collect(name: str, rows: Iterable[tuple[str, dict[str, Any]]]) -> list[Draft]:
    drafts: list[Draft] = []
    problems: list[str] = []
    for line, values in rows:
        if "__problem__" in values:
            problems.append(f"{name}:{line}: {values['__problem__']}")
            continue
        try:
            drafts.append(_draft(values))
        except DraftError as exc:
            problems.append(f"{name}:{line}: {exc}")
    if problems:
        raise QuestionFileError(problems)
    if not drafts:
        raise QuestionFileError([f"{name}: no questions found"])
    return drafts


def _csv_rows(text: str, name: str) -> Iterable[tuple[str, dict[str, Any]]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        header = [h.strip().lower() for h in (reader.fieldnames or [])]
        if "text" not in header:
            raise QuestionFileError([f"{name}:1: the header row needs a 'text' column"])
        reader.fieldnames = header
        rows = []
        for row in reader:
            if None in row:
                rows.append(
                    (str(reader.line_num), {"__problem__": "more cells than header columns"})
                )
                continue
            values = {k: v for k, v in row.items() if v not in (None, "")}
            if values:
                rows.append((str(reader.line_num), values))
    except csv.Error as exc:
        raise QuestionFileError([f"{name}:{reader.line_num or 1}: not valid CSV ({exc})"]) from None
    return rows


def _yaml_rows(text: str, name: str) -> Iterable[tuple[str, dict[str, Any]]]:
    try:
        data = parse_yaml(text, name)
    except DataFileError as exc:
        raise QuestionFileError([str(exc)]) from None
    if isinstance(data, dict) and "questions" in data:
        data = data["questions"]
    if not isinstance(data, list):
        raise QuestionFileError([f"{name}:1: expected a list of questions"])
    for number, item in enumerate(data, start=1):
        if isinstance(item, str):
            yield f"item {number}", {"text": item}
        elif isinstance(item, dict):
            line = item.pop("__line__", 0)
            item.pop("__keylines__", None)
            yield str(line), item
        else:
            yield f"item {number}", {"__problem__": "each question must be a mapping or a string"}


def _details(spec: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for part in spec.split(";"):
        if not part.strip():
            continue
        key, sep, value = part.partition(":")
        if not sep:
            raise DraftError(f"detail {part.strip()!r} must look like 'key: value'")
        out[key.strip().lower().replace(" ", "_")] = value.strip()
    return out


def _markdown_rows(text: str, name: str) -> Iterable[tuple[str, dict[str, Any]]]:
    defaults: dict[str, str] = {}
    pending: tuple[str, dict[str, Any]] | None = None  # a question still taking its sub-items
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        sub = _SUB_ITEM.match(line)
        if sub:
            field = _SUB_FIELD[sub.group(1)[0].lower()]
            if pending is None:
                problem = f"a {sub.group(1)} needs a question above it"
                yield str(number), {"__problem__": problem}
                continue
            if "__problem__" in pending[1]:
                continue  # the question above is already reported
            if sub.group(2).strip():
                pending[1].setdefault(field, []).append(sub.group(2).strip())
            continue
        heading = _HEADING.match(line)
        if heading:
            key, sep, value = heading.group(1).partition(":")
            if sep and key.strip().lower() in ("company", "round", "asked", "source"):
                defaults[key.strip().lower()] = value.strip()
            continue
        item = _ITEM.match(line)
        if not item:
            yield str(number), {"__problem__": "expected a list item such as '- Why does ...?'"}
            continue
        if pending is not None:
            yield pending
        body = item.group(1)
        values: dict[str, Any] = dict(defaults)
        found = _DETAILS.search(body)
        if found:
            try:
                values.update(_details(found.group(1)))
            except DraftError as exc:
                pending = (str(number), {"__problem__": str(exc)})
                continue
            body = body[: found.start()]
        values["text"] = body.strip()
        pending = (str(number), values)
    if pending is not None:
        yield pending


def read_questions(text: str, name: str) -> list[Draft]:
    """Parse a question file; raises :class:`QuestionFileError` listing every bad row."""
    fmt = format_of(name)
    reader = {"csv": _csv_rows, "yaml": _yaml_rows, "markdown": _markdown_rows}[fmt]
    return _collect(name, reader(text, name))


def write_questions(questions: list[Question], fmt: str) -> str:
    """The user's questions as CSV, YAML or Markdown that :func:`read_questions` reads back."""
    records = [q.file_record() for q in questions]
    if fmt == "yaml":
        return yaml.safe_dump({"questions": records}, sort_keys=False, allow_unicode=True)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(FIELDS), lineterminator="\n")
        writer.writeheader()
        for r in records:
            writer.writerow(
                {k: "; ".join(v) if isinstance(v, list) else (v or "") for k, v in r.items()}
            )
        return buffer.getvalue()
    lines = ["# My interview questions", ""]
    for r in records:
        details = [
            f"{k}: {'; '.join(v) if isinstance(v, list) else v}"
            for k, v in r.items()
            if k in ("round", "company", "asked", "source", "difficulty") and v
        ]
        text = r["text"].replace("{", "(").replace("}", ")")
        lines.append(f"- {text} {{{'; '.join(details)}}}" if details else f"- {text}")
        for field, label in (("topics", "topic"), ("key_points", "key point")):
            lines += [f"  - {label}: {v}" for v in r.get(field) or []]
        lines += [f"  - follow-up: {v}" for v in r.get("follow_ups") or []]
    return "\n".join(lines) + "\n"
