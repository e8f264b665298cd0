"""Wiring for accounts, tokens, history, saved answers and the answer cache."""

from __future__ import annotations

from datetime import timedelta

from dependency_injector import containers, providers
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.memory.answer_cache import MemoryFrontedAnswerCache
from adapters.memory.login_failures import BoundedMemoryLoginFailureStore
from adapters.redis.login_failures import RedisLoginFailureStore
from adapters.security.argon2_password_hasher import Argon2PasswordHasher
from adapters.security.bundled_common_passwords import BundledCommonPasswords
from adapters.security.pyjwt_token_issuer import PyJwtTokenIssuer
from adapters.sql.answer_cache import SqlAnswerCache
from adapters.sql.cached_user_lookup import SqlCachedUserLookup
from adapters.sql.history_group_commit import SqlGroupCommitUnitOfWork, SqlHistoryGroupCommit
from adapters.sql.unit_of_work import SqlUnitOfWork
from entrypoints.settings import Settings
from f1core.domain.login_throttle import ThrottlePolicy
from f1core.ports.clock import system_clock
from f1core.ports.login_failures import LoginFailureStore
from f1core.usecases.accounts.authenticate import Authenticate
from f1core.usecases.accounts.change_role import ChangeRole
from f1core.usecases.accounts.disable_user import DisableUser
from f1core.usecases.accounts.list_users import ListUsers
from f1core.usecases.accounts.log_in import LogIn
from f1core.usecases.accounts.log_out import LogOut
from f1core.usecases.accounts.log_out_everywhere import LogOutEverywhere
from f1core.usecases.accounts.refresh import Refresh
from f1core.usecases.accounts.register_user import RegisterUser
from f1core.usecases.history.delete_history_item import DeleteHistoryItem
from f1core.usecases.history.delete_saved_answer import DeleteSavedAnswer
from f1core.usecases.history.get_history_item import GetHistoryItem
from f1core.usecases.history.get_shared_answer import GetSharedAnswer
from f1core.usecases.history.list_history import ListHistory
from f1core.usecases.history.list_saved_answers import ListSavedAnswers
from f1core.usecases.history.record_question import RecordQuestion


def login_failure_store(settings: Settings) -> LoginFailureStore:
    """Redis when F1_REDIS_URL is set (shared by workers, like the rate limits), else memory."""
    if settings.redis_url:
        return RedisLoginFailureStore(settings.redis_url, prefix=settings.redis_key_prefix)
    return BoundedMemoryLoginFailureStore()


def throttle_policy(settings: Settings) -> ThrottlePolicy:
    """The free failures per (account, address) and per address, from the settings."""
    return ThrottlePolicy(
        free_per_account_address=settings.login_free_failures_per_account_address,
        free_per_address=settings.login_free_failures_per_address,
    )


class AccountsContainer(containers.DeclarativeContainer):
    """Use cases over one engine. The engine is the storage container's async Resource,
    so these providers return awaitables: ``await container.accounts.log_in()``.

    The hasher, the common-password list and the token issuer are singletons (the hasher
    caches its dummy hash; the list is read once). The issuer is built on first use, so a
    missing ``F1_JWT_SECRET`` only matters to commands that issue or check tokens.
    """

    settings = providers.Dependency(instance_of=Settings)
    engine = providers.Dependency(instance_of=AsyncEngine)

    clock = providers.Object(system_clock)
    uow = providers.Factory(SqlUnitOfWork, engine=engine)
    password_hasher = providers.Singleton(Argon2PasswordHasher)
    common_passwords = providers.Singleton(BundledCommonPasswords)
    token_issuer = providers.Singleton(
        PyJwtTokenIssuer, secret=providers.Callable(lambda s: s.jwt_secret, settings)
    )
    shared_answer_cache = providers.Singleton(SqlAnswerCache, engine=engine)
    # A hit from this process's memory costs no database round trip.
    answer_cache = providers.Singleton(MemoryFrontedAnswerCache, inner=shared_answer_cache)
    # One per process: the counts must outlive a request (and, in Redis, the process).
    login_failures = providers.Singleton(login_failure_store, settings)

    register_user = providers.Factory(
        RegisterUser,
        uow=uow,
        hasher=password_hasher,
        common_passwords=common_passwords,
        clock=clock,
    )
    log_in = providers.Factory(
        LogIn,
        uow=uow,
        hasher=password_hasher,
        issuer=token_issuer,
        clock=clock,
        failures=login_failures,
        policy=providers.Callable(throttle_policy, settings),
    )
    refresh = providers.Factory(
        Refresh,
        uow=uow,
        issuer=token_issuer,
        clock=clock,
        grace=providers.Callable(lambda s: timedelta(seconds=s.refresh_grace_seconds), settings),
    )
    log_out = providers.Factory(LogOut, uow=uow, issuer=token_issuer, clock=clock)
    log_out_everywhere = providers.Factory(LogOutEverywhere, uow=uow, clock=clock)
    # One per process: requests authenticate from it without a query each.
    user_state = providers.Singleton(
        SqlCachedUserLookup,
        engine=engine,
        ttl_s=providers.Callable(lambda s: s.auth_cache_seconds, settings),
    )
    authenticate = providers.Factory(
        Authenticate, uow=uow, issuer=token_issuer, clock=clock, users=user_state
    )
    list_users = providers.Factory(ListUsers, uow=uow)
    change_role = providers.Factory(ChangeRole, uow=uow)
    disable_user = providers.Factory(DisableUser, uow=uow, clock=clock)

    # The history insert on every answer: group-committed by one writer per process.
    history_writer = providers.Singleton(SqlHistoryGroupCommit, engine=engine)
    record_question = providers.Factory(
        RecordQuestion,
        uow=providers.Factory(SqlGroupCommitUnitOfWork, writer=history_writer),
        clock=clock,
    )
    list_history = providers.Factory(ListHistory, uow=uow)
    get_history_item = providers.Factory(GetHistoryItem, uow=uow)
    delete_history_item = providers.Factory(DeleteHistoryItem, uow=uow)
    get_shared_answer = providers.Factory(GetSharedAnswer, uow=uow)
    list_saved_answers = providers.Factory(ListSavedAnswers, uow=uow)
    delete_saved_answer = providers.Factory(DeleteSavedAnswer, uow=uow)
