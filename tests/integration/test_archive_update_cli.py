"""``f1 archive update`` on the command line: the recorded Jolpica answers, and offline."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.archive_dumps import trim_dump
from tests.integration.test_archive_full import ergast_dir
from tests.jolpica_replay import RecordedJolpica, recorded_jolpica

from entrypoints.cli import cli, main


def test_cli_update_and_offline_error(
    replay_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    dump = tmp_path / "dump"
    trim_dump(
        ergast_dir(),
        dump,
        drop_race=lambda year, round_: False,
        drop_rows=lambda year, round_: (year, round_) >= (2025, 12),
    )
    monkeypatch.setenv("F1_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("F1_DATABASE_URL", raising=False)
    monkeypatch.setenv("F1_ARCHIVE_FEED_RATE", "10000")
    runner = CliRunner()
    imported = runner.invoke(cli, ["archive", "import", str(dump)])
    assert imported.exit_code == 0, imported.output

    monkeypatch.setenv("F1_ARCHIVE_FEED_URL", "http://127.0.0.1:9/ergast/f1")  # nothing there
    with pytest.raises(SystemExit) as exited:
        main(["archive", "update"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("error: cannot read the results feed at http://127.0.0.1:9/ergast/f1 (")
    assert err.rstrip().endswith("the archive is unchanged")

    with RecordedJolpica(recorded_jolpica(replay_dir)) as server:
        monkeypatch.setenv("F1_ARCHIVE_FEED_URL", server.url)
        first = runner.invoke(cli, ["archive", "update"])
        second = runner.invoke(cli, ["archive", "update"])
    assert first.exit_code == 0, first.output
    # 20 results a round, and the status "Retired" the dump did not have
    assert first.output.startswith("wrote 41 rows for 2 round(s) (2025/12, 2025/16)"), first.output
    assert second.output.strip() == "the archive is up to date: nothing changed"
    winner = runner.invoke(cli, ["archive", "winner", "2025", "Monza"])
    assert "Max Verstappen" in winner.output, winner.output
