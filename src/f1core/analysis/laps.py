"""Which laps count: the validity and "clean lap" rules every analysis shares.

One module decides, so that the fastest lap, the race pace and the degradation fits never
disagree about whether a lap was real. Reasons are short and human because they are shown
to users as the explanation of what an analysis left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from f1core.domain.session import Lap, Session
from f1core.domain.table import ExcludedLap
from f1core.errors import InvalidRequestError

# FastF1 track status codes (a lap's status string lists every code seen during the lap).
STATUS_SAFETY_CAR = "4"
STATUS_RED_FLAG = "5"
STATUS_VSC_DEPLOYED = "6"
STATUS_VSC_ENDING = "7"

# Over 107% of the reference is a cool-down lap, a slow puncture or a spin: not pace.
SLOW_LAP_FACTOR = 1.07

NO_LAP_TIME = "no lap time"
LAP_ONE = "lap 1"
PIT_IN = "pit in lap"
PIT_OUT = "pit out lap"
RED_FLAG = "red flag"
SAFETY_CAR = "safety car"
VIRTUAL_SAFETY_CAR = "virtual safety car"
OVER_107 = "over 107% of best"
IMPLAUSIBLE = "implausible lap time"

# A lap flagged inaccurate that beats the session's best accurately timed lap by more
# than this share cannot be real (a timing-sync artefact: 2022 Saudi Q's 1:13.670 beat
# pole by 16%); a genuine inaccurate fastest lap is within a few tenths of it.
IMPLAUSIBLE_SHARE = 0.02


def invalid_reason(lap: Lap, floor_ms: int | None = None) -> str | None:
    """Why a lap is not a valid timed lap, or None when it is.

    A lap is invalid when it has no time, was deleted, or is faster than ``floor_ms`` (the
    quickest time it could plausibly be, from ``plausibility_floors``). FastF1's
    ``IsAccurate=False`` alone does not invalidate a lap: it flags the timing sync, and the
    lap time is often right (Bottas's 1:19.354 in 2019 Monza Q3 is flagged so).
    """
    if lap.time_ms is None:
        return NO_LAP_TIME
    if lap.deleted:
        return f"deleted: {lap.deleted_reason}" if lap.deleted_reason else "deleted"
    if floor_ms is not None and lap.time_ms < floor_ms:
        return IMPLAUSIBLE
    return None


def is_valid(lap: Lap, floor_ms: int | None = None) -> bool:
    """True for a timed lap that was not deleted and is not faster than ``floor_ms``."""
    return invalid_reason(lap, floor_ms) is None


def plausibility_floors(session: Session) -> dict[str, int]:
    """Per driver, the quickest lap time that can be real in ``session`` (ms).

    In qualifying the official Q1/Q2/Q3 times are each driver's best laps, so a lap faster
    than the driver's best official time is not real (nor faster than the session's best
    official time, for a driver without one). Elsewhere, and as a bound under the official
    one, a lap may not beat the best accurately timed lap of the session by more than
    ``IMPLAUSIBLE_SHARE``. A driver absent from the mapping has no floor.
    """
    accurate = [
        lap.time_ms for lap in session.laps if lap.accurate and lap.time_ms and not lap.deleted
    ]
    general = round(min(accurate) * (1 - IMPLAUSIBLE_SHARE)) if accurate else None
    official: dict[str, int] = {}
    if session.ref.kind.is_qualifying_like:
        for row in session.results:
            times = [t for t in (row.q1_ms, row.q2_ms, row.q3_ms) if t]
            if times:
                official[row.driver] = min(times)
    fastest_official = min(official.values(), default=None)
    floors: dict[str, int] = {}
    for code in {lap.driver for lap in session.laps}:
        bounds = [b for b in (official.get(code, fastest_official), general) if b is not None]
        if bounds:
            floors[code] = max(bounds)  # the tighter bound
    return floors


def neutralised_reason(lap: Lap) -> str | None:
    """Why the lap ran under red flag, safety car or virtual safety car, else None."""
    status = lap.track_status
    if STATUS_RED_FLAG in status:
        return RED_FLAG
    if STATUS_SAFETY_CAR in status:
        return SAFETY_CAR
    if STATUS_VSC_DEPLOYED in status or STATUS_VSC_ENDING in status:
        return VIRTUAL_SAFETY_CAR
    return None


def structural_reason(
    lap: Lap, *, race_start: bool = True, floor_ms: int | None = None
) -> str | None:
    """Why a lap cannot show pace whatever its time: no time, deleted, lap 1, pits, flags,
    or a time faster than ``floor_ms`` (from ``plausibility_floors``) that cannot be real.

    FastF1's ``IsAccurate=False`` is not a reason: it flags the timing sync, not the lap,
    and it is set on most laps of some drivers (2018 Baku: all of Leclerc's). A lap with a
    broken time is caught by the plausibility floor or the 107% rule instead.
    ``race_start=False`` drops the lap-1 rule for sessions that have no standing start
    (practice).
    """
    if lap.time_ms is None:
        return NO_LAP_TIME
    if lap.deleted:
        return f"deleted: {lap.deleted_reason}" if lap.deleted_reason else "deleted"
    if race_start and lap.number == 1:
        return LAP_ONE
    if lap.pit_in:
        return PIT_IN
    if lap.pit_out:
        return PIT_OUT
    neutralised = neutralised_reason(lap)
    if neutralised is not None:
        return neutralised
    if floor_ms is not None and lap.time_ms < floor_ms:
        return IMPLAUSIBLE
    return None


def best_valid_ms(laps: Iterable[Lap], floor_ms: int | None = None) -> int | None:
    """The shortest time among the valid laps, or None when there is none."""
    times = [lap.time_ms for lap in laps if lap.time_ms is not None and is_valid(lap, floor_ms)]
    return min(times) if times else None


def split_clean(
    laps: Sequence[Lap], floor_ms: int | None = None
) -> tuple[list[Lap], list[ExcludedLap]]:
    """Split one driver's laps into clean pace laps and excluded laps with their reasons.

    Clean: valid (timed, not deleted, not faster than ``floor_ms``), not lap 1, not a pit
    in or out lap, no safety car, VSC or red flag during the lap, and within 107% of the
    driver's best valid lap. Every lap lands in exactly one of the two lists.
    """
    # The 107% reference is a plausible lap: an artefact far below the real pace would
    # otherwise exclude every real lap.
    best = best_valid_ms(laps, floor_ms)
    limit = best * SLOW_LAP_FACTOR if best is not None else None
    clean: list[Lap] = []
    excluded: list[ExcludedLap] = []
    for lap in laps:
        reason = structural_reason(lap, floor_ms=floor_ms)
        if reason is None and limit is not None and (lap.time_ms or 0) > limit:
            reason = OVER_107
        if reason is None:
            clean.append(lap)
        else:
            excluded.append(ExcludedLap(lap.driver, lap.number, reason))
    return clean, excluded


def split_valid(
    laps: Sequence[Lap], floors: Mapping[str, int] | None = None
) -> tuple[list[Lap], list[ExcludedLap]]:
    """Split laps into valid laps and excluded laps with the reason each is invalid.

    ``floors`` (from ``plausibility_floors``) bounds each driver's plausible lap time.
    """
    valid: list[Lap] = []
    excluded: list[ExcludedLap] = []
    for lap in laps:
        reason = invalid_reason(lap, floors.get(lap.driver) if floors else None)
        if reason is None:
            valid.append(lap)
        else:
            excluded.append(ExcludedLap(lap.driver, lap.number, reason))
    return valid, excluded


def select_drivers(session: Session, drivers: Sequence[str] | None) -> tuple[str, ...]:
    """The driver codes an analysis covers: the requested ones (checked), else everyone.

    Raises ``UnknownDriverError`` (through ``Session.driver``) for a code not in the session.
    Codes are upper-cased because people type "ver" as readily as "VER".
    """
    if not drivers:
        known = [d.code for d in session.drivers]
        # Laps of a driver missing from the entry list still count rather than vanish.
        extra = sorted({lap.driver for lap in session.laps} - set(known))
        return (*known, *extra)
    codes: list[str] = []
    for code in drivers:
        driver = session.driver(code.strip().upper())
        if driver.code not in codes:
            codes.append(driver.code)
    return tuple(codes)


def laps_by_driver(session: Session, codes: Sequence[str]) -> dict[str, list[Lap]]:
    """Laps of the given drivers in lap order, keyed by code (every code present)."""
    grouped: dict[str, list[Lap]] = {code: [] for code in codes}
    for lap in session.laps:
        bucket = grouped.get(lap.driver)
        if bucket is not None:
            bucket.append(lap)
    for bucket in grouped.values():
        bucket.sort(key=lambda lap: lap.number)
    return grouped


def full_name(session: Session, code: str) -> str:
    """A driver's full name, or the code itself for a driver missing from the entry list."""
    for d in session.drivers:
        if d.code == code:
            return d.full_name
    return code


def driver_names(session: Session) -> tuple[tuple[str, str], ...]:
    """(code, full name) of each driver of ``session`` with a known full name."""
    return tuple((d.code, d.full_name) for d in session.drivers if d.full_name)


def team_of(session: Session, code: str) -> str:
    """A driver's team, or "" for a driver missing from the entry list."""
    for d in session.drivers:
        if d.code == code:
            return d.team
    return ""


def who(session: Session, code: str) -> str:
    """A driver as a summary names them: "NOR (Lando Norris)"."""
    name = full_name(session, code)
    return code if name == code else f"{code} ({name})"


def sort_excluded(excluded: Iterable[ExcludedLap]) -> tuple[ExcludedLap, ...]:
    """Excluded laps in a stable, readable order: by driver, then lap."""
    return tuple(sorted(excluded, key=lambda e: (e.driver, e.lap)))


class FuelCorrection:
    """Puts lap times on the empty-tank footing of the last lap: ``k`` s per lap of fuel.

    A car gets lighter, so faster, as it burns fuel; without a correction that gain hides
    tyre wear and flatters late laps. Each lap loses ``(total_laps - lap) * k`` seconds.
    """

    def __init__(self, session: Session, s_per_lap: float | None) -> None:
        if s_per_lap is not None and not 0 <= s_per_lap <= 1:
            raise InvalidRequestError(
                f"fuel correction {s_per_lap:g} s per lap is out of range: "
                "use a value between 0 and 1 (typically 0.03 to 0.06)"
            )
        self.s_per_lap = s_per_lap
        self._k_ms = (s_per_lap or 0.0) * 1000
        self.total_laps = session.total_laps or max((lap.number for lap in session.laps), default=0)

    def time_ms(self, lap: Lap) -> float:
        """The lap's corrected time; the lap must carry a time (clean laps always do)."""
        assert lap.time_ms is not None
        return lap.time_ms - max(self.total_laps - lap.number, 0) * self._k_ms
