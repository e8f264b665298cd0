"""What a session summary is made of: neutralised periods, retirements, biggest movers.

Results facts (who finished where, why a car stopped, the grid) come from the official
classification; the safety-car, VSC and red-flag periods from race control's messages, or
from the lap track status when a session has no messages recorded.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, Protocol

import msgspec

from f1core.analysis.laps import (
    STATUS_RED_FLAG,
    STATUS_SAFETY_CAR,
    STATUS_VSC_DEPLOYED,
    STATUS_VSC_ENDING,
)
from f1core.analysis.positions import GridChange, GridVsFinish
from f1core.domain.session import ClassificationRow, Lap, RaceControlMessage, Session, SessionKind

PeriodKind = Literal["safety car", "virtual safety car", "red flag"]


class NeutralisedPeriod(msgspec.Struct, frozen=True, gc=False):
    """Laps ``first_lap`` to ``last_lap`` run under a safety car, a VSC or a red flag.

    ``source`` says where the period was read: "race control" (its messages) or "track
    status" (the status recorded on the leader's laps). A red flag read from race control
    spans the one lap it was shown on; ``first_lap`` is None when the message has no lap.
    """

    kind: PeriodKind
    first_lap: int | None
    last_lap: int | None
    source: str
    part: str | None = None
    """In qualifying, the part the red flag stopped ("Q1"), counted by chequered flags."""

    @property
    def laps_text(self) -> str:
        """ "lap 5", "laps 1-5", or "" when the lap is not known."""
        if self.first_lap is None:
            return ""
        if self.last_lap is None or self.last_lap == self.first_lap:
            return f"lap {self.first_lap}"
        return f"laps {self.first_lap}-{self.last_lap}"


def neutralised_periods(session: Session) -> tuple[NeutralisedPeriod, ...] | None:
    """Every safety-car, VSC and red-flag period of ``session``, in order.

    Race control's messages lead: a safety car runs from "SAFETY CAR DEPLOYED" to "SAFETY
    CAR IN THIS LAP", a VSC from "VIRTUAL SAFETY CAR DEPLOYED" to "... ENDING", a red flag
    is the lap its flag was shown on. A period still open at the end closes on the last
    lap. Without any messages the leader's lap track status is read instead, in a race or
    sprint; elsewhere laps are not run in step, so None says the periods are not known.
    """
    kind = session.ref.kind
    prefix = "SQ" if kind is SessionKind.SPRINT_QUALIFYING else "Q"
    if session.messages:
        return _from_messages(
            session.messages, _last_lap(session), prefix if kind.is_qualifying_like else None
        )
    if kind.is_race_like:
        return _from_track_status(session)
    return None


def _last_lap(session: Session) -> int | None:
    laps = [lap.number for lap in session.laps]
    return session.total_laps or (max(laps) if laps else None)


def _from_messages(
    messages: Sequence[RaceControlMessage], last_lap: int | None, prefix: str | None
) -> tuple[NeutralisedPeriod, ...]:
    periods: list[NeutralisedPeriod] = []
    open_at: dict[PeriodKind, int | None] = {}
    source = "race control"
    chequered = 0
    for m in messages:
        text = m.message.upper()
        flag = (m.flag or "").upper()
        if m.category == "Flag" and flag == "CHEQUERED":
            chequered += 1
        if m.category == "Flag" and flag == "RED":
            part = f"{prefix}{chequered + 1}" if prefix else None
            periods.append(NeutralisedPeriod("red flag", m.lap, m.lap, source, part))
            continue
        if m.category != "SafetyCar":
            continue
        kind: PeriodKind = "virtual safety car" if "VIRTUAL" in text else "safety car"
        if "DEPLOYED" in text and kind not in open_at:
            open_at[kind] = m.lap
        elif ("ENDING" in text or "IN THIS LAP" in text) and kind in open_at:
            periods.append(NeutralisedPeriod(kind, open_at.pop(kind), m.lap, source))
    periods.extend(NeutralisedPeriod(kind, lap, last_lap, source) for kind, lap in open_at.items())
    return tuple(sorted(periods, key=lambda p: (p.first_lap or 0, p.last_lap or 0)))


def _from_track_status(session: Session) -> tuple[NeutralisedPeriod, ...]:
    leader: dict[int, Lap] = {}
    for lap in session.laps:
        if lap.end_at_ms is None:
            continue
        held = leader.get(lap.number)
        if held is None or (held.end_at_ms or 0) > lap.end_at_ms:
            leader[lap.number] = lap
    periods: list[NeutralisedPeriod] = []
    statuses: tuple[tuple[PeriodKind, tuple[str, ...]], ...] = (
        ("red flag", (STATUS_RED_FLAG,)),
        ("safety car", (STATUS_SAFETY_CAR,)),
        ("virtual safety car", (STATUS_VSC_DEPLOYED, STATUS_VSC_ENDING)),
    )
    for kind, codes in statuses:
        flagged = [n for n in sorted(leader) if any(c in leader[n].track_status for c in codes)]
        for first, last in _runs(flagged):
            periods.append(NeutralisedPeriod(kind, first, last, "track status"))
    return tuple(sorted(periods, key=lambda p: (p.first_lap or 0, p.last_lap or 0)))


def _runs(numbers: Sequence[int]) -> list[tuple[int, int]]:
    """Consecutive runs of sorted lap numbers as (first, last)."""
    runs: list[tuple[int, int]] = []
    for n in numbers:
        if runs and n == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return runs


def finished(row: ClassificationRow) -> bool:
    """True when the official status says the car took the flag (on or off the lead lap)."""
    status = row.status.strip()
    return status in ("Finished", "Lapped") or status.startswith("+")


def retirements(session: Session) -> tuple[ClassificationRow, ...]:
    """The official results' cars that did not take the flag, most laps first."""
    out = [r for r in session.results if r.status and not finished(r)]
    return tuple(sorted(out, key=lambda r: -(r.laps or 0)))


def biggest_movers(
    grid: GridVsFinish,
) -> tuple[tuple[GridChange, ...], tuple[GridChange, ...]]:
    """The classified finishers who gained the most places, and those who lost the most.

    Every driver tied on the biggest gain (or loss) is listed, best finish first; a side
    is empty when nobody gained (or lost) a place.
    """
    counted = sorted(
        (r for r in grid.rows if r.gained is not None and r.classified.isdigit()),
        key=lambda r: r.finish or 0,
    )
    most = max((r.gained or 0 for r in counted), default=0)
    least = min((r.gained or 0 for r in counted), default=0)
    up = tuple(r for r in counted if most > 0 and r.gained == most)
    down = tuple(r for r in counted if least < 0 and r.gained == least)
    return up, down


Q3_PLACES = 10
"""Cars that reach the last part of qualifying (since 2006 with a 20-car field, Q3 / SQ3)."""
Q2_PLACES = 15
"""Cars that reach the second part (Q2 / SQ2) of a 20-car field."""


class QualifyingLine(Protocol):
    """An official qualifying line: a classification row or entry."""

    @property
    def position(self) -> int | None: ...
    @property
    def q1_ms(self) -> int | None: ...
    @property
    def q2_ms(self) -> int | None: ...
    @property
    def q3_ms(self) -> int | None: ...


def qualifying_part(row: QualifyingLine, prefix: str = "Q") -> str:
    """The last part of qualifying the driver reached ("Q3"), from the official result.

    A time in a part proves it was reached; so does a classified place inside its cut (a
    driver who reached Q3 but set no time there is still a Q3 driver).
    """
    position = row.position or 99
    if row.q3_ms is not None or position <= Q3_PLACES:
        return f"{prefix}3"
    if row.q2_ms is not None or position <= Q2_PLACES:
        return f"{prefix}2"
    return f"{prefix}1"


def part_time(row: QualifyingLine, part: str) -> int | None:
    """The driver's official time in ``part`` ("Q1".."Q3", "SQ1".."SQ3")."""
    return {"1": row.q1_ms, "2": row.q2_ms, "3": row.q3_ms}[part[-1]]


def race_distance(session: Session) -> int | None:
    """The laps the winner completed by the official result (a shortened race's real
    distance), else the scheduled count."""
    winner = next((r for r in session.results if r.position == 1 and r.laps), None)
    return winner.laps if winner is not None else session.total_laps


OUT_OF_THE_RESULT = {
    "D": "was disqualified",
    "E": "was excluded",
    "W": "withdrew",
    "F": "did not qualify",
}
"""What an official classification letter other than R or N says happened to a car."""


def out_of_the_result(classified: str, status: str) -> str:
    """ "was disqualified", with the official status when it says more ("(Fuel pressure)")."""
    said = OUT_OF_THE_RESULT[classified]
    return said if not status or status.lower() in said else f"{said} ({status})"
