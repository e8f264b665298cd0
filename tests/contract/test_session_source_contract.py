"""SessionSource contract, run against FakeSessionSource and FastF1SessionSource.

The FastF1 side replays the recorded responses in ../shared/data (no network).
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.fakes import FakeSessionSource, make_event, make_lap, make_session

from adapters.fastf1 import FastF1SessionSource
from f1core.domain.session import (
    ClassificationRow,
    Driver,
    EventInfo,
    Lap,
    Session,
    SessionKind,
    SessionRef,
)
from f1core.errors import DataUnavailableError, SessionNotFoundError
from f1core.ports.session_source import SessionSource

SPAIN_Q = SessionRef(2024, "Spanish Grand Prix", SessionKind.QUALIFYING)
BAHRAIN_2023_R = SessionRef(2023, "Bahrain Grand Prix", SessionKind.RACE)  # not recorded


def _fake() -> FakeSessionSource:
    spain = make_event(2024, 10, "Spanish Grand Prix", "Spain", "Barcelona")
    calendars = {
        2024: (make_event(2024, 1, "Bahrain Grand Prix", "Bahrain", "Sakhir"), spain),
        2023: (make_event(2023, 1, "Bahrain Grand Prix", "Bahrain", "Sakhir"),),
    }
    laps = (make_lap("NOR", 1, 71383), make_lap("VER", 1, None, accurate=False))
    return FakeSessionSource(calendars, (make_session(spain, SessionKind.QUALIFYING, laps),))


def _replay_dir() -> Path:
    configured = os.environ.get("F1_FASTF1_REPLAY_DIR")
    root = Path(__file__).parents[2].parent
    path = Path(configured) if configured else root / "shared/data/fastf1-http-cache"
    if not path.is_dir():
        pytest.fail(f"recorded FastF1 data not found at {path}; set F1_FASTF1_REPLAY_DIR")
    return path


@pytest.fixture(scope="module", params=["fake", "fastf1"])
def source(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SessionSource]:
    if request.param == "fake":
        yield _fake()
        return
    real = FastF1SessionSource(tmp_path_factory.mktemp("fastf1-contract"), _replay_dir())
    yield real
    real.close()


@pytest.fixture(scope="module")
def spain_q(source: SessionSource) -> Session:
    # Module scope: the FastF1 side loads the session once for all the checks below.
    return asyncio.run(source.load(SPAIN_Q))


async def test_events_lists_the_season_in_round_order(source: SessionSource) -> None:
    events = await source.events(2024)
    assert all(isinstance(e, EventInfo) and e.year == 2024 for e in events)
    rounds = [e.round for e in events]
    assert rounds == sorted(rounds)
    spain = next(e for e in events if e.name == "Spanish Grand Prix")
    assert {SessionKind.QUALIFYING, SessionKind.RACE} <= set(spain.sessions)
    assert all(isinstance(k, SessionKind) for k in spain.sessions)


async def test_unknown_season_is_not_found(source: SessionSource) -> None:
    with pytest.raises(SessionNotFoundError):
        await source.events(1990)


async def test_unknown_event_is_not_found(source: SessionSource) -> None:
    with pytest.raises(SessionNotFoundError):
        await source.load(SessionRef(2024, "Atlantis Grand Prix", SessionKind.RACE))


async def test_session_the_event_did_not_hold_is_not_found(source: SessionSource) -> None:
    with pytest.raises(SessionNotFoundError):
        await source.load(SessionRef(2024, "Spanish Grand Prix", SessionKind.SPRINT))


async def test_held_session_without_data_is_unavailable(source: SessionSource) -> None:
    with pytest.raises(DataUnavailableError):
        await source.load(BAHRAIN_2023_R)


def test_loaded_session_is_typed_as_the_port_says(spain_q: Session) -> None:
    assert spain_q.ref == SPAIN_Q
    assert spain_q.event.name == "Spanish Grand Prix"
    assert spain_q.laps and spain_q.drivers and spain_q.results
    assert all(isinstance(d, Driver) for d in spain_q.drivers)
    assert all(isinstance(r, ClassificationRow) for r in spain_q.results)
    codes = {d.code for d in spain_q.drivers}
    for lap in spain_q.laps:
        assert isinstance(lap, Lap)
        assert lap.driver in codes
        assert isinstance(lap.number, int)
        assert lap.time_ms is None or isinstance(lap.time_ms, int)
        assert isinstance(lap.accurate, bool) and isinstance(lap.deleted, bool)
    timed = [lap.time_ms for lap in spain_q.laps if lap.time_ms is not None]
    assert min(timed) == 71383
