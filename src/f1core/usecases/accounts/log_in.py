"""Use case: exchange a username and password for tokens."""

from __future__ import annotations

import secrets

from f1core.domain.accounts import (
    AuthenticationError,
    TokenPair,
    TooManyLoginFailuresError,
    normalize_username,
)
from f1core.domain.login_throttle import (
    FailureCount,
    ThrottlePolicy,
    account_address_key,
    address_key,
    to_ms,
    wait_seconds,
    with_failure,
)
from f1core.ports.clock import Clock, system_clock
from f1core.ports.login_failures import LoginFailureStore
from f1core.ports.password_hasher import PasswordHasher
from f1core.ports.token_issuer import TokenIssuer
from f1core.ports.unit_of_work import UnitOfWork
from f1core.usecases.accounts._tokens import issue_token_pair

# One message for every refusal, so the answer never tells whether the account exists.
LOGIN_FAILED = "Wrong username or password."


class _Reservation:
    """A failure counted before the password is checked, and how to take it back."""

    def __init__(self, key: str) -> None:
        self.key = key
        self.wait = 0
        self.prior: FailureCount | None = None
        self.counted: FailureCount | None = None

    def refund(self, current: FailureCount | None) -> FailureCount | None:
        if current == self.counted:
            return self.prior  # nobody failed meanwhile: exactly as before the attempt
        if current is None or current.failures <= 1:
            return None
        # Others failed since: keep their times, drop only this attempt's failure.
        return FailureCount(
            failures=current.failures - 1,
            last_failure_ms=current.last_failure_ms,
            forget_at_ms=current.forget_at_ms,
        )


def _refuse(wait: int) -> None:
    if wait:
        raise TooManyLoginFailuresError(
            f"Too many failed logins from this address; try again in {wait} s.", wait
        )


class LogIn:
    """Verify the password (rehashing it if the parameters changed) and start a token family.

    Throttled per (account, address) and per address (``f1core.domain.login_throttle``):
    failures elsewhere never delay a login from an address that has not failed.
    """

    def __init__(
        self,
        uow: UnitOfWork,
        hasher: PasswordHasher,
        issuer: TokenIssuer,
        clock: Clock = system_clock,
        *,
        failures: LoginFailureStore,
        policy: ThrottlePolicy | None = None,
    ) -> None:
        self._uow = uow
        self._hasher = hasher
        self._issuer = issuer
        self._clock = clock
        self._failures = failures
        self._policy = policy or ThrottlePolicy()

    async def execute(self, username: str, password: str, address: str) -> TokenPair:
        """A fresh access + refresh token pair for a login from client ``address``.

        Raises ``AuthenticationError`` with one identical message for an unknown user,
        a wrong password and a disabled account; an unknown user costs a dummy hash
        verification, so timing does not tell them apart either. Raises
        ``TooManyLoginFailuresError`` (with ``retry_after``), before any password is
        checked, while this address must wait after its recent failures.
        """
        now_ms = to_ms(self._clock())
        limits = (
            (
                account_address_key(normalize_username(username), address),
                self._policy.free_per_account_address,
            ),
            (address_key(address), self._policy.free_per_address),
        )
        # The longest wait first, so Retry-After is the whole of it.
        _refuse(max([wait_seconds(await self._failures.get(k), now_ms, f) for k, f in limits]))
        # Then count the attempt as a failure up front, atomically with the check:
        # concurrent attempts cannot all pass a check made before any of them failed.
        reservations: list[_Reservation] = []
        for key, free in limits:
            reservation = await self._reserve(key, free, now_ms)
            if reservation.wait:
                await self._refund(reservations)
                _refuse(reservation.wait)
            reservations.append(reservation)
        try:
            pair = await self._log_in(username, password)
        except AuthenticationError:
            raise  # the failure stays counted
        except Exception:
            await self._refund(reservations)  # the database failed, not the password
            raise
        account_address, per_address = reservations
        # Only this account's count from this address is wiped: one good password must
        # not clear the record of an address guessing at many accounts.
        await self._failures.delete(account_address.key)
        await self._refund([per_address])
        return pair

    async def _reserve(self, key: str, free: int, now_ms: int) -> _Reservation:
        reservation = _Reservation(key)

        def change(current: FailureCount | None) -> FailureCount | None:
            # May run again on a conflicting update: the last run is the one stored.
            reservation.prior = current
            reservation.wait = wait_seconds(current, now_ms, free)
            reservation.counted = current if reservation.wait else with_failure(current, now_ms)
            return reservation.counted

        await self._failures.update(key, change)
        return reservation

    async def _refund(self, reservations: list[_Reservation]) -> None:
        for reservation in reservations:
            await self._failures.update(reservation.key, reservation.refund)

    async def _log_in(self, username: str, password: str) -> TokenPair:
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
