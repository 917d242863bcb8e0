"""Field types for the JSON API's request bodies: text that can be stored and analysed.

Every string a client sends is checked the same way before any work starts: no lone UTF-16
surrogates (they cannot be stored or encoded) and no NUL characters, within a length limit.
Breaking either rule is a 422 naming the field, never a server error.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictBool, StrictInt

from deepdive.inputs import bad_characters

MAX_QUESTION = 1_000
MAX_NAME = 200
MAX_TEXT_CHARS = 100_000
MAX_ID = 2**63 - 1  # the largest id the store can hold


def _clean(value: str) -> str:
    bad = bad_characters(value)
    if bad:
        raise ValueError(bad)
    return value


CleanText = Annotated[str, AfterValidator(_clean), Field(max_length=MAX_TEXT_CHARS)]
AnswerText = Annotated[str, AfterValidator(_clean), Field(min_length=1, max_length=MAX_TEXT_CHARS)]
Question = Annotated[str, Field(min_length=1, max_length=MAX_QUESTION), AfterValidator(_clean)]
Name = Annotated[str, AfterValidator(_clean), Field(max_length=MAX_NAME)]
RowId = Annotated[StrictInt, Field(ge=1, le=MAX_ID)]  # in a JSON body: true is not 1
PathId = Annotated[int, Field(ge=1, le=MAX_ID)]  # in a URL, where every value is text
Seed = Annotated[StrictInt, Field(ge=0, le=2**32 - 1)]
Count = Annotated[StrictInt, Field(ge=1, le=50)]
Flag = StrictBool  # in a JSON body: 0 is not false
# The drill's question families as the schema's enum (a test checks them against
# deepdive.drill.FAMILY_LABELS); the bank's rounds are deepdive.bank.RoundName.
FamilyName = Literal["why_model", "how_known", "hardest_bug", "scale_10x", "hindsight", "probes"]


class RequestBody(BaseModel):
    """A JSON request body. A field it does not know is a 422 naming the field, so a reply
    sent as ``text`` instead of ``reply`` is refused rather than silently dropped."""

    model_config = ConfigDict(extra="forbid")


class ErrorBody(BaseModel):
    """Every API error: one plain sentence saying what was wrong."""

    error: str = Field(description="What went wrong, in one sentence.", examples=["no attempt 7"])


def errors(*codes: int) -> dict[int | str, dict[str, object]]:
    """OpenAPI ``responses`` for the error codes a route can answer with."""
    meaning = {
        400: "The body is not valid JSON, or the request misses something it needs.",
        401: "A token is required (the server listens beyond loopback).",
        404: "No such record.",
        409: "The record is in a state that does not allow this (e.g. a finished drill).",
        413: "The body is over its size limit, or a text is over 100 KB once encoded.",
        422: "A field is invalid (missing, unknown, empty or longer than its schema allows), or "
        "the text cannot be analysed; the message says which.",
    }
    return {code: {"model": ErrorBody, "description": meaning[code]} for code in codes}
