"""The ``f1`` command as a user runs it: a real process on the recorded data.

One data directory is shared by the module, so the first command of a session pays for
FastF1 and later ones read the snapshot, as on a user's machine.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from tests.integration.conftest import recorded_replay_dir


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    data_dir = tmp_path_factory.mktemp("f1-data")
    return {
        **os.environ,
        "F1_DATA_DIR": str(data_dir),
        "F1_FASTF1_REPLAY_DIR": str(recorded_replay_dir()),
    }


def f1(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "entrypoints.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def f1_json(env: dict[str, str], *args: str) -> Any:
    done = f1(env, *args, "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.parametrize(
    ("year", "event", "session", "driver", "time_ms"),
    [
        ("2024", "Spanish GP", "Q", "NOR", 71_383),
        ("2019", "Monza", "quali", "LEC", 79_307),
        ("2018", "Baku", "R", "BOT", 105_149),
        # The bogus 1:13.670 flagged not accurate must never win.
        ("2022", "Jeddah", "Q", "PER", 88_200),
    ],
)
def test_fastest_lap_real_values(
    env: dict[str, str], year: str, event: str, session: str, driver: str, time_ms: int
) -> None:
    result = f1_json(env, "analyze", "fastest-lap", year, event, session)
    assert result["fastest"]["driver"] == driver
    assert result["fastest"]["time_ms"] == time_ms


def test_fastest_lap_text_prints_the_time_as_people_read_it(env: dict[str, str]) -> None:
    done = f1(env, "analyze", "fastest-lap", "2024", "Spanish GP", "Q")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(
        "Lando Norris (NOR) set the fastest lap of the 2024 Spanish Grand Prix Qualifying: "
        "1:11.383 (lap 11, soft tyres), 0.020 s ahead of Max Verstappen (VER)."
    )


def test_session_show_baku_2018_hamilton_won(env: dict[str, str]) -> None:
    summary = f1_json(env, "session", "show", "2018", "Baku", "R")
    assert summary["title"] == "2018 Azerbaijan Grand Prix Race"
    assert summary["lap_count"] == 848
    winner = summary["classification"]["rows"][0]
    assert winner[1] == "HAM"
    assert winner[6] == "1:43:44.291"


def test_race_pace_compares_the_drivers_asked_for(env: dict[str, str]) -> None:
    # Perez won the 2023 Baku sprint from Leclerc, with Verstappen third.
    result = f1_json(env, "analyze", "race-pace", "2023", "Baku", "sprint", "-d", "VER,PER")
    assert [row["key"] for row in result["drivers"]] == ["PER", "VER"]
    per = result["drivers"][0]["stats"]
    assert 103_000 < per["median_ms"] < 105_000
    assert per["laps"] >= 10
    excluded_laps = {(e["driver"], e["lap"]) for e in result["excluded"]}
    assert ("PER", 1) in excluded_laps and ("VER", 1) in excluded_laps


def test_sessions_lists_the_calendar(env: dict[str, str]) -> None:
    done = f1(env, "sessions", "2024")
    assert done.returncode == 0, done.stderr
    assert "Spanish Grand Prix" in done.stdout
    assert "Chinese Grand Prix" in done.stdout


def test_sessions_marks_what_the_recorded_data_can_load(env: dict[str, str]) -> None:
    done = f1(env, "sessions", "2024")
    assert done.returncode == 0, done.stderr
    rows = {line[16:48].strip(): line[48:].split() for line in done.stdout.splitlines()}
    # Spanish Q is loadable (+) unless an earlier test of this module cached it (*).
    assert rows["Spanish Grand Prix"][:3] == ["FP1", "FP2", "FP3"]
    assert rows["Spanish Grand Prix"][3] in ("Q+", "Q*")
    assert rows["Spanish Grand Prix"][4] == "R"
    assert rows["Bahrain Grand Prix"] == ["FP1", "FP2", "FP3", "Q", "R"]
    assert rows["Chinese Grand Prix"] == ["FP1", "SQ+", "S", "Q", "R"]
    assert rows["British Grand Prix"][0] == "FP1+"
    assert "(+ = timing data available: loads from FastF1 in a few seconds)" in done.stdout

    listing = f1_json(env, "sessions", "2024")
    by_name = {item["event"]["name"]: item for item in listing}
    assert by_name["Spanish Grand Prix"]["loadable"] == ["Q"]
    assert by_name["Bahrain Grand Prix"]["loadable"] == []
    assert by_name["Bahrain Grand Prix"]["cached"] == []
    assert by_name["Chinese Grand Prix"]["loadable"] == ["SQ"]
    assert sum(len(item["loadable"]) for item in listing) == 3


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["session", "show", "2023", "Bahrain", "R"], "not available"),
        (["session", "show", "2019", "Atlantis", "R"], "Atlantis"),
        (["session", "show", "2019", "Monza", "sprint"], "had no Sprint"),
        (["analyze", "race-pace", "2024", "Spanish GP", "Q"], "race pace needs a race"),
        (["analyze", "fastest-lap", "2024", "Spanish GP", "Q", "-d", "XYZ"], "XYZ"),
        (["analyze", "warp-speed", "2024", "Spanish GP", "Q"], "warp-speed"),
        (["session", "show", "1990", "Monaco", "R"], "1990"),
    ],
)
def test_errors_are_one_line_and_exit_2(env: dict[str, str], args: list[str], message: str) -> None:
    done = f1(env, *args)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
    assert message in lines[0]


def test_errors_with_json_are_an_error_object(env: dict[str, str]) -> None:
    done = f1(env, "session", "show", "2023", "Bahrain", "R", "--json")
    assert done.returncode == 2
    error = json.loads(done.stdout)["error"]
    assert error["kind"] == "data_unavailable"
    assert "2023 Bahrain Grand Prix Race" in error["message"]


def test_usage_errors_exit_2_without_traceback(env: dict[str, str]) -> None:
    done = f1(env, "session", "show", "twenty", "Baku", "R")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "twenty" in done.stderr


@pytest.mark.parametrize(
    ("question", "colours", "laps"),
    [
        # 2018: supersoft red, soft yellow, ultrasoft purple (FastF1's plotting colours)
        (
            "tyre strategy 2018 Azerbaijan GP",
            {"SUPERSOFT": "#fc2b2a", "SOFT": "#ffd318", "ULTRASOFT": "#b24ba7"},
            51,
        ),
        # from 2019: soft red, medium yellow; the 2025 Miami sprint started on inters
        (
            "tyre strategy 2025 Miami sprint",
            {"SOFT": "#da291c", "MEDIUM": "#ffd12e", "INTERMEDIATE": "#43b02a"},
            18,
        ),
    ],
)
def test_stint_chart_draws_each_compound_in_its_eras_colour(
    env: dict[str, str], question: str, colours: dict[str, str], laps: int
) -> None:
    answer = f1_json(env, "ask", question)
    encoding = answer["chart"]["encoding"]
    scale = encoding["color"]["scale"]
    drawn = dict(zip(scale["domain"], scale["range"], strict=True))
    assert drawn == colours
    assert len(set(drawn.values())) == len(drawn)  # every compound its own colour
    # the lap axis ends with the race, not at the next round number
    # as FastF1's strategy plot: lap 1 starts at 0, the axis ends at the race's last lap
    assert encoding["x"]["scale"]["domain"] == [0, laps]


def _fresh(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "F1_DATA_DIR": str(tmp_path / "data"),
        "F1_FASTF1_REPLAY_DIR": str(recorded_replay_dir()),
        "F1_INTERPRETER": "offline",
    }


def _fastf1_track_temps(tmp_path: Path) -> tuple[float, float]:
    """The 2021 Mexico City qualifying track temperatures, read with FastF1 directly."""
    import fastf1

    from adapters.fastf1.replay import configure_fastf1

    configure_fastf1(tmp_path / "direct-cache", recorded_replay_dir())
    session = fastf1.get_session(2021, "Mexico City Grand Prix", "Q")
    session.load(laps=False, telemetry=False, weather=True, messages=False)
    temps = session.weather_data["TrackTemp"]
    return round(float(temps.min()), 1), round(float(temps.max()), 1)


def test_a_session_question_leaves_the_database_closed_and_the_weather_for_later(
    tmp_path: Path,
) -> None:
    env = _fresh(tmp_path)
    first = f1_json(env, "ask", "fastest lap 2021 mexico qualifying")
    assert first["table"]["rows"][0][0] == "BOT"
    # No history asked for, no archive question: the database was never opened.
    assert not (tmp_path / "data" / "f1.sqlite3").exists()
    # The fastest-lap question loaded no weather; the weather question fills it in.
    weather = f1_json(env, "ask", "what was the weather in 2021 mexico qualifying")
    track = next(r for r in weather["table"]["rows"] if r[0].startswith("Track temperature"))
    assert (float(track[1]), float(track[2])) == _fastf1_track_temps(tmp_path)
    summary = f1_json(env, "session", "show", "2021", "Mexico", "Q")
    assert summary["weather_samples"] > 0


def test_ask_for_a_user_records_the_question_in_their_history(tmp_path: Path) -> None:
    env = _fresh(tmp_path)
    created = subprocess.run(
        [sys.executable, "-m", "entrypoints.cli", "user", "create", "ana", "--password-stdin"],
        env=env,
        input="a long enough passphrase 42\n",
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert created.returncode == 0, created.stderr
    answer = f1_json(env, "ask", "fastest lap 2024 spanish gp qualifying", "--user", "ana")
    assert answer["table"]["rows"][0][:1] == ["NOR"]
    with sqlite3.connect(tmp_path / "data" / "f1.sqlite3") as db:
        rows = db.execute("SELECT question, status FROM query_history").fetchall()
    assert rows == [("fastest lap 2024 spanish gp qualifying", "answered")]
    unknown = f1(env, "ask", "fastest lap 2024 spanish gp qualifying", "--user", "nobody")
    assert unknown.returncode == 2
    assert "no user named 'nobody'" in unknown.stderr


_IMPORTED = """
import json, sys
from entrypoints.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
heavy = ("sqlalchemy", "alembic", "dependency_injector", "fastf1", "pandas", "numpy")
print(json.dumps(sorted(m for m in heavy if m in sys.modules)), file=sys.stderr)
"""


def _heavy_imports(env: dict[str, str], *args: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", _IMPORTED, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    imported: list[str] = json.loads(done.stderr.strip().splitlines()[-1])
    return imported


def test_commands_import_only_what_they_need(tmp_path: Path) -> None:
    env = _fresh(tmp_path)
    assert _heavy_imports(env, "--help") == []
    assert _heavy_imports(env, "analyses") == []
    # The first question loads the session from FastF1; then it is a snapshot away.
    assert "fastf1" in _heavy_imports(env, "ask", "fastest lap 2024 spanish gp qualifying")
    assert _heavy_imports(env, "ask", "fastest lap 2024 spanish gp qualifying") == []
    assert _heavy_imports(env, "analyze", "fastest-lap", "2024", "Spanish GP", "Q") == []
    assert _heavy_imports(env, "sessions", "2024") == []
