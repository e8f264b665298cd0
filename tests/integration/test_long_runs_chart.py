"""The long-runs chart of the recorded 2024 British GP FP1: compound colours, m:ss axis."""

from __future__ import annotations

from collections.abc import Callable

from f1core.answers.charts import MSS_LABELS, compound_colors
from f1core.domain.session import Session, SessionKind, SessionRef
from f1core.kinds import long_runs

SILVERSTONE_2024_FP1 = SessionRef(2024, "British Grand Prix", SessionKind.FP1)


def test_each_run_is_drawn_in_its_compounds_colour_on_a_lap_time_axis(
    load_recorded: Callable[[SessionRef], Session],
) -> None:
    session = load_recorded(SILVERSTONE_2024_FP1)
    query = long_runs.KIND.query_for(session, (), {})
    result = long_runs.KIND.answer(session, query)
    spec = long_runs.KIND.chart(result, query)
    assert spec is not None
    colour = spec["encoding"]["color"]["scale"]
    era = compound_colors(2024)
    assert set(colour["domain"]) == {"SOFT", "MEDIUM", "HARD"}
    assert colour["range"] == [era[c] for c in colour["domain"]]
    assert era["SOFT"] != era["MEDIUM"] != era["HARD"]
    assert spec["encoding"]["y"]["axis"]["labelExpr"] == MSS_LABELS
    assert spec["encoding"]["y"]["scale"] == {"zero": False}
    assert spec["mark"]["stroke"] == "#555555"  # the white hard tyre stays visible
    # The quickest run (NOR on softs, 1:30.464) is the first dot.
    first = spec["data"]["values"][0]
    assert (first["driver"], first["compound"]) == ("NOR SOFT L17", "SOFT")
