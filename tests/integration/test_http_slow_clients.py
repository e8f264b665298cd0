"""Slow clients against a real ``f1 serve``: a request's headers and its body each have a
deadline (``F1_HTTP_HEADER_TIMEOUT``, ``F1_HTTP_BODY_TIMEOUT``), after which the server
closes the connection, however steadily the client trickles bytes.

The deadlines are set to 1 s here; every wait is bounded by ``GIVE_UP`` (far longer), and
the assertion is that the server closed each connection, never how fast it did.
"""

from __future__ import annotations

import os
import select
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from tests.integration.conftest import embedded_env
from tests.serving import RunningServer, serve

DEADLINE_S = 1
GIVE_UP_S = 30.0  # only so that a server that never closes fails the test instead of hanging
TRICKLE_S = 0.2  # a byte this often: well inside any per-byte idle timeout
SLOW_CLIENTS = 50
REQUEST = (
    b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slowloris\r\n" + b"X-a: b\r\n" * 2000
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    data_dir = tmp_path_factory.mktemp("slow-clients")
    env = embedded_env(
        data_dir,
        F1_ARCHIVE_DIR="",
        F1_HTTP_HEADER_TIMEOUT=str(DEADLINE_S),
        F1_HTTP_BODY_TIMEOUT=str(DEADLINE_S),
    )
    with serve(env, Path(data_dir) / "server.log") as server:
        yield server


def _connect(server: RunningServer) -> socket.socket:
    host, port = server.url.removeprefix("http://").split(":")
    sock = socket.create_connection((host, int(port)), timeout=GIVE_UP_S)
    sock.setblocking(False)
    return sock


def _trickle_until_closed(sockets: list[socket.socket], payloads: list[bytes]) -> set[int]:
    """Send each socket its payload one byte per ``TRICKLE_S``; the indexes the server closed.

    Closed means the server's end is gone: a read returns EOF or the connection is reset.
    A response arriving instead would be the server answering an incomplete request.
    """
    closed: set[int] = set()
    sent = [0] * len(sockets)
    give_up = time.monotonic() + GIVE_UP_S
    while len(closed) < len(sockets) and time.monotonic() < give_up:
        for i, sock in enumerate(sockets):
            if i in closed or sent[i] >= len(payloads[i]):
                continue
            try:
                sock.send(payloads[i][sent[i] : sent[i] + 1])
                sent[i] += 1
            except OSError:
                closed.add(i)
        readable, _, _ = select.select(
            [s for i, s in enumerate(sockets) if i not in closed], [], [], TRICKLE_S
        )
        for sock in readable:
            i = sockets.index(sock)
            try:
                data = sock.recv(65536)
            except OSError:
                closed.add(i)
                continue
            assert not data.startswith(b"HTTP/1.1 2"), (
                f"an incomplete request was answered: {data!r}"
            )
            if not data:
                closed.add(i)
    return closed


def test_slow_headers_are_cut_off_by_the_server(server: RunningServer) -> None:
    sockets = [_connect(server) for _ in range(SLOW_CLIENTS)]
    try:
        closed = _trickle_until_closed(sockets, [REQUEST] * SLOW_CLIENTS)
        assert len(closed) == SLOW_CLIENTS, (
            f"{SLOW_CLIENTS - len(closed)} slow clients still connected"
        )
        # The server is not the worse for it.
        assert httpx.get(server.url + "/healthz", timeout=GIVE_UP_S).status_code == 200
    finally:
        for sock in sockets:
            sock.close()


def test_a_connection_that_never_sends_a_request_is_closed(server: RunningServer) -> None:
    sock = _connect(server)
    try:
        assert _trickle_until_closed([sock], [b""]) == {0}
    finally:
        sock.close()


def test_a_slow_body_is_cut_off_by_the_server(server: RunningServer) -> None:
    body = b'{"username": "slow", "password": "' + b"x" * 500 + b'"}'
    headers = (
        b"POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        b"Content-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(body)
    )
    sock = _connect(server)
    try:
        sock.setblocking(True)
        sock.sendall(headers)  # the headers arrive at once; only the body crawls
        sock.setblocking(False)
        assert _trickle_until_closed([sock], [body]) == {0}
    finally:
        sock.close()


def test_a_slow_request_after_a_fast_one_on_the_same_connection_is_cut_off(
    server: RunningServer,
) -> None:
    sock = _connect(server)
    try:
        sock.setblocking(True)
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        first = sock.recv(65536)
        assert first.startswith(b"HTTP/1.1 200"), first
        sock.setblocking(False)
        # Keep-alive's idle timer stops at the first byte; the header deadline does not.
        assert _trickle_until_closed([sock], [REQUEST]) == {0}
    finally:
        sock.close()


def test_a_prompt_client_is_unaffected(server: RunningServer) -> None:
    with httpx.Client(base_url=server.url, timeout=GIVE_UP_S) as client:
        for _ in range(3):
            assert client.get("/healthz").status_code == 200
        r = client.post("/api/v1/auth/login", json={"username": "nobody", "password": "x" * 20})
        assert r.status_code == 401, r.text


def test_a_bad_deadline_is_one_line_and_exit_2(tmp_path: Path) -> None:
    env = {**os.environ, "F1_DATA_DIR": str(tmp_path), "F1_HTTP_HEADER_TIMEOUT": "soon"}
    done = subprocess.run(
        [sys.executable, "-m", "entrypoints.cli", "serve", "--port", "1"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip().splitlines() == [
        "error: F1_HTTP_HEADER_TIMEOUT must be a positive number of seconds, not 'soon'."
    ]
