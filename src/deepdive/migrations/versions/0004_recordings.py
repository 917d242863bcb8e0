"""Recordings of spoken answers (kept for playback).

Revision ID: 0004_recordings
Revises: 0003_fact_sheets
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_recordings"
down_revision = "0003_fact_sheets"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "recordings",
        sa.Column(
            "attempt_uid",
            sa.String(36),
            sa.ForeignKey("attempts.uid", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("mime", sa.String(50), nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("recordings")
