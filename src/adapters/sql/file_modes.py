"""Database and backup files are private to the service's user (0600), like its secrets:
they hold password hashes, refresh tokens and everyone's questions."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700


def private_file(path: Path) -> None:
    """Create ``path`` empty with mode 0600 if it is missing; otherwise take away any
    group and other permissions it has. Never truncates."""
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
        return
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        path.chmod(mode & 0o700)


def private_parent(path: Path) -> None:
    """Create ``path``'s folder (and missing parents) with mode 0700; existing ones keep theirs."""
    path.parent.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)


def fresh_private_file(path: Path) -> None:
    """An empty 0600 file at ``path``, replacing whatever was there (a partial left over
    from a failed run, with whatever mode it had)."""
    path.unlink(missing_ok=True)
    private_file(path)
