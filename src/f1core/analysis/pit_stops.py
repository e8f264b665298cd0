"""Pit stops: time in the pit lane and the estimated time each stop cost."""

from __future__ import annotations

import statistics

import msgspec

from f1core.analysis.laps import (
    full_name,
    laps_by_driver,
    neutralised_reason,
    plausibility_floors,
    select_drivers,
    sort_excluded,
    split_clean,
)
from f1core.analysis.stats import fmt_ms
from f1core.analysis.strategy import stop_laps
from f1core.domain.session import Session
from f1core.domain.table import ExcludedLap, Table
from f1core.domain.team_colours import DriverLivery, session_liveries
from f1core.domain.timefmt import format_laptime

PLAUSIBLE_PIT_LANE_SHARE = 0.85
"""Pit-lane times under this share of the session's median are treated as timing glitches."""


class PitStop(msgspec.Struct, frozen=True, gc=False):
    """One stop. ``lap`` is the in-lap.

    ``pit_lane_ms``: pit exit time on the out-lap minus pit entry time on the in-lap.
    ``loss_ms``: (in-lap + out-lap) - 2 x the driver's median clean lap, i.e. the time the
    stop cost against staying out (None when a lap time or the median is missing).
    ``neutralised`` names a safety car, VSC or red flag during the in- or out-lap: such a
    stop costs far less than the formula says, because the median is a green-flag lap.
    """

    driver: str
    full_name: str
    lap: int
    pit_lane_ms: int | None
    in_lap_ms: int | None
    out_lap_ms: int | None
    median_clean_ms: float | None
    loss_ms: float | None
    compound_before: str | None
    compound_after: str | None
    neutralised: str | None


class PitStops(msgspec.Struct, frozen=True, gc=False):
    """Every stop in lap order."""

    session: str
    stops: tuple[PitStop, ...]
    excluded: tuple[ExcludedLap, ...]
    liveries: tuple[DriverLivery, ...] = ()
    """Each driver's team colour and teammate place, for the chart."""

    def table(self) -> Table:
        """Driver, lap, pit-lane time, in/out laps, estimated loss (s), tyres."""
        columns = (
            "Driver",
            "Name",
            "Lap",
            "Pit lane s",
            "In lap",
            "Out lap",
            "Loss s",
            "Tyres",
            "Neutralised",
        )
        rows = tuple(
            (
                s.driver,
                s.full_name,
                s.lap,
                fmt_ms(s.pit_lane_ms, 1),
                format_laptime(s.in_lap_ms),
                format_laptime(s.out_lap_ms),
                fmt_ms(s.loss_ms, 1),
                f"{s.compound_before or '?'} -> {s.compound_after or '?'}",
                s.neutralised or "",
            )
            for s in self.stops
        )
        return Table(columns=columns, rows=rows)


def plausible_stops(result: PitStops) -> list[PitStop]:
    """The stops with a pit-lane time that is not a timing glitch.

    Every car crawls the same pit lane at the same limit, so a time far below the median
    is a timing glitch (2018 Baku: one 15.0 s among 19.6 s), not a record.
    """
    timed = [s.pit_lane_ms for s in result.stops if s.pit_lane_ms is not None]
    floor = PLAUSIBLE_PIT_LANE_SHARE * statistics.median(timed) if timed else 0.0
    return [s for s in result.stops if s.pit_lane_ms is not None and s.pit_lane_ms >= floor]


def pit_stops(session: Session) -> PitStops:
    """Each pit stop with its pit-lane time and estimated loss against the driver's pace.

    A pit-in lap with no out-lap after it (retirement, chequered flag) is excluded.
    """
    codes = select_drivers(session, None)
    stops: list[PitStop] = []
    excluded: list[ExcludedLap] = []
    floors = plausibility_floors(session)
    for code, laps in laps_by_driver(session, codes).items():
        clean, _ = split_clean(laps, floors.get(code))
        median = statistics.median(lap.time_ms or 0 for lap in clean) if clean else None
        pairs = stop_laps(laps)
        paired = {in_lap.number for in_lap, _ in pairs}
        excluded.extend(
            ExcludedLap(code, lap.number, "pit in with no out lap after it")
            for lap in laps
            if lap.pit_in and lap.number not in paired
        )
        for in_lap, out_lap in pairs:
            lane = None
            if in_lap.pit_in_at_ms is not None and out_lap.pit_out_at_ms is not None:
                lane = out_lap.pit_out_at_ms - in_lap.pit_in_at_ms
            loss = None
            if median is not None and in_lap.time_ms is not None and out_lap.time_ms is not None:
                loss = in_lap.time_ms + out_lap.time_ms - 2 * float(median)
            stops.append(
                PitStop(
                    driver=code,
                    full_name=full_name(session, code),
                    lap=in_lap.number,
                    pit_lane_ms=lane,
                    in_lap_ms=in_lap.time_ms,
                    out_lap_ms=out_lap.time_ms,
                    median_clean_ms=None if median is None else float(median),
                    loss_ms=loss,
                    compound_before=in_lap.compound,
                    compound_after=out_lap.compound,
                    neutralised=neutralised_reason(in_lap) or neutralised_reason(out_lap),
                )
            )
    stops.sort(key=lambda s: (s.lap, s.driver))
    return PitStops(
        session=session.title,
        stops=tuple(stops),
        excluded=sort_excluded(excluded),
        liveries=session_liveries(session),
    )
