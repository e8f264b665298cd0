"""Biggest movers: who gained and who lost the most places from the grid to the flag.

From the official results: the grid slot against the classified finish. Retirements are
not ranked (they are named apart); a pit-lane start counts as the last of the starters.
"""

from __future__ import annotations

from itertools import groupby

from f1core.analysis.movers import Move, Movers, movers
from f1core.answers.charts import driver_bars
from f1core.domain.session import Session, SessionKind
from f1core.kinds.base import RACES, SessionQuery, SessionQuestion, Spec
from f1core.kinds.cues import Cue
from f1core.kinds.prose import DriverNames, and_list, ordinal

SHOWN = 3
"""Gainers and losers named in the paragraph (more when tied with the last one)."""


class BiggestMoversQuery(SessionQuery, frozen=True, kw_only=True, tag="biggest-movers"):
    """The biggest gainers and losers from grid to finish."""


def _compute(session: Session, query: BiggestMoversQuery) -> Movers:
    return movers(session)


def _from(m: Move) -> str:
    return "the pit lane" if m.grid == 0 else f"P{m.grid}"


def _move(m: Move, who: DriverNames) -> str:
    return f"{who(m.driver)} {_from(m)} to P{m.finish} ({m.gained:+d})"


def _top(rows: list[Move]) -> list[Move]:
    """The first ``SHOWN`` rows, and any tied with the last of them."""
    out: list[Move] = []
    for _, group in groupby(rows, key=lambda m: m.gained):
        if len(out) >= SHOWN:
            break
        out.extend(group)
    return out


def paragraph(result: Movers, query: BiggestMoversQuery) -> str:
    """The asked drivers' move and rank; then the biggest gainers and losers, retirements."""
    if not result.finishers:
        return f"No grid and classified finishing positions are available for the {result.session}."
    everyone = (*result.finishers, *result.retired)
    who = DriverNames((m.driver, m.full_name) for m in everyone)
    by_code = {m.driver: m for m in everyone}
    n = len(result.finishers)
    asked = []
    for code in query.drivers:
        m = by_code.get(code)
        if m is None:
            asked.append(f"{who(code)} did not start")
        elif m.finish is None:
            asked.append(f"{who(code)} started from {_from(m)} and retired ({m.status})")
        else:
            rank = result.rank(code) or 0
            tied = sum(1 for f in result.finishers if f.gained == m.gained) > 1
            nth = "" if rank == 1 else f"{ordinal(rank)} "
            place = f"{'joint ' if tied else ''}{nth}biggest gain of the {n} classified"
            asked.append(
                f"{who(code)} went from {_from(m)} to P{m.finish} ({m.gained:+d}), "
                f"the {place} finishers"
            )
    gainers = _top([m for m in result.finishers if (m.gained or 0) > 0])
    losers = _top(
        sorted(
            (m for m in result.finishers if (m.gained or 0) < 0),
            key=lambda m: (m.gained or 0, m.finish or 0),
        )
    )
    parts = []
    if gainers:
        parts.append("biggest gainers: " + ", ".join(_move(m, who) for m in gainers))
    else:
        parts.append("no classified finisher gained a place")
    if losers:
        label = "biggest loser" if len(losers) == 1 else "biggest losers"
        parts.append(f"{label}: " + ", ".join(_move(m, who) for m in losers))
    else:
        parts.append("no classified finisher lost a place")
    text = f"In the {result.session}, "
    if asked:
        text += "; ".join(asked) + ". The " + "; ".join(parts)
    else:
        text += "; ".join(parts)
    text += "."
    if result.retired:
        text += (
            " Not ranked (not classified): "
            + and_list(
                [f"{m.driver} (from {_from(m)}, {m.status.lower()})" for m in result.retired]
            )
            + "."
        )
    if any(m.grid == 0 for m in everyone):
        text += (
            f" A pit-lane start counts as P{result.starters}, the last of the "
            f"{result.starters} starters."
        )
    return text


def chart(result: Movers, query: BiggestMoversQuery) -> Spec | None:
    """Places gained (negative: lost) per classified finisher, biggest gain first."""
    return driver_bars(
        f"Places gained from the grid (classified finishers), {result.session}",
        [{"driver": m.driver, "gained": m.gained} for m in result.finishers],
        value="gained",
        value_title="Places gained",
        liveries=result.liveries,
    )


KIND = SessionQuestion(
    query=BiggestMoversQuery,
    title="Biggest movers",
    description="The biggest gainers and losers from the official grid to the classified finish.",
    compute=_compute,
    paragraph=paragraph,
    chart=chart,
    takes_drivers=True,
    session_kinds=RACES,
    needs="a race or sprint",
    cues=(Cue("movers", implies=SessionKind.RACE),),
)
