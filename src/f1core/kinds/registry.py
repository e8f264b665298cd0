"""The registry of question kinds: a new kind is one module and one line here.

The query union and its JSON schema (``f1core.query``), ``f1 analyze`` and ``f1 analyses``,
the HTTP analysis routes, the notebook's methods, the LLM tool and prompt, and the offline
interpreter's intent table are all read from these tuples.
"""

from __future__ import annotations

from typing import Any

from f1core.kinds import (
    best_laps,
    classification,
    degradation,
    fastest_lap,
    gaps,
    grid_vs_finish,
    long_runs,
    pit_stops,
    positions,
    race_pace,
    sectors,
    speed_traps,
    strategy,
    teammates,
    theoretical_best,
    weather,
)
from f1core.kinds.base import ArchiveQuestion, QueryBase, SessionQuestion

SESSION_QUESTIONS: tuple[SessionQuestion[Any, Any], ...] = (
    classification.KIND,
    fastest_lap.KIND,
    best_laps.KIND,
    theoretical_best.KIND,
    sectors.KIND,
    speed_traps.KIND,
    race_pace.KIND,
    strategy.KIND,
    degradation.KIND,
    positions.KIND,
    grid_vs_finish.KIND,
    gaps.KIND,
    teammates.KIND,
    long_runs.KIND,
    pit_stops.KIND,
    weather.KIND,
)
"""Every session kind, in the order they are listed to users."""

ARCHIVE_QUESTIONS: tuple[ArchiveQuestion[Any, Any], ...] = ()
"""Every archive kind."""

AnyKind = SessionQuestion[Any, Any] | ArchiveQuestion[Any, Any]

KINDS: tuple[AnyKind, ...] = (*SESSION_QUESTIONS, *ARCHIVE_QUESTIONS)
"""Every kind, session kinds first."""

_BY_QUERY: dict[type[QueryBase], AnyKind] = {kind.query: kind for kind in KINDS}


def kind_of(query: QueryBase) -> AnyKind | None:
    """The kind that answers ``query``."""
    return _BY_QUERY.get(type(query))
