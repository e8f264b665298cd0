"""SnapshotStore contract, run against the in-memory fake and the MessagePack adapter."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import msgspec
import pytest
from tests.fakes import InMemorySnapshotStore, make_event, make_lap, make_session

from adapters.snapshot import SCHEMA_VERSION, MsgpackSnapshotStore
from adapters.snapshot.store import _SessionFile
from f1core.domain.session import (
    RaceControlMessage,
    SessionKind,
    SessionRef,
    WeatherSample,
)
from f1core.ports.snapshot_store import SnapshotStore

SAO_PAULO = make_event(
    2024, 21, "São Paulo Grand Prix", "Brazil", "São Paulo", official_name="FORMULA 1 LENOVO"
)
RICH = msgspec.structs.replace(
    make_session(
        SAO_PAULO,
        SessionKind.RACE,
        (
            make_lap("VER", 1, 95123, sector1_ms=30001, speed_st=301.5, position=17),
            make_lap("VER", 2, None, accurate=False, compound=None, tyre_life=None),
            make_lap("NOR", 1, 94999, deleted=True, deleted_reason="TRACK LIMITS TURN 4"),
        ),
    ),
    weather=(WeatherSample(13893, 22.0, 33.3, 51.3, 993.2, True, 0.6, 238),),
    messages=(
        RaceControlMessage("2024-11-03T15:00:00", 1, "Flag", "GREEN", "GREEN", "Track", None),
    ),
    total_laps=69,
)
QUALI = make_session(SAO_PAULO, SessionKind.QUALIFYING, (make_lap("NOR", 1, 70000),))

STORES: dict[str, Callable[[Path], SnapshotStore]] = {
    "in-memory": lambda _: InMemorySnapshotStore(),
    "msgpack": MsgpackSnapshotStore,
}


@pytest.fixture(params=list(STORES))
def store(request: pytest.FixtureRequest, tmp_path: Path) -> SnapshotStore:
    return STORES[request.param](tmp_path)


async def test_absent_session_and_calendar_are_none(store: SnapshotStore) -> None:
    assert await store.get_session(RICH.ref) is None
    assert await store.get_events(2024) is None


async def test_session_round_trips_every_field(store: SnapshotStore) -> None:
    await store.put_session(RICH)
    got = await store.get_session(RICH.ref)
    assert got == RICH
    assert got is not None
    assert got.laps[1].time_ms is None
    assert got.laps[2].deleted_reason == "TRACK LIMITS TURN 4"
    assert got.weather[0].rainfall is True
    assert got.event.name == "São Paulo Grand Prix"
    assert got.total_laps == 69


async def test_sessions_of_one_event_do_not_collide(store: SnapshotStore) -> None:
    await store.put_session(RICH)
    await store.put_session(QUALI)
    assert await store.get_session(QUALI.ref) == QUALI
    assert await store.get_session(RICH.ref) == RICH
    other_year = SessionRef(2023, RICH.ref.event, RICH.ref.kind)
    assert await store.get_session(other_year) is None


async def test_put_replaces_the_older_snapshot(store: SnapshotStore) -> None:
    await store.put_session(RICH)
    newer = msgspec.structs.replace(RICH, laps=RICH.laps[:1])
    await store.put_session(newer)
    assert await store.get_session(RICH.ref) == newer


async def test_calendar_round_trips(store: SnapshotStore) -> None:
    events = (make_event(2024, 1, "Bahrain Grand Prix"), SAO_PAULO)
    await store.put_events(2024, events)
    assert await store.get_events(2024) == events
    assert await store.get_events(2023) is None


# -- MsgpackSnapshotStore specifics ---------------------------------------------------------


async def test_files_live_under_a_versioned_layout(tmp_path: Path) -> None:
    store = MsgpackSnapshotStore(tmp_path)
    await store.put_session(RICH)
    await store.put_events(2024, (SAO_PAULO,))
    base = tmp_path / "snapshots" / f"v{SCHEMA_VERSION}" / "2024"
    assert sorted(p.name for p in base.iterdir()) == [
        "events.msgpack",
        "sao-paulo-grand-prix-R.msgpack",
    ]


async def test_corrupt_file_reads_as_absent_and_is_rewritten(tmp_path: Path) -> None:
    store = MsgpackSnapshotStore(tmp_path)
    await store.put_session(RICH)
    path = store.session_path(RICH.ref)
    path.write_bytes(path.read_bytes()[:100])  # truncated, as after a crash mid-copy
    assert await store.get_session(RICH.ref) is None
    path.write_bytes(b"\xc1 not msgpack")
    assert await store.get_session(RICH.ref) is None
    await store.put_session(RICH)
    assert await store.get_session(RICH.ref) == RICH


async def test_file_of_another_schema_version_reads_as_absent(tmp_path: Path) -> None:
    store = MsgpackSnapshotStore(tmp_path)
    path = store.session_path(RICH.ref)
    path.parent.mkdir(parents=True)
    path.write_bytes(msgspec.msgpack.encode(_SessionFile(SCHEMA_VERSION + 1, RICH)))
    assert await store.get_session(RICH.ref) is None
    # An older shape (here: a bare list) fails validation and also reads as absent.
    path.write_bytes(msgspec.msgpack.encode([SCHEMA_VERSION - 1, {"laps": []}]))
    assert await store.get_session(RICH.ref) is None


def _files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


async def test_writes_leave_no_temporary_files(tmp_path: Path) -> None:
    store = MsgpackSnapshotStore(tmp_path)
    for _ in range(3):
        await store.put_session(RICH)
    files = sorted(str(p.relative_to(tmp_path)) for p in _files(tmp_path))
    assert files == [f"snapshots/v{SCHEMA_VERSION}/2024/sao-paulo-grand-prix-R.msgpack"]


async def test_a_snapshot_never_answers_for_another_session(tmp_path: Path) -> None:
    store = MsgpackSnapshotStore(tmp_path)
    await store.put_session(RICH)
    # Same slug, different spelling: the stored ref does not match, so no answer.
    twin = SessionRef(2024, "Sao Paulo Grand Prix", SessionKind.RACE)
    assert store.session_path(twin) == store.session_path(RICH.ref)
    assert await store.get_session(twin) is None
