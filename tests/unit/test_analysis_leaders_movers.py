"""Properties of laps led and of the biggest movers, on generated races."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st
from tests.unit.laps_factory import lap, result, session

from f1core.analysis.leaders import lap_ranges, lap_ranges_text, laps_led
from f1core.analysis.movers import movers
from f1core.domain.session import Lap

CODES = ("VER", "HAM", "PIA", "NOR")


@given(st.sets(st.integers(min_value=1, max_value=80)))
def test_lap_ranges_cover_each_lap_once_in_runs_that_never_touch(laps: set[int]) -> None:
    runs = lap_ranges(laps)
    covered = [n for a, b in runs for n in range(a, b + 1)]
    assert covered == sorted(laps)
    assert all(b + 1 < c for (_, b), (c, _) in itertools.pairwise(runs))


def test_lap_ranges_text() -> None:
    assert lap_ranges_text([(1, 30), (49, 51)]) == "laps 1-30, 49-51"
    assert lap_ranges_text([(12, 12)]) == "lap 12"
    assert lap_ranges_text([(3, 3), (7, 7)]) == "laps 3, 7"


@st.composite
def _race(draw: st.DrawFn) -> list[Lap]:
    """Up to 30 laps; on each, a random order of the four drivers (some laps unrecorded)."""
    laps: list[Lap] = []
    for number in range(1, draw(st.integers(min_value=1, max_value=30)) + 1):
        order = draw(st.permutations(CODES))
        recorded = draw(st.booleans()) or number == 1
        for place, code in enumerate(order):
            laps.append(lap(code, number, 90_000, position=place + 1 if recorded else None))
    return laps


@given(_race())
def test_laps_led_add_up_to_the_laps_with_a_leader_and_the_most_comes_first(
    laps: list[Lap],
) -> None:
    led = laps_led(session(laps))
    with_leader = {x.number for x in laps if x.position == 1}
    assert sum(d.laps for d in led.drivers) == led.led_laps == len(with_leader)
    assert [d.laps for d in led.drivers] == sorted((d.laps for d in led.drivers), reverse=True)
    for d in led.drivers:
        mine = {x.number for x in laps if x.driver == d.driver and x.position == 1}
        assert {n for a, b in d.ranges for n in range(a, b + 1)} == mine


@given(
    st.permutations(range(1, 5)),
    st.permutations(range(1, 5)),
    st.lists(st.booleans(), min_size=4, max_size=4),
)
def test_movers_gains_sum_to_zero_when_everyone_finishes_and_retirements_are_apart(
    grid: list[int], finish: list[int], out: list[bool]
) -> None:
    rows = [
        result(
            code,
            f,
            grid=g,
            classified=None if not gone else "R",
            status="Retired" if gone else "Finished",
        )
        for code, g, f, gone in zip(CODES, grid, finish, out, strict=True)
    ]
    moved = movers(session([lap(c, 1) for c in CODES], results=rows))
    assert {m.driver for m in moved.retired} == {
        c for c, gone in zip(CODES, out, strict=True) if gone
    }
    assert all(m.gained == m.start - (m.finish or 0) for m in moved.finishers)
    if not any(out):
        assert sum(m.gained or 0 for m in moved.finishers) == 0
    gains = [m.gained or 0 for m in moved.finishers]
    assert gains == sorted(gains, reverse=True)


def test_a_pit_lane_start_counts_as_the_last_of_the_starters() -> None:
    rows = [
        result("VER", 1, grid=1),
        result("HAM", 2, grid=0),
        result("PIA", 3, grid=2),
        result("NOR", None, grid=None, classified="W", status="Did not start"),
    ]
    moved = movers(session([lap(c, 1) for c in CODES], results=rows))
    ham = next(m for m in moved.finishers if m.driver == "HAM")
    assert (moved.starters, ham.start, ham.gained) == (3, 3, 1)
    assert "NOR" not in {m.driver for m in (*moved.finishers, *moved.retired)}
