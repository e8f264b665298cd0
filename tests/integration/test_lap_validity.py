"""Which laps count, on the recorded FastF1 data, checked against the official times.

FastF1's ``IsAccurate=False`` flags its timing sync, not the lap time, so a lap counts
unless it is deleted, has no time, or is implausible. In qualifying the official Q1/Q2/Q3
times are each driver's best laps: the expected values below are read from them (the
session's own results), not from the code under test.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from f1core.analysis.fastest import best_laps
from f1core.domain.session import Session, SessionKind, SessionRef

pytestmark = pytest.mark.recorded

Loader = Callable[[SessionRef], Session]

MONZA_2019_Q = SessionRef(2019, "Italian Grand Prix", SessionKind.QUALIFYING)
JEDDAH_2022_Q = SessionRef(2022, "Saudi Arabian Grand Prix", SessionKind.QUALIFYING)
QUALIFYING = [
    MONZA_2019_Q,
    SessionRef(2021, "Mexico City Grand Prix", SessionKind.QUALIFYING),
    JEDDAH_2022_Q,
    SessionRef(2023, "Azerbaijan Grand Prix", SessionKind.QUALIFYING),
    SessionRef(2023, "Azerbaijan Grand Prix", SessionKind.SPRINT_QUALIFYING),
    SessionRef(2024, "Chinese Grand Prix", SessionKind.SPRINT_QUALIFYING),
    SessionRef(2024, "Spanish Grand Prix", SessionKind.QUALIFYING),
]


def official_best(session: Session) -> dict[str, int]:
    """Each driver's best official qualifying time (ms), from Q1, Q2 and Q3."""
    best: dict[str, int] = {}
    for row in session.results:
        times = [t for t in (row.q1_ms, row.q2_ms, row.q3_ms) if t]
        if times:
            best[row.driver] = min(times)
    return best


def test_monza_2019_ranks_bottas_third_on_his_official_q3_time(load_recorded: Loader) -> None:
    session = load_recorded(MONZA_2019_Q)
    bottas = next(r for r in session.results if r.driver == "BOT")
    assert bottas.q3_ms == 79_354  # official Q3: 1:19.354, third
    bot_lap = next(lap for lap in session.laps if lap.driver == "BOT" and lap.time_ms == 79_354)
    assert bot_lap.accurate is False  # the lap the old rule threw away
    rows = best_laps(session).rows
    assert [(r.position, r.driver, r.time_ms) for r in rows[:4]] == [
        (1, "LEC", 79_307),
        (2, "HAM", 79_346),
        (3, "BOT", 79_354),
        (4, "VET", 79_457),
    ]


def test_jeddah_2022_drops_the_impossible_lap_as_implausible(load_recorded: Loader) -> None:
    session = load_recorded(JEDDAH_2022_Q)
    fastest_official = min(official_best(session).values())
    assert fastest_official == 88_200  # Pérez's pole, official Q3
    impossible = next(lap for lap in session.laps if lap.time_ms == 73_670)
    # a recorded lap faster than every official time (data compared, not the clock)
    assert impossible.time_ms is not None and impossible.time_ms < fastest_official
    result = best_laps(session)
    assert (result.rows[0].driver, result.rows[0].time_ms) == ("PER", 88_200)
    assert (impossible.driver, impossible.number, "implausible lap time") in {
        (e.driver, e.lap, e.reason) for e in result.excluded
    }


@pytest.mark.parametrize("ref", QUALIFYING, ids=str)
def test_every_best_lap_is_its_drivers_official_qualifying_time(
    load_recorded: Loader, ref: SessionRef
) -> None:
    session = load_recorded(ref)
    official = official_best(session)
    assert len(official) >= 19
    bests = {r.driver: r.time_ms for r in best_laps(session).rows}
    assert {code: bests.get(code) for code in official} == official
