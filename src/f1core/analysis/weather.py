"""Weather over a session and how track temperature related to clean lap times."""

from __future__ import annotations

import bisect
import statistics
from collections.abc import Sequence

import msgspec

from f1core.analysis.laps import (
    laps_by_driver,
    plausibility_floors,
    select_drivers,
    sort_excluded,
    split_clean,
)
from f1core.analysis.stats import linear_fit
from f1core.domain.session import Lap, Session, WeatherSample
from f1core.domain.table import ExcludedLap, Table

MIN_RELATION_LAPS = 10
MIN_TEMP_RANGE_C = 1.0


class Range(msgspec.Struct, frozen=True, gc=False):
    """Minimum, maximum and mean of one weather measure."""

    min: float
    max: float
    mean: float


class WeatherSummary(msgspec.Struct, frozen=True, gc=False):
    """The weather over the session (temperatures °C, humidity %, wind m/s)."""

    samples: int
    air_temp: Range
    track_temp: Range
    humidity: Range
    wind_speed: Range
    rain: bool
    rain_samples: int


class TrackTempEffect(msgspec.Struct, frozen=True, gc=False):
    """Least-squares slope of clean lap time against track temperature at the lap's start.

    Lap times enter as differences from their driver's median so that who was driving
    does not pass for a temperature effect. ``slope_ms_per_c`` and ``r2`` are None when
    there was too little data; ``note`` then says why.
    """

    laps: int
    temp_min_c: float | None
    temp_max_c: float | None
    slope_ms_per_c: float | None
    r2: float | None
    note: str


class TemperaturePoint(msgspec.Struct, frozen=True, gc=False):
    """Air and track temperature (°C) at one weather sample, ``at_ms`` into the session."""

    at_ms: int
    air_temp: float
    track_temp: float


class Weather(msgspec.Struct, frozen=True, gc=False):
    """Weather summary (None without weather data) and the track-temperature effect."""

    session: str
    conditions: WeatherSummary | None
    track_temp_effect: TrackTempEffect
    excluded: tuple[ExcludedLap, ...]
    temperatures: tuple[TemperaturePoint, ...] = ()
    """Every sample's temperatures in time order, for the chart."""

    def table(self) -> Table:
        """One row per measure (min, max, mean), then rain and the lap-time relation."""
        columns = ("Measure", "Min", "Max", "Mean")
        rows: list[tuple[str, str, str, str]] = []
        c = self.conditions
        if c is not None:
            for label, r in (
                ("Air temperature °C", c.air_temp),
                ("Track temperature °C", c.track_temp),
                ("Humidity %", c.humidity),
                ("Wind speed m/s", c.wind_speed),
            ):
                rows.append((label, f"{r.min:.1f}", f"{r.max:.1f}", f"{r.mean:.1f}"))
            rain = f"yes ({c.rain_samples} of {c.samples} samples)" if c.rain else "no"
            rows.append(("Rain", "", "", rain))
        rows.append(("Lap time vs track temperature", "", "", effect_text(self.track_temp_effect)))
        return Table(columns=columns, rows=tuple(rows))


def effect_text(effect: TrackTempEffect) -> str:
    """The lap-time relation in words, or why there is none."""
    if effect.slope_ms_per_c is None or effect.r2 is None:
        return effect.note
    return f"{effect.slope_ms_per_c:+.1f} ms per °C (r² {effect.r2:.2f}, {effect.laps} laps)"


def weather(session: Session) -> Weather:
    """Weather summary and the slope of clean lap time (ms) per °C of track temperature.

    Each clean lap gets the track temperature of the last weather sample at or before its
    start. The fit needs at least 10 such laps and a 1 °C spread of temperature.
    """
    samples = sorted(session.weather, key=lambda s: s.at_ms)
    conditions = _conditions(samples) if samples else None
    sample_times = [s.at_ms for s in samples]
    excluded: list[ExcludedLap] = []
    temps: list[float] = []
    residuals: list[float] = []
    # Without weather samples there is no relation to fit: listing every lap would be noise.
    codes = select_drivers(session, None) if samples else ()
    floors = plausibility_floors(session)
    for code, laps in laps_by_driver(session, codes).items():
        clean, left_out = split_clean(laps, floors.get(code))
        excluded.extend(left_out)
        paired: list[tuple[Lap, float]] = []
        for lap in clean:
            temp, reason = _temp_at(lap, samples, sample_times)
            if temp is None:
                excluded.append(ExcludedLap(code, lap.number, reason))
            else:
                paired.append((lap, temp))
        if not paired:
            continue
        median = statistics.median(lap.time_ms or 0 for lap, _ in paired)
        for lap, temp in paired:
            temps.append(temp)
            residuals.append((lap.time_ms or 0) - float(median))
    return Weather(
        session=session.title,
        conditions=conditions,
        track_temp_effect=_effect(temps, residuals, has_weather=bool(samples)),
        excluded=sort_excluded(excluded),
        temperatures=tuple(TemperaturePoint(w.at_ms, w.air_temp, w.track_temp) for w in samples),
    )


def _temp_at(
    lap: Lap, samples: Sequence[WeatherSample], times: Sequence[int]
) -> tuple[float | None, str]:
    if lap.start_at_ms is None:
        return None, "no lap start time"
    i = bisect.bisect_right(times, lap.start_at_ms) - 1
    if i < 0:
        return None, "no weather sample before the lap"
    return samples[i].track_temp, ""


def _effect(temps: list[float], residuals: list[float], *, has_weather: bool) -> TrackTempEffect:
    n = len(temps)
    low = min(temps) if temps else None
    high = max(temps) if temps else None
    note = ""
    if not has_weather:
        note = "no weather data"
    elif n < MIN_RELATION_LAPS:
        note = f"too little data: {n} clean laps with a temperature (need {MIN_RELATION_LAPS})"
    elif low is not None and high is not None and high - low < MIN_TEMP_RANGE_C:
        note = (
            f"too little data: track temperature varied by only {high - low:.1f} °C "
            f"(need {MIN_TEMP_RANGE_C:g} °C)"
        )
    fit = None if note else linear_fit(temps, residuals)
    if fit is None and not note:
        note = "track temperature did not vary"
    return TrackTempEffect(
        laps=n,
        temp_min_c=low,
        temp_max_c=high,
        slope_ms_per_c=None if fit is None else fit.slope,
        r2=None if fit is None else fit.r2,
        note=note,
    )


def _conditions(samples: Sequence[WeatherSample]) -> WeatherSummary:
    def rng(values: list[float]) -> Range:
        return Range(min=min(values), max=max(values), mean=statistics.fmean(values))

    rainy = sum(1 for s in samples if s.rainfall)
    return WeatherSummary(
        samples=len(samples),
        air_temp=rng([s.air_temp for s in samples]),
        track_temp=rng([s.track_temp for s in samples]),
        humidity=rng([s.humidity for s in samples]),
        wind_speed=rng([s.wind_speed for s in samples]),
        rain=rainy > 0,
        rain_samples=rainy,
    )
