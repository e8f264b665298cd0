"""Starting tyres: the compound each driver started the race on, from the first stint.

The compound of lap 1 is missing for many cars in older seasons (2018), so the start is
read from the first stint, whose compound is the one its laps carry.
"""

from __future__ import annotations

import msgspec

from f1core.analysis.strategy import stints
from f1core.answers import charts
from f1core.domain.session import Session, SessionKind
from f1core.domain.table import ExcludedLap, Table
from f1core.kinds.base import RACES, SessionQuery, SessionQuestion, Spec
from f1core.kinds.cues import Cue
from f1core.kinds.prose import DriverNames, and_list


class StartingTyresQuery(SessionQuery, frozen=True, kw_only=True, tag="starting-tyres"):
    """The compound each driver started on (and who started on which)."""


class StartingTyre(msgspec.Struct, frozen=True, gc=False):
    """A driver's grid slot (0: pit lane), starting compound, set age and first-stint laps."""

    driver: str
    full_name: str
    team: str
    grid: int | None
    compound: str | None
    tyre_age: int | None
    stint_laps: int


class StartingTyres(msgspec.Struct, frozen=True, gc=False):
    """Every starter's tyre, in grid order (pit-lane starters last)."""

    session: str
    year: int
    rows: tuple[StartingTyre, ...]
    excluded: tuple[ExcludedLap, ...] = ()

    def by_compound(self) -> list[tuple[str, list[StartingTyre]]]:
        """The starters grouped by compound, the most used first."""
        groups: dict[str, list[StartingTyre]] = {}
        for row in self.rows:
            groups.setdefault(row.compound or "UNKNOWN", []).append(row)
        return sorted(groups.items(), key=lambda item: -len(item[1]))

    def table(self) -> Table:
        """Grid, driver, team, starting compound, set age, first-stint laps."""
        return Table(
            columns=("Grid", "Driver", "Name", "Team", "Compound", "Set", "First stint laps"),
            rows=tuple(
                (
                    _slot(r.grid),
                    r.driver,
                    r.full_name,
                    r.team,
                    r.compound or "-",
                    _age(r.tyre_age),
                    r.stint_laps,
                )
                for r in self.rows
            ),
        )


def _slot(grid: int | None) -> str:
    return "-" if grid is None else "pit lane" if grid == 0 else str(grid)


def _age(age: int | None) -> str:
    if age is None:
        return "-"
    return "new" if age == 0 else f"used ({age} laps)"


def starting_tyres(session: Session) -> StartingTyres:
    """Each starter's compound from their first stint, in grid order."""
    grid = {r.driver: r.grid for r in session.results}
    rows = [
        StartingTyre(
            driver=d.driver,
            full_name=d.full_name,
            team=d.team,
            grid=grid.get(d.driver),
            compound=d.stints[0].compound,
            tyre_age=d.stints[0].tyre_age_at_start,
            stint_laps=d.stints[0].laps,
        )
        for d in stints(session).drivers
        if d.stints
    ]
    rows.sort(key=lambda r: (r.grid is None, r.grid == 0, r.grid or 0))
    return StartingTyres(session=session.title, year=session.ref.year, rows=tuple(rows))


def _compute(session: Session, query: StartingTyresQuery) -> StartingTyres:
    return starting_tyres(session)


def _tyre(compound: str | None) -> str:
    return (compound or "an unknown compound").lower()


def paragraph(result: StartingTyres, query: StartingTyresQuery) -> str:
    """The asked drivers' starting tyre; then how many started on each compound, and who."""
    if not result.rows:
        return f"No tyre data was recorded for the {result.session}."
    who = DriverNames((r.driver, r.full_name) for r in result.rows)
    by_code = {r.driver: r for r in result.rows}
    asked = []
    for code in query.drivers:
        row = by_code.get(code)
        if row is None:
            asked.append(f"{who(code)} did not start")
            continue
        age = (
            ""
            if row.tyre_age is None
            else (
                " (a new set)" if row.tyre_age == 0 else f" (a used set, {row.tyre_age} laps old)"
            )
        )
        start = "the pit lane" if row.grid == 0 else f"P{row.grid}" if row.grid else "no grid slot"
        asked.append(
            f"{who(code)} started on {_tyre(row.compound)}{age} from {start} and ran it "
            f"for {row.stint_laps} laps"
        )
    groups = result.by_compound()
    total = len(result.rows)
    split = []
    for compound, rows in groups:
        codes = [r.driver for r in rows]
        split.append(f"{len(rows)} on {_tyre(compound)} ({and_list(codes)})")
    if len(groups) == 1:
        session_text = f"all {total} starters started on {_tyre(groups[0][0])}"
    else:
        session_text = f"the {total} starters started " + "; ".join(split)
    if asked:
        return f"In the {result.session}, " + "; ".join(asked) + f". In all, {session_text}."
    return f"In the {result.session}, {session_text}."


def chart(result: StartingTyres, query: StartingTyresQuery) -> Spec | None:
    """Each starter's first stint in grid order, coloured by its compound."""
    values = [
        {
            "driver": r.driver,
            "grid": _slot(r.grid),
            "compound": r.compound or "UNKNOWN",
            "laps": r.stint_laps,
        }
        for r in result.rows
    ]
    if not values:
        return None
    order = [r.driver for r in result.rows]
    return charts.spec(
        f"Starting tyre and first-stint length, {result.session}",
        values,
        mark={"type": "bar", "stroke": "#333333", "strokeWidth": 0.5},
        encoding={
            "y": {
                "field": "driver",
                "type": "nominal",
                "title": "Driver (grid order)",
                "sort": order,
            },
            "x": {"field": "laps", "type": "quantitative", "title": "Laps on the starting set"},
            "color": charts.compound_channel(values, result.year),
            "tooltip": [
                {"field": "driver"},
                {"field": "grid"},
                {"field": "compound"},
                {"field": "laps"},
            ],
        },
    )


KIND = SessionQuestion(
    query=StartingTyresQuery,
    title="Starting tyres",
    description="The compound each driver started on, the set's age and the first stint.",
    compute=_compute,
    paragraph=paragraph,
    chart=chart,
    takes_drivers=True,
    session_kinds=RACES,
    needs="a race or sprint",
    cues=(Cue("starting_tyres", implies=SessionKind.RACE),),
)
