"""The question bank in the JSON API: the same records as ``deepdive bank ... --json``."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse
from pydantic import Field

from deepdive.bank import Question, RoundName, combined, find, select_questions
from deepdive.bank_search import search_index
from deepdive.coverage import check_coverage
from deepdive.inputs import InputError, utf8_size, validate
from deepdive.plan import MAX_DAYS, make_plan
from deepdive.practice_log import list_practice, record_practice
from deepdive.store import Store
from deepdive.user_questions import list_user_questions
from deepdive.web.app import MAX_TEXT, FriendlyError
from deepdive.web.fields import AnswerText, Flag, RequestBody, errors

router = APIRouter(prefix="/api", tags=["bank"], responses=errors(400, 401, 413))


class PracticeRequest(RequestBody):
    text: AnswerText = Field(
        description="Your answer to the question (UTF-8, at least one word, at most 100 KB).",
        examples=["Batch norm standardises each layer's inputs with the mini-batch mean ..."],
    )
    save: Flag = Field(
        default=True,
        description="Save the outcome to your practice history (used by the practice plan).",
    )


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


@router.get("/bank", summary="List or search the question bank", responses=errors(422))
def api_bank(
    request: Request,
    q: Annotated[
        str, Query(max_length=200, description="Words to search for; empty lists in bank order.")
    ] = "",
    round: Annotated[RoundName | None, Query(description="Only this round, e.g. ml_depth.")] = None,
    topic: Annotated[str | None, Query(description="Only this topic, e.g. evaluation.")] = None,
    difficulty: Annotated[
        int | None, Query(ge=1, le=3, description="Only this level (1-3).")
    ] = None,
    company: Annotated[
        str | None, Query(max_length=200, description="Only questions asked at this company.")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=1000, description="At most this many questions.")] = 50,
) -> JSONResponse:
    if not 1 <= limit <= 1000:
        raise FriendlyError(422, "limit must be between 1 and 1000")
    questions = select_questions(
        combined(list_user_questions(_store(request))),
        round_name=round,
        topic=topic,
        difficulty=difficulty,
        company=company,
    )
    if q.strip():
        hits = search_index(tuple(questions)).search(q, limit)
        return JSONResponse([{**h.to_dict(), "score": s} for h, s in hits])
    return JSONResponse([x.to_dict() for x in questions[:limit]])


def _question(request: Request, ident: str) -> Question:
    try:
        return find(combined(list_user_questions(_store(request))), ident)
    except KeyError:
        raise FriendlyError(404, f"there is no question {ident!r}") from None


@router.get("/bank/plan", summary="A spaced-repetition practice plan", responses=errors(422))
def api_bank_plan(
    request: Request,
    days: Annotated[int, Query(ge=1, le=MAX_DAYS, description="Days to plan (1-90).")] = 14,
    round: Annotated[RoundName | None, Query(description="Only this round, e.g. ml_depth.")] = None,
    per_day: Annotated[int, Query(ge=1, le=20, description="Questions a day (1-20).")] = 3,
) -> JSONResponse:
    if not 1 <= days <= MAX_DAYS or not 1 <= per_day <= 20:
        raise FriendlyError(422, f"days must be 1-{MAX_DAYS} and per_day 1-20")
    store = _store(request)
    chosen = select_questions(combined(list_user_questions(store)), round_name=round)
    items = make_plan(chosen, list_practice(store), days=days, today=date.today(), per_day=per_day)
    return JSONResponse({"days": days, "items": [i.to_dict() for i in items]})


@router.get(
    "/bank/{ident}", summary="One question with key points and follow-ups", responses=errors(404)
)
def api_bank_question(request: Request, ident: str) -> JSONResponse:
    return JSONResponse(_question(request, ident).to_dict())


@router.post(
    "/bank/{ident}/practice",
    summary="Key-point coverage of an answer (deepdive.coverage/1)",
    responses=errors(404, 422),
)
def api_bank_practice(request: Request, ident: str, body: PracticeRequest) -> JSONResponse:
    question = _question(request, ident)
    if utf8_size(body.text) > MAX_TEXT:
        raise FriendlyError(413, f"the text is over the {MAX_TEXT // 1000} KB limit")
    try:
        text = validate(body.text)
    except InputError as exc:
        raise FriendlyError(422, f"cannot read this answer: {exc}") from None
    if not question.key_points:
        raise FriendlyError(422, f"question {ident} has no key points to check against")
    coverage = check_coverage(question, text)
    if body.save:
        record_practice(_store(request), question.id, coverage)
    return JSONResponse({**coverage.to_dict(), "follow_ups": list(question.follow_ups)})
