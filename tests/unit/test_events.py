"""resolve_event: names as people say them, never a silent guess."""

from __future__ import annotations

import pytest
from tests.fakes import make_event

from f1core.domain.events import EVENT_ALIASES, normalize_event_text, resolve_event
from f1core.domain.session import EventInfo
from f1core.errors import AmbiguousReferenceError, SessionNotFoundError

# Names, countries and locations exactly as FastF1's schedules give them.
CAL_2020 = tuple(
    make_event(2020, i + 1, name, country, location)
    for i, (name, country, location) in enumerate(
        [
            ("Austrian Grand Prix", "Austria", "Spielberg"),
            ("Styrian Grand Prix", "Austria", "Spielberg"),
            ("Hungarian Grand Prix", "Hungary", "Budapest"),
            ("British Grand Prix", "Great Britain", "Silverstone"),
            ("70th Anniversary Grand Prix", "Great Britain", "Silverstone"),
            ("Spanish Grand Prix", "Spain", "Barcelona"),
            ("Belgian Grand Prix", "Belgium", "Spa-Francorchamps"),
            ("Italian Grand Prix", "Italy", "Monza"),
            ("Tuscan Grand Prix", "Italy", "Mugello"),
            ("Russian Grand Prix", "Russia", "Sochi"),
            ("Eifel Grand Prix", "Germany", "Nürburgring"),
            ("Portuguese Grand Prix", "Portugal", "Portimão"),
            ("Emilia Romagna Grand Prix", "Italy", "Imola"),
            ("Turkish Grand Prix", "Turkey", "Istanbul"),
            ("Bahrain Grand Prix", "Bahrain", "Sakhir"),
            ("Sakhir Grand Prix", "Bahrain", "Sakhir"),
            ("Abu Dhabi Grand Prix", "Abu Dhabi", "Yas Island"),
        ]
    )
)

CAL_2024 = tuple(
    make_event(2024, i + 1, name, country, location, official_name=official)
    for i, (name, country, location, official) in enumerate(
        [
            (
                "Bahrain Grand Prix",
                "Bahrain",
                "Sakhir",
                "FORMULA 1 GULF AIR BAHRAIN GRAND PRIX 2024",
            ),
            ("Saudi Arabian Grand Prix", "Saudi Arabia", "Jeddah", ""),
            ("Australian Grand Prix", "Australia", "Melbourne", ""),
            ("Japanese Grand Prix", "Japan", "Suzuka", ""),
            ("Chinese Grand Prix", "China", "Shanghai", ""),
            ("Miami Grand Prix", "United States", "Miami", ""),
            ("Emilia Romagna Grand Prix", "Italy", "Imola", ""),
            ("Monaco Grand Prix", "Monaco", "Monaco", ""),
            ("Canadian Grand Prix", "Canada", "Montréal", ""),
            (
                "Spanish Grand Prix",
                "Spain",
                "Barcelona",
                "FORMULA 1 ARAMCO GRAN PREMIO DE ESPAÑA 2024",
            ),
            ("Austrian Grand Prix", "Austria", "Spielberg", ""),
            ("British Grand Prix", "United Kingdom", "Silverstone", ""),
            ("Hungarian Grand Prix", "Hungary", "Budapest", ""),
            ("Belgian Grand Prix", "Belgium", "Spa-Francorchamps", ""),
            ("Dutch Grand Prix", "Netherlands", "Zandvoort", ""),
            ("Italian Grand Prix", "Italy", "Monza", ""),
            ("Azerbaijan Grand Prix", "Azerbaijan", "Baku", ""),
            ("Singapore Grand Prix", "Singapore", "Marina Bay", ""),
            ("United States Grand Prix", "United States", "Austin", ""),
            ("Mexico City Grand Prix", "Mexico", "Mexico City", ""),
            ("São Paulo Grand Prix", "Brazil", "São Paulo", ""),
            ("Las Vegas Grand Prix", "United States", "Las Vegas", ""),
            ("Qatar Grand Prix", "Qatar", "Lusail", ""),
            ("Abu Dhabi Grand Prix", "United Arab Emirates", "Yas Marina", ""),
        ]
    )
)


def name_of(text: str, events: tuple[EventInfo, ...] = CAL_2024) -> str:
    return resolve_event(text, events).name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Monza", "Italian Grand Prix"),
        ("Baku", "Azerbaijan Grand Prix"),
        ("Silverstone", "British Grand Prix"),
        ("Jeddah", "Saudi Arabian Grand Prix"),
        ("Spa", "Belgian Grand Prix"),
        ("Interlagos", "São Paulo Grand Prix"),
        ("Spanish GP", "Spanish Grand Prix"),
        ("spanish grand prix", "Spanish Grand Prix"),
        ("Spanish", "Spanish Grand Prix"),
        ("Mexico", "Mexico City Grand Prix"),
        ("COTA", "United States Grand Prix"),
        ("Imola", "Emilia Romagna Grand Prix"),
        ("Suzuka", "Japanese Grand Prix"),
        ("Albert Park", "Australian Grand Prix"),
        ("Yas Marina", "Abu Dhabi Grand Prix"),
        ("Marina Bay", "Singapore Grand Prix"),
        ("Hungaroring", "Hungarian Grand Prix"),
        ("Red Bull Ring", "Austrian Grand Prix"),
        ("Zandvoort", "Dutch Grand Prix"),
        ("Catalunya", "Spanish Grand Prix"),
        ("Sakhir", "Bahrain Grand Prix"),
        ("Losail", "Qatar Grand Prix"),
        ("Las Vegas", "Las Vegas Grand Prix"),
        ("Vegas", "Las Vegas Grand Prix"),
        ("Montreal", "Canadian Grand Prix"),
        ("Shanghai", "Chinese Grand Prix"),
        ("Miami", "Miami Grand Prix"),
        ("Monaco", "Monaco Grand Prix"),
        ("sao paulo", "São Paulo Grand Prix"),
        ("SÃO PAULO GP", "São Paulo Grand Prix"),
        ("Brazil", "São Paulo Grand Prix"),
        ("Saudi", "Saudi Arabian Grand Prix"),
        ("FORMULA 1 ARAMCO GRAN PREMIO DE ESPAÑA 2024", "Spanish Grand Prix"),
        ("  united  states gp ", "United States Grand Prix"),
    ],
)
def test_resolves_names_as_people_say_them(text: str, expected: str) -> None:
    assert name_of(text) == expected


def test_italy_in_2020_is_ambiguous_and_lists_the_three_events() -> None:
    with pytest.raises(AmbiguousReferenceError) as info:
        resolve_event("Italy", CAL_2020)
    assert set(info.value.candidates) == {
        "Italian Grand Prix (Monza)",
        "Tuscan Grand Prix (Mugello)",
        "Emilia Romagna Grand Prix (Imola)",
    }


def test_a_name_beats_a_location_shared_by_two_events() -> None:
    # Both 2020 Bahrain events ran at Sakhir; the one *named* Sakhir is meant.
    assert name_of("Sakhir", CAL_2020) == "Sakhir Grand Prix"
    assert name_of("Bahrain GP", CAL_2020) == "Bahrain Grand Prix"
    assert name_of("Monza", CAL_2020) == "Italian Grand Prix"
    assert name_of("Mugello", CAL_2020) == "Tuscan Grand Prix"


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("Bahrain", {"Bahrain Grand Prix", "Sakhir Grand Prix"}),
        ("Britain", {"British Grand Prix", "70th Anniversary Grand Prix"}),
        ("UK", {"British Grand Prix", "70th Anniversary Grand Prix"}),
        ("United Kingdom", {"British Grand Prix", "70th Anniversary Grand Prix"}),
    ],
)
def test_a_bare_country_that_held_two_events_asks_which(said: str, expected: set[str]) -> None:
    # one of them carries the country's name, but a fan saying "Bahrain 2020" may mean either
    with pytest.raises(AmbiguousReferenceError) as info:
        resolve_event(said, CAL_2020)
    assert {c.split(" (")[0] for c in info.value.candidates} == expected


def test_a_country_spelt_another_way_still_names_its_one_event() -> None:
    # FastF1 says "Great Britain" (2018-23) or "United Kingdom" (2024 on)
    assert name_of("UK", CAL_2024) == "British Grand Prix"
    assert name_of("Great Britain", CAL_2024) == "British Grand Prix"
    with pytest.raises(AmbiguousReferenceError) as info:
        resolve_event("USA", CAL_2024)
    assert len(info.value.candidates) == 3  # Miami, Austin, Las Vegas


def test_a_location_shared_by_two_events_is_ambiguous() -> None:
    with pytest.raises(AmbiguousReferenceError) as info:
        resolve_event("Silverstone", CAL_2020)
    assert set(info.value.candidates) == {
        "British Grand Prix (Silverstone)",
        "70th Anniversary Grand Prix (Silverstone)",
    }
    with pytest.raises(AmbiguousReferenceError):
        resolve_event("Austria", CAL_2020)


def test_a_grand_prix_name_beats_a_country_shared_by_three_events() -> None:
    # Austin, Miami and Las Vegas are all in the United States: only the race's full name
    # picks one (the bare country asks which, above).
    assert name_of("United States Grand Prix") == "United States Grand Prix"
    assert name_of("United States GP") == "United States Grand Prix"


def test_unknown_name_suggests_close_names_only() -> None:
    with pytest.raises(SessionNotFoundError) as info:
        resolve_event("Monzza", CAL_2024)
    message = info.value.message
    assert "'Monzza'" in message
    assert "2024" in message
    assert "Italian Grand Prix (Monza)" in message
    assert "Bahrain" not in message


def test_unknown_name_with_nothing_close_lists_no_event() -> None:
    with pytest.raises(SessionNotFoundError) as info:
        resolve_event("Kyalami", CAL_2024)
    assert "did you mean" not in info.value.message
    assert "Grand Prix" not in info.value.message


def test_an_event_not_on_that_seasons_calendar_is_not_found() -> None:
    # Mugello only ever held the 2020 Tuscan Grand Prix.
    with pytest.raises(SessionNotFoundError):
        resolve_event("Mugello", CAL_2024)


@pytest.mark.parametrize("text", ["", "  ", "GP", "grand prix", "F1"])
def test_generic_words_name_no_event(text: str) -> None:
    with pytest.raises(SessionNotFoundError):
        resolve_event(text, CAL_2024)


def test_normalize_event_text_folds_accents_case_and_gp() -> None:
    assert normalize_event_text("São Paulo GP") == "sao paulo grand prix"
    assert normalize_event_text("Montréal") == "montreal"
    assert normalize_event_text("Spa-Francorchamps") == "spa francorchamps"


def test_every_alias_is_already_normalised() -> None:
    # Keys are looked up after normalisation: an un-normalised key could never match.
    assert all(normalize_event_text(alias) == alias for alias in EVENT_ALIASES)
