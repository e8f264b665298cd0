"""Use case: a page of the user's own history."""

from __future__ import annotations

from f1core.domain.history import HistoryPage
from f1core.errors import InvalidRequestError
from f1core.ports.unit_of_work import UnitOfWork

MAX_PAGE_SIZE = 100


class ListHistory:
    """Newest first, keyset-paginated (stable while new questions arrive)."""

    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    async def execute(
        self, user_id: int, *, limit: int = 20, before_id: int | None = None
    ) -> HistoryPage:
        """Up to ``limit`` entries older than ``before_id`` (from the start when None)."""
        if not 1 <= limit <= MAX_PAGE_SIZE:
            raise InvalidRequestError(f"A page holds 1 to {MAX_PAGE_SIZE} entries; got {limit}.")
        async with self._uow as uow:
            # One extra row tells whether there is a next page without a COUNT query.
            rows = await uow.history.list(user_id, limit=limit + 1, before_id=before_id)
        items = rows[:limit]
        return HistoryPage(items=items, next_before_id=items[-1].id if len(rows) > limit else None)
