"""Wins at a circuit: who has won the most there, or how often one driver has."""

from __future__ import annotations

from f1core.domain.archive import Leaderboard
from f1core.kinds.base import ArchiveQuestion, EventName, Person, QueryBase, Spec
from f1core.kinds.leaderboard import leaderboard_chart, leaderboard_sentence
from f1core.ports.archive import HistoricalArchive


class WinsAtCircuitQuery(QueryBase, frozen=True, kw_only=True, tag="wins-at-circuit"):
    """The most wins at a circuit, or one driver's wins there."""

    circuit: EventName
    driver: Person | None = None


async def _compute(archive: HistoricalArchive, query: WinsAtCircuitQuery) -> Leaderboard:
    return await archive.wins_at_circuit(query.circuit, driver=query.driver)


def paragraph(result: Leaderboard, query: WinsAtCircuitQuery) -> str:
    """The asked-about driver's count there, or the circuit's leaderboard."""
    if query.driver is not None and result.rows:
        top = result.rows[0]
        return f"{top.name} won {top.count} times at {result.circuit}."
    return leaderboard_sentence(result)


def chart(result: Leaderboard, query: WinsAtCircuitQuery) -> Spec | None:
    """Wins at the circuit of each on the board, as horizontal bars."""
    return leaderboard_chart(result)


KIND = ArchiveQuestion(
    query=WinsAtCircuitQuery,
    description="Who has won the most at a circuit, or how often one driver has won there.",
    compute=_compute,
    paragraph=paragraph,
    chart=chart,
)
