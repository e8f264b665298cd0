"""The alternative to ``f1 ask``: a plain FastF1 script answering the same question.

"Fastest lap of the 2024 Spanish Grand Prix qualifying", as a FastF1 user writes it:
load the session's laps (with race-control messages, from which FastF1 marks deleted laps;
no telemetry, no weather) and pick the fastest. Prints one JSON line with the driver and
the lap time, so the bench can check both sides gave the same answer.

Run as ``python bench/fastf1_fastest_lap.py CACHE_DIR``: FastF1's own cache lives in
CACHE_DIR (empty for a cold run, kept for a warm one). With ``F1_FASTF1_REPLAY_DIR`` set,
every HTTP request is answered from the recorded responses, exactly as ``f1`` does; the
replay set-up is the only thing borrowed from this project.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import fastf1


def main() -> None:
    cache_dir = Path(sys.argv[1])
    replay = os.environ.get("F1_FASTF1_REPLAY_DIR")
    if replay:
        from adapters.fastf1.replay import configure_fastf1

        configure_fastf1(cache_dir, Path(replay))
    else:
        cache_dir.mkdir(parents=True, exist_ok=True)
        fastf1.Cache.enable_cache(str(cache_dir))
    session = fastf1.get_session(2024, "Spanish Grand Prix", "Q")
    session.load(laps=True, telemetry=False, weather=False, messages=True)
    lap = session.laps.pick_fastest()
    print(
        json.dumps(
            {"driver": lap["Driver"], "lap_time_ms": round(lap["LapTime"].total_seconds() * 1000)}
        )
    )


if __name__ == "__main__":
    main()
