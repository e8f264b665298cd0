"""Contract-test backends: every repository suite runs on the fake, SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest
from tests.contract.sql_backends import (
    Database,
    empty_account_tables,
    postgres_database,
    sqlite_database,
)
from tests.fakes import FakeUnitOfWork, InMemoryAnswerCache

from adapters.sql.answer_cache import SqlAnswerCache
from adapters.sql.unit_of_work import SqlUnitOfWork
from f1core.ports.answer_cache import AnswerCache
from f1core.ports.unit_of_work import UnitOfWork


@pytest.fixture(scope="session")
def sqlite_db(tmp_path_factory: pytest.TempPathFactory) -> Database:
    return sqlite_database(tmp_path_factory.mktemp("sqlite"))


@pytest.fixture(scope="session")
def postgresql_db() -> Iterator[Database]:
    yield from postgres_database()


class Backend:
    """One storage backend as the ports see it."""

    def __init__(self, name: str, uow: UnitOfWork, cache: AnswerCache) -> None:
        self.name = name
        self.uow = uow
        self.cache = cache


@pytest.fixture(params=["memory", "sqlite", "postgresql"])
async def accounts_backend(request: pytest.FixtureRequest) -> AsyncIterator[Backend]:
    if request.param == "memory":
        yield Backend("memory", FakeUnitOfWork(), InMemoryAnswerCache())
        return
    database: Database = request.getfixturevalue(f"{request.param}_db")
    engine = database.engine()
    await empty_account_tables(engine)
    try:
        yield Backend(request.param, SqlUnitOfWork(engine), SqlAnswerCache(engine))
    finally:
        await engine.dispose()
