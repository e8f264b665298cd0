"""Users get a random public id (their tokens' subject) and a look-alike skeleton.

Integer ids are reused (after ``f1 db restore``, or once the highest rows are deleted),
so a token naming "user 34" could authenticate whoever is registered as 34 next; a
UUID 4 is never reused. Existing users get a new one each; their old tokens (whose
``sub`` is the integer id) stop working, so everyone logs in once more.

``username_skeleton`` is unique, so "alice", full-width and Cyrillic look-alikes cannot
all be registered; ``username_key`` becomes NFKC too. Look-alikes registered before this
revision keep their rows: the oldest keeps the skeleton, later ones get one nothing can
match; a name whose NFKC key another user already has keeps its old key.

The columns are added NOT NULL with an empty default and then filled in: SQLite can
neither make a column NOT NULL later nor rebuild ``users`` without its foreign-key
cascades emptying the tables that refer to it. PostgreSQL drops the defaults afterwards.
The values come from the application's own functions as of this revision; a later change
to how skeletons are made needs a migration that recomputes them.

Revision ID: 0003_user_identity
Revises: 0002_archive
Create Date: 2026-12-03
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from f1core.domain.accounts import normalize_username, username_skeleton

revision: str = "0003_user_identity"
down_revision: str | None = "0002_archive"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_NEW_COLUMNS = {"public_id": 36, "username_skeleton": 64}
_users = sa.table(
    "users",
    sa.column("id", sa.Integer),
    sa.column("username", sa.String),
    sa.column("username_key", sa.String),
    sa.column("public_id", sa.String),
    sa.column("username_skeleton", sa.String),
)


def upgrade() -> None:
    for name, length in _NEW_COLUMNS.items():
        op.add_column(
            "users", sa.Column(name, sa.String(length), nullable=False, server_default="")
        )
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(_users.c.id, _users.c.username, _users.c.username_key).order_by(_users.c.id)
    ).all()
    keys = {old_key for _, _, old_key in rows}  # always the set of current keys
    skeletons: set[str] = set()
    for user_id, username, old_key in rows:
        public_id = str(uuid.uuid4())
        key = normalize_username(username)
        if key not in keys:
            keys.discard(old_key)
            keys.add(key)
        elif key != old_key:
            key = old_key
        skeleton = username_skeleton(username)
        if skeleton in skeletons:
            skeleton = hashlib.sha256(f"{skeleton}:{public_id}".encode()).hexdigest()
        skeletons.add(skeleton)
        connection.execute(
            _users.update()
            .where(_users.c.id == user_id)
            .values(public_id=public_id, username_key=key, username_skeleton=skeleton)
        )
    if connection.dialect.name != "sqlite":
        for name in _NEW_COLUMNS:
            op.alter_column("users", name, server_default=None)
    for name in _NEW_COLUMNS:
        op.create_index(f"ix_users_{name}", "users", [name], unique=True)


def downgrade() -> None:
    # Not batch mode: rebuilding users on SQLite would cascade-delete its children.
    for name in _NEW_COLUMNS:
        op.drop_index(f"ix_users_{name}", table_name="users")
        op.drop_column("users", name)
