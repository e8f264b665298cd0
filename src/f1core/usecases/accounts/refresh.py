"""Use case: trade a refresh token for a new pair (rotation with reuse detection)."""

from __future__ import annotations

from datetime import datetime, timedelta

from f1core.domain.accounts import AuthenticationError, RefreshTokenRecord, TokenPair, User
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

DEFAULT_GRACE = timedelta(seconds=5)


class Refresh:
    """Each refresh token works once; presenting a used one revokes its whole family.

    One exception, for several tabs of one browser refreshing at once with the token they
    share: within ``grace`` of a rotation, the spent token gets the same successor again
    (with a fresh access token) as long as that successor is still the family's live,
    unused token. Later, or once the successor has moved on, a reuse ends the family.
    The issuer seals the stored successor under the server's key and the spent token.
    """

    def __init__(
        self,
        uow: UnitOfWork,
        issuer: TokenIssuer,
        clock: Clock = system_clock,
        *,
        grace: timedelta = DEFAULT_GRACE,
    ) -> None:
        self._uow = uow
        self._issuer = issuer
        self._clock = clock
        self._grace = grace

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
            # loser waits for the winner's commit, then lands here too as a reuse.
            if record.rotated_at is not None or not await uow.refresh_tokens.mark_rotated(
                token_hash, now
            ):
                again = await self._same_successor(
                    uow, refresh_token, token_hash, claims.subject, now
                )
                if again is not None:
                    return again
                await uow.refresh_tokens.revoke_family(record.family_id, now)
                await uow.commit()
                raise AuthenticationError(_REUSED)
            user = await self._live_user(uow, record, claims.subject, claims.issued_at, now)
            pair = await issue_token_pair(uow, self._issuer, user, record.family_id, now)
            await uow.refresh_tokens.set_successor(
                token_hash,
                hash_refresh_token(pair.refresh_token),
                self._issuer.seal_successor(pair.refresh_token, refresh_token),
            )
            await uow.commit()
        return pair

    async def _same_successor(
        self,
        uow: UnitOfWork,
        refresh_token: str,
        token_hash: str,
        subject: str,
        now: datetime,
    ) -> TokenPair | None:
        """The pair to answer a reuse inside the grace window with, or None (a real reuse)."""
        if self._grace <= timedelta(0):
            return None
        # Read again: a concurrent winner has committed by the time mark_rotated lost.
        spent = await uow.refresh_tokens.get(token_hash)
        if (
            spent is None
            or spent.rotated_at is None
            or spent.replaced_by is None
            or spent.sealed_successor is None
            # A concurrent loser may have read the clock before the winner: negative is in.
            or now - spent.rotated_at > self._grace
        ):
            return None
        successor = self._issuer.open_successor(spent.sealed_successor, refresh_token)
        if successor is None or hash_refresh_token(successor) != spent.replaced_by:
            return None
        record = await uow.refresh_tokens.get(spent.replaced_by)
        if (
            record is None
            or record.family_id != spent.family_id
            or record.rotated_at is not None
            or record.revoked_at is not None
        ):
            return None
        user = await self._live_user(uow, record, subject, record.issued_at, now)
        access = self._issuer.issue_access(user.public_id, now)
        return TokenPair(
            access_token=access.token,
            access_expires_at=access.expires_at,
            refresh_token=successor,
            refresh_expires_at=record.expires_at,
        )

    async def _live_user(
        self,
        uow: UnitOfWork,
        record: RefreshTokenRecord,
        subject: str,
        issued_at: datetime,
        now: datetime,
    ) -> User:
        """The token's user, unless it names someone else, is disabled or logged out
        everywhere (then the family ends)."""
        user = await uow.users.get(record.user_id)
        if (
            user is None
            or user.public_id != subject
            or user.disabled
            or issued_before_cutoff(issued_at, user.tokens_valid_after)
        ):
            await uow.refresh_tokens.revoke_family(record.family_id, now)
            await uow.commit()
            raise AuthenticationError(_INVALID)
        return user
