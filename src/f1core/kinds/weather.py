"""Weather: conditions over the session and lap time against track temperature."""

from __future__ import annotations

from f1core.analysis.weather import Weather, effect_text, weather
from f1core.answers import charts
from f1core.domain.session import Session
from f1core.errors import DataUnavailableError
from f1core.kinds.base import ALL_SESSIONS, SessionQuery, SessionQuestion, Spec
from f1core.kinds.cues import Cue


class WeatherQuery(SessionQuery, frozen=True, kw_only=True, tag="weather"):
    """Weather summary and track temperature against lap time."""


def _compute(session: Session, query: WeatherQuery) -> Weather:
    result = weather(session)
    if result.conditions is None:
        # Missing data is an error the user can see as one (exit 2, a 503 problem), not an
        # answer that says there is nothing to say.
        raise DataUnavailableError(f"no weather data was recorded for the {session.title}")
    return result


def paragraph(result: Weather, query: WeatherQuery) -> str:
    """Conditions in one sentence, then the lap-time relation."""
    c = result.conditions
    if c is None:
        return f"No weather data was recorded for the {result.session}."
    rain = "rain fell" if c.rain else "no rain"
    return (
        f"{result.session}: track {c.track_temp.min:.1f}-{c.track_temp.max:.1f} °C, air "
        f"{c.air_temp.min:.1f}-{c.air_temp.max:.1f} °C, humidity {c.humidity.mean:.0f}%, "
        f"{rain}; lap time vs track temperature: {effect_text(result.track_temp_effect)}."
    )


def chart(result: Weather, query: WeatherQuery) -> Spec | None:
    """Air and track temperature through the session."""
    if not result.temperatures:
        return None
    values = [
        {"minute": round(w.at_ms / 60_000, 2), "measure": measure, "celsius": temp}
        for w in result.temperatures
        for measure, temp in (("air", w.air_temp), ("track", w.track_temp))
    ]
    return charts.lines(
        f"Air and track temperature, {result.session}",
        values,
        x="minute",
        y="celsius",
        group="measure",
        x_title="Minutes into the session",
        y_title="Temperature (°C)",
        zero=False,
    )


KIND = SessionQuestion(
    query=WeatherQuery,
    title="Weather",
    description=("Temperatures, humidity, wind and rain, and lap time against track temperature."),
    compute=_compute,
    paragraph=paragraph,
    chart=chart,
    takes_drivers=False,
    session_kinds=ALL_SESSIONS,
    needs="any session",
    cues=(Cue("weather"),),
    uses_weather=True,
)
