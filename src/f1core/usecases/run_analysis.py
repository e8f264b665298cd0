"""Use case: run one analysis of the suite on a session named as people name it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from f1core.analysis.catalog import run_analysis
from f1core.domain.session import SessionKind
from f1core.usecases.load_session import SessionLoader


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
    ) -> Any:
        """The analysis result (a msgspec Struct with ``table()`` and ``excluded``).

        Raises ``F1Error`` subclasses for unknown sessions, analyses or drivers, and for
        sessions whose data is unavailable.
        """
        ref = await self._loader.resolve(year, event, kind)
        session = await self._loader.load(ref)
        codes = [d.upper() for d in drivers] if drivers else None
        return run_analysis(analysis, session, codes, **options)
