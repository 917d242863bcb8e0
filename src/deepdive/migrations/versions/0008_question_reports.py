"""Each later report of a question the user added: where and when it was asked again.

Revision ID: 0008_question_reports
Revises: 0007_bank_practice
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_question_reports"
down_revision = "0007_bank_practice"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a JSON list of {"company": ..., "asked": ...}, one per report after the first that named
    # a company or a date; NULL for questions reported once
    with op.batch_alter_table("user_questions") as batch:
        batch.add_column(sa.Column("reports", sa.Text, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("user_questions") as batch:
        batch.drop_column("reports")
