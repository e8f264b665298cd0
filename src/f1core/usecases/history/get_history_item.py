"""Use case: one of the user's own history entries (to read or re-run it)."""

from __future__ import annotations

from f1core.domain.history import HistoryEntry, RecordNotFoundError
from f1core.ports.unit_of_work import UnitOfWork


class GetHistoryItem:
    """Read one entry; another user's entry is reported exactly like a missing one."""

    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    async def execute(self, user_id: int, entry_id: int) -> HistoryEntry:
        """The entry, or ``RecordNotFoundError``."""
        async with self._uow as uow:
            entry = await uow.history.get(user_id, entry_id)
        if entry is None:
            raise RecordNotFoundError(f"There is no history entry {entry_id} in your history.")
        return entry
