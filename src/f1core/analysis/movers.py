"""Biggest movers: places gained and lost from the official grid to the classified finish.

Only classified finishers are ranked: a retirement's "finishing position" is an order of
retirement, not a place won or lost on track. A pit-lane start counts as starting behind
every car that started from the grid (the last of the starters); a car that did not start
(no grid slot) is left out.
"""

from __future__ import annotations

import msgspec

from f1core.analysis.positions import grid_vs_finish
from f1core.domain.session import Session
from f1core.domain.table import ExcludedLap, Table
from f1core.domain.team_colours import DriverLivery, session_liveries


class Move(msgspec.Struct, frozen=True, gc=False):
    """A starter's grid slot (0: pit lane), the slot counted, finish and places gained.

    ``finish`` and ``gained`` are None for a driver who was not classified.
    """

    driver: str
    full_name: str
    team: str
    grid: int
    start: int
    finish: int | None
    status: str
    gained: int | None


class Movers(msgspec.Struct, frozen=True, gc=False):
    """Every starter: the classified finishers by places gained, then the retirements."""

    session: str
    starters: int
    finishers: tuple[Move, ...]
    retired: tuple[Move, ...]
    excluded: tuple[ExcludedLap, ...] = ()
    liveries: tuple[DriverLivery, ...] = ()

    def rank(self, driver: str) -> int | None:
        """A finisher's place among the finishers by places gained (1: the biggest gain)."""
        row = next((m for m in self.finishers if m.driver == driver), None)
        if row is None or row.gained is None:
            return None
        return 1 + sum(1 for m in self.finishers if (m.gained or 0) > row.gained)

    def table(self) -> Table:
        """Driver, team, grid, finish, places gained (+) or lost (-), status."""
        rows = tuple(
            (
                m.driver,
                m.full_name,
                m.team,
                "pit lane" if m.grid == 0 else str(m.grid),
                "-" if m.finish is None else str(m.finish),
                "-" if m.gained is None else f"{m.gained:+d}",
                m.status,
            )
            for m in (*self.finishers, *self.retired)
        )
        return Table(
            columns=("Driver", "Name", "Team", "Grid", "Finish", "Gained", "Status"), rows=rows
        )


def movers(session: Session) -> Movers:
    """Places gained by each classified finisher, biggest gain first, from the results."""
    rows = [r for r in grid_vs_finish(session).rows if r.grid is not None]
    count = len(rows)
    finishers: list[Move] = []
    retired: list[Move] = []
    for r in rows:
        assert r.grid is not None
        classified = r.classified.isdigit() and r.finish is not None
        move = Move(
            driver=r.driver,
            full_name=r.full_name,
            team=r.team,
            grid=r.grid,
            start=count if r.grid == 0 else r.grid,
            finish=r.finish if classified else None,
            status=r.status,
            gained=r.gained if classified else None,
        )
        (finishers if classified else retired).append(move)
    finishers.sort(key=lambda m: (-(m.gained or 0), m.finish or 0))
    return Movers(
        session=session.title,
        starters=count,
        finishers=tuple(finishers),
        retired=tuple(retired),
        liveries=session_liveries(session),
    )
