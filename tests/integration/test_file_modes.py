"""Files holding accounts and answers are private (0600), like the JWT secret: the SQLite
database and its -wal/-shm companions, and everything ``f1 serve`` writes under
``F1_DATA_DIR``, whatever the umask (022 here, the usual default)."""

from __future__ import annotations

import stat
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text
from tests.integration.conftest import embedded_env
from tests.serving import serve

from adapters.sql.engine import make_engine

PASSWORD = "correct horse battery"
pytestmark = pytest.mark.usefixtures("permissive_umask")


def _modes(directory: Path) -> dict[str, int]:
    return {
        str(p.relative_to(directory)): stat.S_IMODE(p.stat().st_mode)
        for p in sorted(directory.rglob("*"))
    }


async def test_a_new_sqlite_database_and_its_wal_are_private(tmp_path: Path) -> None:
    path = tmp_path / "data" / "f1.sqlite3"
    engine = make_engine(f"sqlite+aiosqlite:///{path}")
    try:
        async with engine.begin() as connection:
            await connection.execute(text("CREATE TABLE t (x INTEGER)"))
            await connection.execute(text("INSERT INTO t VALUES (1)"))
        # While the engine is open WAL mode keeps the -wal and -shm files around.
        assert _modes(tmp_path) == {
            "data": 0o700,
            "data/f1.sqlite3": 0o600,
            "data/f1.sqlite3-shm": 0o600,
            "data/f1.sqlite3-wal": 0o600,
        }
    finally:
        await engine.dispose()


async def test_an_existing_readable_database_is_made_private(tmp_path: Path) -> None:
    path = tmp_path / "f1.sqlite3"
    path.touch(mode=0o644)
    engine = make_engine(f"sqlite+aiosqlite:///{path}")
    try:
        async with engine.begin() as connection:
            await connection.execute(text("CREATE TABLE t (x INTEGER)"))
        assert _modes(tmp_path) == {
            "f1.sqlite3": 0o600,
            "f1.sqlite3-shm": 0o600,
            "f1.sqlite3-wal": 0o600,
        }
    finally:
        await engine.dispose()


def test_everything_f1_serve_writes_in_its_data_dir_is_private(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    env = embedded_env(data_dir, F1_ARCHIVE_DIR="")
    del env["F1_JWT_SECRET"]  # so the server writes its own
    with serve(env, tmp_path / "server.log") as server:
        with httpx.Client(base_url=server.url, timeout=60) as client:
            r = client.post("/api/v1/auth/register", json={"username": "kim", "password": PASSWORD})
            assert r.status_code == 201, r.text
            r = client.post("/api/v1/auth/login", json={"username": "kim", "password": PASSWORD})
            auth = {"Authorization": f"Bearer {r.json()['access_token']}"}
            asked = client.post(
                "/api/v1/ask",
                json={"question": "fastest lap 2024 spanish gp qualifying"},
                headers=auth,
            )
            assert asked.status_code == 200, asked.text
        modes = _modes(data_dir)
    assert {"jwt-secret", "f1.sqlite3", "f1.sqlite3-wal"} <= set(modes), modes
    readable = {name: oct(mode) for name, mode in modes.items() if mode & 0o077}
    assert readable == {}, f"readable by others: {readable}"
