"""The registry of question kinds: a new kind is one module and one line here.

The query union and its JSON schema (``f1core.query``), ``f1 analyze`` and ``f1 analyses``,
the HTTP analysis routes, the notebook's methods, the LLM tool and prompt, and the offline
interpreter's intent table are all read from these tuples.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from f1core.errors import InvalidRequestError
from f1core.kinds import (
    archive_career_stat,
    archive_champion,
    archive_head_to_head,
    archive_historic_race,
    archive_most_wins,
    archive_pit_stops,
    archive_podium,
    archive_qualifying,
    archive_race_classification,
    archive_race_winner,
    archive_standings,
    archive_stat,
    archive_teammate_head_to_head,
    archive_wins_at_circuit,
    best_laps,
    biggest_movers,
    classification,
    degradation,
    driver_pit_stops,
    driver_session_summary,
    fastest_lap,
    gaps,
    grid_vs_finish,
    laps_completed,
    laps_led,
    long_runs,
    pit_stops,
    positions,
    practice_order,
    race_pace,
    race_summary,
    sectors,
    speed_traps,
    starting_tyres,
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
    laps_completed.KIND,
    laps_led.KIND,
    practice_order.KIND,
    driver_pit_stops.KIND,
    starting_tyres.KIND,
    biggest_movers.KIND,
    race_summary.KIND,
    driver_session_summary.KIND,
)
"""Every session kind, in the order they are listed to users."""

ARCHIVE_QUESTIONS: tuple[ArchiveQuestion[Any, Any], ...] = (
    archive_race_winner.KIND,
    archive_podium.KIND,
    archive_standings.KIND,
    archive_champion.KIND,
    archive_career_stat.KIND,
    archive_most_wins.KIND,
    archive_wins_at_circuit.KIND,
    archive_head_to_head.KIND,
    archive_stat.KIND,
    archive_historic_race.KIND,
    archive_teammate_head_to_head.KIND,
    archive_race_classification.KIND,
    archive_qualifying.KIND,
    archive_pit_stops.KIND,
)
"""Every archive kind."""

AnyKind = SessionQuestion[Any, Any] | ArchiveQuestion[Any, Any]

KINDS: tuple[AnyKind, ...] = (*SESSION_QUESTIONS, *ARCHIVE_QUESTIONS)
"""Every kind, session kinds first."""

_BY_QUERY: dict[type[QueryBase], AnyKind] = {kind.query: kind for kind in KINDS}

SESSION_QUESTION_BY_NAME: Mapping[str, SessionQuestion[Any, Any]] = {
    kind.name: kind for kind in SESSION_QUESTIONS
}
"""Every session kind by name ("race-pace"), in the order they are listed to users."""


def kind_of(query: QueryBase) -> AnyKind:
    """The kind that answers ``query`` (every variant of the union has one)."""
    return _BY_QUERY[type(query)]


def session_question(name: str) -> SessionQuestion[Any, Any]:
    """The session kind called ``name`` (case, spaces and underscores forgiven).

    Raises ``InvalidRequestError`` listing the known names.
    """
    key = "-".join(name.strip().lower().replace("_", " ").split())
    kind = SESSION_QUESTION_BY_NAME.get(key)
    if kind is None:
        names = ", ".join(SESSION_QUESTION_BY_NAME)
        raise InvalidRequestError(f"unknown analysis {name!r}: choose from {names}")
    return kind
