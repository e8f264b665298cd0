"""The common-password list shipped with the package (``common_passwords.txt``)."""

from __future__ import annotations

from functools import cache
from importlib import resources


class BundledCommonPasswords:
    """``CommonPasswords`` backed by the bundled list, read once per process."""

    def __init__(self, passwords: frozenset[str] | None = None) -> None:
        self._passwords = _bundled() if passwords is None else passwords

    def contains(self, password: str) -> bool:
        return password.casefold() in self._passwords

    def __len__(self) -> int:
        return len(self._passwords)


@cache
def _bundled() -> frozenset[str]:
    text = resources.files(__package__).joinpath("common_passwords.txt").read_text("utf-8")
    return frozenset(
        line.strip().casefold()
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )
