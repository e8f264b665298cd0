"""The ``f1`` command as a user feels it: whole processes, against a plain FastF1 script.

Run as ``python bench/bench_cli.py [--runs N]`` from the repository root. Prints one JSON
line per case; ours and the alternative run interleaved in the same loop, so both see the
same machine load. Each side is timed over ``--runs`` whole processes (wall time, start to
exit); ``ratio`` compares the best of them (as ``timeit`` does: on a shared machine the
slower runs measure the other processes), and ``ratio_p50`` the medians:

- ``cli_help``: ``f1 --help`` (target under 250 ms);
- ``cli_ask_warm``: ``f1 ask "fastest lap 2024 spanish gp qualifying"`` with its snapshot
  on disk, against ``bench/fastf1_fastest_lap.py`` with FastF1's own cache warm
  (``ratio`` = FastF1 / ours, target at least 8);
- ``cli_ask_cold``: the same two with nothing cached (a fresh data directory, a fresh
  FastF1 cache, both replaying F1_FASTF1_REPLAY_DIR) (``ratio`` = ours / FastF1, target
  at most 1.1). With F1_ERGAST_DIR set (``nox -s bench`` sets it) it is also the
  configured archive dump (F1_ARCHIVE_DIR), which a session question must not import.

Both sides must print the same driver and lap time, or the bench fails. Processes run
with Python's bytecode cache on, as on a user's machine (PYTHONDONTWRITEBYTECODE is
dropped from their environment); a first, untimed run of each fills it.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
QUESTION = "fastest lap 2024 spanish gp qualifying"
FASTF1_SCRIPT = ROOT / "bench" / "fastf1_fastest_lap.py"

Command = tuple[list[str], dict[str, str]]


def replay_dir() -> str:
    return os.environ.get(
        "F1_FASTF1_REPLAY_DIR", str(ROOT.parent / "shared" / "data" / "fastf1-http-cache")
    )


def base_env() -> dict[str, str]:
    env = {**os.environ, "F1_FASTF1_REPLAY_DIR": replay_dir(), "F1_INTERPRETER": "offline"}
    # With an archive dump configured, as a deployment has it: a session question must not
    # import it (the first archive question does).
    if "F1_ERGAST_DIR" in env:
        env.setdefault("F1_ARCHIVE_DIR", env["F1_ERGAST_DIR"])
    src = str(ROOT / "src")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (src, env.get("PYTHONPATH")) if p)
    for name in ("PYTHONDONTWRITEBYTECODE", "OPENAI_API_KEY", "F1_DATABASE_URL"):
        env.pop(name, None)
    return env


def f1_command() -> list[str]:
    """The installed console script next to this interpreter, else ``python -m``."""
    script = Path(sys.executable).with_name("f1")
    return [str(script)] if script.exists() else [sys.executable, "-m", "entrypoints.cli"]


def run(command: Command) -> tuple[float, str]:
    args, env = command
    started = time.perf_counter()
    done = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        output = (done.stdout + done.stderr)[-2000:]
        raise SystemExit(f"{' '.join(args)} failed ({done.returncode}):\n{output}")
    return elapsed, done.stdout


def lap_text(ms: int) -> str:
    minutes, rest = divmod(ms, 60_000)
    return f"{minutes}:{rest / 1000:06.3f}"


def our_answer(stdout: str) -> tuple[str, str]:
    row = json.loads(stdout)["table"]["rows"][0]
    return str(row[0]), str(row[4])


def fastf1_answer(stdout: str) -> tuple[str, str]:
    line = json.loads(stdout.strip().splitlines()[-1])
    return str(line["driver"]), lap_text(int(line["lap_time_ms"]))


def interleaved(
    runs: int, ours: Callable[[int], Command], theirs: Callable[[int], Command]
) -> tuple[list[float], list[float]]:
    """``runs`` timings of each, alternating; both answers checked on every run."""
    our_times: list[float] = []
    their_times: list[float] = []
    for i in range(runs):
        ours_s, our_out = run(ours(i))
        theirs_s, their_out = run(theirs(i))
        if our_answer(our_out) != fastf1_answer(their_out):
            raise SystemExit(f"answers differ: {our_answer(our_out)} != {fastf1_answer(their_out)}")
        our_times.append(ours_s)
        their_times.append(theirs_s)
    return our_times, their_times


def ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def emit(**fields: Any) -> None:
    print(json.dumps({**fields, "load_avg": [round(x, 2) for x in os.getloadavg()]}), flush=True)


def bench_help(runs: int) -> None:
    command = ([*f1_command(), "--help"], base_env())
    run(command)  # fills the bytecode cache
    times = [run(command)[0] for _ in range(runs)]
    emit(
        case="cli_help",
        ours_ms=ms(min(times)),
        ours_p50_ms=ms(statistics.median(times)),
        runs=runs,
        target_ms=250,
        met=min(times) < 0.25,
    )


def bench_warm(runs: int, tmp: Path) -> None:
    env = {**base_env(), "F1_DATA_DIR": str(tmp / "warm-data")}
    ours: Command = ([*f1_command(), "ask", QUESTION, "--json"], env)
    theirs: Command = ([sys.executable, str(FASTF1_SCRIPT), str(tmp / "warm-fastf1")], env)
    run(ours)  # cold: fills the snapshot (and the bytecode cache)
    run(theirs)  # cold: fills FastF1's cache
    our_times, their_times = interleaved(runs, lambda _: ours, lambda _: theirs)
    emit_pair("cli_ask_warm", our_times, their_times, faster_at_least=8)


def bench_cold(runs: int, tmp: Path) -> None:
    def ours(i: int) -> Command:
        env = {**base_env(), "F1_DATA_DIR": str(tmp / f"cold-data-{i}")}
        return [*f1_command(), "ask", QUESTION, "--json"], env

    def theirs(i: int) -> Command:
        return [sys.executable, str(FASTF1_SCRIPT), str(tmp / f"cold-fastf1-{i}")], base_env()

    our_times, their_times = interleaved(runs, ours, theirs)
    emit_pair("cli_ask_cold", our_times, their_times, slower_at_most=1.1)


def emit_pair(
    case: str,
    our_times: list[float],
    their_times: list[float],
    *,
    faster_at_least: float | None = None,
    slower_at_most: float | None = None,
) -> None:
    """One line for ours against FastF1: best and median times, the ratios, the target."""
    best = min(our_times), min(their_times)
    p50 = statistics.median(our_times), statistics.median(their_times)
    if faster_at_least is not None:
        ratio, ratio_p50 = best[1] / best[0], p50[1] / p50[0]
        target: dict[str, Any] = {"target_ratio_at_least": faster_at_least}
        met, note = ratio >= faster_at_least, "ratio = FastF1 script / f1 ask"
    else:
        assert slower_at_most is not None
        ratio, ratio_p50 = best[0] / best[1], p50[0] / p50[1]
        target = {"target_ratio_at_most": slower_at_most}
        met, note = ratio <= slower_at_most, "ratio = f1 ask / FastF1 script"
    emit(
        case=case,
        question=QUESTION,
        ours_ms=ms(best[0]),
        fastf1_ms=ms(best[1]),
        ratio=round(ratio, 2),
        ours_p50_ms=ms(p50[0]),
        fastf1_p50_ms=ms(p50[1]),
        ratio_p50=round(ratio_p50, 2),
        runs=len(our_times),
        **target,
        met=met,
        note=f"{note}; best of the runs (whole processes); ratio_p50 from the medians",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11, help="timed processes per side")
    parser.add_argument("--cold-runs", type=int, default=5, help="timed cold processes")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-cli-") as tmp:
        bench_help(args.runs)
        bench_warm(args.runs, Path(tmp))
        bench_cold(args.cold_runs, Path(tmp))


if __name__ == "__main__":
    main()
