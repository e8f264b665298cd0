"""Port: where sessions and season calendars come from (FastF1, a snapshot, a fake)."""

from __future__ import annotations

from typing import Protocol

from f1core.domain.session import EventInfo, Session, SessionRef


class SessionSource(Protocol):
    """Loads sessions and calendars. Implementations raise ``f1core.errors`` only."""

    async def events(self, year: int) -> tuple[EventInfo, ...]:
        """The season's events in round order, with the sessions each held.

        Raises ``SessionNotFoundError`` for a season the source does not know.
        """
        ...

    async def load(self, ref: SessionRef) -> Session:
        """Load one session; ``ref.event`` is an event name exactly as ``events`` gave it.

        Raises ``SessionNotFoundError`` or ``DataUnavailableError``.
        """
        ...
