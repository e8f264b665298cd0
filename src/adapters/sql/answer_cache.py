"""The shared answer cache on SQL."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import CursorResult
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.sql.tables import answer_cache
from f1core.ports.clock import system_clock

_a = answer_cache.c


class SqlAnswerCache:
    """``AnswerCache``: each call is its own short transaction."""

    def __init__(self, engine: AsyncEngine, clock: Callable[[], datetime] = system_clock) -> None:
        self._engine = engine
        self._clock = clock

    async def get(self, key: str) -> bytes | None:
        # Reading and counting the hit is one statement, so concurrent hits all count.
        statement = (
            update(answer_cache).where(_a.key == key).values(hits=_a.hits + 1).returning(_a.answer)
        )
        async with self._engine.begin() as connection:
            answer = (await connection.execute(statement)).scalar_one_or_none()
        return None if answer is None else bytes(answer)

    async def put(self, key: str, answer_json: bytes) -> None:
        dialect = self._engine.dialect.name
        insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
        values = {"key": key, "answer": answer_json, "created_at": self._clock(), "hits": 0}
        statement = insert(answer_cache).values(**values)
        statement = statement.on_conflict_do_update(
            index_elements=[_a.key],
            set_={"answer": answer_json, "created_at": values["created_at"], "hits": 0},
        )
        async with self._engine.begin() as connection:
            await connection.execute(statement)

    async def hits(self, key: str) -> int:
        async with self._engine.connect() as connection:
            value = (
                await connection.execute(select(_a.hits).where(_a.key == key))
            ).scalar_one_or_none()
        return int(value or 0)

    async def clear(self) -> int:
        async with self._engine.begin() as connection:
            count = (
                await connection.execute(select(func.count()).select_from(answer_cache))
            ).scalar_one()
            result = await connection.execute(delete(answer_cache))
            assert isinstance(result, CursorResult)
        return int(count)
