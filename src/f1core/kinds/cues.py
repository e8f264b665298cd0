"""What the offline interpreter reads from the kinds: typed intents, their words, cues.

An intent is what a question asks for ("pace", "pole", "strategy"), recognised by the
words below. Several kinds can answer one intent in different sessions ("pace" is race
pace in a race, long runs in practice, best laps in qualifying), so each kind declares the
intents it answers, in which sessions, and which session an intent implies when the
question names none. The interpreter builds its table from those cues; no kind is named
in the interpreter.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from f1core.domain.session import SessionKind

Intent = Literal[
    "laps_completed",
    "theoretical",
    "sectors",
    "speed",
    "long_runs",
    "degradation",
    "pit",
    "strategy",
    "grid",
    "gaps",
    "positions",
    "teammates",
    "weather",
    "gap",
    "pole",
    "fastest",
    "pace",
    "compare",
    "best_laps",
    "results",
    "won",
    "summary",
    "driver_summary",
]

INTENT_WORDS: tuple[tuple[Intent, str], ...] = (
    (
        "laps_completed",
        r"laps completed|laps covered|"
        r"how many laps (?:did|has|have) (?:\w+ ){1,3}(?:do|done|complete|completed|run|"
        r"drive|driven|cover|covered|manage|managed|rack|racked|get|got|finish|finished|"
        r"clock|clocked|put in)|"
        r"lap count|lap counts|laps each driver|laps per driver|laps did each|"
        r"number of laps|mileage|laps done|"
        r"how many laps (?:were|was) (?:there|in)|"
        r"(?:did|do|done|completed|ran|run) the (?:most|fewest) laps",
    ),
    (
        "theoretical",
        r"theoretical|ideal lap|ideal laps|optimal lap|optimal laps|ultimate lap|perfect lap|"
        r"best possible lap|potential lap|purple sectors combined|best sectors together|"
        r"sectors together|best sectors combined|sum of the best sectors|"
        r"sum of best sectors",
    ),
    ("sectors", r"sector|sectors|s1|s2|s3|sector times|mini sectors"),
    (
        "speed",
        r"speed trap|speed traps|top speed|top speeds|max speed|maximum speed|"
        r"highest speed|straight line speed|trap speed|trap speeds|vmax|"
        r"fastest on the straight|speedtrap|speedtraps",
    ),
    (
        "long_runs",
        r"long run|long runs|longrun|longruns|race sim|race sims|"
        r"race simulation|race simulations|high fuel|long stints",
    ),
    (
        "degradation",
        r"degradation|deg|tyre wear|tire wear|tyre drop off|drop off|dropoff|wear|"
        r"degraded|degrade|degrades|degrading|looked after (?:their|his|her) (?:tyres|tires)|"
        r"tyre management|tire management|managed (?:their|his|her) (?:tyres|tires)",
    ),
    (
        "pit",
        r"pit stop|pit stops|pitstop|pitstops|pit|pits|pitted|pitting|pit lane|"
        r"(?<!one )(?<!two )(?<!three )(?:stops|stop)",
    ),
    (
        "strategy",
        r"strategy|strategies|tyre|tyres|tire|tires|compound|compounds|stint|"
        r"stints|one stop|two stop|three stop|one stopper|two stopper|softs|mediums|hards",
    ),
    (
        "grid",
        r"places gained|positions gained|gained the most|lost the most|"
        r"gained most|grid vs finish|grid versus finish|grid to finish|"
        r"from the grid|started vs finished|gained|lost places|made up|"
        r"grid vs finishing|grid versus finishing|grid vs result|grid versus result|"
        r"grid to flag|starting position vs finishing|start and finish|started and finished|"
        r"(?:make|made|makes|making) up (?:places|positions|spots|ground)|"
        r"(?:lose|lost|loses|gain|gains) (?:\w+ )?(?:places|positions|spots)|"
        r"how many (?:places|positions|spots)",
    ),
    (
        "gaps",
        r"race trace|gap to the leader|gap to leader|gaps to the leader|"
        r"gaps to leader|interval|intervals|gaps lap by lap|gap lap by lap|gap to p1|"
        r"gaps to p1|gap to first|gap to the lead",
    ),
    (
        "positions",
        r"positions|position chart|position changes|lap by lap positions|"
        r"running order|position each lap|positions each lap|lap chart|"
        r"position on every lap|position every lap|positions every lap|position on each lap|"
        r"each lap|every lap|lap by lap|position graph|positions graph|who was where",
    ),
    ("teammates", r"teammate|teammates|team mate|team mates|intra team|team battle"),
    (
        "weather",
        r"weather|temperature|temperatures|track temp|track temperature|"
        r"air temp|air temperature|rain|raining|rained|wet|humidity|wind|hot|"
        r"cold|conditions|temps|track temps|air temps|rainfall|precipitation",
    ),
    (
        "gap",
        r"gap|gaps|how far|margin|how much faster|how much slower|delta|"
        r"difference|by how much|off pole|off the pole|behind pole|from pole|to pole",
    ),
    ("pole", r"pole|pole position|pole sitter|polesitter|on pole|pole time|pole lap"),
    (
        "fastest",
        r"fastest lap|fastest(?! on average)|quickest lap|quickest(?! on average)|best lap|"
        r"top the times|"
        r"topped|top of the timesheets|fastest time|best time|lap record",
    ),
    (
        "pace",
        r"pace|race pace|average lap|median lap|consistency|consistent|"
        r"long run pace|on average|quickest on average|fastest on average",
    ),
    (
        "compare",
        r"compare|compared|comparison|vs|versus|v|against|faster|quicker|"
        r"slower|head to head|h2h|battle|better",
    ),
    (
        "best_laps",
        r"best laps|lap times|laptimes|times|timesheet|timesheets|"
        r"timing|ranking|each driver s best|everyone s best|all drivers",
    ),
    (
        "summary",
        r"what happened|what went on|what went wrong|how was|how were|how s|hows|"
        r"how did (?:\w+ ){1,3}(?:do|get on|fare|perform|get along)|how did it go|"
        r"how did (?:\w+ ){1,5}go|"
        r"tell me about|talk me through|summary|summarise|summarize|sum up|recap|"
        r"rundown|run down of|overview|story of|review of|report on|debrief|"
        r"what (?:was|were) (?:the )?(?:story|highlights)|highlights|key moments",
    ),
    (
        "results",
        r"results|result|classification|classified|finishing order|"
        r"final order|order|finish|finished|top 10|top ten|top 5|top five|"
        r"where did|how did|came|positions at the end|do in|perform",
    ),
)
"""Each intent and the words (a regex alternation over normalised text) that ask it, in
the order they are tried: the first intent whose words occur in a question is its intent.
"won" has no words of its own: it is a question about a result that names a winner or the
podium, which the interpreter tells from its result words. Nor has "driver_summary": it is
a "summary" question that names a driver ("how was Alonso's qualifying?"). "summary" comes
after every precise intent, so "how was Alonso's pace" stays a pace question."""

ALL_SESSIONS = tuple(SessionKind)
"""Every kind of session (a cue's default; ``kinds.base`` re-exports it)."""


@dataclass(frozen=True, slots=True)
class Cue:
    """A kind answers ``intent`` when the session is one of ``sessions``.

    ``implies`` is the session a question with this intent and no session means ("pole"
    means qualifying, "strategy" the race), "practice" when it means a practice session
    the question must then name; None when the question must name the session.
    """

    intent: Intent
    sessions: tuple[SessionKind, ...] = ALL_SESSIONS
    implies: SessionKind | Literal["practice"] | None = None
