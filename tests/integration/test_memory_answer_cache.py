"""The per-process memory in front of the SQL answer cache (real SQLite underneath)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine
from tests.contract.sql_backends import empty_account_tables, sqlite_database
from tests.fakes import FakeMonotonicClock

from adapters.memory.answer_cache import MemoryFrontedAnswerCache
from adapters.sql.answer_cache import SqlAnswerCache
from f1core.domain.history import answer_cache_key

KEY = answer_cache_key({"kind": "race_winner", "year": 2021, "event": "Abu Dhabi"}, "ergast-1")
ANSWER = b'{"summary":"Verstappen won"}'
TTL_S = 60.0


@pytest.fixture
async def engine(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    engine = sqlite_database(tmp_path).engine()
    await empty_account_tables(engine)
    try:
        yield engine
    finally:
        await engine.dispose()


def statements_of(engine: AsyncEngine) -> list[str]:
    seen: list[str] = []
    event.listen(engine.sync_engine, "before_cursor_execute", lambda *a: seen.append(a[2]))
    return seen


async def test_a_hit_is_served_from_memory(engine: AsyncEngine) -> None:
    cache = MemoryFrontedAnswerCache(
        SqlAnswerCache(engine), ttl_s=TTL_S, clock=FakeMonotonicClock()
    )
    await cache.put(KEY, ANSWER)
    seen = statements_of(engine)
    assert [await cache.get(KEY) for _ in range(5)] == [ANSWER] * 5
    assert seen == []


async def test_another_process_s_answer_is_read_once_then_kept(engine: AsyncEngine) -> None:
    await SqlAnswerCache(engine).put(KEY, ANSWER)  # written by another worker
    cache = MemoryFrontedAnswerCache(
        SqlAnswerCache(engine), ttl_s=TTL_S, clock=FakeMonotonicClock()
    )
    seen = statements_of(engine)
    assert [await cache.get(KEY) for _ in range(3)] == [ANSWER] * 3
    assert len(seen) == 1
    assert await cache.hits(KEY) == 3


async def test_a_clear_elsewhere_is_seen_when_the_entry_expires(engine: AsyncEngine) -> None:
    ticks = FakeMonotonicClock()
    cache = MemoryFrontedAnswerCache(SqlAnswerCache(engine), ttl_s=TTL_S, clock=ticks)
    await cache.put(KEY, ANSWER)
    assert await SqlAnswerCache(engine).clear() == 1  # f1 cache clear, another process
    assert await cache.get(KEY) == ANSWER
    ticks.now += TTL_S
    assert await cache.get(KEY) is None


async def test_the_oldest_entries_go_first(engine: AsyncEngine) -> None:
    cache = MemoryFrontedAnswerCache(
        SqlAnswerCache(engine), max_entries=2, clock=FakeMonotonicClock()
    )
    keys = [answer_cache_key({"n": n}, "v") for n in range(3)]
    for key in keys:
        await cache.put(key, ANSWER)
    await SqlAnswerCache(engine).clear()  # now only memory can answer
    assert [await cache.get(key) for key in keys] == [None, ANSWER, ANSWER]
