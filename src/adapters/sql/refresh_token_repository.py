"""Refresh tokens (hashes only) on SQL."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, insert, select, update
from sqlalchemy.engine import CursorResult
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.sql.tables import refresh_tokens
from f1core.domain.accounts import RefreshTokenRecord

_t = refresh_tokens.c


class SqlRefreshTokenRepository:
    """``RefreshTokenRepository`` on one connection of a ``SqlUnitOfWork``."""

    def __init__(self, connection: AsyncConnection) -> None:
        self._c = connection

    async def add(self, record: RefreshTokenRecord) -> None:
        await self._c.execute(
            insert(refresh_tokens).values(
                token_hash=record.token_hash,
                family_id=record.family_id,
                user_id=record.user_id,
                issued_at=record.issued_at,
                expires_at=record.expires_at,
                rotated_at=record.rotated_at,
                revoked_at=record.revoked_at,
                replaced_by=record.replaced_by,
                sealed_successor=record.sealed_successor,
            )
        )

    async def get(self, token_hash: str) -> RefreshTokenRecord | None:
        row = (
            await self._c.execute(select(refresh_tokens).where(_t.token_hash == token_hash))
        ).first()
        return None if row is None else _record(row._mapping)

    async def mark_rotated(self, token_hash: str, at: datetime) -> bool:
        # One conditional UPDATE: the database serialises concurrent rotations of a token,
        # and only the first sees a row to change.
        return (
            await self._update(
                (_t.token_hash == token_hash) & _t.rotated_at.is_(None) & _t.revoked_at.is_(None),
                rotated_at=at,
            )
            == 1
        )

    async def set_successor(
        self, token_hash: str, successor_hash: str, sealed_successor: str
    ) -> None:
        await self._update(
            _t.token_hash == token_hash,
            replaced_by=successor_hash,
            sealed_successor=sealed_successor,
        )

    async def revoke(self, token_hash: str, at: datetime) -> None:
        await self._update((_t.token_hash == token_hash) & _t.revoked_at.is_(None), revoked_at=at)

    async def revoke_family(self, family_id: str, at: datetime) -> int:
        return await self._update(
            (_t.family_id == family_id) & _t.revoked_at.is_(None), revoked_at=at
        )

    async def revoke_all_for_user(self, user_id: int, at: datetime) -> int:
        return await self._update((_t.user_id == user_id) & _t.revoked_at.is_(None), revoked_at=at)

    async def _update(self, where: ColumnElement[bool], **values: Any) -> int:
        result = await self._c.execute(update(refresh_tokens).where(where).values(**values))
        assert isinstance(result, CursorResult)
        return result.rowcount


def _record(row: Any) -> RefreshTokenRecord:
    return RefreshTokenRecord(
        token_hash=row["token_hash"],
        family_id=row["family_id"],
        user_id=row["user_id"],
        issued_at=row["issued_at"],
        expires_at=row["expires_at"],
        rotated_at=row["rotated_at"],
        revoked_at=row["revoked_at"],
        replaced_by=row["replaced_by"],
        sealed_successor=row["sealed_successor"],
    )
