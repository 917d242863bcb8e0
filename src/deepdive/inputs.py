"""Turn user input into answer text, refusing what cannot be analysed with a clear reason.

Refused: empty or whitespace-only text, bytes that are not UTF-8 text (or look binary),
input over the size limit (100 KB), and text that is not in English.
"""

from __future__ import annotations

import re
from pathlib import Path

from deepdive.settings import settings


class InputError(Exception):
    """The input cannot be analysed; ``str(exc)`` is a one-line reason for the user."""


# Common English function words: an English answer of any length is full of them.
_ENGLISH = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "so",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "from",
        "by",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "we",
        "i",
        "you",
        "he",
        "she",
        "they",
        "our",
        "my",
        "your",
        "their",
        "me",
        "us",
        "them",
        "not",
        "no",
        "have",
        "has",
        "had",
        "do",
        "did",
        "does",
        "done",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "must",
        "there",
        "here",
        "which",
        "who",
        "what",
        "when",
        "where",
        "why",
        "how",
        "if",
        "then",
        "than",
        "also",
        "just",
        "very",
        "about",
        "into",
        "over",
        "after",
        "before",
        "because",
        "while",
        "all",
        "any",
        "some",
        "more",
        "most",
        "much",
        "many",
        "each",
        "other",
        "such",
        "only",
        "out",
        "up",
        "down",
        "like",
        "really",
        "um",
        "uh",
        "yeah",
        "okay",
        "well",
    ]
)
# Function words of other common languages that are not English words.
_FOREIGN = frozenset(
    [
        "de",
        "la",
        "el",
        "los",
        "las",
        "y",
        "que",
        "una",
        "por",
        "para",
        "con",
        "es",
        "se",
        "del",
        "al",
        "lo",
        "le",
        "les",
        "des",
        "et",
        "est",
        "pas",
        "une",
        "du",
        "dans",
        "pour",
        "qui",
        "sur",
        "au",
        "avec",
        "der",
        "die",
        "das",
        "und",
        "ist",
        "nicht",
        "ein",
        "eine",
        "zu",
        "den",
        "mit",
        "sich",
        "von",
        "auf",
        "für",
        "im",
        "dem",
        "il",
        "che",
        "di",
        "per",
        "non",
        "sono",
        "della",
        "het",
        "een",
        "van",
        "ik",
        "je",
        "niet",
        "wij",
        "zijn",
        "também",
        "não",
        "são",
        "muy",
        "pero",
        "más",
        "wir",
        "haben",
        "wurde",
        "nous",
        "avons",
        "était",
        "nosotros",
        "hemos",
        "wurden",
        "werden",
    ]
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def not_a_file(path: str) -> str | None:
    """Why a path named on the command line cannot be read as a file, or None."""
    p = Path(path)
    if p.is_dir():
        return f"{path} is a directory, not a file"
    if not p.exists():
        return f"no such file: {path}"
    return None


def decode(data: bytes, max_bytes: int | None = None) -> str:
    """Decode uploaded or piped bytes as UTF-8 text, or raise :class:`InputError`.

    A file saved as UTF-16 with its byte-order mark (Windows Notepad's "Unicode") is read
    too, and held to the limit by its size as UTF-8."""
    limit = settings().max_chars if max_bytes is None else max_bytes
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            raise InputError("the input starts like UTF-16 text but is not valid UTF-16") from None
    if len(data) > limit:
        raise InputError(
            f"the answer is {len(data) / 1000:.0f} KB; the limit is {limit // 1000} KB"
        )
    if b"\x00" in data:
        raise InputError("the input looks like a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"the input is not UTF-8 text (invalid byte at position {exc.start})"
        ) from None
    return text


# control characters other than \t \n \v \f \r, and letters from Latin alphabets
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_LATIN = re.compile("[\x00-\x7f\u00c0-\u024f]")


def bad_characters(text: str) -> str | None:
    """Why ``text`` cannot be stored or analysed character-wise (NUL, lone surrogate), or None.

    The one rule for every way text comes in: files, stdin, the web form and every API field."""
    if "\x00" in text:
        return "the input looks like a binary file, not text (it holds NUL characters)"
    if _SURROGATE.search(text):
        return "the text holds an invalid character (a lone UTF-16 surrogate)"
    return None


def utf8_size(text: str) -> int:
    """Bytes ``text`` takes in UTF-8 (never fails, even on a lone surrogate)."""
    return len(text.encode("utf-8", "surrogatepass"))


def validate(text: str) -> str:
    """Return ``text`` if it can be analysed, else raise :class:`InputError`.

    The same rule holds for every way in (files, stdin, the web form and the API): no NUL
    characters, no lone surrogates, within the size limit, some English words."""
    limit = settings().max_chars
    size = utf8_size(text)
    if size > limit:
        raise InputError(f"the answer is {size / 1000:.0f} KB; the limit is {limit // 1000} KB")
    if not text.strip():
        raise InputError("the answer is empty")
    bad = bad_characters(text)
    if bad:
        raise InputError(bad)
    controls = len(_CONTROL.findall(text))
    if controls > max(2, len(text) // 50):
        raise InputError("the input looks like a binary file, not text")
    words = _WORD.findall(text)
    if not words:
        raise InputError("the answer has no words to analyse")

    language = _language_problem(words)
    if language:
        raise InputError(language)
    return text


def too_short_to_keep(text: str) -> str | None:
    """Why an answer is too short to keep in the history as a deep-dive attempt, or None.

    A history of one-word tries ("hello") helps nobody, and every part of such a text would
    be reported missing: the command line refuses to read answers under ``min_words`` words,
    and the web app and the API refuse to save them."""
    count = len(_WORD.findall(text))
    least = settings().min_words
    if count >= least:
        return None
    return (
        f"the answer has {count} word{'s' if count != 1 else ''}; write at least {least} "
        "(a deep-dive overview runs 2-3 minutes, about 300-450 words)"
    )


def reply_problem(text: str) -> str | None:
    """Why a drill reply cannot be checked, or None: a reply is read like an answer, so one
    that is not English is refused rather than graded."""
    problem = _language_problem(_WORD.findall(text))
    return problem.replace("the answer", "the reply") if problem else None


def _language_problem(words: list[str]) -> str | None:
    letters = "".join(words)
    latin = len(_LATIN.findall(letters))
    if len(letters) >= 20 and latin / len(letters) < 0.5:
        return "the answer does not look like English; deepdive only reads English answers"
    message = "the answer does not look like English; deepdive only reads English answers"
    lowered = [w.lower() for w in words]
    english = sum(1 for w in lowered if w in _ENGLISH)
    foreign = sum(1 for w in lowered if w in _FOREIGN)
    if len(words) >= 8 and foreign >= 3 and foreign > english:
        return message
    if len(words) >= 30 and english / len(words) < 0.05:
        return message
    return None
