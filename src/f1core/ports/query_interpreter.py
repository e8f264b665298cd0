"""Port: turning a question in plain English into a typed query, or a reasoned refusal."""

from __future__ import annotations

from typing import Protocol

from f1core.query import Interpretation


class QueryInterpreter(Protocol):
    """Reads a question; never guesses: what it cannot pin down becomes a ``Refusal``."""

    async def interpret(self, question: str) -> Interpretation:
        """The query the question asks, or a ``Refusal`` whose reason a person can act on."""
        ...
