"""A short per-process cache of user state for authentication, over the users table."""

from __future__ import annotations

import time
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.sql.tables import users
from adapters.sql.user_repository import listen_to_user_changes, user_from_row
from f1core.domain.accounts import User

# Entries kept at the most: a bound on memory, not a tuning knob (a miss is one query).
_MAX_ENTRIES = 10_000


class SqlCachedUserLookup:
    """``UserStateLookup``: a user read at most once per ``ttl_s`` per process.

    Every entry expires ``ttl_s`` after it was read, so a change made anywhere (another
    worker, another host, the CLI) is seen by every process within ``ttl_s``. Changes
    made through this process's ``SqlUserRepository`` drop the entry at once as well.
    ``ttl_s <= 0`` switches caching off (every call is a query).
    """

    def __init__(
        self, engine: AsyncEngine, ttl_s: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._engine = engine
        self._ttl_s = ttl_s
        self._clock = clock
        self._entries: dict[str, tuple[float, User | None]] = {}
        listen_to_user_changes(self)

    async def get_by_public_id(self, public_id: str) -> User | None:
        now = self._clock()
        entry = self._entries.get(public_id)
        if entry is not None and entry[0] > now:
            return entry[1]
        query = select(users).where(users.c.public_id == public_id)
        async with self._engine.connect() as connection:
            row = (await connection.execute(query)).first()
        user = None if row is None else user_from_row(row._mapping)
        if self._ttl_s > 0:
            if len(self._entries) >= _MAX_ENTRIES:
                self._entries.clear()
            self._entries[public_id] = (now + self._ttl_s, user)
        return user

    def forget_user_id(self, user_id: int) -> None:
        """Drop the entry of the user with this (internal) id, if cached."""
        for public_id, (_, user) in list(self._entries.items()):
            if user is not None and user.id == user_id:
                del self._entries[public_id]
