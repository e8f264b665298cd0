"""Use case: bring the archive up to date from the results feed.

Everything is read from the feed first and only then handed to the writer, which applies
it in one transaction: a feed that fails half-way (offline, killed) leaves the archive
exactly as it was, and running the update again changes nothing.
"""

from __future__ import annotations

import logging

from f1core.domain.archive_feed import ArchiveUpdate, FeedRace, FeedRound
from f1core.errors import DataUnavailableError, SessionNotFoundError
from f1core.ports.archive_feed import ArchiveFeed, ArchiveUpdateWriter
from f1core.ports.clock import Clock, system_clock

log = logging.getLogger(__name__)


class UpdateArchive:
    """``execute()`` fetches what is missing since the last round with results;
    ``execute(season=YEAR)`` fetches every round of YEAR held so far again (results get
    corrected after races) and rewrites what differs."""

    def __init__(
        self,
        feed: ArchiveFeed,
        writer: ArchiveUpdateWriter,
        *,
        source: str = "feed",
        clock: Clock = system_clock,
    ) -> None:
        self._feed = feed
        self._writer = writer
        self._source = source
        self._clock = clock

    async def execute(self, season: int | None = None) -> ArchiveUpdate:
        """Fetch, then apply in one transaction; returns what changed."""
        today = self._clock().date()
        if season is not None:
            calendar = await self._calendar(season)
            if not calendar:
                raise SessionNotFoundError(f"the results feed has no {season} season")
            held = await self._fetch(calendar, after=None)
            return await self._writer.apply(calendar, held, source=f"{self._source} {season}")
        last = await self._writer.last_round()
        if last is None:
            raise DataUnavailableError(
                "the historical archive is empty: import a dump first (`f1 archive import DIR`)"
            )
        calendars: list[FeedRace] = []
        rounds: list[FeedRound] = []
        for year in range(last[0], today.year + 1):
            calendar = await self._calendar(year)
            calendars.extend(calendar)
            rounds.extend(await self._fetch(calendar, after=last))
        return await self._writer.apply(calendars, rounds, source=self._source)

    async def _calendar(self, year: int) -> tuple[FeedRace, ...]:
        # the feed's calendar, else the one the archive holds (dumps carry whole seasons)
        return await self._feed.schedule(year) or await self._writer.calendar(year)

    async def _fetch(
        self, calendar: tuple[FeedRace, ...], *, after: tuple[int, int] | None
    ) -> list[FeedRound]:
        today = self._clock().date()
        fetched: list[FeedRound] = []
        for race in calendar:
            if after is not None and (race.year, race.round) <= after:
                continue
            if race.date > today:
                continue  # not run yet
            # one request after another: the feed asks to be read politely
            round_ = await self._feed.round(race)
            if round_.has_data:
                fetched.append(round_)
            else:
                log.info("%d round %d: nothing published yet", race.year, race.round)
        return fetched
