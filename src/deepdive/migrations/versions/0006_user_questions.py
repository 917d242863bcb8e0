"""Questions users add to the bank, with their provenance.

Revision ID: 0006_user_questions
Revises: 0005_jobs
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_user_questions"
down_revision = "0005_jobs"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "user_questions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("round", sa.String(40), nullable=False),
        sa.Column("topics", sa.Text, nullable=False),
        sa.Column("difficulty", sa.Integer, nullable=True),
        sa.Column("key_points", sa.Text, nullable=False),
        sa.Column("follow_ups", sa.Text, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("company", sa.String(200), nullable=True),
        sa.Column("asked_on", sa.String(10), nullable=True),
        sa.Column("reported", sa.Integer, nullable=False),
        sa.Column("same_as", sa.String(80), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("user_questions")
