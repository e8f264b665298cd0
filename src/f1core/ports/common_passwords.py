"""Port: a list of passwords too common to allow."""

from __future__ import annotations

from typing import Protocol


class CommonPasswords(Protocol):
    """Membership test against a list of common or breached passwords."""

    def contains(self, password: str) -> bool:
        """Whether ``password`` (compared case-insensitively) is on the list."""
        ...
