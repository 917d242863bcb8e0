"""HTML pages: practise, feedback, drill, history, compare, login, API docs."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from deepdive.checks import CHECKS, check_title, titles
from deepdive.drill import FAMILY_LABELS, DrillSession
from deepdive.factsheet import FactSheet
from deepdive.inputs import InputError, too_short_to_keep, utf8_size
from deepdive.palette import PART_COLOURS
from deepdive.store import DEFAULT_QUESTION, Store
from deepdive.story import Retelling, check_retelling
from deepdive.terminal_report import clock
from deepdive.web.app import MAX_TEXT, FriendlyError, html
from deepdive.web.cpu import analyze
from deepdive.web.security import csrf_ok, token_ok
from deepdive.web.views import pieces, score_cards, time_bar_svg, verdict_text

router = APIRouter(include_in_schema=False)


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


async def _form(request: Request) -> dict[str, Any]:
    form = await request.form()
    if not csrf_ok(request.session, form.get("csrf")):
        raise FriendlyError(
            403,
            "This form has expired or did not come from deepdive. Reload the page and try again.",
        )
    return {k: v for k, v in form.items() if isinstance(v, str)}


def _see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


@router.get("/")
def practise(request: Request, project: str = "") -> Response:
    return html(
        request,
        "practise.html",
        question=DEFAULT_QUESTION,
        text="",
        project=project.strip()[:200],
        error=None,
    )


@router.post("/practise")
async def submit_answer(request: Request) -> Response:
    form = await _form(request)
    return await run_in_threadpool(_submit_answer, request, form)


def _submit_answer(request: Request, form: dict[str, Any]) -> Response:
    text = form.get("text", "")
    project = form.get("project", "").strip()[:200]
    error = None
    if utf8_size(text) > MAX_TEXT:
        error = f"The answer is {utf8_size(text) // 1000} KB; the limit is {MAX_TEXT // 1000} KB."
    else:
        try:
            analysis = analyze(text)
            short = too_short_to_keep(text)
            if short:
                error = f"Too short to practise on: {short}."
        except InputError as exc:
            error = f"Cannot analyse this answer: {exc}."
    if error:
        # Keep what the user typed: nothing is lost on a refused answer.
        return html(
            request,
            "practise.html",
            question=DEFAULT_QUESTION,
            text=text,
            project=project,
            error=error,
        )
    row = _store(request).save_attempt(text, analysis, project=project or None, source="web")
    return _see_other(f"/attempts/{row.id}")


@router.get("/attempts/{attempt_id}")
def feedback(request: Request, attempt_id: int) -> Response:
    store = _store(request)
    try:
        row, text, analysis = store.get_attempt(attempt_id)
    except KeyError:
        raise FriendlyError(404, f"There is no attempt {attempt_id}.") from None
    # the drills already run on this answer (one opened and never answered is not listed)
    drills = [
        {
            "uid": d["uid"],
            "when": d["created_at"],
            "asked": len(d["payload"].get("turns") or []),
            "answered": sum(1 for t in d["payload"].get("turns") or [] if not t.get("skipped")),
        }
        for d in store.list_drills(attempt_uid=row.uid)
        if isinstance(d["payload"], dict) and d["payload"].get("turns")
    ]
    return html(
        request,
        "feedback.html",
        row=row,
        drills=drills,
        retelling=_against_story(store, row.project, text),
        story_url="/story/" + quote(row.project or "", safe=""),
        analysis=analysis,
        pieces=pieces(text, analysis),
        time_bar=time_bar_svg(analysis),
        cards=score_cards(analysis),
        verdict=verdict_text(analysis),
        clock=clock,
        colours=PART_COLOURS,
        titles=titles(),
    )


def _against_story(store: Store, project: str | None, text: str) -> Retelling | None:
    """When the attempt's project has a fact sheet: which facts it told, left out or changed."""
    if not project:
        return None
    try:
        persona, entries = store.get_fact_sheet(project)
    except KeyError:
        return None
    if not any(v.strip() for v in entries.values()):
        return None  # a story begun but with nothing written yet has nothing to compare
    return check_retelling(FactSheet(project, persona, entries), text)


@router.post("/attempts/{attempt_id}/drill")
async def start_drill(request: Request, attempt_id: int) -> Response:
    _form_data = await _form(request)
    return await run_in_threadpool(_start_drill, request, _form_data, attempt_id)


def _start_drill(request: Request, _form_data: dict[str, Any], attempt_id: int) -> Response:
    store = _store(request)
    try:
        row, text, analysis = store.get_attempt(attempt_id)
    except KeyError:
        raise FriendlyError(404, f"There is no attempt {attempt_id}.") from None
    session = DrillSession(text, analysis=analysis, max_questions=8)
    uid = store.start_drill(session.to_dict(), session.state(), attempt_uid=row.uid)
    return _see_other(f"/drill/{uid}")


def _load_drill(store: Store, uid: str) -> tuple[dict[str, Any], DrillSession]:
    try:
        record = store.get_drill(uid)
    except KeyError:
        raise FriendlyError(404, "There is no such drill session.") from None
    if not record["attempt_uid"] or record["state"] is None:
        raise FriendlyError(404, "This drill session cannot be resumed.")
    _, text, analysis = store.get_attempt(record["attempt_uid"])
    return record, DrillSession.restore(text, analysis, record["state"])


@router.get("/drill/{uid}")
def drill_page(request: Request, uid: str) -> Response:
    return _drill_view(request, uid)


def _drill_view(request: Request, uid: str, error: str | None = None) -> Response:
    record, session = _load_drill(_store(request), uid)
    last = session.turns[-1] if session.turns else None
    return html(
        request,
        "drill.html",
        error=error,
        uid=uid,
        session=session,
        current=session.current(),
        number=len(session.turns) + 1,
        last=last,
        last_feedback=last.feedback() if last else None,
        summary=session.summary() if session.done else None,
        labels=FAMILY_LABELS,
        attempt_id=_store(request).get_attempt(record["attempt_uid"])[0].id,
    )


@router.post("/drill/{uid}/reply")
async def drill_reply(request: Request, uid: str) -> Response:
    form = await _form(request)
    return await run_in_threadpool(_drill_reply, request, form, uid)


def _drill_reply(request: Request, form: dict[str, Any], uid: str) -> Response:
    store = _store(request)
    _, session = _load_drill(store, uid)
    if session.done:
        return _see_other(f"/drill/{uid}")
    reply = form.get("reply", "")
    if utf8_size(reply) > MAX_TEXT:
        raise FriendlyError(413, f"The reply is too long: the limit is {MAX_TEXT // 1000} KB.")
    if form.get("action") != "skip" and not reply.strip():
        # an empty "Check my reply" is a slip, not a skip: ask again, nothing recorded
        return _drill_view(request, uid, "Write a reply first, or press Skip to pass on it.")
    if form.get("action") == "skip":
        session.skip()
    else:
        try:
            session.answer(reply)
        except InputError as exc:
            raise FriendlyError(422, f"{str(exc).capitalize()}.") from None
    store.update_drill(
        uid, session.to_dict(), session.state(), "done" if session.done else "active"
    )
    return _see_other(f"/drill/{uid}")


@router.get("/history")
def history(request: Request, project: str = "") -> Response:
    from deepdive.svg_chart import line_chart
    from deepdive.trend import build_trend

    store = _store(request)
    projects = sorted({r.project for r in store.list_attempts(limit=1000) if r.project})
    chosen = project if project in projects else None
    rows = store.list_attempts(project=chosen, limit=200)
    trend = build_trend(store.trend(project=chosen))
    charts = []
    if trend.attempts:
        ends = None
        if trend.start and trend.end:
            # all on one day: the times tell the attempts apart, not "07 Dec ... 07 Dec"
            shape = "%d %b" if trend.start.date() != trend.end.date() else "%d %b %H:%M"
            ends = (trend.start.strftime(shape), trend.end.strftime(shape))
        charts = [
            line_chart("Scores", trend.scores, x_labels=ends),
            line_chart("Part strength", trend.parts, x_labels=ends),
        ]
    return html(
        request,
        "history.html",
        rows=rows,
        charts=charts,
        attempts=trend.attempts,
        projects=projects,
        project=chosen or "",
        unknown=project if project and chosen is None else "",
    )


@router.get("/export")
def export_all(request: Request) -> Response:
    """Everything saved (attempts, drills, fact sheets, your questions, practice), as the
    same JSON file ``deepdive export`` writes and ``deepdive import`` reads back."""
    import json
    from datetime import UTC, datetime

    from deepdive.transfer import export_data

    body = json.dumps(export_data(_store(request)), ensure_ascii=False, indent=2) + "\n"
    name = f"deepdive-export-{datetime.now(UTC):%Y-%m-%d}.json"
    return Response(
        body.encode("utf-8"),
        media_type="application/json; charset=utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "Cache-Control": "no-store",  # your answers are not kept in a browser cache
        },
    )


@router.post("/attempts/{attempt_id}/delete")
async def delete_attempt(request: Request, attempt_id: int) -> Response:
    form = await _form(request)
    if form.get("confirm") != "yes":
        raise FriendlyError(400, "Tick the box to confirm: deleting an attempt cannot be undone.")
    if not await run_in_threadpool(_store(request).delete_attempt, attempt_id):
        raise FriendlyError(404, f"There is no attempt {attempt_id}.")
    return _see_other("/history")


@router.get("/compare")
def compare(request: Request, a: int | None = None, b: int | None = None) -> Response:
    if a is None or b is None:
        raise FriendlyError(400, "Pick two attempts to compare on the history page.")
    store = _store(request)
    try:
        left = store.get_attempt(a)
        right = store.get_attempt(b)
    except KeyError as exc:
        raise FriendlyError(404, f"There is no attempt {exc.args[0]}.") from None
    before = {key: value for key, _, value in score_cards(left[2])}
    changes = [
        (label, before[key], value, value - before[key])
        for key, label, value in score_cards(right[2])
    ]
    found_before = {f.id for f in left[2].findings}
    found_after = {f.id for f in right[2].findings}
    names = titles()
    return html(
        request,
        "compare.html",
        left=left,
        right=right,
        cards=score_cards,
        changes=changes,
        fixed=[names.get(i, i) for i in sorted(found_before - found_after)],
        new=[names.get(i, i) for i in sorted(found_after - found_before)],
        kept=[names.get(i, i) for i in sorted(found_before & found_after)],
        titles=names,
    )


@router.get("/checks")
def checks_page(request: Request) -> Response:
    rows = [(c.ID, check_title(c), c.SEVERITY, c.PART) for c in CHECKS]
    return html(request, "checks.html", rows=rows, check=None)


@router.get("/checks/{ident}")
def check_page(request: Request, ident: str) -> Response:
    from deepdive.checks import check_sections, check_title, find_check

    try:
        check = find_check(ident)
    except KeyError:
        raise FriendlyError(404, f"There is no check {ident!r}.") from None
    return html(
        request,
        "checks.html",
        rows=None,
        check=check,
        title=check_title(check),
        sections=check_sections(check),
    )


@router.get("/palette.css")
def palette_stylesheet() -> Response:
    """The part colours, from the one palette (deepdive/palette.py)."""
    from deepdive.palette import palette_css

    return Response(palette_css(), media_type="text/css", headers={"Cache-Control": "max-age=3600"})


@router.get("/favicon.ico")
def favicon() -> Response:
    return RedirectResponse("/static/favicon.svg", status_code=301)


@router.get("/login")
def login_page(request: Request) -> Response:
    return html(request, "login.html", error=None)


@router.post("/login")
async def login(request: Request) -> Response:
    form = await _form(request)
    if token_ok(request.app.state.config.token, form.get("token", "")):
        request.session["auth"] = True
        return _see_other("/")
    return html(request, "login.html", error="That token is not right.")


@router.post("/logout")
async def logout(request: Request) -> Response:
    await _form(request)
    request.session.clear()
    return _see_other("/login" if request.app.state.config.token else "/")


@router.get("/api/docs")
def api_docs(request: Request) -> Response:
    """The API reference, rendered on the server from the OpenAPI document (no CDN)."""
    spec = request.app.openapi()
    return html(request, "api_docs.html", spec=spec)
