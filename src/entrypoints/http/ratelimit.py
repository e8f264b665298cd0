"""Rate limits with the ``limits`` library: moving windows, in Redis or in memory.

In Redis the moving window is one Lua script per hit, so the count is atomic across
worker processes and hosts; in memory it holds for one process (the embedded setup).
"""

from __future__ import annotations

import math
import time

from limits import RateLimitItem, parse
from limits.aio.storage import MemoryStorage, RedisStorage, Storage
from limits.aio.strategies import MovingWindowRateLimiter

from entrypoints.http.config import HttpConfig


class RateLimiter:
    """``hit`` counts one request against a limit for a key; a refusal says when to retry."""

    def __init__(self, config: HttpConfig, redis_url: str | None = None) -> None:
        storage: Storage
        if redis_url:
            # limits picks its async Redis client by scheme; redis-py is the one we install.
            uri = "async+" + redis_url if not redis_url.startswith("async+") else redis_url
            storage = RedisStorage(
                uri, implementation="redispy", key_prefix=config.rate_limit_prefix
            )
        else:
            storage = MemoryStorage()
        self.storage = storage
        self.backend = "redis" if redis_url else "memory"
        self._limiter = MovingWindowRateLimiter(storage)
        self.general = parse(config.rate_limit)
        self.auth = parse(config.auth_rate_limit)
        self.account = parse(config.account_rate_limit)
        self.register = parse(config.register_rate_limit)

    async def hit(self, limit: RateLimitItem, *key: str) -> int | None:
        """Count a request; None when allowed, else the seconds to wait (at least 1)."""
        if await self._limiter.hit(limit, *key):
            return None
        stats = await self._limiter.get_window_stats(limit, *key)
        return max(1, math.ceil(stats.reset_time - time.time()))

    async def reset(self) -> None:
        """Forget every count (tests, and an operator's escape hatch)."""
        await self.storage.reset()
