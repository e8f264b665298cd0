"""``JobLock`` for each backend: a PostgreSQL advisory lock, or a file lock beside SQLite.

Workers of one service share the database, so the database backend decides the lock:
on PostgreSQL (workers on several hosts) a session advisory lock, held on a connection
of its own for as long as the worker runs the jobs; on SQLite (one host by construction)
an exclusive ``flock`` on a file in the data directory. Either is released when its
holder exits or dies, so another worker takes over.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import hashlib
import os
from collections.abc import AsyncIterator
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine


def _advisory_key(name: str) -> int:
    # a stable signed 64-bit key per job name
    return int.from_bytes(hashlib.sha256(f"f1:{name}".encode()).digest()[:8], "big", signed=True)


class PostgresAdvisoryJobLock:
    """``pg_try_advisory_lock`` on a dedicated connection."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    @contextlib.asynccontextmanager
    async def hold(self, name: str) -> AsyncIterator[bool]:
        key = _advisory_key(name)
        async with self._engine.connect() as conn:
            got = bool(
                (await conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": key})).scalar()
            )
            await conn.commit()
            try:
                yield got
            finally:
                if got:
                    with contextlib.suppress(Exception):  # a dead connection released it
                        await conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": key})
                        await conn.commit()


class FileJobLock:
    """An exclusive, non-blocking ``flock`` on ``directory/<name>.lock``."""

    def __init__(self, directory: Path) -> None:
        self._directory = directory

    @contextlib.asynccontextmanager
    async def hold(self, name: str) -> AsyncIterator[bool]:
        path = self._directory / f"{name}.lock"
        fd = await asyncio.to_thread(_open, path)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                yield False
                return
            try:
                yield True
            finally:
                fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)


def _open(path: Path) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    return os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
