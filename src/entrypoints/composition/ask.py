"""Wiring for questions: the interpreter (offline or OpenAI), the phraser, the ask use cases.

The root container passes in what other areas own: the session loader, the historical
archive, the answer cache and the history recorder. The last three sit on the async
database engine, so ``answer_query`` and ``ask_question`` return awaitables:
``ask = await container.ask.ask_question()``. The interpreter and phraser are chosen in
``questions``, which the one-shot CLI wiring shares.
"""

from __future__ import annotations

from dependency_injector import containers, providers

from entrypoints.composition.questions import (
    SESSION_DATA_VERSION,
    build_interpreter,
    build_phraser,
)
from entrypoints.settings import Settings
from f1core.ports.answer_cache import AnswerCache
from f1core.ports.archive import HistoricalArchive
from f1core.usecases.ask import AnswerQuery, AskQuestion
from f1core.usecases.history.record_question import RecordQuestion
from f1core.usecases.load_session import SessionLoader


class AskContainer(containers.DeclarativeContainer):
    """Interpreter and phraser singletons; the use cases are factories over them."""

    settings = providers.Dependency(instance_of=Settings)
    loader = providers.Dependency(instance_of=SessionLoader)
    # The next three resolve to awaitables (they sit on the engine Resource), which
    # dependency-injector awaits before building the use cases.
    historical_archive: providers.Dependency[HistoricalArchive] = providers.Dependency()
    answer_cache: providers.Dependency[AnswerCache] = providers.Dependency()
    record_question: providers.Dependency[RecordQuestion] = providers.Dependency()

    interpreter = providers.Singleton(build_interpreter, settings)
    phraser = providers.Singleton(build_phraser, settings)

    answer_query = providers.Factory(
        AnswerQuery,
        loader=loader,
        archive=historical_archive,
        cache=answer_cache,
        session_data_version=SESSION_DATA_VERSION,
    )
    ask_question = providers.Factory(
        AskQuestion,
        interpreter=interpreter,
        answer_query=answer_query,
        record_question=record_question,
        phraser=phraser,
    )
