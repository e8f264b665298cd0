"""Use case: trade a refresh token for a new pair (rotation with reuse detection)."""

from __future__ import annotations

from f1core.domain.accounts import AuthenticationError, TokenPair
from f1core.ports.clock import Clock, system_clock
from f1core.ports.token_issuer import TokenIssuer
from f1core.ports.unit_of_work import UnitOfWork
from f1core.usecases.accounts._tokens import (
    hash_refresh_token,
    issue_token_pair,
    issued_before_cutoff,
)

_INVALID = "The refresh token is invalid or was revoked; log in again."
_REUSED = (
    "The refresh token was already used, so it may have been stolen: every session of "
    "this login has been ended; log in again."
)


class Refresh:
    """Each refresh token works once; presenting a used one revokes its whole family."""

    def __init__(self, uow: UnitOfWork, issuer: TokenIssuer, clock: Clock = system_clock) -> None:
        self._uow = uow
        self._issuer = issuer
        self._clock = clock

    async def execute(self, refresh_token: str) -> TokenPair:
        """A new pair in the same family; the presented token stops working.

        Raises ``AuthenticationError`` for a bad, expired, revoked or reused token, and
        for a disabled or logged-out-everywhere user.
        """
        now = self._clock()
        claims = self._issuer.verify_refresh(refresh_token, now)
        token_hash = hash_refresh_token(refresh_token)
        async with self._uow as uow:
            record = await uow.refresh_tokens.get(token_hash)
            if record is None:
                raise AuthenticationError(_INVALID)
            if record.revoked_at is not None:
                raise AuthenticationError(_INVALID)
            # mark_rotated is atomic: of two concurrent refreshes with one token, the
            # loser lands here too and is treated as a reuse.
            if record.rotated_at is not None or not await uow.refresh_tokens.mark_rotated(
                token_hash, now
            ):
                await uow.refresh_tokens.revoke_family(record.family_id, now)
                await uow.commit()
                raise AuthenticationError(_REUSED)
            user = await uow.users.get(record.user_id)
            if (
                user is None
                or user.public_id != claims.subject
                or user.disabled
                or issued_before_cutoff(claims.issued_at, user.tokens_valid_after)
            ):
                await uow.refresh_tokens.revoke_family(record.family_id, now)
                await uow.commit()
                raise AuthenticationError(_INVALID)
            pair = await issue_token_pair(uow, self._issuer, user, record.family_id, now)
            await uow.commit()
        return pair
