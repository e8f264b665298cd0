"""Use case: the user's own list of saved answers."""

from __future__ import annotations

from f1core.domain.history import SavedAnswer
from f1core.ports.unit_of_work import UnitOfWork


class ListSavedAnswers:
    """The user's saved answers, newest first."""

    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    async def execute(self, user_id: int) -> tuple[SavedAnswer, ...]:
        """Only ever this user's own."""
        async with self._uow as uow:
            return await uow.saved_answers.list(user_id)
