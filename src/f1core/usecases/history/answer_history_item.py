"""Use case: the full answer of one of the user's answered history entries."""

from __future__ import annotations

import msgspec

from f1core.domain.answer import Answer
from f1core.errors import UnprocessableRequestError
from f1core.ports.unit_of_work import UnitOfWork
from f1core.query import decode_query
from f1core.usecases.ask.answer_query import AnswerQuery
from f1core.usecases.history.get_history_item import GetHistoryItem


class AnswerHistoryItem:
    """Answer an entry's interpreted query again (usually from the answer cache).

    The entry keeps the query, not the answer, so the answer is recomputed rather than
    trusted from a client; refused and failed entries have nothing to answer.
    """

    def __init__(self, uow: UnitOfWork, answer_query: AnswerQuery) -> None:
        self._get = GetHistoryItem(uow)
        self._answer_query = answer_query

    async def execute(self, user_id: int, entry_id: int) -> Answer:
        """The answer; ``RecordNotFoundError`` for an entry that is not the user's,
        ``UnprocessableRequestError`` for one that was not answered."""
        entry = await self._get.execute(user_id, entry_id)
        if entry.interpreted_query is None:
            raise UnprocessableRequestError(
                f"History entry {entry.id} was not answered ({entry.status}); it has no answer."
            )
        query = decode_query(msgspec.json.encode(entry.interpreted_query))
        return await self._answer_query.execute(query, question=entry.question)
