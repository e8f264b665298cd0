"""Driver session summary: how one driver's session went ("how was Alonso's qualifying?").

The driver's facts, from the official result where it has them: the classified position
and status, the grid and places gained, points and the gap to the winner in a race; the
part of qualifying reached and its official times. From lap timing: the best lap and where
it ranks, stints and tyres, pit stops, laps run. Then, separately, the session's own facts
(the winner or pole sitter, the fastest lap), so the paragraph never passes one for the
other. In practice, which has no classification, the position is the best-lap ranking.
"""

from __future__ import annotations

import msgspec

from f1core.analysis.fastest import BestLap, best_laps
from f1core.analysis.laps import driver_names
from f1core.analysis.stats import counted
from f1core.analysis.strategy import DriverStrategy, Stint, stints
from f1core.analysis.summary import (
    OUT_OF_THE_RESULT,
    finished,
    out_of_the_result,
    part_time,
    qualifying_part,
    race_distance,
)
from f1core.domain.session import ClassificationRow, Session, SessionKind
from f1core.domain.table import ExcludedLap, Table
from f1core.domain.team_colours import DriverLivery, session_liveries
from f1core.domain.timefmt import format_gap, format_laptime
from f1core.kinds.base import ALL_SESSIONS, SessionQuery, SessionQuestion, Spec
from f1core.kinds.cues import Cue
from f1core.kinds.prose import DriverNames, and_list, points, secs
from f1core.kinds.strategy import stint_chart


class DriverSessionSummaryQuery(
    SessionQuery, frozen=True, kw_only=True, tag="driver-session-summary"
):
    """How the named drivers' session went: result, best lap, tyres, stops."""


class QualifyingTime(msgspec.Struct, frozen=True, gc=False):
    """A driver's official time in one part of qualifying and the part's fastest time."""

    part: str
    time_ms: int | None
    fastest_driver: str
    fastest_ms: int | None


class DriverDay(msgspec.Struct, frozen=True, gc=False):
    """One driver's session. Results fields are None where the session has no result."""

    driver: str
    full_name: str
    team: str
    position: int | None
    classified: str
    status: str
    grid: int | None
    gained: int | None
    points: float | None
    gap_to_winner_ms: int | None
    laps: int
    best: BestLap | None
    best_of: int
    part: str | None
    parts: tuple[QualifyingTime, ...]
    stints: tuple[Stint, ...]
    pit_stops: int


class DriverSessionSummary(msgspec.Struct, frozen=True, gc=False):
    """The asked-about drivers' sessions and the session's own headline facts."""

    session: str
    session_kind: SessionKind
    total_laps: int | None
    drivers: tuple[DriverDay, ...]
    leader: str | None
    """The winner (race), pole sitter (qualifying) or top of the best-lap ranking."""
    leader_time_ms: int | None
    fastest: BestLap | None
    names: tuple[tuple[str, str], ...]
    liveries: tuple[DriverLivery, ...]
    excluded: tuple[ExcludedLap, ...] = ()

    def table(self) -> Table:
        """One row per driver: position, grid, status, best lap and rank, stints, stops."""
        columns = (
            "Driver",
            "Team",
            "Pos",
            "Grid",
            "Gained",
            "Status / part",
            "Best lap",
            "Best lap rank",
            "Gap to fastest",
            "Stints",
            "Stops",
        )
        rows = tuple(
            (
                d.driver,
                d.team,
                d.classified or ("-" if d.position is None else str(d.position)),
                "-" if d.grid is None else ("pit lane" if d.grid == 0 else str(d.grid)),
                "-" if d.gained is None else f"{d.gained:+d}",
                d.part or d.status,
                format_laptime(d.best.time_ms) if d.best else "-",
                f"{d.best.position} of {d.best_of}" if d.best else "-",
                format_gap(d.best.gap_ms) if d.best else "-",
                _stints(d.stints) if self.session_kind.is_race_like else _runs(d.stints),
                d.pit_stops,
            )
            for d in self.drivers
        )
        return Table(columns=columns, rows=rows)


def driver_session_summary(session: Session, codes: tuple[str, ...]) -> DriverSessionSummary:
    """The session of each of ``codes`` (checked drivers of ``session``) and its headline.

    Without codes every driver is summed up, in the official order (practice: best laps).
    """
    kind = session.ref.kind
    ranking = best_laps(session)
    best_by = {r.driver: r for r in ranking.rows}
    if not codes:
        codes = _everyone(session, [r.driver for r in ranking.rows])
    plans: dict[str, DriverStrategy] = {d.driver: d for d in stints(session).drivers}
    results = {r.driver: r for r in session.results}
    timed: dict[str, int] = {}
    for lap in session.laps:
        timed[lap.driver] = timed.get(lap.driver, 0) + 1
    prefix = "SQ" if kind is SessionKind.SPRINT_QUALIFYING else "Q"
    days = []
    for code in codes:
        driver = session.driver(code)
        row = results.get(code) if not kind.is_practice else None
        plan = plans.get(code)
        race = kind.is_race_like and row is not None
        quali = kind.is_qualifying_like and row is not None
        best = best_by.get(code)
        part = qualifying_part(row, prefix) if quali and row is not None else None
        days.append(
            DriverDay(
                driver=code,
                full_name=driver.full_name,
                team=driver.team,
                position=row.position if row else (best.position if best else None),
                classified=row.classified if row else "",
                status=row.status if row else "",
                grid=row.grid if race and row else None,
                gained=_gained(row, len(session.results)) if race and row else None,
                points=row.points if race and row else None,
                gap_to_winner_ms=row.time_ms
                if race and row and row.position != 1 and finished(row)
                else None,
                laps=(row.laps or 0)
                if race and row and row.laps is not None
                else timed.get(code, 0),
                best=best,
                best_of=len(ranking.rows),
                part=part,
                parts=_parts(session.results, row, part) if row and part else (),
                stints=plan.stints if plan else (),
                pit_stops=plan.pit_stops if plan and kind.is_race_like else 0,
            )
        )
    leader, leader_ms = _leader(session, ranking.rows)
    return DriverSessionSummary(
        session=session.title,
        session_kind=kind,
        total_laps=race_distance(session) if kind.is_race_like else None,
        drivers=tuple(days),
        leader=leader,
        leader_time_ms=leader_ms,
        fastest=ranking.rows[0] if ranking.rows else None,
        names=driver_names(session),
        liveries=session_liveries(session),
    )


def _everyone(session: Session, by_best_lap: list[str]) -> tuple[str, ...]:
    entered = [d.code for d in session.drivers]
    if session.ref.kind.is_practice or not session.results:
        ahead = [c for c in by_best_lap if c in entered]
    else:
        ranked = sorted(session.results, key=lambda r: (r.position is None, r.position or 0))
        ahead = [r.driver for r in ranked if r.driver in entered]
    return tuple(dict.fromkeys([*ahead, *entered]))


def _gained(row: ClassificationRow, field: int) -> int | None:
    # As in grid-vs-finish: a pit-lane start (grid 0) starts behind the whole field.
    start = field if row.grid == 0 else row.grid
    if start is None or row.position is None or not row.classified.isdigit():
        return None
    return start - row.position


def _parts(
    results: tuple[ClassificationRow, ...], row: ClassificationRow, reached: str
) -> tuple[QualifyingTime, ...]:
    prefix = reached[:-1]
    out = []
    for n in range(1, int(reached[-1]) + 1):
        part = f"{prefix}{n}"
        times = [(t, r.driver) for r in results if (t := part_time(r, part)) is not None]
        fastest_ms, fastest_driver = min(times) if times else (None, "")
        out.append(QualifyingTime(part, part_time(row, part), fastest_driver, fastest_ms))
    return tuple(out)


def _leader(session: Session, ranking: tuple[BestLap, ...]) -> tuple[str | None, int | None]:
    kind = session.ref.kind
    if kind.is_practice:
        return (ranking[0].driver, ranking[0].time_ms) if ranking else (None, None)
    first = next((r for r in session.results if r.position == 1), None)
    if first is None:
        return None, None
    if kind.is_qualifying_like:
        best = next((t for t in (first.q3_ms, first.q2_ms, first.q1_ms) if t is not None), None)
        return first.driver, best
    return first.driver, first.time_ms


def _compute(session: Session, query: DriverSessionSummaryQuery) -> DriverSessionSummary:
    return driver_session_summary(session, query.drivers)


def _stints(plan: tuple[Stint, ...]) -> str:
    return ", ".join(
        f"{(s.compound or 'unknown').lower()} "
        + (
            f"lap {s.first_lap}"
            if s.first_lap == s.last_lap
            else f"laps {s.first_lap}-{s.last_lap}"
        )
        for s in plan
    )


def _place(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def paragraph(result: DriverSessionSummary, query: DriverSessionSummaryQuery) -> str:
    """Each driver's session in their own sentences, then the session's headline apart."""
    who = DriverNames(result.names)
    kind = result.session_kind
    parts = [f"In the {result.session}:"]
    asked = [d for d in result.drivers if d.driver in query.drivers]
    if not asked:
        headline = _headline(result, who).removeprefix("The session: ") or "no result is recorded."
        return f"{parts[0]} {headline} Name a driver for the story of their session."
    for d in asked:
        if kind.is_race_like:
            parts.append(_race_day(d, result, who))
        elif kind.is_qualifying_like:
            parts.append(_qualifying_day(d, who))
        else:
            parts.append(_practice_day(d, who))
        if not kind.is_qualifying_like:
            # In qualifying the official times above are the laps that count.
            parts.append(_best_lap(d, result, who))
        parts.append(_tyres(d, kind))
    parts.append(_headline(result, who))
    return " ".join(p for p in parts if p)


def _race_day(d: DriverDay, result: DriverSessionSummary, who: DriverNames) -> str:
    start = (
        ""
        if d.grid is None
        else (" from the pit lane" if d.grid == 0 else f" from P{d.grid} on the grid")
    )
    name = who(d.driver)
    if d.position is None and not d.classified:
        return f"{name} has no official result."
    if d.classified in OUT_OF_THE_RESULT:
        return f"{name} started{start} and {out_of_the_result(d.classified, d.status)}."
    row_finished = d.status in ("Finished", "Lapped") or d.status.startswith("+")
    if not row_finished:
        of = f" of {result.total_laps}" if result.total_laps else ""
        text = (
            f"{name} started{start} and did not finish: {d.status} after "
            f"{counted(d.laps, 'lap')}{of} (official status)"
        )
        if d.classified.isdigit():
            text += f", still classified P{d.classified}"
        return text + "."
    text = f"{name} won{start}" if d.position == 1 else f"{name} finished P{d.position}{start}"
    if d.gained:
        text += f" ({d.gained:+d} place{'s' if abs(d.gained) != 1 else ''})"
    elif d.gained == 0:
        text += " (no places gained or lost)"
    if d.position != 1 and d.gap_to_winner_ms is not None:
        text += f", {secs(d.gap_to_winner_ms)} behind the winner"
    elif d.position != 1 and d.status != "Finished":
        text += f" ({d.status})"
    if d.points:
        text += f", scoring {points(d.points)} point{'s' if d.points != 1 else ''}"
    return text + " (official result)."


def _qualifying_day(d: DriverDay, who: DriverNames) -> str:
    name = who(d.driver)
    if d.position is None or d.part is None:
        return f"{name} has no official qualifying result."
    last = d.parts[-1] if d.parts else None
    times = ", ".join(f"{p.part} {format_laptime(p.time_ms)}" for p in d.parts if p.time_ms)
    reached = "reaching" if d.part.endswith("3") else "out in"
    text = f"{name} qualified P{d.position}, {reached} {d.part}"
    if times:
        text += f" ({times})"
    if last is not None and last.time_ms is not None and last.fastest_ms is not None:
        if last.fastest_driver == d.driver:
            text += f"; the fastest time of {last.part}"
        else:
            text += (
                f"; {secs(last.time_ms - last.fastest_ms)} off the fastest {last.part} time, "
                f"{who(last.fastest_driver)}'s {format_laptime(last.fastest_ms)}"
            )
    elif last is not None and last.time_ms is None:
        text += f"; no time in {last.part}"
    return text + " (official times)."


def _practice_day(d: DriverDay, who: DriverNames) -> str:
    name = who(d.driver)
    if d.best is None:
        return f"{name} set no valid lap time in {counted(d.laps, 'lap')}."
    return f"{name} ran {counted(d.laps, 'lap')}."


def _best_lap(d: DriverDay, result: DriverSessionSummary, who: DriverNames) -> str:
    if d.best is None:
        return ""
    b = d.best
    text = f"{d.driver}'s best lap, {format_laptime(b.time_ms)} (lap {b.lap}), was "
    if b.position == 1:
        text += "the fastest lap of the session"
    else:
        fastest = result.fastest
        assert fastest is not None  # a ranked best lap means the ranking has a first
        text += (
            f"{_place(b.position)} of {d.best_of} best laps, {secs(b.gap_ms)} slower than "
            f"{who(fastest.driver)}'s {format_laptime(fastest.time_ms)}"
        )
    return text + "."


def _tyres(d: DriverDay, kind: SessionKind) -> str:
    if not d.stints:
        return ""
    if kind.is_race_like:
        stops = "no pit stop" if d.pit_stops == 0 else counted(d.pit_stops, "pit stop")
        return f"Tyres: {_stints(d.stints)} ({stops})."
    laps = f"{counted(d.laps, 'lap')} in " if kind.is_qualifying_like and d.laps else ""
    return (laps + _runs(d.stints)).capitalize() + "."


def _runs(plan: tuple[Stint, ...]) -> str:
    compounds = and_list(list(dict.fromkeys((s.compound or "unknown").lower() for s in plan)))
    return f"{counted(len(plan), 'run')} on {compounds}"


def _headline(result: DriverSessionSummary, who: DriverNames) -> str:
    kind = result.session_kind
    if result.leader is None:
        return ""
    if kind.is_race_like:
        text = f"The session: {who(result.leader)} won (official result)"
    elif kind.is_qualifying_like:
        time = f" with {format_laptime(result.leader_time_ms)}" if result.leader_time_ms else ""
        text = f"The session: {who(result.leader)} took pole{time} (official times)"
    else:
        text = (
            f"The session: {who(result.leader)} topped the best-lap ranking with "
            f"{format_laptime(result.leader_time_ms)}"
        )
        return text + "."
    f = result.fastest
    if f is not None and kind.is_race_like:
        text += f"; the fastest lap was {who(f.driver)}'s {format_laptime(f.time_ms)}"
    return text + "."


def chart(result: DriverSessionSummary, query: DriverSessionSummaryQuery) -> Spec | None:
    """The drivers' stints on a lap axis, in compound colours."""
    asked = [(d.driver, d.stints) for d in result.drivers if d.driver in query.drivers]
    return stint_chart(f"Stints, {result.session}", asked, year=query.year)


KIND = SessionQuestion(
    query=DriverSessionSummaryQuery,
    title="Driver session summary",
    description=(
        "How a driver's session went: official position and status, grid and places "
        "gained, qualifying part and times, best lap and its rank, stints, pit stops."
    ),
    compute=_compute,
    paragraph=paragraph,
    chart=chart,
    takes_drivers=True,
    session_kinds=ALL_SESSIONS,
    needs="any session",
    cues=(Cue("driver_summary", implies=SessionKind.RACE),),
)
