"""``OpenAIAnswerPhraser``: a language model rewords an answer's paragraph, facts unchanged."""

from __future__ import annotations

import logging

import openai

from f1core.domain.answer import Answer
from f1core.domain.table import Table
from f1core.query import encode_query

from .client import ChatModel

logger = logging.getLogger(__name__)

_SYSTEM_PROMPT = """\
You reword the answer of a Formula 1 data analysis system as one short paragraph for a fan.
Use only the facts in the answer and its table. Copy every number, lap time, gap, driver
code, name, team and session name exactly as written: do not round, convert, add up or
compare numbers yourself, and add no fact, name or opinion that is not given. Plain text,
no markdown, no lists, at most four sentences."""

# A phrasing is one paragraph; the table goes to the model only as context for wording,
# so its head is enough and keeps the prompt (and the bill) small.
_TABLE_ROWS_SHOWN = 20
# Longer than this is no longer "one paragraph": keep the computed text instead.
_MAX_CHARS = 1200


class OpenAIAnswerPhraser(ChatModel):
    """``AnswerPhraser`` backed by any OpenAI-compatible chat-completions server.

    Returns None (keep the computed paragraph) on any failure: an error, a timeout, an
    empty or cut-off reply. Whether every number and name in the phrasing comes from the
    answer is the caller's check; this adapter only asks the model to respect it.
    """

    def __init__(
        self,
        api_key: str | None,
        model: str,
        base_url: str | None = None,
        timeout_s: float = 10,
        max_retries: int = 1,
        *,
        temperature: float | None = 0.2,
    ) -> None:
        super().__init__(
            api_key=api_key,
            model=model,
            base_url=base_url,
            timeout_s=timeout_s,
            max_retries=max_retries,
            temperature=temperature,
        )

    async def phrase(self, answer: Answer) -> str | None:
        """The model's paragraph for ``answer``, or None to keep the computed text."""
        try:
            completion = await self._complete(_SYSTEM_PROMPT, _user_prompt(answer))
        except TimeoutError:
            logger.warning("answer phrasing: no reply within %g s", self._timeout_s)
            return None
        except openai.OpenAIError as exc:
            logger.warning("answer phrasing failed: %s: %s", type(exc).__name__, exc)
            return None
        if not completion.choices:
            return None
        choice = completion.choices[0]
        if choice.finish_reason != "stop":
            # "length" means a cut-off sentence; "tool_calls"/"content_filter" mean no prose.
            logger.warning("answer phrasing unusable: finish_reason=%s", choice.finish_reason)
            return None
        text = " ".join((choice.message.content or "").split())
        if not text or len(text) > _MAX_CHARS:
            return None
        return text


def _user_prompt(answer: Answer) -> str:
    parts = []
    if answer.question:
        parts.append(f"Question: {answer.question}")
    parts += [
        f"Query: {encode_query(answer.query).decode()}",
        f"Answer: {answer.text}",
        "Table:",
        _table_text(answer.table),
    ]
    if answer.excluded:
        parts.append(f"Laps left out: {len(answer.excluded)}")
    return "\n".join(parts)


def _table_text(table: Table) -> str:
    def cell(value: object) -> str:
        return "" if value is None else str(value)

    lines = [" | ".join(table.columns)]
    lines += [" | ".join(cell(v) for v in row) for row in table.rows[:_TABLE_ROWS_SHOWN]]
    hidden = len(table.rows) - _TABLE_ROWS_SHOWN
    if hidden > 0:
        lines.append(f"({hidden} more rows)")
    return "\n".join(lines)
