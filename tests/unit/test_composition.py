"""The composition root picks adapters from settings alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from adapters.memory.interpretations import RememberingQueryInterpreter
from entrypoints.composition import bootstrap
from entrypoints.composition.questions import InterpreterUnavailableError
from entrypoints.settings import Settings


def kinds(tmp_path: Path, **env: str) -> tuple[str, str]:
    container = bootstrap(Settings.from_env({"F1_DATA_DIR": str(tmp_path), **env}))
    interpreter = container.ask.interpreter()
    if isinstance(interpreter, RememberingQueryInterpreter):  # the offline rules, kept
        interpreter = interpreter.inner
    return type(interpreter).__name__, type(container.ask.phraser()).__name__


def test_offline_interpreter_and_no_phrasing_by_default(tmp_path: Path) -> None:
    assert kinds(tmp_path) == ("RuleBasedQueryInterpreter", "NoneType")


def test_an_api_key_selects_the_openai_interpreter(tmp_path: Path) -> None:
    assert kinds(tmp_path, OPENAI_API_KEY="sk-test") == ("OpenAIQueryInterpreter", "NoneType")


def test_f1_interpreter_overrides_the_key(tmp_path: Path) -> None:
    chosen = kinds(tmp_path, OPENAI_API_KEY="sk-test", F1_INTERPRETER="offline")
    assert chosen == ("RuleBasedQueryInterpreter", "NoneType")


def test_phrasing_needs_a_reachable_model(tmp_path: Path) -> None:
    local = {"OPENAI_BASE_URL": "http://127.0.0.1:11434/v1", "F1_LLM_PHRASING": "1"}
    assert kinds(tmp_path, F1_INTERPRETER="openai", **local) == (
        "OpenAIQueryInterpreter",
        "OpenAIAnswerPhraser",
    )
    assert kinds(tmp_path, F1_LLM_PHRASING="1")[1] == "NoneType"


def test_an_unknown_interpreter_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(
        InterpreterUnavailableError, match="F1_INTERPRETER must be 'offline' or 'openai'"
    ):
        kinds(tmp_path, F1_INTERPRETER="gpt")
