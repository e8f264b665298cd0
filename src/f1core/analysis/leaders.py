"""Laps led: who was in front at the end of each lap, as counts and lap ranges."""

from __future__ import annotations

from collections.abc import Iterable

import msgspec

from f1core.analysis.laps import driver_names
from f1core.analysis.positions import positions
from f1core.domain.session import Session
from f1core.domain.table import ExcludedLap, Table
from f1core.domain.team_colours import DriverLivery, session_liveries


class LapsLedBy(msgspec.Struct, frozen=True, gc=False):
    """One driver's laps in the lead: how many, and as runs of consecutive laps."""

    driver: str
    full_name: str
    team: str
    laps: int
    ranges: tuple[tuple[int, int], ...]

    @property
    def ranges_text(self) -> str:
        """The runs as people write them: "laps 1-30, 49-51" or "lap 12"."""
        return lap_ranges_text(self.ranges)


class LapsLed(msgspec.Struct, frozen=True, gc=False):
    """Every driver who led, most laps first; ``led_laps`` counts laps with a known leader.

    ``leaders`` is the leader of each recorded lap, in lap order (lap, code).
    """

    session: str
    led_laps: int
    total_laps: int | None
    lead_changes: int
    drivers: tuple[LapsLedBy, ...]
    leaders: tuple[tuple[int, str], ...]
    excluded: tuple[ExcludedLap, ...]
    names: tuple[tuple[str, str], ...] = ()
    """(code, full name) of every driver in the session, for the paragraph."""
    liveries: tuple[DriverLivery, ...] = ()

    def of(self, driver: str) -> LapsLedBy | None:
        """The laps ``driver`` led (None when they led none)."""
        return next((d for d in self.drivers if d.driver == driver), None)

    def table(self) -> Table:
        """Driver, team, laps led and the lap ranges."""
        return Table(
            columns=("Driver", "Name", "Team", "Laps led", "Laps"),
            rows=tuple(
                (d.driver, d.full_name, d.team, d.laps, d.ranges_text) for d in self.drivers
            ),
        )


def lap_ranges(laps: Iterable[int]) -> tuple[tuple[int, int], ...]:
    """Lap numbers as runs of consecutive laps: 1, 2, 3, 7 -> (1, 3), (7, 7)."""
    runs: list[tuple[int, int]] = []
    for lap in sorted(set(laps)):
        if runs and lap == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], lap)
        else:
            runs.append((lap, lap))
    return tuple(runs)


def lap_ranges_text(ranges: Iterable[tuple[int, int]]) -> str:
    """ "laps 1-30, 49-51", "lap 12" or "" for no laps."""
    parts = [f"{a}-{b}" if a != b else f"{a}" for a, b in ranges]
    if not parts:
        return ""
    single = len(parts) == 1 and "-" not in parts[0]
    return ("lap " if single else "laps ") + ", ".join(parts)


def laps_led(session: Session) -> LapsLed:
    """Who led each lap: the driver whose end-of-lap position is 1 (FastF1's Position).

    Laps without a recorded position are left out (see ``positions``), so ``led_laps``
    can be fewer than the race distance; the ranges name the laps actually counted.
    """
    order = positions(session)
    leaders = tuple((entry.lap, entry.order[0]) for entry in order.laps if entry.order)
    teams = {d.code: d.team for d in session.drivers}
    names = dict(driver_names(session))
    by_driver: dict[str, list[int]] = {}
    for lap, code in leaders:
        by_driver.setdefault(code, []).append(lap)
    rows = sorted(
        (
            LapsLedBy(
                driver=code,
                full_name=names.get(code, code),
                team=teams.get(code, ""),
                laps=len(laps),
                ranges=lap_ranges(laps),
            )
            for code, laps in by_driver.items()
        ),
        key=lambda d: (-d.laps, d.ranges[0][0]),
    )
    return LapsLed(
        session=session.title,
        led_laps=len(leaders),
        total_laps=session.total_laps,
        lead_changes=order.lead_changes,
        drivers=tuple(rows),
        leaders=leaders,
        excluded=order.excluded,
        names=order.names,
        liveries=session_liveries(session),
    )
