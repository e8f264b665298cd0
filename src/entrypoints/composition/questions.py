"""Which interpreter and phraser the settings choose, as plain functions.

Shared by the ``AskContainer`` and the one-shot wiring (``oneshot``), and free of
dependency-injector, so a CLI process pays only for the adapter it uses.
"""

from __future__ import annotations

from typing import Any

from adapters.memory.interpretations import RememberingQueryInterpreter
from adapters.rules import RuleBasedQueryInterpreter
from adapters.snapshot import SCHEMA_VERSION
from entrypoints.settings import Settings
from f1core.errors import F1Error
from f1core.ports.answer_phraser import AnswerPhraser
from f1core.ports.query_interpreter import QueryInterpreter

SESSION_DATA_VERSION = f"snapshot-v{SCHEMA_VERSION}"
"""What session answers are keyed on: the snapshot schema they were computed from."""


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


def build_interpreter(settings: Settings) -> QueryInterpreter:
    """The interpreter the settings choose; OpenAI falls back to the offline reading."""
    # The rules read a question the same way every time: their readings are kept.
    offline = RememberingQueryInterpreter(inner=RuleBasedQueryInterpreter())
    if interpreter_kind(settings) == "offline":
        return offline
    # An unusable model reply falls back to the offline reading, not a refusal.
    interpreter: QueryInterpreter = openai_interpreter(**_model(settings), fallback=offline)
    return interpreter


def build_phraser(settings: Settings) -> AnswerPhraser | None:
    """The LLM phraser when phrasing is on and a model is reachable, else None."""
    if phrasing_kind(settings) == "none":
        return None
    phraser: AnswerPhraser = openai_phraser(**_model(settings))
    return phraser


def _model(settings: Settings) -> dict[str, Any]:
    return {
        "api_key": settings.openai_api_key,
        "model": settings.llm_model,
        "base_url": settings.openai_base_url,
    }
