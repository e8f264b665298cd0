"""AnswerCache contract: every backend, bare and behind the per-process memory front."""

from __future__ import annotations

import asyncio

import pytest
from tests.contract.conftest import Backend

from adapters.memory.answer_cache import MemoryFrontedAnswerCache
from f1core.domain.history import answer_cache_key
from f1core.ports.answer_cache import AnswerCache

KEY = answer_cache_key({"kind": "race_winner", "year": 2021, "event": "Abu Dhabi"}, "ergast-1")
ANSWER = '{"summary":"Verstappen won","rows":[["VER",1]],"note":"ü"}'.encode()


@pytest.fixture(params=["bare", "memory-fronted"])
def cache(request: pytest.FixtureRequest, accounts_backend: Backend) -> AnswerCache:
    if request.param == "bare":
        return accounts_backend.cache
    return MemoryFrontedAnswerCache(accounts_backend.cache)


async def test_miss_put_hit(cache: AnswerCache) -> None:
    assert await cache.get(KEY) is None
    assert await cache.hits(KEY) == 0
    await cache.put(KEY, ANSWER)
    assert await cache.get(KEY) == ANSWER
    assert await cache.get(KEY) == ANSWER
    assert await cache.hits(KEY) == 2
    # A new answer for the key replaces the old one and restarts the count.
    await cache.put(KEY, b'{"v":2}')
    assert await cache.get(KEY) == b'{"v":2}'
    assert await cache.hits(KEY) == 1
    other = answer_cache_key({"kind": "race_winner", "year": 2021, "event": "Abu Dhabi"}, "v2")
    assert await cache.get(other) is None
    assert await cache.clear() == 1
    assert await cache.get(KEY) is None


async def test_concurrent_hits_all_count(cache: AnswerCache) -> None:
    await cache.put(KEY, ANSWER)
    results = await asyncio.gather(*(cache.get(KEY) for _ in range(10)))
    assert results == [ANSWER] * 10
    assert await cache.hits(KEY) == 10
