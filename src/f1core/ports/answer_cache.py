"""Port: a cache of computed answers shared by every user and driver."""

from __future__ import annotations

from typing import Protocol


class AnswerCache(Protocol):
    """Answer JSON by key (see ``f1core.domain.history.answer_cache_key``).

    Runs its own short transactions: a cache write must not wait for, or roll back
    with, a user's unit of work.
    """

    async def get(self, key: str) -> bytes | None:
        """The cached answer JSON, counting a hit, or None."""
        ...

    async def put(self, key: str, answer_json: bytes) -> None:
        """Store an answer; a second put for one key replaces the first."""
        ...

    async def hits(self, key: str) -> int:
        """How often ``get`` found this key (0 when absent)."""
        ...

    async def clear(self) -> int:
        """Drop every entry; returns how many there were."""
        ...
