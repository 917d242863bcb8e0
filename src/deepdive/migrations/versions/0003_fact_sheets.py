"""Project fact sheets for the story builder.

Revision ID: 0003_fact_sheets
Revises: 0002_web_state
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_fact_sheets"
down_revision = "0002_web_state"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "fact_sheets",
        sa.Column("name", sa.String(200), primary_key=True),
        sa.Column("persona", sa.String(20), nullable=False),
        sa.Column("entries", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("fact_sheets")
