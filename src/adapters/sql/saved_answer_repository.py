"""Saved (shareable) answers on SQL."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import CursorResult
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.sql.tables import saved_answers
from f1core.domain.history import NewSavedAnswer, SavedAnswer

_s = saved_answers.c


class SqlSavedAnswerRepository:
    """``SavedAnswerRepository``: scoped by owner except the lookup by share token."""

    def __init__(self, connection: AsyncConnection) -> None:
        self._c = connection

    async def add(self, answer: NewSavedAnswer) -> SavedAnswer:
        result = await self._c.execute(
            insert(saved_answers)
            .values(
                user_id=answer.user_id,
                history_id=answer.history_id,
                question=answer.question,
                summary=answer.summary,
                answer=answer.answer,
                share_token=answer.share_token,
                created_at=answer.created_at,
            )
            .returning(*saved_answers.c)
        )
        return _saved(result.one()._mapping)

    async def get(self, user_id: int, answer_id: int) -> SavedAnswer | None:
        query = select(saved_answers).where((_s.id == answer_id) & (_s.user_id == user_id))
        row = (await self._c.execute(query)).first()
        return None if row is None else _saved(row._mapping)

    async def get_by_share_token(self, share_token: str) -> SavedAnswer | None:
        query = select(saved_answers).where(_s.share_token == share_token)
        row = (await self._c.execute(query)).first()
        return None if row is None else _saved(row._mapping)

    async def list(self, user_id: int) -> tuple[SavedAnswer, ...]:
        query = select(saved_answers).where(_s.user_id == user_id).order_by(_s.id.desc())
        return tuple(_saved(r._mapping) for r in await self._c.execute(query))

    async def delete(self, user_id: int, answer_id: int) -> bool:
        result = await self._c.execute(
            delete(saved_answers).where((_s.id == answer_id) & (_s.user_id == user_id))
        )
        assert isinstance(result, CursorResult)
        return result.rowcount == 1


def _saved(row: Any) -> SavedAnswer:
    return SavedAnswer(
        id=row["id"],
        user_id=row["user_id"],
        history_id=row["history_id"],
        question=row["question"],
        summary=row["summary"],
        answer=row["answer"],
        share_token=row["share_token"],
        created_at=row["created_at"],
    )
