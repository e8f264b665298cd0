"""Team colours per season, and each driver's style: the team's colour, a dash and a marker.

Fans read a chart by its colours: Ferrari red, Mercedes teal, McLaren papaya. A session's
own data carries each team's colour (FastF1's ``TeamColor``); the archive has none, so
``SEASON_TEAM_COLOURS`` keeps one colour per team and season for archive charts (and for a
session whose data lacks one). The values are the official colours that the live-timing
data carries in the recorded sessions (the same as FastF1's plotting constants, MIT);
where the official colour is white, which disappears on a light page, FastF1's own
substitute is used instead (Williams 2018-19 blue, AlphaTauri 2020 navy, Haas 2021 grey).

Teammates share a colour, so, as FastF1's ``get_driver_style`` does, the second driver of
a team is told apart by line style and marker shape (``DASHES``, ``SHAPES``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import msgspec

from f1core.domain.session import Driver, Session

_2024_ON = {
    "alpine": "#0093cc",
    "aston martin": "#229971",
    "ferrari": "#e80020",
    "haas": "#b6babd",
    "mclaren": "#ff8000",
    "mercedes": "#27f4d2",
    "rb": "#6692ff",
    "red bull": "#3671c6",
    "sauber": "#52e252",
    "williams": "#64c4ff",
}

SEASON_TEAM_COLOURS: Mapping[int, Mapping[str, str]] = {
    2018: {
        "ferrari": "#dc0000",
        "force india": "#f596c8",
        "haas": "#828282",
        "mclaren": "#ff8700",
        "mercedes": "#00d2be",
        "racing point": "#f596c8",  # Force India renamed mid-season, same car
        "red bull": "#1e41ff",
        "renault": "#fff500",
        "sauber": "#9b0000",
        "toro rosso": "#469bff",
        "williams": "#00a0dd",
    },
    2019: {
        "alfa romeo": "#9b0000",
        "ferrari": "#dc0000",
        "haas": "#bd9e57",
        "mclaren": "#ff8700",
        "mercedes": "#00d2be",
        "racing point": "#f596c8",
        "red bull": "#1e41ff",
        "renault": "#fff500",
        "toro rosso": "#469bff",
        "williams": "#00a0dd",
    },
    2020: {
        "alfa romeo": "#9b0000",
        "alphatauri": "#2b4562",
        "ferrari": "#dc0000",
        "haas": "#787878",
        "mclaren": "#ff8700",
        "mercedes": "#00d2be",
        "racing point": "#f596c8",
        "red bull": "#1e41ff",
        "renault": "#fff500",
        "williams": "#0082fa",
    },
    2021: {
        "alfa romeo": "#900000",
        "alphatauri": "#2b4562",
        "alpine": "#0090ff",
        "aston martin": "#006f62",
        "ferrari": "#dc0004",
        "haas": "#b6babd",
        "mclaren": "#ff9800",
        "mercedes": "#00d2be",
        "red bull": "#0600ef",
        "williams": "#005aff",
    },
    2022: {
        "alfa romeo": "#b12039",
        "alphatauri": "#4e7c9b",
        "alpine": "#2293d1",
        "aston martin": "#2d826d",
        "ferrari": "#ed1c24",
        "haas": "#b6babd",
        "mclaren": "#f58020",
        "mercedes": "#6cd3bf",
        "red bull": "#1e5bc6",
        "williams": "#37bedd",
    },
    2023: {
        "alfa romeo": "#c92d4b",
        "alphatauri": "#5e8faa",
        "alpine": "#2293d1",
        "aston martin": "#358c75",
        "ferrari": "#f91536",
        "haas": "#b6babd",
        "mclaren": "#f58020",
        "mercedes": "#6cd3bf",
        "red bull": "#3671c6",
        "williams": "#37bedd",
    },
    2024: _2024_ON,
    2025: _2024_ON,
}

# The names the live timing and the Ergast archive give teams, mapped to one key.
_ALIASES = {
    "red bull racing": "red bull",
    "haas f1 team": "haas",
    "alpine f1 team": "alpine",
    "rb f1 team": "rb",
    "visa cash app rb": "rb",
    "racing bulls": "rb",
    "kick sauber": "sauber",
    "stake f1 team kick sauber": "sauber",
    "alfa romeo racing": "alfa romeo",
    "alfa romeo f1 team orlen": "alfa romeo",
    "alpha tauri": "alphatauri",
    "scuderia toro rosso": "toro rosso",
    "scuderia alphatauri": "alphatauri",
    "racing point force india": "racing point",
    "sahara force india": "force india",
}

DASHES: tuple[tuple[int, ...], ...] = ((1, 0), (6, 3), (6, 3, 1, 3), (2, 2))
"""Line styles by place in the team: solid, dashed, dash-dot, dotted (FastF1's order)."""

SHAPES: tuple[str, ...] = ("circle", "square", "triangle-up", "diamond")
"""Marker shapes by place in the team, for points where a line style cannot show."""

# Distinct colours for drivers whose team is unknown (a session recorded without its
# entry list): better twenty tellable lines than twenty grey ones.
CATEGORY10 = (
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
    "#17becf",
)
"""The classic ten-colour palette (d3/Vega category10)."""

_NO_TEAM = (
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#bab0ac",
    *CATEGORY10,
)

_HEX = re.compile(r"^#?([0-9a-fA-F]{6})$")


def team_key(team: str) -> str:
    """One key for the names a team goes by ("Red Bull Racing", "Red Bull" -> "red bull")."""
    key = " ".join(re.sub(r"[^a-z0-9]+", " ", team.lower()).split())
    return _ALIASES.get(key, key)


def team_colour(team: str, season: int) -> str | None:
    """The team's colour in ``season`` as ``#rrggbb``, or None when the table lacks it."""
    return SEASON_TEAM_COLOURS.get(season, {}).get(team_key(team))


def hex_colour(text: str) -> str | None:
    """A colour as ``#rrggbb`` (lower case) from ``DC0000`` or ``#dc0000``; None if invalid."""
    match = _HEX.match(text.strip())
    return f"#{match.group(1).lower()}" if match else None


def readable(colour: str) -> bool:
    """False for white and near-white colours, which vanish on a light page."""
    channels = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return min(channels) < 0xD8


def _luminance(colour: str) -> float:
    """WCAG relative luminance of ``#rrggbb`` (0 black, 1 white)."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(int(colour[i : i + 2], 16)) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ink(colour: str) -> str:
    """The colour for text in ``colour`` on a light page: itself, or a darker shade of it
    when it is too light to read as letters (Renault's yellow #fff500 -> #999300)."""
    if _luminance(colour) <= 0.45:
        return colour
    channels = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(c * 0.6):02x}" for c in channels)


class DriverLivery(msgspec.Struct, frozen=True, gc=False, array_like=True):
    """How a driver is drawn: the team's colour and their place among teammates (0, 1...)."""

    driver: str
    team: str
    colour: str
    teammate: int

    @property
    def dash(self) -> tuple[int, ...]:
        """The line style: solid for the first driver of a team, dashed for the second."""
        return DASHES[self.teammate % len(DASHES)]

    @property
    def shape(self) -> str:
        """The marker shape: a circle for the first driver of a team, a square for the second."""
        return SHAPES[self.teammate % len(SHAPES)]


def liveries(drivers: Iterable[Driver], season: int) -> tuple[DriverLivery, ...]:
    """Each driver's livery, in the order given.

    The colour is the one the data gives the team, unless it is missing or unreadable
    (white), then the season's table; a driver without a known team gets a colour of
    their own. Teammates are ordered by car number, so the same driver keeps the same
    style through a weekend.
    """
    entries = list(drivers)
    by_team: dict[str, list[Driver]] = {}
    for d in entries:
        if d.team:
            by_team.setdefault(team_key(d.team), []).append(d)
    place: dict[str, int] = {}
    colours: dict[str, str] = {}
    for key, members in by_team.items():
        members.sort(key=lambda d: (_number(d.number), d.code))
        place.update((d.code, i) for i, d in enumerate(members))
        # One colour per team, even when the data gives it for only one of the drivers.
        given = (hex_colour(d.team_color) for d in members)
        colour = next((c for c in given if c is not None and readable(c)), None)
        colour = colour or team_colour(key, season)
        if colour is not None:
            colours[key] = colour
    out: list[DriverLivery] = []
    spare = iter(_NO_TEAM * (len(entries) // len(_NO_TEAM) + 1))
    for d in entries:
        colour = colours.get(team_key(d.team)) if d.team else None
        out.append(DriverLivery(d.code, d.team, colour or next(spare), place.get(d.code, 0)))
    return tuple(out)


def team_liveries(teams: Iterable[str], season: int | None) -> tuple[DriverLivery, ...]:
    """A livery per team name (the archive's rows), from the season table.

    With no season (an all-time ranking) a team takes its colour from the latest season
    the table has it for: Ferrari red, McLaren papaya. Teams the table does not know
    (Lotus, Brabham) are left out, so the chart draws them in a neutral colour.
    """
    seasons = [season] if season is not None else sorted(SEASON_TEAM_COLOURS, reverse=True)
    out: list[DriverLivery] = []
    for team in dict.fromkeys(teams):
        colour = next((c for y in seasons if (c := team_colour(team, y)) is not None), None)
        if colour is not None:
            out.append(DriverLivery(team, team, colour, 0))
    return tuple(out)


def session_liveries(session: Session) -> tuple[DriverLivery, ...]:
    """The livery of every driver entered in ``session``."""
    return liveries(session.drivers, session.ref.year)


def _number(text: str) -> int:
    return int(text) if text.isdigit() else 1_000
