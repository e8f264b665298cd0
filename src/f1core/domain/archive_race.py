"""A historic race from the archive's official results: podium, pole, fastest lap, margin.

Everything comes from the classification (``results.csv``) and qualifying
(``qualifying.csv``), never from lap timing: the winning margin is the official gap of the
second car ("+5.175", or "+1 Lap" when it was lapped), pole is the qualifying result
where the archive has one (1994 on in practice) and the car that started first otherwise,
and the fastest lap is the result ranked first for it (recorded from 2004).
"""

from __future__ import annotations

from collections.abc import Iterable

import msgspec

from f1core.domain.archive import ARCHIVE_SOURCE, ArchiveRace, RaceSummary
from f1core.domain.archive_counting import race_summary
from f1core.domain.archive_names import ReferenceIndex
from f1core.domain.archive_stat import FIRST_FASTEST_LAP_SEASON as FIRST_FASTEST_LAP_SEASON
from f1core.domain.archive_stat import started
from f1core.domain.table import Table
from f1core.errors import SessionNotFoundError


class ResultLine(msgspec.Struct, frozen=True, gc=False):
    """What the storage reads of one car's result."""

    driver_id: int
    constructor_id: int
    position: int | None
    position_text: str
    position_order: int
    grid: int | None
    laps: int | None
    time: str | None
    status: str
    fastest_lap: int | None
    fastest_rank: int | None
    fastest_time: str | None


class CarLine(msgspec.Struct, frozen=True, kw_only=True):
    """A driver and team with the figure that put them in the answer."""

    driver: str
    code: str | None
    team: str
    detail: str | None = None


class HistoricRace(msgspec.Struct, frozen=True, kw_only=True):
    """A race as the record books tell it."""

    race: RaceSummary
    podium: tuple[CarLine, ...]
    winner_time: str | None
    margin: str | None  # the second car's official gap
    pole: CarLine | None
    pole_source: str  # "qualifying" or "grid"
    fastest_lap: CarLine | None
    fastest_lap_number: int | None
    starters: int
    classified: int
    source: str = ARCHIVE_SOURCE

    def table(self) -> Table:
        """One row per fact."""
        rows: list[tuple[str, str | None, str | None, str | None]] = [
            (f"P{i}", c.driver, c.team, c.detail) for i, c in enumerate(self.podium, start=1)
        ]
        if self.pole is not None:
            rows.append(("pole", self.pole.driver, self.pole.team, self.pole.detail))
        if self.fastest_lap is not None:
            f = self.fastest_lap
            rows.append(("fastest lap", f.driver, f.team, f.detail))
        rows.append(("winning margin", None, None, self.margin))
        return Table(columns=("fact", "driver", "team", "time"), rows=tuple(rows))


def historic_race(
    idx: ReferenceIndex,
    race: ArchiveRace,
    lines: Iterable[ResultLine],
    pole_from_qualifying: tuple[int, int, str | None] | None,
) -> HistoricRace:
    """The facts of ``race`` from its result lines and its qualifying pole (driver id,
    team id, best time), if the archive has qualifying for it."""
    ordered = sorted(lines, key=lambda line: line.position_order)

    def car(line: ResultLine, detail: str | None) -> CarLine:
        d = idx.drivers[line.driver_id]
        return CarLine(
            driver=d.name, code=d.code, team=idx.teams[line.constructor_id].name, detail=detail
        )

    podium = tuple(
        car(line, line.time or line.status) for line in ordered[:3] if line.position is not None
    )
    margin = None
    if len(ordered) > 1 and ordered[0].position == 1 and ordered[1].position is not None:
        second = ordered[1]
        margin = second.time or second.status
    if pole_from_qualifying is not None:
        d_id, t_id, best = pole_from_qualifying
        d = idx.drivers[d_id]
        pole: CarLine | None = CarLine(
            driver=d.name, code=d.code, team=idx.teams[t_id].name, detail=best
        )
        pole_source = "qualifying"
    else:
        front = [line for line in ordered if line.grid == 1]
        pole = car(front[0], None) if front else None
        pole_source = "grid"
    fastest = [line for line in ordered if line.fastest_rank == 1]
    return HistoricRace(
        race=race_summary(idx, race),
        podium=podium,
        winner_time=ordered[0].time if ordered else None,
        margin=margin,
        pole=pole,
        pole_source=pole_source,
        fastest_lap=car(fastest[0], fastest[0].fastest_time) if fastest else None,
        fastest_lap_number=fastest[0].fastest_lap if fastest else None,
        starters=sum(1 for line in ordered if started(line.position_text, line.grid)),
        classified=sum(1 for line in ordered if line.position is not None),
    )


def best_time(q1: str | None, q2: str | None, q3: str | None) -> str | None:
    """The lap that set pole: the last session's time the driver has."""
    for value in (q3, q2, q1):
        if value:
            return value
    return None


class QualifyingLine(msgspec.Struct, frozen=True, kw_only=True):
    """One driver's official qualifying result (Q1-Q3 as the timing sheets give them)."""

    position: int | None
    driver: str
    code: str | None
    team: str
    q1: str | None
    q2: str | None
    q3: str | None


class QualifyingResult(msgspec.Struct, frozen=True, kw_only=True):
    """A Grand Prix's qualifying classification from ``qualifying.csv``."""

    race: RaceSummary
    lines: tuple[QualifyingLine, ...]
    source: str = ARCHIVE_SOURCE

    def fastest(self) -> tuple[QualifyingLine, str, str] | None:
        """The quickest official lap of any part: (driver's line, time, "Q1"/"Q2"/"Q3")."""
        best: tuple[float, QualifyingLine, str, str] | None = None
        for line in self.lines:
            for part, value in (("Q1", line.q1), ("Q2", line.q2), ("Q3", line.q3)):
                seconds = lap_seconds(value)
                if seconds is not None and (best is None or seconds < best[0]):
                    best = (seconds, line, value or "", part)
        return None if best is None else (best[1], best[2], best[3])

    def table(self) -> Table:
        """Position, driver, team, Q1, Q2, Q3."""
        return Table(
            columns=("pos", "driver", "team", "Q1", "Q2", "Q3"),
            rows=tuple((x.position, x.driver, x.team, x.q1, x.q2, x.q3) for x in self.lines),
        )


def lap_seconds(text: str | None) -> float | None:
    """ "1:22.109" -> 82.109; None for an empty or unreadable time."""
    if not text:
        return None
    try:
        minutes, _, rest = text.rpartition(":")
        return (int(minutes) * 60 if minutes else 0) + float(rest)
    except ValueError:
        return None


def qualifying_result(
    idx: ReferenceIndex,
    race: ArchiveRace,
    rows: Iterable[tuple[int | None, int, int, str | None, str | None, str | None]],
) -> QualifyingResult:
    """The answer from (position, driver id, team id, q1, q2, q3) rows in order.

    Raises ``SessionNotFoundError`` when there are none.
    """
    lines = tuple(
        QualifyingLine(
            position=pos,
            driver=idx.drivers[d].name,
            code=idx.drivers[d].code,
            team=idx.teams[t].name,
            q1=q1 or None,
            q2=q2 or None,
            q3=q3 or None,
        )
        for pos, d, t, q1, q2, q3 in rows
    )
    if not lines:
        raise SessionNotFoundError(
            f"the archive has no qualifying results for the {race.year} {race.name} "
            "(it holds them from 1994 on)"
        )
    return QualifyingResult(race=race_summary(idx, race), lines=lines)


class PitStopLine(msgspec.Struct, frozen=True, kw_only=True):
    """One stop as the archive records it: pit-lane time from entry to exit."""

    driver: str
    code: str | None
    stop: int
    lap: int
    duration: str | None
    milliseconds: int | None


class RacePitStops(msgspec.Struct, frozen=True, kw_only=True):
    """A race's pit stops (the archive has them from 2011), optionally for some drivers."""

    race: RaceSummary
    drivers: tuple[str, ...]  # the drivers asked about (names), empty for everyone
    stops: tuple[PitStopLine, ...]
    source: str = ARCHIVE_SOURCE

    def table(self) -> Table:
        """Driver, stop, lap, pit-lane time."""
        return Table(
            columns=("driver", "stop", "lap", "pit lane (s)"),
            rows=tuple((x.driver, x.stop, x.lap, x.duration) for x in self.stops),
        )


FIRST_PIT_STOP_SEASON = 2011


def race_pit_stops(
    idx: ReferenceIndex,
    race: ArchiveRace,
    rows: Iterable[tuple[int, int, int, str | None, int | None]],
    driver_ids: tuple[int, ...],
) -> RacePitStops:
    """The answer from (driver id, stop, lap, duration, milliseconds) rows.

    Raises ``SessionNotFoundError`` for a race before the archive records stops, or one
    it has none for (no stop at all is a gap in the data, not a fact worth stating).
    """
    if race.year < FIRST_PIT_STOP_SEASON:
        raise SessionNotFoundError(
            f"the archive records pit stops from {FIRST_PIT_STOP_SEASON}; not for the "
            f"{race.year} {race.name}"
        )
    rows = list(rows)
    if not rows:
        raise SessionNotFoundError(f"the archive has no pit stops for the {race.year} {race.name}")
    wanted = set(driver_ids)
    stops = tuple(
        PitStopLine(
            driver=idx.drivers[d].name,
            code=idx.drivers[d].code,
            stop=stop,
            lap=lap,
            duration=duration,
            milliseconds=ms,
        )
        for d, stop, lap, duration, ms in sorted(rows, key=lambda r: (r[2], r[1], r[0]))
        if not wanted or d in wanted
    )
    return RacePitStops(
        race=race_summary(idx, race),
        drivers=tuple(idx.drivers[d].name for d in driver_ids),
        stops=stops,
    )
