"""A per-process memory of recent interpretations in front of a pure interpreter."""

from __future__ import annotations

from collections import OrderedDict

from f1core.ports.query_interpreter import QueryInterpreter
from f1core.query import Interpretation, Query


class RememberingQueryInterpreter:
    """``QueryInterpreter``: the last ``max_entries`` questions' readings, kept.

    Only for an interpreter whose reading depends on the question alone (the offline
    rules: their "this year" is fixed when they are built), so a kept reading is the one
    it would give again. Reading a question took the rules about 0.2 ms, a tenth of a
    warm answer; people ask the same questions again. Interpretations are frozen structs,
    safe to hand out twice.
    """

    def __init__(self, inner: QueryInterpreter, max_entries: int = 4096) -> None:
        self.inner = inner
        self._max_entries = max_entries
        self._kept: OrderedDict[str, Interpretation] = OrderedDict()

    async def interpret(self, question: str, context: Query | None = None) -> Interpretation:
        if context is not None:  # a follow-up is read against its conversation, afresh
            return await self.inner.interpret(question, context)
        kept = self._kept.get(question)
        if kept is not None:
            self._kept.move_to_end(question)
            return kept
        reading = await self.inner.interpret(question)
        self._kept[question] = reading
        if len(self._kept) > self._max_entries:
            self._kept.popitem(last=False)
        return reading
