"""Port: where user accounts are stored."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from f1core.domain.accounts import NewUser, Role, User


class UserRepository(Protocol):
    """Users, looked up by id or case-insensitively by username. Used inside a unit of work."""

    async def add(self, user: NewUser) -> User:
        """Store a new user and return it with its id and a new random public id.

        Raises ``UsernameTakenError`` when the name exists in any letter case.
        """
        ...

    async def get(self, user_id: int) -> User | None:
        """The user with this id, or None."""
        ...

    async def get_by_public_id(self, public_id: str) -> User | None:
        """The user with this public id (what tokens carry), or None."""
        ...

    async def get_by_username(self, username: str) -> User | None:
        """The user with this name compared case-insensitively, or None."""
        ...

    async def list(self) -> tuple[User, ...]:
        """Every user, in id order."""
        ...

    async def count(self) -> int:
        """How many users exist (zero means the first admin has not been created)."""
        ...

    async def set_password_hash(self, user_id: int, password_hash: str) -> None:
        """Replace a user's password hash (rehash on login, password change)."""
        ...

    async def set_role(self, user_id: int, role: Role) -> None:
        """Change a user's role."""
        ...

    async def set_disabled(self, user_id: int, disabled: bool) -> None:
        """Disable or re-enable a user."""
        ...

    async def set_tokens_valid_after(self, user_id: int, at: datetime) -> None:
        """Refuse every token of this user issued at or before ``at``."""
        ...


class UserStateLookup(Protocol):
    """The state a request's authentication needs, possibly up to a few seconds old.

    An implementation may cache, but a change (role, disabling, log-out-everywhere) must
    be seen within its configured staleness bound, by every process.
    """

    async def get_by_public_id(self, public_id: str) -> User | None:
        """The user with this public id (what tokens carry), or None."""
        ...
