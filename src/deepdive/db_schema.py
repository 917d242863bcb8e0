"""The database tables (SQLAlchemy Core). Changes here need a migration in ``migrations/``."""

from __future__ import annotations

from sqlalchemy import (
    Column,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

SCORE_COLUMNS = (
    "technical_depth",
    "decision_quality",
    "ownership",
    "impact",
    "structure",
    "overall",
)
PART_COLUMNS = ("hook", "problem", "data", "modeling", "evaluation", "reflection")

attempts = Table(
    "attempts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("uid", String(36), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False, index=True),
    Column("question", Text, nullable=False),
    Column("project", String(200), nullable=True, index=True),
    Column("tags", Text, nullable=False, default="[]"),
    Column("source", String(20), nullable=False, default="text"),
    Column("text", Text, nullable=False),
    Column("analysis", Text, nullable=False),
    Column("words", Integer, nullable=False),
    *(Column(f"score_{name}", Integer, nullable=False) for name in SCORE_COLUMNS),
    *(Column(f"part_{name}", Float, nullable=False) for name in PART_COLUMNS),
)

drill_sessions = Table(
    "drill_sessions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("uid", String(36), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False, index=True),
    Column(
        "attempt_uid", String(36), ForeignKey("attempts.uid", ondelete="SET NULL"), nullable=True
    ),
    Column("project", String(200), nullable=True),
    Column("questions", Integer, nullable=False),
    Column("answered", Integer, nullable=False),
    Column("payload", Text, nullable=False),
    Column("status", String(20), nullable=False, server_default="done"),
    Column("state", Text, nullable=True),
)

settings = Table(
    "settings",
    metadata,
    Column("key", String(100), primary_key=True),
    Column("value", Text, nullable=False),
)

fact_sheets = Table(
    "fact_sheets",
    metadata,
    Column("name", String(200), primary_key=True),
    Column("persona", String(20), nullable=False),
    Column("entries", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

recordings = Table(
    "recordings",
    metadata,
    Column(
        "attempt_uid", String(36), ForeignKey("attempts.uid", ondelete="CASCADE"), primary_key=True
    ),
    Column("mime", String(50), nullable=False),
    Column("data", LargeBinary, nullable=False),
)

jobs = Table(
    "jobs",
    metadata,
    Column("uid", String(36), primary_key=True),
    Column("status", String(20), nullable=False),
    Column("progress", Float, nullable=False),
    Column("attempt_id", Integer, nullable=True),
    Column("message", Text, nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

user_questions = Table(
    "user_questions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("text", Text, nullable=False),
    Column("round", String(40), nullable=False),
    Column("topics", Text, nullable=False),
    Column("difficulty", Integer, nullable=True),
    Column("key_points", Text, nullable=False),
    Column("follow_ups", Text, nullable=False),
    Column("source", Text, nullable=False),
    Column("company", String(200), nullable=True),
    Column("asked_on", String(10), nullable=True),
    Column("reported", Integer, nullable=False),
    Column("same_as", String(80), nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    # later reports that named a company or a date: a JSON list of {"company", "asked"}
    Column("reports", Text, nullable=True),
)

bank_practice = Table(
    "bank_practice",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("uid", String(36), nullable=False, unique=True),
    Column("question_id", String(80), nullable=False, index=True),
    Column("created_at", DateTime(timezone=True), nullable=False, index=True),
    Column("covered", Integer, nullable=False),
    Column("total", Integer, nullable=False),
    Column("missed", Text, nullable=False),  # JSON list of the key points not covered
)
