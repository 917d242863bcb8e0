"""What the story builder makes from a fact sheet: the spoken outline, the follow-up prep
sheet, exports (Markdown, printable HTML, JSON, an Anki deck) and the retelling check."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, replace
from html import escape
from typing import Any

from deepdive.claim_frames import affirms_denied
from deepdive.consistency import Contradiction, find_contradictions
from deepdive.datafiles import phrase_list
from deepdive.denials import denies_weakness
from deepdive.entities import as_asked
from deepdive.factsheet import FactSheet, nudges, spec
from deepdive.followups import FAMILIES, followup_bank
from deepdive.meaning import terms
from deepdive.sentences import split_sentences
from deepdive.terminal_report import clock

ORDER = ("hook", "problem", "data", "modeling", "evaluation", "reflection")
FAMILY_TITLES = {
    "why_model": "Why this model?",
    "how_known": "How did you know it worked?",
    "hardest_bug": "The hardest bug or surprise",
    "scale_10x": "What breaks at 10x?",
    "hindsight": "What would you change?",
}
PREPARED = {
    "why_model": ("chosen", "tried", "baseline"),
    "how_known": ("offline", "validation", "online"),
    "hardest_bug": ("hardest_bug", "hard_part"),
    "scale_10x": ("scale_10x",),
    "hindsight": ("would_change", "limitations"),
}


@dataclass(frozen=True)
class Section:
    part: str
    title: str
    seconds: int
    total: int
    points: tuple[str, ...]
    missing: tuple[str, ...]


@dataclass(frozen=True)
class PrepItem:
    family: str
    question: str
    answer: str
    gap: bool


def outline(sheet: FactSheet) -> list[Section]:
    """The 2-3 minute overview in order, with a time budget per part and a running total."""
    s = spec()
    total = 0
    out = []
    for part in ORDER:
        seconds, title = s.parts[part]
        total += seconds
        fields = [f for f in s.for_persona(sheet.persona) if f.part == part]
        points = [sheet.get(f.key) for f in fields if sheet.get(f.key)]
        missing = [f.key for f in fields if not sheet.get(f.key)]
        if part == "hook" and sheet.get("mine"):
            who = "Your part" if sheet.persona == "team" else "End to end"
            points.append(f"{who}: {sheet.get('mine')}")
            if sheet.persona == "team" and sheet.get("team"):
                points.append(f"Credit: {sheet.get('team')}")
        out.append(Section(part, title, seconds, total, tuple(points), tuple(missing)))
    return out


def _entities(sheet: FactSheet) -> dict[str, str]:
    from deepdive.drill import overview_entities

    text = sheet.overview_text()
    return overview_entities(text) if text.strip() else {}


def prep_sheet(sheet: FactSheet) -> list[PrepItem]:
    """Each follow-up family as it will be asked about this project, with the prepared answer."""
    entities = _entities(sheet)
    bank = followup_bank()
    out = []
    for family in FAMILIES:
        template = next(t for t in bank.families[family] if t.usable(entities))
        answer = " ".join(sheet.get(k) for k in PREPARED[family] if sheet.get(k))
        out.append(
            PrepItem(
                family,
                template.question.format(**as_asked(entities)),
                answer or "Gap: no prepared answer yet.",
                not answer,
            )
        )
    return out


def render_text(sheet: FactSheet) -> str:
    """Outline and prep sheet as plain text (what ``deepdive story show`` prints)."""
    s = spec()
    title, advice = s.personas[sheet.persona]
    lines = [f"Story: {sheet.name} ({title.lower()})", ""]
    lines.append("2-3 minute outline")
    for sec in outline(sheet):
        lines.append(f"  {sec.title}  [{sec.seconds} s, {clock(sec.total)} so far]")
        lines += [f"    - {p}" for p in sec.points]
        lines += [f"    - (missing: {k})" for k in sec.missing]
    lines += ["", "Follow-up prep sheet"]
    for item in prep_sheet(sheet):
        lines.append(f"  {FAMILY_TITLES[item.family]}")
        lines.append(f"    Q: {item.question}")
        lines.append(f"    A: {item.answer}")
    notes = nudges(sheet)
    if notes:
        lines += ["", "Entries to strengthen"]
        lines += [f"  {k}: {v}" for k, v in notes.items()]
    lines += ["", "Advice"]
    lines += [f"  - {a}" for a in advice]
    return "\n".join(lines) + "\n"


def render_markdown(sheet: FactSheet) -> str:
    s = spec()
    title, advice = s.personas[sheet.persona]

    def md(text: str) -> str:
        out = " ".join(text.split())
        for ch in ("\\", "*", "_", "`", "[", "]", "<", ">", "|", "#"):
            out = out.replace(ch, "\\" + ch)
        return out

    lines = [f"# {md(sheet.name)}", "", f"_{md(title)}_", "", "## Outline (2–3 minutes)", ""]
    for sec in outline(sheet):
        lines.append(f"### {md(sec.title)} — {sec.seconds} s ({clock(sec.total)} so far)")
        lines.append("")
        lines += [f"- {md(p)}" for p in sec.points]
        lines += [f"- **missing:** {k}" for k in sec.missing]
        lines.append("")
    lines += ["## Follow-up prep sheet", ""]
    for item in prep_sheet(sheet):
        lines += [f"### {FAMILY_TITLES[item.family]}", "", f"**Q:** {md(item.question)}", ""]
        lines += [f"**A:** {md(item.answer)}", ""]
    lines += ["## Advice", ""] + [f"- {md(a)}" for a in advice]
    return "\n".join(lines).rstrip() + "\n"


def render_html(sheet: FactSheet) -> str:
    """A printable, self-contained page (every user text escaped)."""
    s = spec()
    title, advice = s.personas[sheet.persona]
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>{escape(sheet.name)} · deepdive story</title>",
        "<style>body{font:15px/1.5 Georgia,serif;max-width:800px;margin:2em auto;color:#111}"
        "h1{margin-bottom:0}.sub{color:#555}h3{margin:.8em 0 .2em}.gap,.missing{color:#a61e4d}"
        "@media print{a{color:#000}.noprint{display:none}}</style></head><body>",
        f"<h1>{escape(sheet.name)}</h1><p class='sub'>{escape(title)}</p>",
        "<h2>Outline (2–3 minutes)</h2>",
    ]
    for sec in outline(sheet):
        parts.append(
            f"<h3>{escape(sec.title)} — {sec.seconds} s ({clock(sec.total)} so far)</h3><ul>"
        )
        parts += [f"<li>{escape(p)}</li>" for p in sec.points]
        parts += [f"<li class='missing'>missing: {escape(k)}</li>" for k in sec.missing]
        parts.append("</ul>")
    parts.append("<h2>Follow-up prep sheet</h2>")
    for item in prep_sheet(sheet):
        css = " class='gap'" if item.gap else ""
        parts.append(
            f"<h3>{escape(FAMILY_TITLES[item.family])}</h3><p><strong>Q:</strong> "
            f"{escape(item.question)}</p><p{css}><strong>A:</strong> {escape(item.answer)}</p>"
        )
    parts.append("<h2>Advice</h2><ul>" + "".join(f"<li>{escape(a)}</li>" for a in advice) + "</ul>")
    parts.append("</body></html>\n")
    return "\n".join(parts)


def render_json(sheet: FactSheet) -> str:
    payload: dict[str, Any] = {
        "schema": "deepdive.story/1",
        "factsheet": sheet.to_dict(),
        "outline": [
            {
                "part": sec.part,
                "title": sec.title,
                "seconds": sec.seconds,
                "total_seconds": sec.total,
                "points": list(sec.points),
                "missing": list(sec.missing),
            }
            for sec in outline(sheet)
        ],
        "prep_sheet": [
            {"family": i.family, "question": i.question, "answer": i.answer, "gap": i.gap}
            for i in prep_sheet(sheet)
        ],
        "nudges": nudges(sheet),
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _stable_id(text: str) -> int:
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest()[:8], 16) + (1 << 30)


def write_anki(sheet: FactSheet, path: str) -> int:
    """An Anki deck (.apkg) with one card per follow-up: question -> prepared answer."""
    import genanki

    model = genanki.Model(
        _stable_id("deepdive-followup-model"),
        "deepdive follow-up",
        fields=[{"name": "Question"}, {"name": "Answer"}, {"name": "Family"}],
        templates=[
            {
                "name": "Follow-up",
                "qfmt": "<div class='family'>{{Family}}</div>{{Question}}",
                "afmt": "{{FrontSide}}<hr id='answer'>{{Answer}}",
            }
        ],
    )
    deck = genanki.Deck(_stable_id(f"deepdive-deck-{sheet.name}"), f"deepdive: {sheet.name}")
    items = prep_sheet(sheet)
    for item in items:
        deck.add_note(
            genanki.Note(
                model=model,
                fields=[
                    escape(item.question),
                    escape(item.answer),
                    escape(FAMILY_TITLES[item.family]),
                ],
                guid=genanki.guid_for(sheet.name, item.family),
            )
        )
    genanki.Package(deck).write_to_file(path)
    return len(items)


# -- retelling --------------------------------------------------------------------------------

_WORD = re.compile(r"[a-z0-9][a-z0-9%.-]*", re.I)
_STOP = frozenset(
    """the a an and or but of to in on at for with from by as is are was were be been it its this
    that these those we i my our you they them their had has have did do does so than then
    about into over which who what when where how not no also just very more most""".split()
)


def _content(text: str) -> set[str]:
    return {
        w.lower().rstrip(".")[:6]
        for w in _WORD.findall(text)
        if w.lower() not in _STOP and len(w) > 2
    }


@dataclass(frozen=True)
class Retelling:
    covered: tuple[tuple[str, str, str], ...]  # (field, fact, quote from the retelling)
    dropped: tuple[tuple[str, str], ...]  # (field, fact)
    drift: tuple[Contradiction, ...]
    changed: tuple[str, ...] = ()  # fields told, but with another number or model (drift)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": "deepdive.retelling/1",
            "covered": [{"field": k, "fact": f, "quote": q} for k, f, q in self.covered],
            "dropped": [{"field": k, "fact": f} for k, f in self.dropped],
            "changed": list(self.changed),
            "drift": [
                {
                    "kind": c.kind,
                    "message": c.message,
                    "fact_sheet": c.overview_quote,
                    "retelling": c.reply_quote,
                }
                for c in self.drift
            ],
        }


def check_retelling(sheet: FactSheet, text: str, threshold: float = 0.3) -> Retelling:
    """Which facts the retelling covered (by shared meaning-bearing words), which it dropped,
    and where its figures, model or data drift from the fact sheet (both quotes)."""
    sentences = [s.text for s in split_sentences(text)]
    covered, dropped = [], []
    for f in spec().for_persona(sheet.persona):
        fact = sheet.get(f.key)
        if not fact:
            continue
        words = _content(fact)
        best, quote = 0.0, ""
        for s in sentences:
            overlap = len(words & _content(s)) / max(1, min(len(words), 8))
            if overlap > best:
                best, quote = overlap, s
        if best >= threshold:
            covered.append((f.key, fact, quote))
        else:
            dropped.append((f.key, fact))
    found = find_contradictions(sheet.overview_text(), text, names=("fact sheet", "retelling"))
    # a limitation told plainly somewhere is kept, whatever else is waved away
    told = [
        q
        for key, _, q in covered
        if key == "limitations" and not _dismisses(q) and not _undoes(sheet.get("limitations"), q)
    ]
    denied = None if told else _limitation_denied(sheet, sentences)
    if denied:
        found.append(denied)
    # a fact told with another number or model is neither covered nor left out: it changed
    fields = [field_of_quote(sheet, d.overview_quote) for d in found]
    drifted = set(fields)
    # quoted in the sheet's own words, not the sentence the check composed from them
    drift = [
        replace(d, overview_quote=sheet.get(key) or d.overview_quote) if key else d
        for d, key in zip(found, fields, strict=True)
    ]
    told = [k for k, _, _ in covered] + [k for k, _ in dropped]
    changed = tuple(k for k in told if k in drifted)
    covered = [c for c in covered if c[0] not in drifted]
    dropped = [d for d in dropped if d[0] not in drifted]
    return Retelling(tuple(covered), tuple(dropped), tuple(drift), changed)


def _dismisses(sentence: str) -> bool:
    return denies_weakness(sentence) or bool(phrase_list("limitation_dismissed").search(sentence))


def _undoes(limitation: str, sentence: str) -> bool:
    """The sentence states as done what the limitation says was not ("it's already been
    through a full credit cycle" for "the model has not been through a full credit cycle")."""
    if not limitation or _PENDING.search(sentence):
        return False  # "once it has been through a full credit cycle" is still to come
    return affirms_denied(limitation, sentence, subject=False) is not None


_PENDING = re.compile(
    r"\b(?:once|until|unless|if|when|whenever|before|will|would|wait\w*|yet)\b|['’]ll\b", re.I
)


# what a limitation is said of, not what it is about ("the model struggles on new merchants")
_SUBJECTS = frozenset(terms("model models system approach pipeline classifier forecast it"))
# words a limitation shares with any dismissal: not what it is about
_VAGUE_LIMITATION = frozenset(
    terms("issue problem limitation weakness concern still handle cope work deal fine perfect")
)


def _limitation_denied(sheet: FactSheet, sentences: list[str]) -> Contradiction | None:
    """The sheet names a limitation and the retelling says there was none ("no real
    limitations"), or waves that one away ("accents aren't an issue anymore" for "one region
    with heavy accents still has high WER": a word of the limitation before the dismissal)."""
    limitation = sheet.get("limitations")
    if not limitation or denies_weakness(limitation):
        return None
    own = set(terms(limitation)) - _VAGUE_LIMITATION
    for s in sentences:
        waved = phrase_list("limitation_dismissed").search(s)
        # what is waved away: the dismissal's own clause, naming the limitation's words and
        # nothing else ("accents aren't an issue", not "daytime footage isn't a problem")
        start = max(s.rfind(c, 0, waved.start()) for c in ",;:") + 1 if waved else 0
        said = set(terms(s[start : waved.end()])) if waved else set()
        named = (
            set(terms(s[start : waved.start()])) - _VAGUE_LIMITATION - _SUBJECTS if waved else set()
        )
        near = len(said & own) >= 2 or (bool(named) and named <= own)
        if denies_weakness(s) or near or _undoes(limitation, s):
            return Contradiction(
                "limitation",
                next(line for key, line in sheet.overview_lines() if key == "limitations"),
                s,
                "The fact sheet names a limitation; the retelling says it is not one.",
            )
    return None


def field_of_quote(sheet: FactSheet, quote: str) -> str | None:
    """The fact-sheet field a sentence of the sheet's overview was written from."""
    quote = " ".join(quote.split())
    lines = sheet.overview_lines()
    exact = [key for key, line in lines if quote and quote in " ".join(line.split())]
    if exact:
        return exact[0]
    words = set(quote.lower().split())
    scored = [(len(words & set(line.lower().split())) / max(1, len(words)), k) for k, line in lines]
    return max(scored)[1] if scored else None
