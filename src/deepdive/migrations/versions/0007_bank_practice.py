"""Bank practice results, for spaced repetition (``deepdive bank plan``).

Revision ID: 0007_bank_practice
Revises: 0006_user_questions
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_bank_practice"
down_revision = "0006_user_questions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "bank_practice",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("uid", sa.String(36), nullable=False, unique=True),
        sa.Column("question_id", sa.String(80), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("covered", sa.Integer, nullable=False),
        sa.Column("total", sa.Integer, nullable=False),
        sa.Column("missed", sa.Text, nullable=False),
    )
    op.create_index("ix_bank_practice_question_id", "bank_practice", ["question_id"])
    op.create_index("ix_bank_practice_created_at", "bank_practice", ["created_at"])


def downgrade() -> None:
    op.drop_index("ix_bank_practice_created_at", "bank_practice")
    op.drop_index("ix_bank_practice_question_id", "bank_practice")
    op.drop_table("bank_practice")
