"""Use case: an admin changes a user's role."""

from __future__ import annotations

from f1core.domain.accounts import Role, UserProfile
from f1core.ports.unit_of_work import UnitOfWork
from f1core.usecases.accounts._admin import ensure_other_active_admin, find_user
from f1core.usecases.accounts.authenticate import require_role


class ChangeRole:
    """Set a user's role; the last active admin cannot be demoted."""

    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    async def execute(self, actor: UserProfile, user: int | str, role: Role) -> UserProfile:
        """The updated profile of ``user`` (an id or a username).

        Raises ``PermissionDeniedError`` unless ``actor`` is an admin, ``UserNotFoundError``
        and ``InvalidRequestError`` (demoting the last active admin).
        """
        require_role(actor, Role.ADMIN)
        async with self._uow as uow:
            target = await find_user(uow, user)
            if role is not Role.ADMIN:
                await ensure_other_active_admin(uow, target)
            await uow.users.set_role(target.id, role)
            await uow.commit()
            updated = await find_user(uow, target.id)
        return updated.profile()
