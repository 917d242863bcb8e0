"""Web safety: security headers, body size limits, CSRF tokens and the optional access token.

* Every response carries a strict Content-Security-Policy (only same-origin scripts, styles
  and images; no inline script), ``nosniff``, no framing and no referrer.
* Request bodies are capped (``max_body``, or a larger cap for the few upload paths); larger
  ones get a clear 413 before being read.
* Form posts carry a CSRF token kept in the signed session cookie.
* When the server listens beyond loopback it needs a token: a login page for browsers and
  ``Authorization: Bearer <token>`` for the API.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "media-src 'self' blob:; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; "
    "form-action 'self'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
]


class SecurityHeaders:
    """ASGI middleware adding the security headers to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    h for h in message.get("headers", []) if h[0] not in dict(SECURITY_HEADERS)
                ]
                message["headers"] = headers + SECURITY_HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """ASGI middleware refusing request bodies over ``max_body`` bytes with a clear 413."""

    def __init__(self, app: ASGIApp, max_body: int, uploads: dict[str, int] | None = None) -> None:
        self.app = app
        self.max_body = max_body
        self.uploads = uploads or {}  # path -> its own, larger cap (file uploads)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.uploads.get(scope.get("path", ""), self.max_body)
        length = Headers(scope=scope).get("content-length")
        if length and length.isdigit() and int(length) > limit:
            await _too_large(scope, send, limit)
            return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise BodyTooLarge
            return message

        try:
            await self.app(scope, limited, send)
        except BodyTooLarge:
            await _too_large(scope, send, limit)
        except BaseExceptionGroup as group:
            # middleware built on task groups wraps the error; unwrap it
            if group.subgroup(BodyTooLarge) is None:
                raise
            await _too_large(scope, send, limit)


class BodyTooLarge(Exception):
    pass


async def _too_large(scope: Scope, send: Send, limit: int) -> None:
    mb = limit / 1_000_000
    text = f"The request is too large: the limit is {mb:.0f} MB."
    is_api = scope.get("path", "").startswith("/api/")
    body = (
        ('{"error": "' + text + '"}').encode()
        if is_api
        else f"<!doctype html><title>Too large</title><p>{text}</p>".encode()
    )
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json" if is_api else b"text/html; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                *SECURITY_HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def csrf_token(session: dict[str, Any]) -> str:
    """The session's CSRF token, created on first use."""
    token = session.get("csrf")
    if not isinstance(token, str):
        token = secrets.token_urlsafe(24)
        session["csrf"] = token
    return token


def csrf_ok(session: dict[str, Any], submitted: object) -> bool:
    token = session.get("csrf")
    return (
        isinstance(token, str)
        and isinstance(submitted, str)
        and hmac.compare_digest(token, submitted)
    )


def token_ok(expected: str | None, given: str | None) -> bool:
    if expected is None:
        return True
    return given is not None and hmac.compare_digest(expected.encode(), given.encode())


AuthCheck = Callable[[Scope], Awaitable[bool]]
