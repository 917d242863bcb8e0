"""``deepdive serve``: run the web app with uvicorn.

Binds 127.0.0.1 by default. On any other address an access token is required: pass
``--token`` or set ``DEEPDIVE_TOKEN``, or one is generated and printed.
"""

from __future__ import annotations

import ipaddress
import os
import secrets
import sys

LOOPBACK = ("localhost",)


def is_loopback(host: str) -> bool:
    if host in LOOPBACK:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


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
    try:
        store = Store(db).open()  # upgrade the schema once, before the workers start
    except StoreError as exc:
        print(f"deepdive: {exc}", file=sys.stderr)
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
