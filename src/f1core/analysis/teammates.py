"""Teammate comparisons: one-lap gap and race-pace delta within each team."""

from __future__ import annotations

from itertools import combinations

import msgspec

from f1core.analysis.laps import (
    best_valid_ms,
    driver_names,
    laps_by_driver,
    plausibility_floors,
    select_drivers,
    sort_excluded,
    split_clean,
    split_valid,
    team_of,
)
from f1core.analysis.stats import spread
from f1core.domain.session import Session
from f1core.domain.table import ExcludedLap, Table
from f1core.domain.team_colours import DriverLivery, session_liveries
from f1core.domain.timefmt import format_gap, format_laptime


class TeammatePair(msgspec.Struct, frozen=True, gc=False):
    """Two teammates; ``driver_a`` was the faster over one lap (when both set one).

    ``one_lap_gap_ms`` = B's best valid lap - A's (never negative). ``pace_delta_ms`` =
    B's median clean lap - A's, in race-like sessions only (negative: B was faster on pace).
    """

    team: str
    driver_a: str
    driver_b: str
    best_a_ms: int | None
    best_b_ms: int | None
    one_lap_gap_ms: int | None
    pace_a_ms: float | None
    pace_b_ms: float | None
    pace_delta_ms: float | None


class Teammates(msgspec.Struct, frozen=True, gc=False):
    """Every team's drivers compared, largest one-lap gap first.

    ``excluded`` lists the laps left out of the pace comparison in race-like sessions and
    of the one-lap comparison elsewhere.
    """

    session: str
    pairs: tuple[TeammatePair, ...]
    with_pace: bool
    excluded: tuple[ExcludedLap, ...]
    names: tuple[tuple[str, str], ...] = ()
    """(code, full name) of every driver in the session, for the paragraph."""
    liveries: tuple[DriverLivery, ...] = ()
    """Each driver's team colour and teammate place, for the chart."""

    def table(self) -> Table:
        """Team, the two drivers, their best laps and gap; pace medians and delta in races."""
        columns: tuple[str, ...] = ("Team", "A", "B", "Best A", "Best B", "Gap")
        if self.with_pace:
            columns += ("Pace A", "Pace B", "Pace delta")
        rows = []
        for p in self.pairs:
            row: tuple[str, ...] = (
                p.team,
                p.driver_a,
                p.driver_b,
                format_laptime(p.best_a_ms),
                format_laptime(p.best_b_ms),
                format_gap(p.one_lap_gap_ms),
            )
            if self.with_pace:
                row += (
                    format_laptime(_round(p.pace_a_ms)),
                    format_laptime(_round(p.pace_b_ms)),
                    format_gap(_round(p.pace_delta_ms)),
                )
            rows.append(row)
        return Table(columns=columns, rows=tuple(rows))


def teammates(session: Session) -> Teammates:
    """Per team, the gap between teammates' best valid laps and, in races and sprints,
    between their median clean laps.

    A team that ran more than two drivers (practice stand-ins) gets one row per pair.
    """
    codes = select_drivers(session, None)
    with_pace = session.ref.kind.is_race_like
    bests: dict[str, int | None] = {}
    paces: dict[str, float | None] = {}
    excluded: list[ExcludedLap] = []
    floors = plausibility_floors(session)
    for code, laps in laps_by_driver(session, codes).items():
        bests[code] = best_valid_ms(laps, floors.get(code))
        paces[code] = None
        if with_pace:
            clean, left_out = split_clean(laps, floors.get(code))
            excluded.extend(left_out)
            if clean:
                paces[code] = spread([float(lap.time_ms or 0) for lap in clean]).median_ms
        else:
            excluded.extend(split_valid(laps, floors)[1])
    teams: dict[str, list[str]] = {}
    for code in codes:
        team = team_of(session, code)
        if team:
            teams.setdefault(team, []).append(code)
    pairs = [
        _pair(team, x, y, bests, paces)
        for team, members in teams.items()
        for x, y in combinations(members, 2)
    ]
    pairs.sort(key=lambda p: (p.one_lap_gap_ms is None, -(p.one_lap_gap_ms or 0), p.team))
    return Teammates(
        session=session.title,
        pairs=tuple(pairs),
        with_pace=with_pace,
        excluded=sort_excluded(excluded),
        names=driver_names(session),
        liveries=session_liveries(session),
    )


def _pair(
    team: str,
    x: str,
    y: str,
    bests: dict[str, int | None],
    paces: dict[str, float | None],
) -> TeammatePair:
    bx, by = bests[x], bests[y]
    # Name the faster driver first so the gap reads as a margin, never a negative number.
    if bx is None or (by is not None and by < bx):
        x, y, bx, by = y, x, by, bx
    px, py = paces[x], paces[y]
    return TeammatePair(
        team=team,
        driver_a=x,
        driver_b=y,
        best_a_ms=bx,
        best_b_ms=by,
        one_lap_gap_ms=None if bx is None or by is None else by - bx,
        pace_a_ms=px,
        pace_b_ms=py,
        pace_delta_ms=None if px is None or py is None else py - px,
    )


def _round(value: float | None) -> int | None:
    return None if value is None else round(value)
