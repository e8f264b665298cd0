"""A historic race from the archive's official results: podium, pole, fastest lap, margin.

Everything comes from the classification (``results.csv``) and qualifying
(``qualifying.csv``), never from lap timing: the winning margin is the official gap of the
second car ("+5.175", or "+1 Lap" when it was lapped), pole is the qualifying result
where the archive has one (1994 on in practice) and the car that started first otherwise,
and the fastest lap is the result ranked first for it (recorded from 2004).
"""

from __future__ import annotations

from collections.abc import Iterable

import msgspec

from f1core.domain.archive import ARCHIVE_SOURCE, ArchiveRace, RaceSummary
from f1core.domain.archive_counting import race_summary
from f1core.domain.archive_names import ReferenceIndex
from f1core.domain.archive_stat import FIRST_FASTEST_LAP_SEASON as FIRST_FASTEST_LAP_SEASON
from f1core.domain.table import Table


class ResultLine(msgspec.Struct, frozen=True, gc=False):
    """What the storage reads of one car's result."""

    driver_id: int
    constructor_id: int
    position: int | None
    position_text: str
    position_order: int
    grid: int | None
    laps: int | None
    time: str | None
    status: str
    fastest_lap: int | None
    fastest_rank: int | None
    fastest_time: str | None


class CarLine(msgspec.Struct, frozen=True, kw_only=True):
    """A driver and team with the figure that put them in the answer."""

    driver: str
    code: str | None
    team: str
    detail: str | None = None


class HistoricRace(msgspec.Struct, frozen=True, kw_only=True):
    """A race as the record books tell it."""

    race: RaceSummary
    podium: tuple[CarLine, ...]
    winner_time: str | None
    margin: str | None  # the second car's official gap
    pole: CarLine | None
    pole_source: str  # "qualifying" or "grid"
    fastest_lap: CarLine | None
    fastest_lap_number: int | None
    starters: int
    classified: int
    source: str = ARCHIVE_SOURCE

    def table(self) -> Table:
        """One row per fact."""
        rows: list[tuple[str, str | None, str | None, str | None]] = [
            (f"P{i}", c.driver, c.team, c.detail) for i, c in enumerate(self.podium, start=1)
        ]
        if self.pole is not None:
            rows.append(("pole", self.pole.driver, self.pole.team, self.pole.detail))
        if self.fastest_lap is not None:
            f = self.fastest_lap
            rows.append(("fastest lap", f.driver, f.team, f.detail))
        rows.append(("winning margin", None, None, self.margin))
        return Table(columns=("fact", "driver", "team", "time"), rows=tuple(rows))


def historic_race(
    idx: ReferenceIndex,
    race: ArchiveRace,
    lines: Iterable[ResultLine],
    pole_from_qualifying: tuple[int, int, str | None] | None,
) -> HistoricRace:
    """The facts of ``race`` from its result lines and its qualifying pole (driver id,
    team id, best time), if the archive has qualifying for it."""
    ordered = sorted(lines, key=lambda line: line.position_order)

    def car(line: ResultLine, detail: str | None) -> CarLine:
        d = idx.drivers[line.driver_id]
        return CarLine(
            driver=d.name, code=d.code, team=idx.teams[line.constructor_id].name, detail=detail
        )

    podium = tuple(
        car(line, line.time or line.status) for line in ordered[:3] if line.position is not None
    )
    margin = None
    if len(ordered) > 1 and ordered[0].position == 1 and ordered[1].position is not None:
        second = ordered[1]
        margin = second.time or second.status
    if pole_from_qualifying is not None:
        d_id, t_id, best = pole_from_qualifying
        d = idx.drivers[d_id]
        pole: CarLine | None = CarLine(
            driver=d.name, code=d.code, team=idx.teams[t_id].name, detail=best
        )
        pole_source = "qualifying"
    else:
        front = [line for line in ordered if line.grid == 1]
        pole = car(front[0], None) if front else None
        pole_source = "grid"
    fastest = [line for line in ordered if line.fastest_rank == 1]
    return HistoricRace(
        race=race_summary(idx, race),
        podium=podium,
        winner_time=ordered[0].time if ordered else None,
        margin=margin,
        pole=pole,
        pole_source=pole_source,
        fastest_lap=car(fastest[0], fastest[0].fastest_time) if fastest else None,
        fastest_lap_number=fastest[0].fastest_lap if fastest else None,
        starters=sum(1 for line in ordered if line.position_text not in ("F", "W")),
        classified=sum(1 for line in ordered if line.position is not None),
    )


def best_time(q1: str | None, q2: str | None, q3: str | None) -> str | None:
    """The lap that set pole: the last session's time the driver has."""
    for value in (q3, q2, q1):
        if value:
            return value
    return None
