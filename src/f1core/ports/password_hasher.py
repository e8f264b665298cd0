"""Port: one-way password hashing."""

from __future__ import annotations

from typing import Protocol


class PasswordHasher(Protocol):
    """Hashes and checks passwords off the event loop."""

    async def hash(self, password: str) -> str:
        """A new salted hash of ``password`` with the current parameters."""
        ...

    async def verify(self, password_hash: str, password: str) -> bool:
        """Whether ``password`` matches ``password_hash``; False for malformed hashes too."""
        ...

    async def verify_dummy(self, password: str) -> None:
        """Spend the work of one ``verify`` without a real hash.

        Login calls this for unknown usernames so they take as long as wrong passwords.
        """
        ...

    def needs_rehash(self, password_hash: str) -> bool:
        """Whether the hash was made with other parameters than the current ones."""
        ...
