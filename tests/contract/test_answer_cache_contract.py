"""AnswerCache contract."""

from __future__ import annotations

import asyncio

from tests.contract.conftest import Backend

from f1core.domain.history import answer_cache_key

KEY = answer_cache_key({"kind": "race_winner", "year": 2021, "event": "Abu Dhabi"}, "ergast-1")
ANSWER = '{"summary":"Verstappen won","rows":[["VER",1]],"note":"ü"}'.encode()


async def test_miss_put_hit(accounts_backend: Backend) -> None:
    cache = accounts_backend.cache
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


async def test_concurrent_hits_all_count(accounts_backend: Backend) -> None:
    await accounts_backend.cache.put(KEY, ANSWER)
    results = await asyncio.gather(*(accounts_backend.cache.get(KEY) for _ in range(10)))
    assert results == [ANSWER] * 10
    assert await accounts_backend.cache.hits(KEY) == 10
