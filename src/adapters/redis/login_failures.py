"""Login-failure counts in Redis: shared by every worker and host of a deployment."""

from __future__ import annotations

import msgspec
import redis.asyncio as aioredis
from redis.exceptions import RedisError, WatchError

from f1core.domain.login_throttle import FailureCount
from f1core.errors import DataUnavailableError
from f1core.ports.login_failures import Change

_decoder = msgspec.json.Decoder(FailureCount)


class RedisLoginFailureStore:
    """``LoginFailureStore`` as one JSON string per key, updated under WATCH/MULTI.

    A count expires when its last failure is forgiven (measured from the failure's own
    time, so the app's and Redis's clocks need not agree).
    """

    def __init__(self, url: str, prefix: str = "f1") -> None:
        # Named, so that CLIENT LIST tells an operator (and a test) whose connections these are.
        self._redis = aioredis.from_url(url, client_name=f"{prefix}:login-failures")
        self._prefix = f"{prefix}:login-failures:"

    async def get(self, key: str) -> FailureCount | None:
        """The count under ``key``, or None."""
        try:
            raw = await self._redis.get(self._prefix + key)
        except RedisError as exc:
            raise _unavailable(exc) from exc
        return None if raw is None else _decoder.decode(raw)

    async def update(self, key: str, change: Change) -> FailureCount | None:
        """Apply ``change`` optimistically: retried when another writer got in between."""
        name = self._prefix + key
        try:
            async with self._redis.pipeline(transaction=True) as pipe:
                while True:
                    try:
                        await pipe.watch(name)
                        raw = await pipe.get(name)
                        new = change(None if raw is None else _decoder.decode(raw))
                        pipe.multi()  # type: ignore[no-untyped-call]
                        if new is None:
                            pipe.delete(name)
                        else:
                            keep_ms = max(1, new.forget_at_ms - new.last_failure_ms)
                            pipe.set(name, msgspec.json.encode(new), px=keep_ms)
                        await pipe.execute()
                        return new
                    except WatchError:
                        continue
        except RedisError as exc:
            raise _unavailable(exc) from exc

    async def delete(self, key: str) -> None:
        """Forget the count under ``key``."""
        try:
            await self._redis.delete(self._prefix + key)
        except RedisError as exc:
            raise _unavailable(exc) from exc

    async def close(self) -> None:
        """Release the connection pool."""
        await self._redis.aclose()


def _unavailable(exc: RedisError) -> DataUnavailableError:
    return DataUnavailableError(
        f"The login throttle's store (Redis) is unavailable ({type(exc).__name__}); "
        "try again in a moment."
    )
