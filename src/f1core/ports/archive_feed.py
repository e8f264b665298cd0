"""Ports: a live results feed in Ergast's shape, and the writer that applies it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from f1core.domain.archive_feed import ArchiveUpdate, FeedRace, FeedRound


class ArchiveFeed(Protocol):
    """Reads seasons and rounds from a results feed (the Jolpica API).

    Implementations raise ``ArchiveFeedError`` (one readable line) when the feed cannot
    be read; a season or round with nothing published is empty, not an error.
    """

    async def schedule(self, year: int) -> tuple[FeedRace, ...]:
        """The calendar of ``year`` in round order (empty when the feed has none)."""
        ...

    async def round(self, race: FeedRace) -> FeedRound:
        """Results, sprint, qualifying, pit stops and standings of one round."""
        ...


class ArchiveUpdateWriter(Protocol):
    """Applies feed data to the archive tables in one transaction, idempotently."""

    async def last_round(self) -> tuple[int, int] | None:
        """``(year, round)`` of the latest race with results, None when the archive is empty."""
        ...

    async def calendar(self, year: int) -> tuple[FeedRace, ...]:
        """The rounds of ``year`` the archive already holds (races, with their circuits)."""
        ...

    async def apply(
        self, calendar: Sequence[FeedRace], rounds: Sequence[FeedRound], *, source: str
    ) -> ArchiveUpdate:
        """Add missing races of ``calendar``; replace each table of each round in ``rounds``
        that the feed has rows for and that differ from the archive's.

        Writes nothing (and records no new data version) when nothing differs. On any
        failure the archive stays as it was.
        """
        ...
