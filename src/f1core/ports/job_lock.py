"""Port: a lock that lets one worker of many run the scheduled jobs."""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from typing import Protocol


class JobLock(Protocol):
    """``hold(name)`` tries to take the lock without waiting; the context yields whether
    it did, and releases it on exit. Held by another worker (or process) means False."""

    def hold(self, name: str) -> AbstractAsyncContextManager[bool]:
        """Try to become the one runner of ``name``."""
        ...
