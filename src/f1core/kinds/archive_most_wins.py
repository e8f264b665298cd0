"""Most wins: the drivers or teams with the most race wins, in a season or all time."""

from __future__ import annotations

from typing import Literal

from f1core.domain.archive import Leaderboard
from f1core.kinds.base import ArchiveQuestion, QueryBase, Spec, Year
from f1core.kinds.leaderboard import leaderboard_chart, leaderboard_sentence
from f1core.ports.archive import HistoricalArchive


class MostWinsQuery(QueryBase, frozen=True, kw_only=True, tag="most-wins"):
    """Who has the most wins, in a season or all time."""

    subject_kind: Literal["driver", "team"] = "driver"
    year: Year | None = None


async def _compute(archive: HistoricalArchive, query: MostWinsQuery) -> Leaderboard:
    return await archive.most_wins(kind=query.subject_kind, year=query.year)


def paragraph(result: Leaderboard, query: MostWinsQuery) -> str:
    """Who has the most (ties named together) and who comes next."""
    return leaderboard_sentence(result)


def chart(result: Leaderboard, query: MostWinsQuery) -> Spec | None:
    """Wins of each on the board, as horizontal bars."""
    return leaderboard_chart(result)


KIND = ArchiveQuestion(
    query=MostWinsQuery,
    description="The drivers or teams with the most race wins, in a season or all time.",
    compute=_compute,
    paragraph=paragraph,
    chart=chart,
)
