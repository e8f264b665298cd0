"""The per-process user-state cache that authentication reads, on SQLite and PostgreSQL.

Another process (another worker) is played by plain SQL against the same database: its
changes reach this process when the entry expires; this process's own changes at once.
The clock is a counter, so nothing here waits.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import event, update
from sqlalchemy.ext.asyncio import AsyncEngine
from tests.fakes import FakeMonotonicClock

from adapters.security.pyjwt_token_issuer import PyJwtTokenIssuer
from adapters.sql.cached_user_lookup import SqlCachedUserLookup
from adapters.sql.tables import users
from adapters.sql.unit_of_work import SqlUnitOfWork
from f1core.domain.accounts import AuthenticationError, NewUser, Role, User
from f1core.usecases.accounts.authenticate import Authenticate

SECRET = "an-integration-test-secret-of-40-bytes!!"
ISSUER = PyJwtTokenIssuer(SECRET)
TTL_S = 2.0


async def add_user(engine: AsyncEngine) -> User:
    async with SqlUnitOfWork(engine) as uow:
        user = await uow.users.add(
            NewUser(
                username="sam",
                password_hash="x",
                role=Role.ANALYST,
                created_at=datetime(2026, 1, 1, tzinfo=UTC),
            )
        )
        await uow.commit()
    return user


async def elsewhere(engine: AsyncEngine, user: User, **values: object) -> None:
    """What another worker's change looks like to this process: a row changed under it."""
    async with engine.begin() as connection:
        await connection.execute(update(users).where(users.c.id == user.id).values(**values))


async def test_another_process_s_role_change_bites_when_the_entry_expires(
    engine: AsyncEngine,
) -> None:
    user = await add_user(engine)
    ticks = FakeMonotonicClock()
    lookup = SqlCachedUserLookup(engine, TTL_S, clock=ticks)
    assert (await lookup.get_by_public_id(user.public_id)).role is Role.ANALYST  # type: ignore[union-attr]
    await elsewhere(engine, user, role=Role.ADMIN.value)
    ticks.now += TTL_S - 0.01
    assert (await lookup.get_by_public_id(user.public_id)).role is Role.ANALYST  # type: ignore[union-attr]
    ticks.now += 0.02  # past TTL_S since the read
    assert (await lookup.get_by_public_id(user.public_id)).role is Role.ADMIN  # type: ignore[union-attr]


async def test_disabling_and_log_out_everywhere_elsewhere_refuse_tokens_within_the_ttl(
    engine: AsyncEngine,
) -> None:
    user = await add_user(engine)
    ticks = FakeMonotonicClock()
    lookup = SqlCachedUserLookup(engine, TTL_S, clock=ticks)
    authenticate = Authenticate(SqlUnitOfWork(engine), ISSUER, users=lookup)
    token = ISSUER.issue_access(user.public_id, datetime.now(UTC)).token
    assert (await authenticate.execute(token)).username == "sam"

    await elsewhere(engine, user, disabled=True)
    ticks.now += TTL_S
    with pytest.raises(AuthenticationError):
        await authenticate.execute(token)

    await elsewhere(
        engine, user, disabled=False, tokens_valid_after=datetime.now(UTC) + timedelta(seconds=5)
    )
    ticks.now += TTL_S
    with pytest.raises(AuthenticationError):
        await authenticate.execute(token)


async def test_this_process_s_own_change_bites_at_once(engine: AsyncEngine) -> None:
    user = await add_user(engine)
    lookup = SqlCachedUserLookup(engine, TTL_S, clock=FakeMonotonicClock())
    assert (await lookup.get_by_public_id(user.public_id)).disabled is False  # type: ignore[union-attr]
    async with SqlUnitOfWork(engine) as uow:
        await uow.users.set_disabled(user.id, True)
        await uow.commit()
    assert (await lookup.get_by_public_id(user.public_id)).disabled is True  # type: ignore[union-attr]


async def test_a_hit_does_not_touch_the_database(engine: AsyncEngine) -> None:
    user = await add_user(engine)
    ticks = FakeMonotonicClock()
    lookup = SqlCachedUserLookup(engine, TTL_S, clock=ticks)
    statements: list[str] = []
    event.listen(engine.sync_engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    assert await lookup.get_by_public_id(user.public_id) == user
    assert await lookup.get_by_public_id(user.public_id) == user
    ticks.now += TTL_S - 0.01
    assert await lookup.get_by_public_id(user.public_id) == user
    assert len(statements) == 1
