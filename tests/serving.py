"""Run the real service (``f1 serve``) on a free loopback port for a test, then stop it."""

from __future__ import annotations

import contextlib
import json
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class RunningServer:
    """A live ``f1 serve`` process: its base URL and its log file."""

    def __init__(self, process: subprocess.Popen[bytes], url: str, log: Path) -> None:
        self.process = process
        self.url = url
        self.log = log

    def log_text(self) -> str:
        return self.log.read_text()

    def log_lines(self) -> list[dict[str, Any]]:
        """The structured (JSON) lines of the log."""
        return [json.loads(x) for x in self.log_text().splitlines() if x.startswith("{")]


@contextlib.contextmanager
def serve(
    env: dict[str, str], log: Path, *args: str, ready: str = "/readyz", timeout_s: float = 60
) -> Iterator[RunningServer]:
    """Start ``f1 serve --port <free> *args`` with ``env``; yield once ``ready`` answers 200."""
    port = free_port()
    command = [sys.executable, "-m", "entrypoints.cli", "serve", "--port", str(port), *args]
    with log.open("wb") as out:
        process = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)
    server = RunningServer(process, f"http://127.0.0.1:{port}", log)
    try:
        deadline = time.monotonic() + timeout_s
        while True:
            if process.poll() is not None:
                pytest.fail(f"the server exited:\n{log.read_text()[-3000:]}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(server.url + ready, timeout=1).status_code == 200:
                    break
            if time.monotonic() > deadline:
                pytest.fail(
                    f"the server was not ready in {timeout_s} s:\n{log.read_text()[-3000:]}"
                )
            time.sleep(0.1)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
