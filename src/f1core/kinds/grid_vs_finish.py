"""Grid vs finish: where each driver started and finished, and the places gained or lost."""

from __future__ import annotations

from f1core.analysis.positions import GridChange, GridVsFinish, grid_vs_finish
from f1core.answers.charts import driver_bars
from f1core.domain.session import Session, SessionKind
from f1core.kinds.base import RACES, SessionQuery, SessionQuestion, Spec
from f1core.kinds.cues import Cue
from f1core.kinds.prose import DriverNames


class GridVsFinishQuery(SessionQuery, frozen=True, kw_only=True, tag="grid-vs-finish"):
    """Places gained and lost from the grid."""


def _compute(session: Session, query: GridVsFinishQuery) -> GridVsFinish:
    return grid_vs_finish(session)


def _slot(grid: int | None) -> str:
    return "the pit lane" if grid == 0 else f"P{grid}" if grid else "no grid slot"


def paragraph(result: GridVsFinish, query: GridVsFinishQuery) -> str:
    """Each driver asked about from grid to flag; else the biggest gain and loss."""
    who = DriverNames((r.driver, r.full_name) for r in result.rows)
    asked = [r for r in result.rows if r.driver in query.drivers]
    if asked:
        return f"In the {result.session}, " + "; ".join(_move(r, who) for r in asked) + "."
    counted = [r for r in result.rows if r.gained is not None and r.classified.isdigit()]
    if not counted:
        return f"No grid and finishing positions are available for the {result.session}."
    up = max(counted, key=lambda r: (r.gained or 0, -(r.finish or 0)))
    down = min(counted, key=lambda r: (r.gained or 0, r.finish or 0))
    text = (
        f"{who(up.driver)} gained the most places in the {result.session}: "
        f"{_start(up.grid)} to P{up.finish} ({up.gained:+d})"
    )
    if down.gained is not None and down.gained < 0:
        text += (
            f"; {who(down.driver)} lost the most: {_start(down.grid)} to P{down.finish} "
            f"({down.gained:+d})"
        )
    return text + "."


def _move(row: GridChange, who: DriverNames) -> str:
    finish = f"P{row.finish}" if row.finish is not None else row.status
    change = f" ({row.gained:+d})" if row.gained is not None else ""
    return f"{who(row.driver)} went from {_slot(row.grid)} to {finish}{change}"


def _start(grid: int | None) -> str:
    if grid is None:
        return "?"
    return "the pit lane" if grid == 0 else f"P{grid}"


def chart(result: GridVsFinish, query: GridVsFinishQuery) -> Spec | None:
    """Places gained (negative: lost) per driver."""
    return driver_bars(
        f"Places gained from the grid, {result.session}",
        [{"driver": r.driver, "gained": r.gained} for r in result.rows],
        value="gained",
        value_title="Places gained",
        liveries=result.liveries,
    )


KIND = SessionQuestion(
    query=GridVsFinishQuery,
    title="Grid vs finish",
    description="Where each driver started and finished, and the places gained or lost.",
    compute=_compute,
    paragraph=paragraph,
    chart=chart,
    takes_drivers=False,
    session_kinds=RACES,
    needs="a race or sprint",
    cues=(Cue("grid", implies=SessionKind.RACE),),
)
