"""Port: answers users saved, readable by anyone who has the share token."""

from __future__ import annotations

from typing import Protocol

from f1core.domain.history import NewSavedAnswer, SavedAnswer


class SavedAnswerRepository(Protocol):
    """Saved answers, scoped by owner except for the lookup by share token."""

    async def add(self, answer: NewSavedAnswer) -> SavedAnswer:
        """Store a saved answer and return it with its id."""
        ...

    async def get(self, user_id: int, answer_id: int) -> SavedAnswer | None:
        """The user's saved answer, or None (also when another user owns it)."""
        ...

    async def get_by_share_token(self, share_token: str) -> SavedAnswer | None:
        """The saved answer this share token opens, whoever owns it, or None."""
        ...

    async def list(self, user_id: int) -> tuple[SavedAnswer, ...]:
        """The user's saved answers, newest first."""
        ...

    async def delete(self, user_id: int, answer_id: int) -> bool:
        """Delete (and so unshare) the user's saved answer; False when there is none."""
        ...
