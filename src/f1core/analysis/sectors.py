"""Sector analyses: the theoretical best lap, sector-by-sector gaps and speed traps."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import msgspec

from f1core.analysis.laps import (
    full_name,
    laps_by_driver,
    plausibility_floors,
    select_drivers,
    sort_excluded,
    split_valid,
    team_of,
)
from f1core.analysis.stats import fmt_float
from f1core.domain.session import Lap, Session
from f1core.domain.table import Cell, ExcludedLap, Table
from f1core.domain.team_colours import DriverLivery, session_liveries
from f1core.domain.timefmt import format_gap, format_laptime, format_sector


class _DriverSectors(msgspec.Struct, frozen=True, gc=False):
    driver: str
    best: tuple[int | None, int | None, int | None]
    best_lap_ms: int | None


def _driver_sectors(
    session: Session, codes: Sequence[str]
) -> tuple[list[_DriverSectors], list[ExcludedLap]]:
    """Best sector times and best lap time per driver, from valid laps only."""
    found: list[_DriverSectors] = []
    excluded: list[ExcludedLap] = []
    floors = plausibility_floors(session)
    for code, laps in laps_by_driver(session, codes).items():
        valid, left_out = split_valid(laps, floors)
        excluded.extend(left_out)
        if not valid:
            continue
        found.append(
            _DriverSectors(
                driver=code,
                best=(
                    _min(lap.sector1_ms for lap in valid),
                    _min(lap.sector2_ms for lap in valid),
                    _min(lap.sector3_ms for lap in valid),
                ),
                best_lap_ms=_min(lap.time_ms for lap in valid),
            )
        )
    return found, excluded


def _min(values: Iterable[int | None]) -> int | None:
    present = [v for v in values if v is not None]
    return min(present) if present else None


class TheoreticalBestRow(msgspec.Struct, frozen=True, gc=False):
    """A driver's best sectors, their sum and how far the best actual lap was from it."""

    driver: str
    full_name: str
    team: str
    sector1_ms: int | None
    sector2_ms: int | None
    sector3_ms: int | None
    theoretical_ms: int | None
    actual_ms: int
    lost_ms: int | None


class TheoreticalBest(msgspec.Struct, frozen=True, gc=False):
    """Best sectors summed per driver against their actual best lap, best theoretical first."""

    session: str
    rows: tuple[TheoreticalBestRow, ...]
    excluded: tuple[ExcludedLap, ...]
    liveries: tuple[DriverLivery, ...] = ()
    """Each driver's team colour and teammate place, for the chart."""

    def table(self) -> Table:
        """Best sectors, the ideal lap, the actual best and the time left on the table."""
        columns = ("Driver", "Name", "S1", "S2", "S3", "Theoretical", "Actual", "Lost")
        rows = tuple(
            (
                r.driver,
                r.full_name,
                format_sector(r.sector1_ms),
                format_sector(r.sector2_ms),
                format_sector(r.sector3_ms),
                format_laptime(r.theoretical_ms),
                format_laptime(r.actual_ms),
                format_gap(r.lost_ms),
            )
            for r in self.rows
        )
        return Table(columns=columns, rows=rows)


def theoretical_best(session: Session, drivers: Sequence[str] | None = None) -> TheoreticalBest:
    """Each driver's best valid sectors summed, against the best valid lap they did drive.

    The theoretical lap is capped at the actual best: sector times are rounded and some valid
    laps miss a sector, and an "ideal" lap slower than a real one would mislead.
    """
    codes = select_drivers(session, drivers)
    found, excluded = _driver_sectors(session, codes)
    rows: list[TheoreticalBestRow] = []
    for d in found:
        if d.best_lap_ms is None:
            continue
        s1, s2, s3 = d.best
        theoretical = None
        if s1 is not None and s2 is not None and s3 is not None:
            theoretical = min(s1 + s2 + s3, d.best_lap_ms)
        rows.append(
            TheoreticalBestRow(
                driver=d.driver,
                full_name=full_name(session, d.driver),
                team=team_of(session, d.driver),
                sector1_ms=s1,
                sector2_ms=s2,
                sector3_ms=s3,
                theoretical_ms=theoretical,
                actual_ms=d.best_lap_ms,
                lost_ms=None if theoretical is None else d.best_lap_ms - theoretical,
            )
        )
    # Equal ideal laps: the driver who actually drove closer to it ranks first.
    rows.sort(key=lambda r: (r.theoretical_ms is None, r.theoretical_ms or 0, r.actual_ms))
    return TheoreticalBest(
        session=session.title,
        rows=tuple(rows),
        excluded=sort_excluded(excluded),
        liveries=session_liveries(session),
    )


class SectorRow(msgspec.Struct, frozen=True, gc=False):
    """A driver's best time in each sector and the gap to the best of the compared drivers."""

    driver: str
    full_name: str
    sector_ms: tuple[int | None, int | None, int | None]
    gap_ms: tuple[int | None, int | None, int | None]


class SectorComparison(msgspec.Struct, frozen=True, gc=False):
    """Per-sector bests; ``fastest`` names who was quickest in S1, S2 and S3."""

    session: str
    rows: tuple[SectorRow, ...]
    fastest: tuple[str | None, str | None, str | None]
    excluded: tuple[ExcludedLap, ...]
    liveries: tuple[DriverLivery, ...] = ()
    """Each driver's team colour and teammate place, for the chart."""

    def table(self) -> Table:
        """Each sector's best time and the gap to the sector's fastest driver."""
        columns = ("Driver", "Name", "S1", "S1 gap", "S2", "S2 gap", "S3", "S3 gap")
        rows: list[tuple[Cell, ...]] = []
        for r in self.rows:
            cells: list[Cell] = [r.driver, r.full_name]
            for ms, gap in zip(r.sector_ms, r.gap_ms, strict=True):
                cells += [format_sector(ms), "" if gap == 0 else format_gap(gap)]
            rows.append(tuple(cells))
        return Table(columns=columns, rows=tuple(rows))


def sector_comparison(session: Session, drivers: Sequence[str] | None = None) -> SectorComparison:
    """Each driver's best valid sector times and gaps to the best in each sector.

    Rows are ordered by the sum of the driver's best sectors (drivers missing a sector last).
    """
    codes = select_drivers(session, drivers)
    found, excluded = _driver_sectors(session, codes)
    bests: list[int | None] = []
    fastest: list[str | None] = []
    for i in range(3):
        timed = [(d.best[i], d.driver) for d in found if d.best[i] is not None]
        best = min(timed, key=lambda t: t[0] or 0) if timed else None
        bests.append(best[0] if best else None)
        fastest.append(best[1] if best else None)
    rows = [
        SectorRow(
            driver=d.driver,
            full_name=full_name(session, d.driver),
            sector_ms=d.best,
            gap_ms=(
                _gap(d.best[0], bests[0]),
                _gap(d.best[1], bests[1]),
                _gap(d.best[2], bests[2]),
            ),
        )
        for d in found
    ]
    rows.sort(key=_sector_sum_key)
    return SectorComparison(
        session=session.title,
        rows=tuple(rows),
        fastest=(fastest[0], fastest[1], fastest[2]),
        excluded=sort_excluded(excluded),
        liveries=session_liveries(session),
    )


def _gap(value: int | None, best: int | None) -> int | None:
    return None if value is None or best is None else value - best


def _sector_sum_key(row: SectorRow) -> tuple[int, int]:
    if any(ms is None for ms in row.sector_ms):
        return (1, 0)
    return (0, sum(ms for ms in row.sector_ms if ms is not None))


class SpeedTrapRow(msgspec.Struct, frozen=True, gc=False):
    """A driver's top speeds (km/h) at the speed trap and the three measuring points."""

    position: int
    driver: str
    full_name: str
    team: str
    speed_st: float | None
    speed_i1: float | None
    speed_i2: float | None
    speed_fl: float | None


class SpeedTraps(msgspec.Struct, frozen=True, gc=False):
    """Drivers ranked by their highest speed-trap reading."""

    session: str
    rows: tuple[SpeedTrapRow, ...]
    excluded: tuple[ExcludedLap, ...]
    liveries: tuple[DriverLivery, ...] = ()
    """Each driver's team colour and teammate place, for the chart."""

    def table(self) -> Table:
        """Top speed at the trap (ST), intermediates (I1, I2) and finish line (FL), km/h."""
        columns = ("Pos", "Driver", "Name", "Team", "ST km/h", "I1 km/h", "I2 km/h", "FL km/h")
        rows = tuple(
            (
                r.position,
                r.driver,
                r.full_name,
                r.team,
                fmt_float(r.speed_st, 1),
                fmt_float(r.speed_i1, 1),
                fmt_float(r.speed_i2, 1),
                fmt_float(r.speed_fl, 1),
            )
            for r in self.rows
        )
        return Table(columns=columns, rows=rows)


def speed_traps(session: Session) -> SpeedTraps:
    """Every driver's highest speed at the trap and at I1, I2 and the finish line.

    Speeds count from every lap, deleted and inaccurate ones included: a trap reading is a
    measurement of the car, not of a lap time. Laps with no reading at all are excluded.
    """
    codes = select_drivers(session, None)
    rows: list[SpeedTrapRow] = []
    excluded: list[ExcludedLap] = []
    for code, laps in laps_by_driver(session, codes).items():
        measured: list[Lap] = []
        for lap in laps:
            if (
                lap.speed_st is None
                and lap.speed_i1 is None
                and lap.speed_i2 is None
                and (lap.speed_fl is None)
            ):
                excluded.append(ExcludedLap(code, lap.number, "no speed reading"))
            else:
                measured.append(lap)
        if not measured:
            continue
        rows.append(
            SpeedTrapRow(
                position=0,
                driver=code,
                full_name=full_name(session, code),
                team=team_of(session, code),
                speed_st=_max(lap.speed_st for lap in measured),
                speed_i1=_max(lap.speed_i1 for lap in measured),
                speed_i2=_max(lap.speed_i2 for lap in measured),
                speed_fl=_max(lap.speed_fl for lap in measured),
            )
        )
    rows.sort(key=lambda r: -(r.speed_st if r.speed_st is not None else -1.0))
    ranked = tuple(msgspec.structs.replace(r, position=i + 1) for i, r in enumerate(rows))
    return SpeedTraps(
        session=session.title,
        rows=ranked,
        excluded=sort_excluded(excluded),
        liveries=session_liveries(session),
    )


def _max(values: Iterable[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return max(present) if present else None
