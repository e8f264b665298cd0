"""Paragraph and chart for the archive questions (race winner, standings, tallies...)."""

from __future__ import annotations

from typing import Any

from f1core.answers import charts
from f1core.domain.archive import (
    HeadToHead,
    Leaderboard,
    RaceEntry,
    RaceResult,
    SeasonChampions,
    StandingRow,
    Standings,
    Tally,
)
from f1core.query import (
    CareerStat,
    Champion,
    Podium,
    Query,
    WinsAtCircuit,
)

ArchiveResult = RaceResult | Standings | SeasonChampions | Tally | Leaderboard | HeadToHead

Spec = dict[str, Any]


def archive_source(checksum: str) -> str:
    """The data source line of an archive answer: which import it came from."""
    return f"Ergast archive, import {checksum[:12]}"


def _points(value: float) -> str:
    return f"{value:g}"


def _who(entry: RaceEntry | StandingRow) -> str:
    name = entry.driver if isinstance(entry, RaceEntry) else entry.name
    return f"{name} ({entry.code})" if entry.code else name


def archive_paragraph(query: Query, result: ArchiveResult) -> str:
    """One paragraph answering an archive ``query`` from ``result``."""
    if isinstance(result, RaceResult):
        race = f"the {result.race.year} {result.race.name}"
        if not result.entries:
            return f"The archive has no classified finisher for {race}."
        w = result.winner
        text = f"{_who(w)} won {race} at {result.race.circuit} for {w.team}"
        if w.grid:
            text += f", from P{w.grid} on the grid"
        text += "."
        if isinstance(query, Podium) and len(result.entries) > 1:
            rest = [f"{_who(e)} ({e.team}) P{e.position_text}" for e in result.entries[1:3]]
            text += " The podium: " + " and ".join(rest) + "."
        elif len(result.entries) > 1:
            text += f" {_who(result.entries[1])} finished second."
        return text
    if isinstance(result, Standings):
        what = "drivers'" if result.kind == "drivers" else "constructors'"
        when = (
            "final" if result.final else f"after round {result.after_round} ({result.round_name})"
        )
        if not result.rows:
            return f"No {what} standings for {result.year}."
        lead = result.rows[0]
        text = (
            f"{_who(lead)} led the {result.year} {what} championship ({when}) with "
            f"{_points(lead.points)} points and {lead.wins} wins"
        )
        if len(result.rows) > 1:
            second = result.rows[1]
            gap = lead.points - second.points
            text += f", {_points(gap)} ahead of {_who(second)}"
        return text + "."
    if isinstance(result, SeasonChampions):
        return _champion_text(query, result)
    if isinstance(result, Tally):
        scope = f"in {result.year}" if result.year is not None else "in their career"
        stat = query.stat if isinstance(query, CareerStat) else "wins"
        value = getattr(result, stat)
        shown = _points(value) if isinstance(value, float) else str(value)
        text = f"{result.name} scored {shown} {stat} {scope}"
        if stat != "entries":
            text += f" from {result.entries} entries"
        if result.year is not None and result.championship_position is not None:
            text += f", finishing P{result.championship_position} in the championship"
        elif result.year is None and result.titles:
            text += f", with {result.titles} title{'s' if result.titles != 1 else ''}"
        return text.replace(" scored 1 wins", " scored 1 win") + "."
    if isinstance(result, Leaderboard):
        if not result.rows:
            return f"{result.title}: nobody in the archive."
        top = result.rows[0]
        tied = [r.name for r in result.rows if r.rank == top.rank]
        leaders = " and ".join(tied)
        verb = "share" if len(tied) > 1 else "has"
        if isinstance(query, WinsAtCircuit) and query.driver is not None:
            return f"{top.name} won {top.count} times at {result.circuit}."
        text = f"{result.title}: {leaders} {verb} the most, {top.count}"
        if len(result.rows) > len(tied):
            nxt = result.rows[len(tied)]
            text += f"; next is {nxt.name} with {nxt.count}"
        return text + "."
    if isinstance(result, HeadToHead):
        r = result
        return (
            f"In {r.year}, {r.driver_a} finished ahead of {r.driver_b} in {r.race_ahead_a} of "
            f"{r.races} races ({r.driver_b} {r.race_ahead_b}) and out-qualified them "
            f"{r.quali_ahead_a} to {r.quali_ahead_b}; points {_points(r.points_a)} to "
            f"{_points(r.points_b)}."
        )
    raise TypeError(f"no paragraph for {type(result).__name__}")


def _champion_text(query: Query, result: SeasonChampions) -> str:
    constructors = isinstance(query, Champion) and query.championship == "constructors"
    runner_up = isinstance(query, Champion) and query.runner_up
    if constructors:
        champ, second = result.constructors_champion, result.constructors_runner_up
        title = "constructors' championship"
        if champ is None:
            return f"There was no constructors' championship in {result.year} (it began in 1958)."
    else:
        champ, second = result.champion, result.runner_up
        title = "drivers' championship"
    state = "won" if result.complete else f"leads (after round {result.after_round})"
    text = f"{_who(champ)} {state} the {result.year} {title} with {_points(champ.points)} points"
    if second is not None:
        gap = champ.points - second.points
        text += f", {_points(gap)} ahead of {_who(second)}"
        if runner_up:
            text = (
                f"{_who(second)} was runner-up in the {result.year} {title} with "
                f"{_points(second.points)} points, {_points(gap)} behind {_who(champ)}"
            )
    return text + "."


def archive_chart(query: Query, result: ArchiveResult) -> Spec | None:
    """A bar chart for rankings and tables; None for single facts (a winner, one tally)."""
    if isinstance(result, Standings) and len(result.rows) > 1:
        values = [{"name": r.name, "points": r.points, "wins": r.wins} for r in result.rows[:20]]
        what = "Drivers'" if result.kind == "drivers" else "Constructors'"
        return charts.bar(
            f"{what} championship {result.year}, after round {result.after_round}",
            values,
            category="name",
            category_title="Driver" if result.kind == "drivers" else "Constructor",
            value="points",
            value_title="Points",
            horizontal=True,
            tooltip=("wins",),
        )
    if isinstance(result, Leaderboard) and len(result.rows) > 1:
        values = [{"name": r.name, "wins": r.count} for r in result.rows]
        return charts.bar(
            result.title,
            values,
            category="name",
            category_title="Driver" if result.kind == "driver" else "Constructor",
            value="wins",
            value_title="Wins",
            horizontal=True,
        )
    if isinstance(result, HeadToHead):
        r = result
        values = [
            {"measure": m, "driver": d, "count": c}
            for m, a, b in (
                ("ahead at the flag", r.race_ahead_a, r.race_ahead_b),
                ("ahead, both classified", r.finished_ahead_a, r.finished_ahead_b),
                ("ahead in qualifying", r.quali_ahead_a, r.quali_ahead_b),
            )
            for d, c in ((r.driver_a, a), (r.driver_b, b))
        ]
        return charts.grouped_bar(
            f"{r.driver_a} vs {r.driver_b}, {r.year}",
            values,
            category="measure",
            group="driver",
            value="count",
            value_title="Count",
            category_title="",
        )
    return None
