"""Use case: end one login (its refresh token family)."""

from __future__ import annotations

from f1core.ports.clock import Clock, system_clock
from f1core.ports.token_issuer import TokenIssuer
from f1core.ports.unit_of_work import UnitOfWork
from f1core.usecases.accounts._tokens import hash_refresh_token


class LogOut:
    """Revoke the refresh token's family; its access tokens lapse within their short TTL."""

    def __init__(self, uow: UnitOfWork, issuer: TokenIssuer, clock: Clock = system_clock) -> None:
        self._uow = uow
        self._issuer = issuer
        self._clock = clock

    async def execute(self, refresh_token: str) -> None:
        """Revoke the login this refresh token belongs to; logging out twice is fine.

        Raises ``AuthenticationError`` only for a token this system did not sign.
        """
        now = self._clock()
        self._issuer.verify_refresh(refresh_token, now)
        async with self._uow as uow:
            record = await uow.refresh_tokens.get(hash_refresh_token(refresh_token))
            if record is not None:
                await uow.refresh_tokens.revoke_family(record.family_id, now)
                await uow.commit()
