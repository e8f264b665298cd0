"""The historical archive: Ergast's tables (prefixed archive_) and the import log.

Indexes are the ones each archive query needs to stay under 5 ms (see archive_tables).

Revision ID: 0002_archive
Revises: 0001_accounts
Create Date: 2026-11-24
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_archive"
down_revision: str | None = "0001_accounts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "archive_circuits",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("ref", sa.String(length=64), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("location", sa.Text(), nullable=True),
        sa.Column("country", sa.Text(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lng", sa.Float(), nullable=True),
        sa.Column("alt", sa.Integer(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("ref"),
    )
    op.create_table(
        "archive_constructors",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("ref", sa.String(length=64), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("nationality", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("ref"),
    )
    op.create_table(
        "archive_drivers",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("ref", sa.String(length=64), nullable=False),
        sa.Column("number", sa.Integer(), nullable=True),
        sa.Column("code", sa.String(length=3), nullable=True),
        sa.Column("forename", sa.Text(), nullable=False),
        sa.Column("surname", sa.Text(), nullable=False),
        sa.Column("dob", sa.Date(), nullable=True),
        sa.Column("nationality", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("ref"),
    )
    op.create_table(
        "archive_imports",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("source_dir", sa.Text(), nullable=False),
        sa.Column("checksum", sa.String(length=64), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("row_counts", sa.Text(), nullable=False),
        sa.Column("duration_s", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "archive_seasons",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("year"),
    )
    op.create_table(
        "archive_status",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "archive_races",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("circuit_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("time", sa.String(length=16), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["circuit_id"],
            ["archive_circuits.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "archive_constructor_results",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("race_id", sa.Integer(), nullable=False),
        sa.Column("constructor_id", sa.Integer(), nullable=False),
        sa.Column("points", sa.Float(), nullable=True),
        sa.Column("status", sa.String(length=8), nullable=True),
        sa.ForeignKeyConstraint(
            ["constructor_id"],
            ["archive_constructors.id"],
        ),
        sa.ForeignKeyConstraint(
            ["race_id"],
            ["archive_races.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "archive_constructor_standings",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("race_id", sa.Integer(), nullable=False),
        sa.Column("constructor_id", sa.Integer(), nullable=False),
        sa.Column("points", sa.Float(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=True),
        sa.Column("position_text", sa.String(length=8), nullable=True),
        sa.Column("wins", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["constructor_id"],
            ["archive_constructors.id"],
        ),
        sa.ForeignKeyConstraint(
            ["race_id"],
            ["archive_races.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "archive_driver_standings",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("race_id", sa.Integer(), nullable=False),
        sa.Column("driver_id", sa.Integer(), nullable=False),
        sa.Column("points", sa.Float(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=True),
        sa.Column("position_text", sa.String(length=8), nullable=True),
        sa.Column("wins", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["driver_id"],
            ["archive_drivers.id"],
        ),
        sa.ForeignKeyConstraint(
            ["race_id"],
            ["archive_races.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "archive_pit_stops",
        sa.Column("race_id", sa.Integer(), nullable=False),
        sa.Column("driver_id", sa.Integer(), nullable=False),
        sa.Column("stop", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("lap", sa.Integer(), nullable=False),
        sa.Column("time", sa.String(length=16), nullable=True),
        sa.Column("duration", sa.String(length=16), nullable=True),
        sa.Column("milliseconds", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["driver_id"],
            ["archive_drivers.id"],
        ),
        sa.ForeignKeyConstraint(
            ["race_id"],
            ["archive_races.id"],
        ),
        sa.PrimaryKeyConstraint("race_id", "driver_id", "stop"),
    )
    op.create_table(
        "archive_qualifying",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("race_id", sa.Integer(), nullable=False),
        sa.Column("driver_id", sa.Integer(), nullable=False),
        sa.Column("constructor_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=True),
        sa.Column("q1", sa.String(length=16), nullable=True),
        sa.Column("q2", sa.String(length=16), nullable=True),
        sa.Column("q3", sa.String(length=16), nullable=True),
        sa.ForeignKeyConstraint(
            ["constructor_id"],
            ["archive_constructors.id"],
        ),
        sa.ForeignKeyConstraint(
            ["driver_id"],
            ["archive_drivers.id"],
        ),
        sa.ForeignKeyConstraint(
            ["race_id"],
            ["archive_races.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "archive_results",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("race_id", sa.Integer(), nullable=False),
        sa.Column("driver_id", sa.Integer(), nullable=False),
        sa.Column("constructor_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=True),
        sa.Column("grid", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=True),
        sa.Column("position_text", sa.String(length=8), nullable=False),
        sa.Column("position_order", sa.Integer(), nullable=False),
        sa.Column("points", sa.Float(), nullable=False),
        sa.Column("laps", sa.Integer(), nullable=True),
        sa.Column("time", sa.String(length=32), nullable=True),
        sa.Column("milliseconds", sa.Integer(), nullable=True),
        sa.Column("fastest_lap", sa.Integer(), nullable=True),
        sa.Column("rank", sa.Integer(), nullable=True),
        sa.Column("fastest_lap_time", sa.String(length=16), nullable=True),
        sa.Column("status_id", sa.Integer(), nullable=False),
        sa.Column("fastest_lap_speed", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(
            ["constructor_id"],
            ["archive_constructors.id"],
        ),
        sa.ForeignKeyConstraint(
            ["driver_id"],
            ["archive_drivers.id"],
        ),
        sa.ForeignKeyConstraint(
            ["race_id"],
            ["archive_races.id"],
        ),
        sa.ForeignKeyConstraint(
            ["status_id"],
            ["archive_status.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "archive_sprint_results",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("race_id", sa.Integer(), nullable=False),
        sa.Column("driver_id", sa.Integer(), nullable=False),
        sa.Column("constructor_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=True),
        sa.Column("grid", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=True),
        sa.Column("position_text", sa.String(length=8), nullable=False),
        sa.Column("position_order", sa.Integer(), nullable=False),
        sa.Column("points", sa.Float(), nullable=False),
        sa.Column("laps", sa.Integer(), nullable=True),
        sa.Column("time", sa.String(length=32), nullable=True),
        sa.Column("milliseconds", sa.Integer(), nullable=True),
        sa.Column("fastest_lap", sa.Integer(), nullable=True),
        sa.Column("rank", sa.Integer(), nullable=True),
        sa.Column("fastest_lap_time", sa.String(length=16), nullable=True),
        sa.Column("status_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["constructor_id"],
            ["archive_constructors.id"],
        ),
        sa.ForeignKeyConstraint(
            ["driver_id"],
            ["archive_drivers.id"],
        ),
        sa.ForeignKeyConstraint(
            ["race_id"],
            ["archive_races.id"],
        ),
        sa.ForeignKeyConstraint(
            ["status_id"],
            ["archive_status.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_archive_races_circuit", "archive_races", ["circuit_id"], unique=False)
    op.create_index("ix_archive_races_year_round", "archive_races", ["year", "round"], unique=True)
    op.create_index(
        "ix_archive_constructor_standings_race",
        "archive_constructor_standings",
        ["race_id", "position"],
        unique=False,
    )
    op.create_index(
        "ix_archive_constructor_standings_team",
        "archive_constructor_standings",
        ["constructor_id", "race_id"],
        unique=False,
    )
    op.create_index(
        "ix_archive_driver_standings_driver",
        "archive_driver_standings",
        ["driver_id", "race_id"],
        unique=False,
    )
    op.create_index(
        "ix_archive_driver_standings_race",
        "archive_driver_standings",
        ["race_id", "position"],
        unique=False,
    )
    op.create_index(
        "ix_archive_qualifying_driver", "archive_qualifying", ["driver_id"], unique=False
    )
    op.create_index(
        "ix_archive_qualifying_race", "archive_qualifying", ["race_id", "driver_id"], unique=False
    )
    op.create_index(
        "ix_archive_results_constructor",
        "archive_results",
        ["constructor_id", "race_id"],
        unique=False,
    )
    op.create_index(
        "ix_archive_results_driver", "archive_results", ["driver_id", "race_id"], unique=False
    )
    op.create_index(
        "ix_archive_results_position",
        "archive_results",
        ["position", "driver_id", "constructor_id", "race_id"],
        unique=False,
    )
    op.create_index(
        "ix_archive_results_race", "archive_results", ["race_id", "position_order"], unique=False
    )
    op.create_index(
        "ix_archive_sprint_results_race",
        "archive_sprint_results",
        ["race_id", "position_order"],
        unique=False,
    )


def downgrade() -> None:
    # dropping a table drops its indexes; children before parents
    op.drop_table("archive_sprint_results")
    op.drop_table("archive_results")
    op.drop_table("archive_qualifying")
    op.drop_table("archive_pit_stops")
    op.drop_table("archive_driver_standings")
    op.drop_table("archive_constructor_standings")
    op.drop_table("archive_constructor_results")
    op.drop_table("archive_races")
    op.drop_table("archive_status")
    op.drop_table("archive_seasons")
    op.drop_table("archive_imports")
    op.drop_table("archive_drivers")
    op.drop_table("archive_constructors")
    op.drop_table("archive_circuits")
