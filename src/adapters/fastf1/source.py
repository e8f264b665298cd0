"""``FastF1SessionSource``: the SessionSource port over FastF1 (live or replayed offline).

FastF1 is synchronous and not thread-safe (its cache and HTTP session are class-level
state), so every FastF1 call runs in one dedicated worker thread owned by the adapter.
FastF1 and pandas are imported inside that thread on first use: a process that only reads
snapshots never pays for importing them.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import gc
import logging
import warnings
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from f1core.domain.session import EventInfo, Session, SessionKind, SessionRef
from f1core.errors import DataUnavailableError, F1Error, SessionNotFoundError

T = TypeVar("T")

logger = logging.getLogger(__name__)

# FastF1 has lap timing from the 2018 season on; earlier seasons only have Ergast results.
FIRST_TIMING_YEAR = 2018


class FastF1SessionSource:
    """Sessions and calendars from FastF1, with an optional offline replay directory."""

    def __init__(self, cache_dir: Path, replay_dir: Path | None = None) -> None:
        self._cache_dir = cache_dir
        self._replay_dir = replay_dir
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="fastf1")
        # Touched only from the worker thread, so it needs no lock.
        self._calendars: dict[int, tuple[tuple[EventInfo, dict[SessionKind, str]], ...]] = {}
        # FastF1's own schedule objects, so a load does not fetch and parse it again.
        self._schedules: dict[int, Any] = {}
        self._closed = False

    # -- port ----------------------------------------------------------------------------

    async def events(self, year: int) -> tuple[EventInfo, ...]:
        """The season's events in round order (testing excluded)."""
        calendar = await self._run(self._calendar, year)
        return tuple(event for event, _ in calendar)

    async def load(self, ref: SessionRef) -> Session:
        """Load laps, results, weather and race control of one session (no telemetry)."""
        return await self._run(self._load, ref, True)

    async def load_without_weather(self, ref: SessionRef) -> Session:
        """``load`` without the weather stream (``weather_loaded`` False).

        Race-control messages are always loaded: FastF1 marks deleted laps from them, so
        every lap-based answer depends on them.
        """
        return await self._run(self._load, ref, False)

    async def known_sessions(self, year: int) -> frozenset[tuple[str, SessionKind]] | None:
        """In replay mode, the sessions whose timing streams were recorded; live, None.

        Live, only loading a session tells whether its timing data exists. The replay
        index needs no FastF1, so it is built in a plain thread rather than queued behind
        a load on the FastF1 worker.
        """
        if self._replay_dir is None:
            return None
        if self._closed:
            raise DataUnavailableError("the FastF1 source has been closed")
        from adapters.fastf1.recorded import known_sessions

        if not self._replay_dir.is_dir():
            raise DataUnavailableError(
                f"the recorded FastF1 data directory {self._replay_dir} does not exist; "
                "set F1_FASTF1_REPLAY_DIR to the fastf1-http-cache folder"
            )
        index = await asyncio.to_thread(known_sessions, self._replay_dir)
        return index.get(year, frozenset())

    def close(self) -> None:
        """Stop the worker thread; later calls raise ``DataUnavailableError``."""
        self._closed = True
        self._executor.shutdown(wait=True, cancel_futures=True)

    # -- worker thread -------------------------------------------------------------------

    async def _run(self, fn: Callable[..., T], *args: Any) -> T:
        if self._closed:
            raise DataUnavailableError("the FastF1 source has been closed")
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, self._guarded, fn, *args)

    def _guarded(self, fn: Callable[..., T], *args: Any) -> T:
        """Configure FastF1 once, silence its warnings, and let no FastF1 exception out."""
        from adapters.fastf1.replay import configure_fastf1

        try:
            configure_fastf1(self._cache_dir, self._replay_dir)
            _freeze_imports()
            with warnings.catch_warnings():
                # Ergast fallbacks warn on every failed request; failures are reported
                # to the caller as f1core errors instead.
                warnings.simplefilter("ignore")
                return fn(*args)
        except F1Error:
            raise
        except Exception as exc:
            logger.warning("FastF1 failed", exc_info=True)
            raise DataUnavailableError(
                f"FastF1 failed: {type(exc).__name__}: {exc}".rstrip(": ")
            ) from exc

    def _calendar(self, year: int) -> tuple[tuple[EventInfo, dict[SessionKind, str]], ...]:
        cached = self._calendars.get(year)
        if cached is not None:
            return cached
        this_year = dt.datetime.now(dt.UTC).year
        if year < FIRST_TIMING_YEAR:
            raise SessionNotFoundError(
                f"no timing data for {year}: FastF1 has lap timing from {FIRST_TIMING_YEAR} on"
            )
        if year > this_year + 1:
            raise SessionNotFoundError(f"{year} is in the future: its calendar is not out yet")
        import fastf1

        from adapters.fastf1.mapping import event_info, schedule_sessions

        try:
            schedule = fastf1.get_event_schedule(year, include_testing=False)
        except ValueError as exc:
            # FastF1 raises a bare ValueError when no backend (F1 API, Ergast) answered.
            raise SessionNotFoundError(
                f"no calendar for {year} is available"
                + (" in the recorded data" if self._replay_dir else "")
            ) from exc
        calendar = tuple(
            (event_info(row, year), schedule_sessions(row, year))
            for _, row in schedule.iterrows()  # ~24 rows: clarity beats vectorising here
            if int(row["RoundNumber"]) > 0
        )
        if not calendar:
            raise SessionNotFoundError(f"the {year} calendar has no events")
        self._calendars[year] = calendar
        self._schedules[year] = schedule
        return calendar

    def _load(self, ref: SessionRef, weather: bool) -> Session:
        from fastf1.exceptions import DataNotLoadedError

        from adapters.fastf1.mapping import map_session

        event, held = self._find(ref)
        unavailable = DataUnavailableError(
            f"timing data for the {ref.year} {event.name} {event.session_label(ref.kind)}"
            f" is not available" + (" (not in the recorded data)" if self._replay_dir else "")
        )
        # By round number, not name: FastF1 fuzzy-matches names and could load another event.
        # From the schedule ``_find`` loaded (what ``fastf1.get_session`` would fetch again).
        schedule = self._schedules[ref.year]
        ff1 = schedule.get_event_by_round(event.round).get_session(held[ref.kind])
        try:
            ff1.load(laps=True, telemetry=False, weather=weather, messages=True)
            laps = ff1.laps
        except DataNotLoadedError as exc:
            raise unavailable from exc
        if laps is None or len(laps) == 0:
            raise unavailable
        return map_session(
            ff1, SessionRef(ref.year, event.name, ref.kind), event, weather_loaded=weather
        )

    def _find(self, ref: SessionRef) -> tuple[EventInfo, dict[SessionKind, str]]:
        calendar = self._calendar(ref.year)
        wanted = ref.event.casefold()
        for event, held in calendar:
            if event.name.casefold() == wanted:
                if ref.kind not in held:
                    raise SessionNotFoundError(
                        f"the {ref.year} {event.name} had no {ref.kind.label}; it held "
                        + ", ".join(k.value for k in held)
                    )
                return event, held
        raise SessionNotFoundError(
            f"no event named {ref.event!r} in the {ref.year} calendar; events are named as "
            "the calendar gives them (e.g. " + calendar[0][0].name + ")"
        )


_frozen = False


def _freeze_imports() -> None:
    """Keep the garbage collector off what importing FastF1 and pandas made, once.

    A load allocates millions of objects, and every full collection would walk the
    hundreds of thousands that the imports left (modules, functions, classes), which live
    as long as the process anyway: about 15% of a cold load here.
    """
    global _frozen
    if not _frozen:
        _frozen = True
        gc.freeze()
