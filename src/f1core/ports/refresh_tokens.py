"""Port: the stored (hashed) refresh tokens and their rotation families."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from f1core.domain.accounts import RefreshTokenRecord


class RefreshTokenRepository(Protocol):
    """Refresh tokens by hash. Used inside a unit of work."""

    async def add(self, record: RefreshTokenRecord) -> None:
        """Store a newly issued refresh token."""
        ...

    async def get(self, token_hash: str) -> RefreshTokenRecord | None:
        """The token with this hash, or None."""
        ...

    async def mark_rotated(self, token_hash: str, at: datetime) -> bool:
        """Mark a live token as used; False when it was already rotated or revoked.

        Atomic, so two concurrent refreshes with one token cannot both succeed.
        """
        ...

    async def set_successor(
        self, token_hash: str, successor_hash: str, sealed_successor: str
    ) -> None:
        """Record which token replaced a rotated one (in the rotation's transaction)."""
        ...

    async def revoke(self, token_hash: str, at: datetime) -> None:
        """Revoke one token (logout)."""
        ...

    async def revoke_family(self, family_id: str, at: datetime) -> int:
        """Revoke every token of a rotation family; returns how many were still live."""
        ...

    async def revoke_all_for_user(self, user_id: int, at: datetime) -> int:
        """Revoke every token of a user; returns how many were still live."""
        ...
