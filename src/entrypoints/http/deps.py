"""Small typed providers: handlers name what they need, these fetch it from the container.

The container lives on ``app.state.container``; account and history use cases are built on
the async engine Resource, so their providers await it. No handler ever builds an adapter.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar, cast

from litestar import Request
from litestar.datastructures import State
from litestar.di import NamedDependency, Provide
from sqlalchemy.ext.asyncio import AsyncEngine

from entrypoints.composition import Container
from entrypoints.http.edge import USER_ID_KEY
from entrypoints.http.metrics import HttpMetrics
from entrypoints.http.ratelimit import RateLimiter
from f1core.domain.accounts import AuthenticationError, Role, UserProfile
from f1core.ports.archive import HistoricalArchive
from f1core.usecases.accounts.authenticate import Authenticate, require_role
from f1core.usecases.accounts.change_role import ChangeRole
from f1core.usecases.accounts.disable_user import DisableUser
from f1core.usecases.accounts.list_users import ListUsers
from f1core.usecases.accounts.log_in import LogIn
from f1core.usecases.accounts.log_out import LogOut
from f1core.usecases.accounts.log_out_everywhere import LogOutEverywhere
from f1core.usecases.accounts.refresh import Refresh
from f1core.usecases.accounts.register_user import RegisterUser
from f1core.usecases.ask import AnswerQuery, AskQuestion
from f1core.usecases.history.answer_history_item import AnswerHistoryItem
from f1core.usecases.history.delete_history_item import DeleteHistoryItem
from f1core.usecases.history.delete_saved_answer import DeleteSavedAnswer
from f1core.usecases.history.get_history_item import GetHistoryItem
from f1core.usecases.history.get_shared_answer import GetSharedAnswer
from f1core.usecases.history.list_history import ListHistory
from f1core.usecases.history.list_saved_answers import ListSavedAnswers
from f1core.usecases.history.save_history_answer import SaveHistoryAnswer
from f1core.usecases.load_session import SessionLoader
from f1core.usecases.session_summary import ShowSession

T = TypeVar("T")
AnyRequest = Request[Any, Any, Any]


def container_of(state: State) -> Container:
    """The composition root the app was built with."""
    return cast(Container, state.container)


async def _resolve(provided: T | Awaitable[T]) -> T:
    # Providers over the async engine hand back awaitables; the others, instances.
    if isinstance(provided, Awaitable):
        # Litestar resolves a handler's dependencies side by side and cancels the rest when
        # one fails (the database is down). Cancelling us must not cancel
        # dependency-injector's future: its callbacks would later complete a cancelled
        # future (InvalidStateError in the log) and a Singleton's shared future would fail
        # every other request waiting on it. Once we are gone nobody reads the future's
        # error (shield drops its own callback), so _retrieved marks it read.
        future = asyncio.ensure_future(provided)
        future.add_done_callback(_retrieved)
        return cast(T, await asyncio.shield(future))
    return provided


# Use cases that hold nothing per call (their units of work keep a transaction per task)
# are built once per app: resolving one through the async engine Resource cost more per
# request (futures and gathers, ~0.4 ms for ask and authenticate) than answering it.
_SHARED_KEY = "shared_use_cases"


async def _shared(state: State, name: str, build: Callable[[Container], Any]) -> Any:
    shared: dict[str, Any] = state.setdefault(_SHARED_KEY, {})
    found = shared.get(name)
    if found is None:
        # Not remembered when building fails (the database is down): the next one retries.
        found = shared[name] = await _resolve(build(container_of(state)))
    return found


def _retrieved(future: asyncio.Future[Any]) -> None:
    # The error itself reaches the request that is still waiting, or nobody needs it.
    if not future.cancelled():
        future.exception()


async def database_engine(state: State) -> AsyncEngine:
    """The storage engine (an async Resource: built on first use, shared afterwards)."""
    return await _resolve(container_of(state).storage.engine())


async def provide_register_user(state: State) -> RegisterUser:
    return await _resolve(container_of(state).accounts.register_user())


async def provide_log_in(state: State) -> LogIn:
    return await _resolve(container_of(state).accounts.log_in())


async def provide_refresh(state: State) -> Refresh:
    return await _resolve(container_of(state).accounts.refresh())


async def provide_log_out(state: State) -> LogOut:
    return await _resolve(container_of(state).accounts.log_out())


async def provide_log_out_everywhere(state: State) -> LogOutEverywhere:
    return await _resolve(container_of(state).accounts.log_out_everywhere())


async def provide_authenticate(state: State) -> Authenticate:
    return cast(Authenticate, await _shared(state, "authenticate", _authenticate))


async def provide_list_users(state: State) -> ListUsers:
    return await _resolve(container_of(state).accounts.list_users())


async def provide_change_role(state: State) -> ChangeRole:
    return await _resolve(container_of(state).accounts.change_role())


async def provide_disable_user(state: State) -> DisableUser:
    return await _resolve(container_of(state).accounts.disable_user())


async def provide_list_history(state: State) -> ListHistory:
    return await _resolve(container_of(state).accounts.list_history())


async def provide_get_history_item(state: State) -> GetHistoryItem:
    return await _resolve(container_of(state).accounts.get_history_item())


async def provide_delete_history_item(state: State) -> DeleteHistoryItem:
    return await _resolve(container_of(state).accounts.delete_history_item())


async def provide_answer_history_item(state: State) -> AnswerHistoryItem:
    return await _resolve(container_of(state).answer_history_item())


async def provide_save_history_answer(state: State) -> SaveHistoryAnswer:
    return await _resolve(container_of(state).save_history_answer())


async def provide_get_shared_answer(state: State) -> GetSharedAnswer:
    return await _resolve(container_of(state).accounts.get_shared_answer())


async def provide_list_saved_answers(state: State) -> ListSavedAnswers:
    return await _resolve(container_of(state).accounts.list_saved_answers())


async def provide_delete_saved_answer(state: State) -> DeleteSavedAnswer:
    return await _resolve(container_of(state).accounts.delete_saved_answer())


async def provide_ask_question(state: State) -> AskQuestion:
    return cast(AskQuestion, await _shared(state, "ask_question", _ask_question))


async def provide_answer_query(state: State) -> AnswerQuery:
    return cast(AnswerQuery, await _shared(state, "answer_query", _answer_query))


def _authenticate(container: Container) -> Any:
    # Reads the user through the per-process user-state cache, never its unit of work.
    return container.accounts.authenticate()


def _ask_question(container: Container) -> Any:
    return container.ask.ask_question()


def _answer_query(container: Container) -> Any:
    return container.ask.answer_query()


async def provide_loader(state: State) -> SessionLoader:
    return await _resolve(container_of(state).sessions.loader())


async def provide_show_session(state: State) -> ShowSession:
    return await _resolve(container_of(state).sessions.show_session())


async def provide_archive(state: State) -> HistoricalArchive:
    archive: HistoricalArchive = await _resolve(container_of(state).archive.historical_archive())
    return archive


def provide_metrics(state: State) -> HttpMetrics:
    return cast(HttpMetrics, state.metrics)


def provide_limiter(state: State) -> RateLimiter:
    return cast(RateLimiter, state.limiter)


# --- who is asking ---------------------------------------------------------------------------


def bearer_token(request: AnyRequest) -> str:
    """The access token of ``Authorization: Bearer <token>``, or ``AuthenticationError``."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise AuthenticationError(
            "Log in first and send the access token as 'Authorization: Bearer <token>'."
        )
    return token.strip()


async def _user(
    request: AnyRequest, authenticate: NamedDependency[Authenticate], role: Role
) -> UserProfile:
    user = await authenticate.execute(bearer_token(request))
    # For the access log: who made the request, whatever its outcome.
    request.scope[USER_ID_KEY] = user.id  # type: ignore[literal-required]
    require_role(user, role)
    return user


async def provide_viewer(
    request: AnyRequest, authenticate: NamedDependency[Authenticate]
) -> UserProfile:
    return await _user(request, authenticate, Role.VIEWER)


async def provide_analyst(
    request: AnyRequest, authenticate: NamedDependency[Authenticate]
) -> UserProfile:
    return await _user(request, authenticate, Role.ANALYST)


async def provide_admin(
    request: AnyRequest, authenticate: NamedDependency[Authenticate]
) -> UserProfile:
    return await _user(request, authenticate, Role.ADMIN)


def _p(fn: Any) -> Provide:
    # Sync providers here only read app.state: no thread needed.
    return Provide(fn) if asyncio.iscoroutinefunction(fn) else Provide(fn, sync_to_thread=False)


DEPENDENCIES: dict[str, Provide] = {
    "register_user": _p(provide_register_user),
    "log_in": _p(provide_log_in),
    "refresh": _p(provide_refresh),
    "log_out": _p(provide_log_out),
    "log_out_everywhere": _p(provide_log_out_everywhere),
    "authenticate": _p(provide_authenticate),
    "list_users": _p(provide_list_users),
    "change_role": _p(provide_change_role),
    "disable_user": _p(provide_disable_user),
    "list_history": _p(provide_list_history),
    "get_history_item": _p(provide_get_history_item),
    "delete_history_item": _p(provide_delete_history_item),
    "answer_history_item": _p(provide_answer_history_item),
    "save_history_answer": _p(provide_save_history_answer),
    "get_shared_answer": _p(provide_get_shared_answer),
    "list_saved_answers": _p(provide_list_saved_answers),
    "delete_saved_answer": _p(provide_delete_saved_answer),
    "ask_question": _p(provide_ask_question),
    "answer_query": _p(provide_answer_query),
    "loader": _p(provide_loader),
    "show_session": _p(provide_show_session),
    "archive": _p(provide_archive),
    "metrics": _p(provide_metrics),
    "limiter": _p(provide_limiter),
    "viewer": _p(provide_viewer),
    "analyst": _p(provide_analyst),
    "admin": _p(provide_admin),
}
