"""Paragraph, table and chart for a session query's analysis result.

The paragraph leads with the fact asked for, names drivers as "Full Name (CODE)" and
the session in full; the table is the result's own ``table()``; the chart is the one
picture that fits the result (``f1core.answers.charts``). Pure: the session is passed
in only to name drivers and to draw points the result does not keep (weather samples,
degradation laps).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from f1core.analysis.catalog import AnalysisResult
from f1core.analysis.classification import Classification, ClassificationEntry
from f1core.analysis.fastest import BestLaps
from f1core.analysis.long_runs import LongRuns
from f1core.analysis.pace import RacePace
from f1core.analysis.pit_stops import PitStops
from f1core.analysis.positions import Gaps, GridVsFinish, Positions
from f1core.analysis.sectors import SectorComparison, SpeedTraps, TheoreticalBest
from f1core.analysis.strategy import Strategy, TyreDegradation
from f1core.analysis.teammates import Teammates
from f1core.analysis.weather import Weather
from f1core.answers import charts
from f1core.domain.session import Session
from f1core.domain.timefmt import format_laptime
from f1core.kinds.base import SessionQuery
from f1core.kinds.fastest_lap import best_lap_gap_chart

Spec = dict[str, Any]


def session_paragraph(query: SessionQuery, result: AnalysisResult, session: Session) -> str:
    """One paragraph answering ``query`` from ``result``, drivers named in full."""
    focus = tuple(code.upper() for code in query.drivers)
    if isinstance(result, Classification):
        text = _classification_text(result, session, focus)
    elif isinstance(result, BestLaps):
        text = _best_laps_text(result)
    elif isinstance(result, RacePace):
        text = _pace_text(result)
    elif isinstance(result, GridVsFinish) and focus:
        text = _grid_focus_text(result, focus)
    elif isinstance(result, Strategy) and focus:
        text = _strategy_focus_text(result, focus)
    else:
        text = result.summary()
    return name_drivers(text, session)


def session_chart(result: AnalysisResult, session: Session, query: SessionQuery) -> Spec | None:
    """The chart that fits ``result``, or None when a picture would add nothing."""
    draw = _CHARTS.get(type(result))
    if draw is None:
        return None
    return draw(result, session, query)


# --- driver names ---------------------------------------------------------------------------

_CODE_THEN_NAME = re.compile(r"\b([A-Z]{3}) \(([^()]+)\)")


def name_drivers(text: str, session: Session) -> str:
    """Write each driver of ``session`` as "Full Name (CODE)" on first mention.

    Analyses write "NOR (Lando Norris)"; people read the name first. Later mentions of a
    driver keep the bare code, which is short and unambiguous once introduced.
    """
    names = {d.code: d.full_name for d in session.drivers if d.full_name}
    seen: set[str] = set()

    def flip(match: re.Match[str]) -> str:
        code, name = match.group(1), match.group(2)
        if code not in names or code in seen:
            return match.group(0) if code not in names else code
        seen.add(code)
        return f"{name} ({code})"

    text = _CODE_THEN_NAME.sub(flip, text)

    def introduce(match: re.Match[str]) -> str:
        code = match.group(0)
        if code not in names or code in seen:
            return code
        seen.add(code)
        return f"{names[code]} ({code})"

    return re.sub(r"(?<!\()\b[A-Z]{3}\b(?!\))", introduce, text)


# --- paragraphs -----------------------------------------------------------------------------


def _secs(ms: float) -> str:
    return f"{abs(ms) / 1000:.3f} s"


def _pos(entry: ClassificationEntry) -> str:
    return f"P{entry.position}" if entry.position is not None else entry.classified or "-"


def _classification_text(result: Classification, session: Session, focus: Sequence[str]) -> str:
    rows = result.rows
    if not rows:
        return result.summary()
    first = rows[0]
    parts: list[str] = []
    if result.qualifying:
        best = first.best_qualifying_ms
        text = f"{first.driver} ({first.full_name}) took pole in the {result.session}"
        if best is not None:
            text += f" with {format_laptime(best)}"
            second = rows[1] if len(rows) > 1 else None
            if second is not None and second.best_qualifying_ms is not None:
                gap = second.best_qualifying_ms - best
                text += f", {_secs(gap)} ahead of {second.driver}"
        parts.append(text + ".")
    else:
        text = f"{first.driver} ({first.full_name}) won the {result.session}"
        if first.grid:
            text += f" from P{first.grid} on the grid"
        if len(rows) > 1 and rows[1].gap_ms is not None:
            text += f", {_secs(rows[1].gap_ms)} ahead of {rows[1].driver}"
        elif len(rows) > 1:
            text += f", ahead of {rows[1].driver}"
        text += "."
        if len(rows) > 2:
            text += f" {rows[2].driver} completed the podium."
        parts.append(text)
    by_code = {r.driver: r for r in rows}
    for code in focus:
        row = by_code.get(code)
        if row is None or row is first:
            continue
        verb = "qualified" if result.qualifying else "finished"
        detail = ""
        if result.qualifying and row.best_qualifying_ms is not None:
            detail = f" with {format_laptime(row.best_qualifying_ms)}"
        elif not result.qualifying and row.status and not row.classified.isdigit():
            detail = f" ({row.status})"
        parts.append(f"{code} {verb} {_pos(row)}{detail}.")
    return " ".join(parts)


def _best_laps_text(result: BestLaps) -> str:
    if not result.rows:
        return result.summary()
    first = result.rows[0]
    text = (
        f"{first.driver} ({first.full_name}) set the best lap of the {result.session}, "
        f"{format_laptime(first.time_ms)}"
    )
    behind = [f"{r.driver} {_secs(r.gap_ms)} slower" for r in result.rows[1:3]]
    if behind:
        text += "; " + (", ".join(behind))
    return text + "."


def _pace_text(result: RacePace) -> str:
    if not result.drivers:
        return result.summary()
    top = result.drivers[0]
    text = (
        f"{top.key} ({top.name}) had the best race pace in the {result.session}: median "
        f"clean lap {format_laptime(round(top.stats.median_ms))} over {top.stats.laps} laps"
    )
    for row in result.drivers[1:3]:
        text += (
            f"; {row.key} {format_laptime(round(row.stats.median_ms))} "
            f"({_secs(row.gap_ms)} a lap slower, {row.stats.laps} laps)"
        )
    if result.fuel_correction_s_per_lap is not None:
        text += f", fuel-corrected by {result.fuel_correction_s_per_lap:g} s per lap"
    return text + "."


def _grid_focus_text(result: GridVsFinish, focus: Sequence[str]) -> str:
    parts = []
    for row in result.rows:
        if row.driver not in focus:
            continue
        grid = "the pit lane" if row.grid == 0 else f"P{row.grid}" if row.grid else "no grid slot"
        finish = f"P{row.finish}" if row.finish is not None else row.status
        change = f" ({row.gained:+d})" if row.gained is not None else ""
        parts.append(f"{row.driver} went from {grid} to {finish}{change}")
    if not parts:
        return result.summary()
    return f"In the {result.session}, " + "; ".join(parts) + "."


def _strategy_focus_text(result: Strategy, focus: Sequence[str]) -> str:
    parts = []
    for d in result.drivers:
        if d.driver not in focus:
            continue
        stints = ", ".join(
            f"{(s.compound or 'unknown').lower()} laps {s.first_lap}-{s.last_lap}" for s in d.stints
        )
        stops = (
            "no stop"
            if d.pit_stops == 0
            else f"{d.pit_stops} stop" + ("" if d.pit_stops == 1 else "s")
        )
        parts.append(f"{d.driver} made {stops}: {stints}")
    if not parts:
        return result.summary()
    return f"In the {result.session}, " + "; ".join(parts) + "."


# --- charts ---------------------------------------------------------------------------------


def _best_laps_chart(result: Any, session: Session, query: SessionQuery) -> Spec | None:
    assert isinstance(result, BestLaps)
    return best_lap_gap_chart(session.title, result.rows)


def _classification_chart(result: Any, session: Session, query: SessionQuery) -> Spec | None:
    assert isinstance(result, Classification)
    if result.qualifying:
        timed = [r for r in result.rows if r.best_qualifying_ms is not None]
        if len(timed) < 2:
            return None
        pole = min(r.best_qualifying_ms or 0 for r in timed)
        values = [
            {
                "driver": r.driver,
                "name": r.full_name,
                "gap_s": charts.seconds((r.best_qualifying_ms or 0) - pole),
                "time": format_laptime(r.best_qualifying_ms),
            }
            for r in timed
        ]
        return charts.bar(
            f"Qualifying gap to pole, {session.title}",
            values,
            category="driver",
            value="gap_s",
            value_title="Gap to pole (s)",
            tooltip=("name", "time"),
        )
    gaps = [r for r in result.rows if r.gap_ms is not None or r is result.rows[0]]
    if len(gaps) < 2:
        return None
    values = [
        {"driver": r.driver, "name": r.full_name, "gap_s": charts.seconds(r.gap_ms or 0)}
        for r in gaps
    ]
    return charts.bar(
        f"Gap to the winner at the flag, {session.title}",
        values,
        category="driver",
        value="gap_s",
        value_title="Gap to winner (s)",
        tooltip=("name",),
    )


def _pace_chart(result: Any, session: Session, query: SessionQuery) -> Spec | None:
    assert isinstance(result, RacePace)
    if not result.drivers:
        return None
    values = [
        {
            "driver": r.key,
            "name": r.name,
            "median_s": charts.seconds(r.stats.median_ms),
            "iqr_s": charts.seconds(r.stats.iqr_ms),
            "laps": r.stats.laps,
        }
        for r in result.drivers
    ]
    return charts.bar(
        f"Median clean lap, {session.title}",
        values,
        category="driver",
        value="median_s",
        value_title="Median clean lap (s)",
        zero=False,
        tooltip=("name", "iqr_s", "laps"),
    )


def _strategy_chart(result: Any, session: Session, query: SessionQuery) -> Spec | None:
    assert isinstance(result, Strategy)
    focus = {c.upper() for c in query.drivers}
    values = [
        {
            "driver": d.driver,
            "stint": s.number,
            "compound": s.compound or "UNKNOWN",
            "first_lap": s.first_lap,
            "last_lap": s.last_lap,
            "laps": s.laps,
            # a stint of laps 1-22 covers the span from 1 to 23 on a lap axis
            "start": s.first_lap,
            "end": s.last_lap + 1,
        }
        for d in result.drivers
        if not focus or d.driver in focus
        for s in d.stints
    ]
    if not values:
        return None
    order = [d.driver for d in result.drivers if not focus or d.driver in focus]
    return charts.stint_bars(f"Stints, {session.title}", values, order, year=query.year)


def _positions_chart(result: Any, session: Session, query: SessionQuery) -> Spec | None:
    assert isinstance(result, Positions)
    values = [
        {"lap": lap.lap, "driver": code, "position": i + 1}
        for lap in result.laps
        for i, code in enumerate(lap.order)
    ]
    if not values:
        return None
    return charts.lines(
        f"Position by lap, {session.title}",
        values,
        x="lap",
        y="position",
        group="driver",
        x_title="Lap",
        y_title="Position",
        reverse_y=True,
        zero=False,
    )


def _gaps_chart(result: Any, session: Session, query: SessionQuery) -> Spec | None:
    assert isinstance(result, Gaps)
    values = [
        {"lap": r.lap, "driver": r.driver, "gap_s": charts.seconds(r.gap_ms)} for r in result.rows
    ]
    if not values:
        return None
    return charts.lines(
        f"Gap to the leader (race trace), {session.title}",
        values,
        x="lap",
        y="gap_s",
        group="driver",
        x_title="Lap",
        y_title="Gap to leader (s)",
    )


def _degradation_chart(result: Any, session: Session, query: SessionQuery) -> Spec | None:
    assert isinstance(result, TyreDegradation)
    if not result.stints:
        return None
    left_out = {(e.driver, e.lap) for e in result.excluded}
    points: list[dict[str, Any]] = []
    fits: list[dict[str, Any]] = []
    for s in result.stints:
        label = f"{s.driver} {s.stint} {s.compound or '?'}"
        lives: list[int] = []
        for lap in session.laps_of(s.driver):
            if not s.first_lap <= lap.number <= s.last_lap or (s.driver, lap.number) in left_out:
                continue
            if lap.time_ms is None or lap.tyre_life is None:
                continue
            lives.append(lap.tyre_life)
            points.append(
                {
                    "stint": label,
                    "lap": lap.number,
                    "tyre_life": lap.tyre_life,
                    "time_s": charts.seconds(lap.time_ms),
                }
            )
        if lives:
            for life in (min(lives), max(lives)):
                fitted_ms = s.intercept_ms + s.slope_s_per_lap * 1000 * life
                fits.append(
                    {"stint": label, "tyre_life": life, "time_s": charts.seconds(fitted_ms)}
                )
    if not points:
        return None
    return charts.scatter_with_fits(
        f"Lap time against tyre life, {session.title}",
        points,
        fits,
        x_title="Tyre life (laps)",
        y_title="Lap time (s)",
    )


def _weather_chart(result: Any, session: Session, query: SessionQuery) -> Spec | None:
    samples = sorted(session.weather, key=lambda w: w.at_ms)
    if not samples:
        return None
    values = [
        {"minute": round(w.at_ms / 60_000, 2), "measure": measure, "celsius": temp}
        for w in samples
        for measure, temp in (("air", w.air_temp), ("track", w.track_temp))
    ]
    return charts.lines(
        f"Air and track temperature, {session.title}",
        values,
        x="minute",
        y="celsius",
        group="measure",
        x_title="Minutes into the session",
        y_title="Temperature (°C)",
        zero=False,
    )


def _simple_bar(
    title: str,
    value: str,
    value_title: str,
    rows: Callable[[Any], list[dict[str, Any]]],
    *,
    zero: bool = True,
) -> Callable[[Any, Session, SessionQuery], Spec | None]:
    def draw(result: Any, session: Session, query: SessionQuery) -> Spec | None:
        values = [r for r in rows(result) if r.get(value) is not None]
        if len(values) < 2:
            return None
        return charts.bar(
            f"{title}, {session.title}",
            values,
            category="driver",
            value=value,
            value_title=value_title,
            zero=zero,
        )

    return draw


def _sector_chart(result: Any, session: Session, query: SessionQuery) -> Spec | None:
    assert isinstance(result, SectorComparison)
    values = [
        {"driver": r.driver, "sector": f"S{i + 1}", "gap_s": charts.seconds(gap)}
        for r in result.rows
        for i, gap in enumerate(r.gap_ms)
        if gap is not None
    ]
    if not values:
        return None
    return charts.grouped_bar(
        f"Gap to the best sector, {session.title}",
        values,
        category="driver",
        group="sector",
        value="gap_s",
        value_title="Gap (s)",
        category_title="Driver",
    )


_CHARTS: dict[type, Callable[[Any, Session, SessionQuery], Spec | None]] = {
    Classification: _classification_chart,
    BestLaps: _best_laps_chart,
    RacePace: _pace_chart,
    Strategy: _strategy_chart,
    Positions: _positions_chart,
    Gaps: _gaps_chart,
    TyreDegradation: _degradation_chart,
    Weather: _weather_chart,
    SectorComparison: _sector_chart,
    TheoreticalBest: _simple_bar(
        "Time lost to the theoretical best",
        "lost_s",
        "Lost (s)",
        lambda r: [{"driver": x.driver, "lost_s": charts.seconds(x.lost_ms)} for x in r.rows],
    ),
    SpeedTraps: _simple_bar(
        "Top speed at the speed trap",
        "speed_kmh",
        "km/h",
        lambda r: [{"driver": x.driver, "speed_kmh": x.speed_st} for x in r.rows],
        zero=False,
    ),
    GridVsFinish: _simple_bar(
        "Places gained from the grid",
        "gained",
        "Places gained",
        lambda r: [{"driver": x.driver, "gained": x.gained} for x in r.rows],
    ),
    Teammates: _simple_bar(
        "One-lap gap between teammates",
        "gap_s",
        "Gap (s)",
        lambda r: [
            {"driver": f"{p.driver_a}/{p.driver_b}", "gap_s": charts.seconds(p.one_lap_gap_ms)}
            for p in r.pairs
        ],
    ),
    PitStops: _simple_bar(
        "Pit-lane time per stop",
        "pit_lane_s",
        "Pit lane (s)",
        lambda r: [
            {"driver": f"{s.driver} L{s.lap}", "pit_lane_s": charts.seconds(s.pit_lane_ms)}
            for s in r.stops
        ],
    ),
    LongRuns: _simple_bar(
        "Long-run median lap",
        "median_s",
        "Median lap (s)",
        lambda r: [
            {
                "driver": f"{x.driver} {x.compound or '?'} L{x.first_lap}",
                "median_s": charts.seconds(x.median_ms),
            }
            for x in r.runs
        ],
        zero=False,
    ),
}
