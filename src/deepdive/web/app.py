"""The FastAPI application: HTML pages and the JSON API over one store.

All state lives in the store (attempts, drill progress, the signing secret) or in the signed
session cookie (CSRF token, login), so any number of worker processes can serve one database.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import sys
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.sessions import SessionMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware

from deepdive.store import Store, StoreError
from deepdive.web.security import BodyLimit, SecurityHeaders, csrf_token, token_ok

MAX_TEXT = 100_000
MAX_UPLOAD = 25_000_000  # a recording, on the upload path only
# Every other body: a 100,000-character answer even if every character is escaped
MAX_BODY = 2_000_000


SESSION_HOURS = 12


@dataclass(frozen=True)
class WebConfig:
    db_url: str | None = None
    token: str | None = None  # required to use the app when set
    # Host names the app answers to (None: any). Serving on loopback allows only loopback
    # names, so a page on another site cannot reach the app by rebinding its own name.
    allowed_hosts: tuple[str, ...] | None = None


def _package_dir(name: str) -> str:
    return str(resources.files("deepdive") / "web" / name)


templates = Jinja2Templates(directory=_package_dir("templates"))


class FriendlyError(Exception):
    """An error page with a plain message (never a traceback)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def create_app(config: WebConfig | None = None) -> FastAPI:
    config = config or WebConfig()
    store = Store(config.db_url).open()
    _warm_up()
    secret = store.setting("session_secret", secrets.token_urlsafe(32))
    app = FastAPI(
        title="deepdive",
        version="1",
        description="Practise the ML project deep-dive question. The JSON API uses the same "
        "schemas as the CLI's --json output.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.store = store
    app.state.config = config
    app.mount("/static", StaticFiles(directory=_package_dir("static")), name="static")

    @app.middleware("http")
    async def require_token(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        if config.token is None:
            return await call_next(request)
        path = request.url.path
        if path.startswith("/static/") or path in ("/login", "/favicon.ico", "/palette.css"):
            return await call_next(request)
        header = request.headers.get("authorization", "")
        bearer = header[7:] if header.lower().startswith("bearer ") else None
        if request.session.get("auth") is True or (bearer and token_ok(config.token, bearer)):
            return await call_next(request)
        if path.startswith("/api/"):
            said = (
                "the token is not the server's (it printed its token when it started)"
                if bearer
                else "a token is required: Authorization: Bearer <token>"
            )
            return JSONResponse({"error": said}, 401)
        return RedirectResponse("/login", status_code=303)

    # A session is signed with the stored secret and the token, so a new token (or none)
    # voids every session cookie made under the old one.
    bound = secret + (
        "" if config.token is None else hashlib.sha256(config.token.encode()).hexdigest()
    )
    app.add_middleware(
        SessionMiddleware,
        secret_key=bound,
        session_cookie="deepdive_session",
        same_site="strict",
        https_only=False,
        max_age=SESSION_HOURS * 3600,
    )
    app.add_middleware(BodyLimit, max_body=MAX_BODY, uploads={"/practise/audio": MAX_UPLOAD})
    if config.allowed_hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(config.allowed_hosts))
    app.add_middleware(SecurityHeaders)

    @app.exception_handler(FriendlyError)
    async def friendly(request: Request, exc: FriendlyError) -> Response:
        return error_response(request, exc.status, exc.message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        messages = {
            404: "There is nothing at this address.",
            405: "That method is not allowed here.",
        }
        return error_response(
            request,
            exc.status_code,
            messages.get(exc.status_code, str(exc.detail)),
            headers=exc.headers,  # e.g. the Allow header of a 405
        )

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", []) if p != "body")
        kind = first.get("type")
        if kind == "missing" and not where:
            kind = "model_attributes_type"  # no body at all
        elif kind == "missing":
            return error_response(request, 422, f"Invalid request: '{where}' is missing")
        if kind in ("json_invalid", "model_attributes_type", "dict_type"):
            what = "is not valid JSON" if kind == "json_invalid" else "is not a JSON object"
            return error_response(
                request,
                400,  # as the API documents: the body itself is unreadable
                f"Invalid request: the body {what}; send an object such as "
                '{"text": "..."} with Content-Type: application/json',
            )
        loc = first.get("loc", ())
        if loc and loc[0] == "path" and not request.url.path.startswith("/api/"):
            # a page address with a malformed id ("/attempts/abc"): there is no such page
            thing = str(loc[-1]).removesuffix("_id").replace("_", " ")
            return error_response(request, 404, f"There is no {thing} “{first.get('input')}”.")
        longest = first.get("ctx", {}).get("max_length")
        if kind in ("too_long", "string_too_long") and longest:
            return error_response(
                request, 422, f"Invalid request: {where} is longer than {longest:,} characters"
            )
        if kind == "extra_forbidden":
            return error_response(request, 422, f"Invalid request: unknown field '{where}'")
        short = first.get("type") in ("string_too_short", "too_short")
        if short and first.get("ctx", {}).get("min_length") == 1:
            return error_response(request, 422, f"Invalid request: {where} is empty")
        return error_response(
            request, 422, f"Invalid request: {where} {first.get('msg', '')}".strip()
        )

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        return error_response(request, 503, f"The history database is unavailable: {exc}")

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        return error_response(request, 500, "Something went wrong on our side; nothing was saved.")

    from deepdive.web import api, audio, bank_api, bank_pages, pages, story_pages

    app.include_router(pages.router)
    app.include_router(bank_pages.router)
    app.include_router(story_pages.router)
    app.include_router(api.router)
    app.include_router(bank_api.router)
    app.include_router(audio.router)
    return app


def _warm_up() -> None:
    """Load every pattern and model now, so the first visitor does not wait for it."""
    from deepdive.drill import DrillSession

    DrillSession(
        "I cut fraud losses by 30% with LightGBM, which beat logistic regression.", max_questions=1
    ).answer("Because it was faster.")


def error_response(
    request: Request, status: int, message: str, headers: Mapping[str, str] | None = None
) -> Response:
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": message}, status_code=status, headers=headers)
    return templates.TemplateResponse(
        request,
        "error.html",
        {
            "status": status,
            "message": message,
            "csrf": csrf_token(request.session),
            "back": _came_from(request),
        },
        status_code=status,
        headers=headers,
    )


def _came_from(request: Request) -> str | None:
    """The page of this app the user came from (its path only), to go back to it from an error
    with what they had typed still there; None for other sites or the page itself."""
    ref = urlsplit(request.headers.get("referer", ""))
    if not ref.path.startswith("/") or ref.netloc != request.url.netloc:
        return None
    back = ref.path + (f"?{ref.query}" if ref.query else "")
    return None if back == request.url.path else back


def app_from_env() -> FastAPI:
    """Factory for uvicorn workers: configuration comes from the environment."""
    # Analyses run in worker threads and hold the GIL; hand it back to the event loop every
    # millisecond (not every 5) so pages and static files stay quick while they run.
    sys.setswitchinterval(0.001)
    hosts = os.environ.get("DEEPDIVE_ALLOWED_HOSTS")
    return create_app(
        WebConfig(
            db_url=os.environ.get("DATABASE_URL"),
            token=os.environ.get("DEEPDIVE_TOKEN") or None,
            allowed_hosts=tuple(h for h in hosts.split(",") if h) if hosts else None,
        )
    )


def html(request: Request, template: str, **context: Any) -> HTMLResponse:
    context.setdefault("csrf", csrf_token(request.session))
    context.setdefault("auth_required", request.app.state.config.token is not None)
    return templates.TemplateResponse(request, template, context)
