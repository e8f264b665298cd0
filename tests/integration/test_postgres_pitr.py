"""Point-in-time recovery of PostgreSQL with standard tools, end to end, on a private
cluster this test creates on its own port and data directory (never the shared server).

The procedure (README, "Point-in-time recovery"): a base backup (``pg_basebackup``) plus
archived WAL (``archive_command``); to recover, restore the base backup, set
``restore_command`` and ``recovery_target_time`` and start with ``recovery.signal``.
Here: base backup, write history rows, note the time (and ``f1 db backup`` that state),
write more rows, recover to the noted time, and ``f1 db verify`` that exactly the first
rows are there. As root, the PostgreSQL tools run as the ``postgres`` user (initdb
refuses root).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.serving import free_port

from entrypoints.cli import cli

PASSWORD = "correct horse battery"


def _bin_dir() -> Path:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if not found:
        pytest.skip("no PostgreSQL server binaries under /usr/lib/postgresql")
    return found[-1].parent


class Cluster:
    """A throwaway PostgreSQL cluster under ``base``."""

    def __init__(self, base: Path, name: str) -> None:
        self.bin = _bin_dir()
        self.base = base
        self.data = base / name
        self.port = free_port()
        self.log = base / f"{name}.log"

    def run(self, tool: str, *args: str) -> str:
        command = [str(self.bin / tool), *args]
        if os.geteuid() == 0:  # initdb and postgres refuse to run as root
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        assert done.returncode == 0, f"{tool} failed:\n{done.stdout}\n{done.stderr}"
        return done.stdout

    @property
    def url(self) -> str:
        return f"postgresql+asyncpg://postgres@127.0.0.1:{self.port}/postgres"

    def configure(self, **settings: str) -> None:
        with (self.data / "postgresql.conf").open("a") as conf:
            conf.write(f"port = {self.port}\nlisten_addresses = '127.0.0.1'\n")
            conf.write(f"unix_socket_directories = '{self.base}'\n")
            for key, value in settings.items():
                conf.write(f"{key} = '{value}'\n")

    def start(self) -> None:
        self.run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-t", "120", "start")

    def stop(self) -> None:
        with contextlib.suppress(AssertionError):
            self.run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")


@pytest.fixture
def base() -> Iterator[Path]:
    # not under pytest's tmp_path: the postgres user must be able to enter it
    path = Path(tempfile.mkdtemp(prefix="f1-pitr-"))
    path.chmod(0o755)
    if os.geteuid() == 0:
        shutil.chown(path, "postgres", "postgres")
    (path / "wal").mkdir()
    if os.geteuid() == 0:
        shutil.chown(path / "wal", "postgres", "postgres")
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def f1(monkeypatch: pytest.MonkeyPatch, url: str, *args: str, input: str | None = None) -> str:
    monkeypatch.setenv("F1_DATABASE_URL", url)
    result = CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def psql(cluster: Cluster, query: str) -> str:
    return cluster.run(
        "psql", "-h", "127.0.0.1", "-p", str(cluster.port), "-U", "postgres", "-At", "-c", query
    ).strip()


def test_recover_to_a_point_in_time(
    base: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("F1_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("F1_ARCHIVE_DIR", "")
    primary = Cluster(base, "primary")
    primary.run("initdb", "-D", str(primary.data), "-U", "postgres", "--auth=trust")
    primary.configure(
        wal_level="replica",
        archive_mode="on",
        archive_command=f"cp %p {base}/wal/%f",
        archive_timeout="0",
    )
    primary.start()
    try:
        primary.run(
            "pg_basebackup",
            "-h",
            "127.0.0.1",
            "-p",
            str(primary.port),
            "-U",
            "postgres",
            "-D",
            str(base / "basebackup"),
            "-X",
            "stream",
            "-c",
            "fast",
        )
        f1(monkeypatch, primary.url, "db", "upgrade")
        f1(monkeypatch, primary.url, "user", "create", "ana", "--password-stdin", input=PASSWORD)
        for i in range(3):
            psql(
                primary,
                "INSERT INTO query_history (user_id, question, answer_summary, status, "
                f"timings_ms, created_at) VALUES (1, 'first {i}', 'ok', 'answered', "
                "'{}', now())",
            )
        dump = tmp_path / "at-noted-time.dump"
        f1(monkeypatch, primary.url, "db", "backup", str(dump))
        noted = psql(primary, "SELECT clock_timestamp()")
        for i in range(2):
            psql(
                primary,
                "INSERT INTO query_history (user_id, question, answer_summary, status, "
                f"timings_ms, created_at) VALUES (1, 'later {i}', 'ok', 'answered', "
                "'{}', now())",
            )
        assert psql(primary, "SELECT count(*) FROM query_history") == "5"
        psql(primary, "SELECT pg_switch_wal()")
        psql(primary, "CHECKPOINT")
    finally:
        primary.stop()  # a clean stop archives the last WAL segment

    recovered = Cluster(base, "recovered")
    subprocess.run(["cp", "-a", str(base / "basebackup"), str(recovered.data)], check=True)
    recovered.configure(
        restore_command=f"cp {base}/wal/%f %p",
        recovery_target_time=noted,
        recovery_target_action="promote",
        archive_mode="off",
    )
    (recovered.data / "recovery.signal").touch()
    if os.geteuid() == 0:
        shutil.chown(recovered.data / "recovery.signal", "postgres", "postgres")
    recovered.start()
    try:
        for _ in range(600):  # promotion follows the replay
            if psql(recovered, "SELECT pg_is_in_recovery()") == "f":
                break
            time.sleep(0.1)
        assert psql(recovered, "SELECT pg_is_in_recovery()") == "f"
        questions = psql(
            recovered, "SELECT string_agg(question, ',' ORDER BY id) FROM query_history"
        )
        assert questions == "first 0,first 1,first 2"
        report = json.loads(f1(monkeypatch, recovered.url, "--json", "db", "verify", str(dump)))
        assert report["ok"] is True
        history = next(t for t in report["tables"] if t["table"] == "query_history")
        assert history["source_rows"] == history["backup_rows"] == 3
        print(f"\nPITR: recovered to {noted}; rows {questions}; f1 db verify ok")
    finally:
        recovered.stop()
