"""Users get a random public id, the subject of their tokens.

Integer ids are reused (after ``f1 db restore``, or once the highest rows are deleted),
so a token naming "user 34" could authenticate whoever is registered as 34 next; a
UUID 4 is never reused. Existing users get a new one each; their old tokens (whose
``sub`` is the integer id) stop working, so everyone logs in once more.

The columns are added NOT NULL with an empty default and then filled in: SQLite can
neither make a column NOT NULL later nor rebuild ``users`` without its foreign-key
cascades emptying the tables that refer to it. PostgreSQL drops the default afterwards.

Revision ID: 0003_user_identity
Revises: 0002_archive
Create Date: 2026-12-03
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_user_identity"
down_revision: str | None = "0002_archive"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_users = sa.table("users", sa.column("id", sa.Integer), sa.column("public_id", sa.String))


def upgrade() -> None:
    op.add_column(
        "users",
        sa.Column("public_id", sa.String(36), nullable=False, server_default=""),
    )
    connection = op.get_bind()
    for (user_id,) in connection.execute(sa.select(_users.c.id)).all():
        connection.execute(
            _users.update().where(_users.c.id == user_id).values(public_id=str(uuid.uuid4()))
        )
    if connection.dialect.name != "sqlite":
        op.alter_column("users", "public_id", server_default=None)
    op.create_index("ix_users_public_id", "users", ["public_id"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_users_public_id", table_name="users")
    # Not batch mode: rebuilding users on SQLite would cascade-delete its children.
    op.drop_column("users", "public_id")
