"""Ports: the historical archive (Ergast-format results 1950 on) and its importer."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from f1core.domain.archive import (
    ArchiveImport,
    HeadToHead,
    Leaderboard,
    RaceResult,
    SeasonChampions,
    Standings,
    SubjectKind,
    Tally,
)
from f1core.domain.archive_race import HistoricRace, QualifyingResult, RacePitStops
from f1core.domain.archive_stat import StatAnswer, StatSpec
from f1core.domain.archive_teammates import TeammateBattle


class HistoricalArchive(Protocol):
    """Answers questions about past seasons. Implementations raise ``f1core.errors`` only.

    Drivers are referenced as people write them: Ergast driverRef ("max_verstappen"),
    code ("HAM"), surname ("senna") or full name. A surname several drivers share raises
    ``AmbiguousReferenceError`` listing them, unless ``year`` leaves only one. Every query
    raises ``DataUnavailableError`` while nothing has been imported.
    """

    async def race_result(self, year: int, event: str, *, top: int = 3) -> RaceResult:
        """The first ``top`` of a race; ``event`` is a race name, place, circuit or round.

        Raises ``SessionNotFoundError`` when no race of ``year`` matches or it has no
        results yet, ``AmbiguousReferenceError`` when several do.
        """
        ...

    async def sprint_result(self, year: int, event: str) -> RaceResult:
        """The full classification of the sprint held with the race ``event`` names.

        Raises ``SessionNotFoundError`` when that weekend had no sprint (or no results yet).
        """
        ...

    async def standings(
        self, year: int, *, after_round: int | None = None, constructors: bool = False
    ) -> Standings:
        """The drivers' (or constructors') championship after ``after_round`` (final if None).

        Raises ``SessionNotFoundError`` for a season or round with no standings.
        """
        ...

    async def champions(self, year: int) -> SeasonChampions:
        """Champion and runner-up of the season (the leaders if it is still running)."""
        ...

    async def tally(self, subject: str, *, kind: SubjectKind, year: int | None = None) -> Tally:
        """Entries, wins, poles, podiums, points of a driver or team, season or career.

        Raises ``SessionNotFoundError`` when nobody matches ``subject`` (or they did not
        take part in ``year``), ``AmbiguousReferenceError`` when several do.
        """
        ...

    async def most_wins(
        self, *, kind: SubjectKind = "driver", year: int | None = None, limit: int = 10
    ) -> Leaderboard:
        """The most race wins, in ``year`` or all time; ties share a rank."""
        ...

    async def wins_at_circuit(
        self, circuit: str, *, driver: str | None = None, limit: int = 10
    ) -> Leaderboard:
        """Drivers with the most wins at a circuit (or only ``driver``'s count there).

        ``circuit`` is a circuit name, place, country or Ergast circuitRef.
        """
        ...

    async def head_to_head(self, year: int, driver_a: str, driver_b: str) -> HeadToHead:
        """Season head-to-head of two drivers in races and qualifying.

        Raises ``SessionNotFoundError`` when either did not race that season.
        """
        ...

    async def historic_race(self, year: int, event: str) -> HistoricRace:
        """A race's podium, pole, fastest lap and official winning margin.

        Raises like ``race_result``.
        """
        ...

    async def qualifying_result(self, year: int, event: str) -> QualifyingResult:
        """A Grand Prix's official qualifying classification with Q1-Q3 times.

        Raises like ``race_result``; ``SessionNotFoundError`` when the archive has no
        qualifying results for it (it holds them from 1994 on).
        """
        ...

    async def pit_stops(
        self, year: int, event: str, *, drivers: tuple[str, ...] = ()
    ) -> RacePitStops:
        """A race's pit stops (recorded from 2011), only ``drivers``' when given."""
        ...

    async def teammates(
        self, year: int, *, team: str | None = None, drivers: tuple[str, ...] = ()
    ) -> TeammateBattle:
        """Team-mates' season head-to-head, counted over the rounds both took part in.

        ``team`` alone gives every pair of that team; one driver gives them against each
        team-mate; two drivers give that pair. Raises ``SessionNotFoundError`` when the
        drivers were not team-mates that season.
        """
        ...

    async def stat(self, spec: StatSpec) -> StatAnswer:
        """A compositional statistic: ``spec.metric`` filtered and aggregated.

        See ``f1core.domain.archive_stat`` for what each metric counts. Raises
        ``InvalidRequestError`` for a combination with no honest answer, and the name
        lookups' ``SessionNotFoundError`` / ``AmbiguousReferenceError``.
        """
        ...

    async def data_version(self) -> ArchiveImport | None:
        """The latest import (the data version answers are keyed on), None when empty."""
        ...


class ArchiveImporter(Protocol):
    """Loads an Ergast-format CSV dump, replacing the whole archive atomically."""

    async def import_dump(self, directory: Path) -> ArchiveImport:
        """Import every table of the dump in one transaction and record the import.

        On any failure the previous archive stays as it was and ``ArchiveImportError``
        says which file and what is wrong. Importing the same dump twice changes nothing
        but the import record.
        """
        ...
