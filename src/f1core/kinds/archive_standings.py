"""Championship standings: the drivers' or constructors' table, final or after a round."""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

from f1core.answers import charts
from f1core.domain.archive import Standings
from f1core.domain.session import Driver
from f1core.domain.team_colours import SEASON_TEAM_COLOURS, DriverLivery, liveries
from f1core.kinds.base import ArchiveQuestion, QueryBase, Spec, Year
from f1core.kinds.prose import named, points
from f1core.ports.archive import HistoricalArchive


class ChampionshipStandingsQuery(QueryBase, frozen=True, kw_only=True, tag="standings"):
    """A championship table, final or after a round."""

    year: Year
    championship: Literal["drivers", "constructors"] = "drivers"
    after_round: Annotated[int, msgspec.Meta(ge=1, le=30)] | None = None


async def _compute(archive: HistoricalArchive, query: ChampionshipStandingsQuery) -> Standings:
    return await archive.standings(
        query.year,
        after_round=query.after_round,
        constructors=query.championship == "constructors",
    )


def paragraph(result: Standings, query: ChampionshipStandingsQuery) -> str:
    """The leader with points and wins, and the gap to second."""
    what = "drivers'" if result.kind == "drivers" else "constructors'"
    when = "final" if result.final else f"after round {result.after_round} ({result.round_name})"
    if not result.rows:
        return f"No {what} standings for {result.year}."
    lead = result.rows[0]
    text = (
        f"{named(lead.name, lead.code)} led the {result.year} {what} championship ({when}) "
        f"with {points(lead.points)} points and {lead.wins} wins"
    )
    if len(result.rows) > 1:
        second = result.rows[1]
        gap = lead.points - second.points
        text += f", {points(gap)} ahead of {named(second.name, second.code)}"
    return text + "."


def chart(result: Standings, query: ChampionshipStandingsQuery) -> Spec | None:
    """Points of the top 20, as horizontal bars."""
    if len(result.rows) <= 1:
        return None
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
        liveries=_liveries(result),
    )


def _liveries(result: Standings) -> tuple[DriverLivery, ...]:
    """Each row in its team's colour, from the season table (none before its first season)."""
    if result.year not in SEASON_TEAM_COLOURS:
        return ()
    drivers = result.kind == "drivers"
    return liveries(
        (
            Driver(
                code=r.name,
                number=str(r.position),
                full_name=r.name,
                team=(r.teams[-1] if r.teams else "") if drivers else r.name,
            )
            for r in result.rows[:20]
        ),
        result.year,
    )


KIND = ArchiveQuestion(
    query=ChampionshipStandingsQuery,
    description="The drivers' or constructors' championship table, final or after a round.",
    compute=_compute,
    paragraph=paragraph,
    chart=chart,
)
