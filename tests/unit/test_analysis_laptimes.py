"""One-lap analyses: fastest lap, best laps, theoretical best, sectors, speed traps."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from tests.unit.laps_factory import lap, paragraph, session

from f1core.analysis.fastest import best_laps, fastest_lap
from f1core.analysis.laps import is_valid, plausibility_floors
from f1core.analysis.sectors import sector_comparison, speed_traps, theoretical_best
from f1core.domain.session import Lap, SessionKind
from f1core.kinds import best_laps as best_laps_kind
from f1core.kinds import fastest_lap as fastest_lap_kind
from f1core.kinds import sectors as sectors_kind
from f1core.kinds import speed_traps as speed_traps_kind
from f1core.kinds import theoretical_best as theoretical_best_kind

Q = SessionKind.QUALIFYING


def test_an_implausible_lap_never_wins() -> None:
    # The 2022 Saudi case: an impossible 1:13.670 (flagged not accurate), 16% under pole.
    s = session(
        [
            lap("PER", 5, 88_200),
            lap("NOR", 4, 73_670, accurate=False),
            lap("NOR", 6, 88_225),
            lap("VER", 3, 80_000, deleted=True, deleted_reason="track limits"),
            lap("VER", 5, 88_500),
            lap("VER", 6, None),
        ],
        kind=Q,
        year=2022,
        event="Saudi Arabian Grand Prix",
    )
    result = fastest_lap(s)
    assert result.fastest is not None
    assert (result.fastest.driver, result.fastest.time_ms, result.fastest.lap) == ("PER", 88_200, 5)
    assert paragraph(fastest_lap_kind.KIND, s) == (
        "Sergio Perez (PER) set the fastest lap of the 2022 Saudi Arabian Grand Prix "
        "Qualifying: 1:28.200 (lap 5, soft tyres), 0.025 s ahead of Lando Norris (NOR)."
    )
    assert [(e.driver, e.lap, e.reason) for e in result.excluded] == [
        ("NOR", 4, "implausible lap time"),
        ("VER", 3, "deleted: track limits"),
        ("VER", 6, "no lap time"),
    ]
    assert result.table().rows == (
        ("PER", "Sergio Perez", "Red Bull Racing", 5, "1:28.200", "SOFT", 5),
    )


def test_fastest_lap_of_chosen_drivers() -> None:
    s = session([lap("NOR", 2, 71_383), lap("VER", 2, 71_403), lap("HAM", 2, 71_500)], kind=Q)
    result = fastest_lap(s, ["ham", "VER"])
    assert result.fastest is not None and result.fastest.driver == "VER"
    assert paragraph(fastest_lap_kind.KIND, s, ["ham", "VER"]) == (
        "Max Verstappen (VER) was the fastest of HAM and VER in the 2024 Spanish Grand Prix "
        "Qualifying: 1:11.403 (lap 2, soft tyres), 0.097 s ahead of Lewis Hamilton (HAM)."
    )
    assert paragraph(fastest_lap_kind.KIND, s, ["HAM"]) == (
        "Lewis Hamilton (HAM)'s fastest lap of the 2024 Spanish Grand Prix Qualifying: "
        "1:11.500 (lap 2, soft tyres)."
    )


def test_fastest_lap_tie_goes_to_the_lap_set_first() -> None:
    s = session(
        [lap("NOR", 5, 71_383, end_at_ms=900_000), lap("VER", 3, 71_383, end_at_ms=600_000)],
        kind=Q,
    )
    assert [r.driver for r in best_laps(s).rows] == ["VER", "NOR"]


def test_no_valid_lap_at_all() -> None:
    s = session([lap("NOR", 2, None)], kind=Q)
    result = fastest_lap(s)
    assert result.fastest is None
    assert result.table().rows == ()
    assert paragraph(fastest_lap_kind.KIND, s) == (
        "No valid lap was set in the 2024 Spanish Grand Prix Qualifying."
    )


def test_best_laps_order_and_gaps() -> None:
    s = session(
        [
            lap("NOR", 2, 71_500),
            lap("NOR", 3, 71_383),
            lap("VER", 2, 71_403),
            lap("HAM", 2, 72_000, compound="MEDIUM"),
            lap("PIA", 2, None),
        ],
        kind=Q,
    )
    result = best_laps(s)
    assert [(r.position, r.driver, r.lap, r.time_ms, r.gap_ms) for r in result.rows] == [
        (1, "NOR", 3, 71_383, 0),
        (2, "VER", 2, 71_403, 20),
        (3, "HAM", 2, 72_000, 617),
    ]
    assert result.table().rows[2] == (
        3,
        "HAM",
        "Lewis Hamilton",
        "Mercedes",
        2,
        "1:12.000",
        "+0.617",
        "MEDIUM",
    )
    assert result.table().rows[0][6] == ""
    assert paragraph(best_laps_kind.KIND, s) == (
        "Lando Norris (NOR) set the best lap of the 2024 Spanish Grand Prix Qualifying, "
        "1:11.383; Max Verstappen (VER) 0.020 s slower, Lewis Hamilton (HAM) 0.617 s slower."
    )
    assert paragraph(best_laps_kind.KIND, s, ["HAM", "VER"]) == (
        "Max Verstappen (VER) set the best lap of the 2024 Spanish Grand Prix Qualifying "
        "among HAM and VER, 1:11.403; Lewis Hamilton (HAM) 0.597 s slower."
    )


def _lap_with_sectors(code: str, number: int, s1: int, s2: int, s3: int, **kw: object) -> Lap:
    return lap(code, number, s1 + s2 + s3, sector1_ms=s1, sector2_ms=s2, sector3_ms=s3, **kw)


def test_theoretical_best_sums_best_valid_sectors() -> None:
    s = session(
        [
            _lap_with_sectors("NOR", 2, 21_400, 28_500, 21_600),  # 71.500
            _lap_with_sectors("NOR", 3, 21_500, 28_400, 21_700),  # 71.600
            # A deleted lap's purple sector must not count.
            _lap_with_sectors("NOR", 4, 21_000, 28_600, 21_800, deleted=True),
            _lap_with_sectors("VER", 2, 21_300, 28_600, 21_500),  # 71.400
        ],
        kind=Q,
    )
    result = theoretical_best(s)
    rows = {r.driver: r for r in result.rows}
    assert (rows["NOR"].theoretical_ms, rows["NOR"].actual_ms, rows["NOR"].lost_ms) == (
        71_400,
        71_500,
        100,
    )
    assert (rows["VER"].theoretical_ms, rows["VER"].lost_ms) == (71_400, 0)
    # Equal ideal laps: VER drove his, so he ranks first.
    assert [r.driver for r in result.rows] == ["VER", "NOR"]
    assert result.table().rows[1] == (
        "NOR",
        "Lando Norris",
        "21.400",
        "28.400",
        "21.600",
        "1:11.400",
        "1:11.500",
        "+0.100",
    )
    assert paragraph(theoretical_best_kind.KIND, s) == (
        "Max Verstappen (VER) had the best theoretical lap of the 2024 Spanish Grand Prix "
        "Qualifying, 1:11.400; Lando Norris (NOR) left the most on the table, +0.100."
    )


def test_theoretical_best_never_exceeds_actual_when_sectors_are_rounded() -> None:
    # Sectors summing 1 ms over the lap time (timing rounding) must not make an "ideal"
    # lap slower than the real one.
    s = session(
        [lap("VER", 2, 71_400, sector1_ms=21_301, sector2_ms=28_600, sector3_ms=21_500)], kind=Q
    )
    row = theoretical_best(s).rows[0]
    assert (row.theoretical_ms, row.lost_ms) == (71_400, 0)


def test_sector_comparison_gaps() -> None:
    s = session(
        [
            _lap_with_sectors("NOR", 2, 21_400, 28_500, 21_600),
            _lap_with_sectors("VER", 2, 21_300, 28_600, 21_500),
        ],
        kind=Q,
    )
    result = sector_comparison(s, ["NOR", "VER"])
    assert result.fastest == ("VER", "NOR", "VER")
    rows = {r.driver: r for r in result.rows}
    assert rows["NOR"].gap_ms == (100, 0, 100)
    assert rows["VER"].gap_ms == (0, 100, 0)
    assert result.table().rows[0] == (
        "VER",
        "Max Verstappen",
        "21.300",
        "",
        "28.600",
        "+0.100",
        "21.500",
        "",
    )
    # compared drivers: the fastest of them, never called the session's fastest
    assert paragraph(sectors_kind.KIND, s, ["NOR", "VER"]) == (
        "Fastest sectors of Lando Norris (NOR) and Max Verstappen (VER) in the 2024 Spanish "
        "Grand Prix Qualifying: S1 VER, S2 NOR, S3 VER."
    )
    # one driver: his sectors placed in the session, then the session's fastest
    assert paragraph(sectors_kind.KIND, s, ["NOR"]) == (
        "Lando Norris (NOR)'s best sectors in the 2024 Spanish Grand Prix Qualifying: "
        "S1 " + f"{rows['NOR'].sector_ms[0] / 1000:.3f}" + " s (P2, 0.100 s off the best), "
        "S2 " + f"{rows['NOR'].sector_ms[1] / 1000:.3f}" + " s (P1), "
        "S3 " + f"{rows['NOR'].sector_ms[2] / 1000:.3f}" + " s (P2, 0.100 s off the best). "
        "Fastest in the session: S1 Max Verstappen (VER), S2 NOR, S3 VER."
    )


def test_speed_traps_rank_by_top_speed() -> None:
    s = session(
        [
            lap("NOR", 2, speed_st=320.0, speed_i1=290.0),
            lap("NOR", 3, speed_st=329.0, speed_i1=285.0, accurate=False),
            lap("VER", 2, speed_st=325.5, speed_fl=301.0),
            lap("VER", 3),
        ],
        kind=Q,
    )
    result = speed_traps(s)
    assert [(r.position, r.driver, r.speed_st, r.speed_i1) for r in result.rows] == [
        (1, "NOR", 329.0, 290.0),
        (2, "VER", 325.5, None),
    ]
    assert [(e.driver, e.lap, e.reason) for e in result.excluded] == [
        ("VER", 3, "no speed reading")
    ]
    assert result.table().rows[1][4:] == ("325.5", "-", "-", "301.0")
    assert paragraph(speed_traps_kind.KIND, s) == (
        "Lando Norris (NOR) was fastest through the speed trap in the 2024 Spanish Grand Prix "
        "Qualifying, 329.0 km/h."
    )


# -- properties -------------------------------------------------------------------------

_sector = st.one_of(st.none(), st.integers(15_000, 40_000))


@st.composite
def _laps(draw: st.DrawFn) -> list[Lap]:
    laps = []
    for code in draw(
        st.lists(st.sampled_from(["VER", "NOR", "HAM"]), min_size=1, max_size=3, unique=True)
    ):
        for number in range(1, draw(st.integers(1, 8)) + 1):
            sectors = [draw(_sector) for _ in range(3)]
            timed = draw(st.booleans())
            total = sum(x for x in sectors if x is not None) or 70_000
            laps.append(
                lap(
                    code,
                    number,
                    total + draw(st.integers(-2, 2)) if timed else None,
                    sector1_ms=sectors[0],
                    sector2_ms=sectors[1],
                    sector3_ms=sectors[2],
                    accurate=draw(st.booleans()),
                    deleted=draw(st.booleans()),
                    end_at_ms=draw(st.integers(0, 10_000_000)),
                )
            )
    return laps


@given(_laps())
def test_fastest_lap_is_valid_and_never_slower_than_a_valid_lap(laps: list[Lap]) -> None:
    s = session(laps, kind=Q)
    result = fastest_lap(s)
    floors = plausibility_floors(s)
    valid = [x for x in laps if is_valid(x, floors.get(x.driver))]
    if not valid:
        assert result.fastest is None
        return
    assert result.fastest is not None
    won = next(
        x for x in laps if (x.driver, x.number) == (result.fastest.driver, result.fastest.lap)
    )
    assert is_valid(won, floors.get(won.driver))
    # a property of the generated laps' times, not of the clock
    assert all(result.fastest.time_ms <= (x.time_ms or 0) for x in valid)
    # Every invalid lap is listed as excluded, and no valid lap is.
    assert {(e.driver, e.lap) for e in result.excluded} == {
        (x.driver, x.number) for x in laps if not is_valid(x, floors.get(x.driver))
    }


@given(_laps())
def test_theoretical_best_is_never_above_the_actual_best(laps: list[Lap]) -> None:
    for row in theoretical_best(session(laps, kind=Q)).rows:
        if row.theoretical_ms is not None:
            assert row.theoretical_ms <= row.actual_ms
            assert row.lost_ms is not None and row.lost_ms >= 0


@given(_laps())
def test_best_lap_gaps_are_ordered_and_non_negative(laps: list[Lap]) -> None:
    rows = best_laps(session(laps, kind=Q)).rows
    gaps = [r.gap_ms for r in rows]
    assert gaps == sorted(gaps)
    assert all(g >= 0 for g in gaps)
    assert not rows or rows[0].gap_ms == 0
