"""Question bank pages: filters and search, a question page with practice and coverage (saved
to the practice history), and a spaced-repetition practice plan."""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from deepdive.bank import (
    ROUND_TITLES,
    Question,
    asks_whole_story,
    close_ids,
    combined,
    find,
    round_key,
    select_questions,
)
from deepdive.bank_search import search_index
from deepdive.coverage import check_coverage
from deepdive.inputs import InputError, too_short_to_keep, utf8_size, validate
from deepdive.plan import EMPTY_DAY, MAX_DAYS, by_day, make_plan
from deepdive.practice_log import list_practice, record_practice
from deepdive.store import Store
from deepdive.user_questions import (
    Draft,
    DraftError,
    add_drafts,
    check_is_question,
    delete_user_question,
    list_user_questions,
)
from deepdive.web.app import MAX_TEXT, FriendlyError, html
from deepdive.web.cpu import analyze
from deepdive.web.pages import _form, _see_other, _store

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 100


def _questions(store: Store) -> list[Question]:
    return combined(list_user_questions(store))


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


@router.get("/bank")
def bank_list(
    request: Request,
    q: str = "",
    round: str = "",
    topic: str = "",
    difficulty: str = "",
    page: str = "1",
) -> Response:
    questions = _questions(_store(request))
    topics = sorted({t for question in questions for t in question.topics})
    round_name = round_key(round)
    chosen = select_questions(
        questions,
        round_name=round_name,
        topic=topic if topic in topics else None,
        difficulty=_int(difficulty) if difficulty in ("1", "2", "3") else None,
    )
    query = q.strip()[:200]
    pages = max(1, -(-len(chosen) // PAGE_SIZE))
    number = min(max(_int(page) or 1, 1), pages)
    searched_for = None
    if query:
        index = search_index(tuple(chosen))
        rows = [question for question, _ in index.search(query, PAGE_SIZE)]
        searched_for = index.did_you_mean(query) if rows else None
        pages = number = 1
    else:
        rows = chosen[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
    keep = {"round": round, "topic": topic, "difficulty": difficulty}
    link = "&".join(f"{k}={quote(v)}" for k, v in keep.items() if v)
    # a filter the bank does not know is said, not silently dropped (an old link, a typo)
    unknown = [
        f"{name} “{value}”"
        for name, value, known in (
            ("round", round, round_name is not None),
            ("topic", topic, topic in topics),
            ("difficulty", difficulty, difficulty in ("1", "2", "3")),
        )
        if value and not known
    ]
    return html(
        request,
        "bank.html",
        unknown=unknown,
        rows=rows,
        total=len(chosen),
        page=number,
        pages=pages,
        first=(number - 1) * PAGE_SIZE + 1,
        link=link,
        q=query,
        searched_for=searched_for,
        round=round_name or round,
        topic=topic,
        difficulty=difficulty,
        rounds=ROUND_TITLES,
        topics=topics,
    )


@router.get("/bank/add")
def bank_add_form(request: Request) -> Response:
    return html(request, "bank_add.html", rounds=ROUND_TITLES, form={}, error=None)


@router.post("/bank/add")
async def bank_add(request: Request) -> Response:
    form = await _form(request)
    return await run_in_threadpool(_bank_add, request, form)


def _lines(value: str) -> list[str]:
    return [line.strip(" -*\t") for line in value.splitlines() if line.strip(" -*\t")]


def _bank_add(request: Request, form: dict[str, Any]) -> Response:
    difficulty = form.get("difficulty", "")
    draft = Draft(
        text=form.get("text", "")[:2000],
        round=form.get("round") or None,
        topics=[t.strip() for t in form.get("topics", "").split(",") if t.strip()][:8],
        difficulty=int(difficulty) if difficulty.isdigit() else None,
        company=form.get("company", "")[:200] or None,
        asked_on=form.get("asked", "")[:10] or None,
        key_points=_lines(form.get("key_points", ""))[:6],
        follow_ups=_lines(form.get("follow_ups", ""))[:4],
    )
    try:
        check_is_question(draft.text)
        (outcome,) = add_drafts(_store(request), [draft])
    except DraftError as exc:
        return html(
            request,
            "bank_add.html",
            rounds=ROUND_TITLES,
            form=form,
            # one question per form: "question 1: ..." says nothing here
            error=f"{(said := str(exc).split(': ', 1)[-1])[:1].upper()}{said[1:]}.",
        )
    return _see_other(f"/bank/{outcome.question_id}?added={quote(outcome.action)}")


@router.post("/bank/{ident}/delete")
async def bank_delete(request: Request, ident: str) -> Response:
    form = await _form(request)
    if form.get("confirm") != "yes":
        raise FriendlyError(400, "Tick the box to confirm: deleting a question cannot be undone.")
    if not await run_in_threadpool(delete_user_question, _store(request), ident):
        raise FriendlyError(404, f"There is no question of yours with id {ident}.")
    return _see_other("/bank")


@router.get("/bank/plan")
def bank_plan(request: Request, days: str = "14", round: str = "", per_day: str = "3") -> Response:
    n_days = min(max(_int(days) or 14, 1), MAX_DAYS)
    n_per_day = min(max(_int(per_day) or 3, 1), 20)
    store = _store(request)
    round_name = round_key(round)
    chosen = select_questions(_questions(store), round_name=round_name)
    today = date.today()
    items = make_plan(chosen, list_practice(store), days=n_days, today=today, per_day=n_per_day)
    return html(
        request,
        "bank_plan.html",
        days=by_day(items, n_days, today) if items else [],
        empty_day=EMPTY_DAY,
        n_days=n_days,
        per_day=n_per_day,
        round=round_name or "",
        rounds=ROUND_TITLES,
        today=today,
    )


def _question(request: Request, ident: str) -> Question:
    questions = _questions(_store(request))
    try:
        return find(questions, ident)
    except KeyError:
        near = close_ids(questions, ident)
        hint = f" Did you mean {' or '.join(near)}?" if near else ""
        raise FriendlyError(404, f"There is no question {ident!r} in the bank.{hint}") from None


@router.get("/bank/{ident}")
def bank_question(request: Request, ident: str, added: str = "") -> Response:
    question = _question(request, ident)
    return html(
        request,
        "bank_question.html",
        question=question,
        whole_story=asks_whole_story(question),
        rounds=ROUND_TITLES,
        text="",
        coverage=None,
        error=None,
        added=added if added in ("added", "reported again") else "",
    )


@router.post("/bank/{ident}/practice")
async def bank_practice(request: Request, ident: str) -> Response:
    form = await _form(request)
    return await run_in_threadpool(_bank_practice, request, form, ident)


def _bank_practice(request: Request, form: dict[str, Any], ident: str) -> Response:
    question = _question(request, ident)
    text = form.get("text", "")
    error = None
    if utf8_size(text) > MAX_TEXT:
        error = f"The answer is too long: the limit is {MAX_TEXT // 1000} KB."
    else:
        try:
            text = validate(text)
        except InputError as exc:
            error = f"Cannot read this answer: {exc}."
    if error is None and asks_whole_story(question):
        short = too_short_to_keep(text)
        if short:
            error = f"Too short to practise on: {short}."
    if error is None and asks_whole_story(question):
        analysis = analyze(text)
        row = _store(request).save_attempt(text, analysis, question=question.text, source="web")
        return _see_other(f"/attempts/{row.id}")
    if error is None and not question.key_points:
        error = (
            "This question has no key points to check against yet: add it again on the "
            "“Add a question” page with its key points, and they join it."
        )
    coverage = check_coverage(question, text) if error is None else None
    if coverage is not None:
        record_practice(_store(request), question.id, coverage)
    return html(
        request,
        "bank_question.html",
        question=question,
        whole_story=asks_whole_story(question),
        rounds=ROUND_TITLES,
        text=form.get("text", ""),
        coverage=coverage,
        error=error,
    )
