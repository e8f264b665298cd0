"""SessionLoader: LRU -> snapshot -> source, single flight, and resolving names."""

from __future__ import annotations

import asyncio

import msgspec
import pytest
from tests.fakes import (
    FakeSessionSource,
    InMemorySnapshotStore,
    make_event,
    make_lap,
    make_session,
)

from f1core.domain.session import EventInfo, Session, SessionKind, SessionRef, WeatherSample
from f1core.errors import (
    AmbiguousReferenceError,
    DataUnavailableError,
    InvalidRequestError,
    SessionNotFoundError,
)
from f1core.usecases.load_session import SessionLoader

SPRINT_WEEKEND = (
    SessionKind.FP1,
    SessionKind.SPRINT_QUALIFYING,
    SessionKind.SPRINT,
    SessionKind.QUALIFYING,
    SessionKind.RACE,
)
CAL_2024 = (
    make_event(2024, 5, "Chinese Grand Prix", "China", "Shanghai", SPRINT_WEEKEND),
    make_event(2024, 10, "Spanish Grand Prix", "Spain", "Barcelona"),
    make_event(2024, 16, "Italian Grand Prix", "Italy", "Monza"),
)
CAL_2020 = (
    make_event(2020, 8, "Italian Grand Prix", "Italy", "Monza"),
    make_event(2020, 9, "Tuscan Grand Prix", "Italy", "Mugello"),
)
SPAIN_Q = make_session(
    CAL_2024[1],
    SessionKind.QUALIFYING,
    (make_lap("NOR", 1, 71383), make_lap("VER", 1, 71403), make_lap("NOR", 2, 72000)),
)
# Eight distinct sessions for LRU tests.
MANY = tuple(
    make_session(event, kind, (make_lap("HAM", 1, 80000 + i),))
    for i, (event, kind) in enumerate(
        (e, k) for e in CAL_2024 for k in e.sessions if (e, k) != (CAL_2024[1], "Q")
    )
)


def world(delay: float = 0.0) -> tuple[FakeSessionSource, InMemorySnapshotStore]:
    sessions = {s.ref: s for s in (*MANY, SPAIN_Q)}
    source = FakeSessionSource(
        {2024: CAL_2024, 2020: CAL_2020}, tuple(sessions.values()), delay=delay
    )
    return source, InMemorySnapshotStore()


async def test_first_load_comes_from_the_source_and_is_snapshotted() -> None:
    source, snapshots = world()
    loader = SessionLoader(source, snapshots)
    session = await loader.load(SPAIN_Q.ref)
    assert session is SPAIN_Q
    assert source.load_calls == [SPAIN_Q.ref]
    assert snapshots.sessions[SPAIN_Q.ref] is SPAIN_Q


async def test_second_load_is_an_lru_hit_that_touches_nothing() -> None:
    source, snapshots = world()
    loader = SessionLoader(source, snapshots)
    await loader.load(SPAIN_Q.ref)
    reads = snapshots.session_reads
    assert await loader.load(SPAIN_Q.ref) is SPAIN_Q
    assert len(source.load_calls) == 1
    assert snapshots.session_reads == reads


async def test_snapshot_hit_skips_the_source() -> None:
    source, snapshots = world()
    snapshots.sessions[SPAIN_Q.ref] = SPAIN_Q
    loader = SessionLoader(source, snapshots)
    assert await loader.load(SPAIN_Q.ref) is SPAIN_Q
    assert source.load_calls == []
    assert snapshots.session_writes == 0


async def test_lru_evicts_the_least_recently_used_session() -> None:
    source, snapshots = world()
    loader = SessionLoader(source, snapshots, lru_size=2)
    a, b, c = (s.ref for s in MANY[:3])
    await loader.load(a)
    await loader.load(b)
    await loader.load(a)  # a is now the most recent; b is the eldest
    await loader.load(c)  # evicts b
    assert list(loader.cached_refs) == [a, c]
    snapshots.sessions.clear()  # b must come from the source again
    calls = len(source.load_calls)
    await loader.load(b)
    assert len(source.load_calls) == calls + 1
    await loader.load(c)  # still cached
    assert len(source.load_calls) == calls + 1


async def test_lru_size_zero_keeps_nothing_in_memory() -> None:
    source, snapshots = world()
    loader = SessionLoader(source, snapshots, lru_size=0)
    await loader.load(SPAIN_Q.ref)
    await loader.load(SPAIN_Q.ref)
    assert loader.cached_refs == ()
    assert len(source.load_calls) == 1  # the second one came from the snapshot
    assert snapshots.session_reads == 2


async def test_fifty_concurrent_loads_make_one_source_call() -> None:
    source, snapshots = world(delay=0.02)
    loader = SessionLoader(source, snapshots)
    results = await asyncio.gather(*(loader.load(SPAIN_Q.ref) for _ in range(50)))
    assert all(r is SPAIN_Q for r in results)
    assert source.load_calls == [SPAIN_Q.ref]
    assert snapshots.session_writes == 1


async def test_concurrent_loads_of_different_sessions_run_separately() -> None:
    source, snapshots = world(delay=0.01)
    loader = SessionLoader(source, snapshots)
    refs = [s.ref for s in MANY[:4]]
    results = await asyncio.gather(*(loader.load(r) for r in refs * 5))
    assert [r.ref for r in results] == refs * 5
    assert sorted(source.load_calls, key=str) == sorted(refs, key=str)


async def test_a_failure_reaches_every_waiter_and_is_not_cached() -> None:
    source, snapshots = world(delay=0.02)
    source.failures[SPAIN_Q.ref] = DataUnavailableError("timing data is not available")
    loader = SessionLoader(source, snapshots)
    results = await asyncio.gather(
        *(loader.load(SPAIN_Q.ref) for _ in range(10)), return_exceptions=True
    )
    assert all(isinstance(r, DataUnavailableError) for r in results)
    assert len(source.load_calls) == 1
    assert SPAIN_Q.ref not in snapshots.sessions

    del source.failures[SPAIN_Q.ref]
    assert await loader.load(SPAIN_Q.ref) is SPAIN_Q
    assert len(source.load_calls) == 2


async def test_one_waiter_cancelled_does_not_cancel_the_shared_load() -> None:
    source, snapshots = world(delay=0.05)
    loader = SessionLoader(source, snapshots)
    impatient = asyncio.ensure_future(loader.load(SPAIN_Q.ref))
    patient = asyncio.ensure_future(loader.load(SPAIN_Q.ref))
    await asyncio.sleep(0.01)
    impatient.cancel()
    assert await patient is SPAIN_Q
    assert impatient.cancelled()
    assert len(source.load_calls) == 1


async def test_a_failing_snapshot_write_still_answers() -> None:
    source, snapshots = world()

    async def broken_put(session: Session) -> None:
        raise OSError("disk full")

    snapshots.put_session = broken_put  # type: ignore[method-assign]
    loader = SessionLoader(source, snapshots)
    assert await loader.load(SPAIN_Q.ref) is SPAIN_Q


async def test_load_accepts_names_as_people_say_them() -> None:
    source, snapshots = world()
    loader = SessionLoader(source, snapshots)
    assert await loader.load((2024, "Catalunya", "quali")) is SPAIN_Q
    assert await loader.load((2024, "spanish gp", SessionKind.QUALIFYING)) is SPAIN_Q
    assert len(source.load_calls) == 1


async def test_calendar_comes_from_the_snapshot_first_then_the_source() -> None:
    source, snapshots = world()
    loader = SessionLoader(source, snapshots)
    assert await loader.events(2024) == CAL_2024
    assert snapshots.calendars[2024] == CAL_2024
    assert source.events_calls == [2024]
    await loader.events(2024)
    assert source.events_calls == [2024]

    stored_only: tuple[EventInfo, ...] = (CAL_2020[0],)
    snapshots.calendars[2020] = stored_only
    assert await SessionLoader(source, snapshots).events(2020) == stored_only
    assert source.events_calls == [2024]


async def test_resolve_gives_the_exact_ref() -> None:
    loader = SessionLoader(*world())
    assert await loader.resolve(2024, "Shanghai", "sprint qualifying") == SessionRef(
        2024, "Chinese Grand Prix", SessionKind.SPRINT_QUALIFYING
    )
    assert await loader.resolve(2024, "Monza", SessionKind.RACE) == SessionRef(
        2024, "Italian Grand Prix", SessionKind.RACE
    )


async def test_resolve_a_session_the_event_did_not_hold() -> None:
    loader = SessionLoader(*world())
    with pytest.raises(SessionNotFoundError) as info:
        await loader.resolve(2024, "Monza", "sprint")
    assert info.value.message == (
        "the 2024 Italian Grand Prix had no Sprint; it held FP1, FP2, FP3, Q, R"
    )


async def test_resolve_errors_pass_through() -> None:
    loader = SessionLoader(*world())
    with pytest.raises(AmbiguousReferenceError):
        await loader.resolve(2020, "Italy", "R")
    with pytest.raises(SessionNotFoundError, match="Monzza"):
        await loader.resolve(2024, "Monzza", "R")
    with pytest.raises(InvalidRequestError):
        await loader.resolve(2024, "Monza", "warmup")
    with pytest.raises(SessionNotFoundError):
        await loader.resolve(1999, "Monza", "R")


async def test_available_marks_the_sessions_that_load_instantly() -> None:
    source, snapshots = world()
    loader = SessionLoader(source, snapshots)
    await loader.load(SPAIN_Q.ref)
    china_sprint = SessionRef(2024, "Chinese Grand Prix", SessionKind.SPRINT)
    snapshots.sessions[china_sprint] = make_session(CAL_2024[0], SessionKind.SPRINT)
    available = await loader.available(2024)
    assert [(a.event.name, a.cached) for a in available] == [
        ("Chinese Grand Prix", (SessionKind.SPRINT,)),
        ("Spanish Grand Prix", (SessionKind.QUALIFYING,)),
        ("Italian Grand Prix", ()),
    ]
    assert len(source.load_calls) == 1


async def test_available_marks_what_the_source_knows_it_can_load() -> None:
    china, spain, italy = CAL_2024
    source = FakeSessionSource(
        {2024: CAL_2024},
        (make_session(spain, SessionKind.QUALIFYING), make_session(china, SessionKind.SPRINT)),
    )
    snapshots = InMemorySnapshotStore()
    # A snapshot the source no longer has data for (say, written while online) still
    # loads: cached sessions are always loadable.
    italy_r = make_session(italy, SessionKind.RACE)
    snapshots.sessions[italy_r.ref] = italy_r
    loader = SessionLoader(source, snapshots)
    await loader.load(SessionRef(2024, spain.name, SessionKind.QUALIFYING))
    available = await loader.available(2024)
    assert [(a.event.name, a.cached, a.loadable) for a in available] == [
        ("Chinese Grand Prix", (), (SessionKind.SPRINT,)),
        ("Spanish Grand Prix", (SessionKind.QUALIFYING,), (SessionKind.QUALIFYING,)),
        ("Italian Grand Prix", (SessionKind.RACE,), (SessionKind.RACE,)),
    ]
    # Knowing what loads never loads anything.
    assert len(source.load_calls) == 1


async def test_available_loadable_follows_the_calendar_order() -> None:
    china = CAL_2024[0]
    held = (SessionKind.RACE, SessionKind.FP1, SessionKind.SPRINT_QUALIFYING)
    source = FakeSessionSource({2024: CAL_2024}, tuple(make_session(china, k) for k in held))
    [first, *_] = await SessionLoader(source, InMemorySnapshotStore()).available(2024)
    assert first.loadable == (SessionKind.FP1, SessionKind.SPRINT_QUALIFYING, SessionKind.RACE)


async def test_available_when_the_source_cannot_tell_leaves_loadable_unknown() -> None:
    source = FakeSessionSource({2024: CAL_2024}, (SPAIN_Q,), knows_sessions=False)
    snapshots = InMemorySnapshotStore()
    snapshots.sessions[SPAIN_Q.ref] = SPAIN_Q
    available = await SessionLoader(source, snapshots).available(2024)
    assert [(a.cached, a.loadable) for a in available] == [
        ((), None),
        ((SessionKind.QUALIFYING,), None),
        ((), None),
    ]
    assert source.load_calls == []


# ---- loading without the weather -------------------------------------------------------


class WeatherlessSource(FakeSessionSource):
    """A source that can skip the weather, as the FastF1 adapter can; counts both loads."""

    def __init__(self) -> None:
        source, _ = world()
        super().__init__(source.calendars, tuple(source.sessions.values()))
        self.weatherless_calls: list[SessionRef] = []

    async def load_without_weather(self, ref: SessionRef) -> Session:
        self.weatherless_calls.append(ref)
        whole = await FakeSessionSource.load(self, ref)
        self.load_calls.pop()
        return msgspec.structs.replace(whole, weather=(), weather_loaded=False)


WEATHER = (WeatherSample(0, 24.0, 40.0, 50.0, 1013.0, False, 1.5, 180),)


async def test_a_question_without_weather_asks_the_source_for_less() -> None:
    source = WeatherlessSource()
    snapshots = InMemorySnapshotStore()
    loader = SessionLoader(source, snapshots)
    session = await loader.load(SPAIN_Q.ref, weather=False)
    assert (source.weatherless_calls, source.load_calls) == ([SPAIN_Q.ref], [])
    assert session.weather_loaded is False
    assert snapshots.sessions[SPAIN_Q.ref].weather_loaded is False
    # Served again from memory without a second source call.
    assert await loader.load(SPAIN_Q.ref, weather=False) is session
    assert len(source.weatherless_calls) == 1


async def test_a_later_question_that_needs_the_weather_fills_it_in() -> None:
    source = WeatherlessSource()
    source.sessions[SPAIN_Q.ref] = msgspec.structs.replace(SPAIN_Q, weather=WEATHER)
    snapshots = InMemorySnapshotStore()
    loader = SessionLoader(source, snapshots)
    await loader.load(SPAIN_Q.ref, weather=False)
    whole = await loader.load(SPAIN_Q.ref, weather=True)
    assert whole.weather == WEATHER
    assert whole.weather_loaded is True
    assert source.load_calls == [SPAIN_Q.ref]
    # The snapshot is rewritten whole, so a fresh process (a new loader) has the weather.
    assert snapshots.sessions[SPAIN_Q.ref].weather == WEATHER
    fresh = SessionLoader(source, snapshots)
    assert (await fresh.load(SPAIN_Q.ref, weather=True)).weather == WEATHER
    assert source.load_calls == [SPAIN_Q.ref]


async def test_a_source_that_cannot_skip_the_weather_is_asked_for_the_whole_session() -> None:
    source, snapshots = world()
    loader = SessionLoader(source, snapshots)
    session = await loader.load(SPAIN_Q.ref, weather=False)
    assert session is SPAIN_Q
    assert session.weather_loaded is True
    assert source.load_calls == [SPAIN_Q.ref]


async def test_a_weatherless_caller_shares_a_load_that_fetches_the_weather() -> None:
    source = WeatherlessSource()
    source.delay = 0.01
    loader = SessionLoader(source, InMemorySnapshotStore())
    whole, light = await asyncio.gather(
        loader.load(SPAIN_Q.ref, weather=True), loader.load(SPAIN_Q.ref, weather=False)
    )
    assert whole is light
    assert (source.load_calls, source.weatherless_calls) == ([SPAIN_Q.ref], [])
