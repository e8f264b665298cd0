"""The scheduler: one worker of many runs the jobs; the next takes over when it stops."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest
from tests.fakes import InMemoryJobLock

from entrypoints.scheduler import ScheduledJob, Scheduler, parse_interval
from f1core.errors import ConfigurationError


async def _yield(_: float) -> None:
    await asyncio.sleep(0)


def worker(held: set[str], runs: list[str], name: str, fail: bool = False) -> Scheduler:
    async def job() -> None:
        runs.append(name)
        if fail:
            raise RuntimeError("the feed is down")

    return Scheduler(
        InMemoryJobLock(held), [ScheduledJob("sync", 3600, job)], retry_s=60, sleep=_yield
    )


async def until(condition: Callable[[], bool]) -> None:
    for _ in range(100_000):
        if condition():
            return
        await asyncio.sleep(0)
    pytest.fail("never happened")


async def test_only_the_lock_holder_runs_the_jobs_and_another_takes_over() -> None:
    held: set[str] = set()
    runs: list[str] = []
    a, b = worker(held, runs, "a"), worker(held, runs, "b")
    await a.start()
    await until(lambda: runs.count("a") >= 3)
    await b.start()
    await until(lambda: runs.count("a") >= 6)
    assert "b" not in runs
    assert a.leading and not b.leading

    await a.stop()  # the worker exits: its lock goes with it
    await until(lambda: "b" in runs)
    assert b.leading
    await b.stop()
    assert held == set()


async def test_a_failing_job_is_retried_at_its_next_turn() -> None:
    held: set[str] = set()
    runs: list[str] = []
    a = worker(held, runs, "a", fail=True)
    await a.start()
    await until(lambda: len(runs) >= 2)
    assert a.leading
    await a.stop()


def test_intervals() -> None:
    assert parse_interval("X", None) is None
    assert parse_interval("X", "off") is None
    assert parse_interval("X", "0") is None
    assert parse_interval("X", "900") == 900
    assert parse_interval("X", "15m") == 900
    assert parse_interval("X", "6h") == 6 * 3600
    assert parse_interval("X", "1d") == 86400
    with pytest.raises(ConfigurationError, match="X must be an interval"):
        parse_interval("X", "soon")
