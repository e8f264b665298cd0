"""Use case: keep the answer of a history entry and make it shareable by link."""

from __future__ import annotations

import msgspec

from f1core.domain.history import SavedAnswer, summarize
from f1core.ports.clock import Clock, system_clock
from f1core.ports.unit_of_work import UnitOfWork
from f1core.usecases.ask.answer_query import AnswerQuery
from f1core.usecases.history.answer_history_item import AnswerHistoryItem
from f1core.usecases.history.save_answer import SaveAnswer


class SaveHistoryAnswer:
    """Recompute an answered entry's answer and save it under the entry's question."""

    def __init__(
        self, uow: UnitOfWork, answer_query: AnswerQuery, clock: Clock = system_clock
    ) -> None:
        self._answer = AnswerHistoryItem(uow, answer_query)
        self._save = SaveAnswer(uow, clock)

    async def execute(self, user_id: int, entry_id: int) -> SavedAnswer:
        """The saved answer with its share token; the errors of ``AnswerHistoryItem``."""
        answer = await self._answer.execute(user_id, entry_id)
        return await self._save.execute(
            user_id, msgspec.to_builtins(answer), summarize(answer.text), history_id=entry_id
        )
