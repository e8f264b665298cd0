"""The password policy of OWASP ASVS 6.2 (v5): length and a common-password list, no composition."""

from __future__ import annotations

from f1core.domain.accounts import PasswordPolicyError
from f1core.ports.common_passwords import CommonPasswords

MIN_PASSWORD_LENGTH = 8
# ASVS asks that at least 64 characters be allowed; the cap only bounds hashing work.
MAX_PASSWORD_LENGTH = 128


def check_password(password: str, *, username: str, common: CommonPasswords) -> None:
    """Raise ``PasswordPolicyError`` unless ``password`` may be used by ``username``.

    No rules about character classes (ASVS 6.2.5): length, the common list and the
    username itself are what make a password guessable.
    """
    if len(password) < MIN_PASSWORD_LENGTH:
        raise PasswordPolicyError(
            f"The password is too short: use at least {MIN_PASSWORD_LENGTH} characters "
            "(a few unrelated words make a good one)."
        )
    if len(password) > MAX_PASSWORD_LENGTH:
        raise PasswordPolicyError(
            f"The password is too long: use at most {MAX_PASSWORD_LENGTH} characters."
        )
    if common.contains(password):
        raise PasswordPolicyError(
            "The password is one of the most commonly used passwords; choose another."
        )
    if password.strip().casefold() == username.strip().casefold():
        raise PasswordPolicyError("The password must not be the username; choose another.")
