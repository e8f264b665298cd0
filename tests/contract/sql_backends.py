"""Real databases for tests: a migrated SQLite file and a private PostgreSQL schema.

PostgreSQL is ``postgresql+asyncpg://postgres@127.0.0.1:5432/test``; each test session
gets its own schema (dropped at the end), so parallel sessions and other suites sharing
the database do not see each other's rows. If the server is down the tests fail: they
never skip.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
import secrets
from collections.abc import AsyncIterator, Coroutine, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.sql.engine import make_engine
from adapters.sql.migrate import upgrade_engine

PG_URL = os.environ.get("F1_TEST_PG_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")
ACCOUNT_TABLES = ("saved_answers", "query_history", "refresh_tokens", "users", "answer_cache")


@dataclass(frozen=True)
class Database:
    """Where a migrated test database lives; ``engine()`` makes an engine for the current loop."""

    url: str
    schema: str | None = None

    def engine(self) -> AsyncEngine:
        return make_engine(self.url, search_path=self.schema, pool_size=2)


def run_sync(work: Coroutine[Any, Any, None]) -> None:
    """Run ``work`` on a fresh loop in a thread: fixtures may be set up inside a running loop."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, work).result()


async def _migrate(database: Database) -> None:
    engine = database.engine()
    try:
        if database.schema is not None:
            async with engine.begin() as connection:
                await connection.execute(text(f'CREATE SCHEMA "{database.schema}"'))
        await upgrade_engine(engine)
    finally:
        await engine.dispose()


def sqlite_database(directory: Path) -> Database:
    """A freshly migrated SQLite file in ``directory``."""
    database = Database(f"sqlite+aiosqlite:///{directory / 'accounts.sqlite3'}")
    run_sync(_migrate(database))
    return database


def postgres_database() -> Iterator[Database]:
    """A freshly migrated private schema in the test PostgreSQL database; dropped after."""
    database = Database(PG_URL, schema=f"c_test_{secrets.token_hex(4)}")
    run_sync(_migrate(database))
    try:
        yield database
    finally:
        run_sync(_drop_schema(database))


async def _drop_schema(database: Database) -> None:
    engine = make_engine(database.url)
    try:
        async with engine.begin() as connection:
            await connection.execute(text(f'DROP SCHEMA IF EXISTS "{database.schema}" CASCADE'))
    finally:
        await engine.dispose()


async def empty_account_tables(engine: AsyncEngine) -> None:
    """Delete every row of the account tables (and reset ids on PostgreSQL)."""
    async with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            names = ", ".join(ACCOUNT_TABLES)
            await connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            for table in ACCOUNT_TABLES:
                await connection.execute(text(f"DELETE FROM {table}"))


BACKENDS = ("sqlite", "postgresql")


def each_backend(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, name: str
) -> Iterator[Database]:
    """A module-scoped database fixture's body, for ``params=BACKENDS``."""
    if request.param == "sqlite":
        yield sqlite_database(tmp_path_factory.mktemp(name))
    else:
        yield from postgres_database()


async def emptied_engine(database: Database) -> AsyncIterator[AsyncEngine]:
    """An engine on ``database`` with the account tables emptied; disposed after."""
    engine = database.engine()
    await empty_account_tables(engine)
    try:
        yield engine
    finally:
        await engine.dispose()
