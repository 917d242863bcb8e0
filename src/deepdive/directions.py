"""Claims read for direction: a sentence about a key point that gets it backwards.

Coverage by shared words (:mod:`deepdive.coverage`) credits "L1 penalises squared weights" for
"L2 penalises squared weights" — same words, wrong claim. This module reads four ways of
getting a point backwards, from ``data/directions.yaml``:

* **a swap** of two concepts candidates mix up (L1↔L2, precision↔recall, bias↔variance,
  train↔test, type I↔II ...): the sentence names only the other side, or attaches the point's
  words to the other side;
* **a reversed direction**: as many words of change as the point (raises, lowers, more, fewer
  ...), but not the same ups and downs;
* **a negation** right before one of the point's own words, when the point has none;
* **a dismissal**: the point's own words called unnecessary ("no need for a BM25 baseline").

Comparisons said the other way round and denied claims stated as true are read by
:mod:`deepdive.claim_frames`.

Each returns a short reason, so a view can say why the sentence reads as wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from deepdive.claim_frames import WORD, affirms_denied, compared_alike, compared_backwards
from deepdive.datafiles import compile_patterns, load_data, require
from deepdive.meaning import terms

_WORD = WORD
_WINDOW = 6  # words after a concept that count as what is said about it
_AFTER = 3  # words after a word of change that say what changes
_BEFORE = 4  # words before "is not needed" that say what is not
# a change or dismissal negated or set aside just before it ("don't increase", "instead of
# raising", "never skip")
_NOT_THIS = re.compile(
    r"(?:\bnot|\bnever|n[\'’]t|\bno|\binstead\s+of|\brather\s+than|\bwithout)\s+"
    r"(?:\w+\s+)?$",
    re.I,
)
_LOSE = re.compile(
    r"\b(?:lose|loses|lost|losing|sacrific\w*|give\s+up|gave\s+up)\s+(?:\w+\s+)?$", re.I
)
_PREVENTS = re.compile(
    r"\b(?:prevent\w*|avoid\w*|stop\w*\s+(?:\w+\s+){0,3}from|keeps?\s+(?:\w+\s+){0,3}from)\b",
    re.I,
)
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being|gets?|got)\s+(?:\w+\s+)?$", re.I)
# what a point sets aside: the words after it are not what the point recommends
_SET_ASIDE = re.compile(r"\b(?:rather\s+than|instead\s+of|not|unless|except)\b", re.I)
_CLAUSE_END = re.compile(r"[;:.]|\b(?:unless|except|until|but|while|whereas)\b", re.I)


def _clause(text: str) -> str:
    """``text`` up to the end of its clause ("...; fine-tune it" stops at the semicolon)."""
    end = _CLAUSE_END.search(text)
    return text[: end.start()] if end else text


@dataclass(frozen=True)
class _Rules:
    swaps: tuple[tuple[re.Pattern[str], re.Pattern[str], str, str], ...]  # a, b, their names
    # each side's other names only (not its first, plain one): "lasso" and "ridge" for L1/L2
    aliases: tuple[tuple[re.Pattern[str] | None, re.Pattern[str] | None], ...]
    up: re.Pattern[str]
    down: re.Pattern[str]
    negation: re.Pattern[str]
    dismissal: re.Pattern[str]
    harm: re.Pattern[str]
    approval: re.Pattern[str]


@cache
def _rules() -> _Rules:
    name = "directions.yaml"
    cfg = load_data(name)
    swaps = []
    aliases: list[tuple[re.Pattern[str] | None, re.Pattern[str] | None]] = []
    for pair in require(name, cfg, "swaps", list):
        shown = require(name, pair, "names", list)
        sides = [require(name, pair, key, list) for key in ("a", "b")]
        a, b = (compile_patterns(name, pair, side) for side in sides)
        swaps.append((a, b, str(shown[0]), str(shown[1])))
        aliases.append(
            (
                compile_patterns(name, pair, sides[0][1:]) if len(sides[0]) > 1 else None,
                compile_patterns(name, pair, sides[1][1:]) if len(sides[1]) > 1 else None,
            )
        )
    d = require(name, cfg, "directions", dict)
    return _Rules(
        tuple(swaps),
        tuple(aliases),
        compile_patterns(name, cfg, require(name, d, "up", list)),
        compile_patterns(name, cfg, require(name, d, "down", list)),
        compile_patterns(name, cfg, require(name, cfg, "negations", list)),
        compile_patterns(name, cfg, require(name, cfg, "dismissals", list)),
        compile_patterns(name, cfg, require(name, cfg, "harms", list)),
        compile_patterns(name, cfg, require(name, cfg, "approvals", list)),
    )


def _said_about(
    text: str, concept: re.Pattern[str], other: re.Pattern[str], window: int = _WINDOW
) -> set[str]:
    """Content terms in the few words after each mention of ``concept`` (up to ``other``)."""
    out: set[str] = set()
    for m in concept.finditer(text):
        rest = text[m.end() :]
        stop = other.search(rest)
        if stop:
            rest = rest[: stop.start()]
        out |= set(terms(" ".join(_WORD.findall(rest)[:window])))
    return out


# what introduces another name for the thing just named: "L2 (lasso)", "L2 regularization,
# also called lasso", "L1, i.e. ridge"
_ALIAS_LEAD = re.compile(
    r"(?:\s+(?:regulari[sz]ation|regression|penalty|loss|norm|error))?\s*(?:\(\s*|,\s*"
    r"(?:i\.e\.,?|aka|a\.k\.a\.|also\s+(?:called|known\s+as)|known\s+as|that\s+is,?)\s+)",
    re.I,
)


# the other name closes the aside ("(lasso)", ", also called ridge,"): not a clause that
# goes on ("(recall mattered less ...)", "(L2 only shrinks them)")
_ALIAS_END = re.compile(r"\s*(?:\)|,|;|\.|$)")


def _misnamed(sentence: str, pair: int) -> bool:
    """One side given one of the other side's other names ("L2 regularization (lasso)", "L1,
    also called ridge"); the other side's plain name in brackets is a second column
    ("precision (recall) was 0.91 (0.84)"), not a misnaming."""
    a, b, _, _ = _rules().swaps[pair]
    alias_a, alias_b = _rules().aliases[pair]
    for one, other in ((a, alias_b), (b, alias_a)):
        if other is None:
            continue
        for m in one.finditer(sentence):
            lead = _ALIAS_LEAD.match(sentence, m.end())
            named = lead and other.match(sentence, lead.end())
            if named and _ALIAS_END.match(sentence, named.end()):
                return True
    return False


def _swapped(point: str, sentence: str) -> str | None:
    for k, (a, b, a_name, b_name) in enumerate(_rules().swaps):
        if (a.search(point) or b.search(point)) and _misnamed(sentence, k):
            return f"it gives {a_name} and {b_name} each other's names"
        # "a precision-recall curve" names both sides ("non-linear" is no compound of two)
        both_p, both_s = _joins(point, a, b), _joins(sentence, a, b)
        pa, pb = both_p or a.search(point), both_p or b.search(point)
        sa, sb = both_s or a.search(sentence), both_s or b.search(sentence)
        if (sa and not sb and _denied_at(sentence, a)) or (
            sb and not sa and _denied_at(sentence, b)
        ):
            continue  # "never on the test set" keeps the point, whichever side it names
        if pa and not pb and sb and not sa:
            return f"it says {b_name} where the point is about {a_name}"
        if pb and not pa and sa and not sb:
            return f"it says {a_name} where the point is about {b_name}"
        if pa and pb and bool(sa) != bool(sb):
            # the point tells both sides; the sentence names one and gives it the other's part
            # ("so L2 is what you use for feature selection" for "L1 helps feature selection;
            # L2 handles correlated features")
            one, other = (a, b) if sa else (b, a)
            own, theirs = _said_about(point, one, other), _said_about(point, other, one)
            said = _said_about(sentence, one, other, window=2 * _WINDOW)
            if (theirs & said) - own and not (own & said) - theirs:
                named, meant = (a_name, b_name) if sa else (b_name, a_name)
                return f"it says of {named} what the point says of {meant}"
        if pa and pb and sa and sb:
            point_a, point_b = _said_about(point, a, b), _said_about(point, b, a)
            said_a, said_b = _said_about(sentence, a, b), _said_about(sentence, b, a)
            crossed = (point_a & said_b) - said_a and (point_b & said_a) - said_b
            if crossed:
                return f"it swaps {a_name} and {b_name}"
    return None


_COMPOUND = re.compile(r"\b([A-Za-z]+)-([A-Za-z]+)\b")


def _denied_at(text: str, side: re.Pattern[str]) -> bool:
    """Every mention of ``side`` comes just after a negation ("never on the test set")."""
    found = list(side.finditer(text))
    return bool(found) and all(
        _rules().negation.search(" ".join(_WORD.findall(text[: m.start()])[-4:])) for m in found
    )


def _joins(text: str, a: re.Pattern[str], b: re.Pattern[str]) -> bool:
    """A hyphenated compound of one side and the other ("precision-recall", "bias-variance")."""
    return any(
        (a.fullmatch(x) and b.fullmatch(y)) or (b.fullmatch(x) and a.fullmatch(y))
        for x, y in _COMPOUND.findall(text)
    )


def _directions(text: str) -> list[str]:
    """The directions of change a text states, in order (negated ones left out, "lose less"
    read as keeping more)."""
    return [way for _, way, _ in _marks(text)]


def _attached(text: str) -> list[tuple[str, set[str]]]:
    """Each stated change with the content terms of what it changes."""
    return [(way, things) for _, way, things in _marks(text)]


def _marks(text: str) -> list[tuple[int, str, set[str]]]:
    """Each word of change with its position, its direction and the content terms of what it
    changes: the few words after it ("reduce the batch size" -> down, {batch, size}), or
    before it when said in the passive ("the batch size is reduced"). A change that is
    negated or set aside ("don't increase it", "instead of raising it") states no direction;
    one that is lost is turned round ("you lose less power": keeps more)."""
    rules = _rules()
    out = []
    for said_way, pattern in (("up", rules.up), ("down", rules.down)):
        for m in pattern.finditer(text):
            way = said_way
            lead = text[max(0, m.start() - 24) : m.start()]
            if _NOT_THIS.search(lead):
                continue
            if _LOSE.search(lead):
                way = "down" if way == "up" else "up"
            passive = _PASSIVE.search(lead)
            if passive:
                words = _WORD.findall(text[: m.start() - len(lead) + passive.start()])[-_AFTER:]
            else:
                words = _WORD.findall(_clause(text[m.end() :]))[:_AFTER]
            out.append((m.start(), way, set(terms(" ".join(words)))))
    return sorted(out, key=lambda mark: mark[0])


def _reversed(point: str, sentence: str) -> str | None:
    """As many words of change as the point, but not the same ups and downs ("raising k adds
    variance" for "a larger k reduces variance"); or the opposite change attached to the
    same thing ("increase the batch size" for "reduce the batch size") and never the same
    one. The same ups and downs in another order ("too small is slow, too large diverges")
    are a rewording."""
    want, said = _directions(point), _directions(sentence)
    if want and len(want) == len(said) and sorted(want) != sorted(said):
        return "it states the opposite direction"
    theirs, ours = _attached(sentence), _attached(point)
    for way, things in ours:
        # "shrink or grow with depth": a point that names both ways of one thing fixes neither
        if not things or any(w != way and things & t for w, t in ours):
            continue
        same = any(w == way and things & t for w, t in theirs)
        if not same and any(w != way and things & t for w, t in theirs):
            return "it states the opposite direction"
    return None


def _negated(point: str, sentence: str) -> str | None:
    """A negation right before one of the point's own words, in the same clause, when the
    point itself negates nothing ("stop long prompts from stalling decodes" is agreed with
    by "so one prompt doesn't stall the others")."""
    rules = _rules()
    if rules.negation.search(point) or _PREVENTS.search(point):
        return None
    # what the point sets aside ("instead of batch statistics") may be denied: "not the batch
    # statistics" agrees with it
    kept, *set_aside = _SET_ASIDE.split(point, maxsplit=1)
    wanted = set(terms(kept)) - set(terms(" ".join(set_aside)))
    # "to reduce overfitting" is agreed with by "so it does not overfit"
    lowered = set().union(*(t for w, t in _attached(point) if w == "down"))
    for m in rules.negation.finditer(sentence):
        rest = sentence[m.end() :]
        comma = rest.find(",")
        after = " ".join(_WORD.findall(_clause(rest[: comma if comma >= 0 else None]))[:2])
        denied = set(terms(after)) & wanted
        if denied and not denied <= lowered:
            return "it denies what the point states"
    return None


def _dismissed(point: str, sentence: str) -> str | None:
    """The sentence calls what the point recommends unnecessary ("no need for a BM25
    comparison" for "compare against a keyword baseline such as BM25"). Words the point
    itself sets aside ("rather than training from scratch") are not what it recommends, and
    a dismissal that is negated ("don't skip it"), conditional ("not needed unless ...") or
    said of its absence ("without it, k-NN is pointless") dismisses nothing."""
    rules = _rules()
    if rules.negation.search(point) or rules.dismissal.search(point):
        return None
    wanted = set(terms(_SET_ASIDE.split(point)[0]))
    for m in rules.dismissal.finditer(sentence):
        lead = sentence[max(0, m.start() - 16) : m.start()]
        if _NOT_THIS.search(lead):
            continue  # "never skip it", "don't skip the baseline"
        clause_start = max(sentence.rfind(c, 0, m.start()) for c in ";:.") + 1
        before_text = sentence[clause_start : m.start()]
        if re.search(r"\bwithout\b", before_text, re.I):
            continue
        before = _WORD.findall(before_text)[-_BEFORE:]
        after = _WORD.findall(_clause(sentence[m.end() :]))[:_WINDOW]
        if set(terms(" ".join(before + after))) & wanted:
            return "it says what the point calls for is not needed"
    return None


# a remedy or a qualifier said with the thing: "avoids leakage", "after the split is fine"
_REMEDY = re.compile(
    r"\b(?:avoid|prevent|stop|reduc|limit|guard|protect|mitigat|fix|remov)\w*|"
    r"\b(?:after|once|only|inside|within|out-of-fold|properly|correctly|separately)\b",
    re.I,
)
# a belief reported, not held
_REPORTED = re.compile(
    r"\b(?:assum\w*|think|thinks|believe\w*|claim\w*|say|says|myth|mistake\w*|wrongly)\b", re.I
)
_CONDITION = re.compile(
    r"(?:\s+\w+){0,4}?\s*,?\s+(?:as\s+long\s+as|if|provided|only|once|after|when|unless)\b",
    re.I,
)


def _harm_denied(point: str, sentence: str) -> str | None:
    """The point warns of a harm ("random splits let the model learn from the future") and
    the sentence calls the same thing fine ("a random split is fine for time-ordered data"):
    the subject before the approval, in its clause, shares a term with what the point warns
    about (its words before the harm)."""
    rules = _rules()
    harm = rules.harm.search(point)
    if not harm or rules.negation.search(point[: harm.start()]):
        return None
    if _REMEDY.search(point[: harm.start()]):
        return None  # "out-of-fold estimates avoid leakage" recommends, it does not warn
    warned = set(terms(point[: harm.start()]))
    for m in rules.approval.finditer(sentence):
        clause_start = max(sentence.rfind(c, 0, m.start()) for c in ";:.,") + 1
        said = sentence[clause_start : m.start()]
        subject = set(terms(said))
        if _CONDITION.match(sentence[m.end() :]) or _REMEDY.search(said):
            continue  # "fine as long as it comes after the split", "after the split is fine"
        if _REPORTED.search(sentence[: m.start()]):
            continue  # "many people assume a random split is fine, but ..."
        if subject & warned:
            return "it calls fine what the point warns against"
    return None


def side(text: str) -> tuple[int, int] | None:
    """Which side of which swap pair ``text`` is about, when it names exactly one side."""
    for k, (a, b, _, _) in enumerate(_rules().swaps):
        has_a, has_b = bool(a.search(text)), bool(b.search(text))
        if has_a != has_b:
            return (k, 0 if has_a else 1)
    return None


def directions_of(text: str) -> list[str]:
    """The up/down words a text uses ("more", "fewer", "increases"), as directions."""
    return _directions(text)


@cache
def _disfavours() -> re.Pattern[str]:
    name = "directions.yaml"
    cfg = load_data(name)
    return compile_patterns(name, cfg, require(name, cfg, "disfavours", list))


def speaks_against(text: str) -> bool:
    """Does ``text`` speak against something ("a full sort is wasteful", "loops are slow")?"""
    return bool(_disfavours().search(text))


def names_both_sides(text: str) -> bool:
    """Does ``text`` name both sides of some swap pair ("bagging ... boosting")?"""
    return any(a.search(text) and b.search(text) for a, b, _, _ in _rules().swaps)


def side_name(pair: int, which: int) -> str:
    """The display name of one side of a swap pair ("L1", "recall")."""
    a_name, b_name = _rules().swaps[pair][2:]
    return b_name if which else a_name


def pair_terms(text: str, pair: int) -> set[str]:
    """The content terms of the words that name either side of ``pair`` in ``text``."""
    a, b, _, _ = _rules().swaps[pair]
    named = " ".join(m.group() for p in (a, b) for m in p.finditer(text))
    return set(terms(named))


def contradiction(point: str, sentence: str) -> str | None:
    """Why ``sentence`` states ``point`` backwards, or None when it does not. A sentence that
    makes the point's comparison, even from the other side ("B is slower than A" for "A is
    faster than B"), states it the right way round whatever its words of change."""
    if compared_alike(point, sentence):
        return None
    return (
        _swapped(point, sentence)
        or _reversed(point, sentence)
        or _negated(point, sentence)
        or _dismissed(point, sentence)
        or _harm_denied(point, sentence)
        or compared_backwards(point, sentence)
        or affirms_denied(point, sentence)
    )
