"""The unit of work on SQL: one connection, one transaction, four repositories."""

from __future__ import annotations

from types import TracebackType
from typing import Self

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from adapters.sql.history_repository import SqlHistoryRepository
from adapters.sql.refresh_token_repository import SqlRefreshTokenRepository
from adapters.sql.saved_answer_repository import SqlSavedAnswerRepository
from adapters.sql.user_repository import SqlUserRepository


class SqlUnitOfWork:
    """``UnitOfWork``: entering takes a pooled connection; leaving rolls back and returns it.

    After ``commit()`` the connection starts a new transaction on its next statement, so a
    use case can read back what it just wrote before leaving.
    """

    users: SqlUserRepository
    refresh_tokens: SqlRefreshTokenRepository
    history: SqlHistoryRepository
    saved_answers: SqlSavedAnswerRepository

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        self._connection: AsyncConnection | None = None

    async def __aenter__(self) -> Self:
        if self._connection is not None:
            raise RuntimeError("SqlUnitOfWork is already in use; units of work do not nest")
        connection = await self._engine.connect()
        self._connection = connection
        self.users = SqlUserRepository(connection)
        self.refresh_tokens = SqlRefreshTokenRepository(connection)
        self.history = SqlHistoryRepository(connection)
        self.saved_answers = SqlSavedAnswerRepository(connection)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            try:
                # After a commit nothing is open: skip the round trip (one thread hand-off
                # on aiosqlite) that a no-op rollback would cost.
                if connection.in_transaction():
                    await connection.rollback()
            finally:
                await connection.close()

    async def commit(self) -> None:
        await self._live().commit()

    async def rollback(self) -> None:
        await self._live().rollback()

    def _live(self) -> AsyncConnection:
        if self._connection is None:
            raise RuntimeError("use the unit of work inside `async with`")
        return self._connection
