"""Team colours and driver styles from an entry list (the pure part)."""

from __future__ import annotations

from f1core.answers import charts
from f1core.domain.session import Driver
from f1core.domain.team_colours import hex_colour, liveries, readable, team_colour


def test_colours_are_read_in_either_case_with_or_without_the_hash() -> None:
    assert hex_colour("DC0000") == hex_colour("#dc0000") == "#dc0000"
    assert hex_colour("") is None and hex_colour("red") is None


def test_white_is_not_readable_but_renault_yellow_is() -> None:
    assert not readable("#ffffff") and not readable("#f0f0ec")
    assert readable("#fff500") and readable("#b6babd")


def test_a_white_or_missing_data_colour_gives_way_to_the_seasons_table() -> None:
    styles = liveries(
        [
            Driver("RUS", "63", "George Russell", "Williams", "#ffffff"),
            Driver("KUB", "88", "Robert Kubica", "Williams", ""),
            Driver("LEC", "16", "Charles Leclerc", "Ferrari", "#dc0000"),
        ],
        2019,
    )
    assert [s.colour for s in styles] == ["#00a0dd", "#00a0dd", "#dc0000"]
    assert team_colour("Williams", 2019) == "#00a0dd"


def test_teammates_are_ordered_by_car_number_and_share_the_data_colour() -> None:
    styles = liveries(
        [
            Driver("ALB", "23", "Alexander Albon", "Williams", "#37bedd"),
            Driver("SAR", "2", "Logan Sargeant", "Williams", ""),
        ],
        2023,
    )
    assert [(s.driver, s.colour, s.teammate) for s in styles] == [
        ("ALB", "#37bedd", 1),
        ("SAR", "#37bedd", 0),
    ]
    assert styles[0].dash == (6, 3) and styles[1].dash == (1, 0)


def test_driver_channels_share_one_legend_and_bars_need_none() -> None:
    styles = liveries(
        [
            Driver("VET", "5", "Sebastian Vettel", "Ferrari", "#dc0000"),
            Driver("LEC", "16", "Charles Leclerc", "Ferrari", "#dc0000"),
        ],
        2019,
    )
    lines = charts.driver_channels(styles, ["LEC", "VET", "XXX"], marks="line")
    assert lines["color"]["scale"] == {
        "domain": ["LEC", "VET", "XXX"],
        "range": ["#dc0000", "#dc0000", "#888888"],
    }
    assert lines["strokeDash"]["scale"]["range"] == [[6, 3], [1, 0], [1, 0]]
    assert lines["color"]["title"] == lines["strokeDash"]["title"]
    points = charts.driver_channels(styles, ["VET", "LEC"], marks="point")
    assert points["shape"]["scale"]["range"] == ["circle", "square"]
    bars = charts.driver_channels(styles, ["VET", "LEC"], marks="bar")
    assert bars["color"]["legend"] is None and set(bars) == {"color", "strokeDash"}
    # the second Ferrari's bar outline is dashed, the first's solid
    assert bars["strokeDash"]["legend"] is None
    assert bars["strokeDash"]["scale"]["range"] == [[1, 0], [6, 3]]


def test_archive_teams_take_the_seasons_colour_or_their_latest_for_all_time() -> None:
    from f1core.domain.team_colours import SEASON_TEAM_COLOURS, team_liveries

    latest = max(SEASON_TEAM_COLOURS)
    season = {s.team: s.colour for s in team_liveries(["Ferrari", "McLaren", "Lotus"], 2019)}
    assert season == {"Ferrari": "#dc0000", "McLaren": "#ff8700"}  # Lotus: no colour known
    all_time = {s.team: s.colour for s in team_liveries(["Ferrari", "Brabham"], None)}
    assert all_time == {"Ferrari": SEASON_TEAM_COLOURS[latest]["ferrari"]}
    # Renault raced last in 2020: an all-time ranking draws it in its 2020 yellow
    assert {s.colour for s in team_liveries(["Renault"], None)} == {"#fff500"}


def test_light_team_colours_get_a_darker_ink_for_text() -> None:
    from f1core.domain.team_colours import ink

    assert ink("#dc0000") == "#dc0000"  # Ferrari red reads as it is
    assert ink("#fff500") == "#999300"  # Renault yellow letters would vanish on white
    assert ink("#00d2be") == "#007e72"  # Mercedes teal too, at text size
