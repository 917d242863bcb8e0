"""The question bank in the JSON API: the same records as ``deepdive bank ... --json``."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from deepdive.bank import ROUNDS, Question, combined, find, select_questions
from deepdive.bank_search import search_index
from deepdive.coverage import check_coverage
from deepdive.inputs import InputError, utf8_size, validate
from deepdive.plan import MAX_DAYS, make_plan
from deepdive.practice_log import list_practice, record_practice
from deepdive.store import Store
from deepdive.user_questions import list_user_questions
from deepdive.web.app import MAX_TEXT, FriendlyError
from deepdive.web.fields import CleanText

router = APIRouter(prefix="/api", tags=["bank"])


class PracticeRequest(BaseModel):
    text: CleanText = Field(description="Your answer to the question (UTF-8, at most 100 KB).")
    save: bool = Field(
        default=True,
        description="Save the outcome to your practice history (used by the practice plan).",
    )


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


@router.get("/bank", summary="List or search the question bank")
def api_bank(
    request: Request,
    q: str = "",
    round: str | None = None,
    topic: str | None = None,
    difficulty: int | None = None,
    company: str | None = None,
    limit: int = 50,
) -> JSONResponse:
    if round is not None and round not in ROUNDS:
        raise FriendlyError(422, f"unknown round {round!r} (one of {', '.join(ROUNDS)})")
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


@router.get("/bank/plan", summary="A spaced-repetition practice plan")
def api_bank_plan(
    request: Request, days: int = 14, round: str | None = None, per_day: int = 3
) -> JSONResponse:
    if not 1 <= days <= MAX_DAYS or not 1 <= per_day <= 20:
        raise FriendlyError(422, f"days must be 1-{MAX_DAYS} and per_day 1-20")
    if round is not None and round not in ROUNDS:
        raise FriendlyError(422, f"unknown round {round!r}")
    store = _store(request)
    chosen = select_questions(combined(list_user_questions(store)), round_name=round)
    items = make_plan(chosen, list_practice(store), days=days, today=date.today(), per_day=per_day)
    return JSONResponse({"days": days, "items": [i.to_dict() for i in items]})


@router.get("/bank/{ident}", summary="One question with key points and follow-ups")
def api_bank_question(request: Request, ident: str) -> JSONResponse:
    return JSONResponse(_question(request, ident).to_dict())


@router.post(
    "/bank/{ident}/practice", summary="Key-point coverage of an answer (deepdive.coverage/1)"
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
