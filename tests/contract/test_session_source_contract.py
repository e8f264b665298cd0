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


async def test_known_sessions_name_calendar_events_that_held_them(
    source: SessionSource,
) -> None:
    known = await source.known_sessions(2024)
    assert known is not None  # both sources here can tell (the FastF1 one replays)
    assert (SPAIN_Q.event, SPAIN_Q.kind) in known
    held = {e.name: e.sessions for e in await source.events(2024)}
    assert all(kind in held.get(name, ()) for name, kind in known)
    # Held by the calendar but without timing data: not known, and indeed not loadable.
    assert ("Bahrain Grand Prix", SessionKind.RACE) not in known
    unknown = await source.known_sessions(BAHRAIN_2023_R.year)
    assert unknown is not None
    assert (BAHRAIN_2023_R.event, BAHRAIN_2023_R.kind) not in unknown


async def test_a_season_without_data_knows_no_sessions(source: SessionSource) -> None:
    assert await source.known_sessions(1990) == frozenset()


# -- FastF1 only: the replay index read from the recorded URLs --------------------------


@pytest.fixture(scope="module")
def replayed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastF1SessionSource]:
    real = FastF1SessionSource(tmp_path_factory.mktemp("fastf1-known"), _replay_dir())
    yield real
    real.close()


async def test_fastf1_replay_knows_exactly_the_recorded_sessions(
    replayed: FastF1SessionSource,
) -> None:
    assert await replayed.known_sessions(2024) == {
        ("Spanish Grand Prix", SessionKind.QUALIFYING),
        ("British Grand Prix", SessionKind.FP1),
        ("Chinese Grand Prix", SessionKind.SPRINT_QUALIFYING),
    }
    assert await replayed.known_sessions(2018) == {("Azerbaijan Grand Prix", SessionKind.RACE)}
    # Folder names with digits and several words map to the calendar's names; the 2023
    # "Sprint_Shootout" folder is sprint qualifying.
    assert await replayed.known_sessions(2020) == {
        ("Hungarian Grand Prix", SessionKind.FP2),
        ("70th Anniversary Grand Prix", SessionKind.FP2),
    }
    assert await replayed.known_sessions(2021) == {
        ("Italian Grand Prix", SessionKind.FP2),
        ("Mexico City Grand Prix", SessionKind.QUALIFYING),
    }
    assert await replayed.known_sessions(2023) == {
        ("Azerbaijan Grand Prix", SessionKind.QUALIFYING),
        ("Azerbaijan Grand Prix", SessionKind.SPRINT_QUALIFYING),
        ("Azerbaijan Grand Prix", SessionKind.SPRINT),
    }
    # Only one of the two timing streams of the 2022 Spanish qualifying was recorded.
    assert ("Spanish Grand Prix", SessionKind.QUALIFYING) not in (
        await replayed.known_sessions(2022) or ()
    )


async def test_fastf1_replay_index_matches_every_calendar(
    replayed: FastF1SessionSource,
) -> None:
    total = 0
    for year in range(2018, 2026):
        known = await replayed.known_sessions(year)
        assert known is not None
        held = {e.name: e.sessions for e in await replayed.events(year)}
        missing = {(name, kind) for name, kind in known if kind not in held.get(name, ())}
        assert not missing, f"{year}: not in the calendar as named: {missing}"
        total += len(known)
    assert total == 15  # the sessions listed in shared/data/README.md


async def test_fastf1_live_cannot_tell_without_loading(tmp_path: Path) -> None:
    live = FastF1SessionSource(tmp_path)
    try:
        assert await live.known_sessions(2024) is None
    finally:
        live.close()


async def test_fastf1_replay_dir_that_is_gone_is_a_clear_error(tmp_path: Path) -> None:
    gone = FastF1SessionSource(tmp_path / "cache", tmp_path / "no-such-recording")
    try:
        with pytest.raises(DataUnavailableError, match="F1_FASTF1_REPLAY_DIR"):
            await gone.known_sessions(2024)
    finally:
        gone.close()


def test_replay_index_needs_both_streams_and_skips_what_is_not_a_response(
    tmp_path: Path,
) -> None:
    from adapters.fastf1.recorded import known_sessions

    base = "https://livetiming-mirror.fastf1.dev/static/2021/2021-11-14_S%C3%A3o_Paulo_Grand_Prix"
    files = {
        # 2021 called the sprint race "Sprint Qualifying"; percent-encoded names decode.
        "a": f"{base}/2021-11-13_Sprint_Qualifying/TimingData.jsonStream",
        "b": f"{base}/2021-11-13_Sprint_Qualifying/TimingAppData.jsonStream",
        "c": f"{base}/2021-11-12_Qualifying/TimingData.jsonStream",  # its pair is missing
        "d": f"{base}/2021-11-14_Race/CarData.z.jsonStream",
    }
    for name, url in files.items():
        (tmp_path / f"{name}.json").write_text(f'{{"url": "{url}", "content": [1, 2]}}')
    (tmp_path / "e.json").write_text("not json")
    (tmp_path / "f.json").write_text('{"status_code": 200}')
    assert known_sessions(tmp_path) == {
        2021: frozenset({("São Paulo Grand Prix", SessionKind.SPRINT)})
    }
