"""``f1 db`` (migrations, backups) and ``f1 user`` (accounts, as the local operator).

Both act with direct access to the database, which is already full control over it, so
``f1 user`` needs no login: it acts as ``LOCAL_OPERATOR``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from entrypoints.cli_support import CliApp, pass_app, render_table
from f1core.domain.accounts import LOCAL_OPERATOR, Role, UserProfile
from f1core.domain.table import Table
from f1core.errors import InvalidRequestError
from f1core.ports.backups import BackupError, BackupReport, VerifyReport

_ROLES = click.Choice([r.value for r in Role])


def _storage(app: CliApp) -> Any:
    return app.container.storage


def _accounts(app: CliApp) -> Any:
    return app.container.accounts


@click.group()
def db() -> None:
    """The database: migrations and backups (SQLite or PostgreSQL, per F1_DATABASE_URL)."""


@db.command()
@pass_app
def upgrade(app: CliApp) -> None:
    """Migrate the database to the newest schema."""

    async def work() -> dict[str, str | None]:
        migrator = await _storage(app).migrator()
        before = await migrator.current()
        after = await migrator.upgrade()
        return {"from": before, "to": after}

    result = app.run(work)
    text = (
        f"database already at {result['to']}"
        if result["from"] == result["to"]
        else f"database upgraded from {result['from'] or 'empty'} to {result['to']}"
    )
    app.emit(result, text)


@db.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@pass_app
def backup(app: CliApp, path: Path) -> None:
    """Write a consistent backup of the live database to PATH."""
    backups = _storage(app).backups()
    report: BackupReport = app.run(lambda: backups.backup(path))
    table = Table(
        columns=("table", "rows", "checksum"),
        rows=tuple((t.table, t.rows, t.checksum) for t in report.tables),
    )
    app.emit(
        report,
        f"{report.backend} backup written to {report.path} "
        f"({report.size_bytes:,} bytes, {report.seconds:.2f} s)\n" + render_table(table),
    )


@db.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@pass_app
def restore(app: CliApp, path: Path, yes: bool) -> None:
    """Replace the live database's contents with the backup at PATH."""
    if not yes:
        click.confirm(
            f"This replaces everything in the database with {path}. Continue?", abort=True
        )
    backups = _storage(app).backups()
    app.run(lambda: backups.restore(path))
    app.emit({"restored": str(path)}, f"database restored from {path}")


@db.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@pass_app
def verify(app: CliApp, path: Path) -> None:
    """Restore PATH into a scratch database and compare every table with the live one."""
    backups = _storage(app).backups()
    report: VerifyReport = app.run(lambda: backups.verify(path))
    table = Table(
        columns=("table", "live rows", "backup rows", "checksums", "ok"),
        rows=tuple(
            (
                c.table,
                c.source_rows,
                c.backup_rows,
                "equal" if c.source_checksum == c.backup_checksum else "differ",
                "ok" if c.ok else "MISMATCH",
            )
            for c in report.tables
        ),
    )
    app.emit(report, render_table(table))
    if not report.ok:
        bad = ", ".join(c.table for c in report.tables if not c.ok)
        raise BackupError(
            f"the backup differs from the live database in: {bad} "
            "(the database changed since the backup, or the backup is damaged)"
        )


@click.group()
def user() -> None:
    """User accounts (acting as the local operator, who may do anything)."""


@user.command()
@click.argument("username")
@click.option("--admin", is_flag=True, help="Make the user an admin (bootstraps the first).")
@click.option("--role", type=_ROLES, default=None, help="The role (default viewer).")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@pass_app
def create(app: CliApp, username: str, admin: bool, role: str | None, password_stdin: bool) -> None:
    """Create an account; prompts for the password unless --password-stdin."""
    if admin and role not in (None, Role.ADMIN.value):
        raise InvalidRequestError("Use either --admin or --role, not both.")
    chosen = Role.ADMIN if admin else Role(role or Role.VIEWER.value)
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)

    async def work() -> UserProfile:
        register_user = await _accounts(app).register_user()
        profile: UserProfile = await register_user.execute(username, password, chosen)
        return profile

    profile = app.run(work)
    app.emit(profile, f"created {profile.role} {profile.username} (id {profile.id})")


@user.command(name="list")
@pass_app
def list_(app: CliApp) -> None:
    """Every account with its role and state."""

    async def work() -> tuple[UserProfile, ...]:
        list_users = await _accounts(app).list_users()
        users: tuple[UserProfile, ...] = await list_users.execute(LOCAL_OPERATOR)
        return users

    users = app.run(work)
    table = Table(
        columns=("id", "username", "role", "disabled", "created"),
        rows=tuple(
            (
                u.id,
                u.username,
                u.role.value,
                "yes" if u.disabled else "no",
                u.created_at.strftime("%Y-%m-%d %H:%M"),
            )
            for u in users
        ),
    )
    app.emit(users, table)


def _target(value: str) -> int | str:
    return int(value) if value.isdigit() else value


@user.command(name="set-role")
@click.argument("username_or_id")
@click.argument("role", type=_ROLES)
@pass_app
def set_role(app: CliApp, username_or_id: str, role: str) -> None:
    """Change a user's role."""

    async def work() -> UserProfile:
        change = await _accounts(app).change_role()
        profile: UserProfile = await change.execute(
            LOCAL_OPERATOR, _target(username_or_id), Role(role)
        )
        return profile

    profile = app.run(work)
    app.emit(profile, f"{profile.username} is now {profile.role}")


@user.command()
@click.argument("username_or_id")
@click.option("--enable", is_flag=True, help="Re-enable a disabled account instead.")
@pass_app
def disable(app: CliApp, username_or_id: str, enable: bool) -> None:
    """Disable an account (its tokens stop working at once), or re-enable it."""

    async def work() -> UserProfile:
        use_case = await _accounts(app).disable_user()
        profile: UserProfile = await use_case.execute(
            LOCAL_OPERATOR, _target(username_or_id), disabled=not enable
        )
        return profile

    profile = app.run(work)
    app.emit(profile, f"{profile.username} is {'disabled' if profile.disabled else 'enabled'}")
