"""Port: one transaction over the account and history repositories."""

from __future__ import annotations

from types import TracebackType
from typing import Protocol, Self

from f1core.ports.history import HistoryRepository
from f1core.ports.refresh_tokens import RefreshTokenRepository
from f1core.ports.saved_answers import SavedAnswerRepository
from f1core.ports.users import UserRepository


class UnitOfWork(Protocol):
    """``async with uow:`` opens a transaction; leaving without ``commit()`` rolls it back.

    One instance can be entered many times, one transaction after another, never nested.
    """

    # Read-only properties, so implementations may declare their concrete repositories.
    @property
    def users(self) -> UserRepository: ...

    @property
    def refresh_tokens(self) -> RefreshTokenRepository: ...

    @property
    def history(self) -> HistoryRepository: ...

    @property
    def saved_answers(self) -> SavedAnswerRepository: ...

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    async def commit(self) -> None:
        """Make the transaction's writes durable."""
        ...

    async def rollback(self) -> None:
        """Discard the transaction's writes."""
        ...
