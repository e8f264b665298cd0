"""``f1 db`` and ``f1 user`` end to end on the embedded SQLite default (and PostgreSQL backups)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from entrypoints.cli import cli, main

PASSWORD = "correct horse battery"


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("F1_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("F1_DATABASE_URL", raising=False)
    return CliRunner()


def run(runner: CliRunner, *args: str, input: str | None = None) -> str:
    result = runner.invoke(cli, list(args), input=input, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_embedded_database_migrates_itself_and_users_work(
    runner: CliRunner, tmp_path: Path
) -> None:
    out = run(runner, "user", "create", "root", "--admin", "--password-stdin", input=PASSWORD)
    assert out.strip() == "created admin root (id 1)"
    assert (tmp_path / "data" / "f1.sqlite3").is_file()
    run(runner, "user", "create", "Ana", "--password-stdin", input=PASSWORD + "\n")
    out = run(runner, "--json", "user", "list")
    users = json.loads(out)
    assert [(u["id"], u["username"], u["role"], u["disabled"]) for u in users] == [
        (1, "root", "admin", False),
        (2, "Ana", "viewer", False),
    ]
    assert "password_hash" not in out
    assert run(runner, "user", "set-role", "ana", "analyst").strip() == "Ana is now analyst"
    assert run(runner, "user", "disable", "2").strip() == "Ana is disabled"
    assert run(runner, "user", "disable", "ana", "--enable").strip() == "Ana is enabled"
    listing = run(runner, "user", "list")
    assert listing.splitlines()[2].split()[:4] == ["1", "root", "admin", "no"]
    assert listing.splitlines()[3].split()[:4] == ["2", "Ana", "analyst", "no"]
    assert run(runner, "db", "upgrade").startswith("database already at ")


def test_prompted_password_and_policy_errors(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = run(runner, "user", "create", "ana", input=f"{PASSWORD}\n{PASSWORD}\n")
    assert "created viewer ana (id 1)" in out
    # Through main(): a domain error is one line and exit code 2, never a traceback.
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("password1\n"))
    with pytest.raises(SystemExit) as exited:
        main(["user", "create", "bob", "--password-stdin"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.strip() == (
        "error: The password is one of the most commonly used passwords, or one with a few "
        "characters added; choose another."
    )
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO(PASSWORD + "\n"))
    with pytest.raises(SystemExit):
        main(["--json", "user", "create", "ANA", "--password-stdin"])
    payload = json.loads(capsys.readouterr().out)
    assert payload["error"]["kind"] == "conflict"
    with pytest.raises(SystemExit):
        main(["user", "set-role", "root", "admin"])
    assert "There is no user 'root'" in capsys.readouterr().err


def test_sqlite_backup_restore_verify_through_the_cli(runner: CliRunner, tmp_path: Path) -> None:
    run(runner, "user", "create", "root", "--admin", "--password-stdin", input=PASSWORD)
    backup = tmp_path / "backup.sqlite3"
    out = run(runner, "db", "backup", str(backup))
    assert out.startswith(f"sqlite backup written to {backup}")
    assert "users" in out
    verified = run(runner, "--json", "db", "verify", str(backup))
    report = json.loads(verified)
    assert report["ok"] is True
    users_check = next(t for t in report["tables"] if t["table"] == "users")
    assert (users_check["source_rows"], users_check["backup_rows"]) == (1, 1)
    # A change after the backup makes verify fail, naming the table ...
    run(runner, "user", "create", "late", "--password-stdin", input=PASSWORD)
    result = runner.invoke(cli, ["db", "verify", str(backup)])
    assert result.exit_code != 0
    assert "MISMATCH" in result.output
    assert "users" in str(result.exception)
    # ... and restoring the backup brings the database back to it.
    run(runner, "db", "restore", str(backup), "--yes")
    assert [u["username"] for u in json.loads(run(runner, "--json", "user", "list"))] == ["root"]
    assert json.loads(run(runner, "--json", "db", "verify", str(backup)))["ok"] is True
