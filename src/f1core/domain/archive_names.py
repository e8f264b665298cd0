"""Name resolution for the archive: which driver, team, race or circuit a person means.

Every ``HistoricalArchive`` implementation builds one ``ReferenceIndex`` from its
reference tables, so a name means the same thing in the fake, on SQLite and on
PostgreSQL. Matching is accent- and case-blind and goes in tiers (an exact race name
beats a circuit, which beats a country), so "Silverstone" in 2020 honestly asks "British
or 70th Anniversary?" while "British" does not.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TypeVar

from f1core.domain.archive import ArchiveCircuit, ArchiveDriver, ArchiveRace, ArchiveTeam
from f1core.domain.countries import country_key
from f1core.errors import AmbiguousReferenceError, SessionNotFoundError
from f1core.text import words as normalize

T = TypeVar("T")

# A name shared with someone who raced far less resolves to the regular: "hamilton" is
# Lewis (Duncan Hamilton started 5 races), "senna" Ayrton (3.5x Bruno's starts). Real
# rivals ("schumacher", "hill", "villeneuve", "verstappen") still ask which.
_DOMINANCE = 3

# Words people drop or add around event names.
_EVENT_NOISE = re.compile(r"\b(grand prix|gp|formula 1|formula one|f1|the|of)\b")

# Races named after another nation or a region than the country that held them (San Marino at
# Imola, European at the Nürburgring, Pacific at Aida, Swiss at Dijon): "Italy 2005" is the
# Italian Grand Prix, not Imola's.
_NAMED_ELSEWHERE = frozenset({"san marino", "european", "pacific", "luxembourg", "swiss"})

# What people call events and circuits, mapped to a race-name stem (tried at the race-name
# tier) or a circuitRef (tried at the circuit tier). Short on purpose: places, circuit
# names and countries already match by themselves.
EVENT_ALIASES: Mapping[str, str] = {
    "britain": "british",
    "great britain": "british",
    "uk": "british",
    "england": "british",
    "germany": "german",
    "france": "french",
    "spain": "spanish",
    "japan": "japanese",
    "brazil": "brazilian",
    "usa": "united states",
    "us": "united states",
    "america": "united states",
    "hungary": "hungarian",
    "belgium": "belgian",
    "netherlands": "dutch",
    "holland": "dutch",
    "canada": "canadian",
    "australia": "australian",
    "china": "chinese",
    "mexico": "mexican",
    "portugal": "portuguese",
    "russia": "russian",
    "turkey": "turkish",
    "saudi": "saudi arabian",
    "saudi arabia": "saudi arabian",
    "vegas": "las vegas",
    "imola": "emilia romagna",
    "sao paulo": "sao paulo",
    "interlagos": "sao paulo",
    "argentina": "argentine",
    "south africa": "south african",
    "sweden": "swedish",
    "switzerland": "swiss",
    "morocco": "moroccan",
    "malaysia": "malaysian",
    "korea": "korean",
    "india": "indian",
    "indy 500": "indianapolis 500",
}
CIRCUIT_ALIASES: Mapping[str, str] = {
    "cota": "americas",
    "circuit of americas": "americas",
    "montreal": "villeneuve",
    "barcelona": "catalunya",
    "yas": "yas_marina",
    "yas island": "yas_marina",
    "spielberg": "red_bull_ring",
    "a1 ring": "red_bull_ring",
    "osterreichring": "red_bull_ring",
    "sakhir": "bahrain",
    "mexico city": "rodriguez",
    "paul ricard": "ricard",
    "magny cours": "magny_cours",
    "singapore": "marina_bay",
    "melbourne": "albert_park",
    "abu dhabi": "yas_marina",
}
_TEAM_ALIASES: Mapping[str, str] = {
    "redbull": "red_bull",
    "red bull racing": "red_bull",
    "rbr": "red_bull",
    "merc": "mercedes",
    "mercedes amg": "mercedes",
    "racing bulls": "rb",
    "visa cash app rb": "rb",
    "alpha tauri": "alphatauri",
    "toro rosso": "toro_rosso",
    "str": "toro_rosso",
    "kick sauber": "sauber",
    "aston": "aston_martin",
    "haas f1": "haas",
    "force india": "force_india",
    "racing point": "racing_point",
    "scuderia ferrari": "ferrari",
}


def _event_stem(text: str) -> str:
    return re.sub(r"\s+", " ", _EVENT_NOISE.sub(" ", normalize(text))).strip()


def _words_contain(haystack: str, needle: str) -> bool:
    return f" {needle} " in f" {haystack} "


class ReferenceIndex:
    """Resolves names against one archive's drivers, teams, circuits and races.

    ``driver_entries`` maps a driver id to the seasons they entered and how many race
    entries they had in each; ``team_seasons`` the seasons each team entered.
    """

    def __init__(
        self,
        *,
        drivers: Iterable[ArchiveDriver],
        teams: Iterable[ArchiveTeam],
        circuits: Iterable[ArchiveCircuit],
        races: Iterable[ArchiveRace],
        driver_entries: Mapping[int, Mapping[int, int]],
        team_seasons: Mapping[int, Iterable[int]],
    ) -> None:
        self.drivers = {d.id: d for d in drivers}
        self.teams = {t.id: t for t in teams}
        self.circuits = {c.id: c for c in circuits}
        self.races = {r.id: r for r in races}
        self._driver_entries = driver_entries
        self._team_seasons = {k: frozenset(v) for k, v in team_seasons.items()}
        self._races_by_year: dict[int, list[ArchiveRace]] = defaultdict(list)
        for race in sorted(self.races.values(), key=lambda r: (r.year, r.round)):
            self._races_by_year[race.year].append(race)
        # name keys normalized once: resolving a name is then a dict lookup, not a scan
        self._driver_exact: dict[str, list[ArchiveDriver]] = defaultdict(list)
        self._driver_loose: dict[str, list[ArchiveDriver]] = defaultdict(list)
        # a first name names someone only within a season ("Nico" in 2016 asks which)
        self._driver_forename: dict[str, list[ArchiveDriver]] = defaultdict(list)
        for d in self.drivers.values():
            self._driver_forename[normalize(d.forename)].append(d)
            ref = normalize(d.ref)
            exact = {normalize(d.name), f"{normalize(d.surname)} {normalize(d.forename)}"}
            if " " in ref:  # "michael_schumacher" names one person; "hill" may not
                exact.add(ref)
            loose = {ref, normalize(d.surname)} | ({d.code.lower()} if d.code else set())
            for key in exact:
                self._driver_exact[key].append(d)
            for key in loose - exact:
                self._driver_loose[key].append(d)

    # --- drivers ---------------------------------------------------------------------------

    def driver(self, text: str, *, year: int | None = None) -> ArchiveDriver:
        """The driver ``text`` names (driverRef, code, surname or full name).

        ``year`` narrows a shared surname to those who raced that season, and lets a first
        name alone name the one driver of that season who has it. Raises
        ``SessionNotFoundError`` or ``AmbiguousReferenceError`` with the candidates.
        """
        key = normalize(text)
        if not key:
            raise SessionNotFoundError("no driver named: give a surname, code or driverRef")
        exact = self._driver_exact.get(key, [])
        loose = self._driver_loose.get(key, [])
        candidates = exact or loose
        if year is not None:
            raced = [d for d in candidates if year in self._driver_entries.get(d.id, {})]
            if not raced:  # "Nico" in 2016: Rosberg or Hülkenberg
                forename = self._driver_forename.get(key, [])
                raced = [d for d in forename if year in self._driver_entries.get(d.id, {})]
            if not raced and candidates:
                names = ", ".join(d.name for d in candidates)
                raise SessionNotFoundError(f"{names} did not race in {year}")
            candidates = raced
        if not candidates:
            raise SessionNotFoundError(
                f"no driver called {text!r} in the archive: try a surname, a three-letter "
                "code or a full name"
            )
        if len(candidates) > 1:
            candidates = self._dominant(candidates, year)
        if len(candidates) > 1:
            raise AmbiguousReferenceError(
                "driver",
                text,
                tuple(f"{d.name} ({d.ref})" for d in sorted(candidates, key=lambda d: d.ref)),
            )
        return candidates[0]

    def _dominant(self, candidates: list[ArchiveDriver], year: int | None) -> list[ArchiveDriver]:
        def entries(d: ArchiveDriver) -> int:
            seasons = self._driver_entries.get(d.id, {})
            return seasons.get(year, 0) if year is not None else sum(seasons.values())

        ranked = sorted(candidates, key=entries, reverse=True)
        if entries(ranked[0]) >= _DOMINANCE * max(entries(ranked[1]), 1):
            return ranked[:1]
        return candidates

    # --- teams -----------------------------------------------------------------------------

    def team(self, text: str, *, year: int | None = None) -> ArchiveTeam:
        """The constructor ``text`` names (constructorRef, name or a common alias)."""
        key = normalize(text)
        aliased = _TEAM_ALIASES.get(key)
        exact = [
            t
            for t in self.teams.values()
            if key in (normalize(t.name), normalize(t.ref)) or t.ref == aliased
        ]
        candidates = exact or [
            t for t in self.teams.values() if _words_contain(normalize(t.name), key)
        ]
        if year is not None and candidates:
            candidates = [t for t in candidates if year in self._team_seasons.get(t.id, ())]
        return self._one(candidates, "constructor", text, lambda t: f"{t.name} ({t.ref})", year)

    # --- races and circuits ----------------------------------------------------------------

    def season(self, year: int) -> Sequence[ArchiveRace]:
        """The season's races in round order; ``SessionNotFoundError`` if there are none."""
        races = self._races_by_year.get(year)
        if not races:
            years = sorted(self._races_by_year)
            span = f"{years[0]} to {years[-1]}" if years else "no seasons"
            raise SessionNotFoundError(f"the archive has no {year} season (it holds {span})")
        return races

    def race(self, year: int, text: str) -> ArchiveRace:
        """The race of ``year`` that ``text`` names: round number, race name, place, country.

        Tiers: round number, race name, circuit or place, country, a word of the name. A
        bare country that held several races that season ("Bahrain 2020") asks which before
        any tier, unless only one of them is named for that country ("Italy 2005").
        """
        races = self.season(year)
        key = normalize(text)
        round_match = re.fullmatch(r"(?:round|r|rd)?\s*(\d{1,2})", key)
        if round_match:
            number = int(round_match.group(1))
            found = [r for r in races if r.round == number]
            if not found:
                raise SessionNotFoundError(f"{year} had {len(races)} rounds, not {number}")
            return found[0]
        stem = _event_stem(text)
        alias = EVENT_ALIASES.get(stem, stem)
        circuit_alias = CIRCUIT_ALIASES.get(stem)

        def circuit_of(r: ArchiveRace) -> ArchiveCircuit:
            return self.circuits[r.circuit_id]

        def describe(r: ArchiveRace) -> str:
            return f"{r.name} (round {r.round})"

        if not re.search(r"\b(?:grand prix|gp)\b", key):
            country = country_key(stem)
            held = [r for r in races if country_key(circuit_of(r).country) == country]
            if len(held) > 1:
                home = [r for r in held if _event_stem(r.name) not in _NAMED_ELSEWHERE]
                return self._one(home or held, "event", text, describe)

        tiers: list[Callable[[ArchiveRace], bool]] = [
            lambda r: _event_stem(r.name) in (stem, alias),
            lambda r: (
                stem
                in (
                    normalize(circuit_of(r).ref),
                    normalize(circuit_of(r).name),
                    normalize(circuit_of(r).location),
                )
                or circuit_of(r).ref == circuit_alias
            ),
            lambda r: country_key(stem) == country_key(circuit_of(r).country),
            lambda r: bool(stem) and _words_contain(_event_stem(r.name), stem),
        ]
        for matches in tiers:
            found = [r for r in races if matches(r)]
            if found:
                return self._one(found, "event", text, describe)
        names = ", ".join(sorted({r.name.removesuffix(" Grand Prix") for r in races}))
        raise SessionNotFoundError(f"no {year} race matches {text!r}; that season: {names}")

    def circuit(self, text: str) -> ArchiveCircuit:
        """The circuit ``text`` names: circuitRef, circuit name, place or country."""
        key = normalize(text)
        aliased = CIRCUIT_ALIASES.get(key)
        circuits = list(self.circuits.values())
        tiers: list[Callable[[ArchiveCircuit], bool]] = [
            lambda c: (
                key in (normalize(c.ref), normalize(c.name), normalize(c.location))
                or c.ref == aliased
            ),
            lambda c: key == normalize(c.country),
            lambda c: bool(key) and _words_contain(normalize(c.name), key),
        ]
        for matches in tiers:
            found = [c for c in circuits if matches(c)]
            if found:
                return self._one(found, "circuit", text, lambda c: f"{c.name} ({c.location})")
        raise SessionNotFoundError(
            f"no circuit matches {text!r}: try its name, town or country (e.g. 'Monza')"
        )

    @staticmethod
    def _one(
        found: Sequence[T],
        what: str,
        text: str,
        describe: Callable[[T], str],
        year: int | None = None,
    ) -> T:
        if not found:
            when = f" in {year}" if year is not None else ""
            raise SessionNotFoundError(f"no {what} matches {text!r}{when}")
        if len(found) > 1:
            raise AmbiguousReferenceError(what, text, tuple(describe(x) for x in found))
        return found[0]
