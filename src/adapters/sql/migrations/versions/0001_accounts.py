"""Accounts, refresh tokens, query history, saved answers, answer cache.

Revision ID: 0001_accounts
Revises:
Create Date: 2026-11-24
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from adapters.sql.tables import Id, Json, UtcDateTime

revision: str = "0001_accounts"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", Id, primary_key=True, autoincrement=True),
        sa.Column("username", sa.String(254), nullable=False),
        sa.Column("username_key", sa.String(254), nullable=False),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("disabled", sa.Boolean, nullable=False),
        sa.Column("created_at", UtcDateTime, nullable=False),
        sa.Column("tokens_valid_after", UtcDateTime, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_users"),
        sa.UniqueConstraint("username_key", name="uq_users_username_key"),
        sa.CheckConstraint("role IN ('viewer', 'analyst', 'admin')", name="ck_users_role"),
    )
    op.create_table(
        "refresh_tokens",
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("family_id", sa.String(64), nullable=False),
        sa.Column("user_id", Id, nullable=False),
        sa.Column("issued_at", UtcDateTime, nullable=False),
        sa.Column("expires_at", UtcDateTime, nullable=False),
        sa.Column("rotated_at", UtcDateTime, nullable=True),
        sa.Column("revoked_at", UtcDateTime, nullable=True),
        sa.PrimaryKeyConstraint("token_hash", name="pk_refresh_tokens"),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name="fk_refresh_tokens_user_id_users",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_refresh_tokens_family_id", "refresh_tokens", ["family_id"])
    op.create_index("ix_refresh_tokens_user_id", "refresh_tokens", ["user_id"])
    op.create_table(
        "query_history",
        sa.Column("id", Id, primary_key=True, autoincrement=True),
        sa.Column("user_id", Id, nullable=False),
        sa.Column("question", sa.Text, nullable=False),
        sa.Column("interpreted_query", Json, nullable=True),
        sa.Column("answer_summary", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("timings_ms", Json, nullable=False),
        sa.Column("created_at", UtcDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_query_history"),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name="fk_query_history_user_id_users",
            ondelete="CASCADE",
        ),
        sa.CheckConstraint(
            "status IN ('answered', 'refused', 'failed')", name="ck_query_history_status"
        ),
    )
    op.create_index("ix_query_history_user_id_id", "query_history", ["user_id", "id"])
    op.create_table(
        "saved_answers",
        sa.Column("id", Id, primary_key=True, autoincrement=True),
        sa.Column("user_id", Id, nullable=False),
        sa.Column("history_id", Id, nullable=True),
        sa.Column("question", sa.Text, nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("answer", Json, nullable=False),
        sa.Column("share_token", sa.String(64), nullable=False),
        sa.Column("created_at", UtcDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_saved_answers"),
        sa.UniqueConstraint("share_token", name="uq_saved_answers_share_token"),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name="fk_saved_answers_user_id_users",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["history_id"],
            ["query_history.id"],
            name="fk_saved_answers_history_id_query_history",
            ondelete="SET NULL",
        ),
    )
    op.create_index("ix_saved_answers_user_id_id", "saved_answers", ["user_id", "id"])
    op.create_table(
        "answer_cache",
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("answer", sa.LargeBinary, nullable=False),
        sa.Column("created_at", UtcDateTime, nullable=False),
        sa.Column("hits", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_answer_cache"),
    )


def downgrade() -> None:
    op.drop_table("answer_cache")
    op.drop_table("saved_answers")
    op.drop_table("query_history")
    op.drop_table("refresh_tokens")
    op.drop_table("users")
