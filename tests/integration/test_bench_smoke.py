"""Every benchmark case runs, with tiny counts, so ``nox -s bench`` cannot rot again.

Nothing here is timed: the figures are the bench's business. Each script must exit 0 and
print its JSON lines, naming every case it is meant to measure.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "data"


def run_bench(script: str, *args: str) -> list[dict[str, Any]]:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT / "src"),
        "F1_FASTF1_REPLAY_DIR": os.environ.get(
            "F1_FASTF1_REPLAY_DIR", str(SHARED / "fastf1-http-cache")
        ),
    }
    env.pop("OPENAI_API_KEY", None)
    out = subprocess.run(
        [sys.executable, f"bench/{script}", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    return [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]


def ergast_dir() -> str:
    return os.environ.get("F1_ERGAST_DIR", str(SHARED / "ergast-csv"))


def test_bench_ask_runs_every_case() -> None:
    lines = run_bench("bench_ask.py", "-n", "2", "--dump", ergast_dir())
    assert [x["case"] for x in lines] == [
        "session-computed",
        "session-cached",
        "archive-computed",
        "archive-cached",
        "interpreter-per-question",
    ]
    assert [x["cached"] for x in lines[:4]] == [False, True, False, True]
    assert lines[0]["text"].startswith("Lando Norris (NOR) set the fastest lap")
    assert lines[2]["text"].startswith("Lewis Hamilton (HAM) won the 2018 Azerbaijan")


def test_bench_cli_runs_every_case() -> None:
    lines = run_bench("bench_cli.py", "--runs", "1", "--cold-runs", "1")
    assert [x["case"] for x in lines] == ["cli_help", "cli_ask_warm", "cli_ask_cold"]
    assert all(x["ours_ms"] > 0 for x in lines)
    assert all(x["fastf1_ms"] > 0 for x in lines[1:])


def test_bench_sessions_runs_every_case() -> None:
    lines = run_bench("bench_sessions.py", "--fastf1-runs", "1", "--runs", "2")
    assert {"fastf1_source_load_and_map", "snapshot_warm_load"} <= {x["case"] for x in lines}


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_bench_archive_runs_every_case(backend: str) -> None:
    lines = run_bench(
        "bench_archive.py", "--dump", ergast_dir(), "--repeat", "2", "--backend", backend
    )
    assert lines and {x["backend"] for x in lines} == {backend}


def test_bench_http_runs_every_case() -> None:
    lines = run_bench("bench_http.py", "--seconds", "1", "--workers", "1", "2")
    cases = [(x["case"], x.get("workers"), x.get("c")) for x in lines]
    assert cases == [
        ("healthz", 1, None),
        ("ask_warm", 1, 1),
        ("ask_warm", 1, 32),
        ("history_rows", 1, None),
        ("healthz", 2, None),
        ("ask_warm", 2, 1),
        ("ask_warm", 2, 32),
        ("history_rows", 2, None),
        ("ask_warm_scaling", None, None),
    ]
    for line in lines:
        if line["case"] == "ask_warm":
            assert line["errors"] == 0
            assert len(line["rss_mib"]) == line["workers"] + (line["workers"] > 1)
        if line["case"] == "history_rows":
            assert line["lost"] == 0  # every 2xx answer left its history row
