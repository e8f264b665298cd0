"""Use case: record a question a user asked, whatever became of it."""

from __future__ import annotations

from f1core.coverage import MAX_QUESTION_LENGTH
from f1core.domain.history import HistoryEntry, JsonObject, NewHistoryEntry, QueryStatus
from f1core.errors import InvalidRequestError
from f1core.ports.clock import Clock, system_clock
from f1core.ports.unit_of_work import UnitOfWork


class RecordQuestion:
    """Store one history entry for the asking user."""

    def __init__(self, uow: UnitOfWork, clock: Clock = system_clock) -> None:
        self._uow = uow
        self._clock = clock

    async def execute(
        self,
        user_id: int,
        question: str,
        status: QueryStatus,
        *,
        interpreted_query: JsonObject | None = None,
        answer_summary: str = "",
        timings_ms: dict[str, float] | None = None,
    ) -> HistoryEntry:
        """The stored entry. Raises ``InvalidRequestError`` for an empty or huge question."""
        text = question.strip()
        if not text or len(text) > MAX_QUESTION_LENGTH:
            raise InvalidRequestError(
                f"A question has 1 to {MAX_QUESTION_LENGTH} characters; got {len(text)}."
            )
        async with self._uow as uow:
            entry = await uow.history.add(
                NewHistoryEntry(
                    user_id=user_id,
                    question=text,
                    status=status,
                    interpreted_query=interpreted_query,
                    answer_summary=answer_summary,
                    timings_ms=dict(timings_ms or {}),
                    created_at=self._clock(),
                )
            )
            await uow.commit()
        return entry
