"""Split an answer into sentences with character spans.

Real answers arrive as polished paragraphs, bullet lists, Markdown write-ups and run-on spoken
transcripts with little or no punctuation. The splitter works in three passes:

1. lines: bullets and headings always start a new unit; wrapped lines inside a paragraph join;
2. punctuation: split after ``.``, ``!`` or ``?`` unless the dot belongs to an abbreviation
   ("e.g.", "approx.", "U.S."), an initial or a decimal number;
3. fallback chunking: a unit that is still very long (a transcript with no full stops) is cut
   at discourse markers ("so", "and then", "um") and clause-starting pronouns.

Every sentence keeps the ``start``/``end`` offsets of its text in the original string.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from deepdive.datafiles import load_data, require


@dataclass(frozen=True)
class Sentence:
    """One unit of the answer: its text and where it sits in the original string."""

    text: str
    start: int
    end: int
    heading: bool = False


_BULLET = re.compile(r"^[ \t]*(?:[-*•–+]|\d{1,2}[.)])[ \t]+")
_MD_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+\S")
_MD_MARKER = re.compile(r"^[ \t]*#{1,6}[ \t]+")
_TOKEN = re.compile(r"\S+")
# a number right before a word ("50 ms."): the word is a unit, not a title
_AFTER_NUMBER = re.compile(r"\d\s*$")
_UNITS = frozenset({"ms."})
_TERMINATOR = re.compile(r"[.!?]+[\"')\]]*(?=\s|$)")


_EMPHASIS = re.compile(r"\*\*|__|`|(?<![\w*])\*(?=\w)|(?<=\w)\*(?![\w*])")


def plain(text: str) -> str:
    """``text`` with Markdown emphasis and code marks blanked (same length), for cue matching:
    "compared several **anomaly detection models**" reads as the words it says."""
    if "*" not in text and "_" not in text and "`" not in text:
        return text  # most sentences: nothing to blank, and cue matching asks often
    return _EMPHASIS.sub(lambda m: " " * len(m.group()), text)


def _is_heading_line(line: str) -> bool:
    stripped = line.strip()
    if _MD_HEADING.match(line):
        return True
    # "Data:" or "**Evaluation**" on a line of its own, short and without a full stop.
    bare = stripped.strip("*_").strip()
    words = bare.split()
    if not words or len(words) > 5:
        return False
    return bool(bare.endswith(":") or (stripped.startswith("**") and stripped.endswith("**")))


def _lines(text: str) -> list[tuple[int, int, str]]:
    """Return (start, end, kind) of each line; kind is 'bullet', 'heading', 'text' or 'blank'.

    Bullet and Markdown heading markers are left out of the span.
    """
    out: list[tuple[int, int, str]] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        line = raw.rstrip("\r\n")
        if not line.strip():
            out.append((pos, pos, "blank"))
            pos += len(raw)
            continue
        lead = len(line) - len(line.lstrip())
        start, end = pos + lead, pos + len(line.rstrip())
        bullet = _BULLET.match(line)
        heading_marker = _MD_MARKER.match(line)
        if _is_heading_line(line):
            kind = "heading"
            if heading_marker:
                start = pos + heading_marker.end()
        elif bullet:
            kind = "bullet"
            start = pos + bullet.end()
        else:
            kind = "text"
        if start < end:
            out.append((start, end, kind))
        pos += len(raw)
    return out


def _blocks(text: str, breaks: frozenset[int] = frozenset()) -> list[tuple[int, int, bool]]:
    """Group lines into blocks (start, end, is_heading): paragraphs, single bullets, headings.

    A line holding one of the ``breaks`` offsets (a new speaker's turn) starts a new block.
    """
    blocks: list[tuple[int, int, bool]] = []
    current: list[int] | None = None
    previous_end = -1
    for start, end, kind in _lines(text):
        if current and any(previous_end < b <= start for b in breaks):
            blocks.append((current[0], current[1], False))
            current = None
        if kind != "blank":
            previous_end = end
        if kind == "blank":
            if current:
                blocks.append((current[0], current[1], False))
            current = None
        elif kind == "heading":
            if current:
                blocks.append((current[0], current[1], False))
            blocks.append((start, end, True))
            current = None
        elif kind == "bullet" or current is None:
            if current:
                blocks.append((current[0], current[1], False))
            current = [start, end]
        else:
            current[1] = end
    if current:
        blocks.append((current[0], current[1], False))
    return blocks


class Splitter:
    """Sentence splitter configured by ``data/splitting.yaml``."""

    def __init__(self) -> None:
        cfg = load_data("splitting.yaml")
        name = "splitting.yaml"
        self.abbreviations = set(require(name, cfg, "abbreviations", str).lower().split())
        self.continuers = set(require(name, cfg, "continuers", str).lower().split())
        self.strong = set(require(name, cfg, "strong_starters", str).lower().split())
        self.weak = set(require(name, cfg, "weak_starters", str).lower().split())
        self.max_words = require(name, cfg, "max_words", int)
        self.min_words = require(name, cfg, "min_words", int)
        self.run_on_words = require(name, cfg, "run_on_words", int)
        self.unpunctuated_words = require(name, cfg, "unpunctuated_words", int)
        self.subjects = set(require(name, cfg, "subjects", str).lower().split())
        self.verbs = set(require(name, cfg, "verbs", str).lower().split())
        self.determiners = set(require(name, cfg, "determiners", str).lower().split())
        self.head_nouns = set(require(name, cfg, "head_nouns", str).lower().split())
        self.head_modifiers = set(require(name, cfg, "head_modifiers", str).lower().split())
        self.subject_joiners = set(require(name, cfg, "subject_joiners", str).lower().split())
        self.never_after = set(require(name, cfg, "never_after", str).lower().split())
        self.finite_verbs = set(require(name, cfg, "finite_verbs", str).lower().split())
        self.relatives = set(require(name, cfg, "relatives", str).lower().split())

    def split(self, text: str, breaks: frozenset[int] = frozenset()) -> list[Sentence]:
        out: list[Sentence] = []
        for start, end, heading in _blocks(text, breaks):
            if heading:
                out.append(Sentence(text[start:end], start, end, heading=True))
                continue
            spans = self._punctuation(text, start, end)
            words = len(text[start:end].split())
            # A block with few full stops is a transcript: cut long chunks at discourse
            # markers. Punctuated prose only gets cut when a "sentence" is absurdly long.
            unpunctuated = (
                len(spans) == 1
                and words > self.unpunctuated_words
                and not text[start:end].rstrip().endswith((".", "!", "?"))
            )
            run_on = unpunctuated or words / len(spans) > self.run_on_words
            limit = self.max_words if run_on else 3 * self.max_words
            for s, e in spans:
                out.extend(self._fallback(text, s, e, limit))
        return out

    def _abbreviation(self, text: str, dot: int, block_start: int) -> str:
        """The abbreviation or initial that the '.' at ``dot`` ends, or '' for a full stop."""
        i = dot
        while i > block_start and not text[i - 1].isspace() and text[i - 1] not in "([\"'":
            i -= 1
        word = text[i : dot + 1].lower()
        if word in self.abbreviations or word in self.continuers:
            return word
        # Single initials ("J. Smith") and dotted acronyms ("U.S.", "e.g.").
        if re.fullmatch(r"(?:[a-z]\.)+", word) and len(word) <= 6:
            return word
        return ""

    def _punctuation(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        seg_start = start
        for m in _TERMINATOR.finditer(text, start, end):
            stop = m.end()
            if m.group().rstrip("\"')]") == "." and self._abbreviation(text, m.start(), seg_start):
                word = self._abbreviation(text, m.start(), seg_start)
                nxt = re.match(r"\s*(\S)", text[stop:end])
                # after a number "ms." is milliseconds, not a title ("serves in 50 ms. Out-of-
                # time ..."); other words that never end a sentence ("vs.", "e.g.") still don't
                unit = word in _UNITS and bool(
                    _AFTER_NUMBER.search(text, seg_start, m.start() - len(word) + 1)
                )
                continues = word in self.continuers and not unit
                # An abbreviation ends a sentence only before a capitalised new start.
                if continues or not nxt or not nxt.group(1).isupper():
                    continue
            spans.append((seg_start, stop))
            seg_start = stop
            while seg_start < end and text[seg_start].isspace():
                seg_start += 1
        if seg_start < end:
            spans.append((seg_start, end))
        return [(s, e) for s, e in spans if text[s:e].strip()]

    def _fallback(self, text: str, start: int, end: int, limit: int) -> list[Sentence]:
        tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]
        if len(tokens) <= limit:
            return [Sentence(text[start:end], start, end)]
        cuts: list[int] = []
        seg_begin = 0
        i = self.min_words
        while i < len(tokens):
            length = i - seg_begin
            score = self._score(text, tokens, i)
            if length >= self.min_words and score >= 2:
                # A better start a few words on wins ("to write | the answer I considered"
                # becomes "to write the answer | I considered").
                word = _word(text, tokens, i)
                ahead = range(i + 1, min(i + self.min_words, len(tokens)))
                better = [
                    j
                    for j in ahead
                    if word in self.determiners and self._score(text, tokens, j) > score
                ]
                if better:
                    i = better[0]
                cuts.append(i)
                seg_begin = i
                i += self.min_words
                continue
            if length >= self.max_words:
                window = range(max(seg_begin + self.min_words, i - self.max_words // 2), i + 1)
                best = max(window, key=lambda j: (self._score(text, tokens, j), j))
                cuts.append(best)
                seg_begin = best
                i = best + self.min_words
                continue
            i += 1
        bounds = [0, *cuts, len(tokens)]
        out: list[Sentence] = []
        for a, b in itertools.pairwise(bounds):
            if a >= b:
                continue
            s, e = tokens[a][0], tokens[b - 1][1]
            out.append(Sentence(text[s:e], s, e))
        return out

    def _noun_phrase_subject(self, text: str, tokens: list[tuple[int, int]], i: int) -> bool:
        """A determiner whose noun phrase (2-4 words) is followed by a finite verb starts a
        clause: "... reported them | the trust and safety team was drowning ..."."""
        for k in range(i + 2, min(i + 6, len(tokens))):
            w = _word(text, tokens, k)
            if w in self.relatives or w in self.subjects:
                return False
            if w in self.finite_verbs:
                return True
        return False

    def _modified_subject(self, text: str, tokens: list[tuple[int, int]], i: int) -> bool:
        """After "the first", "the hard" ...: a finite verb or a subject pronoun follows within
        a few words ("the first thing I did", "the hard part with the data is"), or a
        relative clause right after the noun ("the final version that shipped ...")."""
        for k in range(i + 2, min(i + 7, len(tokens))):
            w = _word(text, tokens, k)
            if w in self.relatives:
                return k == i + 3
            if w in self.finite_verbs or w in self.subjects:
                return True
        return False

    def _score(self, text: str, tokens: list[tuple[int, int]], i: int) -> int:
        """How good a sentence start token ``i`` makes (0 = none, 1 = weak, 2+ = strong)."""
        word = _word(text, tokens, i)
        prev = text[tokens[i - 1][0] : tokens[i - 1][1]]
        blockers = self.subject_joiners if word in self.subjects else self.never_after
        if prev.lower().strip(",;:") in blockers and not prev.endswith((",", ";", ":")):
            return 0
        if word == "to" and any(_word(text, tokens, k) == "from" for k in range(max(0, i - 5), i)):
            return 0  # never split "from twenty minutes | to under three"
        score = 0
        nxt = ""
        if i + 1 < len(tokens):
            nxt = _word(text, tokens, i + 1)
        # "we tried", "I'd", and an adverb before the verb ("I randomly split").
        verb_like = nxt in self.verbs or nxt.endswith(("ed", "'d", "’d", "ly"))
        if (
            word in self.strong
            or (word in ("and", "but") and nxt in self.strong)
            or (word in self.determiners and nxt in self.head_nouns)
            or (
                word in self.determiners
                and nxt in self.head_modifiers
                and self._modified_subject(text, tokens, i)
            )
            or (word in self.determiners and self._noun_phrase_subject(text, tokens, i))
        ):
            score = 2
        elif word in self.subjects and verb_like:
            score = 3  # "I considered", "we tried": the surest clause start
        elif word in self.subjects:
            score = 2  # "we", "they": a subject pronoun starts a clause
        elif word in self.weak:
            score = 1
        if prev.endswith((",", ";", ":", "—", "-")):
            score += 1
        return score


def _word(text: str, tokens: list[tuple[int, int]], k: int) -> str:
    """Token ``k`` lowercased, without trailing clause punctuation."""
    return text[tokens[k][0] : tokens[k][1]].lower().strip(",;:")


_SPLITTER: Splitter | None = None


def split_sentences(text: str, breaks: frozenset[int] = frozenset()) -> list[Sentence]:
    """Split ``text`` into sentences (see the module docstring); no sentence runs across one
    of the ``breaks`` offsets (where a new speaker starts)."""
    global _SPLITTER
    if _SPLITTER is None:
        _SPLITTER = Splitter()
    return _SPLITTER.split(text, breaks)
