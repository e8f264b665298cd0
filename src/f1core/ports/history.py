"""Port: each user's question history."""

from __future__ import annotations

from typing import Protocol

from f1core.domain.history import HistoryEntry, NewHistoryEntry


class HistoryRepository(Protocol):
    """History entries, always scoped by owner: a foreign id behaves like a missing one."""

    async def add(self, entry: NewHistoryEntry) -> HistoryEntry:
        """Store an entry and return it with its id."""
        ...

    async def get(self, user_id: int, entry_id: int) -> HistoryEntry | None:
        """The user's entry with this id, or None (also when another user owns it)."""
        ...

    async def list(
        self, user_id: int, *, limit: int, before_id: int | None = None
    ) -> tuple[HistoryEntry, ...]:
        """Up to ``limit`` of the user's entries, newest first, with ids below ``before_id``."""
        ...

    async def delete(self, user_id: int, entry_id: int) -> bool:
        """Delete the user's entry; False when there is no such entry of this user."""
        ...
