"""Tyre strategy: stints and pit stops per driver, and tyre degradation per stint."""

from __future__ import annotations

from collections import Counter
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
from f1core.analysis.stats import fmt_float, linear_fit
from f1core.domain.session import Lap, Session
from f1core.domain.table import ExcludedLap, Table

MIN_DEGRADATION_LAPS = 4


def split_stints(laps: Sequence[Lap]) -> list[list[Lap]]:
    """Partition one driver's laps (in lap order) into stints; every lap in exactly one.

    FastF1's stint number leads. Laps without one (lap 1 of older seasons has none) join the
    stint after them when they start a stint (pit out, or after a pit in) or open the
    session, and the stint before them otherwise. Without any stint numbers, a stint ends
    at each pit stop.
    """
    ordered = sorted(laps, key=lambda lap: lap.number)
    if not ordered:
        return []
    if all(lap.stint is None for lap in ordered):
        keys = _keys_from_pits(ordered)
    else:
        keys = _keys_from_stints(ordered)
    stints: list[list[Lap]] = []
    previous: int | None = None
    for lap, key in zip(ordered, keys, strict=True):
        if not stints or key != previous:
            stints.append([])
        stints[-1].append(lap)
        previous = key
    return stints


def _keys_from_pits(ordered: list[Lap]) -> list[int]:
    keys: list[int] = []
    key = 1
    for i, lap in enumerate(ordered):
        if i > 0 and (lap.pit_out or ordered[i - 1].pit_in):
            key += 1
        keys.append(key)
    return keys


def _keys_from_stints(ordered: list[Lap]) -> list[int]:
    keys: list[int | None] = [lap.stint for lap in ordered]
    for i, lap in enumerate(ordered):
        if keys[i] is not None:
            continue
        starts_stint = i == 0 or lap.pit_out or ordered[i - 1].pit_in
        later = next((k for k in keys[i + 1 :] if k is not None), None)
        earlier = keys[i - 1] if i > 0 else None
        keys[i] = (later if later is not None else earlier) if starts_stint else earlier
        if keys[i] is None:
            keys[i] = later
    return [k if k is not None else 0 for k in keys]


def stop_laps(laps: Sequence[Lap]) -> list[tuple[Lap, Lap]]:
    """Pit stops as (in lap, out lap) pairs: a pit-in lap followed by the next lap's pit out.

    A pit-in with no lap after it (retirement, end of session) is not a stop.
    """
    by_number = {lap.number: lap for lap in laps}
    pairs: list[tuple[Lap, Lap]] = []
    for lap in sorted(laps, key=lambda lap: lap.number):
        if not lap.pit_in:
            continue
        out = by_number.get(lap.number + 1)
        if out is not None and out.pit_out:
            pairs.append((lap, out))
    return pairs


class Stint(msgspec.Struct, frozen=True, gc=False):
    """One stint: laps on one set of tyres.

    ``tyre_age_at_start`` is how many laps the set had done before the stint (0 = new),
    from FastF1's TyreLife, which counts the laps on the set including the current one.
    """

    number: int
    compound: str | None
    first_lap: int
    last_lap: int
    laps: int
    tyre_age_at_start: int | None


class DriverStrategy(msgspec.Struct, frozen=True, gc=False):
    """A driver's stints in order and how many pit stops joined them."""

    driver: str
    full_name: str
    team: str
    stints: tuple[Stint, ...]
    pit_stops: int


class Strategy(msgspec.Struct, frozen=True, gc=False):
    """Every driver's stints and stop count, in classification order."""

    session: str
    race: bool
    drivers: tuple[DriverStrategy, ...]
    excluded: tuple[ExcludedLap, ...] = ()

    def table(self) -> Table:
        """One row per driver: stop count and stints as "SOFT 1-22 (22)"."""
        columns = ("Driver", "Name", "Team", "Stops", "Stints")
        rows = tuple(
            (
                d.driver,
                d.full_name,
                d.team,
                d.pit_stops,
                ", ".join(
                    f"{s.compound or '?'} {s.first_lap}-{s.last_lap} ({s.laps})" for s in d.stints
                ),
            )
            for d in self.drivers
        )
        return Table(columns=columns, rows=rows)


def stints(session: Session) -> Strategy:
    """Each driver's stints (compound, laps, tyre age at the start) and pit-stop count."""
    order = _classification_order(session)
    codes = sorted(select_drivers(session, None), key=lambda c: order.get(c, len(order)))
    rows: list[DriverStrategy] = []
    for code, laps in laps_by_driver(session, codes).items():
        if not laps:
            continue
        groups = split_stints(laps)
        rows.append(
            DriverStrategy(
                driver=code,
                full_name=full_name(session, code),
                team=team_of(session, code),
                stints=tuple(_stint(group, i + 1) for i, group in enumerate(groups)),
                pit_stops=len(stop_laps(laps)),
            )
        )
    return Strategy(session=session.title, race=session.ref.kind.is_race_like, drivers=tuple(rows))


def _stint(group: list[Lap], ordinal: int) -> Stint:
    compounds = Counter(lap.compound for lap in group if lap.compound)
    first = group[0]
    aged = next((lap for lap in group if lap.tyre_life is not None), None)
    age: int | None = None
    if aged is not None and aged.tyre_life is not None:
        age = max(aged.tyre_life - (aged.number - first.number) - 1, 0)
    number = next((lap.stint for lap in group if lap.stint is not None), ordinal)
    return Stint(
        number=number,
        compound=compounds.most_common(1)[0][0] if compounds else None,
        first_lap=first.number,
        last_lap=group[-1].number,
        laps=len(group),
        tyre_age_at_start=age,
    )


def _classification_order(session: Session) -> dict[str, int]:
    ranked = sorted(
        (r for r in session.results if r.position is not None), key=lambda r: r.position or 0
    )
    return {r.driver: i for i, r in enumerate(ranked)}


def _stops(n: int) -> str:
    return "no stop" if n == 0 else f"{n} stop" + ("" if n == 1 else "s")


class DegradationPoint(msgspec.Struct, frozen=True, gc=False):
    """One fitted lap: its number, the tyre's age and the lap time as timed."""

    lap: int
    tyre_life: int
    time_ms: int


class StintDegradation(msgspec.Struct, frozen=True, gc=False):
    """Least-squares fit of clean lap time against tyre life over one stint."""

    driver: str
    full_name: str
    stint: int
    compound: str | None
    first_lap: int
    last_lap: int
    laps: int
    slope_s_per_lap: float
    intercept_ms: float
    r2: float
    points: tuple[DegradationPoint, ...] = ()
    """The laps fitted, as raw lap times, for the chart."""


class SkippedStint(msgspec.Struct, frozen=True, gc=False):
    """A stint with no degradation fit, and why."""

    driver: str
    stint: int
    compound: str | None
    reason: str


class TyreDegradation(msgspec.Struct, frozen=True, gc=False):
    """Degradation slopes per stint, steepest first, and the stints that could not be fitted."""

    session: str
    stints: tuple[StintDegradation, ...]
    skipped: tuple[SkippedStint, ...]
    excluded: tuple[ExcludedLap, ...]
    fuel_correction_s_per_lap: float | None = None

    def table(self) -> Table:
        """Per stint: compound, laps fitted, slope (s per lap of tyre life) and r²."""
        columns = ("Driver", "Name", "Stint", "Compound", "Laps", "From", "To", "Slope s/lap", "r²")
        rows = tuple(
            (
                s.driver,
                s.full_name,
                s.stint,
                s.compound or "-",
                s.laps,
                s.first_lap,
                s.last_lap,
                f"{s.slope_s_per_lap:+.3f}",
                fmt_float(s.r2, 2),
            )
            for s in self.stints
        )
        return Table(columns=columns, rows=rows)


def tyre_degradation(
    session: Session,
    drivers: Sequence[str] | None = None,
    fuel_correction_s_per_lap: float | None = None,
) -> TyreDegradation:
    """Per stint, the least-squares slope of clean lap time (s) against tyre life (laps).

    Needs at least 4 clean laps with a tyre life in the stint; other stints are listed in
    ``skipped`` with the reason. Without a fuel correction the slopes include fuel
    burn-off, which hides wear (often enough to make them negative in a race).
    """
    fuel = FuelCorrection(session, fuel_correction_s_per_lap)
    codes = select_drivers(session, drivers)
    fitted: list[StintDegradation] = []
    skipped: list[SkippedStint] = []
    excluded: list[ExcludedLap] = []
    floors = plausibility_floors(session)
    for code, laps in laps_by_driver(session, codes).items():
        clean, left_out = split_clean(laps, floors.get(code))
        excluded.extend(left_out)
        clean_numbers = {lap.number for lap in clean}
        for i, group in enumerate(split_stints(laps)):
            info = _stint(group, i + 1)
            usable: list[Lap] = []
            for lap in group:
                if lap.number not in clean_numbers:
                    continue
                if lap.tyre_life is None:
                    excluded.append(ExcludedLap(code, lap.number, "no tyre life"))
                else:
                    usable.append(lap)
            if len(usable) < MIN_DEGRADATION_LAPS:
                skipped.append(
                    SkippedStint(
                        code,
                        info.number,
                        info.compound,
                        f"only {len(usable)} clean laps (need {MIN_DEGRADATION_LAPS})",
                    )
                )
                continue
            fit = linear_fit(
                [float(lap.tyre_life or 0) for lap in usable],
                [fuel.time_ms(lap) for lap in usable],
            )
            if fit is None:
                skipped.append(
                    SkippedStint(code, info.number, info.compound, "tyre life does not vary")
                )
                continue
            fitted.append(
                StintDegradation(
                    driver=code,
                    full_name=full_name(session, code),
                    stint=info.number,
                    compound=info.compound,
                    first_lap=usable[0].number,
                    last_lap=usable[-1].number,
                    laps=len(usable),
                    slope_s_per_lap=fit.slope / 1000,
                    intercept_ms=fit.intercept,
                    r2=fit.r2,
                    # the times the line was fitted to: fuel-corrected when asked
                    points=tuple(
                        DegradationPoint(lap.number, lap.tyre_life or 0, round(fuel.time_ms(lap)))
                        for lap in usable
                    ),
                )
            )
    fitted.sort(key=lambda s: (-s.slope_s_per_lap, s.driver, s.stint))
    return TyreDegradation(
        session=session.title,
        stints=tuple(fitted),
        skipped=tuple(skipped),
        excluded=sort_excluded(excluded),
        fuel_correction_s_per_lap=fuel.s_per_lap,
    )
