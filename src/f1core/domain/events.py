"""Event names as people say them: "Monza", "Spanish GP", "COTA", "Baku 2018".

``resolve_event`` maps free text onto one event of a season's calendar. It never guesses:
one match is returned, several raise ``AmbiguousReferenceError`` listing them, none raises
``SessionNotFoundError`` with the closest names as suggestions (never as an answer).

Matching runs in tiers and stops at the first tier that matches anything, so that a more
specific reading wins over a looser one ("Sakhir" in 2020 is the Sakhir Grand Prix by name
before it is the Bahrain Grand Prix by location; "Italy" in 2020 stays ambiguous because it
is only ever a country):

1. the event's name ("Spanish Grand Prix", "Spanish GP", "Spanish") or official name;
2. its location, or a circuit/city alias from ``EVENT_ALIASES`` ("Monza", "COTA");
3. its country ("Mexico", "Italy", "UK": spellings fold by ``country_key``);
4. whole words inside its name, official name or location ("Saudi", "Romagna").

A bare country that held several events that season is ambiguous before any tier: "Bahrain"
in 2020 asks "Bahrain or Sakhir Grand Prix?" although one of them carries the name, while
"Bahrain Grand Prix" names one.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Iterable, Sequence

from f1core.domain.countries import country_key
from f1core.domain.session import EventInfo
from f1core.errors import AmbiguousReferenceError, SessionNotFoundError
from f1core.text import words

# Circuit, city and nickname -> the FastF1 locations or event names it stands for. Keys and
# values are compared after ``normalize_event_text``. Several targets cover places whose
# FastF1 location changed over the years (Miami / Miami Gardens, Yas Island / Yas Marina).
EVENT_ALIASES: dict[str, tuple[str, ...]] = {
    # Europe
    "monza": ("Monza",),
    "autodromo nazionale monza": ("Monza",),
    "imola": ("Imola",),
    "enzo e dino ferrari": ("Imola",),
    "mugello": ("Mugello",),
    "silverstone": ("Silverstone",),
    "spa": ("Spa-Francorchamps",),
    "spa francorchamps": ("Spa-Francorchamps",),
    "zandvoort": ("Zandvoort",),
    "hungaroring": ("Budapest",),
    "budapest": ("Budapest",),
    "red bull ring": ("Spielberg",),
    "spielberg": ("Spielberg",),
    "osterreichring": ("Spielberg",),
    "catalunya": ("Barcelona",),
    "circuit de catalunya": ("Barcelona",),
    "barcelona catalunya": ("Barcelona",),
    "montmelo": ("Barcelona",),
    "barcelona": ("Barcelona",),
    "madring": ("Madrid",),
    "madrid": ("Madrid",),
    "monaco": ("Monaco", "Monte Carlo"),
    "monte carlo": ("Monaco", "Monte Carlo"),
    "baku": ("Baku",),
    "paul ricard": ("Le Castellet",),
    "le castellet": ("Le Castellet",),
    "hockenheim": ("Hockenheim",),
    "hockenheimring": ("Hockenheim",),
    "nurburgring": ("Nürburgring",),
    "portimao": ("Portimão",),
    "algarve": ("Portimão",),
    "istanbul": ("Istanbul",),
    "istanbul park": ("Istanbul",),
    "sochi": ("Sochi",),
    # Middle East
    "sakhir": ("Sakhir",),
    "bahrain international circuit": ("Sakhir",),
    "jeddah": ("Jeddah",),
    "jeddah corniche": ("Jeddah",),
    "losail": ("Lusail",),
    "lusail": ("Lusail",),
    "yas marina": ("Yas Marina", "Yas Island"),
    "yas island": ("Yas Marina", "Yas Island"),
    "abu dhabi": ("Abu Dhabi Grand Prix",),
    # Asia and Oceania
    "suzuka": ("Suzuka",),
    "shanghai": ("Shanghai",),
    "marina bay": ("Marina Bay", "Singapore"),
    "singapore": ("Marina Bay", "Singapore"),
    "albert park": ("Melbourne",),
    "melbourne": ("Melbourne",),
    # Americas
    "montreal": ("Montréal",),
    "circuit gilles villeneuve": ("Montréal",),
    "gilles villeneuve": ("Montréal",),
    "cota": ("Austin",),
    "circuit of the americas": ("Austin",),
    "austin": ("Austin",),
    "miami": ("Miami", "Miami Gardens"),
    "miami gardens": ("Miami", "Miami Gardens"),
    "las vegas": ("Las Vegas",),
    "vegas": ("Las Vegas",),
    "mexico city": ("Mexico City",),
    "hermanos rodriguez": ("Mexico City",),
    "autodromo hermanos rodriguez": ("Mexico City",),
    "interlagos": ("São Paulo",),
    "sao paulo": ("São Paulo",),
    "brazil": ("São Paulo",),
    "brazilian": ("São Paulo",),
}

# Words that say nothing about which event is meant: matching on them alone (tier 4) would
# put every event of the season in the candidate list.
_GENERIC_WORDS = frozenset({"grand", "prix", "grand prix", "formula", "formula 1", "f1", "gp"})


# Pure and called for every event of a calendar on every question (dozens of times per
# request): the names of a few seasons' calendars fit, and a hit skips the Unicode work.
@functools.lru_cache(maxsize=8192)
def normalize_event_text(text: str) -> str:
    """Fold case and accents, turn "GP" into "grand prix" and squeeze punctuation to spaces.

    ``"São Paulo GP"`` and ``"sao paulo grand prix"`` normalise to the same string.
    """
    return " ".join("grand prix" if w == "gp" else w for w in words(text).split())


def _stem(name: str) -> str:
    """An event name without its trailing "grand prix" ("spanish grand prix" -> "spanish")."""
    return name.removesuffix(" grand prix").strip()


_NORMALIZED_ALIASES: dict[str, frozenset[str]] = {
    normalize_event_text(alias): frozenset(normalize_event_text(t) for t in targets)
    for alias, targets in EVENT_ALIASES.items()
}


def _contains_words(haystack: str, needle: str) -> bool:
    return f" {needle} " in f" {haystack} "


# Each event's vocabulary is built once (per calendar entry), not on every question.
@functools.lru_cache(maxsize=4096)
def _tiers(
    event: EventInfo,
) -> tuple[frozenset[str], frozenset[str], frozenset[str], tuple[str, ...]]:
    name = normalize_event_text(event.name)
    official = normalize_event_text(event.official_name)
    location = normalize_event_text(event.location)
    country = country_key(event.country)
    by_name = {name, _stem(name)}
    if official:
        by_name.add(official)
    by_place = {location}
    for alias, targets in _NORMALIZED_ALIASES.items():
        if location in targets or name in targets:
            by_place.add(alias)
    return frozenset(by_name), frozenset(by_place), frozenset({country}), (name, official, location)


def resolve_event(text: str, events: Sequence[EventInfo]) -> EventInfo:
    """Find the one event of a calendar that ``text`` names.

    ``text`` may be an event name ("Italian Grand Prix", "Italian GP", "italian"), an
    official name, a location, a circuit alias ("Monza", "COTA", "Interlagos") or a
    country. Raises ``AmbiguousReferenceError`` listing the candidates when several events
    match equally well, and ``SessionNotFoundError`` suggesting the closest names when none
    does.
    """
    key = normalize_event_text(text)
    if not events:
        raise SessionNotFoundError(f"no calendar to look {text!r} up in")
    year = events[0].year
    if not key or key in _GENERIC_WORDS:
        raise SessionNotFoundError(
            f"{text!r} does not name an event; give a Grand Prix, circuit or city"
        )

    indexed = [(event, _tiers(event)) for event in events]
    country = country_key(key)
    in_country = [e for e, (_, _, by_country, _) in indexed if country in by_country]
    if len(in_country) > 1 and "grand prix" not in key:
        tiers: list[list[EventInfo]] = [in_country]
    else:
        tiers = [
            [e for e, (by_name, _, _, _) in indexed if key in by_name],
            [e for e, (_, by_place, _, _) in indexed if key in by_place],
            in_country,
            [e for e, (*_, texts) in indexed if any(_contains_words(t, key) for t in texts if t)],
        ]
    for matches in tiers:
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise AmbiguousReferenceError(
                f"event in {year}",
                text,
                tuple(f"{e.name} ({e.location})" for e in matches),
            )
    raise SessionNotFoundError(_not_found_message(text, key, year, events))


def _not_found_message(text: str, key: str, year: int, events: Sequence[EventInfo]) -> str:
    """Name the closest events, drawn from every way an event can be called."""
    # Each spoken form points back at its event so the suggestion names a real event.
    spoken: dict[str, EventInfo] = {}
    for event in events:
        by_name, by_place, by_country, _ = _tiers(event)
        for form in _iter_forms(by_name, by_place, by_country):
            spoken.setdefault(form, event)
    close = difflib.get_close_matches(key, list(spoken), n=5, cutoff=0.6)
    suggestions: list[str] = []
    for form in close:
        label = f"{spoken[form].name} ({spoken[form].location})"
        if label not in suggestions:
            suggestions.append(label)
    message = f"no event called {text!r} in the {year} calendar"
    if suggestions:
        return f"{message}; did you mean {' or '.join(suggestions[:3])}?"
    return f"{message}; list the season's events to see what it held"


def _iter_forms(*groups: Iterable[str]) -> Iterable[str]:
    for group in groups:
        yield from group
