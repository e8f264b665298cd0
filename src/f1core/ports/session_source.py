"""Port: where sessions and season calendars come from (FastF1, a snapshot, a fake)."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from f1core.domain.session import EventInfo, Session, SessionKind, SessionRef


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

    async def known_sessions(self, year: int) -> frozenset[tuple[str, SessionKind]] | None:
        """``(event name, kind)`` pairs of ``year`` the source knows it can load.

        Event names are exactly as ``events`` gives them. None when the source cannot
        tell without loading (FastF1 live): a held session may or may not have data.
        A season the source has no data for gives an empty set, not an error.
        """
        ...


@runtime_checkable
class WeatherlessSessionSource(SessionSource, Protocol):
    """A source that can also load a session without its weather, which costs less.

    The session it returns has ``weather=()`` and ``weather_loaded=False``; a source (or
    wrapper) without this method is always asked for the whole session.
    """

    async def load_without_weather(self, ref: SessionRef) -> Session:
        """``load`` without the weather samples; raises what ``load`` raises."""
        ...
