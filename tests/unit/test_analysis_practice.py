"""Practice long runs and the weather analysis."""

from __future__ import annotations

import pytest
from tests.unit.laps_factory import lap, paragraph, run, session, weather_sample

from f1core.analysis.long_runs import long_runs
from f1core.analysis.weather import weather
from f1core.domain.session import Lap, SessionKind
from f1core.errors import DataUnavailableError
from f1core.kinds import long_runs as long_runs_kind
from f1core.kinds import weather as weather_kind

FP2 = SessionKind.FP2


def test_long_run_found_and_cool_down_lap_splits_runs() -> None:
    laps: list[Lap] = [
        lap("NOR", 1, 120_000, pit_out_at_ms=1),
        # Six laps at +0.1 s per lap of tyre life.
        *[lap("NOR", n, 90_000 + 100 * n, tyre_life=n) for n in range(2, 8)],
        lap("NOR", 8, 110_000),  # cool-down: over 107% of the run median
        *[lap("NOR", n, 90_000) for n in range(9, 12)],  # 3 laps: too short
        lap("NOR", 12, 100_000, pit_in_at_ms=2),
        # Second stint on a new set of mediums: five laps, flat.
        lap("NOR", 13, 125_000, stint=2, pit_out_at_ms=3, compound="MEDIUM", tyre_life=1),
        *[
            lap("NOR", n, 91_000, stint=2, compound="MEDIUM", tyre_life=n - 12)
            for n in range(14, 19)
        ],
    ]
    s = session(laps, kind=FP2)
    result = long_runs(s)
    assert [(r.compound, r.first_lap, r.last_lap, r.laps) for r in result.runs] == [
        ("SOFT", 2, 7, 6),
        ("MEDIUM", 14, 18, 5),
    ]
    soft = result.runs[0]
    assert soft.median_ms == 90_450.0
    assert soft.slope_s_per_lap == pytest.approx(0.1)
    assert result.runs[1].slope_s_per_lap == pytest.approx(0.0)
    reasons = {e.lap: e.reason for e in result.excluded}
    assert reasons == {
        1: "pit out lap",
        8: "over 107% of run median",
        9: "run shorter than 5 laps",
        10: "run shorter than 5 laps",
        11: "run shorter than 5 laps",
        12: "pit in lap",
        13: "pit out lap",
    }
    assert [(c.compound, c.runs, c.drivers, c.median_ms) for c in result.compounds] == [
        ("SOFT", 1, 1, 90_450.0),
        ("MEDIUM", 1, 1, 91_000.0),
    ]
    assert result.table().rows[0] == (
        "NOR",
        "Lando Norris",
        1,
        "SOFT",
        6,
        2,
        7,
        "1:30.450",
        "1:30.450",
        "+0.100",
    )
    assert paragraph(long_runs_kind.KIND, s) == (
        "2 long runs in the 2024 Spanish Grand Prix Practice 2 (SOFT 1, MEDIUM 1); quickest: "
        "Lando Norris (NOR) on SOFT, median 1:30.450 over 6 laps."
    )


def test_every_lap_is_either_in_a_run_or_excluded() -> None:
    laps = run("VER", [95_000, 90_000, 90_100, 89_900, 90_000, 90_200, 130_000, 90_000])
    result = long_runs(session(laps, kind=FP2))
    in_runs = sum(r.laps for r in result.runs)
    assert in_runs + len(result.excluded) == len(laps)
    assert in_runs == 6  # laps 1-6; lap 7 is slow and lap 8 alone


def test_weather_summary_and_track_temperature_effect() -> None:
    samples = [
        weather_sample(i * 100_000, 30.0 + i, air_temp=20.0 + i / 10, rainfall=i == 3)
        for i in range(12)
    ]
    # Two drivers, 6 laps each starting at the samples; lap time = driver base + 50 ms/°C.
    laps: list[Lap] = []
    for code, base in (("VER", 90_000), ("NOR", 91_000)):
        for i in range(6):
            number = i + 2
            temp = 30.0 + number
            laps.append(lap(code, number, base + round(50 * temp), start_at_ms=number * 100_000))
    s = session(laps, kind=FP2, weather=samples)
    result = weather(s)
    c = result.conditions
    assert c is not None
    assert (c.track_temp.min, c.track_temp.max, c.track_temp.mean) == (30.0, 41.0, 35.5)
    assert (c.rain, c.rain_samples, c.samples) == (True, 1, 12)
    effect = result.track_temp_effect
    assert effect.laps == 12
    assert effect.slope_ms_per_c == pytest.approx(50.0)
    assert effect.r2 == pytest.approx(1.0)
    assert result.table().rows[1] == ("Track temperature °C", "30.0", "41.0", "35.5")
    assert result.table().rows[4] == ("Rain", "", "", "yes (1 of 12 samples)")
    assert result.temperatures[0].track_temp == samples[0].track_temp
    assert len(result.temperatures) == 12
    assert paragraph(weather_kind.KIND, s) == (
        "2024 Spanish Grand Prix Practice 2: track 30.0-41.0 °C, air 20.0-21.1 °C, humidity "
        "50%, rain fell; lap time vs track temperature: +50.0 ms per °C (r² 1.00, 12 laps)."
    )


def test_weather_uses_the_last_sample_at_or_before_the_lap_start() -> None:
    samples = [weather_sample(100_000, 30.0), weather_sample(200_000, 40.0)]
    laps = [
        lap("VER", 2, 90_000, start_at_ms=50_000),  # before any sample
        lap("VER", 3, 90_000, start_at_ms=199_999),
    ]
    result = weather(session(laps, kind=FP2, weather=samples))
    assert [(e.lap, e.reason) for e in result.excluded] == [(2, "no weather sample before the lap")]
    assert result.track_temp_effect.temp_min_c == 30.0
    assert result.track_temp_effect.temp_max_c == 30.0


def test_weather_says_when_there_is_too_little_data() -> None:
    samples = [weather_sample(0, 30.0), weather_sample(500_000, 30.4)]
    few = [lap("VER", n, 90_000, start_at_ms=n * 60_000) for n in range(2, 6)]
    effect = weather(session(few, kind=FP2, weather=samples)).track_temp_effect
    assert effect.slope_ms_per_c is None
    assert effect.note == "too little data: 4 clean laps with a temperature (need 10)"
    many = [lap("VER", n, 90_000, start_at_ms=n * 60_000) for n in range(2, 14)]
    effect = weather(session(many, kind=FP2, weather=samples)).track_temp_effect
    assert effect.note == "too little data: track temperature varied by only 0.4 °C (need 1 °C)"


def test_no_weather_recorded() -> None:
    s = session([lap("VER", 2)], kind=FP2)
    result = weather(s)
    assert result.conditions is None
    assert result.excluded == ()
    asked = weather_kind.KIND.query(year=2024, event="Spanish Grand Prix", session=FP2)
    assert weather_kind.KIND.chart(result, asked) is None
    with pytest.raises(DataUnavailableError, match="no weather data was recorded for the 2024"):
        paragraph(weather_kind.KIND, s)
    assert result.table().rows == (("Lap time vs track temperature", "", "", "no weather data"),)
