"""``ask`` in process on a warm machine: question -> interpreter -> analysis -> Answer.

Run as ``python bench/bench_ask.py [--dump ERGAST_DIR] [-n 200]`` from the repository root.
Prints one JSON line per case with p50/p99 in milliseconds. The session is loaded once
first (so it sits in the loader's LRU, as on a running server); then each case asks the
same question ``n`` times:

- ``session-computed``: the answer cache switched off, so every ask interprets, resolves
  the session, runs the analysis and composes paragraph, table and chart;
- ``session-cached``: through the SQLite answer cache (a hit after the first ask);
- ``archive-computed`` / ``archive-cached``: the same for an archive question (only with
  ``--dump``, which is imported into the temporary database first).

- ``interpreter-per-question``: the offline rule interpreter alone over the test suite's
  question bank (answerable and refused questions), mean ms per question.

The targets are p50 under 10 ms for the warm session cases and under 1 ms per question
for the rule interpreter (a limit that used to be asserted in the unit tests).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from dependency_injector import providers

from entrypoints.composition import bootstrap
from entrypoints.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SESSION_Q = "fastest lap 2024 spanish gp qualifying"
ARCHIVE_Q = "who won the 2018 azerbaijan grand prix"


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


async def _case(name: str, ask: Any, question: str, n: int) -> dict[str, Any]:
    first = await ask.execute(question)  # warm-up: load, fill the cache
    times: list[float] = []
    for _ in range(n):
        start = time.perf_counter()
        answer = await ask.execute(question)
        times.append((time.perf_counter() - start) * 1000)
    return {
        "case": name,
        "question": question,
        "n": n,
        "p50_ms": round(statistics.median(times), 3),
        "p99_ms": round(_percentile(times, 0.99), 3),
        "first_ms": round(first.timings_ms.get("total_ms", 0.0), 1),
        "cached": answer.cached,
        "text": answer.text[:80],
    }


def interpreter_case(rounds: int) -> dict[str, Any]:
    import sys

    sys.path.insert(0, str(ROOT))
    from tests.unit.question_bank import QUERY_BANK, REFUSAL_BANK

    from adapters.rules import RuleBasedQueryInterpreter

    interpreter = RuleBasedQueryInterpreter()
    questions = [q for q, _ in QUERY_BANK] + [q for q, _ in REFUSAL_BANK]
    for q in questions:  # warm the regex caches
        interpreter.interpret_now(q)
    start = time.perf_counter()
    for _ in range(rounds):
        for q in questions:
            interpreter.interpret_now(q)
    per_question_ms = (time.perf_counter() - start) * 1000 / (rounds * len(questions))
    return {
        "case": "interpreter-per-question",
        "questions": len(questions),
        "rounds": rounds,
        "mean_ms": round(per_question_ms, 4),
        "target_ms": 1.0,
    }


async def main(n: int, dump: Path | None) -> None:
    replay = os.environ.get(
        "F1_FASTF1_REPLAY_DIR", str(ROOT.parent / "shared/data/fastf1-http-cache")
    )
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings.from_env(
            {"F1_DATA_DIR": tmp, "F1_FASTF1_REPLAY_DIR": replay, "F1_INTERPRETER": "offline"}
        )
        root = bootstrap(settings)
        try:
            if dump is not None:
                importer = await root.archive.importer()
                await importer.import_dump(dump)
            cached = await root.ask.ask_question()
            with root.ask.answer_cache.override(providers.Object(None)):
                computed = await root.ask.ask_question()
            cases = [
                ("session-computed", computed, SESSION_Q),
                ("session-cached", cached, SESSION_Q),
            ]
            if dump is not None:
                cases += [
                    ("archive-computed", computed, ARCHIVE_Q),
                    ("archive-cached", cached, ARCHIVE_Q),
                ]
            for name, ask, question in cases:
                print(json.dumps(await _case(name, ask, question, n)), flush=True)
            print(json.dumps(interpreter_case(max(1, n // 40))), flush=True)
        finally:
            await root.shutdown_resources()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=200, help="asks per case")
    parser.add_argument("--dump", type=Path, default=None, help="an Ergast CSV dump to import")
    args = parser.parse_args()
    asyncio.run(main(args.n, args.dump))
