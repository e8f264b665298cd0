"""Wiring for questions: the interpreter (offline or OpenAI), the phraser, the ask use cases.

The root container passes in what other areas own: the session loader, the historical
archive, the answer cache and the history recorder. The last three sit on the async
database engine, so ``answer_query`` and ``ask_question`` return awaitables:
``ask = await container.ask.ask_question()``.
"""

from __future__ import annotations

from typing import Any

from dependency_injector import containers, providers

from adapters.memory.interpretations import RememberingQueryInterpreter
from adapters.rules import RuleBasedQueryInterpreter
from adapters.snapshot import SCHEMA_VERSION
from entrypoints.settings import Settings
from f1core.errors import F1Error
from f1core.ports.answer_cache import AnswerCache
from f1core.ports.archive import HistoricalArchive
from f1core.usecases.ask import AnswerQuery, AskQuestion
from f1core.usecases.history.record_question import RecordQuestion
from f1core.usecases.load_session import SessionLoader


class InterpreterUnavailableError(F1Error):
    """The configured interpreter cannot be built (not installed, or not configured)."""

    kind = "interpreter_unavailable"
    http_status = 503


def interpreter_kind(settings: Settings) -> str:
    """``offline`` or ``openai``, from the settings; anything else is a configuration error."""
    kind = settings.interpreter.strip().lower()
    if kind not in ("offline", "openai"):
        raise InterpreterUnavailableError(
            f"F1_INTERPRETER must be 'offline' or 'openai', not {settings.interpreter!r}"
        )
    return kind


def phrasing_kind(settings: Settings) -> str:
    """``llm`` when LLM phrasing is switched on and a model can be reached, else ``none``."""
    reachable = settings.openai_api_key or settings.openai_base_url
    return "llm" if settings.llm_phrasing and reachable else "none"


def openai_interpreter(**options: Any) -> Any:
    """The OpenAI interpreter, imported only when selected.

    The openai package takes about 0.3 s to import; the offline default never pays it.
    """
    from adapters.openai import OpenAIQueryInterpreter

    return OpenAIQueryInterpreter(**options)


def openai_phraser(**options: Any) -> Any:
    """The OpenAI answer phraser, imported only when phrasing is switched on."""
    from adapters.openai import OpenAIAnswerPhraser

    return OpenAIAnswerPhraser(**options)


class AskContainer(containers.DeclarativeContainer):
    """Interpreter and phraser singletons; the use cases are factories over them."""

    settings = providers.Dependency(instance_of=Settings)
    loader = providers.Dependency(instance_of=SessionLoader)
    # The next three resolve to awaitables (they sit on the engine Resource), which
    # dependency-injector awaits before building the use cases.
    historical_archive: providers.Dependency[HistoricalArchive] = providers.Dependency()
    answer_cache: providers.Dependency[AnswerCache] = providers.Dependency()
    record_question: providers.Dependency[RecordQuestion] = providers.Dependency()

    # The rules read a question the same way every time: their readings are kept.
    offline = providers.Singleton(
        RememberingQueryInterpreter, inner=providers.Singleton(RuleBasedQueryInterpreter)
    )
    interpreter = providers.Selector(
        providers.Callable(interpreter_kind, settings),
        offline=offline,
        openai=providers.Singleton(
            openai_interpreter,
            api_key=settings.provided.openai_api_key,
            model=settings.provided.llm_model,
            base_url=settings.provided.openai_base_url,
            # An unusable model reply falls back to the offline reading, not a refusal.
            fallback=offline,
        ),
    )
    phraser = providers.Selector(
        providers.Callable(phrasing_kind, settings),
        none=providers.Object(None),
        llm=providers.Singleton(
            openai_phraser,
            api_key=settings.provided.openai_api_key,
            model=settings.provided.llm_model,
            base_url=settings.provided.openai_base_url,
        ),
    )

    answer_query = providers.Factory(
        AnswerQuery,
        loader=loader,
        archive=historical_archive,
        cache=answer_cache,
        session_data_version=f"snapshot-v{SCHEMA_VERSION}",
    )
    ask_question = providers.Factory(
        AskQuestion,
        interpreter=interpreter,
        answer_query=answer_query,
        record_question=record_question,
        phraser=phraser,
    )
