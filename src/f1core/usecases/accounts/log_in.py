"""Use case: exchange a username and password for tokens."""

from __future__ import annotations

import secrets

from f1core.domain.accounts import AuthenticationError, TokenPair
from f1core.ports.clock import Clock, system_clock
from f1core.ports.password_hasher import PasswordHasher
from f1core.ports.token_issuer import TokenIssuer
from f1core.ports.unit_of_work import UnitOfWork
from f1core.usecases.accounts._tokens import issue_token_pair

# One message for every refusal, so the answer never tells whether the account exists.
LOGIN_FAILED = "Wrong username or password."


class LogIn:
    """Verify the password (rehashing it if the parameters changed) and start a token family."""

    def __init__(
        self,
        uow: UnitOfWork,
        hasher: PasswordHasher,
        issuer: TokenIssuer,
        clock: Clock = system_clock,
    ) -> None:
        self._uow = uow
        self._hasher = hasher
        self._issuer = issuer
        self._clock = clock

    async def execute(self, username: str, password: str) -> TokenPair:
        """A fresh access + refresh token pair.

        Raises ``AuthenticationError`` with one identical message for an unknown user,
        a wrong password and a disabled account; an unknown user costs a dummy hash
        verification, so timing does not tell them apart either.
        """
        async with self._uow as uow:
            user = await uow.users.get_by_username(username)
            if user is None:
                await self._hasher.verify_dummy(password)
                raise AuthenticationError(LOGIN_FAILED)
            if not await self._hasher.verify(user.password_hash, password) or user.disabled:
                raise AuthenticationError(LOGIN_FAILED)
            if self._hasher.needs_rehash(user.password_hash):
                await uow.users.set_password_hash(user.id, await self._hasher.hash(password))
            pair = await issue_token_pair(
                uow, self._issuer, user, secrets.token_hex(16), self._clock()
            )
            await uow.commit()
        return pair
