"""Tables of accounts, tokens, history, saved answers and the answer cache.

The migrations in ``migrations/versions`` create these; this module is what queries use
(and what a test compares the migrated schema against, so the two cannot drift).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.types import TypeDecorator

# Named constraints, so migrations can refer to them on both backends.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

accounts_metadata = MetaData(naming_convention=NAMING)


class UtcDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on both backends.

    PostgreSQL keeps the zone (timestamptz); SQLite has no zone, so values are stored as
    naive UTC and made aware again on the way out.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r} given; use timezone-aware UTC times")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


# BIGINT ids on PostgreSQL; on SQLite only "INTEGER PRIMARY KEY" is the auto-increment rowid.
Id = BigInteger().with_variant(Integer(), "sqlite")
# jsonb on PostgreSQL: smaller, and comparable (the backup checksums sort by it).
Json = JSON().with_variant(JSONB(), "postgresql")

users = Table(
    "users",
    accounts_metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    # What tokens carry (UUID 4): ids are reused after a restore, public ids never are.
    Column("public_id", String(36), nullable=False, unique=True, index=True),
    Column("username", String(254), nullable=False),
    # Case-folded username: uniqueness and lookups are case-insensitive on both backends.
    Column("username_key", String(254), nullable=False, unique=True),
    # Look-alike names ("alice", Cyrillic "\u0430lice") share it: see username_skeleton.
    Column("username_skeleton", String(64), nullable=False, unique=True, index=True),
    Column("password_hash", String(255), nullable=False),
    Column("role", String(16), nullable=False),
    Column("disabled", Boolean, nullable=False, default=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("tokens_valid_after", UtcDateTime, nullable=True),
    CheckConstraint("role IN ('viewer', 'analyst', 'admin')", name="role"),
)

refresh_tokens = Table(
    "refresh_tokens",
    accounts_metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("family_id", String(64), nullable=False, index=True),
    Column(
        "user_id",
        Id,
        ForeignKey("users.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("issued_at", UtcDateTime, nullable=False),
    Column("expires_at", UtcDateTime, nullable=False),
    Column("rotated_at", UtcDateTime, nullable=True),
    Column("revoked_at", UtcDateTime, nullable=True),
    Column("replaced_by", String(64), nullable=True),
    Column("sealed_successor", Text, nullable=True),
)

query_history = Table(
    "query_history",
    accounts_metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("user_id", Id, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("question", Text, nullable=False),
    Column("interpreted_query", Json, nullable=True),
    Column("answer_summary", Text, nullable=False),
    Column("status", String(16), nullable=False),
    Column("timings_ms", Json, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    CheckConstraint("status IN ('answered', 'refused', 'failed')", name="status"),
    # A user's page of history is a range scan of this index, newest first.
    Index("ix_query_history_user_id_id", "user_id", "id"),
)

saved_answers = Table(
    "saved_answers",
    accounts_metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("user_id", Id, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    # The saved answer is a copy: deleting the history entry keeps it (and its link).
    Column("history_id", Id, ForeignKey("query_history.id", ondelete="SET NULL"), nullable=True),
    Column("question", Text, nullable=False),
    Column("summary", Text, nullable=False),
    Column("answer", Json, nullable=False),
    Column("share_token", String(64), nullable=False, unique=True),
    Column("created_at", UtcDateTime, nullable=False),
    Index("ix_saved_answers_user_id_id", "user_id", "id"),
)

answer_cache = Table(
    "answer_cache",
    accounts_metadata,
    Column("key", String(64), primary_key=True),
    Column("answer", LargeBinary, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("hits", Integer, nullable=False, default=0),
)
