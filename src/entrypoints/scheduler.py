"""Scheduled jobs of the service (archive sync, backups), run by one worker only.

Every worker starts a ``Scheduler``; each tries to take the ``JobLock`` and the one
that gets it runs every job at its interval for as long as it lives, while the others
try again every ``retry_s``: if the runner exits or dies, its lock goes with it and
another worker takes over. A failing job is logged and tried again at its next turn.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from f1core.errors import ConfigurationError
from f1core.ports.job_lock import JobLock

log = logging.getLogger(__name__)

_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")


def parse_interval(name: str, raw: str | None) -> float | None:
    """``"900"``, ``"15m"``, ``"6h"``, ``"1d"`` -> seconds; unset, ``0`` or ``off`` -> None."""
    if raw is None or raw.strip().lower() in {"", "0", "off", "no", "false"}:
        return None
    match = _DURATION.match(raw.lower())
    if match is None or float(match[1]) <= 0:
        raise ConfigurationError(
            f"{name} must be an interval such as 900, 15m, 6h or 1d (or off), not {raw!r}."
        )
    return float(match[1]) * _UNITS[match[2]]


@dataclass(frozen=True)
class ScheduledJob:
    """A job: its name (for logs), how often, and what to run."""

    name: str
    interval_s: float
    run: Callable[[], Awaitable[object]]


class Scheduler:
    """Runs ``jobs`` in the one worker that holds the lock."""

    def __init__(
        self,
        lock: JobLock,
        jobs: list[ScheduledJob],
        *,
        retry_s: float = 60.0,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._lock = lock
        self._jobs = jobs
        self._retry_s = retry_s
        self._sleep = sleep
        self._task: asyncio.Task[None] | None = None
        self.leading = False
        self.runs: dict[str, int] = {job.name: 0 for job in jobs}

    async def start(self) -> None:
        """Begin trying to lead (in the background)."""
        if self._jobs and self._task is None:
            self._task = asyncio.create_task(self._lead(), name="f1-scheduler")

    async def stop(self) -> None:
        """Stop the jobs and give the lock up."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _lead(self) -> None:
        while True:
            async with self._lock.hold("scheduled-jobs") as leader:
                if leader:
                    self.leading = True
                    log.info("this worker runs the scheduled jobs: %s", list(self.runs))
                    try:
                        await asyncio.gather(*(self._every(job) for job in self._jobs))
                    finally:
                        self.leading = False
            await self._sleep(self._retry_s)

    async def _every(self, job: ScheduledJob) -> None:
        while True:
            try:
                outcome = await job.run()
                log.info("scheduled %s done: %s", job.name, outcome)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("scheduled %s failed; next try in %.0f s", job.name, job.interval_s)
            self.runs[job.name] += 1
            await self._sleep(job.interval_s)
