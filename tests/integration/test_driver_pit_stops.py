"""Asked about one driver's pit stops, the answer is his, not the session's total."""

from __future__ import annotations

from collections.abc import Callable

from adapters.rules.interpreter import RuleBasedQueryInterpreter
from f1core.domain.session import Session, SessionKind, SessionRef
from f1core.kinds import pit_stops

BAKU_2018_R = SessionRef(2018, "Azerbaijan Grand Prix", SessionKind.RACE)


def test_one_drivers_stops_are_his_and_the_total_is_named_as_the_sessions(
    load_recorded: Callable[[SessionRef], Session],
) -> None:
    query = RuleBasedQueryInterpreter().interpret_now(
        "How many pit stops did Hamilton make in the 2018 Azerbaijan GP race?"
    )
    assert isinstance(query, pit_stops.PitStopsQuery) and query.drivers == ("HAM",)
    session = load_recorded(BAKU_2018_R)
    result = pit_stops.KIND.answer(session, query)
    assert pit_stops.KIND.paragraph(result, query) == (
        "In the 2018 Azerbaijan Grand Prix Race, Lewis Hamilton (HAM) made 2 pit stops: "
        "lap 22 (20.3 s in the pit lane), lap 40 (21.3 s in the pit lane). The session had "
        "36 pit stops in all."
    )


def test_the_chart_leaves_out_the_glitch_the_paragraph_leaves_out(
    load_recorded: Callable[[SessionRef], Session],
) -> None:
    session = load_recorded(BAKU_2018_R)
    query = pit_stops.PitStopsQuery(year=2018, event="Baku", session=SessionKind.RACE)
    result = pit_stops.KIND.answer(session, query)
    assert "1 implausibly short pit-lane time left out" in pit_stops.KIND.paragraph(result, query)
    spec = pit_stops.KIND.chart(result, query)
    assert spec is not None
    shown = [v["pit_lane_s"] for v in spec["data"]["values"]]
    timed = [s for s in result.stops if s.pit_lane_ms is not None]
    assert len(shown) == len(timed) - 1
    assert min(shown) == 19.595  # Vandoorne's, the shortest real one; the 15.0 s glitch is gone
