"""The one place an ``AsyncOpenAI`` client is built, for OpenAI and compatible servers."""

from __future__ import annotations

import asyncio
from types import TracebackType
from typing import Any, Self

import openai
from openai.types.chat import ChatCompletion

from f1core.errors import ConfigurationError

# Local servers (Ollama, vLLM, llama.cpp) ignore the key, but the client insists on one.
_PLACEHOLDER_KEY = "not-needed"


def make_client(
    *, api_key: str | None, base_url: str | None, timeout_s: float, max_retries: int
) -> openai.AsyncOpenAI:
    """An ``AsyncOpenAI`` client with bounded per-request timeout and retries.

    Raises ``ConfigurationError`` when neither a key nor a local server is configured,
    instead of the client's own error, which would name only half of the remedy.
    """
    if timeout_s <= 0:
        raise ConfigurationError(f"the language model timeout must be positive, got {timeout_s} s")
    if max_retries < 0:
        raise ConfigurationError(
            f"the language model retry count cannot be negative, got {max_retries}"
        )
    if not api_key:
        if not base_url:
            raise ConfigurationError(
                "the OpenAI interpreter needs OPENAI_API_KEY, or OPENAI_BASE_URL pointing at "
                "an OpenAI-compatible server (Ollama, vLLM, llama.cpp); "
                "or set F1_INTERPRETER=offline"
            )
        api_key = _PLACEHOLDER_KEY
    return openai.AsyncOpenAI(
        api_key=api_key, base_url=base_url, timeout=timeout_s, max_retries=max_retries
    )


class ChatModel:
    """Base of the adapters: one model on one client, called with a bounded deadline.

    ``timeout_s`` bounds a whole call, the client's retries included, so a slow or
    rate-limited server costs the user at most that long.
    """

    def __init__(
        self,
        *,
        api_key: str | None,
        model: str,
        base_url: str | None,
        timeout_s: float,
        max_retries: int,
        temperature: float | None,
    ) -> None:
        self._client = make_client(
            api_key=api_key, base_url=base_url, timeout_s=timeout_s, max_retries=max_retries
        )
        self._model = model
        self._timeout_s = timeout_s
        self._temperature = temperature

    async def _complete(
        self, system: str, user: str, tools: list[Any] | None = None
    ) -> ChatCompletion:
        """One chat completion; with ``tools``, the model must call exactly one of them.

        Raises ``TimeoutError`` past the deadline and ``openai.OpenAIError`` on API errors.
        """
        async with asyncio.timeout(self._timeout_s):
            return await self._client.chat.completions.create(
                model=self._model,
                messages=[
                    {"role": "system", "content": system},
                    {"role": "user", "content": user},
                ],
                tools=openai.omit if tools is None else tools,
                tool_choice=openai.omit if tools is None else "required",
                parallel_tool_calls=openai.omit if tools is None else False,
                # Some reasoning models reject any temperature: None leaves it out.
                temperature=openai.omit if self._temperature is None else self._temperature,
            )

    async def aclose(self) -> None:
        """Close the HTTP connections the client holds."""
        await self._client.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()
