"""Attempts and drill sessions.

Revision ID: 0001_attempts
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_attempts"
down_revision = None
branch_labels = None
depends_on = None

SCORES = ("technical_depth", "decision_quality", "ownership", "impact", "structure", "overall")
PARTS = ("hook", "problem", "data", "modeling", "evaluation", "reflection")


def upgrade() -> None:
    op.create_table(
        "attempts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("uid", sa.String(36), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("question", sa.Text, nullable=False),
        sa.Column("project", sa.String(200), nullable=True),
        sa.Column("tags", sa.Text, nullable=False),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("analysis", sa.Text, nullable=False),
        sa.Column("words", sa.Integer, nullable=False),
        *(sa.Column(f"score_{n}", sa.Integer, nullable=False) for n in SCORES),
        *(sa.Column(f"part_{n}", sa.Float, nullable=False) for n in PARTS),
    )
    op.create_index("ix_attempts_created_at", "attempts", ["created_at"])
    op.create_index("ix_attempts_project", "attempts", ["project"])
    op.create_table(
        "drill_sessions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("uid", sa.String(36), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column(
            "attempt_uid",
            sa.String(36),
            sa.ForeignKey("attempts.uid", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("project", sa.String(200), nullable=True),
        sa.Column("questions", sa.Integer, nullable=False),
        sa.Column("answered", sa.Integer, nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
    )
    op.create_index("ix_drill_sessions_created_at", "drill_sessions", ["created_at"])


def downgrade() -> None:
    op.drop_table("drill_sessions")
    op.drop_table("attempts")
