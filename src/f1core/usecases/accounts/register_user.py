"""Use case: create an account."""

from __future__ import annotations

import unicodedata

from f1core.domain.accounts import NewUser, Role, UserProfile, normalize_username
from f1core.errors import UnprocessableRequestError
from f1core.ports.clock import Clock, system_clock
from f1core.ports.common_passwords import CommonPasswords
from f1core.ports.password_hasher import PasswordHasher
from f1core.ports.unit_of_work import UnitOfWork
from f1core.usecases.accounts.password_policy import check_password

MIN_USERNAME_LENGTH = 3
MAX_USERNAME_LENGTH = 254  # room for an e-mail address


class RegisterUser:
    """Check the username and password policy, hash the password, store the user."""

    def __init__(
        self,
        uow: UnitOfWork,
        hasher: PasswordHasher,
        common_passwords: CommonPasswords,
        clock: Clock = system_clock,
    ) -> None:
        self._uow = uow
        self._hasher = hasher
        self._common = common_passwords
        self._clock = clock

    async def execute(self, username: str, password: str, role: Role = Role.VIEWER) -> UserProfile:
        """The new user's profile.

        Self-service registration passes no ``role`` (viewer); only trusted drivers (an
        admin, the CLI's first-admin bootstrap) pass another one. Raises
        ``UnprocessableRequestError`` for a username the rules refuse,
        ``PasswordPolicyError`` for a bad password and ``UsernameTakenError`` when the name
        exists in any letter case or in look-alike letters (its TR39 skeleton is taken).
        """
        name = validate_username(username)
        check_password(password, username=name, common=self._common)
        password_hash = await self._hasher.hash(password)
        async with self._uow as uow:
            user = await uow.users.add(
                NewUser(
                    username=name,
                    password_hash=password_hash,
                    role=role,
                    created_at=self._clock(),
                )
            )
            await uow.commit()
        return user.profile()


def validate_username(username: str) -> str:
    """The username NFKC-normalised and trimmed, or ``UnprocessableRequestError``.

    NFKC makes full-width and other compatibility forms plain ("ａｌｉｃｅ" is "alice").
    """
    name = unicodedata.normalize("NFKC", username).strip()
    lengths = (len(name), len(normalize_username(name)))
    if not all(MIN_USERNAME_LENGTH <= n <= MAX_USERNAME_LENGTH for n in lengths):
        raise UnprocessableRequestError(
            f"A username has {MIN_USERNAME_LENGTH} to {MAX_USERNAME_LENGTH} characters."
        )
    if any(unicodedata.category(ch).startswith(("C", "Z")) and ch != " " for ch in name):
        raise UnprocessableRequestError(
            "A username cannot contain control or invisible characters."
        )
    return name
