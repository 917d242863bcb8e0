"""Settings (the web app's signing secret) and resumable drill sessions.

Revision ID: 0002_web_state
Revises: 0001_attempts
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_web_state"
down_revision = "0001_attempts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "settings",
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    with op.batch_alter_table("drill_sessions") as batch:
        batch.add_column(sa.Column("status", sa.String(20), nullable=False, server_default="done"))
        batch.add_column(sa.Column("state", sa.Text, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("drill_sessions") as batch:
        batch.drop_column("state")
        batch.drop_column("status")
    op.drop_table("settings")
