"""Use case: open a shared answer by its link, without logging in."""

from __future__ import annotations

from f1core.domain.history import RecordNotFoundError, SharedAnswer
from f1core.ports.unit_of_work import UnitOfWork


class GetSharedAnswer:
    """The read-only public view: no owner, no ids."""

    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    async def execute(self, share_token: str) -> SharedAnswer:
        """The shared answer, or ``RecordNotFoundError`` for an unknown or deleted link."""
        async with self._uow as uow:
            saved = await uow.saved_answers.get_by_share_token(share_token)
        if saved is None:
            raise RecordNotFoundError("This shared answer does not exist or was deleted.")
        return saved.shared()
