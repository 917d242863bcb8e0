"""The project fact sheet: a candidate's story written once, part by part.

Fields, prompts, examples, checks and nudges are data (``data/factsheet.yaml``); persona
advice is in ``data/personas.yaml``. A fact sheet can be written interactively
(``deepdive prep``) or from a filled template in YAML or Markdown (``--from FILE``); every
entry is checked as it is written, and a weak one gets a nudge.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from deepdive.datafiles import DataFileError, keys, load_data, parse_yaml, require

PERSONAS = ("team", "switcher", "solo")
NAME_LIMIT = 200  # characters in a project (fact sheet) name


def name_problem(name: str) -> str | None:
    """Why ``name`` cannot name a fact sheet, or None. One rule for the CLI, the web form and
    imports: the web pages put the name in a path, so it cannot hold a slash."""
    if not name.strip():
        return "Give the project a name."
    if "/" in name:
        return "A project name cannot contain a slash."
    if not name.strip(". "):
        return "A project name needs more than dots."  # "." and ".." are no path segments
    if len(name) > NAME_LIMIT:
        return f"The name is longer than {NAME_LIMIT} characters."
    return None


class FactSheetError(Exception):
    """A fact sheet file is malformed; the message names the line."""


@dataclass(frozen=True)
class Field:
    key: str
    part: str
    prompt: str
    strong: str
    weak: str
    check: str
    personas: tuple[str, ...]
    if_empty: str | None = None  # the nudge when left empty on a sheet that has begun


@dataclass(frozen=True)
class Spec:
    fields: tuple[Field, ...]
    parts: dict[str, tuple[int, str]]  # part -> (seconds, title)
    nudges: dict[str, str]
    personas: dict[str, tuple[str, tuple[str, ...]]]  # persona -> (title, advice)

    def field(self, key: str) -> Field:
        return next(f for f in self.fields if f.key == key)

    def for_persona(self, persona: str) -> list[Field]:
        return [f for f in self.fields if not f.personas or persona in f.personas]


@cache
def spec() -> Spec:
    name = "factsheet.yaml"
    cfg = load_data(name)
    parts_cfg = require(name, cfg, "parts", dict)
    parts = {
        p: (require(name, parts_cfg[p], "seconds", int), require(name, parts_cfg[p], "title", str))
        for p in keys(parts_cfg)
    }
    fields = []
    for item in require(name, cfg, "fields", list):
        fields.append(
            Field(
                require(name, item, "key", str),
                require(name, item, "part", str),
                require(name, item, "prompt", str),
                require(name, item, "strong", str),
                require(name, item, "weak", str),
                require(name, item, "check", str),
                tuple(item.get("personas", [])),
                str(item["if_empty"]) if item.get("if_empty") else None,
            )
        )
    nudges_cfg = require(name, cfg, "nudges", dict)
    nudges = {k: str(nudges_cfg[k]) for k in keys(nudges_cfg)}
    for f in fields:
        if f.check not in CHECKS or f.check not in nudges:
            raise DataFileError(f"{name}: field {f.key!r} has an unknown check {f.check!r}")
        if f.part not in parts and f.part not in ("ownership", "prep"):
            raise DataFileError(f"{name}: field {f.key!r} has an unknown part {f.part!r}")
    pcfg = load_data("personas.yaml")
    personas = {
        p: (
            require("personas.yaml", pcfg[p], "title", str),
            tuple(require("personas.yaml", pcfg[p], "advice", list)),
        )
        for p in PERSONAS
    }
    return Spec(tuple(fields), parts, nudges, personas)


@dataclass
class FactSheet:
    """One project's facts, keyed by field (empty string when not written yet)."""

    name: str
    persona: str = "team"
    entries: dict[str, str] = field(default_factory=dict)

    def get(self, key: str) -> str:
        return self.entries.get(key, "").strip()

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": "deepdive.factsheet/1",
            "name": self.name,
            "persona": self.persona,
            "entries": {f.key: self.get(f.key) for f in spec().fields if self.get(f.key)},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FactSheet:
        return cls(
            str(data["name"]), str(data.get("persona", "team")), dict(data.get("entries", {}))
        )

    def overview_text(self) -> str:
        """The facts as plain sentences, for the analysis and the consistency check."""
        return "\n".join(line for _, line in self.overview_lines())

    def overview_lines(self) -> list[tuple[str, str]]:
        """(field, sentence) for each fact of :meth:`overview_text`, in its order."""
        g = self.get
        lines: list[tuple[str, str]] = []
        if g("impact"):
            lines.append(("impact", _sentence(g("impact"))))
        for key in ("business", "task"):
            if g(key):
                lines.append((key, _sentence(g(key))))
        if g("metric"):
            lines.append(("metric", _sentence(f"We optimised {_lower_first(g('metric'))}")))
        if g("source"):
            lines.append(("source", _sentence(f"The data came from {_lower_first(g('source'))}")))
        for key in ("labels", "hard_part", "baseline", "tried"):
            if g(key):
                prefix = "The baseline was " if key == "baseline" else ""
                text = _sentence(prefix + (_lower_first(g(key)) if prefix else g(key)))
                lines.append((key, text))
        if g("chosen"):
            lines.append(("chosen", _sentence(f"In the end we used {_lower_first(g('chosen'))}")))
        for key in (
            "offline",
            "validation",
            "online",
            "limitations",
            "would_change",
            "mine",
            "team",
        ):
            if g(key):
                lines.append((key, _sentence(g(key))))
        return lines


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


_PLAIN_STARTS = frozenset(
    """the a an our my their its this that these those some all about roughly around over under
    one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred thousand million several many most only just""".split()
)


def _lower_first(text: str) -> str:
    """Lower-case a leading plain word ("Eighteen months" -> "eighteen months"), never a name."""
    first = text.split(maxsplit=1)[0] if text.split() else ""
    if first.lower() in _PLAIN_STARTS and first[:1].isupper():
        return text[0].lower() + text[1:]
    return text


# -- entry checks -----------------------------------------------------------------------------


def _result_figure(text: str) -> bool:
    from deepdive.figures import figure_finder

    return any(f.result for f in figure_finder().find(text, 0, 0))


def _substantive(text: str) -> bool:
    """One concrete sentence: five words or more, and not a vague stock phrase."""
    words = text.split()
    vague = re.search(
        r"\b(?:ai|machine learning on the data|it worked|nothing|n/?a|some|various|stuff)\b",
        text,
        re.I,
    )
    return len(words) >= 5 and not (vague and len(words) < 8)


def _vocab(kind: str, text: str) -> bool:
    from deepdive.vocab import vocab

    return bool(vocab().find(kind, text))


def _data_source(text: str) -> bool:
    from deepdive.parts import part_classifier

    pattern = part_classifier().named[("data", "substance")]
    return (
        _vocab("data_sources", text)
        or bool(pattern.search(text))
        or bool(
            re.search(
                r"\b(?:from|scraped|collected|exported|pulled|logged|downloaded)\b", text, re.I
            )
        )
    )


def _data_difficulty(text: str) -> bool:
    from deepdive.datafiles import phrase_list

    if re.search(
        r"\b(?:was|were)\s+(?:already\s+)?clean\b|no\s+(?:real\s+)?(?:problems|issues)", text, re.I
    ):
        return False
    return (
        _vocab("data_issues", text)
        or bool(phrase_list("imbalance").search(text))
        or bool(
            re.search(
                r"\b(?:late|noisy|missing|wrong|inconsistent|biased|rare|leak\w*|drift\w*|messy|"
                r"censor\w*|truncat\w*|sparse|skewed|duplicat\w*|outliers?|mislabel\w*|corrupt\w*|"
                r"stale|delayed|incomplete|unlabel\w*)\b",
                text,
                re.I,
            )
        )
    )


def _metric(text: str) -> bool:
    """A metric named with a word on why it fits ("Accuracy." alone is the weak example)."""
    return _vocab("metrics", text) and (len(text.split()) >= 5 or _reason(text))


_NO_BASELINE = re.compile(
    r"^\W*(?:nothing|none|n/?a|no(?:thing)?\s+(?:real\s+)?(?:baseline|comparison)|"
    r"there\s+(?:was|were)\s+(?:no|nothing)|we\s+(?:had|did)\s+(?:no|not\s+have)|"
    r"(?:it\s+was\s+)?(?:a\s+)?(?:new|green-?field)\s+(?:project|problem))\b",
    re.I,
)


_COMPARED_WITH = re.compile(
    r"\b(?:rules?|heuristics?|manual(?:ly)?|by\s+hand|models?|regression|process|compared|"
    r"against|baseline|vendor|spreadsheets?|engine|people|staff|analysts?)\b",
    re.I,
)


def names_baseline(text: str) -> bool:
    """A comparison point named ("the old rules engine"); "nothing, it was new" is weak, but
    "nothing fancy: the rules the team already used" names one."""
    said_none = _NO_BASELINE.search(text)
    if said_none and not _COMPARED_WITH.search(text[said_none.end() :]):
        return False
    return len(text.split()) >= 2


_baseline = names_baseline


_PLAIN_SPLIT = re.compile(
    r"\W*(?:an?\s+|the\s+)?(?:random\s+)?train(?:ing)?\s*(?:/|-|and|&)\s*test(?:\s+(?:split|set))?\W*",
    re.I,
)


def _validation(text: str) -> bool:
    """A validation scheme named, beyond a bare "train/test split"."""
    return _vocab("validation", text) and not _PLAIN_SPLIT.fullmatch(text)


def _reason(text: str) -> bool:
    from deepdive.reply_context import reply_phrases

    return bool(reply_phrases("reason").search(text)) or bool(reply_phrases("why_not").search(text))


def _limitation(text: str) -> bool:
    from deepdive.parts import part_classifier
    from deepdive.reply_context import reply_phrases
    from deepdive.sentences import Sentence

    if reply_phrases("limitation_denial").search(text) or re.fullmatch(
        r"\W*nothing\W*(?:it went well\W*)?", text, re.I
    ):
        return False
    score = part_classifier().raw_scores(Sentence(text, 0, len(text)), [])["reflection"]
    return score >= 1.0 or len(text.split()) >= 4


_CHANGE = re.compile(
    r"\b(?:i|we)\s*(?:would|[\x27’]d|will|[\x27’]ll|could|can)\b|\bwould\s+(?:need|have|move|add)\b|"
    r"\b(?:precompute|cache|shard|partition|batch|replicate|autoscale|queue|stream|distill|"
    r"quantize|index)\w*",
    re.I,
)


def _scale_plan(text: str) -> bool:
    """What breaks first and what would change: "feature joins; I would precompute daily
    aggregates" is a plan, with or without a "because"."""
    return len(text.split()) >= 5 and (_reason(text) or bool(_CHANGE.search(text)))


def _first_person(text: str) -> bool:
    from deepdive.ownership import read_ownership
    from deepdive.sentences import split_sentences

    return read_ownership(split_sentences(text)).agentive_i > 0


CHECKS = {
    "result_figure": _result_figure,
    "substantive": _substantive,
    "metric": _metric,
    "baseline": _baseline,
    "data_source": _data_source,
    "data_difficulty": _data_difficulty,
    "reason": _reason,
    "scale_plan": _scale_plan,
    "validation": _validation,
    "limitation": _limitation,
    "first_person": _first_person,
}


def nudge(key: str, text: str) -> str | None:
    """A nudge for a weak entry, or None when the entry passes its check (or is empty)."""
    if not text.strip():
        return None
    f = spec().field(key)
    return None if CHECKS[f.check](text) else spec().nudges[f.check]


def nudges(sheet: FactSheet) -> dict[str, str]:
    """Nudges for the weak entries, and for empty fields that should not stay empty once the
    sheet has begun (no baseline; no credit to others on a team project)."""
    out = {}
    begun = any(sheet.get(f.key) for f in spec().fields)
    for f in spec().for_persona(sheet.persona):
        text = sheet.get(f.key)
        message = nudge(f.key, text) if text else (f.if_empty if begun else None)
        if message:
            out[f.key] = message
    return out


# -- templates --------------------------------------------------------------------------------


def markdown_template(name: str = "my-project", persona: str = "team") -> str:
    lines = [f"# Project: {name}", f"Persona: {persona}", ""]
    lines.append("<!-- Write under each heading; leave a section empty to skip it. -->")
    for f in spec().fields:
        lines += ["", f"## {f.key}", f'<!-- {f.prompt} Strong: "{f.strong}" -->', ""]
    return "\n".join(lines) + "\n"


def parse_template(text: str, source: str = "template") -> FactSheet:
    """Parse a filled template: YAML (name/persona/entries) or Markdown (``## field``)."""
    stripped = text.lstrip()
    if stripped.startswith("#") or "\n## " in text:
        return _parse_markdown(text, source)
    return _parse_yaml(text, source)


def _parse_markdown(text: str, source: str) -> FactSheet:
    known = {f.key for f in spec().fields}
    name = None
    persona = "team"
    entries: dict[str, list[str]] = {}
    current: str | None = None
    in_comment = False
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip()
        if in_comment or line.lstrip().startswith("<!--"):
            in_comment = "-->" not in line
            continue
        if m := re.match(r"^#\s+Project:\s*(.+)$", line):
            name = m.group(1).strip()
            continue
        if m := re.match(r"^Persona:\s*(\S+)\s*$", line, re.I):
            persona = m.group(1).lower()
            if persona not in PERSONAS:
                raise FactSheetError(f"{source}:{n}: persona must be one of {', '.join(PERSONAS)}")
            continue
        if m := re.match(r"^##\s+(.+?)\s*$", line):
            key = m.group(1).strip().lower().replace(" ", "_")
            if key not in known:
                expected = ", ".join(sorted(known))
                raise FactSheetError(
                    f"{source}:{n}: unknown section '{m.group(1)}'; expected one of {expected}"
                )
            if key in entries:
                raise FactSheetError(f"{source}:{n}: section '{key}' appears twice")
            current = key
            entries[key] = []
            continue
        if line.startswith("#"):
            raise FactSheetError(f"{source}:{n}: unexpected heading {line!r}")
        if line.strip():
            if current is None:
                raise FactSheetError(f"{source}:{n}: text before the first '## section' heading")
            entries[current].append(line.strip())
    if not name:
        raise FactSheetError(f"{source}:1: the first line must be '# Project: NAME'")
    return FactSheet(name, persona, {k: " ".join(v) for k, v in entries.items() if v})


# a line opening one of a YAML fact sheet's keys
_SHEET_KEY = re.compile(r"^(?:name|persona|entries)\s*:", re.M)
# said when a file is neither form of fact sheet (an answer passed to --from, say)
_NOT_A_SHEET = (
    "{source} is not a fact sheet: fill in the Markdown of 'deepdive prep --template NAME', "
    "or write YAML with name, persona and entries"
)


def _parse_yaml(text: str, source: str) -> FactSheet:
    try:
        data = parse_yaml(text, source)
    except DataFileError as exc:
        if _SHEET_KEY.search(text):
            raise FactSheetError(str(exc)) from None  # a fact sheet with a mistake in it
        raise FactSheetError(f"{_NOT_A_SHEET.format(source=source)} ({exc})") from None
    if not isinstance(data, dict) or not {"name", "persona", "entries"} & set(keys(data)):
        raise FactSheetError(_NOT_A_SHEET.format(source=source))
    line = data.get("__keylines__", {})
    if not isinstance(data.get("name"), str) or not data["name"].strip():
        raise FactSheetError(f"{source}:{line.get('name', 1)}: 'name' must be the project name")
    persona = data.get("persona", "team")
    if persona not in PERSONAS:
        raise FactSheetError(
            f"{source}:{line.get('persona', 1)}: persona must be one of {', '.join(PERSONAS)}"
        )
    entries = data.get("entries", {})
    if not isinstance(entries, dict):
        raise FactSheetError(f"{source}:{line.get('entries', 1)}: 'entries' must be a mapping")
    known = {f.key for f in spec().fields}
    out: dict[str, str] = {}
    for key in keys(entries):
        where = entries.get("__keylines__", {}).get(key, line.get("entries", 1))
        if key not in known:
            raise FactSheetError(f"{source}:{where}: unknown entry '{key}'")
        value = entries[key]
        if value is None:
            continue
        if not isinstance(value, str):
            raise FactSheetError(f"{source}:{where}: entry '{key}' must be text")
        out[key] = value.strip()
    return FactSheet(data["name"].strip(), persona, out)
