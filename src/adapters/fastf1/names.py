"""FastF1's session names -> our ``SessionKind``, shared by the mapping and the replay index.

Kept apart from ``mapping`` so that reading the replay directory's index never imports
pandas or FastF1.
"""

from __future__ import annotations

from f1core.domain.session import SessionKind

# FastF1 schedule session names -> our kinds. 2021's sprint weekends call the sprint race
# itself "Sprint Qualifying"; ``session_kind`` handles that year before this table.
_SESSION_NAMES: dict[str, SessionKind] = {
    "Practice 1": SessionKind.FP1,
    "Practice 2": SessionKind.FP2,
    "Practice 3": SessionKind.FP3,
    "Sprint Qualifying": SessionKind.SPRINT_QUALIFYING,
    "Sprint Shootout": SessionKind.SPRINT_QUALIFYING,
    "Sprint": SessionKind.SPRINT,
    "Qualifying": SessionKind.QUALIFYING,
    "Race": SessionKind.RACE,
}


def session_kind(name: str, year: int) -> SessionKind | None:
    """The kind of a FastF1 session name; None for names we do not model (tests)."""
    if year == 2021 and name == "Sprint Qualifying":
        return SessionKind.SPRINT
    return _SESSION_NAMES.get(name)
