"""Career or season tally: a driver's or team's wins, poles, podiums, points or entries."""

from __future__ import annotations

from typing import Literal

from f1core.domain.archive import Tally
from f1core.kinds.base import ArchiveQuestion, Person, QueryBase, Spec, Year
from f1core.kinds.prose import points
from f1core.ports.archive import HistoricalArchive


class CareerStatQuery(QueryBase, frozen=True, kw_only=True, tag="career-stat"):
    """How many wins, poles, podiums or points a driver or team has, in a season or career."""

    subject: Person
    subject_kind: Literal["driver", "team"] = "driver"
    stat: Literal["wins", "poles", "podiums", "points", "entries"]
    year: Year | None = None


_SINGULAR = {
    "wins": "win",
    "poles": "pole",
    "podiums": "podium",
    "points": "point",
    "entries": "entry",
}


async def _compute(archive: HistoricalArchive, query: CareerStatQuery) -> Tally:
    return await archive.tally(query.subject, kind=query.subject_kind, year=query.year)


def paragraph(result: Tally, query: CareerStatQuery) -> str:
    """The asked-for count, out of how many entries, with the title or championship place."""
    scope = f"in {result.year}" if result.year is not None else "in their career"
    stat = query.stat
    value = getattr(result, stat)
    shown = points(value) if isinstance(value, float) else str(value)
    noun = _SINGULAR[stat] if value == 1 else stat
    text = f"{result.name} scored {shown} {noun} {scope}"
    if stat != "entries":
        text += f" from {result.entries} entries"
    if result.year is not None and result.championship_position is not None:
        text += f", finishing P{result.championship_position} in the championship"
    elif result.year is None and result.titles:
        text += f", with {result.titles} title{'s' if result.titles != 1 else ''}"
    return text + "."


def chart(result: Tally, query: CareerStatQuery) -> Spec | None:
    """No chart: a tally is one row."""
    return None


KIND = ArchiveQuestion(
    query=CareerStatQuery,
    description="A driver's or team's wins, poles, podiums, points or entries, season or career.",
    compute=_compute,
    paragraph=paragraph,
    chart=chart,
)
