"""Use case: load sessions and calendars fast, whatever asks for them.

A session is looked up in three places, cheapest first: a bounded in-memory LRU, the
snapshot store (a file read and a msgspec decode, about a millisecond), and the source
(FastF1: seconds). What the source gives is written to the snapshot store so it is slow
only once per machine. Concurrent requests for the same session share one source load.

A caller that does not need the weather says so (``weather=False``) and a source that
can skip it (``WeatherlessSessionSource``) is asked for less; a later caller that needs
the weather of a session stored without it has it loaded whole, and stored again.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections import OrderedDict
from collections.abc import Awaitable, Sequence

import msgspec

from f1core.domain.events import resolve_event
from f1core.domain.session import EventInfo, Session, SessionKind, SessionRef
from f1core.errors import SessionNotFoundError
from f1core.ports.session_source import SessionSource, WeatherlessSessionSource
from f1core.ports.snapshot_store import SnapshotStore

logger = logging.getLogger(__name__)

SessionParts = tuple[int, str, SessionKind | str]
"""A session as people name it: ``(2024, "Spanish GP", "quali")``."""


class EventAvailability(msgspec.Struct, frozen=True):
    """One event of a season: which of its sessions load instantly and which load at all.

    ``cached``: a snapshot (or the in-memory LRU) holds them, so they load without the
    source. ``loadable``: they are known to have timing data (the cached ones always
    are), in the order of ``event.sessions``; None when the source cannot tell without
    loading (FastF1 live), in which case any held session may or may not load.
    """

    event: EventInfo
    cached: tuple[SessionKind, ...]
    loadable: tuple[SessionKind, ...] | None


class SessionLoader:
    """Sessions and calendars through LRU -> snapshots -> source, with single flight."""

    def __init__(self, source: SessionSource, snapshots: SnapshotStore, lru_size: int = 16) -> None:
        self._source = source
        self._snapshots = snapshots
        self._lru_size = max(0, lru_size)
        self._lru: OrderedDict[SessionRef, Session] = OrderedDict()
        # Keyed by (session, weather wanted): a load without weather cannot serve a caller
        # that needs it.
        self._inflight: dict[tuple[SessionRef, bool], asyncio.Task[Session]] = {}
        # Calendars are small and change rarely: keep every one asked for in memory.
        self._calendars: dict[int, tuple[EventInfo, ...]] = {}

    async def events(self, year: int) -> tuple[EventInfo, ...]:
        """The season's calendar: memory, then the snapshot store, then the source.

        Raises ``SessionNotFoundError`` for a season the source does not know.
        """
        cached = self._calendars.get(year)
        if cached is not None:
            return cached
        events = await self._snapshots.get_events(year)
        if events is None:
            events = await self._source.events(year)
            await self._store(self._snapshots.put_events(year, events), f"{year} calendar")
        self._calendars[year] = events
        return events

    async def resolve(self, year: int, event: str, kind: SessionKind | str) -> SessionRef:
        """Turn what people say ("Monza", "quali") into the exact ``SessionRef``.

        Raises ``SessionNotFoundError`` (unknown event, or a session the event did not
        hold), ``AmbiguousReferenceError`` (several events match) or
        ``InvalidRequestError`` (unknown session kind).
        """
        wanted = kind if isinstance(kind, SessionKind) else SessionKind.parse(kind)
        info = resolve_event(event, await self.events(year))
        if wanted not in info.sessions:
            held = ", ".join(k.value for k in info.sessions)
            raise SessionNotFoundError(
                f"the {year} {info.name} had no {info.session_label(wanted)}; it held {held}"
            )
        return SessionRef(year, info.name, wanted)

    async def load(self, ref: SessionRef | SessionParts, *, weather: bool = True) -> Session:
        """One session, from the cheapest place that has it.

        ``ref`` is an exact ``SessionRef`` or ``(year, event, kind)`` as people say them
        (resolved with ``resolve``). With ``weather=False`` the session may come without
        its weather samples (``weather_loaded`` False). Concurrent calls for one session
        share a single source load; a failure reaches every waiter and is not
        remembered, so the next call tries again. Raises the errors of ``resolve`` and
        of the source.
        """
        if not isinstance(ref, SessionRef):
            ref = await self.resolve(*ref)
        hit = self._lru.get(ref)
        if hit is not None and (hit.weather_loaded or not weather):
            self._lru.move_to_end(ref)
            return hit
        key = (ref, weather)
        # A caller that can do without the weather may share a load that fetches it.
        task = self._inflight.get(key) or (None if weather else self._inflight.get((ref, True)))
        if task is None:
            task = asyncio.ensure_future(self._fetch(ref, weather=weather))
            self._inflight[key] = task
            task.add_done_callback(functools.partial(self._finished, key))
        # shield: one caller giving up (timeout, disconnect) must not cancel the load the
        # other waiters share.
        return await asyncio.shield(task)

    async def available(self, year: int) -> list[EventAvailability]:
        """Each event of ``year`` with its cached sessions and the ones known to load.

        A session is cached when it loads without the source (LRU or snapshot), and
        loadable when cached or when the source says it has its timing data. When the
        source cannot tell (``known_sessions`` gives None) ``loadable`` is None too.
        Raises ``SessionNotFoundError`` for a season the source does not know.
        """
        events = await self.events(year)
        known = await self._source.known_sessions(year)
        result: list[EventAvailability] = []
        for event in events:
            ready = []
            for kind in event.sessions:
                ref = SessionRef(year, event.name, kind)
                if ref in self._lru or await self._snapshots.get_session(ref) is not None:
                    ready.append(kind)
            loadable = (
                None
                if known is None
                else tuple(k for k in event.sessions if k in ready or (event.name, k) in known)
            )
            result.append(EventAvailability(event, tuple(ready), loadable))
        return result

    async def _fetch(self, ref: SessionRef, *, weather: bool) -> Session:
        session = await self._snapshots.get_session(ref)
        if session is None or (weather and not session.weather_loaded):
            if not weather and isinstance(self._source, WeatherlessSessionSource):
                session = await self._source.load_without_weather(ref)
            else:
                session = await self._source.load(ref)
            await self._store(self._snapshots.put_session(session), str(ref))
        self._remember(ref, session)
        return session

    def _finished(self, key: tuple[SessionRef, bool], task: asyncio.Task[Session]) -> None:
        if self._inflight.get(key) is task:
            del self._inflight[key]
        if not task.cancelled():
            # Mark the exception as retrieved: if every waiter was cancelled nobody else
            # will, and asyncio would log "exception was never retrieved".
            task.exception()

    def _remember(self, ref: SessionRef, session: Session) -> None:
        if self._lru_size == 0:
            return
        self._lru[ref] = session
        self._lru.move_to_end(ref)
        while len(self._lru) > self._lru_size:
            self._lru.popitem(last=False)

    @staticmethod
    async def _store(write: Awaitable[None], what: str) -> None:
        """Write a snapshot; a failure (full disk, read-only dir) must not fail the answer."""
        try:
            await write
        except Exception:
            logger.warning("could not store the snapshot of %s", what, exc_info=True)

    @property
    def cached_refs(self) -> Sequence[SessionRef]:
        """Sessions held in memory, least recently used first (for diagnostics and tests)."""
        return tuple(self._lru)
