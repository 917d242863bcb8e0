"""Alembic migrations for the deepdive store (run automatically by ``deepdive.store``)."""
