"""Rate limits: moving windows, in Redis (the ``limits`` library) or in this process.

In Redis the moving window is one Lua script per hit, so the count is atomic across
worker processes and hosts. In memory it holds for one process (the embedded setup) and
is a deque of timestamps per key: ``limits``' own memory storage schedules an expiry task
with a thread hand-off on every hit, which cost a tenth of a busy worker's time.
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable

from limits import RateLimitItem, parse
from limits.aio.storage import RedisStorage
from limits.aio.strategies import MovingWindowRateLimiter

from entrypoints.http.config import HttpConfig

# How often the memory window drops the keys whose hits have all expired.
_SWEEP_EVERY_S = 60.0


class MemoryMovingWindow:
    """A moving window per key in this process: at most ``amount`` hits in any
    ``expiry`` seconds. The same semantics as ``limits``' moving window."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        # per key: the window's length and the times of its hits, oldest first
        self._hits: dict[tuple[object, ...], tuple[float, deque[float]]] = {}
        self._next_sweep = clock() + _SWEEP_EVERY_S

    def hit(self, limit: RateLimitItem, *key: str) -> int | None:
        """Count a hit; None when allowed, else the whole seconds until one is."""
        now = self._clock()
        window = limit.get_expiry()
        if now >= self._next_sweep:
            self._sweep(now)
        name = (limit.amount, window, *key)  # the same limit and key: the same count
        entry = self._hits.get(name)
        if entry is None:
            entry = self._hits[name] = (window, deque())
        hits = entry[1]
        start = now - window
        while hits and hits[0] <= start:
            hits.popleft()
        if len(hits) >= limit.amount:
            return max(1, math.ceil(hits[0] + window - now))
        hits.append(now)
        return None

    def reset(self) -> None:
        self._hits.clear()

    def _sweep(self, now: float) -> None:
        # Keys whose newest hit has left their window count nothing any more.
        self._next_sweep = now + _SWEEP_EVERY_S
        self._hits = {k: (w, h) for k, (w, h) in self._hits.items() if h and h[-1] > now - w}


class RateLimiter:
    """``hit`` counts one request against a limit for a key; a refusal says when to retry."""

    def __init__(self, config: HttpConfig, redis_url: str | None = None) -> None:
        self._memory: MemoryMovingWindow | None = None
        self._redis: RedisStorage | None = None
        if redis_url:
            # limits picks its async Redis client by scheme; redis-py is the one we install.
            uri = "async+" + redis_url if not redis_url.startswith("async+") else redis_url
            self._redis = RedisStorage(
                uri, implementation="redispy", key_prefix=config.rate_limit_prefix
            )
            self._limiter = MovingWindowRateLimiter(self._redis)
        else:
            self._memory = MemoryMovingWindow()
        self.backend = "redis" if redis_url else "memory"
        self.general = parse(config.rate_limit)
        self.auth = parse(config.auth_rate_limit)
        self.account = parse(config.account_rate_limit)
        self.register = parse(config.register_rate_limit)

    async def hit(self, limit: RateLimitItem, *key: str) -> int | None:
        """Count a request; None when allowed, else the seconds to wait (at least 1)."""
        if self._memory is not None:
            return self._memory.hit(limit, *key)
        if await self._limiter.hit(limit, *key):
            return None
        stats = await self._limiter.get_window_stats(limit, *key)
        return max(1, math.ceil(stats.reset_time - time.time()))

    async def reset(self) -> None:
        """Forget every count (tests, and an operator's escape hatch)."""
        if self._memory is not None:
            self._memory.reset()
        elif self._redis is not None:
            await self._redis.reset()
