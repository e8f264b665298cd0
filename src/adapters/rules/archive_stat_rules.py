"""Reading an archive statistic ("most poles in 2023", "Alonso's first win") from words.

The interpreter hands over what it has parsed; ``stat_query`` returns an
``ArchiveStatQuery`` when every part of the question is understood, a ``Refusal`` when it
sees a statistic it cannot honour, and None when the question is not a statistic (or is
one the older, fixed-shape kinds answer precisely: one driver's or team's wins, poles,
podiums, points or entries; a plain wins ranking; wins at a circuit; a champion).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from f1core.domain.archive_stat import StatAggregation, StatMetric
from f1core.kinds.archive_stat import ArchiveStatQuery
from f1core.query import Refusal


def _w(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?:^| )(?:{pattern})(?= |$)")


_WORDS = (
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
)
_ORDINAL_WORDS = {word: n for n, word in enumerate(_WORDS, start=1)} | {
    f"{n}{'st' if n == 1 else 'nd' if n == 2 else 'rd' if n == 3 else 'th'}": n
    for n in range(1, 21)
}
_ORD = "|".join([*_ORDINAL_WORDS, r"p\d{1,2}"])
_CHAMP_WORDS = r"championship|standings|title race|world championship|table|wdc|wcc"
# "who finished fourth in the 1998 championship", "2008 constructors standings, who came
# second", "p3 in the standings", "third place in the championship"
_CHAMP_PLACE = [
    _w(rf"(?:finished|came|placed|ended|was|were|ranked|classified)(?: in)? ({_ORD})(?: place)?"),
    _w(rf"({_ORD}) (?:place |position )?in the (?:\w+ )?(?:{_CHAMP_WORDS})"),
    _w(rf"({_ORD}) (?:place|position|placed)"),
]
_CHAMP_CONTEXT = _w(_CHAMP_WORDS + r"|season|constructors|drivers")
# A named driver's or team's own place: "where did Alonso finish in the 2012 standings",
# "what position was Alonso in the championship", "Alonso's 2012 championship position"
_OWN_PLACE = [
    _w(
        r"where did|where does|where was|where were|what position|which position|what place|"
        r"which place|how high|how did .* (?:finish|end up|do) in the"
    ),
    _w(rf"(?:{_CHAMP_WORDS}) (?:position|place|finish|ranking|rank)"),
]
_OWN_PLACE_CONTEXT = _w(r"championship|standings|world championship|wdc|wcc|points table")

_TITLES = _w(
    r"titles|title|championships|world championships|world titles|crowns|"
    r"champion|champions|world champion|world champions"
)
_FASTEST_LAPS = _w(r"fastest laps|fastest lap awards|fastest lap|fl")
_DNFS = _w(r"dnfs|dnf|retirements|retired|did not finish|didn t finish|not finished")
_POLES = _w(r"poles|pole|pole positions|pole position|pole sitter|polesitter|pole sitters")
_PODIUMS = _w(r"podiums|podium|podium finishes|rostrums|top 3 finishes|top three finishes")
_POINTS = _w(r"points|point")
_STARTS = _w(r"starts|started|entries|races entered|grand prix starts|race starts|appearances")
_WINS = _w(r"wins|win|won|victories|victory|winners|winner|race winner|race winners")
_RACES_HELD = _w(
    r"grand prix held|race held|race at|grand prix at|race ever|grand prix ever|"
    r"race was held|grand prix was held|race staged|held"
)

_DISTINCT = _w(r"how many different|how many distinct|number of different|different|distinct")
_YOUNGEST = _w(r"youngest|young est")
_OLDEST = _w(r"oldest")
_FIRST = _w(r"first|maiden|debut|earliest")
_LAST = _w(r"last|latest|most recent|final")
_MOST = _w(r"most|highest|the more|record for|record|all time list|all time ranking|list")
_FEWEST = _w(r"fewest|least|lowest")
_PER_SEASON = _w(
    r"per season|each season|by season|every season|season by season|year by year|per year|"
    r"each year|by year"
)
_COUNT = _w(r"how many|how much|number of|count of|total|tally")
_LIST = _w(r"which races|what races|list|name the|which grands prix|list of")
_RANK_MOST = _w(rf"({_ORD}) (?:most|highest|on the all time|on the list|in the all time)")
_FROM_POLE = _w(r"from pole|from pole position|starting from pole|after starting on pole")
_FROM_GRID = re.compile(
    r"(?:^| )from (?:grid )?(?:p|position |place )?(\d{1,2})(?:th|st|nd|rd)?"
    r"(?: on the grid)?(?= |$)"
)
_FINISHED_POS = _w(
    rf"(?:finished|finish|finishing|came|come) ({_ORD})|({_ORD}) place finishes|"
    rf"({_ORD}) places|finishes in ({_ORD})|({_ORD}) place"
)
_TEAM_SUBJECT = _w(
    r"constructor|constructors|team|teams|constructors titles|constructors championships"
)
_PERSON_ASKED = _w(r"who|whose|which driver|what driver|which drivers|drivers|driver")
_PEOPLE_WORDS = (
    r"drivers|driver|winners|winner|champions|champion|teams|team|constructors|constructor"
)

DEMONYMS = {
    "british": "British",
    "english": "British",
    "german": "German",
    "french": "French",
    "italian": "Italian",
    "brazilian": "Brazilian",
    "finnish": "Finnish",
    "spanish": "Spanish",
    "dutch": "Dutch",
    "australian": "Australian",
    "austrian": "Austrian",
    "american": "American",
    "mexican": "Mexican",
    "canadian": "Canadian",
    "japanese": "Japanese",
    "argentine": "Argentine",
    "argentinian": "Argentine",
    "belgian": "Belgian",
    "swiss": "Swiss",
    "swedish": "Swedish",
    "danish": "Danish",
    "monegasque": "Monegasque",
    "scottish": "British",
    "new zealand": "New Zealander",
}
_NATIONALITY = _w(rf"({'|'.join(DEMONYMS)}) (?:{_PEOPLE_WORDS})")
_UNHONOURED = _w(
    r"without|never|excluding|except|apart from|other than|but no|but not|consecutive|"
    r"in a row|streak|streaks|back to back|straight|percentage|percent|rate|ratio|average|"
    r"per race|conversion|margin|closest|biggest|largest|smallest|shortest|longest|"
    r"in a season|in a single season|in one season|single season|in one year|in a year|"
    r"\d+ (?:races|race wins|wins|grands prix|grand prix|poles|podiums|titles|championships|"
    r"victories|points|starts)"
)
_HOW_MANY_PEOPLE = _w(
    rf"how many (?:(?:{'|'.join(DEMONYMS)}) )?(?:drivers|winners|champions|teams|constructors)"
)
_LAPS_LED = _w(r"laps led|led the most laps|laps in the lead|laps leading")


@dataclass(frozen=True, slots=True)
class StatAsk:
    """What the interpreter parsed, as the statistic rules need it."""

    text: str
    year: int | None
    year_range: tuple[int | None, int | None] | None
    event: str | None
    event_words: str | None  # the words the event was tagged from ("british")
    session: bool  # a session (qualifying, FP2...) was named
    people: tuple[str, ...]
    teams: tuple[str, ...]


def _ordinal(text: str) -> int:
    if text.startswith("p") and text[1:].isdigit():
        return int(text[1:])
    return _ORDINAL_WORDS[text]


def championship_place(t: str) -> int | None:
    """The place a question asks about in a championship ("who came second"), or None."""
    if not _CHAMP_CONTEXT.search(t):
        return None
    for pattern in _CHAMP_PLACE:
        m = pattern.search(t)
        if m:
            return _ordinal(m.group(1))
    return None


def _metric(t: str) -> StatMetric | None:
    if _FASTEST_LAPS.search(t):
        return "fastest_laps"
    if _DNFS.search(t):
        return "dnfs"
    if _POLES.search(t):
        return "poles"
    if _PODIUMS.search(t):
        return "podiums"
    if _POINTS.search(t):
        return "points"
    if _STARTS.search(t):
        return "starts"
    if _TITLES.search(t):
        return "titles"
    if _WINS.search(t):
        return "wins"
    return None


def stat_query(a: StatAsk) -> ArchiveStatQuery | Refusal | None:
    """The statistic ``a`` asks for (see the module docstring for None)."""
    t = a.text
    if a.session:
        return None
    if _LAPS_LED.search(t):
        return None  # laps led is not in the archive; the interpreter says so
    nationality = None
    m = _NATIONALITY.search(t)
    event = a.event
    if m:
        nationality = DEMONYMS[m.group(1)]
        if a.event_words and a.event_words in DEMONYMS:
            event = None
    if event is not None and a.year is not None and a.year_range is None:
        return None  # one race's result: the race kinds answer it
    year_from, year_to = (a.year, a.year) if a.year is not None else (None, None)
    if a.year_range is not None:
        year_from, year_to = a.year_range
    place = championship_place(t)
    # "who won the most races for Ferrari" asks for a driver, Ferrari is a filter
    team_subject = bool(_TEAM_SUBJECT.search(t)) or (
        bool(a.teams) and not a.people and not _PERSON_ASKED.search(t)
    )
    subject: Literal["driver", "team"] = "team" if team_subject else "driver"
    driver = a.people[0] if a.people else None
    team = a.teams[0] if a.teams else None
    if len(a.people) > 1 or len(a.teams) > 1:
        return None  # two drivers: a head-to-head, not a statistic
    # a named driver's own place ("where did Alonso finish in the 2012 standings")
    if (
        place is None
        and (driver or team)
        and _OWN_PLACE_CONTEXT.search(t)
        and any(pattern.search(t) for pattern in _OWN_PLACE)
    ):
        return ArchiveStatQuery(
            metric="championship_position",
            aggregation="list",
            subject_kind=subject,
            year_from=year_from,
            year_to=year_to,
            driver=driver if subject == "driver" else None,
            team=team if subject == "team" else None,
        )
    # a championship place ("who finished fourth in the 1998 championship")
    if place is not None and not _WINS.search(t.replace("won the championship", "")):
        if year_from is None and driver is None and team is None:
            return Refusal(
                reason="Which season's championship? Add a year, e.g. 1998.", kind="ambiguous"
            )
        return ArchiveStatQuery(
            metric="championship_position",
            aggregation="list",
            subject_kind=subject,
            position=place,
            year_from=year_from,
            year_to=year_to,
            driver=driver if subject == "driver" else None,
            team=team if subject == "team" else None,
            nationality=nationality,
        )
    first_race = _FIRST.search(t) or _LAST.search(t)
    if event is not None and _RACES_HELD.search(t) and first_race and not a.people:
        agg: StatAggregation = "first" if _FIRST.search(t) else "last"
        return ArchiveStatQuery(
            metric="races", aggregation=agg, circuit=event, year_from=year_from, year_to=year_to
        )
    from_pole = _FROM_POLE.search(t)
    metric = _metric(_FROM_POLE.sub(" ", t) if from_pole else t)
    if metric is None and _FINISHED_POS.search(t):
        metric = "starts"  # "how many times did Alonso finish second"
    if metric is None:
        return None
    odd = _UNHONOURED.search(t)
    if odd and (_aggregation(t) is not None or driver or team):
        return Refusal(
            reason=f"I can't honour {odd.group(0).strip()!r} in an archive statistic yet; I "
            "count, rank, date or age wins, poles, podiums, points, starts, fastest laps, "
            "retirements and titles, filtered by seasons, circuit, team, driver, "
            "nationality, grid or finishing position.",
            kind="unsupported",
        )
    agg_or_none = _aggregation(t)
    implicit = agg_or_none is None and bool(driver or team) and event is None
    if implicit:
        agg_or_none = "count"  # "Ferrari wins in 2004", "Senna poles at McLaren"
    rank = 1
    rm = _RANK_MOST.search(t)
    if rm:
        rank = _ordinal(rm.group(1))
        agg_or_none = "fewest" if _FEWEST.search(t) else "most"
    grid = 1 if from_pole else None
    gm = _FROM_GRID.search(t)
    if gm and grid is None:
        grid = int(gm.group(1))
    position = None
    fm = _FINISHED_POS.search(t)
    if fm and metric not in ("wins", "podiums"):
        position = _ordinal(next(g for g in fm.groups() if g))
        metric = "starts" if metric not in ("points", "dnfs") else metric
    if agg_or_none is None:
        return None
    filtered = bool(
        grid is not None
        or position is not None
        or nationality
        or (driver and team)
        or a.year_range is not None
    )
    if agg_or_none == "count" and not (filtered or driver or team or event):
        return None  # "how many wins (in 2012)": whose? the older rules ask back
    if not implicit and _keep_for_fixed_kinds(
        metric, agg_or_none, rank, filtered, event, driver, team, subject
    ):
        return None
    if metric == "titles" and subject == "team" and team and not driver:
        driver = None
    if agg_or_none in ("youngest", "oldest") and subject == "team":
        return Refusal(reason="Teams have no age; ask about drivers.", kind="unsupported")
    return ArchiveStatQuery(
        metric=metric,
        aggregation=agg_or_none,
        subject_kind=subject,
        rank=rank,
        year_from=year_from,
        year_to=year_to,
        circuit=event,
        team=team,
        driver=driver,
        nationality=nationality,
        grid=grid,
        position=position,
    )


def _aggregation(t: str) -> StatAggregation | None:
    if _PER_SEASON.search(t):
        return "per_season"
    if _HOW_MANY_PEOPLE.search(t):
        return "count_distinct"  # "how many Finnish drivers have won": people, not wins
    if _DISTINCT.search(t) and _COUNT.search(t):
        return "count_distinct"
    if _YOUNGEST.search(t):
        return "youngest"
    if _OLDEST.search(t):
        return "oldest"
    if _FEWEST.search(t):
        return "fewest"
    if _MOST.search(t) and not _COUNT.search(t):
        return "most"
    if _COUNT.search(t) or _w(r"how often").search(t):
        return "count"
    if _FIRST.search(t):
        return "first"
    if _LAST.search(t):
        return "last"
    if _MOST.search(t):
        return "most"
    return None


def _keep_for_fixed_kinds(
    metric: StatMetric,
    agg: StatAggregation,
    rank: int,
    filtered: bool,
    event: str | None,
    driver: str | None,
    team: str | None,
    subject: str,
) -> bool:
    """True when career-stat, most-wins or wins-at-circuit answer this exactly."""
    if filtered or rank != 1:
        return False
    if agg == "count" and metric in ("wins", "poles", "podiums", "points") and not event:
        return bool(driver or team)
    if agg == "most" and metric == "wins" and not team and not driver:
        return True  # most-wins (or wins-at-circuit with an event)
    # wins-at-circuit
    return agg == "count" and metric == "wins" and bool(event) and not team
