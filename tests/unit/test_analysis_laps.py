"""The shared lap rules (validity, clean laps) and the small statistics helpers."""

from __future__ import annotations

import pytest
from tests.unit.laps_factory import lap, session

from f1core.analysis.laps import (
    invalid_reason,
    select_drivers,
    split_clean,
    structural_reason,
)
from f1core.analysis.stats import linear_fit, spread
from f1core.errors import UnknownDriverError


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({}, None),
        ({"time_ms": None}, "no lap time"),
        (
            {"deleted": True, "deleted_reason": "track limits at turn 4"},
            "deleted: track limits at turn 4",
        ),
        ({"deleted": True}, "deleted"),
        # IsAccurate=False flags FastF1's timing sync, not the lap time: still valid.
        ({"accurate": False}, None),
        # A missing time says more than the flags that follow from it.
        ({"time_ms": None, "accurate": False}, "no lap time"),
    ],
)
def test_invalid_reason(fields: dict[str, object], reason: str | None) -> None:
    assert invalid_reason(lap(**fields)) == reason  # type: ignore[arg-type]


def test_a_lap_faster_than_its_floor_is_implausible() -> None:
    assert invalid_reason(lap(time_ms=73_670), floor_ms=88_200) == "implausible lap time"
    assert invalid_reason(lap(time_ms=88_200), floor_ms=88_200) is None


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"number": 1}, "lap 1"),
        ({"pit_in_at_ms": 5_000}, "pit in lap"),
        ({"pit_out_at_ms": 5_000}, "pit out lap"),
        ({"track_status": "4"}, "safety car"),
        ({"track_status": "124"}, "safety car"),
        ({"track_status": "6"}, "virtual safety car"),
        ({"track_status": "7"}, "virtual safety car"),
        ({"track_status": "15"}, "red flag"),
        ({"track_status": "12"}, None),
        # FastF1 marks pit laps inaccurate too; the pit reason is the one worth showing.
        ({"pit_in_at_ms": 5_000, "accurate": False}, "pit in lap"),
        # IsAccurate=False flags FastF1's timing sync, not the lap: the lap still counts.
        ({"accurate": False}, None),
    ],
)
def test_structural_reason(fields: dict[str, object], reason: str | None) -> None:
    assert structural_reason(lap(**fields)) == reason  # type: ignore[arg-type]


def test_a_lap_faster_than_the_plausibility_floor_is_not_clean() -> None:
    assert structural_reason(lap(time_ms=70_000), floor_ms=80_000) == "implausible lap time"
    assert structural_reason(lap(time_ms=80_000, accurate=False), floor_ms=80_000) is None


def test_lap_one_counts_in_practice() -> None:
    assert structural_reason(lap(number=1), race_start=False) is None


def test_split_clean_applies_107_percent_of_best_valid_lap() -> None:
    laps = [
        lap(number=2, time_ms=100_000),
        lap(number=3, time_ms=107_000),  # exactly 107%: kept
        lap(number=4, time_ms=107_001),
        # Faster than can be real, so it neither counts nor sets the reference.
        lap(number=5, time_ms=60_000),
        # Flagged inaccurate by FastF1's timing sync, but a real lap: clean.
        lap(number=6, time_ms=101_000, accurate=False),
    ]
    clean, excluded = split_clean(laps, floor_ms=98_000)
    assert [x.number for x in clean] == [2, 3, 6]
    assert [(e.lap, e.reason) for e in excluded] == [
        (4, "over 107% of best"),
        (5, "implausible lap time"),
    ]


def test_select_drivers_checks_codes_and_forgives_case() -> None:
    s = session([lap("VER"), lap("NOR")])
    assert select_drivers(s, None) == ("VER", "NOR")
    assert select_drivers(s, ["nor", "VER", "NOR"]) == ("NOR", "VER")
    with pytest.raises(UnknownDriverError, match="ALO did not take part in the 2024 Spanish"):
        select_drivers(s, ["ALO"])


def test_linear_fit_is_exact_on_a_line() -> None:
    fit = linear_fit([1.0, 2.0, 3.0, 4.0], [10.0, 12.5, 15.0, 17.5])
    assert fit is not None
    assert fit.slope == pytest.approx(2.5)
    assert fit.intercept == pytest.approx(7.5)
    assert fit.r2 == pytest.approx(1.0)
    assert fit.n == 4


def test_linear_fit_r2_of_noisy_points() -> None:
    fit = linear_fit([0.0, 1.0, 2.0], [0.0, 2.0, 2.0])
    assert fit is not None
    assert fit.slope == pytest.approx(1.0)
    assert fit.intercept == pytest.approx(1 / 3)
    # ss_res = (1/3)^2 + (2/3)^2 + (1/3)^2 = 2/3; ss_tot = 8/3 -> r² = 0.75
    assert fit.r2 == pytest.approx(0.75)


def test_linear_fit_needs_two_distinct_xs() -> None:
    assert linear_fit([1.0], [5.0]) is None
    assert linear_fit([3.0, 3.0], [5.0, 6.0]) is None


def test_spread_values() -> None:
    st = spread([100.0, 102.0, 104.0, 110.0])
    assert st.median_ms == 103.0
    assert st.mean_ms == 104.0
    assert st.stdev_ms == pytest.approx(4.3204937989)
    assert st.iqr_ms == pytest.approx(4.0)  # inclusive quartiles 101.5 and 105.5
    single = spread([90.0])
    assert (single.stdev_ms, single.iqr_ms) == (None, None)
