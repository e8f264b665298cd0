"""The password policy of OWASP ASVS 6.2 (v5): length and a common-password list, no composition."""

from __future__ import annotations

import re
import unicodedata

from f1core.domain.accounts import PasswordPolicyError, normalize_username
from f1core.ports.common_passwords import CommonPasswords

MIN_PASSWORD_LENGTH = 8
# ASVS asks that at least 64 characters be allowed; the cap only bounds hashing work.
MAX_PASSWORD_LENGTH = 128

# Digits, punctuation and spaces at either end: "Password123!" is "password" with a suffix.
_DECORATION = re.compile(r"^[\W\d_]+|[\W\d_]+$")


def check_password(password: str, *, username: str, common: CommonPasswords) -> None:
    """Raise ``PasswordPolicyError`` unless ``password`` may be used by ``username``.

    No rules about character classes (ASVS 6.2.5): length, the common list and the
    username itself are what make a password guessable. Spaces are allowed anywhere
    (NIST SP 800-63B), but the checks look through the cheap disguises of a weak
    password: spaces at the ends, letter case, a word typed twice, digits or symbols
    stuck on either end.
    """
    if len(password) > MAX_PASSWORD_LENGTH:
        raise PasswordPolicyError(
            f"The password is too long: use at most {MAX_PASSWORD_LENGTH} characters."
        )
    if len(password.strip()) < MIN_PASSWORD_LENGTH:
        raise PasswordPolicyError(
            f"The password is too short: use at least {MIN_PASSWORD_LENGTH} characters, "
            "not counting spaces at the ends (a few unrelated words make a good one)."
        )
    forms = password_variants(password)
    if any(common.contains(form) for form in forms):
        raise PasswordPolicyError(
            "The password is one of the most commonly used passwords, or one with a few "
            "characters added; choose another."
        )
    if normalize_username(username) in forms:
        raise PasswordPolicyError(
            "The password must not be the username, even with digits added; choose another."
        )


def password_variants(password: str) -> frozenset[str]:
    """The forms a guesser would try first for ``password``, each NFKC-normalised and case-folded.

    The trimmed form with inner runs of spaces made single, the same without spaces,
    without a repeated word ("passwordpassword", "pass pass"), and without digits or
    symbols at either end; the reductions combine ("Password1Password1" gives "password").
    Empty forms are left out.
    """
    text = " ".join(unicodedata.normalize("NFKC", password).casefold().split())
    found = {text}
    todo = [text]
    while todo:
        form = todo.pop()
        for reduced in (form.replace(" ", ""), _one_word(form), _DECORATION.sub("", form)):
            if reduced and reduced not in found:
                found.add(reduced)
                todo.append(reduced)
    found.discard("")
    return frozenset(found)


def _one_word(form: str) -> str:
    """``form`` without repetition: "abcabc" gives "abc", "ab ab ab" gives "ab"."""
    words = form.split(" ")
    if len(words) > 1 and len(set(words)) == 1:
        return words[0]
    for period in range(1, len(form) // 2 + 1):
        if len(form) % period == 0 and form[:period] * (len(form) // period) == form:
            return form[:period]
    return form
