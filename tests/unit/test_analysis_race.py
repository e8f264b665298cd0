"""Race analyses: classification, pace, strategy, degradation, stops, positions, gaps."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.unit.laps_factory import lap, paragraph, result, run, session

from f1core.analysis.classification import classification
from f1core.analysis.pace import race_pace
from f1core.analysis.pit_stops import pit_stops
from f1core.analysis.positions import gaps, grid_vs_finish, positions
from f1core.analysis.strategy import split_stints, stints, tyre_degradation
from f1core.analysis.teammates import teammates
from f1core.domain.session import Lap, SessionKind
from f1core.errors import InvalidRequestError
from f1core.kinds import classification as classification_kind
from f1core.kinds import degradation as degradation_kind
from f1core.kinds import gaps as gaps_kind
from f1core.kinds import grid_vs_finish as grid_vs_finish_kind
from f1core.kinds import pit_stops as pit_stops_kind
from f1core.kinds import positions as positions_kind
from f1core.kinds import race_pace as race_pace_kind
from f1core.kinds import strategy as strategy_kind
from f1core.kinds import teammates as teammates_kind

# -- classification -----------------------------------------------------------------------


def test_race_classification_table_and_summary() -> None:
    s = session(
        results=[
            result("NOR", 2, grid=1, time_ms=2_460, points=18.0, laps=51),
            result("HAM", 1, grid=2, time_ms=6_224_291, points=25.0, laps=51),
            result("VER", None, grid=0, status="Collision", classified="R", laps=39),
        ],
        drivers=["HAM", "NOR", "VER"],
    )
    c = classification(s)
    assert [r.driver for r in c.rows] == ["HAM", "NOR", "VER"]
    assert c.table().rows == (
        ("1", "HAM", "Lewis Hamilton", "Mercedes", "P2", 51, "1:43:44.291", "Finished", "25"),
        ("2", "NOR", "Lando Norris", "McLaren", "P1", 51, "+2.460", "Finished", "18"),
        (
            "R",
            "VER",
            "Max Verstappen",
            "Red Bull Racing",
            "pit lane",
            39,
            "Collision",
            "Collision",
            "0",
        ),
    )
    # A retired third is no podium finisher.
    assert paragraph(classification_kind.KIND, s) == (
        "Lewis Hamilton (HAM) won the 2024 Spanish Grand Prix Race from P2 on the grid, "
        "2.460 s ahead of Lando Norris (NOR)."
    )
    assert paragraph(classification_kind.KIND, s, ["VER", "HAM"]) == (
        "Lewis Hamilton (HAM) won the 2024 Spanish Grand Prix Race from P2 on the grid, "
        "2.460 s ahead of Lando Norris (NOR). Max Verstappen (VER) finished R (Collision)."
    )


def test_qualifying_classification_shows_q_times() -> None:
    s = session(
        kind=SessionKind.QUALIFYING,
        results=[
            result("NOR", 1, q=(72_100, 71_600, 71_383)),
            result("HAM", 2, q=(72_500, None, None)),
        ],
    )
    c = classification(s)
    assert c.table().columns == ("Pos", "Driver", "Name", "Team", "Q1", "Q2", "Q3")
    assert c.table().rows[1] == ("2", "HAM", "Lewis Hamilton", "Mercedes", "1:12.500", "-", "-")
    assert paragraph(classification_kind.KIND, s) == (
        "Lando Norris (NOR) took pole in the 2024 Spanish Grand Prix Qualifying with 1:11.383, "
        "1.117 s ahead of Lewis Hamilton (HAM)."
    )


# -- race pace ----------------------------------------------------------------------------


def _two_driver_race() -> list[Lap]:
    ver = run("VER", [100_000, 91_000, 90_000, 92_000, 95_000, 91_000, 200_000])
    # Lap 5 pit in, lap 6 pit out; lap 7 is a 200 s lap (over 107% of best).
    ver[4] = lap("VER", 5, 95_000, pit_in_at_ms=460_000)
    ver[5] = lap("VER", 6, 91_000, pit_out_at_ms=480_000, stint=2, compound="HARD")
    nor = run("NOR", [101_000, 90_500, 90_700, 90_600], track_status="1")
    nor.append(lap("NOR", 5, 120_000, track_status="4"))
    return ver + nor


def test_race_pace_per_driver_and_team() -> None:
    s = session(_two_driver_race(), total_laps=7)
    result = race_pace(s)
    rows = {r.key: r for r in result.drivers}
    assert [r.key for r in result.drivers] == ["NOR", "VER"]
    assert rows["NOR"].stats.laps == 3
    assert rows["NOR"].stats.median_ms == 90_600.0
    assert rows["VER"].stats.laps == 3  # laps 2, 3, 4
    assert rows["VER"].stats.median_ms == 91_000.0
    assert rows["VER"].gap_ms == 400.0
    assert rows["VER"].stats.mean_ms == pytest.approx(91_000.0)
    assert rows["VER"].stats.stdev_ms == pytest.approx(1000.0)
    assert [(e.driver, e.lap, e.reason) for e in result.excluded] == [
        ("NOR", 1, "lap 1"),
        ("NOR", 5, "safety car"),
        ("VER", 1, "lap 1"),
        ("VER", 5, "pit in lap"),
        ("VER", 6, "pit out lap"),
        ("VER", 7, "over 107% of best"),
    ]
    assert [t.key for t in result.teams] == ["McLaren", "Red Bull Racing"]
    assert result.table().rows[1][:6] == (
        2,
        "VER",
        "Max Verstappen",
        "Red Bull Racing",
        3,
        "1:31.000",
    )
    assert result.table().rows[1][9] == "+0.400"
    assert paragraph(race_pace_kind.KIND, s) == (
        "Lando Norris (NOR) had the best race pace in the 2024 Spanish Grand Prix Race: "
        "median clean lap 1:30.600 over 3 laps; Max Verstappen (VER) 1:31.000 "
        "(0.400 s a lap slower, 3 laps)."
    )


def test_fuel_correction_subtracts_fuel_left_times_k() -> None:
    s = session(run("VER", [100_000, 91_000, 90_500, 90_000]), total_laps=4)
    result = race_pace(s, fuel_correction_s_per_lap=0.05)
    # Laps 2, 3, 4 carry 2, 1 and 0 laps of fuel: 91.000-0.100, 90.500-0.050, 90.000.
    assert result.drivers[0].stats.median_ms == pytest.approx(90_450.0)
    query = race_pace_kind.RacePaceQuery(
        year=2024, event="Spain", session=SessionKind.RACE, fuel_correction_s_per_lap=0.05
    )
    assert race_pace_kind.paragraph(result, query) == (
        "Max Verstappen (VER) had the best race pace in the 2024 Spanish Grand Prix Race: "
        "median clean lap 1:30.450 over 3 laps, fuel-corrected by 0.05 s per lap."
    )


def test_fuel_correction_out_of_range_is_refused() -> None:
    with pytest.raises(InvalidRequestError, match="between 0 and 1"):
        race_pace(session(run("VER", [90_000])), fuel_correction_s_per_lap=3.0)


_status = st.sampled_from(["1", "1", "1", "2", "4", "12", "6", "7", "5"])


@st.composite
def _race_laps(draw: st.DrawFn) -> list[Lap]:
    laps: list[Lap] = []
    for code in draw(
        st.lists(st.sampled_from(["VER", "NOR", "HAM", "PER"]), min_size=1, max_size=4, unique=True)
    ):
        n = draw(st.integers(1, 25))
        clock = draw(st.integers(0, 5_000))
        stint = 1
        pit_next = False
        for number in range(1, n + 1):
            time_ms = draw(st.one_of(st.none(), st.integers(85_000, 130_000)))
            pit_in = draw(st.booleans()) and draw(st.booleans())
            pit_out = pit_next
            if pit_out:
                stint += 1
            end = clock + (time_ms or 100_000)
            laps.append(
                lap(
                    code,
                    number,
                    time_ms,
                    track_status=draw(_status),
                    accurate=draw(st.booleans()) or draw(st.booleans()),
                    stint=draw(st.one_of(st.just(stint), st.none())),
                    tyre_life=number,
                    pit_in_at_ms=end - 1_000 if pit_in else None,
                    pit_out_at_ms=clock + 20_000 if pit_out else None,
                    start_at_ms=clock,
                    end_at_ms=end,
                )
            )
            clock = end
            pit_next = pit_in
    return laps


@given(_race_laps())
def test_race_pace_excluded_plus_included_is_every_lap(laps: list[Lap]) -> None:
    result = race_pace(session(laps))
    counted = {r.key: r.stats.laps for r in result.drivers}
    for code in {x.driver for x in laps}:
        excluded = [e for e in result.excluded if e.driver == code]
        assert len(excluded) + counted.get(code, 0) == sum(1 for x in laps if x.driver == code)


# -- strategy and degradation ---------------------------------------------------------------


def test_stints_and_stop_count() -> None:
    laps = [
        # Lap 1 has no stint number, as FastF1 leaves it in older seasons.
        lap("HAM", 1, 150_000, stint=None, compound=None, tyre_life=None),
        lap("HAM", 2, 108_000, stint=1, compound="SUPERSOFT", tyre_life=6),
        lap("HAM", 3, 108_000, stint=1, compound="SUPERSOFT", tyre_life=7, pit_in_at_ms=300_000),
        lap("HAM", 4, 125_000, stint=2, compound="SOFT", tyre_life=1, pit_out_at_ms=320_000),
        lap("HAM", 5, 107_000, stint=2, compound="SOFT", tyre_life=2),
    ]
    s = session(laps, results=[result("HAM", 1)])
    strategy = stints(s)
    (ham,) = strategy.drivers
    assert ham.pit_stops == 1
    assert [
        (x.number, x.compound, x.first_lap, x.last_lap, x.laps, x.tyre_age_at_start)
        for x in ham.stints
    ] == [(1, "SUPERSOFT", 1, 3, 3, 4), (2, "SOFT", 4, 5, 2, 0)]
    assert strategy.table().rows == (
        ("HAM", "Lewis Hamilton", "Mercedes", 1, "SUPERSOFT 1-3 (3), SOFT 4-5 (2)"),
    )
    assert paragraph(strategy_kind.KIND, s) == (
        "1 pit stop in the 2024 Spanish Grand Prix Race; the most common strategy was "
        "1 stop (1 of 1 driver)."
    )
    assert paragraph(strategy_kind.KIND, s, ["HAM"]) == (
        "In the 2024 Spanish Grand Prix Race, Lewis Hamilton (HAM) made 1 stop: "
        "supersoft laps 1-3, soft laps 4-5."
    )


def test_stints_without_stint_numbers_split_at_stops() -> None:
    laps = [
        lap("VER", 1, stint=None),
        lap("VER", 2, stint=None, pit_in_at_ms=1),
        lap("VER", 3, stint=None, pit_out_at_ms=2),
        lap("VER", 4, stint=None),
    ]
    assert [[x.number for x in g] for g in split_stints(laps)] == [[1, 2], [3, 4]]


@given(_race_laps())
def test_stints_cover_every_lap_exactly_once(laps: list[Lap]) -> None:
    s = session(laps)
    for d in stints(s).drivers:
        mine = sorted(x.number for x in laps if x.driver == d.driver)
        covered = [n for stint in d.stints for n in range(stint.first_lap, stint.last_lap + 1)]
        assert covered == mine
        assert sum(stint.laps for stint in d.stints) == len(mine)


def test_degradation_slope_and_skipped_stints() -> None:
    # Stint 1: 0.1 s per lap of tyre life exactly; stint 2: only 3 clean laps.
    stint1 = [lap("VER", n, 90_000 + 100 * n, tyre_life=n) for n in range(2, 8)]
    stint2 = [
        lap("VER", 8, 95_000, stint=2, pit_out_at_ms=1, tyre_life=1, compound="HARD"),
        *[lap("VER", n, 91_000, stint=2, tyre_life=n - 7, compound="HARD") for n in (9, 10, 11)],
    ]
    result = tyre_degradation(session([lap("VER", 1, 99_000), *stint1, *stint2]))
    (fit,) = result.stints
    assert fit.slope_s_per_lap == pytest.approx(0.1)
    assert fit.r2 == pytest.approx(1.0)
    assert (fit.laps, fit.first_lap, fit.last_lap, fit.compound) == (6, 2, 7, "SOFT")
    assert [(x.stint, x.reason) for x in result.skipped] == [(2, "only 3 clean laps (need 4)")]
    assert result.table().rows[0][7:] == ("+0.100", "1.00")
    assert [(p.lap, p.tyre_life, p.time_ms) for p in fit.points] == [
        (n, n, 90_000 + 100 * n) for n in range(2, 8)
    ]


@given(
    base=st.integers(80_000, 100_000),
    # Bounded so the whole series stays within 107% of its best lap (150 ms x 35 < 5.6 s).
    slope_ms=st.integers(-150, 150),
    n=st.integers(4, 25),
    start_life=st.integers(1, 10),
)
def test_degradation_of_a_linear_series_is_its_slope(
    base: int, slope_ms: int, n: int, start_life: int
) -> None:
    laps = [
        lap("NOR", 2 + i, base + slope_ms * (start_life + i), tyre_life=start_life + i)
        for i in range(n)
    ]
    (fit,) = tyre_degradation(session(laps)).stints
    assert fit.slope_s_per_lap == pytest.approx(slope_ms / 1000, abs=1e-9)
    assert fit.laps == n


def test_fuel_correction_adds_back_the_fuel_burn_to_the_slope() -> None:
    # Laps get 0.05 s faster each lap (fuel) while the tyres lose 0.02 s: raw -0.03 s/lap.
    laps = [lap("PIA", n, 90_000 - 30 * n, tyre_life=n) for n in range(2, 12)]
    raw = tyre_degradation(session(laps))
    corrected = tyre_degradation(session(laps), fuel_correction_s_per_lap=0.05)
    assert raw.stints[0].slope_s_per_lap == pytest.approx(-0.03)
    assert corrected.stints[0].slope_s_per_lap == pytest.approx(0.02)
    kind = degradation_kind.KIND
    asked = kind.query(year=2024, event="Spanish Grand Prix", session=SessionKind.RACE)
    assert "fuel burn-off outweighs tyre wear" in kind.paragraph(raw, asked)
    assert "fuel-corrected by 0.05 s per lap" in kind.paragraph(corrected, asked)
    with pytest.raises(InvalidRequestError, match="out of range"):
        tyre_degradation(session(laps), fuel_correction_s_per_lap=2.0)


# -- pit stops ----------------------------------------------------------------------------


def _one_stop(code: str, pit_lane_ms: int) -> list[Lap]:
    return [
        *run(code, [100_000, 90_000]),
        lap(code, 3, 95_000, pit_in_at_ms=300_000),
        lap(code, 4, 110_000, pit_out_at_ms=300_000 + pit_lane_ms, stint=2, compound="HARD"),
    ]


def test_an_implausibly_short_pit_lane_time_is_not_the_shortest_stop() -> None:
    # Everyone crawls the same pit lane: 15.0 s among ~19.7 s is a timing glitch.
    laps = [*_one_stop("VER", 19_800), *_one_stop("NOR", 19_650), *_one_stop("HAM", 15_000)]
    summary = paragraph(pit_stops_kind.KIND, session(laps))
    assert "shortest time in the pit lane: Lando Norris (NOR) on lap 3, 19.6 s" in summary
    assert "(1 implausibly short pit-lane time left out as a timing glitch)" in summary


def test_pit_stop_lane_time_and_loss() -> None:
    laps = [
        *run("VER", [100_000, 90_000, 91_000, 90_500]),
        lap("VER", 5, 95_000, pit_in_at_ms=470_000, track_status="1"),
        lap("VER", 6, 110_000, pit_out_at_ms=491_500, stint=2, compound="HARD"),
        lap("VER", 7, 90_000, stint=2, compound="HARD"),
        # Retires into the pits on the last lap: not a stop.
        lap("VER", 8, 99_000, stint=2, compound="HARD", pit_in_at_ms=700_000),
    ]
    s = session(laps)
    result = pit_stops(s)
    (stop,) = result.stops
    assert (stop.lap, stop.pit_lane_ms, stop.in_lap_ms, stop.out_lap_ms) == (
        5,
        21_500,
        95_000,
        110_000,
    )
    # Clean laps: 90.000, 91.000, 90.500, 90.000 -> median 90.250; loss 205.000 - 180.500.
    assert stop.median_clean_ms == 90_250.0
    assert stop.loss_ms == pytest.approx(24_500.0)
    assert stop.neutralised is None
    assert [(e.lap, e.reason) for e in result.excluded] == [(8, "pit in with no out lap after it")]
    assert result.table().columns[-2:] == ("Tyres", "Neutralised")
    assert result.table().rows[0] == (
        "VER",
        "Max Verstappen",
        5,
        "21.5",
        "1:35.000",
        "1:50.000",
        "24.5",
        "SOFT -> HARD",
        "",
    )
    assert paragraph(pit_stops_kind.KIND, s) == (
        "1 pit stop in the 2024 Spanish Grand Prix Race; shortest time in the pit lane: Max "
        "Verstappen (VER) on lap 5, 21.5 s; median loss under green flag 24.5 s."
    )


def test_stop_under_safety_car_is_marked() -> None:
    laps = [
        *run("VER", [100_000, 90_000, 90_000]),
        lap("VER", 4, 120_000, pit_in_at_ms=400_000, track_status="4"),
        lap("VER", 5, 130_000, pit_out_at_ms=420_000, stint=2, track_status="4"),
    ]
    (stop,) = pit_stops(session(laps)).stops
    assert stop.neutralised == "safety car"


# -- positions, grid, gaps ------------------------------------------------------------------


def test_positions_lead_changes() -> None:
    laps = [
        lap("VER", 1, position=1),
        lap("NOR", 1, position=2),
        lap("VER", 2, position=2),
        lap("NOR", 2, position=1),
        lap("VER", 3, position=2),
        lap("NOR", 3, position=1),
        lap("VER", 4, position=None),
    ]
    s = session(laps)
    result = positions(s)
    assert result.table().rows == ((1, "VER", "NOR"), (2, "NOR", "VER"), (3, "NOR", "VER"))
    assert result.position_of("VER", 2) == 2
    assert result.lead_changes == 1
    assert [(e.driver, e.lap, e.reason) for e in result.excluded] == [("VER", 4, "no position")]
    assert paragraph(positions_kind.KIND, s) == (
        "Lando Norris (NOR) led the most laps of the 2024 Spanish Grand Prix Race (2 of 3); "
        "the lead changed hands 1 time."
    )


def test_grid_vs_finish() -> None:
    s = session(
        results=[
            result("HAM", 1, grid=4),
            result("NOR", 2, grid=1),
            result("VER", 3, grid=0),  # pit lane: counts as starting behind all 3 cars
        ],
        drivers=["HAM", "NOR", "VER"],
    )
    r = grid_vs_finish(s)
    assert [(x.driver, x.gained) for x in r.rows] == [("HAM", 3), ("NOR", -1), ("VER", 0)]
    assert r.table().rows[2] == (
        "3",
        "VER",
        "Max Verstappen",
        "Red Bull Racing",
        "pit lane",
        "+0",
        "Finished",
    )
    assert paragraph(grid_vs_finish_kind.KIND, s) == (
        "Lewis Hamilton (HAM) gained the most places in the 2024 Spanish Grand Prix Race: "
        "P4 to P1 (+3); Lando Norris (NOR) lost the most: P1 to P2 (-1)."
    )
    assert paragraph(grid_vs_finish_kind.KIND, s, ["VER", "HAM"]) == (
        "In the 2024 Spanish Grand Prix Race, Lewis Hamilton (HAM) went from P4 to P1 (+3); "
        "Max Verstappen (VER) went from the pit lane to P3 (+0)."
    )


def test_gaps_and_intervals_from_lap_end_times() -> None:
    laps = [
        *run("VER", [90_000, 90_000], start_at_ms=0),
        *run("NOR", [90_500, 90_000], start_at_ms=0),
        *run("HAM", [91_000, 88_000], start_at_ms=0),
    ]
    s = session(laps)
    result = gaps(s)
    assert [(r.lap, r.position, r.driver, r.gap_ms, r.interval_ms) for r in result.rows] == [
        (1, 1, "VER", 0, 0),
        (1, 2, "NOR", 500, 500),
        (1, 3, "HAM", 1_000, 500),
        (2, 1, "HAM", 0, 0),  # 179.000 beats VER's 180.000
        (2, 2, "VER", 1_000, 1_000),
        (2, 3, "NOR", 1_500, 500),
    ]
    assert result.table().rows[4] == (2, 2, "VER", "+1.000", "+1.000")
    assert paragraph(gaps_kind.KIND, s) == (
        "At the end of lap 2 of the 2024 Spanish Grand Prix Race: Lewis Hamilton (HAM), "
        "Max Verstappen (VER) +1.000, Lando Norris (NOR) +1.500."
    )
    only_nor = gaps(session(laps), ["NOR"])
    assert [(r.lap, r.position, r.gap_ms, r.ahead) for r in only_nor.rows] == [
        (1, 2, 500, "VER"),
        (2, 3, 1_500, "VER"),
    ]


def test_a_car_out_on_lap_1_never_leads_it_and_a_lapped_car_reads_plus_one_lap() -> None:
    laps = [
        *run("VER", [90_000, 90_000, 90_000], start_at_ms=0),
        *run("NOR", [95_000, 95_000, 95_000], start_at_ms=0),
        # lap 1 not completed: the timing closed it early, with no time and no position
        lap("HAM", 1, None, start_at_ms=0, end_at_ms=30_000),
        # 1 minute behind after lap 1, then slow enough to be lapped by VER's lap 3
        *run("PIA", [150_000, 120_000], start_at_ms=0),
    ]
    trace = gaps(session(laps))
    lap1 = [(r.driver, r.gap_text) for r in trace.at_lap(1)]
    assert lap1 == [("VER", "Leader"), ("NOR", "+5.000"), ("PIA", "+1:00.000")]
    assert [(r.driver, r.laps_down, r.gap_text) for r in trace.at_lap(2)] == [
        ("VER", 0, "Leader"),
        ("NOR", 0, "+10.000"),
        ("PIA", 1, "+1 lap"),  # 270 s: VER had done lap 3 at 270 s too
    ]
    assert ("HAM", 1, "lap not completed (retired)") in [
        (x.driver, x.lap, x.reason) for x in trace.excluded
    ]
    # laps beyond those the classification credits are not completed either
    credited = gaps(session(laps, results=[result("VER", 1, laps=2)]))
    assert [r.lap for r in credited.rows if r.driver == "VER"] == [1, 2]


@given(_race_laps())
def test_gap_to_leader_is_never_negative_and_leader_gap_is_zero(laps: list[Lap]) -> None:
    result = gaps(session(laps))
    for r in result.rows:
        assert r.gap_ms >= 0
        assert r.interval_ms >= 0
        assert (r.position == 1) == (r.ahead is None)
        if r.position == 1:
            assert r.gap_ms == 0


# -- teammates ----------------------------------------------------------------------------


def test_teammates_one_lap_gap_and_pace_delta() -> None:
    laps = [
        *run("VER", [100_000, 90_000, 90_200, 90_400]),
        *run("PER", [100_500, 90_300, 90_100, 90_500]),
        *run("NOR", [101_000, 91_000]),
    ]
    s = session(laps)
    result = teammates(s)
    (pair,) = result.pairs  # McLaren has one driver here
    assert (pair.driver_a, pair.driver_b, pair.one_lap_gap_ms) == ("VER", "PER", 100)
    # Medians: VER 90.200, PER 90.300 -> PER 0.100 s slower on pace.
    assert pair.pace_delta_ms == pytest.approx(100.0)
    assert result.table().rows[0] == (
        "Red Bull Racing",
        "VER",
        "PER",
        "1:30.000",
        "1:30.100",
        "+0.100",
        "1:30.200",
        "1:30.300",
        "+0.100",
    )
    assert paragraph(teammates_kind.KIND, s) == (
        "Closest teammates over one lap in the 2024 Spanish Grand Prix Race: "
        "Max Verstappen (VER) and Sergio Perez (PER) (Red Bull Racing), +0.100."
    )


def test_teammates_in_qualifying_have_no_pace_columns() -> None:
    laps = [lap("HAM", 3, 71_500), lap("RUS", 3, 71_498)]
    result = teammates(session(laps, kind=SessionKind.QUALIFYING))
    assert result.table().columns == ("Team", "A", "B", "Best A", "Best B", "Gap")
    assert result.table().rows == (("Mercedes", "RUS", "HAM", "1:11.498", "1:11.500", "+0.002"),)


def test_one_drivers_race_pace_is_placed_in_the_field_never_called_the_best() -> None:
    s = session(
        [
            *run("NOR", [100_000, 90_500, 90_700, 90_600], track_status="1"),
            *run("VER", [100_000, 91_000, 91_000, 91_000], track_status="1"),
            *run("HAM", [100_000, 91_500, 91_400, 91_600], track_status="1"),
        ],
        total_laps=4,
    )
    assert paragraph(race_pace_kind.KIND, s, ["VER"]) == (
        "Max Verstappen (VER)'s race pace in the 2024 Spanish Grand Prix Race: median clean "
        "lap 1:31.000 over 3 laps, P2 of 3, 0.400 s a lap slower than Lando Norris (NOR)'s "
        "1:30.600."
    )
    assert paragraph(race_pace_kind.KIND, s, ["NOR"]).endswith(
        "median clean lap 1:30.600 over 3 laps, the best of the field."
    )
    assert paragraph(race_pace_kind.KIND, s, ["VER", "HAM"]).startswith(
        "Of Max Verstappen (VER) and Lewis Hamilton (HAM), VER had the better race pace"
    )
