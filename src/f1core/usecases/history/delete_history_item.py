"""Use case: delete one of the user's own history entries."""

from __future__ import annotations

from f1core.domain.history import RecordNotFoundError
from f1core.ports.unit_of_work import UnitOfWork


class DeleteHistoryItem:
    """Delete one entry; answers saved from it stay (they are copies), unlinked from it."""

    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    async def execute(self, user_id: int, entry_id: int) -> None:
        """Delete, or ``RecordNotFoundError`` (also for another user's entry)."""
        async with self._uow as uow:
            deleted = await uow.history.delete(user_id, entry_id)
            await uow.commit()
        if not deleted:
            raise RecordNotFoundError(f"There is no history entry {entry_id} in your history.")
