"""Use case: an admin disables (or re-enables) an account."""

from __future__ import annotations

from f1core.domain.accounts import Role, UserProfile
from f1core.ports.clock import Clock, system_clock
from f1core.ports.unit_of_work import UnitOfWork
from f1core.usecases.accounts._admin import ensure_other_active_admin, find_user
from f1core.usecases.accounts.authenticate import require_role


class DisableUser:
    """Disable an account: its tokens stop working at once and it cannot log in."""

    def __init__(self, uow: UnitOfWork, clock: Clock = system_clock) -> None:
        self._uow = uow
        self._clock = clock

    async def execute(
        self, actor: UserProfile, user: int | str, *, disabled: bool = True
    ) -> UserProfile:
        """The updated profile; ``disabled=False`` re-enables.

        Raises ``PermissionDeniedError`` unless ``actor`` is an admin, ``UserNotFoundError``
        and ``InvalidRequestError`` (disabling the last active admin).
        """
        require_role(actor, Role.ADMIN)
        async with self._uow as uow:
            target = await find_user(uow, user)
            if disabled:
                await ensure_other_active_admin(uow, target)
                # Authenticate and Refresh refuse disabled users anyway; this also keeps
                # the old tokens dead if the account is enabled again later.
                now = self._clock()
                await uow.users.set_tokens_valid_after(target.id, now)
                await uow.refresh_tokens.revoke_all_for_user(target.id, now)
            await uow.users.set_disabled(target.id, disabled)
            await uow.commit()
            updated = await find_user(uow, target.id)
        return updated.profile()
