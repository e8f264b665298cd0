"""What the rule-based interpreter knows by name: drivers and teams, events.

The drivers and teams are those of the timed seasons, ``f1core.coverage.FIRST_TIMED_SEASON``
to ``LAST_ARCHIVE_SEASON`` (2018-2025); a new season needs its entry lists added here.

Written by hand from the public record (entry lists, car numbers); it is a lookup table
for reading questions, not a data source for answers, so a missing one-off substitute
only means that driver has to be named by code.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class DriverEntry:
    """One driver of a timed season's grid and the names people call them by."""

    code: str
    first: str
    last: str
    numbers: tuple[int, ...]
    teams: dict[int, str] = field(default_factory=dict)
    nicknames: tuple[str, ...] = ()

    @property
    def full_name(self) -> str:
        """First name and surname, as the archive resolves them exactly."""
        return f"{self.first} {self.last}"


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _span(team: str, first: int, last: int) -> dict[int, str]:
    return dict.fromkeys(range(first, last + 1), team)


DRIVERS: tuple[DriverEntry, ...] = (
    DriverEntry(
        "ALB",
        "Alexander",
        "Albon",
        (23,),
        {2019: "Toro Rosso", 2020: "Red Bull"} | _span("Williams", 2022, 2025),
        ("alex albon",),
    ),
    DriverEntry("AIT", "Jack", "Aitken", (89,), {2020: "Williams"}),
    DriverEntry(
        "ALO",
        "Fernando",
        "Alonso",
        (14,),
        {2018: "McLaren"} | _span("Alpine", 2021, 2022) | _span("Aston Martin", 2023, 2025),
        ("nando", "el nano"),
    ),
    DriverEntry("ANT", "Andrea Kimi", "Antonelli", (12,), {2025: "Mercedes"}),
    DriverEntry("BEA", "Oliver", "Bearman", (38, 87), {2024: "Haas", 2025: "Haas"}, ("ollie",)),
    DriverEntry("BOR", "Gabriel", "Bortoleto", (5,), {2025: "Sauber"}),
    DriverEntry(
        "BOT",
        "Valtteri",
        "Bottas",
        (77,),
        _span("Mercedes", 2018, 2021) | _span("Alfa Romeo", 2022, 2023) | {2024: "Sauber"},
    ),
    DriverEntry("COL", "Franco", "Colapinto", (43,), {2024: "Williams", 2025: "Alpine"}),
    DriverEntry("DEV", "Nyck", "de Vries", (45, 21), {2022: "Williams", 2023: "AlphaTauri"}),
    DriverEntry("DOO", "Jack", "Doohan", (61, 7), {2024: "Alpine", 2025: "Alpine"}),
    DriverEntry("ERI", "Marcus", "Ericsson", (9,), {2018: "Sauber"}),
    DriverEntry("FIT", "Pietro", "Fittipaldi", (51,), {2020: "Haas"}),
    DriverEntry(
        "GAS",
        "Pierre",
        "Gasly",
        (10,),
        {2018: "Toro Rosso", 2019: "Red Bull"}
        | _span("AlphaTauri", 2020, 2022)
        | _span("Alpine", 2023, 2025),
    ),
    DriverEntry("GIO", "Antonio", "Giovinazzi", (99,), _span("Alfa Romeo", 2019, 2021), ("gio",)),
    DriverEntry("GRO", "Romain", "Grosjean", (8,), _span("Haas", 2018, 2020)),
    DriverEntry("HAD", "Isack", "Hadjar", (6,), {2025: "RB"}),
    DriverEntry(
        "HAM",
        "Lewis",
        "Hamilton",
        (44,),
        _span("Mercedes", 2018, 2024) | {2025: "Ferrari"},
        ("sir lewis",),
    ),
    DriverEntry("HAR", "Brendon", "Hartley", (28,), {2018: "Toro Rosso"}),
    DriverEntry(
        "HUL",
        "Nico",
        "Hulkenberg",
        (27,),
        _span("Renault", 2018, 2019)
        | {2020: "Racing Point", 2022: "Aston Martin"}
        | _span("Haas", 2023, 2024)
        | {2025: "Sauber"},
        ("hulk", "the hulk"),
    ),
    DriverEntry("KUB", "Robert", "Kubica", (88,), {2019: "Williams", 2021: "Alfa Romeo"}),
    DriverEntry("KVY", "Daniil", "Kvyat", (26,), {2019: "Toro Rosso", 2020: "AlphaTauri"}),
    DriverEntry("LAT", "Nicholas", "Latifi", (6,), _span("Williams", 2020, 2022)),
    DriverEntry("LAW", "Liam", "Lawson", (40, 30), {2023: "AlphaTauri", 2024: "RB", 2025: "RB"}),
    DriverEntry(
        "LEC",
        "Charles",
        "Leclerc",
        (16,),
        {2018: "Sauber"} | _span("Ferrari", 2019, 2025),
        ("charlie",),
    ),
    DriverEntry(
        "MAG",
        "Kevin",
        "Magnussen",
        (20,),
        _span("Haas", 2018, 2020) | _span("Haas", 2022, 2024),
        ("kmag", "k mag"),
    ),
    DriverEntry("MAZ", "Nikita", "Mazepin", (9,), {2021: "Haas"}),
    DriverEntry("MSC", "Mick", "Schumacher", (47,), _span("Haas", 2021, 2022)),
    DriverEntry("NOR", "Lando", "Norris", (4,), _span("McLaren", 2019, 2025)),
    DriverEntry(
        "OCO",
        "Esteban",
        "Ocon",
        (31,),
        {2018: "Force India", 2020: "Renault"} | _span("Alpine", 2021, 2024) | {2025: "Haas"},
    ),
    DriverEntry(
        "PER",
        "Sergio",
        "Perez",
        (11,),
        {2018: "Force India"} | _span("Racing Point", 2019, 2020) | _span("Red Bull", 2021, 2024),
        ("checo",),
    ),
    DriverEntry("PIA", "Oscar", "Piastri", (81,), _span("McLaren", 2023, 2025)),
    DriverEntry(
        "RAI",
        "Kimi",
        "Raikkonen",
        (7,),
        {2018: "Ferrari"} | _span("Alfa Romeo", 2019, 2021),
        ("the iceman", "iceman"),
    ),
    DriverEntry(
        "RIC",
        "Daniel",
        "Ricciardo",
        (3,),
        {2018: "Red Bull"}
        | _span("Renault", 2019, 2020)
        | _span("McLaren", 2021, 2022)
        | {2023: "AlphaTauri", 2024: "RB"},
        ("danny ric", "honey badger"),
    ),
    DriverEntry(
        "RUS",
        "George",
        "Russell",
        (63,),
        _span("Williams", 2019, 2021) | _span("Mercedes", 2022, 2025),
    ),
    DriverEntry(
        "SAI",
        "Carlos",
        "Sainz",
        (55,),
        {2018: "Renault"}
        | _span("McLaren", 2019, 2020)
        | _span("Ferrari", 2021, 2024)
        | {2025: "Williams"},
        ("smooth operator",),
    ),
    DriverEntry("SAR", "Logan", "Sargeant", (2,), _span("Williams", 2023, 2024)),
    DriverEntry("SIR", "Sergey", "Sirotkin", (35,), {2018: "Williams"}),
    DriverEntry(
        "STR",
        "Lance",
        "Stroll",
        (18,),
        {2018: "Williams"} | _span("Racing Point", 2019, 2020) | _span("Aston Martin", 2021, 2025),
    ),
    DriverEntry(
        "TSU",
        "Yuki",
        "Tsunoda",
        (22,),
        _span("AlphaTauri", 2021, 2023) | {2024: "RB", 2025: "Red Bull"},
    ),
    DriverEntry("VAN", "Stoffel", "Vandoorne", (2,), {2018: "McLaren"}),
    DriverEntry(
        "VER", "Max", "Verstappen", (33, 1), _span("Red Bull", 2018, 2025), ("mad max", "super max")
    ),
    DriverEntry(
        "VET",
        "Sebastian",
        "Vettel",
        (5,),
        _span("Ferrari", 2018, 2020) | _span("Aston Martin", 2021, 2022),
        ("seb",),
    ),
    DriverEntry("ZHO", "Guanyu", "Zhou", (24,), _span("Alfa Romeo", 2022, 2023) | {2024: "Sauber"}),
)

# Surnames that also name an earlier champion or winner: alone, in an archive question,
# they are passed on as said so the archive can ask which one instead of us picking Mick.
SHARED_SURNAMES = frozenset({"schumacher", "fittipaldi"})

# Car numbers that were reused: (number, first season, last season) -> code. A number is
# only read as a car when the text says so ("car 44", "#16", "number 1").
CAR_NUMBERS: dict[int, tuple[tuple[str, int, int], ...]] = {}
for _d in DRIVERS:
    _years = sorted(_d.teams) or [2018]
    for _n in _d.numbers:
        CAR_NUMBERS.setdefault(_n, ())
        CAR_NUMBERS[_n] += ((_d.code, _years[0], _years[-1]),)
# Verstappen ran 1 as champion from 2022; 33 before that.
CAR_NUMBERS[1] = (("VER", 2022, 2025),)
CAR_NUMBERS[33] = (("VER", 2018, 2021),)

# Team -> what people call it. The key is the name handed to the archive.
TEAMS: dict[str, tuple[str, ...]] = {
    "Red Bull": ("red bull", "redbull", "red bull racing", "rbr", "the bulls"),
    "Mercedes": ("mercedes", "merc", "mercs", "silver arrows", "mercedes amg"),
    "Ferrari": ("ferrari", "scuderia ferrari", "the scuderia", "prancing horse"),
    "McLaren": ("mclaren", "macca", "papaya"),
    "Aston Martin": ("aston martin", "aston", "amr"),
    "Alpine": ("alpine",),
    "Williams": ("williams",),
    "Haas": ("haas",),
    "Sauber": ("sauber", "kick sauber", "stake"),
    "Alfa Romeo": ("alfa romeo", "alfa"),
    "AlphaTauri": ("alphatauri", "alpha tauri"),
    "RB": ("racing bulls", "visa cash app rb", "vcarb", "vcrb"),
    "Toro Rosso": ("toro rosso",),
    "Racing Point": ("racing point",),
    "Force India": ("force india",),
    "Renault": ("renault",),
    # teams of the archive's seasons: handed on as named, the archive resolves them
    "Benetton": ("benetton",),
    "Lotus": ("lotus", "team lotus"),
    "Brabham": ("brabham",),
    "Tyrrell": ("tyrrell",),
    "Ligier": ("ligier",),
    "Jordan": ("jordan",),
    "BAR": ("bar", "british american racing"),
    "Minardi": ("minardi",),
    "Jaguar": ("jaguar",),
    "Toyota": ("toyota",),
    "Honda": ("honda",),
    "BMW Sauber": ("bmw sauber", "bmw"),
    "Brawn": ("brawn", "brawn gp"),
    "Arrows": ("arrows",),
    "Stewart": ("stewart grand prix",),
    "Cooper": ("cooper",),
    "Vanwall": ("vanwall",),
    "Maserati": ("maserati",),
    "Matra": ("matra",),
    "March": ("march engineering",),
}

# Grand Prix names (and the countries people use for them) -> the event name handed on.
# Circuit and city names are not here: they come from f1core's EVENT_ALIASES and are
# handed on as the user wrote them, which both the session loader and the archive resolve.
GRAND_PRIX: dict[str, tuple[str, ...]] = {
    "Australian Grand Prix": ("australian", "australia", "aussie"),
    "Bahrain Grand Prix": ("bahraini", "bahrain grand prix"),
    "Sakhir Grand Prix": ("sakhir grand prix",),
    "Chinese Grand Prix": ("chinese", "china"),
    "Azerbaijan Grand Prix": ("azerbaijan", "azerbaijani", "azeri"),
    "Spanish Grand Prix": ("spanish", "spain"),
    "Monaco Grand Prix": ("monaco grand prix",),
    "Canadian Grand Prix": ("canadian", "canada"),
    "French Grand Prix": ("french", "france"),
    "Austrian Grand Prix": ("austrian", "austrian grand prix"),
    "Styrian Grand Prix": ("styrian", "styria"),
    "British Grand Prix": ("british", "british grand prix", "uk grand prix"),
    "70th Anniversary Grand Prix": ("70th anniversary", "70th anniversary grand prix"),
    "German Grand Prix": ("german", "germany"),
    "Hungarian Grand Prix": ("hungarian", "hungary"),
    "Belgian Grand Prix": ("belgian", "belgium"),
    "Dutch Grand Prix": ("dutch", "netherlands", "holland"),
    "Italian Grand Prix": ("italian", "italian grand prix"),
    "Tuscan Grand Prix": ("tuscan", "tuscany"),
    "Emilia Romagna Grand Prix": ("emilia romagna", "emilia"),
    "Portuguese Grand Prix": ("portuguese", "portugal"),
    "Eifel Grand Prix": ("eifel",),
    "Turkish Grand Prix": ("turkish", "turkey"),
    "Russian Grand Prix": ("russian", "russia"),
    "Singapore Grand Prix": ("singapore grand prix",),
    "Japanese Grand Prix": ("japanese", "japan"),
    "United States Grand Prix": ("united states grand prix", "us grand prix", "usgp"),
    "Abu Dhabi Grand Prix": ("abu dhabi grand prix",),
    "Saudi Arabian Grand Prix": ("saudi arabian", "saudi arabia", "saudi"),
    "Qatar Grand Prix": ("qatar", "qatari"),
    "Miami Grand Prix": ("miami grand prix",),
    "Las Vegas Grand Prix": ("las vegas grand prix", "vegas grand prix"),
    # seasons before 2018: only the archive answers these
    "San Marino Grand Prix": ("san marino",),
    "European Grand Prix": ("european",),
    "Pacific Grand Prix": ("pacific",),
    "Malaysian Grand Prix": ("malaysian", "malaysia", "sepang"),
    "Korean Grand Prix": ("korean", "korea"),
    "Indian Grand Prix": ("indian", "india"),
    "Argentine Grand Prix": ("argentine", "argentinian", "argentina"),
    "South African Grand Prix": ("south african", "south africa", "kyalami"),
    "Swedish Grand Prix": ("swedish", "sweden"),
    "Swiss Grand Prix": ("swiss", "switzerland"),
    "Luxembourg Grand Prix": ("luxembourg",),
    "Detroit Grand Prix": ("detroit",),
    "Dallas Grand Prix": ("dallas",),
    "Moroccan Grand Prix": ("moroccan", "morocco"),
    "Pescara Grand Prix": ("pescara",),
}

# Grands Prix held in one season only (races.csv, 1950-2025): named without a year, they
# still name one race ("who won the Sakhir GP").
ONE_SEASON_EVENTS: dict[str, int] = {
    "Pescara Grand Prix": 1957,
    "Moroccan Grand Prix": 1958,
    "Dallas Grand Prix": 1984,
    "70th Anniversary Grand Prix": 2020,
    "Tuscan Grand Prix": 2020,
    "Eifel Grand Prix": 2020,
    "Sakhir Grand Prix": 2020,
}

# Event names whose Grand Prix changed name over 2018-2025: handed on as the place, which
# resolves in every season ("Mexican" 2018-19 and "Mexico City" 2021 on).
PLACE_EVENTS: dict[str, tuple[str, ...]] = {
    "Mexico City": ("mexican", "mexico", "mexico city grand prix", "mexican grand prix"),
    "São Paulo": ("brazilian grand prix", "sao paulo grand prix", "brazilian", "brazil"),
}

# Countries that held more than one Grand Prix in a season (Italy: Monza, Mugello and Imola
# in 2020; Austria: the Austrian and Styrian GPs in 2020-21; Bahrain and Britain in 2020; the
# United States from 2022): handed on as the country, so the season's calendar decides
# (f1core.domain.countries). "Italy" in 2019 is Monza; in 2020 it asks which one.
COUNTRY_EVENTS: dict[str, tuple[str, ...]] = {
    "Italy": ("italy",),
    "Austria": ("austria",),
    "Bahrain": ("bahrain",),
    "United Kingdom": ("britain", "great britain", "uk", "england", "united kingdom"),
    "United States": ("united states", "usa", "united states of america"),
}

# Circuits of the archive's seasons that FastF1's calendars (2018 on) never name: handed on
# as said; the archive finds them by circuit name or town ("schumacher wins at magny cours").
HISTORIC_CIRCUITS = (
    "magny cours", "estoril", "jerez", "adelaide", "brands hatch", "zolder", "nivelles",
    "dijon", "jarama", "anderstorp", "watkins glen", "long beach", "phoenix", "jacarepagua",
    "aida", "okayama", "fuji", "sepang", "istanbul park", "valencia street circuit",
    "yeongam", "buddh", "indianapolis", "donington", "aintree", "rouen", "reims", "zeltweg",
    "clermont ferrand", "mosport", "montjuic", "caesars palace", "boavista", "monsanto",
    "avus", "bremgarten", "pedralbes", "ain diab", "riverside", "sebring", "mont tremblant",
)  # fmt: skip

# Nicknames of drivers before 2018 -> the name handed to the archive.
HISTORIC_NICKNAMES: dict[str, str] = {
    "schumi": "Michael Schumacher",
    "schumey": "Michael Schumacher",
    "the professor": "Alain Prost",
    "magic senna": "Ayrton Senna",
}

# How a circuit alias is written back when its title case would look wrong.
PLACE_DISPLAY: dict[str, str] = {
    "cota": "COTA",
    "spa francorchamps": "Spa-Francorchamps",
    "sao paulo": "São Paulo",
    "montreal": "Montreal",
    "nurburgring": "Nürburgring",
    "portimao": "Portimão",
}

# Drivers before 2018 people ask the archive about; lets "how many wins does senna have"
# read "senna" as a person rather than an unknown word.
HISTORIC_DRIVERS = _word_set(
    """
    senna prost lauda fangio clark stewart hunt piquet mansell hakkinen schumacher hill
    villeneuve button rosberg webber massa barrichello coulthard berger brabham moss
    ascari fittipaldi rindt hulme surtees andretti scheckter jones alboreto patrese
    irvine montoya frentzen alesi arnoux jabouille peterson reutemann ickx hawthorn
    farina hulkenberg kovalainen trulli fisichella heidfeld ralf michael nico damon
    graham jackie ayrton alain niki juan jim jochen denny emerson jody keke nelson nigel
    mika jenson felipe rubens david gerhard jack stirling alberto alan mario james
    """
)
