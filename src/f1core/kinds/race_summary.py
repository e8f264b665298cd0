"""Race summary: what happened in a session, for "what happened in Baku 2018?".

In a race or sprint: the winner and podium, pole (the official grid's P1), the fastest
lap, the retirements with their official status, the safety-car, VSC and red-flag periods
and the biggest movers. In qualifying: pole, the front of the order and who went out in
Q1 and Q2, all from the official times. In practice, which has no classification: the
best-lap ranking's top three. Results facts come from the official classification, laps
from lap timing; the paragraph names which is which where it matters.
"""

from __future__ import annotations

import msgspec

from f1core.analysis.classification import Classification, classification
from f1core.analysis.fastest import BestLap, best_laps
from f1core.analysis.laps import driver_names
from f1core.analysis.positions import GridChange, grid_vs_finish
from f1core.analysis.summary import (
    OUT_OF_THE_RESULT,
    NeutralisedPeriod,
    biggest_movers,
    neutralised_periods,
    out_of_the_result,
    part_time,
    qualifying_part,
    race_distance,
    retirements,
)
from f1core.answers import charts
from f1core.domain.session import ClassificationRow, Session, SessionKind
from f1core.domain.table import Cell, ExcludedLap, Table
from f1core.domain.team_colours import DriverLivery, session_liveries
from f1core.domain.timefmt import format_gap, format_laptime
from f1core.kinds.base import ALL_SESSIONS, SessionQuery, SessionQuestion, Spec
from f1core.kinds.cues import Cue
from f1core.kinds.prose import DriverNames, and_list, secs


class RaceSummaryQuery(SessionQuery, frozen=True, kw_only=True, tag="race-summary"):
    """What happened in a race (or sprint, qualifying, practice): the story in one answer."""


class Placed(msgspec.Struct, frozen=True, gc=False):
    """A driver at a place of the session's order with the time that ranks them.

    Race: the winner's total time, the others' official gap (None when lapped or out).
    Qualifying: the official time of the last part reached. Practice: the best lap.
    """

    position: int
    driver: str
    team: str
    time_ms: int | None
    note: str = ""
    """Race: the official status when not "Finished"; qualifying: the part ("Q3")."""


class Retirement(msgspec.Struct, frozen=True, gc=False):
    """A car that did not take the flag: laps completed and the official status."""

    driver: str
    team: str
    laps: int | None
    status: str
    classified: str = ""
    """The official classification letter: R retired, D disqualified, ..."""


class RaceSummary(msgspec.Struct, frozen=True, gc=False):
    """The facts of one session's story (see the module docstring for which apply where)."""

    session: str
    session_kind: SessionKind
    total_laps: int | None
    order: tuple[Placed, ...]
    pole: Placed | None
    fastest: BestLap | None
    retirements: tuple[Retirement, ...]
    periods: tuple[NeutralisedPeriod, ...] | None
    """None when the session records no race control messages to read them from."""
    gainers: tuple[GridChange, ...]
    """Everyone tied on the most places gained (empty when nobody gained one)."""
    losers: tuple[GridChange, ...]
    moves: tuple[GridChange, ...]
    knocked_out: tuple[tuple[str, tuple[str, ...]], ...]
    statuses_known: bool
    """The official results give each car's status (so no retirement means none)."""
    names: tuple[tuple[str, str], ...]
    liveries: tuple[DriverLivery, ...]
    excluded: tuple[ExcludedLap, ...] = ()

    def table(self) -> Table:
        """One fact per row: what, who, and the detail (time, laps, status)."""
        rows: list[tuple[Cell, ...]] = []
        race = self.session_kind.is_race_like
        for p in self.order[:3]:
            what = "Winner" if race and p.position == 1 else f"P{p.position}"
            # A race gives the winner's time and the others' gaps; elsewhere each lap time.
            gap = race and p.position != 1
            detail = format_gap(p.time_ms) if gap else format_laptime(p.time_ms)
            if not race and p.note:
                detail += f" ({p.note})"
            rows.append((what, p.driver, p.team, detail if p.time_ms is not None else p.note))
        if self.pole is not None and race:
            rows.append(("Pole (grid P1)", self.pole.driver, self.pole.team, ""))
        if self.fastest is not None and race:
            f = self.fastest
            rows.append(
                ("Fastest lap", f.driver, f.team, f"{format_laptime(f.time_ms)} (lap {f.lap})")
            )
        for period in self.periods or ():
            where = period.laps_text if race else (period.part or "")
            rows.append((period.kind.capitalize(), "", "", where))
        for r in self.retirements:
            rows.append(("Retired", r.driver, r.team, f"{r.status} ({_laps(r.laps)})"))
        for what, movers in (("Biggest gain", self.gainers), ("Biggest loss", self.losers)):
            rows.extend((what, m.driver, m.team, _move(m)) for m in movers)
        for part, codes in self.knocked_out:
            rows.append((f"Out in {part}", ", ".join(codes), "", ""))
        return Table(columns=("Fact", "Driver", "Team", "Detail"), rows=tuple(rows))


def race_summary(session: Session) -> RaceSummary:
    """The summary facts of ``session`` (official results for results, timing for laps)."""
    kind = session.ref.kind
    fastest = best_laps(session)
    moves: tuple[GridChange, ...] = ()
    gainers: tuple[GridChange, ...] = ()
    losers: tuple[GridChange, ...] = ()
    pole = None
    knocked_out: tuple[tuple[str, tuple[str, ...]], ...] = ()
    if kind.is_practice:
        order = tuple(Placed(r.position, r.driver, r.team, r.time_ms) for r in fastest.rows)
    else:
        official = classification(session)
        order = _official_order(official, kind)
    if kind.is_race_like:
        grid = grid_vs_finish(session)
        moves = grid.rows
        gainers, losers = biggest_movers(grid)
        pole = next(
            (Placed(1, r.driver, r.team, None) for r in session.results if r.grid == 1), None
        )
    if kind.is_qualifying_like:
        prefix = "SQ" if kind is SessionKind.SPRINT_QUALIFYING else "Q"
        knocked_out = _knocked_out(session.results, prefix)
    return RaceSummary(
        session=session.title,
        session_kind=kind,
        total_laps=race_distance(session) if kind.is_race_like else None,
        order=order,
        pole=pole,
        fastest=fastest.rows[0] if fastest.rows else None,
        retirements=tuple(
            Retirement(r.driver, r.team, r.laps, r.status, r.classified)
            for r in retirements(session)
        )
        if kind.is_race_like
        else (),
        periods=neutralised_periods(session),
        gainers=gainers,
        losers=losers,
        moves=moves,
        knocked_out=knocked_out,
        statuses_known=bool(session.results) and all(r.status for r in session.results),
        # The results name drivers the entry list may lack (a car with no timed lap).
        names=(*((r.driver, r.full_name) for r in session.results), *driver_names(session)),
        liveries=session_liveries(session),
    )


def _official_order(official: Classification, kind: SessionKind) -> tuple[Placed, ...]:
    prefix = "SQ" if kind is SessionKind.SPRINT_QUALIFYING else "Q"
    out: list[Placed] = []
    for e in official.rows:
        if e.position is None:
            continue
        if official.qualifying:
            part = qualifying_part(e, prefix)
            out.append(Placed(e.position, e.driver, e.team, part_time(e, part), part))
        else:
            time = e.race_time_ms if e.position == 1 else e.gap_ms
            note = "" if e.status == "Finished" else e.status
            out.append(Placed(e.position, e.driver, e.team, time, note))
    return tuple(out)


def _knocked_out(
    results: tuple[ClassificationRow, ...], prefix: str
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    ranked = sorted((r for r in results if r.position is not None), key=lambda r: r.position or 0)
    out = []
    for part in (f"{prefix}1", f"{prefix}2"):
        codes = tuple(r.driver for r in ranked if qualifying_part(r, prefix) == part)
        if codes:
            out.append((part, codes))
    return tuple(out)


def _compute(session: Session, query: RaceSummaryQuery) -> RaceSummary:
    return race_summary(session)


def _laps(n: int | None) -> str:
    if n is None:
        return "laps unknown"
    return "on lap 1" if n == 0 else f"after {n} lap" + ("" if n == 1 else "s")


def _slot(grid: int | None) -> str:
    return "the pit lane" if grid == 0 else f"P{grid}"


def _move(row: GridChange) -> str:
    return f"{_slot(row.grid)} to P{row.finish} ({row.gained:+d})"


def paragraph(result: RaceSummary, query: RaceSummaryQuery) -> str:
    """The session's story: results first, then flags, retirements and movers."""
    if not result.order:
        return f"No results or timed laps are recorded for the {result.session}."
    who = DriverNames(result.names)
    if result.session_kind.is_race_like:
        return " ".join(_race_sentences(result, who))
    if result.session_kind.is_qualifying_like:
        return " ".join(_qualifying_sentences(result, who))
    return " ".join(_practice_sentences(result, who))


def _race_sentences(result: RaceSummary, who: DriverNames) -> list[str]:
    first, rest = result.order[0], result.order[1:3]
    laps = f" ({result.total_laps} laps)" if result.total_laps else ""
    text = f"{who(first.driver)} won the {result.session}{laps} for {first.team}"
    if result.pole is not None and result.pole.driver == first.driver:
        text += " from pole"
    if rest:
        second = rest[0]
        margin = f"{secs(second.time_ms)} ahead of " if second.time_ms is not None else "ahead of "
        text += f", {margin}{who(second.driver)}"
    if len(rest) > 1:
        text += f", with {who(rest[1].driver)} third"
    out = [text + " (official result)."]
    if result.pole is not None and result.pole.driver != first.driver:
        out.append(f"{who(result.pole.driver)} started from pole.")
    if result.fastest is not None:
        f = result.fastest
        out.append(f"Fastest lap: {who(f.driver)}, {format_laptime(f.time_ms)} on lap {f.lap}.")
    out.append(_periods_sentence(result.periods, race=True))
    out_of_result = [r for r in result.retirements if r.classified in OUT_OF_THE_RESULT]
    for r in out_of_result:
        out.append(f"{who(r.driver)} {out_of_the_result(r.classified, r.status)}.")
    retired = tuple(r for r in result.retirements if r not in out_of_result)
    if retired:
        out.append(f"Did not finish: {_retired(retired, who)}.")
    if not result.retirements and result.statuses_known:
        out.append("Every starter took the flag.")
    movers = []
    for what, group in (("gain", result.gainers), ("loss", result.losers)):
        if group:
            moves = and_list([f"{who(m.driver)}, {_move(m)}" for m in group])
            movers.append(f"biggest {what} {moves}")
    if movers:
        out.append("From the grid: " + "; ".join(movers) + ".")
    return out


def _retired(retired: tuple[Retirement, ...], who: DriverNames) -> str:
    groups: dict[tuple[str, int | None], list[str]] = {}
    for r in retired:
        groups.setdefault((r.status, r.laps), []).append(r.driver)
    return "; ".join(
        f"{and_list(who.all(codes))}, {status.lower()} {_laps(laps)}"
        for (status, laps), codes in groups.items()
    )


def _periods_sentence(periods: tuple[NeutralisedPeriod, ...] | None, *, race: bool) -> str:
    if periods is None:
        return "No race control messages are recorded for this session."
    if not periods:
        return "No safety car, VSC or red flag." if race else "No red flag."
    by_kind: dict[str, list[str]] = {}
    for p in periods:
        by_kind.setdefault(p.kind, []).append(p.laps_text if race else (p.part or ""))
    parts = []
    for kind, spans in by_kind.items():
        named = kind if len(spans) == 1 else f"{len(spans)} {kind} periods"
        if kind == "red flag" and len(spans) > 1:
            named = f"{len(spans)} red flags"
        where = and_list([s for s in spans if s])
        parts.append(f"{named} ({'in ' if not race else ''}{where})" if where else named)
    text = and_list(parts)
    return f"{text[0].upper()}{text[1:]}, per {periods[0].source}."


def _qualifying_sentences(result: RaceSummary, who: DriverNames) -> list[str]:
    pole = result.order[0]
    text = f"{who(pole.driver)} took pole in the {result.session}"
    if pole.time_ms is not None:
        text += f" with {format_laptime(pole.time_ms)} in {pole.note}"
    rest = result.order[1:3]
    if (
        rest
        and rest[0].time_ms is not None
        and pole.time_ms is not None
        and rest[0].note == pole.note
    ):
        text += f", {secs(rest[0].time_ms - pole.time_ms)} ahead of {who(rest[0].driver)}"
    elif rest:
        text += f", ahead of {who(rest[0].driver)}"
    if len(rest) > 1:
        text += f", with {who(rest[1].driver)} third"
    out = [text + " (official times)."]
    for part, codes in result.knocked_out:
        out.append(f"Out in {part}: {and_list(who.all(codes))}.")
    out.append(_periods_sentence(result.periods, race=False))
    return out


def _practice_sentences(result: RaceSummary, who: DriverNames) -> list[str]:
    top = result.order[0]
    text = f"{who(top.driver)} topped the {result.session} with {format_laptime(top.time_ms)}"
    rest = result.order[1:3]
    if rest:
        gaps = [
            f"{who(p.driver)} {secs((p.time_ms or 0) - (top.time_ms or 0))} behind" for p in rest
        ]
        text += ", " + " and ".join(gaps)
    out = [text + " (best laps; practice has no classification)."]
    out.append(_periods_sentence(result.periods, race=False))
    return out


def chart(result: RaceSummary, query: RaceSummaryQuery) -> Spec | None:
    """A race: places gained from the grid by the classified finishers (a retirement's
    "place" is not a place lost on track); otherwise the gap to the top of the order."""
    if result.session_kind.is_race_like:
        return charts.driver_bars(
            f"Places gained from the grid by the finishers, {result.session}",
            [
                {"driver": r.driver, "gained": r.gained}
                for r in result.moves
                if r.gained is not None and r.classified.isdigit()
            ],
            value="gained",
            value_title="Places gained",
            liveries=result.liveries,
        )
    timed = [p for p in result.order if p.time_ms is not None]
    if len(timed) < 2:
        return None
    best = timed[0].time_ms or 0
    title = (
        "Gap to pole (official times)"
        if result.session_kind.is_qualifying_like
        else ("Gap to the fastest best lap")
    )
    return charts.driver_bars(
        f"{title}, {result.session}",
        [{"driver": p.driver, "gap_s": charts.seconds((p.time_ms or 0) - best)} for p in timed],
        value="gap_s",
        value_title="Gap (s)",
        liveries=result.liveries,
    )


KIND = SessionQuestion(
    query=RaceSummaryQuery,
    title="Race summary",
    description=(
        "What happened: winner, podium, pole, fastest lap, retirements (official status), "
        "safety car / VSC / red flags and biggest movers; qualifying and practice in brief."
    ),
    compute=_compute,
    paragraph=paragraph,
    chart=chart,
    takes_drivers=False,
    session_kinds=ALL_SESSIONS,
    needs="any session",
    cues=(Cue("summary", implies=SessionKind.RACE),),
)
