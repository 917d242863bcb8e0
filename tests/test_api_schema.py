"""The JSON API against its own OpenAPI document, with generated requests (schemathesis).

Every documented operation is called with requests generated from the schema — valid ones and
deliberately invalid ones — and every check schemathesis has runs on each response: no server
error, a documented status code, content type and headers, a body matching the documented
schema, invalid data refused and valid data accepted. The app runs in-process on a fresh SQLite
file. ``DEEPDIVE_API_EXAMPLES`` sets the examples per operation (default 25).
"""

from __future__ import annotations

import atexit
import os
import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from deepdive.web.app import WebConfig, create_app

EXAMPLES = int(os.environ.get("DEEPDIVE_API_EXAMPLES", "25"))
ANALYSES = {"/api/analyze", "/api/followups", "/api/drill", "/api/bank/{ident}/practice"}


# Loaded at import (schemathesis's lazy fixture loader does not run under this pytest): a
# temporary database for this module, removed when the session ends.
_DB = tempfile.TemporaryDirectory(prefix="deepdive-api-")
atexit.register(_DB.cleanup)
schema = schemathesis.openapi.from_asgi(
    "/api/openapi.json", create_app(WebConfig(db_url=f"sqlite:///{Path(_DB.name) / 'api.db'}"))
)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_every_operation_keeps_its_documented_contract(case: schemathesis.Case) -> None:
    # An answer must be analysable English (and 30 words or more to be saved), which no schema
    # can say: on the operations that analyse text, a schema-valid body may still get a 422
    # with a message. Every other check runs on them, and every check on the rest.
    excluded = [positive_data_acceptance] if case.operation.path in ANALYSES else []
    case.call_and_validate(excluded_checks=excluded)
