"""``OpenAIQueryInterpreter``: a language model picks the typed query through tool calling."""

from __future__ import annotations

import logging
from typing import Any

import msgspec
import openai
from openai.types.chat import ChatCompletion

from f1core.coverage import FIRST_ARCHIVE_SEASON, FIRST_TIMED_SEASON, LAST_ARCHIVE_SEASON
from f1core.errors import InvalidRequestError
from f1core.kinds.registry import KINDS
from f1core.ports.clock import Clock, system_clock
from f1core.ports.query_interpreter import QueryInterpreter
from f1core.query import Interpretation, Query, Refusal, decode_query, encode_query

from .client import ChatModel
from .schema import QUERY_TOOL, REFUSE_TOOL, tool_definitions

logger = logging.getLogger(__name__)

# What the recorded data and the archive hold; the prompt states it so the model refuses
# questions outside it instead of inventing an event.
DATA_COVERAGE = (
    "Lap-by-lap timing (sessions: laps, sectors, pace, strategy, pit stops, weather) from "
    f"the {FIRST_TIMED_SEASON} season; the results archive (winners, podiums, standings, "
    f"champions, career counts) from {FIRST_ARCHIVE_SEASON} to {LAST_ARCHIVE_SEASON}."
)

# The kinds of query, each with what it answers: the registry's list, never a copy.
KIND_LIST = "\n".join(f"- {kind.name}: {kind.description}" for kind in KINDS)

_SYSTEM_PROMPT = """\
You translate one question about Formula 1 into exactly one call of a tool.
Today is {today}. Data available: {coverage}

Call `{query_tool}` with {{"query": {{...}}}} when the question pins down everything the query
needs. Call `{refuse_tool}` otherwise. Never guess: a missing year, an unclear session, an
unknown driver or a question that is not about Formula 1 gets a refusal, not a query about
something else.

Kinds of query (the `type` of the query):
{kinds}

Query conventions:
- session: FP1, FP2, FP3, SQ (sprint qualifying or sprint shootout), S (sprint),
  Q (qualifying), R (race, "GP").
- event: the event as the user named it (a Grand Prix, circuit, city or country).
- drivers in session queries: three-letter codes in capitals (VER, HAM, LEC, NOR).
- "pole" or "fastest in qualifying" is fastest-lap with session Q; "who won the <year>
  <event> Grand Prix" is race-winner; who won a sprint is classification with session S.
- Fields that do not apply are null (or [] for drivers).

Refusal kinds: ambiguous (ask the one thing missing, e.g. "Which session: qualifying or
the race?"), off_topic (not about Formula 1), future (a season or race not yet run),
unknown_name (a driver, team or event you cannot identify), unsupported (about Formula 1
but no query answers it).

A follow-up question comes with the previous question's query as JSON. Resolve it against
that query ("and in the race?" changes the session, "what about Bottas?" the drivers, "and
in 2019?" the season; "and the fastest lap?" asks its own kind for the same event); a
question that stands on its own ignores it; a follow-up you cannot resolve is ambiguous.
"""


class _ToolArguments(msgspec.Struct, frozen=True):
    """The query tool's arguments; the query stays raw so ``decode_query`` validates it."""

    query: msgspec.Raw


class _UnusableReplyError(Exception):
    """The model's reply cannot be used; the message says why, for logs and the refusal."""


class OpenAIQueryInterpreter(ChatModel):
    """``QueryInterpreter`` backed by any OpenAI-compatible chat-completions server.

    ``timeout_s`` bounds the whole call, retries included; ``max_retries`` is the client's
    own retry budget for 408/409/429/5xx and connection errors (it honours Retry-After).
    When the model cannot be used (error, timeout, no tool call, invalid arguments), the
    question goes to ``fallback`` if given, else comes back as a Refusal.
    """

    def __init__(
        self,
        api_key: str | None,
        model: str,
        base_url: str | None = None,
        timeout_s: float = 10,
        max_retries: int = 2,
        fallback: QueryInterpreter | None = None,
        *,
        strict: bool = True,
        temperature: float | None = 0.0,
        clock: Clock = system_clock,
    ) -> None:
        super().__init__(
            api_key=api_key,
            model=model,
            base_url=base_url,
            timeout_s=timeout_s,
            max_retries=max_retries,
            temperature=temperature,
        )
        self._fallback = fallback
        self._clock = clock
        # Built once: the schema is large and the same for every question.
        self._tools: list[Any] = tool_definitions(strict=strict)

    async def interpret(self, question: str, context: Query | None = None) -> Interpretation:
        """The query the model chose, its refusal, or the fallback's reading of the question."""
        user = question
        if context is not None:
            previous = encode_query(context).decode()
            user = f"Previous question's query: {previous}\nFollow-up question: {question}"
        try:
            completion = await self._complete(self._system_prompt(), user, self._tools)
            interpretation = self._read(completion)
        except TimeoutError:
            return await self._fall_back(
                question, context, f"no reply within {self._timeout_s:g} s"
            )
        except openai.APIStatusError as exc:
            cause = f"the server answered HTTP {exc.status_code}"
            return await self._fall_back(question, context, cause)
        except openai.OpenAIError as exc:
            return await self._fall_back(question, context, f"{type(exc).__name__}: {exc}")
        except _UnusableReplyError as exc:
            return await self._fall_back(question, context, str(exc))
        if isinstance(interpretation, Refusal):
            return interpretation
        return self._check_season(interpretation)

    def _system_prompt(self) -> str:
        return _SYSTEM_PROMPT.format(
            today=self._clock().date().isoformat(),
            coverage=DATA_COVERAGE,
            kinds=KIND_LIST,
            query_tool=QUERY_TOOL,
            refuse_tool=REFUSE_TOOL,
        )

    def _read(self, completion: ChatCompletion) -> Interpretation:
        if not completion.choices:
            raise _UnusableReplyError("the reply had no choices")
        calls = completion.choices[0].message.tool_calls or []
        if len(calls) != 1:
            raise _UnusableReplyError(f"expected one tool call, got {len(calls)}")
        call = calls[0]
        function = getattr(call, "function", None)
        if function is None:
            raise _UnusableReplyError(f"unexpected tool call type {call.type!r}")
        if function.name == REFUSE_TOOL:
            return _decode_refusal(function.arguments)
        if function.name == QUERY_TOOL:
            return _decode_tool_query(function.arguments)
        raise _UnusableReplyError(f"the model called an unknown tool {function.name!r}")

    def _check_season(self, query: Query) -> Interpretation:
        # The schema allows seasons up to 2100; a model that maps "next year's race" to a
        # query would get a not-found error later, so say what is wrong here instead.
        year = getattr(query, "year", None)
        this_year = self._clock().year
        if year is not None and year > this_year:
            return Refusal(
                reason=f"The {year} season has not happened yet (it is {this_year} now).",
                kind="future",
            )
        return query

    async def _fall_back(self, question: str, context: Query | None, cause: str) -> Interpretation:
        if self._fallback is not None:
            logger.warning("language model unusable (%s); using the fallback interpreter", cause)
            return await self._fallback.interpret(question, context)
        logger.warning("language model unusable (%s); refusing", cause)
        return Refusal(
            reason=(
                f"The language model could not interpret the question ({cause}). "
                "Try again, or rephrase it naming the season, event and session."
            ),
            kind="unsupported",
        )


def _decode_tool_query(arguments: str) -> Query:
    try:
        raw = msgspec.json.decode(arguments, type=_ToolArguments).query
    except msgspec.ValidationError:
        # Some local models drop the {"query": ...} wrapper; the query itself is still typed
        # and fully validated below, so accepting it adds no guessing.
        raw = msgspec.Raw(arguments.encode())
    except msgspec.DecodeError as exc:
        raise _UnusableReplyError(f"the tool arguments are not JSON: {exc}") from exc
    try:
        return decode_query(bytes(raw))
    except InvalidRequestError as exc:
        raise _UnusableReplyError(f"the model returned an {exc.message}") from exc


def _decode_refusal(arguments: str) -> Refusal:
    try:
        refusal = msgspec.json.decode(arguments, type=Refusal)
    except msgspec.DecodeError as exc:  # ValidationError is a DecodeError
        raise _UnusableReplyError(f"invalid refusal arguments: {exc}") from exc
    if not refusal.reason.strip():
        raise _UnusableReplyError("the model refused without a reason")
    return refusal
