"""``ArchiveFeed`` on the Jolpica API: its JSON mapped onto the archive's conventions.

Jolpica serves Ergast's schema with a few habits of its own that the CSV archive does not
share; the mapping brings them in line so that rows from the feed and from a dump read
alike:

- a lapped finisher is ``"Lapped"`` with a time; the archive says ``"+1 Lap"`` /
  ``"+2 Laps"`` (counted from the winner's laps) and keeps times for the lead lap only;
- gaps of a minute or more are ``"+1:03.577"``; the archive writes ``"+63.577"``;
- a position is given for every line; the archive has none for the unclassified
  (``positionText`` R, D, W, N, E, F).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from adapters.jolpica.client import PoliteJsonClient
from f1core.domain.archive_feed import (
    ArchiveFeedError,
    FeedCircuit,
    FeedConstructor,
    FeedDriver,
    FeedPitStop,
    FeedQualifying,
    FeedRace,
    FeedResult,
    FeedRound,
    FeedStanding,
)

JOLPICA_URL = "https://api.jolpi.ca/ergast/f1"

T = TypeVar("T")
_GAP = re.compile(r"^\+(\d+):(\d{2}(?:\.\d+)?)$")


class JolpicaArchiveFeed:
    """Reads calendars and rounds from Jolpica through a ``PoliteJsonClient``."""

    def __init__(self, client: PoliteJsonClient) -> None:
        self._client = client

    @property
    def source(self) -> str:
        """Where the data comes from (recorded with each update)."""
        return self._client.base_url

    async def close(self) -> None:
        """Release the HTTP connections."""
        await self._client.close()

    async def schedule(self, year: int) -> tuple[FeedRace, ...]:
        """The calendar of ``year``."""
        races: dict[int, FeedRace] = {}
        for race in _races(await self._client.pages(f"/{year}.json")):
            parsed = _parse(f"{year} calendar", _race, race)
            races[parsed.round] = parsed
        return tuple(races[r] for r in sorted(races))

    async def round(self, race: FeedRace) -> FeedRound:
        """Every table of one round the feed publishes."""
        base = f"/{race.year}/{race.round}"
        where = f"{race.year} round {race.round}"
        results = _items(await self._client.pages(f"{base}/results.json"), "Results")
        sprint = _items(await self._client.pages(f"{base}/sprint.json"), "SprintResults")
        quali = _items(await self._client.pages(f"{base}/qualifying.json"), "QualifyingResults")
        stops = _items(await self._client.pages(f"{base}/pitstops.json"), "PitStops")
        drivers = _standings(
            await self._client.pages(f"{base}/driverStandings.json"), "DriverStandings"
        )
        teams = _standings(
            await self._client.pages(f"{base}/constructorStandings.json"), "ConstructorStandings"
        )
        return FeedRound(
            race=race,
            results=_parse(f"{where} results", _results, results, sprint=False),
            sprint_results=_parse(f"{where} sprint", _results, sprint, sprint=True),
            qualifying=tuple(_parse(f"{where} qualifying", _qualifying, q) for q in quali),
            pit_stops=tuple(_parse(f"{where} pit stops", _pit_stop, s) for s in stops),
            driver_standings=tuple(
                _parse(f"{where} standings", _standing, s, "Driver", "driverId") for s in drivers
            ),
            constructor_standings=tuple(
                _parse(f"{where} standings", _standing, s, "Constructor", "constructorId")
                for s in teams
            ),
        )


# --- unpacking pages ---------------------------------------------------------------------------


def _races(pages: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for page in pages:
        yield from page.get("RaceTable", {}).get("Races", [])


def _items(pages: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    # a round's rows may be split over pages, each repeating the race
    return [item for race in _races(pages) for item in race.get(key, [])]


def _standings(pages: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    return [
        item
        for page in pages
        for table in page.get("StandingsTable", {}).get("StandingsLists", [])
        for item in table.get(key, [])
    ]


def _parse(where: str, parse: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    try:
        return parse(*args, **kwargs)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ArchiveFeedError(f"the results feed sent an unreadable {where} ({exc!r})") from exc


# --- one record each -----------------------------------------------------------------------------


def _int(value: Any) -> int | None:
    return None if value in (None, "") else int(value)


def _float(value: Any) -> float | None:
    return None if value in (None, "") else float(value)


def _text(value: Any) -> str | None:
    return None if value in (None, "") else str(value)


def _circuit(item: dict[str, Any]) -> FeedCircuit:
    where = item.get("Location", {})
    return FeedCircuit(
        ref=item["circuitId"],
        name=item["circuitName"],
        location=_text(where.get("locality")),
        country=_text(where.get("country")),
        lat=_float(where.get("lat")),
        lng=_float(where.get("long")),
        url=_text(item.get("url")),
    )


def _race(item: dict[str, Any]) -> FeedRace:
    time = _text(item.get("time"))
    return FeedRace(
        year=int(item["season"]),
        round=int(item["round"]),
        name=item["raceName"],
        date=dt.date.fromisoformat(item["date"]),
        time=time.removesuffix("Z") if time else None,
        url=_text(item.get("url")),
        circuit=_circuit(item["Circuit"]),
    )


def _driver(item: dict[str, Any]) -> FeedDriver:
    dob = _text(item.get("dateOfBirth"))
    return FeedDriver(
        ref=item["driverId"],
        forename=item["givenName"],
        surname=item["familyName"],
        number=_int(item.get("permanentNumber")),
        code=_text(item.get("code")),
        dob=dt.date.fromisoformat(dob) if dob else None,
        nationality=_text(item.get("nationality")),
        url=_text(item.get("url")),
    )


def _constructor(item: dict[str, Any]) -> FeedConstructor:
    return FeedConstructor(
        ref=item["constructorId"],
        name=item["name"],
        nationality=_text(item.get("nationality")),
        url=_text(item.get("url")),
    )


def _results(items: list[dict[str, Any]], *, sprint: bool) -> tuple[FeedResult, ...]:
    winner_laps = _int(items[0].get("laps")) if items else None
    return tuple(
        _result(item, order, winner_laps, sprint=sprint)
        for order, item in enumerate(items, start=1)
    )


def _result(
    item: dict[str, Any], order: int, winner_laps: int | None, *, sprint: bool
) -> FeedResult:
    text = str(item["positionText"])
    laps = _int(item.get("laps"))
    status = str(item.get("status", ""))
    timing = item.get("Time", {})
    time, millis = _text(timing.get("time")), _int(timing.get("millis"))
    if status == "Lapped" and winner_laps is not None and laps is not None:
        down = winner_laps - laps
        if down > 0:
            status = f"+{down} Lap" if down == 1 else f"+{down} Laps"
            time = millis = None
    if time is not None and (gap := _GAP.match(time)):
        seconds = int(gap[1]) * 60 + float(gap[2])
        decimals = len(gap[2].partition(".")[2])
        time = f"+{seconds:.{decimals}f}"
    fastest = item.get("FastestLap", {})
    return FeedResult(
        driver=_driver(item["Driver"]),
        constructor=_constructor(item["Constructor"]),
        number=_int(item.get("number")),
        grid=_int(item.get("grid")),
        position=int(text) if text.isdigit() else None,
        position_text=text,
        position_order=_int(item.get("position")) or order,
        points=float(item.get("points") or 0),
        laps=laps,
        time=time,
        milliseconds=millis,
        fastest_lap=_int(fastest.get("lap")),
        rank=_int(fastest.get("rank")),
        fastest_lap_time=_text(fastest.get("Time", {}).get("time")),
        fastest_lap_speed=None if sprint else _float(fastest.get("AverageSpeed", {}).get("speed")),
        status=status,
    )


def _qualifying(item: dict[str, Any]) -> FeedQualifying:
    return FeedQualifying(
        driver=_driver(item["Driver"]),
        constructor=_constructor(item["Constructor"]),
        number=_int(item.get("number")),
        position=_int(item.get("position")),
        q1=_text(item.get("Q1")),
        q2=_text(item.get("Q2")),
        q3=_text(item.get("Q3")),
    )


def _pit_stop(item: dict[str, Any]) -> FeedPitStop:
    duration = _text(item.get("duration"))
    return FeedPitStop(
        driver_ref=item["driverId"],
        stop=int(item["stop"]),
        lap=int(item["lap"]),
        time=_text(item.get("time")),
        duration=duration,
        milliseconds=_duration_ms(duration),
    )


def _duration_ms(text: str | None) -> int | None:
    if text is None:
        return None
    seconds = 0.0
    for part in text.split(":"):
        seconds = seconds * 60 + float(part)
    return round(seconds * 1000)


def _standing(item: dict[str, Any], entity: str, ref_key: str) -> FeedStanding:
    return FeedStanding(
        ref=item[entity][ref_key],
        points=float(item.get("points") or 0),
        wins=int(item.get("wins") or 0),
        position=_int(item.get("position")),
        position_text=_text(item.get("positionText")),
    )
