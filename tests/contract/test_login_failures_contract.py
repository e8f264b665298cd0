"""LoginFailureStore contract: the fake, the bounded in-memory store and Redis agree."""

from __future__ import annotations

import asyncio
import os
import secrets
from collections.abc import AsyncIterator

import pytest
from tests.fakes import InMemoryLoginFailureStore

from adapters.memory.login_failures import BoundedMemoryLoginFailureStore
from adapters.redis.login_failures import RedisLoginFailureStore
from f1core.domain.login_throttle import FailureCount, with_failure
from f1core.ports.login_failures import LoginFailureStore

REDIS_URL = os.environ.get("F1_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
T0 = 1_740_830_400_000
KEY = "pair:203.0.113.9|ana"


@pytest.fixture(params=["fake", "memory", "redis"])
async def store(request: pytest.FixtureRequest) -> AsyncIterator[LoginFailureStore]:
    if request.param == "fake":
        yield InMemoryLoginFailureStore()
    elif request.param == "memory":
        yield BoundedMemoryLoginFailureStore()
    else:
        redis_store = RedisLoginFailureStore(REDIS_URL, prefix=f"f1-test-{secrets.token_hex(4)}")
        try:
            yield redis_store
        finally:
            await redis_store.close()


def add_failure(count: FailureCount | None) -> FailureCount:
    return with_failure(count, T0)


async def test_update_get_delete(store: LoginFailureStore) -> None:
    assert await store.get(KEY) is None
    first = await store.update(KEY, add_failure)
    assert first == FailureCount(failures=1, last_failure_ms=T0, forget_at_ms=T0 + 900_000)
    assert await store.get(KEY) == first
    second = await store.update(KEY, add_failure)
    assert second is not None and second.failures == 2
    assert await store.get(KEY) == second
    assert await store.get("addr:203.0.113.9") is None  # keys are independent
    await store.delete(KEY)
    assert await store.get(KEY) is None
    await store.delete(KEY)  # deleting nothing is fine


async def test_a_change_to_none_removes_the_count(store: LoginFailureStore) -> None:
    await store.update(KEY, add_failure)
    assert await store.update(KEY, lambda _count: None) is None
    assert await store.get(KEY) is None


async def test_concurrent_updates_are_never_lost(store: LoginFailureStore) -> None:
    results = await asyncio.gather(*(store.update(KEY, add_failure) for _ in range(20)))
    assert sorted(r.failures for r in results if r is not None) == list(range(1, 21))
    final = await store.get(KEY)
    assert final is not None and final.failures == 20


async def test_bounded_memory_store_forgets_the_stalest_count() -> None:
    bounded = BoundedMemoryLoginFailureStore(max_counts=2)
    for key in ("a", "b"):
        await bounded.update(key, add_failure)
    await bounded.update("a", add_failure)  # "a" is now the freshest
    await bounded.update("c", add_failure)
    assert await bounded.get("b") is None
    assert (await bounded.get("a")) is not None and (await bounded.get("c")) is not None
