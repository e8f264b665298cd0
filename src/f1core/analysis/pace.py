"""Race pace: the centre and spread of each driver's and team's clean laps."""

from __future__ import annotations

from collections.abc import Sequence

import msgspec

from f1core.analysis.laps import (
    FuelCorrection,
    full_name,
    laps_by_driver,
    plausibility_floors,
    select_drivers,
    sort_excluded,
    split_clean,
    team_of,
)
from f1core.analysis.stats import Spread, fmt_ms, spread
from f1core.domain.session import Session
from f1core.domain.table import ExcludedLap, Table
from f1core.domain.team_colours import DriverLivery, session_liveries
from f1core.domain.timefmt import format_gap, format_laptime


class PaceRow(msgspec.Struct, frozen=True, gc=False):
    """The clean-lap statistics of one driver or one team (``name`` is the full name/team)."""

    position: int
    key: str
    name: str
    team: str
    stats: Spread
    gap_ms: float


class PaceLap(msgspec.Struct, frozen=True, gc=False, array_like=True):
    """One clean lap that counted towards a driver's pace (time fuel-corrected if asked)."""

    driver: str
    lap: int
    time_ms: float
    compound: str | None


class RacePace(msgspec.Struct, frozen=True, gc=False):
    """Drivers and teams ordered by median clean lap (fuel-corrected when asked)."""

    session: str
    drivers: tuple[PaceRow, ...]
    teams: tuple[PaceRow, ...]
    fuel_correction_s_per_lap: float | None
    total_laps: int
    excluded: tuple[ExcludedLap, ...]
    liveries: tuple[DriverLivery, ...] = ()
    """Each driver's team colour and teammate place, for the chart."""
    laps: tuple[PaceLap, ...] = ()
    """Every clean lap behind the statistics, for the chart's scatter and box plot."""

    def table(self) -> Table:
        """Per driver: clean laps, median, mean, stdev, IQR (seconds) and gap on the median."""
        columns: tuple[str, ...] = ("Pos", "Driver", "Name", "Team")
        columns += ("Laps", "Median", "Mean", "Stdev s", "IQR s", "Gap")
        rows = tuple((r.position, r.key, r.name, r.team, *_stat_cells(r)) for r in self.drivers)
        return Table(columns=columns, rows=rows)


def race_pace(
    session: Session,
    drivers: Sequence[str] | None = None,
    fuel_correction_s_per_lap: float | None = None,
) -> RacePace:
    """Median, mean, stdev and IQR of each driver's and team's clean laps, by median.

    Clean laps follow ``f1core.analysis.laps.split_clean``. With a fuel correction of k
    seconds per lap, each lap loses ``(total_laps - lap) * k`` seconds, putting every lap on
    the empty-tank footing of the last one. Teams pool their drivers' corrected laps.
    """
    fuel = FuelCorrection(session, fuel_correction_s_per_lap)
    codes = select_drivers(session, drivers)
    excluded: list[ExcludedLap] = []
    per_driver: dict[str, list[float]] = {}
    counted: list[PaceLap] = []
    floors = plausibility_floors(session)
    for code, laps in laps_by_driver(session, codes).items():
        clean, left_out = split_clean(laps, floors.get(code))
        excluded.extend(left_out)
        if clean:
            per_driver[code] = [fuel.time_ms(lap) for lap in clean]
            counted.extend(
                PaceLap(code, lap.number, time, lap.compound)
                for lap, time in zip(clean, per_driver[code], strict=True)
            )
    driver_rows = _ranked(
        [
            (code, full_name(session, code), team_of(session, code), times)
            for code, times in per_driver.items()
        ]
    )
    per_team: dict[str, list[float]] = {}
    for code, times in per_driver.items():
        per_team.setdefault(team_of(session, code) or code, []).extend(times)
    team_rows = _ranked([(team, team, team, times) for team, times in per_team.items()])
    return RacePace(
        session=session.title,
        drivers=driver_rows,
        teams=team_rows,
        fuel_correction_s_per_lap=fuel_correction_s_per_lap,
        total_laps=fuel.total_laps,
        excluded=sort_excluded(excluded),
        liveries=session_liveries(session),
        laps=tuple(counted),
    )


def _stat_cells(row: PaceRow) -> tuple[int, str, str, str, str, str]:
    """Laps, median, mean, stdev, IQR and gap, display-ready."""
    st = row.stats
    return (
        st.laps,
        format_laptime(round(st.median_ms)),
        format_laptime(round(st.mean_ms)),
        fmt_ms(st.stdev_ms),
        fmt_ms(st.iqr_ms),
        "" if row.position == 1 else format_gap(round(row.gap_ms)),
    )


def _ranked(groups: list[tuple[str, str, str, list[float]]]) -> tuple[PaceRow, ...]:
    stats = [(key, name, team, spread(times)) for key, name, team, times in groups]
    stats.sort(key=lambda s: (s[3].median_ms, s[0]))
    best = stats[0][3].median_ms if stats else 0.0
    return tuple(
        PaceRow(position=i + 1, key=key, name=name, team=team, stats=st, gap_ms=st.median_ms - best)
        for i, (key, name, team, st) in enumerate(stats)
    )
