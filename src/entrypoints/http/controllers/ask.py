"""/api/v1/ask, /api/v1/query, the caller's history and saved answers, and shared answers."""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable
from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, Response, delete, get, post
from litestar.di import NamedDependency
from litestar.params import JSONBody, Parameter
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED, HTTP_204_NO_CONTENT

from entrypoints.http.deps import provide_answer_query, provide_ask_question, provide_metrics
from entrypoints.http.metrics import HttpMetrics
from entrypoints.http.schemas import BEARER, MAX_ID, AskBody, QueryBody, SavedLink
from entrypoints.tracing import span
from f1core.domain.accounts import UserProfile
from f1core.domain.answer import Answer
from f1core.domain.history import HistoryEntry, HistoryPage, SavedAnswer, SharedAnswer
from f1core.errors import F1Error
from f1core.query import Query
from f1core.usecases.ask import AskQuestion
from f1core.usecases.history.answer_history_item import AnswerHistoryItem
from f1core.usecases.history.delete_history_item import DeleteHistoryItem
from f1core.usecases.history.delete_saved_answer import DeleteSavedAnswer
from f1core.usecases.history.get_history_item import GetHistoryItem
from f1core.usecases.history.get_shared_answer import GetSharedAnswer
from f1core.usecases.history.list_history import ListHistory
from f1core.usecases.history.list_saved_answers import ListSavedAnswers
from f1core.usecases.history.save_history_answer import SaveHistoryAnswer

# Answers change only when the data does (a new import, a re-recorded session); clients
# may keep them but must revalidate, which the ETag makes a cheap 304.
ANSWER_CACHE_CONTROL = "private, no-cache"
SHARED_CACHE_CONTROL = "public, max-age=300"
Id = Annotated[int, Parameter(ge=1, le=MAX_ID)]


def intent_of(query: Query) -> str:
    """The query type's wire tag (``fastest-lap``, ``race-winner``, ...), for metrics."""
    return str(type(query).__struct_config__.tag)


def etag_response(
    request: Request[Any, Any, Any], value: Any, cache_control: str, status: int = HTTP_200_OK
) -> Response[Any]:
    """``value`` as JSON with a strong ETag; a matching ``If-None-Match`` gets a bare 304."""
    body = msgspec.json.encode(value)
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    headers = {"ETag": etag, "Cache-Control": cache_control}
    if etag in [t.strip() for t in request.headers.get("if-none-match", "").split(",")]:
        return Response(content=b"", status_code=304, headers=headers)
    return Response(
        content=body, status_code=status, media_type="application/json", headers=headers
    )


async def _counted(
    metrics: NamedDependency[HttpMetrics], intent: str, work: Callable[[], Awaitable[Answer]]
) -> Answer:
    try:
        # the use case's own span: the session load and the SQL calls nest inside it
        with span("use case", intent=intent):
            answer = await work()
    except F1Error as exc:
        metrics.observe_answer(intent, exc.kind)
        raise
    except Exception:
        metrics.observe_answer(intent, "error")
        raise
    metrics.observe_answer(intent_of(answer.query), "answered", cached=answer.cached)
    return answer


class AskController(Controller):
    path = "/api/v1"
    tags = ("ask",)
    security = BEARER

    # The two answering routes name one dependency, the caller: with two or more side by
    # side Litestar resolves them in an anyio task group, which cost a tenth of a warm
    # answer. The use case and the metrics come from the same providers, in the handler.

    @post("/ask", status_code=HTTP_200_OK)
    async def ask(
        self,
        request: Request[Any, Any, Any],
        data: JSONBody[AskBody],
        viewer: NamedDependency[UserProfile],
    ) -> Response[Answer]:
        """Answer a question in plain words; it is recorded in the caller's history."""
        state = request.app.state
        ask_question = await provide_ask_question(state)
        answer = await _counted(
            provide_metrics(state),
            "question",
            lambda: ask_question.execute(data.question, user_id=viewer.id, context=data.context),
        )
        return etag_response(request, answer, ANSWER_CACHE_CONTROL)

    @post("/query", status_code=HTTP_200_OK)
    async def query(
        self,
        request: Request[Any, Any, Any],
        data: JSONBody[QueryBody],
        analyst: NamedDependency[UserProfile],
    ) -> Response[Answer]:
        """Answer a typed query (for programs; analysts and admins). Not recorded."""
        state = request.app.state
        answer_query = await provide_answer_query(state)
        answer = await _counted(
            provide_metrics(state),
            intent_of(data.query),
            lambda: answer_query.execute(data.query, question=data.question),
        )
        return etag_response(request, answer, ANSWER_CACHE_CONTROL)

    @get("/history")
    async def history(
        self,
        viewer: NamedDependency[UserProfile],
        list_history: NamedDependency[ListHistory],
        limit: Annotated[int, Parameter(ge=1, le=100)] = 20,
        before_id: Annotated[int | None, Parameter(ge=1, le=MAX_ID)] = None,
    ) -> HistoryPage:
        """The caller's questions, newest first; pass ``next_before_id`` for the next page."""
        return await list_history.execute(viewer.id, limit=limit, before_id=before_id)

    @get("/history/{entry_id:int}")
    async def history_item(
        self,
        entry_id: Id,
        viewer: NamedDependency[UserProfile],
        get_history_item: NamedDependency[GetHistoryItem],
    ) -> HistoryEntry:
        """One of the caller's history entries."""
        return await get_history_item.execute(viewer.id, entry_id)

    @delete("/history/{entry_id:int}", status_code=HTTP_204_NO_CONTENT)
    async def delete_history_item(
        self,
        entry_id: Id,
        viewer: NamedDependency[UserProfile],
        delete_history_item: NamedDependency[DeleteHistoryItem],
    ) -> None:
        """Delete one of the caller's history entries."""
        await delete_history_item.execute(viewer.id, entry_id)

    @get("/history/{entry_id:int}/answer")
    async def history_answer(
        self,
        request: Request[Any, Any, Any],
        entry_id: Id,
        viewer: NamedDependency[UserProfile],
        answer_history_item: NamedDependency[AnswerHistoryItem],
    ) -> Response[Answer]:
        """The full answer of an answered entry (from its stored query; not re-recorded)."""
        answer = await answer_history_item.execute(viewer.id, entry_id)
        return etag_response(request, answer, ANSWER_CACHE_CONTROL)

    @post("/history/{entry_id:int}/rerun", status_code=HTTP_200_OK)
    async def rerun(
        self,
        request: Request[Any, Any, Any],
        entry_id: Id,
        viewer: NamedDependency[UserProfile],
        get_history_item: NamedDependency[GetHistoryItem],
        ask_question: NamedDependency[AskQuestion],
        metrics: NamedDependency[HttpMetrics],
    ) -> Response[Answer]:
        """Ask an earlier question again (a new history entry records it)."""
        entry = await get_history_item.execute(viewer.id, entry_id)
        answer = await _counted(
            metrics, "question", lambda: ask_question.execute(entry.question, user_id=viewer.id)
        )
        return etag_response(request, answer, ANSWER_CACHE_CONTROL)

    @post("/history/{entry_id:int}/save", status_code=HTTP_201_CREATED)
    async def save(
        self,
        entry_id: Id,
        viewer: NamedDependency[UserProfile],
        save_history_answer: NamedDependency[SaveHistoryAnswer],
    ) -> SavedLink:
        """Keep the answer of an answered history entry and make it shareable by link.

        The entry stores the interpreted query, so the answer is recomputed (usually from
        the answer cache) rather than trusted from the client.
        """
        return _link(await save_history_answer.execute(viewer.id, entry_id))

    @get("/saved")
    async def saved(
        self,
        viewer: NamedDependency[UserProfile],
        list_saved_answers: NamedDependency[ListSavedAnswers],
    ) -> list[SavedLink]:
        """The caller's saved answers with their share paths."""
        return [_link(s) for s in await list_saved_answers.execute(viewer.id)]

    @delete("/saved/{answer_id:int}", status_code=HTTP_204_NO_CONTENT)
    async def unsave(
        self,
        answer_id: Id,
        viewer: NamedDependency[UserProfile],
        delete_saved_answer: NamedDependency[DeleteSavedAnswer],
    ) -> None:
        """Delete a saved answer; its share link stops working."""
        await delete_saved_answer.execute(viewer.id, answer_id)


@get("/api/v1/shared/{token:str}", tags=["ask"])
async def shared(
    request: Request[Any, Any, Any],
    token: Annotated[str, Parameter(min_length=16, max_length=128)],
    get_shared_answer: NamedDependency[GetSharedAnswer],
) -> Response[SharedAnswer]:
    """A shared answer, readable by anyone holding the link (no login)."""
    return etag_response(request, await get_shared_answer.execute(token), SHARED_CACHE_CONTROL)


def _link(saved: SavedAnswer) -> SavedLink:
    return SavedLink(
        id=saved.id,
        share_token=saved.share_token,
        share_path=f"/api/v1/shared/{saved.share_token}",
        question=saved.question,
        summary=saved.summary,
    )
