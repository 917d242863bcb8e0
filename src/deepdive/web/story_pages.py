"""Story builder pages: the fact-sheet form part by part with nudges, the outline and prep
sheet, and downloads (Markdown, printable HTML, JSON, Anki deck)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from deepdive.factsheet import (
    NAME_LIMIT,
    PERSONAS,
    FactSheet,
    Field,
    name_problem,
    nudges,
    spec,
)
from deepdive.story import (
    FAMILY_TITLES,
    outline,
    prep_sheet,
    render_html,
    render_json,
    render_markdown,
    write_anki,
)
from deepdive.web.app import FriendlyError, html
from deepdive.web.pages import _form, _see_other, _store

router = APIRouter(include_in_schema=False)
MAX_ENTRY = 5000
MAX_NAME = NAME_LIMIT
EXTRA_GROUPS = {"ownership": "Your part and the team's", "prep": "For the follow-ups"}
DOWNLOADS = {
    "md": ("text/markdown; charset=utf-8", "md"),
    "html": ("text/html; charset=utf-8", "html"),
    "json": ("application/json", "json"),
    "apkg": ("application/octet-stream", "apkg"),
}


def _url(name: str) -> str:
    return "/story/" + quote(name, safe="")


def _sheet(request: Request, name: str) -> FactSheet:
    try:
        persona, entries = _store(request).get_fact_sheet(name)
    except KeyError:
        raise FriendlyError(404, f"There is no fact sheet called {name!r}.") from None
    return FactSheet(name, persona, entries)


def _groups(sheet: FactSheet) -> list[tuple[str, list[Field]]]:
    s = spec()
    order = [*s.parts, *EXTRA_GROUPS]
    groups = []
    for part in order:
        fields = [f for f in s.for_persona(sheet.persona) if f.part == part]
        if fields:
            title = s.parts[part][1] if part in s.parts else EXTRA_GROUPS[part]
            groups.append((title, list(fields)))
    return groups


@router.get("/story")
def story_list(request: Request) -> Response:
    sheets = _store(request).list_fact_sheets()
    return html(
        request, "story_list.html", sheets=sheets, personas=spec().personas, error=None, url=_url
    )


@router.post("/story")
async def story_create(request: Request) -> Response:
    form = await _form(request)
    return await run_in_threadpool(_story_create, request, form)


def _story_create(request: Request, form: dict[str, Any]) -> Response:
    name = " ".join(form.get("name", "").split())
    persona = form.get("persona", "team")
    error = name_problem(name)
    if error is None and persona not in PERSONAS:
        error = "Pick who you are in this story."
    if error:
        sheets = _store(request).list_fact_sheets()
        return html(
            request,
            "story_list.html",
            sheets=sheets,
            personas=spec().personas,
            error=error,
            url=_url,
        )
    store = _store(request)
    try:
        store.get_fact_sheet(name)
    except KeyError:
        store.save_fact_sheet(name, persona, {})
    return _see_other(_url(name) + "/edit")


@router.get("/story/{name}/edit")
def story_edit(request: Request, name: str, saved: int = 0) -> Response:
    sheet = _sheet(request, name)
    return html(
        request,
        "story_edit.html",
        sheet=sheet,
        groups=_groups(sheet),
        nudges=nudges(sheet),
        personas=spec().personas,
        saved=bool(saved),
        url=_url,
    )


@router.post("/story/{name}/edit")
async def story_save(request: Request, name: str) -> Response:
    form = await _form(request)
    return await run_in_threadpool(_story_save, request, form, name)


def _story_save(request: Request, form: dict[str, Any], name: str) -> Response:
    sheet = _sheet(request, name)
    persona = form.get("persona", sheet.persona)
    if persona not in PERSONAS:
        raise FriendlyError(400, "Pick who you are in this story: team, switcher or solo.")
    entries = dict(sheet.entries)
    for f in spec().fields:
        if f.key in form:
            value = form[f.key].strip()
            if len(value) > MAX_ENTRY:
                raise FriendlyError(
                    413, f"The entry for {f.key!r} is longer than {MAX_ENTRY} characters."
                )
            entries[f.key] = value
    _store(request).save_fact_sheet(name, persona, entries)
    if form.get("action") == "outline":
        return _see_other(_url(name))
    return _see_other(_url(name) + "/edit?saved=1#saved")


@router.get("/story/{name}")
def story_show(request: Request, name: str) -> Response:
    sheet = _sheet(request, name)
    return html(
        request,
        "story_show.html",
        sheet=sheet,
        sections=outline(sheet),
        prep=prep_sheet(sheet),
        titles=FAMILY_TITLES,
        persona=spec().personas[sheet.persona],
        url=_url,
    )


@router.get("/story/{name}/download/{fmt}")
def story_download(request: Request, name: str, fmt: str) -> Response:
    if fmt not in DOWNLOADS:
        raise FriendlyError(404, "Downloads are md, html, json or apkg.")
    sheet = _sheet(request, name)
    mime, suffix = DOWNLOADS[fmt]
    if fmt == "apkg":
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "deck.apkg"
            write_anki(sheet, str(path))
            body = path.read_bytes()
    else:
        body = {"md": render_markdown, "html": render_html, "json": render_json}[fmt](sheet).encode(
            "utf-8"
        )
    filename = "".join(c if c.isalnum() or c in "-_" else "-" for c in name)[:80] or "story"
    return Response(
        body,
        media_type=mime,
        headers={"Content-Disposition": f'attachment; filename="{filename}.{suffix}"'},
    )


@router.post("/story/{name}/delete")
async def story_delete(request: Request, name: str) -> Response:
    _form_data = await _form(request)
    return await run_in_threadpool(_story_delete, request, _form_data, name)


def _story_delete(request: Request, _form_data: dict[str, Any], name: str) -> Response:
    if _form_data.get("confirm") != "yes":
        raise FriendlyError(400, "Tick the box to confirm: deleting a fact sheet cannot be undone.")
    _store(request).delete_fact_sheet(name)
    return _see_other("/story")
