"""Session loading: FastF1's own warm load against our snapshot and in-memory paths.

Run as ``python bench/bench_sessions.py`` from the repository root. Prints one JSON line
per case: ``{"case", "ours_ms", "fastf1_ms", "ratio", ...}`` where ``ratio`` is how many
times faster ours is than FastF1's warm load (its stage-2 parsed-data cache). The recorded
data comes from F1_FASTF1_REPLAY_DIR or ../shared/data/fastf1-http-cache.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from adapters.fastf1 import FastF1SessionSource
from adapters.fastf1.replay import configure_fastf1
from adapters.snapshot import MsgpackSnapshotStore
from f1core.domain.session import SessionKind, SessionRef
from f1core.usecases.load_session import SessionLoader

REF = SessionRef(2018, "Azerbaijan Grand Prix", SessionKind.RACE)
ROOT = Path(__file__).resolve().parents[1]

# Runs in a fresh interpreter: the path a CLI or notebook takes on a warm machine.
_FRESH_PROCESS = """
import asyncio, json, sys, time
t0 = time.perf_counter()
from pathlib import Path
from adapters.snapshot import MsgpackSnapshotStore
from f1core.domain.session import SessionKind, SessionRef
ref = SessionRef(2018, "Azerbaijan Grand Prix", SessionKind.RACE)
t1 = time.perf_counter()
session = asyncio.run(MsgpackSnapshotStore(Path(sys.argv[1])).get_session(ref))
t2 = time.perf_counter()
print(json.dumps({
    "laps": len(session.laps) if session else None,
    "load_ms": (t2 - t1) * 1000,
    "import_and_load_ms": (t2 - t0) * 1000,
    "fastf1_imported": "fastf1" in sys.modules,
    "pandas_imported": "pandas" in sys.modules,
}))
"""


def replay_dir() -> Path:
    configured = os.environ.get("F1_FASTF1_REPLAY_DIR")
    return Path(configured) if configured else ROOT.parent / "shared/data/fastf1-http-cache"


def ms(seconds: float) -> float:
    return round(seconds * 1000, 4)


def emit(case: str, ours_s: float, fastf1_s: float, **extra: object) -> None:
    line = {
        "case": case,
        "ours_ms": ms(ours_s),
        "fastf1_ms": ms(fastf1_s),
        "ratio": round(fastf1_s / ours_s, 1),
        **extra,
    }
    print(json.dumps(line), flush=True)


def fastf1_warm_load(cache_dir: Path, runs: int) -> list[float]:
    """FastF1 alone: one cold load to fill its stage-2 cache, then ``runs`` warm loads."""
    import fastf1

    configure_fastf1(cache_dir, replay_dir())
    event = fastf1.get_event_schedule(REF.year, include_testing=False)
    round_ = int(event[event.EventName == REF.event].iloc[0].RoundNumber)

    def load() -> float:
        started = time.perf_counter()
        ff1 = fastf1.get_session(REF.year, round_, "Race")
        ff1.load(laps=True, telemetry=False, weather=True, messages=True)
        assert len(ff1.laps) == 848
        return time.perf_counter() - started

    load()  # cold: fills the parsed-data cache
    return [load() for _ in range(runs)]


@dataclasses.dataclass(frozen=True)
class Measured:
    source_and_map: float
    snapshot: float
    lru: float
    snapshot_bytes: int


async def ours(data_dir: Path, cache_dir: Path, runs: int) -> Measured:
    source = FastF1SessionSource(cache_dir, replay_dir())
    try:
        started = time.perf_counter()
        session = await source.load(REF)  # FastF1 warm load + our mapping
        source_and_map = time.perf_counter() - started
        await MsgpackSnapshotStore(data_dir).put_session(session)

        snapshot_times = []
        for _ in range(runs):
            store = MsgpackSnapshotStore(data_dir)  # fresh object: nothing in memory
            started = time.perf_counter()
            got = await store.get_session(REF)
            snapshot_times.append(time.perf_counter() - started)
            assert got == session

        loader = SessionLoader(source, MsgpackSnapshotStore(data_dir))
        await loader.load(REF)
        lru_times = []
        for _ in range(runs):
            started = time.perf_counter()
            await loader.load(REF)
            lru_times.append(time.perf_counter() - started)
    finally:
        source.close()
    return Measured(
        source_and_map=source_and_map,
        snapshot=statistics.median(snapshot_times),
        lru=statistics.median(lru_times),
        snapshot_bytes=MsgpackSnapshotStore(data_dir).session_path(REF).stat().st_size,
    )


def fresh_process(data_dir: Path) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    out = subprocess.run(
        [sys.executable, "-c", _FRESH_PROCESS, str(data_dir)],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )
    result: dict[str, Any] = json.loads(out.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--fastf1-runs", type=int, default=5)
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-sessions-") as tmp:
        tmp_path = Path(tmp)
        cache_dir, data_dir = tmp_path / "fastf1-cache", tmp_path / "data"
        fastf1_s = statistics.median(fastf1_warm_load(cache_dir, args.fastf1_runs))
        measured = asyncio.run(ours(data_dir, cache_dir, args.runs))
        fresh = fresh_process(data_dir)

    emit(
        "fastf1_source_load_and_map",
        measured.source_and_map,
        fastf1_s,
        note="our FastF1 adapter on a warm FastF1 cache: FastF1's load plus our mapping",
    )
    emit(
        "snapshot_warm_load",
        measured.snapshot,
        fastf1_s,
        runs=args.runs,
        snapshot_bytes=measured.snapshot_bytes,
        fresh_process_ms=round(fresh["load_ms"], 3),
        fresh_process_import_and_load_ms=round(fresh["import_and_load_ms"], 1),
        fresh_process_imports_fastf1=fresh["fastf1_imported"],
        fresh_process_imports_pandas=fresh["pandas_imported"],
    )
    emit("lru_hit", measured.lru, fastf1_s, runs=args.runs)


if __name__ == "__main__":
    main()
