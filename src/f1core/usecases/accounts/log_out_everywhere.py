"""Use case: end every login of a user, on every device."""

from __future__ import annotations

from f1core.ports.clock import Clock, system_clock
from f1core.ports.unit_of_work import UnitOfWork


class LogOutEverywhere:
    """Set the user's tokens-valid-after time to now and revoke all refresh tokens."""

    def __init__(self, uow: UnitOfWork, clock: Clock = system_clock) -> None:
        self._uow = uow
        self._clock = clock

    async def execute(self, user_id: int) -> None:
        """Every access and refresh token issued until now stops working at once."""
        now = self._clock()
        async with self._uow as uow:
            await uow.users.set_tokens_valid_after(user_id, now)
            await uow.refresh_tokens.revoke_all_for_user(user_id, now)
            await uow.commit()
