"""Practice long runs: pace and degradation of race-simulation stints."""

from __future__ import annotations

import statistics
from collections import Counter

import msgspec

from f1core.analysis.laps import (
    SLOW_LAP_FACTOR,
    full_name,
    laps_by_driver,
    plausibility_floors,
    select_drivers,
    sort_excluded,
    structural_reason,
)
from f1core.analysis.stats import linear_fit, spread
from f1core.analysis.strategy import split_stints
from f1core.domain.session import Lap, Session
from f1core.domain.table import ExcludedLap, Table
from f1core.domain.timefmt import format_laptime

MIN_RUN_LAPS = 5
OVER_RUN_MEDIAN = "over 107% of run median"
SHORT_RUN = f"run shorter than {MIN_RUN_LAPS} laps"


class LongRun(msgspec.Struct, frozen=True, gc=False):
    """Five or more consecutive clean laps in one stint.

    The slope is against tyre life when every lap has one, else against lap number (the
    same thing within one stint); it includes fuel burn-off.
    """

    driver: str
    full_name: str
    stint: int
    compound: str | None
    first_lap: int
    last_lap: int
    laps: int
    median_ms: float
    mean_ms: float
    slope_s_per_lap: float
    r2: float


class CompoundRuns(msgspec.Struct, frozen=True, gc=False):
    """The long runs on one compound: median of run medians and mean slope."""

    compound: str
    runs: int
    drivers: int
    median_ms: float
    mean_slope_s_per_lap: float


class LongRuns(msgspec.Struct, frozen=True, gc=False):
    """Every long run, quickest median first, and a summary per compound."""

    session: str
    runs: tuple[LongRun, ...]
    compounds: tuple[CompoundRuns, ...]
    excluded: tuple[ExcludedLap, ...]

    def table(self) -> Table:
        """One row per run: driver, compound, laps, median, mean and slope."""
        columns = (
            "Driver",
            "Name",
            "Stint",
            "Compound",
            "Laps",
            "From",
            "To",
            "Median",
            "Mean",
            "Slope s/lap",
        )
        rows = tuple(
            (
                r.driver,
                r.full_name,
                r.stint,
                r.compound or "-",
                r.laps,
                r.first_lap,
                r.last_lap,
                format_laptime(round(r.median_ms)),
                format_laptime(round(r.mean_ms)),
                f"{r.slope_s_per_lap:+.3f}",
            )
            for r in self.runs
        )
        return Table(columns=columns, rows=rows)


def long_runs(session: Session) -> LongRuns:
    """Practice long runs: 5+ consecutive clean laps within one stint.

    Clean here: timed, not deleted, plausible, not a pit in or out lap, no SC/VSC/red flag,
    and within 107% of the median of its run (a cool-down lap splits a run). The 107% rule
    is against the run, not the driver's best: a practice best is a low-fuel lap.
    """
    codes = select_drivers(session, None)
    runs: list[LongRun] = []
    excluded: list[ExcludedLap] = []
    floors = plausibility_floors(session)
    for code, laps in laps_by_driver(session, codes).items():
        for i, stint_laps in enumerate(split_stints(laps)):
            stint_no = next((lap.stint for lap in stint_laps if lap.stint is not None), i + 1)
            candidates: list[Lap] = []
            for lap in stint_laps:
                reason = structural_reason(lap, race_start=False, floor_ms=floors.get(code))
                if reason is None:
                    candidates.append(lap)
                else:
                    excluded.append(ExcludedLap(code, lap.number, reason))
            for segment in _consecutive(candidates):
                if len(segment) < MIN_RUN_LAPS:
                    excluded.extend(ExcludedLap(code, lap.number, SHORT_RUN) for lap in segment)
                    continue
                limit = statistics.median(lap.time_ms or 0 for lap in segment) * SLOW_LAP_FACTOR
                kept: list[Lap] = []
                for lap in segment:
                    if (lap.time_ms or 0) > limit:
                        excluded.append(ExcludedLap(code, lap.number, OVER_RUN_MEDIAN))
                    else:
                        kept.append(lap)
                for run in _consecutive(kept):
                    if len(run) < MIN_RUN_LAPS:
                        excluded.extend(ExcludedLap(code, lap.number, SHORT_RUN) for lap in run)
                    else:
                        runs.append(_long_run(session, code, stint_no, run))
    runs.sort(key=lambda r: (r.median_ms, r.driver, r.first_lap))
    return LongRuns(
        session=session.title,
        runs=tuple(runs),
        compounds=_per_compound(runs),
        excluded=sort_excluded(excluded),
    )


def _consecutive(laps: list[Lap]) -> list[list[Lap]]:
    segments: list[list[Lap]] = []
    for lap in laps:
        if segments and segments[-1][-1].number == lap.number - 1:
            segments[-1].append(lap)
        else:
            segments.append([lap])
    return segments


def _long_run(session: Session, code: str, stint: int, run: list[Lap]) -> LongRun:
    times = [float(lap.time_ms or 0) for lap in run]
    stats = spread(times)
    fit = None
    if all(lap.tyre_life is not None for lap in run):
        fit = linear_fit([float(lap.tyre_life or 0) for lap in run], times)
    if fit is None:
        fit = linear_fit([float(lap.number) for lap in run], times)
    assert fit is not None  # 5+ distinct lap numbers always fit
    compounds = [lap.compound for lap in run if lap.compound]
    return LongRun(
        driver=code,
        full_name=full_name(session, code),
        stint=stint,
        compound=Counter(compounds).most_common(1)[0][0] if compounds else None,
        first_lap=run[0].number,
        last_lap=run[-1].number,
        laps=len(run),
        median_ms=stats.median_ms,
        mean_ms=stats.mean_ms,
        slope_s_per_lap=fit.slope / 1000,
        r2=fit.r2,
    )


def _per_compound(runs: list[LongRun]) -> tuple[CompoundRuns, ...]:
    grouped: dict[str, list[LongRun]] = {}
    for run in runs:
        grouped.setdefault(run.compound or "UNKNOWN", []).append(run)
    summaries = [
        CompoundRuns(
            compound=compound,
            runs=len(group),
            drivers=len({r.driver for r in group}),
            median_ms=float(statistics.median(r.median_ms for r in group)),
            mean_slope_s_per_lap=statistics.fmean(r.slope_s_per_lap for r in group),
        )
        for compound, group in grouped.items()
    ]
    summaries.sort(key=lambda c: c.median_ms)
    return tuple(summaries)
