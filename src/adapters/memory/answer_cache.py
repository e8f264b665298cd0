"""A per-process memory of recent answers in front of the shared answer cache."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable

from f1core.ports.answer_cache import AnswerCache


class MemoryFrontedAnswerCache:
    """``AnswerCache``: the most recent ``max_entries`` answers kept in this process.

    A hit here costs a dictionary look-up instead of a database round trip (the shared
    cache's read, with its hit count, was slower than recomputing a warm answer). Every
    write goes through to ``inner``, so other processes share it. Entries are kept for
    ``ttl_s`` at most, so a ``clear`` made by another process (``f1 cache clear``) is
    seen here within that time; a ``clear`` through this object drops them at once.
    Hits served from memory are counted here and added to ``inner``'s in ``hits``.
    """

    def __init__(
        self,
        inner: AnswerCache,
        max_entries: int = 1024,
        ttl_s: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._inner = inner
        self._max_entries = max_entries
        self._ttl_s = ttl_s
        self._clock = clock
        self._entries: OrderedDict[str, tuple[float, bytes]] = OrderedDict()
        self._hits: dict[str, int] = {}

    async def get(self, key: str) -> bytes | None:
        entry = self._entries.get(key)
        if entry is not None:
            if entry[0] > self._clock():
                self._entries.move_to_end(key)
                self._hits[key] = self._hits.get(key, 0) + 1
                return entry[1]
            del self._entries[key]
        answer = await self._inner.get(key)
        if answer is not None:
            self._remember(key, answer)
        return answer

    async def put(self, key: str, answer_json: bytes) -> None:
        await self._inner.put(key, answer_json)
        self._remember(key, answer_json)
        self._hits.pop(key, None)

    async def hits(self, key: str) -> int:
        return await self._inner.hits(key) + self._hits.get(key, 0)

    async def clear(self) -> int:
        self._entries.clear()
        self._hits.clear()
        return await self._inner.clear()

    def _remember(self, key: str, answer_json: bytes) -> None:
        self._entries[key] = (self._clock() + self._ttl_s, answer_json)
        self._entries.move_to_end(key)
        while len(self._entries) > self._max_entries:
            evicted, _ = self._entries.popitem(last=False)
            self._hits.pop(evicted, None)
