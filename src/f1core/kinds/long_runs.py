"""Long runs: practice runs of consecutive clean laps, their pace and degradation."""

from __future__ import annotations

from f1core.analysis.long_runs import MIN_RUN_LAPS, LongRuns, long_runs
from f1core.answers import charts
from f1core.domain.session import Session
from f1core.domain.timefmt import format_laptime
from f1core.kinds.base import PRACTICE, SessionQuery, SessionQuestion, Spec
from f1core.kinds.cues import Cue
from f1core.kinds.prose import DriverNames, and_list


class LongRunsQuery(SessionQuery, frozen=True, kw_only=True, tag="long-runs"):
    """Practice long runs: pace and degradation per compound."""


def _compute(session: Session, query: LongRunsQuery) -> LongRuns:
    return long_runs(session)


def paragraph(result: LongRuns, query: LongRunsQuery) -> str:
    """How many runs, and the quickest one."""
    if not result.runs:
        return (
            f"No long runs ({MIN_RUN_LAPS}+ consecutive clean laps in one stint) in the "
            f"{result.session}."
        )
    who = DriverNames((r.driver, r.full_name) for r in result.runs)
    top = result.runs[0]
    per = ", ".join(f"{c.compound} {c.runs}" for c in result.compounds)
    text = (
        f"{len(result.runs)} long runs in the {result.session} ({per}); quickest: "
        f"{who(top.driver)} on {top.compound or 'unknown tyres'}, median "
        f"{format_laptime(round(top.median_ms))} over {top.laps} laps"
    )
    longest = max(result.runs, key=lambda r: r.laps)
    tied = [r for r in result.runs if r.laps == longest.laps]
    if len(tied) == 1 and longest is not top:
        text += (
            f"; longest: {who(longest.driver)}, {longest.laps} clean laps on "
            f"{longest.compound or 'unknown tyres'} from lap {longest.first_lap}"
        )
    elif len(tied) > 1:
        text += f"; longest: {longest.laps} clean laps, by " + and_list(
            list(dict.fromkeys(who(r.driver) for r in tied))
        )
    return text + "."


def chart(result: LongRuns, query: LongRunsQuery) -> Spec | None:
    """The median lap of every long run, coloured by the era's compound colour, in m:ss."""
    rows = [
        {
            "driver": f"{x.driver} {x.compound or '?'} L{x.first_lap}",
            "median_s": charts.seconds(x.median_ms),
            "compound": x.compound or "UNKNOWN",
        }
        for x in result.runs
    ]
    spec = charts.driver_bars(
        f"Long-run median lap, {result.session}",
        rows,
        value="median_s",
        value_title="Median lap",
        zero=False,
    )
    if spec is None:
        return None
    # A dark outline keeps the white hard tyre visible on a light page.
    spec["mark"] = {**spec["mark"], "stroke": "#555555", "strokeWidth": 0.8}
    encoding = spec["encoding"]
    encoding["color"] = charts.compound_channel(rows, query.year)
    encoding["y"]["axis"] = charts.lap_time_axis("Median lap")  # vertical: y holds the time
    encoding["x"]["title"] = "Run (driver, tyre, first lap)"
    return spec


KIND = SessionQuestion(
    query=LongRunsQuery,
    title="Long runs",
    description=(
        "Practice runs of 5+ consecutive clean laps: pace and degradation per run and compound."
    ),
    compute=_compute,
    paragraph=paragraph,
    chart=chart,
    takes_drivers=False,
    session_kinds=PRACTICE,
    needs="a practice session",
    cues=(Cue("long_runs", PRACTICE, implies="practice"), Cue("pace", PRACTICE)),
)
