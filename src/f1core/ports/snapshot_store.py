"""Port: a durable store of already-mapped sessions and calendars."""

from __future__ import annotations

from typing import Protocol

from f1core.domain.session import EventInfo, Session, SessionRef


class SnapshotStore(Protocol):
    """Keeps mapped sessions so later loads skip the slow source entirely."""

    async def get_session(self, ref: SessionRef) -> Session | None:
        """The stored session, or None when absent or written by another schema version."""
        ...

    async def put_session(self, session: Session) -> None:
        """Store a session, replacing any older snapshot of it atomically."""
        ...

    async def get_events(self, year: int) -> tuple[EventInfo, ...] | None:
        """The stored calendar of a season, or None."""
        ...

    async def put_events(self, year: int, events: tuple[EventInfo, ...]) -> None:
        """Store a season's calendar."""
        ...
