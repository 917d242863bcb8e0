"""Background jobs (transcribing an uploaded recording), visible to every worker.

Revision ID: 0005_jobs
Revises: 0004_recordings
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_jobs"
down_revision = "0004_recordings"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "jobs",
        sa.Column("uid", sa.String(36), primary_key=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("progress", sa.Float, nullable=False),
        sa.Column("attempt_id", sa.Integer, nullable=True),
        sa.Column("message", sa.Text, nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("jobs")
