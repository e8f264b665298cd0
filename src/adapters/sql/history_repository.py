"""Query history on SQL."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import CursorResult
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.sql.tables import query_history
from f1core.domain.history import HistoryEntry, NewHistoryEntry, QueryStatus

_h = query_history.c


class SqlHistoryRepository:
    """``HistoryRepository``: every query filters on the owner as well as the id."""

    def __init__(self, connection: AsyncConnection) -> None:
        self._c = connection

    async def add(self, entry: NewHistoryEntry) -> HistoryEntry:
        result = await self._c.execute(
            insert(query_history).values(**history_values(entry)).returning(*query_history.c)
        )
        return entry_from_row(result.one()._mapping)

    async def get(self, user_id: int, entry_id: int) -> HistoryEntry | None:
        query = select(query_history).where((_h.id == entry_id) & (_h.user_id == user_id))
        row = (await self._c.execute(query)).first()
        return None if row is None else entry_from_row(row._mapping)

    async def list(
        self, user_id: int, *, limit: int, before_id: int | None = None
    ) -> tuple[HistoryEntry, ...]:
        query = select(query_history).where(_h.user_id == user_id)
        if before_id is not None:
            query = query.where(_h.id < before_id)
        rows = await self._c.execute(query.order_by(_h.id.desc()).limit(limit))
        return tuple(entry_from_row(r._mapping) for r in rows)

    async def delete(self, user_id: int, entry_id: int) -> bool:
        result = await self._c.execute(
            delete(query_history).where((_h.id == entry_id) & (_h.user_id == user_id))
        )
        assert isinstance(result, CursorResult)
        return result.rowcount == 1


def history_values(entry: NewHistoryEntry) -> dict[str, Any]:
    """The columns of a new entry's row."""
    return {
        "user_id": entry.user_id,
        "question": entry.question,
        "interpreted_query": entry.interpreted_query,
        "answer_summary": entry.answer_summary,
        "status": entry.status.value,
        "timings_ms": entry.timings_ms,
        "created_at": entry.created_at,
    }


def entry_from_row(row: Any) -> HistoryEntry:
    """A stored entry from its row's mapping."""
    return HistoryEntry(
        id=row["id"],
        user_id=row["user_id"],
        question=row["question"],
        status=QueryStatus(row["status"]),
        interpreted_query=row["interpreted_query"],
        answer_summary=row["answer_summary"],
        timings_ms={str(k): float(v) for k, v in row["timings_ms"].items()},
        created_at=row["created_at"],
    )
