"""The offline interpreter: plain English to a typed query with word lists and rules.

It reads a question in three passes: pull out the seasons (years, "'19", "last year"),
tag the words it knows (drivers, teams, events, session kinds) by longest match, then pick
the intent from the remaining wording. Whatever it cannot pin down becomes a ``Refusal``
that says what is missing; it never substitutes a different question.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

import msgspec

from adapters.rules.archive_stat_rules import StatAsk, stat_query
from adapters.rules.vocabulary import (
    CAR_NUMBERS,
    COUNTRY_EVENTS,
    DRIVERS,
    GRAND_PRIX,
    HISTORIC_CIRCUITS,
    HISTORIC_DRIVERS,
    HISTORIC_NICKNAMES,
    ONE_SEASON_EVENTS,
    PLACE_DISPLAY,
    PLACE_EVENTS,
    SHARED_SURNAMES,
    TEAMS,
    DriverEntry,
)
from f1core.coverage import FIRST_TIMED_SEASON, LAST_ARCHIVE_SEASON, MAX_QUESTION_LENGTH
from f1core.domain.events import EVENT_ALIASES
from f1core.domain.session import SessionKind
from f1core.errors import InvalidRequestError
from f1core.kinds.archive_career_stat import CareerStatQuery
from f1core.kinds.archive_champion import ChampionQuery
from f1core.kinds.archive_head_to_head import SeasonHeadToHeadQuery
from f1core.kinds.archive_historic_race import HistoricRaceQuery
from f1core.kinds.archive_most_wins import MostWinsQuery
from f1core.kinds.archive_podium import PodiumQuery
from f1core.kinds.archive_race_winner import RaceWinnerQuery
from f1core.kinds.archive_standings import ChampionshipStandingsQuery
from f1core.kinds.archive_teammate_head_to_head import TeammateHeadToHeadQuery
from f1core.kinds.archive_wins_at_circuit import WinsAtCircuitQuery
from f1core.kinds.base import RACES, SessionQuestion
from f1core.kinds.cues import INTENT_WORDS, Intent
from f1core.kinds.registry import SESSION_QUESTIONS
from f1core.query import (
    Interpretation,
    Query,
    Refusal,
    decode_query,
    encode_query,
)
from f1core.text import strip_accents as _fold
from f1core.text import words as _norm

T = TypeVar("T")

_Kind = Literal["driver", "team", "event", "session", "person", "word"]


@dataclass(frozen=True, slots=True)
class _Tag:
    kind: _Kind
    value: str
    start: int
    end: int
    # how the name was matched: "exact", "code", "first", "nick", "fuzzy", "surname"
    how: str = "exact"


@dataclass(slots=True)
class _Parsed:
    text: str  # normalised: lower-case ascii words joined by single spaces
    years: list[int] = field(default_factory=list)
    relative_year: str | None = None
    tags: list[_Tag] = field(default_factory=list)
    after_round: int | None = None
    unknown_names: list[str] = field(default_factory=list)
    tokens: list[str] = field(default_factory=list)
    original: list[str] = field(default_factory=list)
    year_range: tuple[int | None, int | None] | None = None


def _word_set(text: str) -> frozenset[str]:
    """Whitespace-separated words as a set (long word lists stay readable)."""
    return frozenset(text.split())


def _words(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?:^| )(?:{pattern})(?= |$)")


# --- word lists ----------------------------------------------------------------------------

_SESSION_PHRASES: dict[str, SessionKind] = {
    "sprint shootout": SessionKind.SPRINT_QUALIFYING,
    "sprint shoot out": SessionKind.SPRINT_QUALIFYING,
    "shootout": SessionKind.SPRINT_QUALIFYING,
    "sprint qualifying": SessionKind.SPRINT_QUALIFYING,
    "sprint quali": SessionKind.SPRINT_QUALIFYING,
    "sprint qualy": SessionKind.SPRINT_QUALIFYING,
    "sprint qualification": SessionKind.SPRINT_QUALIFYING,
    "sq": SessionKind.SPRINT_QUALIFYING,
    "sprint race": SessionKind.SPRINT,
    "sprint": SessionKind.SPRINT,
    "fp1": SessionKind.FP1,
    "fp 1": SessionKind.FP1,
    "free practice 1": SessionKind.FP1,
    "practice 1": SessionKind.FP1,
    "first practice": SessionKind.FP1,
    "first free practice": SessionKind.FP1,
    "fp2": SessionKind.FP2,
    "fp 2": SessionKind.FP2,
    "free practice 2": SessionKind.FP2,
    "practice 2": SessionKind.FP2,
    "second practice": SessionKind.FP2,
    "second free practice": SessionKind.FP2,
    "fp3": SessionKind.FP3,
    "fp 3": SessionKind.FP3,
    "free practice 3": SessionKind.FP3,
    "practice 3": SessionKind.FP3,
    "third practice": SessionKind.FP3,
    "third free practice": SessionKind.FP3,
    "qualifying": SessionKind.QUALIFYING,
    "quali": SessionKind.QUALIFYING,
    "qualy": SessionKind.QUALIFYING,
    "qualification": SessionKind.QUALIFYING,
    "qualifier": SessionKind.QUALIFYING,
    "q1": SessionKind.QUALIFYING,
    "q2": SessionKind.QUALIFYING,
    "q3": SessionKind.QUALIFYING,
    "race": SessionKind.RACE,
    "qualify": SessionKind.QUALIFYING,
    "qualified": SessionKind.QUALIFYING,
    "sprint pole": SessionKind.SPRINT_QUALIFYING,
    "main race": SessionKind.RACE,
    "sunday race": SessionKind.RACE,
    # "race pace" and friends name an analysis, not a session: tagged so "race" is eaten
    "race pace": SessionKind.RACE,
    "race trace": SessionKind.RACE,
    "race sim": SessionKind.RACE,
    "race sims": SessionKind.RACE,
    "race simulation": SessionKind.RACE,
    "race simulations": SessionKind.RACE,
    "race win": SessionKind.RACE,
    "race wins": SessionKind.RACE,
    "races": SessionKind.RACE,
}
# Phrases tagged as a session that only hint at one (the analysis word decides).
_WEAK_SESSION_PHRASES = frozenset(
    {
        "race pace",
        "race trace",
        "race sim",
        "race sims",
        "race simulation",
        "race simulations",
        "race win",
        "race wins",
        "races",
    }
)

# Other sports and other racing series: about racing, or sport, but not Formula 1.
_OTHER_SPORTS = _words(
    r"motogp|moto gp|indycar|indy car|indy 500|indianapolis 500|nascar|formula e|"
    r"formula 2|formula two|formula 3|formula three|f2|f3|wec|le mans|rally|wrc|dtm|"
    r"supercars|superbikes?|karting|world cup|super bowl|nba|nfl|nhl|mlb|premier league|"
    r"champions league|wimbledon|olympics|olympic|tour de france|fifa|uefa|rugby|cricket|"
    r"tennis|golf|football|soccer|basketball|baseball|ice hockey|boxing|ufc"
)
_CREATIVE = _words(
    r"poem|poems|haiku|song|lyrics|limerick|joke|jokes|recipe|essay|story|novel|sonnet|"
    r"rap|translate|homework|bitcoin|stock|stocks|crypto"
)
# Facets no kind computes. A question that asks for one is refused with what the data holds,
# never answered by the kind whose other words it shares ("what engine did Ferrari use at
# Monza" is not the Monza results). Tried in order; the first match names what is missing.
_UNANSWERED: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        _words(r"engines?(?! (?:failure|failures|problem|problems|issue|issues))|power units?"),
        "engines",
    ),
    (_words(r"pressures?"), "tyre pressures"),
    (
        _words(r"fuel (?:loads?|levels?|consumption|usage|flow|weight)|how much fuel|fuel load"),
        "fuel loads",
    ),
    (_words(r"setups?|set ups?|wings?|downforce|ride height"), "car set-ups"),
    (_words(r"earn|earns|earned|salary|salaries|paid|wages?|contracts?|budget|cost cap"), "money"),
    (_words(r"penalty|penalties|penalised|penalized|penalty points"), "penalties"),
    (_words(r"crowd|attendance|spectators|tickets?"), "attendance"),
    (_words(r"g force|g forces|gforce"), "g-forces"),
    (_words(r"average speed|mean speed"), "average speeds"),
    (_words(r"slowest lap|worst lap|who was (?:the )?slowest|slowest driver"), "the slowest"),
    (_words(r"finished last|came last|last place|finish last"), "who finished last"),
    (_words(r"without (?:a|an|any|ever|winning|scoring)"), "counts with a 'without' condition"),
    (_words(r"in a single season|in one season|in a season"), "single-season records"),
    (_words(r"(?:on|at|after|by) lap \d+"), "the order on one lap"),
    (
        _words(r"(?:won|win|wins|winning) the (?:start|strategy|battle|duel|fight|scrap)"),
        "who won a battle",
    ),
)

_F1_WORDS = _words(
    r"f1|formula 1|formula one|grand prix|gp|race|races|raced|racing|qualifying|quali|pole|"
    r"fastest|quickest|"
    r"poles|lap|laps|podium|podiums|driver|drivers|championship|champion|champions|title|"
    r"titles|standings|pit|pits|pitstop|pitstops|tyre|tyres|tire|tires|stint|stints|sector|"
    r"sectors|speed trap|team|teams|constructor|constructors|season|sprint|practice|wins|"
    r"won|win|winner|victories|grid|teammate|teammates|wdc|wcc|circuit|track|fp1|fp2|fp3|"
    r"strategy|degradation|overtakes|points|victory|starts|dnf|dnfs|retirements"
)
_RUNNER_UP = _words(
    r"runner up|runners up|runnerup|second in the (?:drivers |constructors )?"
    r"(?:championship|standings|title)|finished second in the championship|"
    r"came second in the championship|p2 in the championship"
)
_STANDINGS = _words(
    r"standings|standing|championship table|points table|table|leaderboard|"
    r"leading the championship|championship leader|led the championship|"
    r"championship order|championship positions|points standings"
)
_CHAMPION = _words(
    r"champion|champions|championship|title|titles|wdc|wcc|crown|crowned|world title"
)
_CONSTRUCTORS = _words(
    r"constructors|constructor|constructors championship|wcc|team|teams|"
    r"team championship|teams championship"
)
_H2H = _words(
    r"head to head|h2h|head2head|vs|versus|v|against|compare|compared|comparison|"
    r"compare between|beat|outqualified|outqualify|out qualified|battle|"
    r"more points|more wins|more podiums|more poles|scored more|did better|finished ahead|"
    r"who was better|better driver"
)
_COUNT = _words(r"how many|how much|number of|count of|total")
_STAT_WORDS: tuple[
    tuple[re.Pattern[str], Literal["wins", "poles", "podiums", "points", "entries"]], ...
] = (
    (_words(r"poles|pole positions|pole|pole position"), "poles"),
    (_words(r"podiums|podium|podium finishes|top 3 finishes|top three finishes"), "podiums"),
    (_words(r"points|point"), "points"),
    (_words(r"wins|win|won|victories|victory|race wins|grand prix wins"), "wins"),
    (_words(r"entries|starts|races|grands prix|grand prix|started|entered|raced"), "entries"),
)
_MOST_WINS = _words(
    r"most wins|most victories|most race wins|most grand prix wins|won the most|"
    r"most successful|winningest|won most|the most races|most races won|"
    r"most [a-z]+ wins|won (?:[a-z]+ ){1,4}the most|the most times"
)
_WON = _words(
    r"won|win|wins|winner|winners|victory|victor|triumphed|first place|"
    r"took the win|take the win|took the chequered flag"
)
_PODIUM = _words(r"podium|podiums|top 3|top three|podium finishers|rostrum")
_RESULT_WORDS = re.compile(f"{_WON.pattern}|{_PODIUM.pattern}")
_SEASON_WORD = _words(r"season|championship|title|year|standings")
_H2H_OR_SEASON = re.compile(f"{_H2H.pattern}|{_SEASON_WORD.pattern}")
_CHAMPION_ASK = _words(r"champion|champions|wdc|wcc|crowned|who was|who took|who got")
_TEAM_WORDS = _words(r"team|teams|constructor|constructors")
_TIMES = _words(r"how many times|how often")
_QUALIFY_FOR_SPRINT = _words(r"(?:qualify|qualified|qualifying|quali) (?:for|in) the sprint")
_QUALIFYING_ONLY = _words(
    r"outqualify|outqualified|outqualifies|out qualified|out qualify|off pole|off the pole|"
    r"behind pole|qualified|qualify"
)
_RACE_END = _words(r"finish|finished|finishing|chequered flag|checkered flag|crossed the line")
# "Schumacher's wins at Magny-Cours": a career count at one circuit, no season needed.
_WINS_AT = _words(r"wins at|won at|victories at|wins in|victories in|win at")
_WHO_WON = _words(r"who won|winner")
_ANYTHING = re.compile("")
_TEAMMATE = _words(
    r"teammate|teammates|team mate|team mates|teammate battle|teammate head to head|"
    r"intra team|inside the team|his teammate|her teammate|their teammate"
)
_MARGIN = _words(
    r"winning margin|margin of victory|victory margin|won by how much|by how much|"
    r"how much did \w+ win by|what was the margin|the margin"
)
_POLE_WORD = _words(r"pole|pole position|on pole|pole sitter|polesitter")
_FASTEST_LAP_WORD = _words(r"fastest lap|fastest laps")
_SUMMARY = _words(r"what happened|summary|summarise|summarize|recap|report|tell me about")
_HISTORIC = re.compile(
    f"{_MARGIN.pattern}|{_POLE_WORD.pattern}|{_FASTEST_LAP_WORD.pattern}|{_SUMMARY.pattern}|"
    f"{_PODIUM.pattern}"
)
_POLE_WORDS = _words(r"pole|poles|pole position|polesitter|pole sitter")
_TITLE_UNSUPPORTED = _words(r"how many (?:world )?(?:titles|championships)")

# A summary tells a whole session: a question about one moment of it is not one.
_SUMMARY_MOMENT = _words(
    r"(?:the |race )?start|restarts?|first lap|opening laps?|lap one|last (?:\w+ )?laps|"
    r"final (?:\w+ )?laps|closing laps|crash|crashes|crashed|incidents?|overtakes?|"
    r"overtaking|overtook|passes|battles?|fights?|duels?|the track|the circuit"
)
# "How did X do", "what happened to X": about someone, so X must be a known driver or team.
_SUMMARY_WHOM = _words(
    r"how did (?:\w+ ){1,3}(?:do|get on|fare|perform|get along)|what happened to|"
    r"what went wrong for|how was \w+ s"
)

_INTENTS: tuple[tuple[Intent, re.Pattern[str]], ...] = tuple(
    (intent, _words(words)) for intent, words in INTENT_WORDS
)

# Words an unknown name cannot be: they stop "How did Smith do" from flagging "How".
_COMMON = _word_set(
    """
    a an the and or of in at on for to from by with vs versus v who what which when
    where how why whose whom is was were are be been being do did does done doing has
    have had having give show tell list me us i my mine we our you your it its this that
    these those there their them they he she his her him please can could would should
    will shall may might about than then more most less least much many any some all
    each every other same one two three four five six seven eight nine ten first second
    third last next previous fastest quickest slowest best worst fast quick slow faster
    quicker slower better worse lap laps time times session sessions weekend grand prix
    gp race races sprint practice qualifying quali pole poles podium podiums win wins
    won winner victory victories points point result results classification standing
    standings championship champion title driver drivers team teams constructor
    constructors season year years round after before during between against compare
    compared comparison pace gap gaps delta margin difference strategy strategies tyre
    tyres tire tires stint stints compound compounds degradation deg pit pits stop stops
    speed trap traps top sector sectors theoretical ideal optimal weather temperature
    track air rain wet positions position trace leader interval teammate teammates mate
    mates head h2h formula f1 one world career total number count ever all time history
    historically so far get got set take took make made finish finished finishing end
    start started grid gained lost places order chart graph plot data analysis analyse
    analyze summary average median long run runs lead led leading runner up do doing
    score scored earn earned achieve achieved have had hold held over under up down out
    off not no yes if but just only also still yet again ok okay hey hi hello thanks
    thank s t what's circuit track lap record straight line max maximum minimum min
    close closest far how's gp grands prix edition event events race's entry entries
    starts raced everyone everybody anyone anybody actual actually someone nobody
    gainers losers movers climbers
    """
)

# Words that follow a person's name at the start of a question ("Zhang's strategy").
_PERSONAL = _word_set(
    """
    s fastest quickest best strategy pace lap laps pit pits stops sectors sector tyres tires
    stint stints vs versus speed top gap position positions wins podiums poles points career
    record results result times qualifying quali race
    """
)

# Tokens too common to fuzzy-match against a surname ("scroll" is not Stroll).
_NOT_FUZZY = _COMMON | _word_set(
    """
    scroll ghastly bottles along alone saint peres ricardo hamlet
    """
)


def _place_display(alias: str) -> str:
    return PLACE_DISPLAY.get(alias) or " ".join(w.capitalize() for w in alias.split())


def _build_phrases() -> dict[str, tuple[_Kind, str, str]]:
    """Every multi- or single-word name -> (kind, value, how), keyed by normalised text."""
    phrases: dict[str, tuple[_Kind, str, str]] = {}
    for alias in EVENT_ALIASES:
        phrases[_norm(alias)] = ("event", _place_display(_norm(alias)), "exact")
    for name, forms in GRAND_PRIX.items():
        for form in forms:
            key = _norm(form)
            phrases[key] = ("event", name, "exact")
            if not key.endswith("grand prix"):
                phrases[f"{key} grand prix"] = ("event", name, "exact")
    for place, forms in (*PLACE_EVENTS.items(), *COUNTRY_EVENTS.items()):
        for form in forms:
            phrases[_norm(form)] = ("event", place, "exact")
            if not form.endswith("grand prix"):
                # "bahrain grand prix" names the Grand Prix, "bahrain" the country
                phrases.setdefault(f"{_norm(form)} grand prix", ("event", place, "exact"))
    for alias in list(EVENT_ALIASES):
        key = _norm(alias)
        phrases.setdefault(f"{key} grand prix", ("event", _place_display(key), "exact"))
    for circuit in HISTORIC_CIRCUITS:
        phrases.setdefault(_norm(circuit), ("event", _place_display(_norm(circuit)), "exact"))
    for nick, name in HISTORIC_NICKNAMES.items():
        phrases[_norm(nick)] = ("person", name, "historic")
    for team, forms in TEAMS.items():
        for form in forms:
            phrases[_norm(form)] = ("team", team, "exact")
    for phrase in ("max speed", "max top speed", "max speeds"):
        phrases[phrase] = ("word", phrase, "exact")
    for phrase, kind in _SESSION_PHRASES.items():
        phrases[phrase] = (
            "session",
            kind.value,
            "weak" if phrase in _WEAK_SESSION_PHRASES else "exact",
        )
    for d in DRIVERS:
        phrases[_norm(d.last)] = ("driver", d.code, "surname")
        phrases[_norm(d.full_name)] = ("driver", d.code, "full")
        phrases[_norm(f"{d.first.split()[0]} {d.last}")] = ("driver", d.code, "full")
        for nick in d.nicknames:
            phrases[_norm(nick)] = ("driver", d.code, "nick")
    firsts: dict[str, list[str]] = {}
    for d in DRIVERS:
        for first in d.first.split():
            firsts.setdefault(_norm(first), []).append(d.code)
    for first, codes in firsts.items():
        if first not in phrases:
            phrases[first] = ("driver", "|".join(codes), "first")
    phrases["kimi"] = ("driver", "RAI|ANT", "first")
    # the generic word must not shadow the phrases that contain it
    phrases.pop("grand prix", None)
    return phrases


_PHRASES = _build_phrases()
# Event and team names, by their number of words, for typo-tolerant matching.
_PLACE_NAMES: dict[int, dict[str, tuple[_Kind, str]]] = {}
for _key, (_kind, _value, _how) in _PHRASES.items():
    if _kind in ("event", "team") and len(_key) >= 5:
        _PLACE_NAMES.setdefault(len(_key.split()), {})[_key] = (_kind, _value)


def _fuzzy_place(parsed: _Parsed, i: int) -> int:
    """Tag a misspelt event or team ("silverston", "abu dabi", "ferari") starting at word
    ``i``; the number of words taken, 0 when none. Never picks between two close names."""
    for size in (2, 1):
        words = parsed.tokens[i : i + size]
        if len(words) < size or any(w in _NOT_FUZZY or not w.isalpha() for w in words):
            continue
        said = " ".join(words)
        if len(said) < 5:
            continue
        names = _PLACE_NAMES.get(size, {})
        close = difflib.get_close_matches(said, list(names), n=3, cutoff=0.85)
        targets = {names[c] for c in close}
        if len(targets) == 1:
            kind, value = targets.pop()
            parsed.tags.append(_Tag(kind, value, i, i + size, "fuzzy"))
            return size
    return 0


_MAX_PHRASE = max(len(k.split()) for k in _PHRASES)
_BY_CODE: dict[str, DriverEntry] = {d.code: d for d in DRIVERS}
_SURNAMES: dict[str, str] = {_norm(d.last): d.code for d in DRIVERS if " " not in d.last}
# Lower-case codes that are not also English words; upper-case codes always count.
_SAFE_LOWER_CODES = _word_set(
    """
    ver ham lec sai alo oco pia tsu alb hul zho ric rus mag sar vet rai gio kvy lat maz
    eri gro
    """
)

_YEAR_RE = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_SHORT_YEAR_RE = re.compile(r"(?<![\w'’‘])['’‘](\d\d)\b")
_RELATIVE_RE = re.compile(
    r"\b(this|last|next|current|previous|coming|upcoming)\s+(year|season|years|seasons)\b",
    re.IGNORECASE,
)
_VAGUE_WHEN_RE = re.compile(
    r"\b(this weekend|last weekend|next weekend|yesterday|today|tomorrow|last race|"
    r"latest race|next race|recent race|most recent race|last sunday)\b",
    re.IGNORECASE,
)
_YEAR_RANGE_RE = re.compile(
    r"\b(?:between|from)\s+(1[89]\d\d|20\d\d)\s+(?:and|to|until)\s+(1[89]\d\d|20\d\d)\b|"
    r"\b(1[89]\d\d|20\d\d)\s*(?:-|\u2013|to)\s*(1[89]\d\d|20\d\d)\b|"
    r"\b(since|after|before|until|up to)\s+(1[89]\d\d|20\d\d)\b",
    re.IGNORECASE,
)
_DECADE_RE = re.compile(r"(?:\bthe\s+)?(?:\b(19|20)|['’‘]|\b)(\d)0s\b", re.IGNORECASE)
_AFTER_ROUND_RE = re.compile(
    r"\bafter\s+(?:round|race|rd|r)\s*(\d{1,2})\b|\bafter\s+(\d{1,2})\s+(?:rounds|races)\b",
    re.IGNORECASE,
)
_CAR_RE = re.compile(
    r"(?:\bcar\s*(?:number|no\.?|#)?\s*|#|\bnumber\s+|\bno\.\s*)(\d{1,2})\b", re.IGNORECASE
)


class RuleBasedQueryInterpreter:
    """Reads a question with word lists and rules; no network, well under a millisecond.

    ``current_year`` pins "this year" and "last year" (defaults to today's year);
    ``last_season`` is the latest season with results: later seasons are refused as future.
    """

    def __init__(
        self, *, current_year: int | None = None, last_season: int = LAST_ARCHIVE_SEASON
    ) -> None:
        self._current_year = current_year or dt.date.today().year
        self._last_season = last_season

    async def interpret(self, question: str, context: Query | None = None) -> Interpretation:
        """The query ``question`` asks, or a ``Refusal`` saying what is missing.

        ``context`` is the previous question's query: a follow-up ("and in the race?",
        "what about Bottas?", "and in 2019?") is read against it.
        """
        return self.interpret_now(question, context)

    def interpret_now(self, question: str, context: Query | None = None) -> Interpretation:
        """The synchronous core of ``interpret`` (pure; handy in benchmarks and tests)."""
        try:
            if context is None:
                return self._interpret(question)
            return self._interpret_in_context(question, context)
        except _RefusedError as refusal:
            return refusal.refusal

    # --- follow-ups ------------------------------------------------------------------------

    def _interpret_in_context(self, question: str, context: Query) -> Interpretation:
        """A follow-up resolved against ``context``; a question that stands alone as itself.

        A question is a follow-up when it starts like one ("and", "what about", ...) or when
        on its own it lacks a season or event. A follow-up that only names new slots (a
        season, an event, a session, drivers) asks the previous kind again with them; one
        with words of its own asks its own kind, with the season, event and session it does
        not name taken from the previous question. What cannot be resolved is refused.
        """
        try:
            alone: Interpretation = self._interpret(question)
        except _RefusedError as refusal:
            alone = refusal.refusal
        p = self._parse(question)
        marked = bool(_FOLLOW_UP.search(p.text))
        if not marked and not (isinstance(alone, Refusal) and alone.kind == "ambiguous"):
            return alone
        previous = msgspec.json.decode(encode_query(context))
        if _only_slots(p):
            return self._same_kind_with(p, previous)
        if not self._asks_something(p.text):
            raise _refusal(
                "I couldn't tell what that follow-up asks; ask a whole question, e.g. "
                "'and the fastest lap?' or 'what about Bottas?'.",
                "ambiguous",
            )
        self._inherit(p, previous)
        return self._decide(p)

    @staticmethod
    def _asks_something(t: str) -> bool:
        """Words of a kind of question: a session intent, a result or an archive intent."""
        return bool(
            _intent(t)
            or _WON.search(t)
            or _PODIUM.search(t)
            or any(rule.words.search(t) for rule in _ARCHIVE_RULES if rule.words is not _ANYTHING)
        )

    def _same_kind_with(self, p: _Parsed, previous: dict[str, Any]) -> Interpretation:
        changed = dict(previous)
        years = _unique(p.years)
        year = years[0] if len(years) == 1 else previous.get("year")
        tags = {kind: [t for t in p.tags if t.kind == kind] for kind in _SLOT_TAGS}
        asked: list[tuple[str, Any]] = []
        if len(years) == 1:
            asked.append(("year", years[0]))
        if tags["event"]:
            asked.append(("circuit" if "circuit" in previous else "event", tags["event"][0].value))
        if tags["session"]:
            asked.append(("session", tags["session"][0].value))
        if tags["driver"] or tags["person"]:
            asked.extend(self._people_slots(p, previous, year if isinstance(year, int) else None))
        if tags["team"] and previous.get("subject_kind") == "team":
            asked.append(("subject", tags["team"][0].value))
        if not asked:
            raise _refusal(
                "I couldn't tell what that follow-up changes; name a season, an event, a "
                "session or a driver, or ask a whole question.",
                "ambiguous",
            )
        for slot, value in asked:
            if slot not in previous:
                raise _refusal(
                    f"The previous answer has no {slot} to change; ask a whole question.",
                    "ambiguous",
                )
            changed[slot] = value
        if changed.get("type") == "race-summary" and changed.get("drivers"):
            # "What about Bottas?" after a race's summary asks for his session's.
            changed["type"] = "driver-session-summary"
        try:
            return decode_query(msgspec.json.encode(changed))
        except InvalidRequestError:
            raise _refusal(
                "That follow-up doesn't fit the previous question; ask a whole question.",
                "ambiguous",
            ) from None

    def _people_slots(
        self, p: _Parsed, previous: dict[str, Any], year: int | None
    ) -> list[tuple[str, Any]]:
        if "drivers" in previous:
            return [("drivers", list(self._drivers(p, year)))]
        people = self._people(p, year)
        if "driver_a" in previous and len(people) == 2:
            return [("driver_a", people[0]), ("driver_b", people[1])]
        for slot in ("subject", "driver"):
            if slot in previous and previous.get("subject_kind", "driver") == "driver":
                if len(people) != 1:
                    raise _refusal("Ask about one driver at a time.", "ambiguous")
                return [(slot, people[0])]
        return [("drivers", people)]  # no such slot: refused by the caller

    @staticmethod
    def _inherit(p: _Parsed, previous: dict[str, Any]) -> None:
        """Give ``p`` the previous question's season, event and session it does not name."""
        if not p.years and isinstance(previous.get("year"), int):
            p.years.append(previous["year"])
        has = {tag.kind for tag in p.tags}
        if "event" not in has and isinstance(previous.get("event"), str):
            p.tags.append(_Tag("event", previous["event"], -1, -1))
        if "session" not in has and isinstance(previous.get("session"), str):
            p.tags.append(_Tag("session", previous["session"], -1, -1))
        if "driver" not in has and _PRONOUN.search(p.text):
            for code in previous.get("drivers") or ():
                p.tags.append(_Tag("driver", code, -1, -1, "code"))

    # --- pass 1 and 2: years, names --------------------------------------------------------

    def _interpret(self, question: str) -> Interpretation:
        if not question or not question.strip():
            raise _refusal(
                "Ask a question about Formula 1, e.g. 'who won the 2021 Abu Dhabi GP?'",
                "unsupported",
            )
        if len(question) > MAX_QUESTION_LENGTH:
            raise _refusal(
                f"That question is too long; keep it to {MAX_QUESTION_LENGTH} characters.",
                "unsupported",
            )
        parsed = self._parse(question)
        return self._decide(parsed)

    def _parse(self, question: str) -> _Parsed:
        text = _fold(question)
        years: list[int] = []
        relative: str | None = None

        def take_year(m: re.Match[str]) -> str:
            years.append(int(m.group(1)))
            return " "

        def take_short(m: re.Match[str]) -> str:
            two = int(m.group(1))
            years.append(1900 + two if two >= 50 else 2000 + two)
            return " "

        def take_relative(m: re.Match[str]) -> str:
            nonlocal relative
            which = m.group(1).lower()
            if which in ("this", "current"):
                years.append(self._current_year)
            elif which in ("last", "previous"):
                years.append(self._current_year - 1)
            else:
                years.append(self._current_year + 1)
            relative = m.group(0).lower()
            return " "

        after_round: int | None = None

        def take_round(m: re.Match[str]) -> str:
            nonlocal after_round
            after_round = int(m.group(1) or m.group(2))
            return " "

        text = _AFTER_ROUND_RE.sub(take_round, text)
        year_range: tuple[int | None, int | None] | None = None

        def take_range(m: re.Match[str]) -> str:
            nonlocal year_range
            if m.group(5):
                y, word = int(m.group(6)), m.group(5).lower()
                year_range = (y, None) if word == "since" else (y + 1, None)
                if word in ("before", "until", "up to"):
                    year_range = (None, y - 1 if word == "before" else y)
            else:
                a, b = int(m.group(1) or m.group(3)), int(m.group(2) or m.group(4))
                year_range = (a, b)
            return " "

        text = _YEAR_RANGE_RE.sub(take_range, text)

        def take_decade(m: re.Match[str]) -> str:
            nonlocal year_range
            digit = int(m.group(2))
            century = int(m.group(1)) if m.group(1) else (19 if digit >= 5 else 20)
            start = century * 100 + digit * 10
            year_range = (start, start + 9)
            return " "

        text = _DECADE_RE.sub(take_decade, text)
        vague = _VAGUE_WHEN_RE.search(text)
        text = _YEAR_RE.sub(take_year, text)
        text = _SHORT_YEAR_RE.sub(take_short, text)
        text = _RELATIVE_RE.sub(take_relative, text)
        cars: list[int] = []

        def take_car(m: re.Match[str]) -> str:
            cars.append(int(m.group(1)))
            return " "

        text = _CAR_RE.sub(take_car, text)
        # "GP" spelled out once here, so every name list only needs "grand prix"
        original = [
            part
            for word in re.findall(r"[A-Za-z0-9]+", text)
            for part in (("grand", "prix") if word.lower() == "gp" else (word,))
        ]
        tokens = [t.lower() for t in original]
        parsed = _Parsed(
            text=" ".join(tokens),
            years=years,
            relative_year=relative,
            after_round=after_round,
            tokens=tokens,
            original=original,
            year_range=year_range,
        )
        if vague and not years:
            parsed.relative_year = vague.group(0).lower()
        self._tag(parsed)
        for number in cars:
            parsed.tags.append(self._car(number, years))
        return parsed

    def _car(self, number: int, years: list[int]) -> _Tag:
        owners = CAR_NUMBERS.get(number, ())
        if years:
            owners = tuple(o for o in owners if o[1] <= years[0] <= o[2])
        codes = sorted({o[0] for o in owners})
        if not codes:
            raise _refusal(
                f"I don't know which driver raced car number {number}"
                + (f" in {years[0]}" if years else "")
                + "; name the driver instead.",
                "unknown_name",
            )
        return _Tag("driver", "|".join(codes), -1, -1, "number")

    def _tag(self, parsed: _Parsed) -> None:
        tokens, original = parsed.tokens, parsed.original
        i = 0
        while i < len(tokens):
            for size in range(min(_MAX_PHRASE, len(tokens) - i), 0, -1):
                key = " ".join(tokens[i : i + size])
                hit = _PHRASES.get(key)
                if hit is not None:
                    kind, value, how = hit
                    parsed.tags.append(_Tag(kind, value, i, i + size, how))
                    i += size
                    break
            else:
                size = _fuzzy_place(parsed, i)
                if size:
                    i += size
                    continue
                self._tag_word(parsed, i, tokens[i], original[i])
                i += 1

    def _tag_word(self, parsed: _Parsed, i: int, token: str, original: str) -> None:
        code = token.upper()
        if code in _BY_CODE and (original.isupper() or token in _SAFE_LOWER_CODES):
            parsed.tags.append(_Tag("driver", code, i, i + 1, "code"))
            return
        if original in ("Q", "SQ", "FP"):
            # a capital Q is qualifying ("quickest in Q"); a lower-case q is too easily a typo
            if original != "FP":
                kind = SessionKind.QUALIFYING if original == "Q" else SessionKind.SPRINT_QUALIFYING
                parsed.tags.append(_Tag("session", kind.value, i, i + 1, "exact"))
            return
        if token in HISTORIC_DRIVERS:
            parsed.tags.append(_Tag("person", original, i, i + 1, "historic"))
            return
        if len(token) >= 6 and token.isalpha() and token not in _NOT_FUZZY:
            close = difflib.get_close_matches(token, list(_SURNAMES), n=2, cutoff=0.8)
            if len(close) == 1:
                parsed.tags.append(_Tag("driver", _SURNAMES[close[0]], i, i + 1, "fuzzy"))
                return
        if token.isalpha() and token not in _COMMON and self._looks_like_name(parsed, i):
            parsed.unknown_names.append(original)

    @staticmethod
    def _looks_like_name(parsed: _Parsed, i: int) -> bool:
        """A capitalised word mid-sentence, or a word in a slot only a person fills; first
        in the question, a capitalised word whose next word is what a person has
        ("Zhang's strategy", "Johnson fastest lap")."""
        word = parsed.original[i]
        after = parsed.tokens[i + 1] if i + 1 < len(parsed.tokens) else ""
        if word[:1].isupper() and not word.isupper() and (i > 0 or after in _PERSONAL):
            return True
        before = parsed.tokens[i - 1] if i > 0 else ""
        return before in {
            "vs",
            "versus",
            "v",
            "and",
            "compare",
            "between",
            "does",
            "has",
            "did",
        } or after in {"vs", "versus", "v"}

    # --- pass 3: intent --------------------------------------------------------------------

    def _decide(self, p: _Parsed) -> Interpretation:
        t = p.text
        has_names = any(tag.kind in ("driver", "team", "event") for tag in p.tags)
        if _OTHER_SPORTS.search(t):
            raise _refusal(
                "I only hold Formula 1: results, lap times, strategy and standings of the "
                "world championship.",
                "off_topic",
            )
        if _CREATIVE.search(t):
            raise _refusal(
                "I only answer questions about Formula 1 data: results, lap times, "
                "strategy, standings.",
                "off_topic",
            )
        if (not _F1_WORDS.search(t) and not has_names and not p.years) or (
            not _F1_WORDS.search(t)
            and not p.years
            and not any(tag.kind in ("driver", "team", "session") for tag in p.tags)
        ):
            raise _refusal(
                "That doesn't look like a Formula 1 question; ask about a race, a "
                "driver, a team or a season.",
                "off_topic",
            )
        for pattern, facet in _UNANSWERED:
            if pattern.search(t):
                raise _refusal(
                    f"I can't answer questions about {facet}. I can give results, lap times, "
                    "sectors, speeds, pit stops, tyres, positions and the archive's counts.",
                    "unsupported",
                )
        events = _unique(tag.value for tag in p.tags if tag.kind == "event")
        sessions = [tag for tag in p.tags if tag.kind == "session"]
        if not events and not sessions and self._is_everyday(t, p):
            raise _refusal(
                "That doesn't look like a Formula 1 question; ask about a race, a "
                "driver, a team or a season.",
                "off_topic",
            )
        if p.relative_year and not p.years:
            raise _refusal(
                f"Which season and event do you mean by {p.relative_year!r}? Name them, "
                "e.g. 'the 2024 Spanish GP'.",
                "ambiguous",
            )
        years = _unique(p.years)
        if len(years) > 1:
            raise _refusal(
                "One season at a time, please: the question names "
                + " and ".join(str(y) for y in years)
                + ".",
                "ambiguous",
            )
        year = years[0] if years else None
        if year is not None and year > self._last_season:
            what = p.relative_year or str(year)
            raise _refusal(
                f"I have no results for {what} ({year}) yet: the data stops at the "
                f"{self._last_season} season.",
                "future",
            )
        if year is not None and year < 1950:
            raise _refusal(
                f"The world championship started in 1950; there is no {year} season.", "unsupported"
            )
        if p.unknown_names:
            archive_ok = self._archive_person_question(t)
            if not archive_ok or (len(p.unknown_names) == 1 and not self._person_tags(p)):
                name = p.unknown_names[0]
                if not (archive_ok and len(p.unknown_names) >= 2):
                    raise _refusal(
                        f"I don't know a driver called {name!r}; use a surname, a "
                        "three-letter code (e.g. VER) or a car number.",
                        "unknown_name",
                    )
        if len(events) > 1:
            raise _refusal(
                "The question names several events ("
                + ", ".join(events)
                + "); ask about one at a time.",
                "ambiguous",
            )
        event = events[0] if events else None
        if year is None and event in ONE_SEASON_EVENTS and not p.relative_year:
            year = ONE_SEASON_EVENTS[event]
        session, session_hint = self._session(p, sessions)
        return self._archive_or_session(p, year, event, session, session_hint)

    @staticmethod
    def _is_everyday(t: str, p: _Parsed) -> bool:
        """Weather or news wording with no race, driver or season in sight."""
        if p.years or any(tag.kind in ("driver", "team", "person") for tag in p.tags):
            return False
        return bool(
            _words(
                r"weather|forecast|temperature|rain|news|stock|price|how do i|how to|how can i"
            ).search(t)
        )

    @staticmethod
    def _archive_person_question(t: str) -> bool:
        return bool(_COUNT.search(t) or _H2H.search(t) or _words(r"has|have|career").search(t))

    @staticmethod
    def _person_tags(p: _Parsed) -> list[_Tag]:
        return [tag for tag in p.tags if tag.kind in ("driver", "person")]

    @staticmethod
    def _session(p: _Parsed, sessions: list[_Tag]) -> tuple[SessionKind | None, bool]:
        strong = _unique(SessionKind(tag.value) for tag in sessions if tag.how != "weak")
        if set(strong) == {
            SessionKind.QUALIFYING,
            SessionKind.SPRINT,
        } and _QUALIFY_FOR_SPRINT.search(p.text):
            strong = [SessionKind.SPRINT_QUALIFYING]  # "where did he qualify for the sprint"
        if len(strong) > 1:
            raise _refusal(
                "The question names several sessions ("
                + ", ".join(k.label for k in strong)
                + "); ask about one.",
                "ambiguous",
            )
        hint = bool(_words(r"grand prix|gp|grands prix").search(p.text)) or any(
            tag.kind == "event"
            and tag.value.endswith("Grand Prix")
            and "grand prix" in " ".join(p.tokens[tag.start : tag.end])
            for tag in p.tags
        )
        return (strong[0] if strong else None), hint

    # --- archive intents -------------------------------------------------------------------

    def _archive_or_session(
        self,
        p: _Parsed,
        year: int | None,
        event: str | None,
        session: SessionKind | None,
        gp_hint: bool,
    ) -> Interpretation:
        championship: Literal["drivers", "constructors"] = (
            "constructors"
            if _CONSTRUCTORS.search(p.text) and not self._drivers(p, year)
            else "drivers"
        )
        if _intent(p.text) == "laps_led":
            # Laps led live in the lap timing, never in the archive: no archive rule may
            # read "how many laps did the winner lead" as a question about the winner.
            if year is None and event is None:
                raise _refusal(
                    "Laps led come from lap-by-lap timing, which the archive does not hold, "
                    "so I can't count them over a career; ask about one race from "
                    f"{FIRST_TIMED_SEASON}, e.g. 'who led the most laps in Baku 2018'.",
                    "unsupported",
                )
            return self._session_query(p, year, event, session, gp_hint)
        ask = _Ask(p, year, event, session, championship)
        for rule in _ARCHIVE_RULES:
            if rule.words.search(p.text) and rule.when(ask):
                answer = rule.answer(self, ask)
                if answer is not None:
                    return answer
        return self._session_query(p, year, event, session, gp_hint)

    # Each archive rule's answer: a query, a refusal (raised), or None to let later rules
    # and then the session kinds try.

    def _archive_stat(self, a: _Ask) -> Interpretation | None:
        p = a.p
        if _RUNNER_UP.search(p.text) and not p.year_range:
            return None  # the champion kind says who was runner-up, with the gap
        if _TEAMMATE.search(p.text) or _H2H.search(p.text):
            return None  # a battle between drivers, not a statistic
        words = next(
            (" ".join(p.tokens[x.start : x.end]) for x in p.tags if x.kind == "event"), None
        )
        answer = stat_query(
            StatAsk(
                text=p.text,
                year=a.year,
                year_range=p.year_range,
                event=a.event,
                event_words=words,
                session=a.session not in (None, SessionKind.RACE),
                people=tuple(self._people(p, a.year)),
                teams=tuple(_unique(x.value for x in p.tags if x.kind == "team")),
            )
        )
        if isinstance(answer, Refusal):
            raise _RefusedError(answer)
        if answer is None and p.year_range is not None:
            raise _refusal(
                "A range of seasons works for archive statistics (wins, poles, titles...); "
                "for anything else ask about one season.",
                "unsupported",
            )
        return answer

    def _historic_race(self, a: _Ask) -> Interpretation | None:
        t = a.p.text
        if a.event is None or a.year is None or a.session not in (None, SessionKind.RACE):
            return None
        facts = sum(bool(w.search(t)) for w in (_PODIUM, _POLE_WORD, _FASTEST_LAP_WORD, _MARGIN))
        old = a.year < FIRST_TIMED_SEASON
        # a recorded season's margin is the session's official classification (its kinds)
        asked = _MARGIN.search(t) or _SUMMARY.search(t) or _POLE_WORD.search(t)
        if facts >= 2 or (old and (asked or _FASTEST_LAP_WORD.search(t))):
            return HistoricRaceQuery(year=a.year, event=a.event)
        return None

    def _teammate_battle(self, a: _Ask) -> Interpretation | None:
        if a.event is not None or a.session not in (None, *_SEASON_BATTLES):
            return None  # one session's team-mate gaps: the session kind answers
        people = self._people(a.p, a.year)
        teams = _unique(x.value for x in a.p.tags if x.kind == "team")
        if len(teams) > 1 or len(people) > 2 or not (teams or people):
            return None
        year = self._need_year(a.year, "team-mates")
        return TeammateHeadToHeadQuery(
            year=year,
            team=teams[0] if teams else None,
            driver_a=people[0] if people else None,
            driver_b=people[1] if len(people) > 1 else None,
        )

    def _titles_count(self, a: _Ask) -> Interpretation | None:
        raise _refusal(
            "I can't count championships yet; ask who won a season's title, or "
            "for wins, poles, podiums or points.",
            "unsupported",
        )

    def _runner_up(self, a: _Ask) -> Interpretation | None:
        year = self._need_year(a.year, "championship")
        return ChampionQuery(year=year, championship=a.championship, runner_up=True)

    def _standings(self, a: _Ask) -> Interpretation | None:
        return ChampionshipStandingsQuery(
            year=self._need_year(a.year, "standings"),
            championship=a.championship,
            after_round=a.p.after_round,
        )

    def _career_count(self, a: _Ask) -> Interpretation | None:
        if a.event is not None and a.year is not None and _intent(a.p.text, skip_results=True):
            return None  # "how many laps did he complete in Baku 2018": a session question
        stat = self._stat(a.p.text)
        return None if stat is None else self._count(a.p, a.year, a.event, stat)

    def _most_wins(self, a: _Ask) -> Interpretation | None:
        if a.event:
            return WinsAtCircuitQuery(circuit=a.event)
        team = bool(_TEAM_WORDS.search(a.p.text))
        return MostWinsQuery(subject_kind="team" if team else "driver", year=a.year)

    def _head_to_head(self, a: _Ask) -> Interpretation | None:
        people = self._people(a.p, a.year)
        if len(people) != 2 or a.year is None:
            return None
        return SeasonHeadToHeadQuery(year=a.year, driver_a=people[0], driver_b=people[1])

    def _champion(self, a: _Ask) -> Interpretation | None:
        year = self._need_year(a.year, "championship")
        return ChampionQuery(year=year, championship=a.championship)

    def _times_won_at(self, a: _Ask) -> Interpretation | None:
        assert a.event is not None
        people = self._people(a.p, a.year)
        return WinsAtCircuitQuery(circuit=a.event, driver=people[0] if people else None)

    def _race_result(self, a: _Ask) -> Interpretation | None:
        t, event = a.p.text, a.event
        if a.year is None:
            raise _refusal(f"Which year's {event}? e.g. 'who won the 2021 {event}'.", "ambiguous")
        assert event is not None
        if _PODIUM.search(t):
            return PodiumQuery(year=a.year, event=event)
        if _POLE_WORDS.search(t):
            return None  # "who won the pole" is qualifying's, not the race's winner
        if not _intent(t, skip_results=True) or _WHO_WON.search(t):
            return RaceWinnerQuery(year=a.year, event=event)
        return None

    def _stat(self, t: str) -> Literal["wins", "poles", "podiums", "points", "entries"] | None:
        if _words(r"how many races (?:has|have|did) .*(?:win|won)").search(t):
            return "wins"
        if _words(r"how many times (?:has|have|did) .*(?:win|won)").search(t):
            return "wins"
        for pattern, stat in _STAT_WORDS:
            if pattern.search(t):
                return stat
        return None

    def _count(
        self,
        p: _Parsed,
        year: int | None,
        event: str | None,
        stat: Literal["wins", "poles", "podiums", "points", "entries"],
    ) -> Interpretation:
        people = self._people(p, year)
        teams = _unique(tag.value for tag in p.tags if tag.kind == "team")
        if event and year is None and stat == "wins":
            return WinsAtCircuitQuery(circuit=event, driver=people[0] if people else None)
        if event:
            raise _refusal(
                f"I count {stat} by season or career, not per event; ask 'how many "
                f"{stat} did X get in {year or 2021}'.",
                "unsupported",
            )
        if len(people) + len(teams) > 1:
            raise _refusal("Ask about one driver or team at a time.", "ambiguous")
        if people:
            return CareerStatQuery(subject=people[0], subject_kind="driver", stat=stat, year=year)
        if teams:
            return CareerStatQuery(subject=teams[0], subject_kind="team", stat=stat, year=year)
        raise _refusal(f"Whose {stat}? Name a driver or a team.", "ambiguous")

    def _people(self, p: _Parsed, year: int | None) -> list[str]:
        """Drivers named in the question, written the way the archive resolves them."""
        out: list[str] = []
        tags = sorted(
            (tag for tag in p.tags if tag.kind in ("driver", "person")), key=lambda tag: tag.start
        )
        i = 0
        while i < len(tags):
            tag = tags[i]
            if tag.kind == "person":
                # consecutive historic words form one name: "Michael Schumacher"
                words = [tag.value]
                while (
                    i + 1 < len(tags)
                    and tags[i + 1].start == tags[i].end
                    and tags[i + 1].kind in ("person", "driver")
                    and tags[i + 1].how in ("historic", "surname")
                ):
                    i += 1
                    words.append(p.original[tags[i].start])
                out.append(" ".join(words))
            elif (
                tag.how == "surname"
                and p.tokens[tag.start] in SHARED_SURNAMES
                and (year is None or year < FIRST_TIMED_SEASON)
            ) or (tag.how == "first" and year is not None and year < FIRST_TIMED_SEASON):
                # the timed seasons' names do not decide an older season: "Nico" in 2016 is
                # Rosberg or Hülkenberg, which the archive's entry list tells
                out.append(p.original[tag.start])
            else:
                out.append(_BY_CODE[self._pick(tag, year, p)].full_name)
            i += 1
        if not out and p.unknown_names and len(p.unknown_names) >= 2:
            out.append(" ".join(p.unknown_names))
        return _unique(out)

    @staticmethod
    def _pick(tag: _Tag, year: int | None, p: _Parsed) -> str:
        codes = tag.value.split("|")
        if len(codes) > 1 and year is not None:
            raced = [c for c in codes if year in _BY_CODE[c].teams]
            codes = raced or codes
        if len(codes) > 1:
            said = " ".join(p.original[tag.start : tag.end]) if tag.start >= 0 else "that number"
            names = " or ".join(_BY_CODE[c].full_name for c in codes)
            raise _refusal(
                f"{said!r} could be {names}; use the surname or give the season.", "ambiguous"
            )
        return codes[0]

    def _drivers(self, p: _Parsed, year: int | None) -> tuple[str, ...]:
        codes = [
            self._pick(tag, year, p)
            for tag in sorted(
                (tag for tag in p.tags if tag.kind == "driver"), key=lambda tag: tag.start
            )
        ]
        return tuple(_unique(codes))

    @staticmethod
    def _need_year(year: int | None, what: str) -> int:
        if year is None:
            raise _refusal(f"Which season's {what}? Add a year, e.g. 2021.", "ambiguous")
        return year

    # --- session analyses ------------------------------------------------------------------

    def _session_query(
        self,
        p: _Parsed,
        year: int | None,
        event: str | None,
        session: SessionKind | None,
        gp_hint: bool,
    ) -> Interpretation:
        t = p.text
        intent: Intent | None = _intent(t)
        if intent == "gap" and _RACE_END.search(t) and session in (None, *RACES):
            intent = "results"  # how far behind he finished: the official classification
        if intent == "results" and (_WON.search(t) or _PODIUM.search(t)):
            intent = "won"
        if intent is None and (_WON.search(t) or _PODIUM.search(t)):
            intent = "won"
        if intent is None:
            if event and (session or self._drivers(p, year)):
                intent = "results"
            else:
                raise _refusal(
                    "I couldn't tell what you want to know. Ask e.g. 'fastest lap in "
                    "2024 Spanish GP qualifying', 'who won the 2021 title' or 'how many "
                    "wins does Hamilton have'.",
                    "unsupported",
                )
        if year is None:
            raise _refusal("Which season? Add a year, e.g. 'the 2023 Azerbaijan GP'.", "ambiguous")
        if event is None:
            raise _refusal(
                f"Which Grand Prix of {year}? Name it or its circuit, e.g. 'Monza'.", "ambiguous"
            )
        if year < FIRST_TIMED_SEASON:
            raise _refusal(
                f"Lap-by-lap timing data starts in {FIRST_TIMED_SEASON}; for {year} I can "
                "answer results, podiums, standings and career counts.",
                "unsupported",
            )
        unknown = [tag.value for tag in p.tags if tag.kind == "person"] + p.unknown_names
        if unknown:
            # a session answer about the drivers it knows would silently drop the others
            raise _refusal(
                f"I don't know a driver called {unknown[0]!r} in {year}; use a "
                "surname, a three-letter code (e.g. VER) or a car number.",
                "unknown_name",
            )
        weak = {
            SessionKind(tag.value) for tag in p.tags if tag.kind == "session" and tag.how == "weak"
        }
        if session is None:
            session = self._implied_session(intent, t, gp_hint or bool(weak))
        elif intent == "pole" and session is SessionKind.SPRINT:
            # "Pole for the sprint" is decided in sprint qualifying, not in the sprint.
            session = SessionKind.SPRINT_QUALIFYING
        drivers = self._drivers(p, year) + self._team_drivers(p, year)
        drivers = tuple(_unique(drivers))
        if intent == "pit" and drivers:
            intent = "driver_pit"  # a driver's stops are his, never the session's total
        if intent == "summary":
            self._check_summary(t, drivers)
        if intent == "summary" and drivers:
            # "How was Alonso's qualifying?" is about him, not the whole session.
            intent = "driver_summary"
        return _build(intent, session, year=year, event=event, drivers=drivers)

    @staticmethod
    def _check_summary(t: str, drivers: tuple[str, ...]) -> None:
        """A summary tells a whole session or a driver's: refuse a moment or an unknown whom."""
        moment = _SUMMARY_MOMENT.search(t)
        if moment:
            raise _refusal(
                f"I can't single out {moment.group(0).strip()!r} of a session; I can tell "
                "what happened in the whole session, or in one driver's session (e.g. "
                "'what happened to Bottas in Baku 2018').",
                "unsupported",
            )
        if not drivers and _SUMMARY_WHOM.search(t):
            raise _refusal(
                "Whose session? Name a driver (a surname, a code) or a team.", "unknown_name"
            )

    @staticmethod
    def _implied_session(intent: Intent, t: str, gp_hint: bool) -> SessionKind:
        implied = _IMPLIED.get(intent)
        practice = implied == "practice" or _words(r"practice|free practice|fp").search(t)
        if practice and implied is not SessionKind.QUALIFYING:
            raise _refusal("Which practice session: FP1, FP2 or FP3?", "ambiguous")
        if isinstance(implied, SessionKind):
            return implied
        if _QUALIFYING_ONLY.search(t):
            return SessionKind.QUALIFYING  # "outqualified", "how far off pole"
        if gp_hint or _RACE_END.search(t):
            return SessionKind.RACE  # "how far behind did he finish": only a race finishes
        raise _refusal(
            "Which session: qualifying or the race? Or one of FP1-FP3, the sprint or "
            "sprint qualifying?",
            "ambiguous",
        )

    @staticmethod
    def _team_drivers(p: _Parsed, year: int | None) -> tuple[str, ...]:
        teams = [
            tag.value for tag in sorted(p.tags, key=lambda tag: tag.start) if tag.kind == "team"
        ]
        out: list[str] = []
        for team in teams:
            out.extend(d.code for d in DRIVERS if year is not None and d.teams.get(year) == team)
        return tuple(out)


@dataclass(frozen=True, slots=True)
class _Ask:
    """What the archive rules read: the parsed question and its slots."""

    p: _Parsed
    year: int | None
    event: str | None
    session: SessionKind | None
    championship: Literal["drivers", "constructors"]


ArchiveIntent = Literal[
    "stat",
    "historic_race",
    "teammate_battle",
    "titles_count",
    "runner_up",
    "standings",
    "career_count",
    "most_wins",
    "head_to_head",
    "champion",
    "times_won_at",
    "race_result",
]


@dataclass(frozen=True, slots=True)
class _ArchiveRule:
    """An archive intent: its words, the slots it needs, and the method that answers it."""

    intent: ArchiveIntent
    words: re.Pattern[str]
    when: Callable[[_Ask], bool]
    answer: Callable[[RuleBasedQueryInterpreter, _Ask], Interpretation | None]


def _always(a: _Ask) -> bool:
    return True


def _no_event(a: _Ask) -> bool:
    return a.event is None


def _no_session(a: _Ask) -> bool:
    return a.session is None


def _season_pair(a: _Ask) -> bool:
    return a.year is not None and a.event is None and a.session is None


def _season_title(a: _Ask) -> bool:
    t = a.p.text
    return a.event is None and a.session is None and bool(_WON.search(t) or _CHAMPION_ASK.search(t))


def _at_event(a: _Ask) -> bool:
    return a.event is not None and bool(_WON.search(a.p.text))


_SEASON_BATTLES = (SessionKind.QUALIFYING, SessionKind.RACE)


def _season_of_one_session_kind(a: _Ask) -> bool:
    return a.year is not None and a.event is None and a.session in _SEASON_BATTLES


def _at_event_any_season(a: _Ask) -> bool:
    return a.event is not None and a.year is None and a.session is None


def _race_of_event(a: _Ask) -> bool:
    return a.event is not None and a.session in (None, SessionKind.RACE)


_R = RuleBasedQueryInterpreter
_ARCHIVE_RULES: tuple[_ArchiveRule, ...] = (
    _ArchiveRule("stat", _ANYTHING, _always, _R._archive_stat),
    _ArchiveRule("historic_race", _HISTORIC, _always, _R._historic_race),
    _ArchiveRule("teammate_battle", _TEAMMATE, _always, _R._teammate_battle),
    # "did Hamilton beat Rosberg in qualifying in 2016": a season's battle, per session kind
    _ArchiveRule("teammate_battle", _H2H, _season_of_one_session_kind, _R._teammate_battle),
    _ArchiveRule("titles_count", _TITLE_UNSUPPORTED, _always, _R._titles_count),
    _ArchiveRule("runner_up", _RUNNER_UP, _always, _R._runner_up),
    _ArchiveRule("standings", _STANDINGS, _no_event, _R._standings),
    _ArchiveRule("career_count", _COUNT, _no_session, _R._career_count),
    _ArchiveRule("most_wins", _MOST_WINS, _always, _R._most_wins),
    _ArchiveRule("head_to_head", _H2H_OR_SEASON, _season_pair, _R._head_to_head),
    _ArchiveRule("champion", _CHAMPION, _season_title, _R._champion),
    _ArchiveRule("times_won_at", _TIMES, _at_event, _R._times_won_at),
    _ArchiveRule("times_won_at", _WINS_AT, _at_event_any_season, _R._times_won_at),
    _ArchiveRule("race_result", _RESULT_WORDS, _race_of_event, _R._race_result),
)
"""The archive intents, tried in order; the first whose words and slots fit answers, unless
it returns None, and a question no rule answers goes to the session kinds."""


_FOLLOW_UP = re.compile(
    r"^(?:and|or|but|what about|how about|same for|same but|same question for|now|then|"
    r"also|ok|okay)\b"
)
_PRONOUN = _words(r"he|his|him|she|her|they|their|them")
_SLOT_TAGS = ("event", "session", "driver", "person", "team")
# Words a follow-up that only swaps slots may carry besides its names and seasons.
_FILLER = _word_set(
    """
    and or but what about how same for question now then also ok okay in the at of on a an
    with instead please one there that this it was were is did do does him her his them
    their they he she same again
    """
)


def _only_slots(p: _Parsed) -> bool:
    """The follow-up names slots (and filler) only: "and in the race?", "what about Bottas"."""
    named = {i for tag in p.tags if tag.start >= 0 for i in range(tag.start, tag.end)}
    rest = [t for i, t in enumerate(p.tokens) if i not in named and t not in _FILLER]
    return not rest and (bool(p.years) or any(tag.kind in _SLOT_TAGS for tag in p.tags))


def _intent(t: str, *, skip_results: bool = False) -> Intent | None:
    for name, pattern in _INTENTS:
        if skip_results and name in ("results", "compare"):
            continue
        if pattern.search(t):
            return name
    return None


def _answering() -> dict[tuple[Intent, SessionKind], SessionQuestion[Any, Any]]:
    """Which kind answers each intent in each kind of session, read from the kinds' cues."""
    table: dict[tuple[Intent, SessionKind], SessionQuestion[Any, Any]] = {}
    for kind in SESSION_QUESTIONS:
        for cue in kind.cues:
            for session in cue.sessions:
                other = table.setdefault((cue.intent, session), kind)
                if other is not kind:
                    raise RuntimeError(
                        f"{kind.name} and {other.name} both answer {cue.intent!r} in {session}"
                    )
    return table


def _implied() -> dict[Intent, SessionKind | Literal["practice"]]:
    """The session each intent means when the question names none, from the kinds' cues."""
    implied: dict[Intent, SessionKind | Literal["practice"]] = {}
    for kind in SESSION_QUESTIONS:
        for cue in kind.cues:
            if cue.implies is None:
                continue
            if implied.setdefault(cue.intent, cue.implies) != cue.implies:
                raise RuntimeError(f"two kinds imply a session for {cue.intent!r}")
    return implied


_ANSWERING = _answering()
_IMPLIED = _implied()


def _build(
    intent: Intent, session: SessionKind, *, year: int, event: str, drivers: tuple[str, ...]
) -> Query:
    # Complete by construction: tests/unit/test_kinds_cues.py checks every pair has a kind.
    kind = _ANSWERING[intent, session]
    query: Query = kind.query(year=year, event=event, session=session, drivers=drivers)
    return query


def _unique(items: Iterable[T]) -> list[T]:
    """Items in first-seen order without repeats."""
    return list(dict.fromkeys(items))


class _RefusedError(Exception):
    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal.reason)
        self.refusal = refusal


def _refusal(
    reason: str,
    kind: Literal["ambiguous", "off_topic", "future", "unknown_name", "unsupported"],
) -> _RefusedError:
    """The exception that carries a refusal up to ``interpret_now``."""
    return _RefusedError(Refusal(reason=reason, kind=kind))
