"""HTTP benchmarks on loopback, driven by ``wrk`` so the server is measured, not the client.

For 1 and 2 worker processes, in one run:

1. ``GET /healthz``: the real ``f1 serve`` against a bare ASGI app served by the same
   uvicorn with the same HTTP protocol class and the same worker count (target ratio
   >= 0.7);
2. warm ``POST /api/v1/ask`` (authenticated, a Lua script for wrk) at 1 and 32 connections
   (targets at 32 on one worker: >= 550 requests/s, p99 < 150 ms, 0 errors; two workers
   >= 1.8x one);
3. the history: one row for every 2xx answer (wrk stops with up to ``c`` requests in
   flight, which the server may still answer and record, so rows may exceed the count by
   at most ``c``; fewer rows than answers is a lost row).

Each line carries the requests/s, p50, p99, errors and every worker's RSS (MiB, read from
/proc after the run). ``wrk`` is the Debian package (``apt-get install wrk``).

Run: ``python bench/bench_http.py [--seconds 5]`` (uses ../shared/data and a temp SQLite).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
QUESTION = "fastest lap 2024 spanish gp qualifying"
# The bare app under the same server as ``f1 serve``: uvicorn, the same protocol class.
BARE_SERVER = """
import functools, sys
import uvicorn
from entrypoints.serve_deadlines import DeadlineHttpProtocol


async def app(scope, receive, send):
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"application/json")]})
    await send({"type": "http.response.body", "body": b'{"status":"ok","checks":{}}'})


if __name__ == "__main__":
    uvicorn.run("bare:app", host="127.0.0.1", port=int(sys.argv[1]), workers=int(sys.argv[2]),
                access_log=False, log_level="warning", server_header=False,
                http=functools.partial(DeadlineHttpProtocol, header_timeout=10, body_timeout=30))
"""
# wrk's summary as one JSON line (latencies in microseconds).
LUA_DONE = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"duration_us":%d,"p50_us":%.0f,"p99_us":%.0f,'
    .. '"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect, e.read, e.write, e.status, e.timeout))
end
"""
LUA_ASK = """
wrk.method = "POST"
wrk.body = '{"question": "%s"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer %s"
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def find_wrk() -> str:
    found = shutil.which("wrk")
    if found is None:
        raise SystemExit("wrk not found: apt-get install -y wrk (Debian package wrk)")
    return found


@contextlib.contextmanager
def running(command: list[str], env: dict[str, str], url: str) -> Iterator[int]:
    """Start a server, wait until ``url`` answers 200, yield its pid, stop it."""
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 90
        while True:
            if process.poll() is not None:
                raise SystemExit(f"server exited: {' '.join(command)}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(url, timeout=1).status_code == 200:
                    break
            if time.monotonic() > deadline:
                raise SystemExit(f"server at {url} did not start")
            time.sleep(0.2)
        yield process.pid
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


def worker_rss_mib(pid: int) -> list[float]:
    """RSS of the server process and each of its (Python) children, from /proc."""
    pids = [pid]
    with contextlib.suppress(OSError):
        for task in Path(f"/proc/{pid}/task").iterdir():
            pids += [int(x) for x in (task / "children").read_text().split()]
    rss = []
    for p in pids:
        with contextlib.suppress(OSError):
            status = Path(f"/proc/{p}/status").read_text()
            cmdline = Path(f"/proc/{p}/cmdline").read_bytes()
            if b"resource_tracker" in cmdline:
                continue
            kib = next(int(x.split()[1]) for x in status.splitlines() if x.startswith("VmRSS"))
            rss.append(round(kib / 1024, 1))
    return rss


def wrk_run(wrk: str, url: str, script: Path, connections: int, seconds: float) -> dict[str, Any]:
    out = subprocess.run(
        [
            wrk,
            "-t1",
            f"-c{connections}",
            f"-d{max(1, round(seconds))}s",
            "--timeout",
            "10s",
            "-s",
            str(script),
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    raw = json.loads([x for x in out.stdout.splitlines() if x.startswith("{")][-1])
    errors = sum(raw[k] for k in ("connect", "read", "write", "status", "timeout"))
    return {
        "rps": round(raw["requests"] / (raw["duration_us"] / 1e6), 1),
        "p50_ms": round(raw["p50_us"] / 1000, 2),
        "p99_ms": round(raw["p99_us"] / 1000, 2),
        "requests": raw["requests"],
        "errors": errors,
        "non_2xx": raw["status"],
        "c": connections,
    }


def history_rows(base: str, headers: dict[str, str]) -> int:
    rows, before = 0, None
    with httpx.Client(headers=headers, timeout=30) as client:
        while True:
            params = {"limit": 100, **({"before_id": before} if before else {})}
            page = client.get(f"{base}/history", params=params).json()
            rows += len(page["items"])
            before = page["next_before_id"]
            if before is None:
                return rows


def emit(**fields: Any) -> None:
    # The machine's load with every line: on a shared machine the figures depend on it.
    fields.setdefault("loadavg", [round(x, 2) for x in os.getloadavg()])
    print(json.dumps(fields), flush=True)


def bench_workers(wrk: str, workers: int, seconds: float, tmp: Path) -> float:
    """One worker count: healthz against bare, then the warm ask. Returns ask c=32 rps."""
    data_dir = tmp / f"data-w{workers}"
    data_dir.mkdir()
    env = {
        **os.environ,
        "PYTHONPATH": f"{tmp}:{ROOT / 'src'}",
        "F1_DATA_DIR": str(data_dir),
        "F1_JWT_SECRET": secrets.token_urlsafe(48),
        "F1_FASTF1_REPLAY_DIR": os.environ.get(
            "F1_FASTF1_REPLAY_DIR", str(ROOT.parent / "shared/data/fastf1-http-cache")
        ),
        "F1_INTERPRETER": "offline",
        "F1_HTTP_RATE_LIMIT": "100000000/minute",
        "F1_HTTP_LOG_REQUESTS": "0",  # the bare app logs nothing either
        "F1_LOG_FORMAT": "json",
    }
    for name in ("OPENAI_API_KEY", "F1_DATABASE_URL", "F1_REDIS_URL"):
        env.pop(name, None)
    done_lua = tmp / "done.lua"
    done_lua.write_text(LUA_DONE)
    bare_port, app_port = free_port(), free_port()
    bare_cmd = [sys.executable, str(tmp / "bare.py"), str(bare_port), str(workers)]
    app_cmd = [
        *(sys.executable, "-m", "entrypoints.cli", "serve"),
        *("--port", str(app_port), "--workers", str(workers)),
    ]
    with (
        running(bare_cmd, env, f"http://127.0.0.1:{bare_port}/") as bare_pid,
        running(app_cmd, env, f"http://127.0.0.1:{app_port}/readyz") as app_pid,
    ):
        bare = wrk_run(wrk, f"http://127.0.0.1:{bare_port}/healthz", done_lua, 32, seconds)
        bare_rss = worker_rss_mib(bare_pid)
        app = wrk_run(wrk, f"http://127.0.0.1:{app_port}/healthz", done_lua, 32, seconds)
        emit(
            case="healthz",
            workers=workers,
            bare_asgi=bare,
            f1_app=app,
            ratio=round(app["rps"] / bare["rps"], 3),
            bare_rss_mib=bare_rss,
            f1_rss_mib=worker_rss_mib(app_pid),
            target_ratio=0.7,
        )

        base = f"http://127.0.0.1:{app_port}/api/v1"
        creds = {"username": "bench", "password": "correct horse battery"}
        httpx.post(f"{base}/auth/register", json=creds, timeout=30)
        token = httpx.post(f"{base}/auth/login", json=creds, timeout=30).json()["access_token"]
        headers = {"Authorization": f"Bearer {token}"}
        warm = httpx.post(f"{base}/ask", json={"question": QUESTION}, headers=headers, timeout=120)
        assert warm.status_code == 200, warm.text
        ask_lua = tmp / f"ask-w{workers}.lua"
        ask_lua.write_text(LUA_ASK % (QUESTION, token) + LUA_DONE)
        # Every worker loads the session once: warm them all before measuring.
        warmup = wrk_run(wrk, f"{base}/ask", ask_lua, 4 * workers, 1)
        answered = 1 + warmup["requests"] - warmup["non_2xx"]
        rps32 = 0.0
        for connections in (1, 32):
            result = wrk_run(wrk, f"{base}/ask", ask_lua, connections, seconds)
            emit(
                case="ask_warm",
                workers=workers,
                **result,
                rss_mib=worker_rss_mib(app_pid),
                **({"target_rps": 550, "target_p99_ms": 150} if connections == 32 else {}),
            )
            rps32 = result["rps"]
            answered += result["requests"] - result["non_2xx"]
        rows = history_rows(base, headers)
        emit(
            case="history_rows",
            workers=workers,
            answered_2xx=answered,
            rows=rows,
            lost=max(0, answered - rows),
            note="rows may exceed answers by the requests wrk left in flight",
        )
    return rps32


def main(seconds: float, workers: list[int]) -> None:
    wrk = find_wrk()
    with tempfile.TemporaryDirectory(prefix="f1-bench-http-") as name:
        tmp = Path(name)
        (tmp / "bare.py").write_text(BARE_SERVER)
        by_workers = {n: bench_workers(wrk, n, seconds, tmp) for n in workers}
    if 1 in by_workers and 2 in by_workers:
        emit(
            case="ask_warm_scaling",
            one_worker_rps=by_workers[1],
            two_workers_rps=by_workers[2],
            ratio=round(by_workers[2] / by_workers[1], 3),
            target_ratio=1.8,
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="per wrk run (whole s)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    main(args.seconds, args.workers)
