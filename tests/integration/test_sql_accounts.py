"""The account and history use cases on real SQLite and PostgreSQL with real argon2 and JWT."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine
from tests.contract.sql_backends import (
    Database,
    empty_account_tables,
    postgres_database,
    sqlite_database,
)
from tests.fakes import InMemoryLoginFailureStore

from adapters.security.argon2_password_hasher import Argon2PasswordHasher
from adapters.security.bundled_common_passwords import BundledCommonPasswords
from adapters.security.pyjwt_token_issuer import PyJwtTokenIssuer
from adapters.sql.unit_of_work import SqlUnitOfWork
from f1core.domain.accounts import AuthenticationError, Role, TokenPair
from f1core.domain.history import QueryStatus, RecordNotFoundError
from f1core.usecases.accounts._tokens import hash_refresh_token
from f1core.usecases.accounts.authenticate import Authenticate
from f1core.usecases.accounts.log_in import LOGIN_FAILED, LogIn
from f1core.usecases.accounts.log_out_everywhere import LogOutEverywhere
from f1core.usecases.accounts.refresh import Refresh
from f1core.usecases.accounts.register_user import RegisterUser
from f1core.usecases.history.get_history_item import GetHistoryItem
from f1core.usecases.history.get_shared_answer import GetSharedAnswer
from f1core.usecases.history.list_history import ListHistory
from f1core.usecases.history.record_question import RecordQuestion
from f1core.usecases.history.save_answer import SaveAnswer

PASSWORD = "correct horse battery"
SECRET = "an-integration-test-secret-of-40-bytes!!"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def database(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Database]:
    if request.param == "sqlite":
        yield sqlite_database(tmp_path_factory.mktemp("accounts"))
    else:
        yield from postgres_database()


@pytest.fixture
async def uow(database: Database) -> AsyncIterator[SqlUnitOfWork]:
    engine = database.engine()
    await empty_account_tables(engine)
    try:
        yield SqlUnitOfWork(engine)
    finally:
        await engine.dispose()


HASHER = Argon2PasswordHasher(memory_cost_kib=1024, time_cost=1)
ISSUER = PyJwtTokenIssuer(SECRET)


def log_in(uow: SqlUnitOfWork) -> LogIn:
    return LogIn(uow, HASHER, ISSUER, failures=InMemoryLoginFailureStore())


NO_GRACE = timedelta(0)


def refresh(uow: SqlUnitOfWork, grace: timedelta = NO_GRACE) -> Refresh:
    # Without grace unless asked: these tests reuse tokens at once, on purpose.
    return Refresh(uow, ISSUER, grace=grace)


async def test_register_login_refresh_reuse_logout_everywhere(uow: SqlUnitOfWork) -> None:
    profile = await RegisterUser(uow, HASHER, BundledCommonPasswords()).execute(
        "Ana", PASSWORD, Role.ANALYST
    )
    with pytest.raises(AuthenticationError) as wrong:
        await log_in(uow).execute("ana", "wrong password", "local")
    with pytest.raises(AuthenticationError) as unknown:
        await log_in(uow).execute("nobody", PASSWORD, "local")
    assert wrong.value.message == unknown.value.message == LOGIN_FAILED

    pair = await log_in(uow).execute("ANA", PASSWORD, "local")
    assert (await Authenticate(uow, ISSUER).execute(pair.access_token)).id == profile.id
    rotated = await refresh(uow).execute(pair.refresh_token)
    with pytest.raises(AuthenticationError, match="already used"):
        await refresh(uow).execute(pair.refresh_token)
    with pytest.raises(AuthenticationError):
        await refresh(uow).execute(rotated.refresh_token)  # family revoked

    again = await log_in(uow).execute("ana", PASSWORD, "local")
    await asyncio.sleep(0.01)
    await LogOutEverywhere(uow).execute(profile.id)
    with pytest.raises(AuthenticationError):
        await Authenticate(uow, ISSUER).execute(again.access_token)
    with pytest.raises(AuthenticationError):
        await refresh(uow).execute(again.refresh_token)
    await asyncio.sleep(0.01)
    fresh = await log_in(uow).execute("ana", PASSWORD, "local")
    assert (await Authenticate(uow, ISSUER).execute(fresh.access_token)).role is Role.ANALYST


async def test_rehash_on_login_is_stored(uow: SqlUnitOfWork) -> None:
    cheap = Argon2PasswordHasher(memory_cost_kib=512, time_cost=1)
    await RegisterUser(uow, cheap, BundledCommonPasswords()).execute("ana", PASSWORD)
    await log_in(uow).execute("ana", PASSWORD, "local")
    async with uow:
        stored = await uow.users.get_by_username("ana")
    assert stored is not None
    assert "m=1024,t=1,p=1" in stored.password_hash
    assert not HASHER.needs_rehash(stored.password_hash)


async def concurrent_refreshes(
    database: Database, count: int, grace: timedelta
) -> tuple[str, list[TokenPair | BaseException], SqlUnitOfWork, AsyncEngine]:
    """Log in, then refresh ``count`` times at once with the one refresh token."""
    engine = database.engine()
    await empty_account_tables(engine)
    uow = SqlUnitOfWork(engine)
    await RegisterUser(uow, HASHER, BundledCommonPasswords()).execute("ana", PASSWORD)
    pair = await log_in(uow).execute("ana", PASSWORD, "local")
    # Each refresh gets its own unit of work (own connection), as concurrent requests do.
    results = await asyncio.gather(
        *(refresh(SqlUnitOfWork(engine), grace).execute(pair.refresh_token) for _ in range(count)),
        return_exceptions=True,
    )
    return pair.refresh_token, results, uow, engine


async def test_concurrent_refreshes_with_one_token_without_grace(database: Database) -> None:
    _, results, _, engine = await concurrent_refreshes(database, 4, NO_GRACE)
    await engine.dispose()
    winners = [r for r in results if not isinstance(r, BaseException)]
    losers = [r for r in results if isinstance(r, BaseException)]
    # Exactly one rotation wins; the others count as reuse (and end the family).
    assert len(winners) == 1, results
    assert all(isinstance(e, AuthenticationError) for e in losers), losers


async def test_concurrent_refreshes_within_the_grace_window_share_one_successor(
    database: Database,
) -> None:
    # A wide window: the test must not depend on the machine's speed.
    first, results, uow, engine = await concurrent_refreshes(database, 6, timedelta(minutes=5))
    try:
        pairs = [r for r in results if isinstance(r, TokenPair)]
        assert len(pairs) == 6, results
        successors = {p.refresh_token for p in pairs}
        assert len(successors) == 1 and first not in successors
        # The family lives on: the shared successor rotates and authenticates as usual.
        after = await refresh(uow).execute(successors.pop())
        assert (await Authenticate(uow, ISSUER).execute(after.access_token)).username == "ana"
        async with uow:
            live = await uow.refresh_tokens.get(hash_refresh_token(after.refresh_token))
        assert live is not None and live.revoked_at is None
    finally:
        await engine.dispose()


async def test_history_flow(uow: SqlUnitOfWork) -> None:
    ana = await RegisterUser(uow, HASHER, BundledCommonPasswords()).execute("ana", PASSWORD)
    bob = await RegisterUser(uow, HASHER, BundledCommonPasswords()).execute("bob", PASSWORD)
    entries = [
        await RecordQuestion(uow).execute(
            ana.id,
            f"Who won round {i} of 1988?",
            QueryStatus.ANSWERED,
            interpreted_query={"kind": "race_winner", "year": 1988, "round": i},
            answer_summary="Senna" if i % 2 else "Prost",
            timings_ms={"total": 10.0 + i},
        )
        for i in range(1, 26)
    ]
    page = await ListHistory(uow).execute(ana.id, limit=10)
    assert [e.id for e in page.items] == [e.id for e in reversed(entries)][:10]
    pages = [page]
    while pages[-1].next_before_id is not None:
        pages.append(
            await ListHistory(uow).execute(ana.id, limit=10, before_id=pages[-1].next_before_id)
        )
    assert [len(p.items) for p in pages] == [10, 10, 5]
    with pytest.raises(RecordNotFoundError):
        await GetHistoryItem(uow).execute(bob.id, entries[0].id)
    saved = await SaveAnswer(uow).execute(
        ana.id, {"winner": "SEN", "points": 9}, "Senna", history_id=entries[0].id
    )
    shared = await GetSharedAnswer(uow).execute(saved.share_token)
    assert (shared.question, shared.answer) == (
        "Who won round 1 of 1988?",
        {"winner": "SEN", "points": 9},
    )


def test_sqlite_file_default_location(tmp_path: Path) -> None:
    from entrypoints.settings import Settings

    settings = Settings.from_env({"F1_DATA_DIR": str(tmp_path)})
    assert settings.database_url == f"sqlite+aiosqlite:///{tmp_path / 'f1.sqlite3'}"
