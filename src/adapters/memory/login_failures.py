"""Login-failure counts in process memory, bounded: for one process (the embedded setup)."""

from __future__ import annotations

from collections import OrderedDict

from f1core.domain.login_throttle import FailureCount
from f1core.ports.login_failures import Change

MAX_COUNTS = 100_000  # ~20 MB at most; an attacker cycling keys cannot grow it further


class BoundedMemoryLoginFailureStore:
    """``LoginFailureStore`` in an LRU dict: past ``max_counts`` the stalest count goes.

    Nothing awaits between reading and writing a count, so updates are atomic within the
    event loop. Several workers each keep their own counts: use Redis there.
    """

    def __init__(self, max_counts: int = MAX_COUNTS) -> None:
        self._counts: OrderedDict[str, FailureCount] = OrderedDict()
        self._max = max_counts

    async def get(self, key: str) -> FailureCount | None:
        """The count under ``key``, or None."""
        return self._counts.get(key)

    async def update(self, key: str, change: Change) -> FailureCount | None:
        """Apply ``change`` to the count under ``key`` (atomic: no await inside)."""
        new = change(self._counts.get(key))
        if new is None:
            self._counts.pop(key, None)
            return None
        self._counts[key] = new
        self._counts.move_to_end(key)
        while len(self._counts) > self._max:
            self._counts.popitem(last=False)
        return new

    async def delete(self, key: str) -> None:
        """Forget the count under ``key``."""
        self._counts.pop(key, None)
