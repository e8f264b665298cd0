"""Use case: a question in plain English to an ``Answer``, recorded in the asker's history."""

from __future__ import annotations

import logging
import time
from typing import Any

import msgspec

from f1core.answers.facts import is_faithful
from f1core.coverage import MAX_QUESTION_LENGTH
from f1core.domain.answer import Answer
from f1core.domain.history import QueryStatus, summarize
from f1core.errors import F1Error, InvalidRequestError
from f1core.ports.answer_phraser import AnswerPhraser
from f1core.ports.query_interpreter import QueryInterpreter
from f1core.query import Query, Refusal, encode_query
from f1core.usecases.ask.answer_query import AnswerQuery, Timer
from f1core.usecases.ask.errors import QuestionRefusedError
from f1core.usecases.history.record_question import RecordQuestion

logger = logging.getLogger(__name__)


class AskQuestion:
    """Interpret, answer, optionally rephrase, and record the outcome for ``user_id``.

    Every outcome is recorded when a user is given: answered, refused (the interpreter's
    reason as the summary) and failed (the error's message). An answer is given only
    once it is in the history; a refusal or failure keeps its own error if recording it
    fails too. A phraser's text replaces
    the computed paragraph only when every number and name in it is found in the answer.
    """

    def __init__(
        self,
        interpreter: QueryInterpreter,
        answer_query: AnswerQuery,
        record_question: RecordQuestion | None = None,
        phraser: AnswerPhraser | None = None,
        *,
        timer: Timer = time.perf_counter,
    ) -> None:
        self._interpreter = interpreter
        self._answer_query = answer_query
        self._record = record_question
        self._phraser = phraser
        self._timer = timer

    async def execute(
        self, question: str, *, user_id: int | None = None, context: Query | None = None
    ) -> Answer:
        """The answer to ``question``, read as a follow-up of ``context`` where it is one.

        Raises ``InvalidRequestError`` for an empty or over-long question,
        ``QuestionRefusedError`` when the interpreter refuses, the errors of
        ``AnswerQuery.execute`` when the data cannot answer it, and the history's own
        error when the outcome cannot be recorded.
        """
        text = question.strip()
        if not text:
            raise InvalidRequestError(
                "The question is empty: ask about a race, a driver, a team or a season."
            )
        if len(text) > MAX_QUESTION_LENGTH:
            raise InvalidRequestError(
                f"Ask a question of 1 to {MAX_QUESTION_LENGTH} characters; got {len(text)}."
            )
        start = self._timer()
        timings: dict[str, float] = {}
        query_json: dict[str, Any] | None = None
        try:
            interpretation = await self._interpreter.interpret(text, context)
            timings["interpret_ms"] = _ms(start, self._timer())
            if isinstance(interpretation, Refusal):
                raise QuestionRefusedError(interpretation)
            query_json = msgspec.json.decode(encode_query(interpretation))
            answer = await self._answer_query.execute(interpretation, question=text)
            answer = await self._phrase(answer, timings)
        except QuestionRefusedError as exc:
            timings.setdefault("interpret_ms", _ms(start, self._timer()))
            timings["total_ms"] = _ms(start, self._timer())
            await self._log(user_id, text, QueryStatus.REFUSED, None, exc.message, timings)
            raise
        except Exception as exc:
            timings["total_ms"] = _ms(start, self._timer())
            message = exc.message if isinstance(exc, F1Error) else f"internal error: {exc}"
            await self._log(user_id, text, QueryStatus.FAILED, query_json, message, timings)
            raise
        answer = msgspec.structs.replace(
            answer,
            timings_ms={**timings, **answer.timings_ms, "total_ms": _ms(start, self._timer())},
        )
        # An answer the history never heard of would be missing from the user's history
        # and everything counted from it: the storage error goes up instead.
        await self._log(
            user_id,
            text,
            QueryStatus.ANSWERED,
            query_json,
            answer.text,
            answer.timings_ms,
            best_effort=False,
        )
        return answer

    async def _phrase(self, answer: Answer, timings: dict[str, float]) -> Answer:
        if self._phraser is None:
            return answer
        start = self._timer()
        try:
            phrased = await self._phraser.phrase(answer)
        except Exception:
            # Prose is optional: a failing LLM leaves the computed paragraph in place.
            logger.warning("answer phrasing failed; keeping the computed text", exc_info=True)
            phrased = None
        timings["phrase_ms"] = _ms(start, self._timer())
        if phrased is None or phrased.strip() == answer.text:
            return answer
        if not is_faithful(phrased, answer):
            logger.info("phrased answer states facts not in the result; keeping the computed text")
            return answer
        return msgspec.structs.replace(answer, text=phrased.strip())

    async def _log(
        self,
        user_id: int | None,
        question: str,
        status: QueryStatus,
        query_json: dict[str, Any] | None,
        summary: str,
        timings: dict[str, float],
        *,
        best_effort: bool = True,
    ) -> None:
        if user_id is None or self._record is None:
            return
        try:
            await self._record.execute(
                user_id,
                question,
                status,
                interpreted_query=query_json,
                answer_summary=summarize(summary),
                timings_ms=timings,
            )
        except Exception:
            if not best_effort:
                raise
            # The outcome's own error says more to the user than the history's would.
            logger.warning("could not record the question in the history", exc_info=True)


def _ms(start: float, end: float) -> float:
    return round((end - start) * 1000.0, 3)
