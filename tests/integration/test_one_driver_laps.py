"""Asked about one driver's lap, the answer states his place, never a rank it did not compute."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from adapters.rules.interpreter import RuleBasedQueryInterpreter
from f1core.domain.session import Session, SessionKind, SessionRef
from f1core.kinds.registry import kind_of

MONZA_2019_Q = SessionRef(2019, "Italian Grand Prix", SessionKind.QUALIFYING)
MEXICO_2021_Q = SessionRef(2021, "Mexico City Grand Prix", SessionKind.QUALIFYING)


@pytest.mark.parametrize(
    ("question", "ref", "text"),
    [
        (
            "How far was Verstappen off pole in qualifying in Mexico 2021?",
            MEXICO_2021_Q,
            "Max Verstappen (VER)'s best lap in the 2021 Mexico City Grand Prix Qualifying, "
            "1:16.225, was P3, 0.350 s slower than Valtteri Bottas (BOT)'s 1:15.875.",
        ),
        (
            "lap times of hamilton in monza 2019 qualifying",
            MONZA_2019_Q,
            "Lewis Hamilton (HAM)'s best lap in the 2019 Italian Grand Prix Qualifying, "
            "1:19.346, was P2, 0.039 s slower than Charles Leclerc (LEC)'s 1:19.307.",
        ),
        (
            "verstappen vs perez qualifying mexico 2021 teammate gap",
            MEXICO_2021_Q,
            "In the 2021 Mexico City Grand Prix Qualifying, Max Verstappen (VER) was quicker "
            "than teammate Sergio Perez (PER) (Red Bull Racing) over one lap by 0.117 s: "
            "1:16.225 to 1:16.342.",
        ),
        (
            "leclerc theoretical best lap monza 2019 qualifying",
            MONZA_2019_Q,
            "Charles Leclerc (LEC)'s theoretical best in the 2019 Italian Grand Prix "
            "Qualifying was 1:19.307, the same as the best lap driven (1:19.307); P3 of the "
            "session's theoretical laps, behind Lewis Hamilton (HAM)'s 1:19.169.",
        ),
    ],
)
def test_one_drivers_lap_is_placed_in_the_whole_session(
    load_recorded: Callable[[SessionRef], Session], question: str, ref: SessionRef, text: str
) -> None:
    query = RuleBasedQueryInterpreter().interpret_now(question)
    kind = kind_of(query)
    result = kind.answer(load_recorded(ref), query)  # type: ignore[union-attr]
    assert kind.paragraph(result, query) == text
