"""Refresh-token successors: which token replaced a rotated one, sealed for a grace window.

A concurrent reuse of a just-rotated refresh token (two browser tabs refreshing at once)
is answered with the same successor instead of ending the family; the successor is kept
sealed under a key derived from the spent token and the server's key, so the table alone
still yields no usable token.

Revision ID: 0004_refresh_grace
Revises: 0002_archive
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_refresh_grace"
down_revision: str | None = "0003_user_identity"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("refresh_tokens", sa.Column("replaced_by", sa.String(length=64), nullable=True))
    op.add_column("refresh_tokens", sa.Column("sealed_successor", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("refresh_tokens") as batch:
        batch.drop_column("sealed_successor")
        batch.drop_column("replaced_by")
