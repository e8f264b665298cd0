"""Race winner: who won a Grand Prix, from the archive's official result."""

from __future__ import annotations

from f1core.domain.archive import RaceResult
from f1core.kinds.base import ArchiveQuestion, EventName, QueryBase, Spec, Year
from f1core.kinds.prose import named
from f1core.ports.archive import HistoricalArchive


class RaceWinnerQuery(QueryBase, frozen=True, kw_only=True, tag="race-winner"):
    """Who won a Grand Prix."""

    year: Year
    event: EventName


async def _compute(archive: HistoricalArchive, query: RaceWinnerQuery) -> RaceResult:
    return await archive.race_result(query.year, query.event, top=1)


def won_sentence(result: RaceResult) -> str:
    """ "X won the <race> at <circuit> for <team>, from P<n> on the grid." (or no finisher)."""
    race = f"the {result.race.year} {result.race.name}"
    if not result.entries:
        return f"The archive has no classified finisher for {race}."
    w = result.winner
    text = f"{named(w.driver, w.code)} won {race} at {result.race.circuit} for {w.team}"
    if w.grid:
        text += f", from P{w.grid} on the grid"
    return text + "."


def paragraph(result: RaceResult, query: RaceWinnerQuery) -> str:
    """The winner, their team and grid slot, and who finished second."""
    text = won_sentence(result)
    if len(result.entries) > 1:
        second = result.entries[1]
        text += f" {named(second.driver, second.code)} finished second."
    return text


def chart(result: RaceResult, query: RaceWinnerQuery) -> Spec | None:
    """No chart: a winner is one fact."""
    return None


KIND = ArchiveQuestion(
    query=RaceWinnerQuery,
    description="Who won a Grand Prix (1950 on).",
    compute=_compute,
    paragraph=paragraph,
    chart=chart,
)
