"""Team colours on the recorded sessions and the archive: what a fan checks on a chart.

Every team of every recorded session is drawn in its own readable colour, teammates in
the same colour and told apart by dash and marker; the archive's team names for the
seasons the table covers all find a colour.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Callable

import pytest
from tests.integration.conftest import recorded_replay_dir
from tests.integration.test_archive_full import ergast_dir

from adapters.fastf1.recorded import known_sessions
from f1core.analysis.fastest import best_laps
from f1core.analysis.positions import gaps, positions
from f1core.domain.session import Session, SessionKind, SessionRef
from f1core.domain.team_colours import SEASON_TEAM_COLOURS, readable, session_liveries, team_colour
from f1core.kinds import best_laps as best_laps_kind
from f1core.kinds import positions as positions_kind

RECORDED = [
    SessionRef(year, event, kind)
    for year, held in sorted(known_sessions(recorded_replay_dir()).items())
    for event, kind in sorted(held)
]
MONZA_2019_Q = SessionRef(2019, "Italian Grand Prix", SessionKind.QUALIFYING)
BAKU_2018_R = SessionRef(2018, "Azerbaijan Grand Prix", SessionKind.RACE)
SEVENTIETH_2020_FP2 = SessionRef(2020, "70th Anniversary Grand Prix", SessionKind.FP2)


def test_the_recording_holds_the_fifteen_sessions_of_the_data_readme() -> None:
    assert len(RECORDED) == 15


@pytest.mark.parametrize("ref", RECORDED, ids=str)
def test_every_team_has_one_readable_colour_of_its_own_and_teammates_differ_in_style(
    ref: SessionRef, load_recorded: Callable[[SessionRef], Session]
) -> None:
    session = load_recorded(ref)
    styles = session_liveries(session)
    assert [s.driver for s in styles] == [d.code for d in session.drivers]
    by_team: dict[str, list[tuple[str, tuple[int, ...], str]]] = defaultdict(list)
    for s in styles:
        assert s.colour.startswith("#") and len(s.colour) == 7
        assert readable(s.colour), f"{s.driver} of {s.team} in near-white {s.colour}"
        by_team[s.team].append((s.colour, s.dash, s.shape))
    teams = {team: members for team, members in by_team.items() if team}
    colours = {team: {c for c, _, _ in members} for team, members in teams.items()}
    for team, members in teams.items():
        assert len(colours[team]) == 1, f"{team}: {colours[team]}"
        assert len({dash for _, dash, _ in members}) == len(members), team
        assert len({shape for _, _, shape in members}) == len(members), team
    firsts = [next(iter(c)) for c in colours.values()]
    assert len(set(firsts)) == len(firsts), f"two teams share a colour in {ref}"


def test_monza_2019_qualifying_draws_leclerc_and_vettel_in_ferrari_red(
    load_recorded: Callable[[SessionRef], Session],
) -> None:
    session = load_recorded(MONZA_2019_Q)
    style = {s.driver: s for s in session_liveries(session)}
    assert style["LEC"].colour == style["VET"].colour == "#dc0000"
    # VET (car 5) is Ferrari's first driver by number: solid, circle; LEC dashed, square.
    assert (style["VET"].dash, style["VET"].shape) == ((1, 0), "circle")
    assert (style["LEC"].dash, style["LEC"].shape) == ((6, 3), "square")
    assert style["HAM"].colour == style["BOT"].colour == "#00d2be"
    assert style["VER"].colour == "#1e41ff"

    result = best_laps(session)
    spec = best_laps_kind.chart(result, best_laps_kind.BestLapsQuery(**_query(MONZA_2019_Q)))
    assert spec is not None
    scale = spec["encoding"]["color"]["scale"]
    colour_of = dict(zip(scale["domain"], scale["range"], strict=True))
    assert colour_of["LEC"] == colour_of["VET"] == "#dc0000"
    assert colour_of["HAM"] == "#00d2be"
    assert set(scale["domain"]) == {r.driver for r in result.rows}


def test_the_baku_2018_position_chart_dashes_the_second_mercedes(
    load_recorded: Callable[[SessionRef], Session],
) -> None:
    session = load_recorded(BAKU_2018_R)
    spec = positions_kind.chart(
        positions(session), positions_kind.PositionsQuery(**_query(BAKU_2018_R))
    )
    assert spec is not None
    lines, labels = spec["layer"]
    enc = lines["encoding"]
    colour = dict(zip(enc["color"]["scale"]["domain"], enc["color"]["scale"]["range"], strict=True))
    dash = dict(
        zip(enc["strokeDash"]["scale"]["domain"], enc["strokeDash"]["scale"]["range"], strict=True)
    )
    assert colour["HAM"] == colour["BOT"] == "#00d2be"
    assert colour["VET"] == colour["RAI"] == "#dc0000"
    assert {tuple(dash["HAM"]), tuple(dash["BOT"])} == {(1, 0), (6, 3)}
    # the lines are named at their ends in the team's colour, so no legend
    assert enc["color"]["legend"] is None and enc["strokeDash"]["legend"] is None
    # in the team's colour, darkened where it is too light to read as text (Mercedes teal)
    names = labels["encoding"]["color"]["scale"]
    ink = dict(zip(names["domain"], names["range"], strict=True))
    assert ink["VET"] == ink["RAI"] == "#dc0000" and ink["HAM"] == ink["BOT"] == "#007e72"
    assert spec["resolve"]["scale"]["color"] == "independent"
    # OCO and SIR, out on lap 1, have no position; the other 18 have a line each
    assert len(colour) == 18 and "OCO" not in colour
    assert len(gaps(session).liveries) == 20


def test_drivers_without_a_known_team_still_get_twenty_distinct_colours(
    load_recorded: Callable[[SessionRef], Session],
) -> None:
    # The 2020 70th Anniversary FP2 was recorded without its entry list: car numbers only.
    session = load_recorded(SEVENTIETH_2020_FP2)
    styles = session_liveries(session)
    assert all(not s.team for s in styles)
    assert len({s.colour for s in styles}) == len(styles) == 20


def test_every_archive_team_of_the_tables_seasons_has_a_colour() -> None:
    root = ergast_dir()
    with (root / "races.csv").open(encoding="utf-8") as f:
        season_of = {r["raceId"]: int(r["year"]) for r in csv.DictReader(f)}
    with (root / "constructors.csv").open(encoding="utf-8") as f:
        name_of = {r["constructorId"]: r["name"] for r in csv.DictReader(f)}
    entered: set[tuple[int, str]] = set()
    with (root / "results.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            season = season_of[r["raceId"]]
            if season in SEASON_TEAM_COLOURS:
                entered.add((season, name_of[r["constructorId"]]))
    assert len(entered) == 80  # ten teams a season, 2018-2025
    missing = sorted((s, t) for s, t in entered if team_colour(t, s) is None)
    assert missing == []
    assert team_colour("Red Bull", 2019) == team_colour("Red Bull Racing", 2019) == "#1e41ff"
    assert team_colour("RB F1 Team", 2024) == team_colour("RB", 2024) == "#6692ff"
    assert team_colour("Sauber", 2024) == team_colour("Kick Sauber", 2024) == "#52e252"
    assert team_colour("Ferrari", 1988) is None


def _query(ref: SessionRef) -> dict[str, object]:
    return {"year": ref.year, "event": ref.event, "session": ref.kind}
