"""The JSON API under ``/api/``: the same schemas as the CLI's ``--json`` output."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse
from pydantic import Field

from deepdive.drill import DrillSession, overview_entities, plan_drill
from deepdive.drill_cli import parse_families
from deepdive.inputs import InputError, too_short_to_keep, utf8_size
from deepdive.store import DEFAULT_QUESTION, Store
from deepdive.web.app import MAX_TEXT, FriendlyError
from deepdive.web.cpu import analyze
from deepdive.web.fields import (
    MAX_ID,
    MAX_NAME,
    AnswerText,
    CleanText,
    Count,
    FamilyName,
    Flag,
    Name,
    PathId,
    Question,
    RequestBody,
    RowId,
    Seed,
    errors,
)

router = APIRouter(prefix="/api", tags=["api"], responses=errors(400, 401, 413))


class AnalyzeRequest(RequestBody):
    text: AnswerText = Field(
        description="The answer to analyse: UTF-8 text, at least one word, at most 100 KB.",
        examples=["I cut chargeback losses by about a third with a LightGBM model ..."],
    )
    project: Name | None = Field(
        None,
        description="A project name, to group retellings of one project (at most 200 chars).",
        examples=["fraud model"],
    )
    question: Question | None = Field(
        None,
        description="The question answered (default: the deep-dive question; at most 1,000 chars).",
        examples=["Tell me about an ML project you worked on."],
    )
    save: Flag = Field(
        True,
        description="Save the attempt to the history (answers under 30 words are not kept).",
    )


class PlanRequest(RequestBody):
    text: AnswerText = Field(
        description="The overview answer the follow-ups are planned from.",
        examples=["I cut chargeback losses by about a third with a LightGBM model ..."],
    )
    seed: Seed | None = Field(
        None, description="A whole number that makes the choice of questions repeatable."
    )
    families: list[FamilyName] | None = Field(
        None,
        max_length=20,
        description="Question families to ask (e.g. why_model, how_known), or 'probes'.",
        examples=[["why_model", "how_known"]],
    )
    max: Count | None = Field(None, description="Ask at most this many questions (1-50).")


class DrillRequest(RequestBody):
    attempt_id: RowId | None = Field(
        None, description="Drill on this saved attempt (its id from /api/attempts) ..."
    )
    text: AnswerText | None = Field(
        None, description="... or on this overview, which is saved as a new attempt."
    )
    seed: Seed | None = Field(
        None, description="A whole number that makes the choice of questions repeatable."
    )
    families: list[FamilyName] | None = Field(
        None, max_length=20, description="Question families to ask, or 'probes'."
    )
    max: Count | None = Field(None, description="Ask at most this many questions (1-50).")


class ReplyRequest(RequestBody):
    reply: CleanText = Field(
        "",
        description="Your reply to the current question; empty (or skip=true) skips it.",
        examples=["LightGBM, because it beat logistic regression by 7 points of precision."],
    )
    skip: Flag = Field(False, description="Skip the current question without replying.")


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def _check_size(text: str) -> None:
    if utf8_size(text) > MAX_TEXT:
        raise FriendlyError(413, f"the text is over the {MAX_TEXT // 1000} KB limit")


def _analyze(text: str) -> Any:
    _check_size(text)
    try:
        return analyze(text)
    except InputError as exc:
        raise FriendlyError(422, f"cannot analyse this input: {exc}") from None


def _families(value: Sequence[str] | None) -> list[str] | None:
    try:
        return parse_families(",".join(value)) if value else None
    except ValueError as exc:
        raise FriendlyError(422, str(exc)) from None


@router.post(
    "/analyze", summary="Analyse an answer (schema deepdive.analysis/1)", responses=errors(422)
)
def api_analyze(body: AnalyzeRequest, request: Request) -> JSONResponse:
    analysis = _analyze(body.text)
    headers = {}
    if body.save:
        short = too_short_to_keep(body.text)
        if short:
            raise FriendlyError(422, f"not saved: {short} (send save=false to only analyse it)")
        row = _store(request).save_attempt(
            body.text,
            analysis,
            question=body.question or DEFAULT_QUESTION,
            project=body.project,
            source="api",
        )
        headers["X-Deepdive-Attempt"] = str(row.id)
    return JSONResponse(analysis.to_dict(), headers=headers)


@router.get(
    "/attempts",
    summary="List saved attempts, newest first, a page at a time",
    description=(
        "Each page holds up to `limit` attempts from `offset` on. The `X-Total-Count` header "
        'says how many there are in all, and a `Link` header with `rel="next"` gives the '
        "next page's address while there is one."
    ),
    responses=errors(422),
)
def api_attempts(
    request: Request,
    response: Response,
    project: Annotated[
        str | None, Query(max_length=MAX_NAME, description="Only this project's attempts.")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=1000, description="Attempts per page.")] = 100,
    offset: Annotated[
        int, Query(ge=0, le=MAX_ID, description="How many of the newest to skip.")
    ] = 0,
) -> list[dict[str, Any]]:
    store = _store(request)
    rows = store.list_attempts(project=project, limit=limit, offset=offset)
    total = store.count_attempts(project=project)
    response.headers["X-Total-Count"] = str(total)
    if offset + len(rows) < total:
        following = request.url.include_query_params(offset=offset + len(rows), limit=limit)
        response.headers["Link"] = f'<{following}>; rel="next"'
    return [r.summary() for r in rows]


@router.get(
    "/attempts/{attempt_id}", summary="One saved attempt's analysis", responses=errors(404, 422)
)
def api_attempt(request: Request, attempt_id: PathId) -> dict[str, Any]:
    try:
        _, _, analysis = _store(request).get_attempt(attempt_id)
    except KeyError:
        raise FriendlyError(404, f"no attempt {attempt_id}") from None
    return analysis.to_dict()


@router.post(
    "/followups",
    summary="The follow-up questions planned for an answer",
    responses=errors(422),
)
def api_followups(body: PlanRequest) -> dict[str, Any]:
    analysis = _analyze(body.text)
    plan = plan_drill(
        analysis, overview_entities(body.text), body.seed, _families(body.families), body.max
    )
    return {"schema": "deepdive.followups/1", "questions": [q.to_dict() for q in plan]}


@router.post("/drill", summary="Start a drill session", responses=errors(404, 422))
def api_drill_start(body: DrillRequest, request: Request) -> dict[str, Any]:
    store = _store(request)
    if body.attempt_id is not None:
        try:
            row, text, analysis = store.get_attempt(body.attempt_id)
        except KeyError:
            raise FriendlyError(404, f"no attempt {body.attempt_id}") from None
    elif body.text is not None:
        analysis = _analyze(body.text)
        text = body.text
        row = store.save_attempt(text, analysis, source="api")
    else:
        raise FriendlyError(422, "give attempt_id or text")
    session = DrillSession(
        text,
        seed=body.seed,
        families=_families(body.families),
        max_questions=body.max,
        analysis=analysis,
    )
    uid = store.start_drill(session.to_dict(), session.state(), attempt_uid=row.uid)
    current = session.current()
    return {"uid": uid, "question": current.to_dict() if current else None, "done": session.done}


def _session(store: Store, uid: str) -> DrillSession:
    try:
        record = store.get_drill(uid)
    except KeyError:
        raise FriendlyError(404, "no such drill session") from None
    if not record["attempt_uid"] or record["state"] is None:
        raise FriendlyError(409, "this drill session cannot be resumed")
    _, text, analysis = store.get_attempt(record["attempt_uid"])
    return DrillSession.restore(text, analysis, record["state"])


@router.post(
    "/drill/{uid}/reply",
    summary="Answer (or skip) the current drill question",
    responses=errors(404, 409, 422),
)
def api_drill_reply(uid: str, body: ReplyRequest, request: Request) -> dict[str, Any]:
    store = _store(request)
    session = _session(store, uid)
    if session.done:
        raise FriendlyError(409, "this drill session is finished")
    _check_size(body.reply)
    try:
        skip = body.skip or not body.reply.strip()
        turn = session.skip() if skip else session.answer(body.reply)
    except InputError as exc:
        raise FriendlyError(422, str(exc)) from None
    store.update_drill(
        uid, session.to_dict(), session.state(), "done" if session.done else "active"
    )
    current = session.current()
    return {
        "turn": turn.to_dict(),
        "next": current.to_dict() if current else None,
        "done": session.done,
        "summary": session.summary() if session.done else None,
    }


@router.get(
    "/drill/{uid}", summary="A drill session (schema deepdive.drill/1)", responses=errors(404, 409)
)
def api_drill(uid: str, request: Request) -> dict[str, Any]:
    return _session(_store(request), uid).to_dict()


@router.get("/history/trend", summary="Scores and part strengths over time")
def api_trend(request: Request, project: str | None = None) -> dict[str, Any]:
    from deepdive.trend import build_trend

    return build_trend(_store(request).trend(project=project)).to_dict()
