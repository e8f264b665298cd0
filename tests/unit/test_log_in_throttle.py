"""LogIn's throttling on fakes (issue 9, item 5): failures from one address never delay
the owner elsewhere; the failing address waits 1, 2, 4 ... s; no hard lock."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest
from tests.fakes import (
    FakeClock,
    FakeCommonPasswords,
    FakePasswordHasher,
    FakeUnitOfWork,
    InMemoryLoginFailureStore,
)

from adapters.security.pyjwt_token_issuer import PyJwtTokenIssuer
from f1core.domain.accounts import AuthenticationError, TooManyLoginFailuresError
from f1core.domain.login_throttle import ThrottlePolicy, account_address_key, address_key
from f1core.usecases.accounts.log_in import LogIn
from f1core.usecases.accounts.register_user import RegisterUser

GOOD = "correct horse battery"
BAD = "not the password"
A, B = "203.0.113.1", "198.51.100.2"


class Setup:
    def __init__(self, policy: ThrottlePolicy | None = None) -> None:
        self.uow = FakeUnitOfWork()
        self.hasher = FakePasswordHasher()
        self.clock = FakeClock(datetime(2025, 3, 1, 12, 0, tzinfo=UTC))
        self.failures = InMemoryLoginFailureStore()
        self.log_in = LogIn(
            self.uow,
            self.hasher,
            PyJwtTokenIssuer("s" * 32),
            self.clock,
            failures=self.failures,
            policy=policy,
        )

    async def user(self, name: str = "ana") -> None:
        await RegisterUser(self.uow, self.hasher, FakeCommonPasswords()).execute(name, GOOD)

    async def attempt(self, name: str, password: str, address: str) -> str | int:
        """ "ok", "wrong", or the seconds a 429 says to wait."""
        try:
            await self.log_in.execute(name, password, address)
        except AuthenticationError:
            return "wrong"
        except TooManyLoginFailuresError as refused:
            return refused.retry_after
        return "ok"

    async def fail_until_waiting(self, name: str, address: str, failures: int) -> list[int]:
        """Fail ``failures`` times from ``address``, sitting out each wait; the waits seen."""
        waits: list[int] = []
        done = 0
        while done < failures:
            outcome = await self.attempt(name, BAD, address)
            if isinstance(outcome, int):
                waits.append(outcome)
                self.clock.advance(seconds=outcome)
            else:
                assert outcome == "wrong"
                done += 1
        return waits


async def test_thirty_failures_from_one_address_never_stop_the_owner_elsewhere() -> None:
    s = Setup()
    await s.user()
    await s.fail_until_waiting("ana", A, 30)
    assert isinstance(await s.attempt("ana", GOOD, A), int)  # A waits, even with the password
    assert await s.attempt("ana", GOOD, B) == "ok"
    assert await s.attempt("ANA", GOOD, B) == "ok"  # the same account, however it is spelt


async def test_the_failing_address_waits_longer_after_each_failure() -> None:
    s = Setup()
    await s.user()
    for _ in range(5):  # the free failures
        assert await s.attempt("ana", BAD, A) == "wrong"
    waits = await s.fail_until_waiting("ana", A, 6)
    assert waits == [1, 2, 4, 8, 16]
    assert await s.attempt("ana", BAD, A) == 32
    # Refused before the password is looked at: a wait costs no hash, and cannot be
    # used to test passwords.
    before = s.hasher.verifications
    assert await s.attempt("ana", GOOD, A) == 32
    assert s.hasher.verifications == before
    # A delay, not a lock: once it is sat out, the right password works from A too.
    s.clock.advance(seconds=32)
    assert await s.attempt("ana", GOOD, A) == "ok"
    assert await s.failures.get(account_address_key("ana", A)) is None


async def test_an_unknown_account_is_throttled_like_a_known_one() -> None:
    s = Setup()
    await s.user()
    for name in ("ana", "nobody"):
        outcomes = [await s.attempt(name, BAD, B if name == "ana" else A) for _ in range(7)]
        assert outcomes == ["wrong"] * 6 + [1]


async def test_one_address_guessing_at_many_accounts_is_slowed_down() -> None:
    s = Setup()
    await s.user()
    names = [f"user{i}" for i in range(21)]
    # Twenty free failures per address, one per account: no account's own count matters.
    assert [await s.attempt(name, BAD, A) for name in names] == ["wrong"] * 21
    assert await s.attempt("someone-else", BAD, A) == 1
    assert await s.attempt("ana", GOOD, A) == 1  # every account, from that address
    assert await s.attempt("ana", GOOD, B) == "ok"  # and nobody elsewhere


async def test_a_good_login_clears_only_its_own_count() -> None:
    s = Setup()
    await s.user("ana")
    for name in ("bob", "carl", "dora"):
        await s.attempt(name, BAD, A)
    await s.attempt("ana", BAD, A)
    assert await s.attempt("ana", GOOD, A) == "ok"
    assert await s.failures.get(account_address_key("ana", A)) is None
    per_address = await s.failures.get(address_key(A))
    assert per_address is not None and per_address.failures == 4  # the success is not one


async def test_free_failures_follow_the_policy() -> None:
    s = Setup(ThrottlePolicy(free_per_account_address=2, free_per_address=100))
    await s.user()
    assert [await s.attempt("ana", BAD, A) for _ in range(4)] == ["wrong"] * 3 + [1]


class YieldingHasher(FakePasswordHasher):
    """Verifies off the event loop's turn, as Argon2 in a thread does."""

    async def verify(self, password_hash: str, password: str) -> bool:
        await asyncio.sleep(0.001)
        return await super().verify(password_hash, password)


async def test_concurrent_guesses_cannot_all_slip_past_the_check() -> None:
    s = Setup()
    await s.user()
    s.hasher = YieldingHasher()
    s.log_in = LogIn(s.uow, s.hasher, PyJwtTokenIssuer("s" * 32), s.clock, failures=s.failures)
    outcomes = await asyncio.gather(*(s.attempt("ana", BAD, A) for _ in range(20)))
    # The five free failures and the sixth (which starts the 1 s wait) are heard.
    assert outcomes.count("wrong") == 6
    assert s.hasher.verifications == 6


class BrokenUnitOfWork(FakeUnitOfWork):
    async def __aenter__(self) -> BrokenUnitOfWork:
        raise OSError("database down")


async def test_a_database_failure_is_not_counted_as_a_wrong_password() -> None:
    s = Setup()
    broken = LogIn(
        BrokenUnitOfWork(), s.hasher, PyJwtTokenIssuer("s" * 32), s.clock, failures=s.failures
    )
    for _ in range(10):
        with pytest.raises(OSError):
            await broken.execute("ana", GOOD, A)
    assert s.failures.counts == {}
