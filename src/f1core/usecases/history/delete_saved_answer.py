"""Use case: delete (and so unshare) a saved answer."""

from __future__ import annotations

from f1core.domain.history import RecordNotFoundError
from f1core.ports.unit_of_work import UnitOfWork


class DeleteSavedAnswer:
    """Delete a saved answer; its share link stops working."""

    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    async def execute(self, user_id: int, answer_id: int) -> None:
        """Delete, or ``RecordNotFoundError`` (also for another user's answer)."""
        async with self._uow as uow:
            deleted = await uow.saved_answers.delete(user_id, answer_id)
            await uow.commit()
        if not deleted:
            raise RecordNotFoundError(f"There is no saved answer {answer_id} of yours.")
