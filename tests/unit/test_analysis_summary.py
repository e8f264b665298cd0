"""Summary facts on small sessions: neutralised periods, retirements, qualifying parts."""

from __future__ import annotations

from itertools import pairwise

import msgspec
from hypothesis import given
from hypothesis import strategies as st
from tests.unit.laps_factory import lap, paragraph, result, run, session

from f1core.analysis.summary import (
    _runs,
    neutralised_periods,
    qualifying_part,
    retirements,
)
from f1core.domain.session import RaceControlMessage, Session, SessionKind
from f1core.kinds import driver_session_summary, race_summary


def _message(lap_number: int | None, category: str, text: str, flag: str | None = None):  # type: ignore[no-untyped-def]
    return RaceControlMessage("2024-06-23T13:00:00", lap_number, category, text, flag, None, None)


def _with_messages(s: Session, *messages: RaceControlMessage) -> Session:
    return msgspec.structs.replace(s, messages=tuple(messages))


def test_periods_run_from_deployment_to_the_in_lap_and_an_open_one_ends_with_the_race() -> None:
    s = _with_messages(
        session(run("VER", [90_000] * 30), total_laps=30),
        _message(3, "SafetyCar", "SAFETY CAR DEPLOYED"),
        _message(6, "SafetyCar", "SAFETY CAR IN THIS LAP"),
        _message(10, "SafetyCar", "VIRTUAL SAFETY CAR DEPLOYED"),
        _message(11, "SafetyCar", "VIRTUAL SAFETY CAR ENDING"),
        _message(20, "Flag", "RED FLAG", "RED"),
        _message(1, "Other", "FORMATION LAP WILL BE STARTED BEHIND THE SAFETY CAR"),
        _message(27, "SafetyCar", "SAFETY CAR DEPLOYED"),
    )
    periods = neutralised_periods(s)
    assert periods is not None
    assert [(p.kind, p.first_lap, p.last_lap) for p in periods] == [
        ("safety car", 3, 6),
        ("virtual safety car", 10, 11),
        ("red flag", 20, 20),
        ("safety car", 27, 30),
    ]
    assert {p.source for p in periods} == {"race control"}


def test_without_messages_a_race_reads_the_leaders_track_status() -> None:
    leader = run("VER", [90_000] * 6)
    leader[2] = msgspec.structs.replace(leader[2], track_status="14")
    leader[3] = msgspec.structs.replace(leader[3], track_status="4")
    # A lapped car's lap 5 under a VSC happens later than the leader's lap 5: not counted.
    backmarker = run("NOR", [95_000] * 6)
    backmarker[4] = msgspec.structs.replace(backmarker[4], track_status="6")
    periods = neutralised_periods(session([*leader, *backmarker]))
    assert periods is not None
    assert [(p.kind, p.first_lap, p.last_lap, p.source) for p in periods] == [
        ("safety car", 3, 4, "track status")
    ]


def test_without_messages_qualifying_periods_are_unknown_not_absent() -> None:
    s = session(run("VER", [80_000] * 3), kind=SessionKind.QUALIFYING)
    assert neutralised_periods(s) is None
    text = paragraph(race_summary.KIND, msgspec.structs.replace(s, results=(result("VER", 1),)))
    assert "No race control messages are recorded for this session." in text
    assert "No red flag" not in text


def test_red_flags_in_qualifying_are_placed_in_their_part_by_the_chequered_flags() -> None:
    s = _with_messages(
        session(run("VER", [80_000] * 3), kind=SessionKind.QUALIFYING),
        _message(None, "Flag", "RED FLAG", "RED"),
        _message(None, "Flag", "CHEQUERED FLAG", "CHEQUERED"),
        _message(None, "Flag", "CHEQUERED FLAG", "CHEQUERED"),
        _message(None, "Flag", "RED FLAG", "RED"),
    )
    periods = neutralised_periods(s)
    assert periods is not None
    assert [p.part for p in periods] == ["Q1", "Q3"]


@given(st.sets(st.integers(min_value=1, max_value=80)))
def test_runs_cover_every_lap_once_in_order_without_touching(laps: set[int]) -> None:
    runs = _runs(sorted(laps))
    covered = [n for first, last in runs for n in range(first, last + 1)]
    assert covered == sorted(laps)
    assert all(b[0] > a[1] + 1 for a, b in pairwise(runs))


def test_retirements_are_the_cars_that_did_not_take_the_flag() -> None:
    s = session(
        results=[
            result("VER", 1),
            result("NOR", 2, status="+1 Lap"),
            result("HAM", 3, status="Lapped"),
            result("PER", None, status="Puncture", laps=48, classified="R"),
            result("RUS", None, status="Collision", laps=0, classified="R"),
        ]
    )
    assert [(r.driver, r.status) for r in retirements(s)] == [
        ("PER", "Puncture"),
        ("RUS", "Collision"),
    ]


def test_the_qualifying_part_reached_counts_a_q3_driver_without_a_q3_time() -> None:
    assert qualifying_part(result("VER", 10, q=(80_000, 79_000, None))) == "Q3"
    assert qualifying_part(result("VER", 11, q=(80_000, 79_000, None))) == "Q2"
    assert qualifying_part(result("VER", 16, q=(80_000, None, None)), "SQ") == "SQ1"
    assert qualifying_part(result("VER", 20, q=(None, None, None))) == "Q1"


def test_a_driver_summary_ranks_his_best_lap_and_names_the_sessions_fastest_apart() -> None:
    s = session(
        [*run("VER", [91_000, 90_000]), *run("NOR", [90_500, 89_500]), lap("PER", 1, 92_000)],
        results=[
            result("VER", 1, grid=2, time_ms=5_400_000, points=25.0, laps=2),
            result("NOR", 2, grid=1, time_ms=1_200, points=18.0, laps=2),
            result("PER", None, grid=3, status="Engine", laps=1, classified="R"),
        ],
        total_laps=2,
    )
    assert paragraph(driver_session_summary.KIND, s, ["VER"]) == (
        "In the 2024 Spanish Grand Prix Race: Max Verstappen (VER) won from P2 on the grid "
        "(+1 place), scoring 25 points (official result). VER's best lap, 1:30.000 (lap 2), "
        "was 2nd of 3 best laps, 0.500 s slower than Lando Norris (NOR)'s 1:29.500. Tyres: "
        "soft laps 1-2 (no pit stop). The "
        "session: VER won (official result); the fastest lap was NOR's 1:29.500."
    )
    assert paragraph(driver_session_summary.KIND, s, ["PER"]).startswith(
        "In the 2024 Spanish Grand Prix Race: Sergio Perez (PER) started from P3 on the grid "
        "and did not finish: Engine after 1 lap of 2 (official status)."
    )


def test_drivers_tied_on_the_biggest_gain_are_all_named() -> None:
    s = session(
        results=[
            result("NOR", 1, grid=3),
            result("HAM", 2, grid=4),
            result("VER", 3, grid=1),
            result("PER", 4, grid=2),
        ]
    )
    movers = race_summary.race_summary(s)
    assert [m.driver for m in movers.gainers] == ["NOR", "HAM"]
    assert [m.driver for m in movers.losers] == ["VER", "PER"]
    assert paragraph(race_summary.KIND, s).endswith(
        "From the grid: biggest gain NOR, P3 to P1 (+2) and HAM, P4 to P2 (+2); biggest loss "
        "VER, P1 to P3 (-2) and Sergio Perez (PER), P2 to P4 (-2)."
    )


@given(st.permutations(["VER", "PER", "NOR", "PIA", "HAM", "RUS"]))
def test_no_classified_driver_gained_more_than_the_biggest_gainers(grid_order: list[str]) -> None:
    finish = ["VER", "PER", "NOR", "PIA", "HAM", "RUS"]
    s = session(
        results=[
            result(code, i + 1, grid=grid_order.index(code) + 1) for i, code in enumerate(finish)
        ]
    )
    movers = race_summary.race_summary(s)
    gains = {m.driver: m.gained or 0 for m in movers.moves}
    assert all(gains[m.driver] == max(gains.values()) > 0 for m in movers.gainers)
    assert all(gains[m.driver] == min(gains.values()) < 0 for m in movers.losers)
    assert bool(movers.gainers) == (max(gains.values()) > 0)


def test_a_disqualified_car_is_told_as_disqualified_not_as_a_retirement() -> None:
    s = session(
        [*run("VER", [90_000, 90_000]), *run("HAM", [90_100, 90_100])],
        results=[
            result("VER", 1, grid=1, time_ms=180_000, laps=2),
            result("HAM", None, grid=2, status="Disqualified", laps=2, classified="D"),
        ],
    )
    summary = paragraph(race_summary.KIND, s)
    assert "Lewis Hamilton (HAM) was disqualified." in summary
    assert "Did not finish" not in summary
    assert paragraph(driver_session_summary.KIND, s, ["HAM"]).startswith(
        "In the 2024 Spanish Grand Prix Race: Lewis Hamilton (HAM) started from P2 on the grid "
        "and was disqualified."
    )
