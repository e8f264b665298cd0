"""Use case: the admin's list of users."""

from __future__ import annotations

from f1core.domain.accounts import Role, UserProfile
from f1core.ports.unit_of_work import UnitOfWork
from f1core.usecases.accounts.authenticate import require_role


class ListUsers:
    """Every user's profile, for admins."""

    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    async def execute(self, actor: UserProfile) -> tuple[UserProfile, ...]:
        """All users in id order; ``PermissionDeniedError`` unless ``actor`` is an admin."""
        require_role(actor, Role.ADMIN)
        async with self._uow as uow:
            users = await uow.users.list()
        return tuple(u.profile() for u in users)
