"""Use case: run one session kind by name on a session named as people name it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from f1core.domain.session import SessionKind
from f1core.kinds.registry import session_question
from f1core.usecases.load_session import SessionLoader


@dataclass(frozen=True, slots=True)
class AnalysisRun:
    """An analysis result and the paragraph its kind writes about it (as ``f1 ask`` does)."""

    result: Any
    text: str


class RunAnalysis:
    """Resolve the session, load it (cached), run the named analysis on it."""

    def __init__(self, loader: SessionLoader) -> None:
        self._loader = loader

    async def execute(
        self,
        analysis: str,
        year: int,
        event: str,
        kind: SessionKind | str,
        drivers: Sequence[str] | None = None,
        **options: Any,
    ) -> AnalysisRun:
        """The analysis result (a msgspec Struct with ``table()`` and ``excluded``) and text.

        Raises ``F1Error`` subclasses for unknown sessions, analyses or drivers, and for
        sessions whose data is unavailable.
        """
        ref = await self._loader.resolve(year, event, kind)
        question = session_question(analysis)
        session = await self._loader.load(ref, weather=question.uses_weather)
        codes = [d.upper() for d in drivers] if drivers else None
        query = question.query_for(session, codes, options)
        result = question.answer(session, query)
        return AnalysisRun(result=result, text=question.paragraph(result, query))
