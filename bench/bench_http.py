"""HTTP benchmarks on loopback, one JSON line per case.

1. ``GET /healthz`` requests per second on the f1 app against a bare ASGI app under the same
   uvicorn, same client, same run (target ratio >= 0.7).
2. Warm ``POST /api/v1/ask`` p50/p99 at concurrency 1 and 32 (target p50 < 20 ms at 1), zero
   errors, and exactly one history row per answered request.

Run: ``.venv/bin/python bench/bench_http.py`` (uses ../shared/data and a temp SQLite).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
BARE_APP = """
async def app(scope, receive, send):
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"application/json")]})
    await send({"type": "http.response.body", "body": b'{"status":"ok","checks":{}}'})
"""
QUESTION = "fastest lap 2024 spanish gp qualifying"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start(command: list[str], env: dict[str, str], url: str) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            httpx.get(url, timeout=1)
            return process
        except httpx.HTTPError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit(f"server at {url} did not start")


async def rps(url: str, seconds: float = 4.0, concurrency: int = 16) -> float:
    done = 0
    stop = time.perf_counter() + seconds
    async with httpx.AsyncClient(limits=httpx.Limits(max_connections=concurrency)) as client:

        async def worker() -> None:
            nonlocal done
            while time.perf_counter() < stop:
                r = await client.get(url)
                assert r.status_code == 200
                done += 1

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        return done / (time.perf_counter() - started)


async def ask_latency(
    url: str, headers: dict[str, str], concurrency: int, total: int
) -> dict[str, float]:
    latencies: list[float] = []
    errors = 0
    queue = list(range(total))
    async with httpx.AsyncClient(timeout=30, headers=headers) as client:

        async def worker() -> None:
            nonlocal errors
            while queue:
                queue.pop()
                t = time.perf_counter()
                r = await client.post(url, json={"question": QUESTION})
                latencies.append((time.perf_counter() - t) * 1000)
                errors += r.status_code != 200

        await asyncio.gather(*(worker() for _ in range(concurrency)))
    latencies.sort()
    return {
        "p50_ms": round(statistics.median(latencies), 2),
        "p99_ms": round(latencies[int(len(latencies) * 0.99) - 1], 2),
        "requests": len(latencies),
        "errors": errors,
    }


def main(seconds: float, asks: int) -> None:
    data_dir = Path(tempfile.mkdtemp(prefix="f1-bench-"))
    (data_dir / "bare.py").write_text(BARE_APP)
    env = {
        **os.environ,
        "PYTHONPATH": f"{data_dir}:{ROOT / 'src'}",
        "F1_DATA_DIR": str(data_dir),
        "F1_JWT_SECRET": secrets.token_urlsafe(48),
        "F1_FASTF1_REPLAY_DIR": str(ROOT.parent / "shared/data/fastf1-http-cache"),
        "F1_INTERPRETER": "offline",
        "F1_HTTP_RATE_LIMIT": "1000000/minute",
        "F1_HTTP_LOG_REQUESTS": "0",  # the bare app logs nothing either
        "F1_LOG_FORMAT": "json",
    }
    env.pop("OPENAI_API_KEY", None)
    uvicorn = [sys.executable, "-m", "uvicorn", "--no-access-log", "--log-level", "warning"]
    bare_port, app_port = free_port(), free_port()
    bare = start(
        [*uvicorn, "--port", str(bare_port), "bare:app"], env, f"http://127.0.0.1:{bare_port}/"
    )
    app = start(
        [*uvicorn, "--port", str(app_port), "--factory", "entrypoints.http.app:create_app"],
        env,
        f"http://127.0.0.1:{app_port}/healthz",
    )
    try:
        bare_rps = asyncio.run(rps(f"http://127.0.0.1:{bare_port}/healthz", seconds))
        app_rps = asyncio.run(rps(f"http://127.0.0.1:{app_port}/healthz", seconds))
        print(
            json.dumps(
                {
                    "case": "healthz_rps",
                    "bare_asgi": round(bare_rps),
                    "f1_app": round(app_rps),
                    "ratio": round(app_rps / bare_rps, 3),
                }
            )
        )
        base = f"http://127.0.0.1:{app_port}/api/v1"
        creds = {"username": "bench", "password": "correct horse battery"}
        httpx.post(f"{base}/auth/register", json=creds)
        token = httpx.post(f"{base}/auth/login", json=creds).json()["access_token"]
        headers = {"Authorization": f"Bearer {token}"}
        warm = httpx.post(f"{base}/ask", json={"question": QUESTION}, headers=headers, timeout=120)
        assert warm.status_code == 200, warm.text
        answered = 1
        for concurrency, total in ((1, asks), (32, asks * 32 // 10)):
            result = asyncio.run(ask_latency(f"{base}/ask", headers, concurrency, total))
            answered += result["requests"] - result["errors"]
            print(json.dumps({"case": f"ask_warm_c{concurrency}", **result}))
        rows, before = 0, None
        while True:
            params = {"limit": 100, **({"before_id": before} if before else {})}
            page = httpx.get(f"{base}/history", params=params, headers=headers).json()
            rows += len(page["items"])
            before = page["next_before_id"]
            if before is None:
                break
        print(
            json.dumps(
                {
                    "case": "history_rows",
                    "answered": answered,
                    "rows": rows,
                    "match": rows == answered,
                }
            )
        )
    finally:
        for process in (bare, app):
            process.terminate()
            process.wait(timeout=10)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=4.0, help="per /healthz run")
    parser.add_argument("--asks", type=int, default=200, help="asks at concurrency 1")
    args = parser.parse_args()
    main(args.seconds, args.asks)
