"""Classification: the official results of a session (who won, who took pole, the order)."""

from __future__ import annotations

from f1core.analysis.classification import Classification, ClassificationEntry, classification
from f1core.answers import charts
from f1core.domain.session import Session, SessionKind
from f1core.domain.timefmt import format_laptime
from f1core.kinds.base import CLASSIFIED, RACES, SessionQuery, SessionQuestion, Spec
from f1core.kinds.cues import Cue
from f1core.kinds.prose import DriverNames, secs


class ClassificationQuery(SessionQuery, frozen=True, kw_only=True, tag="classification"):
    """Results of a session (who won, the top ten, where a driver finished)."""


def _compute(session: Session, query: ClassificationQuery) -> Classification:
    return classification(session)


def _pos(entry: ClassificationEntry) -> str:
    return f"P{entry.position}" if entry.position is not None else entry.classified or "-"


def paragraph(result: Classification, query: ClassificationQuery) -> str:
    """The winner (or pole sitter) and who followed; then where each driver asked about was."""
    rows = result.rows
    if not rows:
        return f"No classification is available for the {result.session}."
    who = DriverNames((r.driver, r.full_name) for r in rows)
    first = rows[0]
    parts: list[str] = []
    if result.qualifying:
        best = first.best_qualifying_ms
        text = f"{who(first.driver)} took pole in the {result.session}"
        if best is not None:
            text += f" with {format_laptime(best)}"
            second = rows[1] if len(rows) > 1 else None
            if second is not None and second.best_qualifying_ms is not None:
                gap = second.best_qualifying_ms - best
                text += f", {secs(gap)} ahead of {who(second.driver)}"
        parts.append(text + ".")
    else:
        text = f"{who(first.driver)} won the {result.session}"
        if first.grid:
            text += f" from P{first.grid} on the grid"
        if len(rows) > 1 and rows[1].gap_ms is not None:
            text += f", {secs(rows[1].gap_ms)} ahead of {who(rows[1].driver)}"
        elif len(rows) > 1:
            text += f", ahead of {who(rows[1].driver)}"
        text += "."
        if len(rows) > 2 and rows[2].position == 3:
            text += f" {who(rows[2].driver)} completed the podium."
        parts.append(text)
    by_code = {r.driver: r for r in rows}
    for code in query.drivers:
        row = by_code.get(code)
        if row is None or row is first:
            continue
        verb = "qualified" if result.qualifying else "finished"
        detail = ""
        if result.qualifying and row.best_qualifying_ms is not None:
            detail = f" with {format_laptime(row.best_qualifying_ms)}"
        elif not result.qualifying and row.status and not row.classified.isdigit():
            detail = f" ({row.status})"
        elif not result.qualifying and row.gap_ms is not None:
            detail = f", {secs(row.gap_ms)} behind {who(first.driver)}"  # the official gap
        parts.append(f"{who(code)} {verb} {_pos(row)}{detail}.")
    return " ".join(parts)


def chart(result: Classification, query: ClassificationQuery) -> Spec | None:
    """Qualifying: the gap to pole; a race: the gap to the winner at the flag."""
    if result.qualifying:
        timed = [r for r in result.rows if r.best_qualifying_ms is not None]
        if len(timed) < 2:
            return None
        pole = min(r.best_qualifying_ms or 0 for r in timed)
        values = [
            {
                "driver": r.driver,
                "name": r.full_name,
                "gap_s": charts.seconds((r.best_qualifying_ms or 0) - pole),
                "time": format_laptime(r.best_qualifying_ms),
            }
            for r in timed
        ]
        return charts.bar(
            f"Qualifying gap to pole, {result.session}",
            values,
            category="driver",
            value="gap_s",
            value_title="Gap to pole (s)",
            tooltip=("name", "time"),
            liveries=result.liveries,
        )
    gaps = [r for r in result.rows if r.gap_ms is not None or r is result.rows[0]]
    if len(gaps) < 2:
        return None
    values = [
        {"driver": r.driver, "name": r.full_name, "gap_s": charts.seconds(r.gap_ms or 0)}
        for r in gaps
    ]
    return charts.bar(
        f"Gap to the winner at the flag, {result.session}",
        values,
        category="driver",
        value="gap_s",
        value_title="Gap to winner (s)",
        tooltip=("name",),
        liveries=result.liveries,
    )


KIND = SessionQuestion(
    query=ClassificationQuery,
    title="Classification",
    description="Official results: positions, grid, status, points, time or gap, Q1/Q2/Q3.",
    compute=_compute,
    paragraph=paragraph,
    chart=chart,
    takes_drivers=False,
    session_kinds=CLASSIFIED,
    needs="a qualifying, sprint or race session (practice has no classification: use best-laps)",
    cues=(Cue("won", RACES, implies=SessionKind.RACE), Cue("results")),
)
