"""Shared test helpers."""

from __future__ import annotations

import os
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

# HYPOTHESIS_PROFILE=thorough runs every property test on many more inputs (slow; used by hand to
# shake out rare inputs before they turn up in a CI run)
settings.register_profile("thorough", max_examples=3000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parent.parent
TESTS = Path(__file__).resolve().parent


@pytest.fixture(autouse=True)
def private_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every test gets its own SQLite store, so nothing touches the real data folder."""
    url = f"sqlite:///{tmp_path / 'deepdive-test.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    return url


def _postgres_url() -> str | None:
    base = os.environ.get("DEEPDIVE_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")
    try:
        import psycopg
    except ModuleNotFoundError:
        return None
    try:
        with psycopg.connect(base, connect_timeout=3) as conn:
            conn.execute("select 1")
    except psycopg.Error:
        return None
    return base


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database of each kind (PostgreSQL: a throwaway schema in 'test')."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    base = _postgres_url()
    if base is None:
        pytest.skip("no PostgreSQL server at 127.0.0.1:5432 (database 'test', trust auth)")
    import psycopg

    schema = f"dd_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield f"{base}?options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def cli_env() -> dict[str, str]:
    """Environment for running the CLI as a subprocess."""
    env = dict(os.environ)
    env["PYTHONIOENCODING"] = "utf-8"
    env["COLUMNS"] = "100"
    return env


DEEPDIVE = [sys.executable, "-m", "deepdive"]
