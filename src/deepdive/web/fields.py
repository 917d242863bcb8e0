"""Field types for the JSON API's request bodies: text that can be stored and analysed.

Every string a client sends is checked the same way before any work starts: no lone UTF-16
surrogates (they cannot be stored or encoded) and no NUL characters, within a length limit.
Breaking either rule is a 422 naming the field, never a server error.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field

MAX_QUESTION = 1_000
MAX_NAME = 200
MAX_TEXT_CHARS = 100_000
MAX_ID = 2**63 - 1  # the largest id the store can hold
_BAD = re.compile("[\\x00\\ud800-\\udfff]")


def _clean(value: str) -> str:
    if _BAD.search(value):
        raise ValueError("holds a NUL character or an invalid (lone surrogate) character")
    return value


CleanText = Annotated[str, AfterValidator(_clean), Field(max_length=MAX_TEXT_CHARS)]
Question = Annotated[str, AfterValidator(_clean), Field(min_length=1, max_length=MAX_QUESTION)]
Name = Annotated[str, AfterValidator(_clean), Field(max_length=MAX_NAME)]
RowId = Annotated[int, Field(ge=1, le=MAX_ID)]
