"""Other names for what each shipped question asks, for search (``data/search_phrases.yaml``).

A question's own text rarely holds the words a candidate types into a search box: they search
"lasso vs ridge" for a question about L1 and L2 penalties, "typeahead" for autocomplete, "boss
wants to ship early" for launching under pressure. The file maps each shipped question id to a
few such phrases — standard and alternative names, abbreviations, the plain-language way the
situation is described — and search reads them as one more field of the question.

The phrases were written per question from the question alone, without looking at any search
query or result, so the labelled query sets stay a fair test of them.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from deepdive.datafiles import DataFileError, keys, load_data

FILE = "search_phrases.yaml"
MAX_WORDS = 16  # a name is a few words; a described situation runs to a sentence


@cache
def search_phrases() -> Mapping[str, tuple[str, ...]]:
    """Question id -> its search phrases; ids are checked against the bank by ``bank lint``."""
    return read_phrases(load_data(FILE))


def read_phrases(data: Any) -> dict[str, tuple[str, ...]]:
    """Validate the parsed file: every id needs a list of short, non-empty phrases."""
    if not isinstance(data, dict):
        raise DataFileError(f"{FILE}: expected a mapping of question ids to lists of phrases")
    lines = data.get("__keylines__", {})
    out: dict[str, tuple[str, ...]] = {}
    for ident in keys(data):
        where = f"{FILE}:{lines.get(ident, 0)}"
        phrases = data[ident]
        if not isinstance(phrases, list) or not phrases:
            raise DataFileError(f"{where}: {ident!r} needs a list of phrases")
        for phrase in phrases:
            if not isinstance(phrase, str) or not phrase.strip():
                raise DataFileError(f"{where}: {ident!r} has a phrase that is not text")
            if len(phrase.split()) > MAX_WORDS:
                raise DataFileError(
                    f"{where}: {phrase!r} is longer than {MAX_WORDS} words; "
                    "a search phrase is what someone would type in one go"
                )
        out[str(ident)] = tuple(p.strip() for p in phrases)
    return out


def phrases_for(ident: str, aliases: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The search phrases of a question (by its id, or an earlier id it still answers to)."""
    table = search_phrases()
    for name in (ident, *aliases):
        if name in table:
            return table[name]
    return ()
