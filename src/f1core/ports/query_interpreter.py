"""Port: turning a question in plain English into a typed query, or a reasoned refusal."""

from __future__ import annotations

from typing import Protocol

from f1core.query import Interpretation, Query


class QueryInterpreter(Protocol):
    """Reads a question; never guesses: what it cannot pin down becomes a ``Refusal``."""

    async def interpret(self, question: str, context: Query | None = None) -> Interpretation:
        """The query the question asks, or a ``Refusal`` whose reason a person can act on.

        ``context`` is the previous question's query in the conversation: a follow-up
        ("and in the race?", "what about Bottas?") is resolved against it, and one that
        cannot be is refused like any unclear question.
        """
        ...
