"""``deepdive serve``: run the web app with uvicorn.

Binds 127.0.0.1 by default, and then answers only requests addressed to a loopback name
(``localhost``, ``127.0.0.1``), so another site cannot reach it by DNS rebinding. On any other
address an access token is required: pass ``--token`` or set ``DEEPDIVE_TOKEN``, or one is
generated and printed.
"""

from __future__ import annotations

import errno
import ipaddress
import os
import secrets
import socket
import sys

LOOPBACK = ("localhost",)
# the Host names a browser uses for a server on this machine (the port is not part of it)
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1", "[::1]")


def is_loopback(host: str) -> bool:
    if host in LOOPBACK:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def port_problem(host: str, port: int) -> str | None:
    """Why ``host:port`` cannot be listened on (in use, not allowed), or None when it can."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                return f"port {port} is already in use; choose another with --port"
            return f"cannot listen on {host}:{port}: {exc.strerror}"
    return None


def serve(host: str, port: int, workers: int, token: str | None, db: str | None) -> int:
    import uvicorn

    from deepdive.store import Store, StoreError

    token = token or os.environ.get("DEEPDIVE_TOKEN") or None
    if not is_loopback(host) and not token:
        token = secrets.token_urlsafe(18)
        print(f"deepdive: listening on {host}, so a token is required: {token}", flush=True)
    if db:
        os.environ["DATABASE_URL"] = db
    if token:
        os.environ["DEEPDIVE_TOKEN"] = token
    else:
        os.environ.pop("DEEPDIVE_TOKEN", None)
    if is_loopback(host):
        os.environ["DEEPDIVE_ALLOWED_HOSTS"] = ",".join(LOOPBACK_NAMES)
    else:
        os.environ.pop("DEEPDIVE_ALLOWED_HOSTS", None)
    try:
        store = Store(db).open()  # upgrade the schema once, before the workers start
    except StoreError as exc:
        print(f"deepdive: {exc}", file=sys.stderr)
        return 1
    busy = port_problem(host, port)
    if busy:
        print(f"deepdive: {busy}", file=sys.stderr)
        return 1
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    print(
        f"deepdive is running at http://{shown}:{port}/  (database: {store.safe_url()})", flush=True
    )
    print("Press Ctrl-C to stop.", flush=True)
    uvicorn.run(
        "deepdive.web.app:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
        access_log=False,
        server_header=False,
    )
    return 0
