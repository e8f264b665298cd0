"""Accounts: users, roles, issued tokens, and the errors the account use cases raise."""

from __future__ import annotations

import enum
import hashlib
import unicodedata
from datetime import UTC, datetime

import msgspec

from f1core.domain.confusables import skeleton
from f1core.errors import F1Error


class Role(enum.StrEnum):
    """What a user may do. Ordered: each role can do everything the one before it can."""

    VIEWER = "viewer"
    ANALYST = "analyst"
    ADMIN = "admin"

    def at_least(self, other: Role) -> bool:
        """Whether this role includes ``other``'s rights (admin includes analyst, ...)."""
        order = (Role.VIEWER, Role.ANALYST, Role.ADMIN)
        return order.index(self) >= order.index(other)


class NewUser(msgspec.Struct, frozen=True, kw_only=True):
    """A user about to be stored; the repository assigns the id."""

    username: str
    password_hash: str
    role: Role
    created_at: datetime


class User(msgspec.Struct, frozen=True, kw_only=True):
    """A stored user, password hash included: never hand this to a driver (see ``profile``)."""

    id: int
    # Random (UUID 4), never reused: what tokens name the user by. Ids are reused after a
    # restore, so a token saying "user 34" could name someone registered later.
    public_id: str
    username: str
    password_hash: str
    role: Role
    disabled: bool
    created_at: datetime
    # Access and refresh tokens issued at or before this instant are refused ("log out
    # everywhere" sets it to now); None until the first such logout.
    tokens_valid_after: datetime | None = None

    def profile(self) -> UserProfile:
        """The user without secrets, as drivers show it."""
        return UserProfile(
            id=self.id,
            username=self.username,
            role=self.role,
            disabled=self.disabled,
            created_at=self.created_at,
        )


class UserProfile(msgspec.Struct, frozen=True, kw_only=True):
    """What the outside world may see of a user."""

    id: int
    username: str
    role: Role
    disabled: bool
    created_at: datetime


class IssuedToken(msgspec.Struct, frozen=True, kw_only=True):
    """A signed token with the claims the issuer put in it."""

    token: str
    jti: str
    issued_at: datetime
    expires_at: datetime


class TokenClaims(msgspec.Struct, frozen=True, kw_only=True):
    """The verified claims of an access or refresh token."""

    # The user's ``public_id`` (the token's ``sub``), never the reusable integer id.
    subject: str
    jti: str
    issued_at: datetime
    expires_at: datetime
    # Refresh tokens only: the rotation chain the token belongs to.
    family_id: str | None = None


class TokenPair(msgspec.Struct, frozen=True, kw_only=True):
    """What a login or a refresh returns to the client."""

    access_token: str
    access_expires_at: datetime
    refresh_token: str
    refresh_expires_at: datetime
    token_type: str = "bearer"


class RefreshTokenRecord(msgspec.Struct, frozen=True, kw_only=True):
    """A refresh token as stored: only its hash, never the token itself."""

    token_hash: str
    family_id: str
    user_id: int
    issued_at: datetime
    expires_at: datetime
    rotated_at: datetime | None = None
    revoked_at: datetime | None = None
    # Set by the rotation that spent this token: the hash of the token that replaced it,
    # and that token sealed under a key only the presented token (plus the server's key)
    # opens, so a concurrent reuse can be answered with the same successor.
    replaced_by: str | None = None
    sealed_successor: str | None = None


class AuthenticationError(F1Error):
    """Credentials or a token were refused. The message never says which part was wrong."""

    kind = "unauthenticated"
    http_status = 401


class TooManyLoginFailuresError(F1Error):
    """Logins from this address (for this account, or for any) failed too often of late.

    ``retry_after`` is in whole seconds (at least 1): a delay, never a lock.
    """

    kind = "rate_limited"
    http_status = 429

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class PermissionDeniedError(F1Error):
    """The user is known but their role does not allow the action."""

    kind = "forbidden"
    http_status = 403


class PasswordPolicyError(F1Error):
    """A new password breaks the policy (too short, too long, too common)."""

    kind = "invalid_password"
    http_status = 422


class UsernameTakenError(F1Error):
    """Registration under a name that exists, in another letter case or in look-alikes."""

    kind = "conflict"
    http_status = 409


class UserNotFoundError(F1Error):
    """An admin action names a user that does not exist."""

    kind = "not_found"
    http_status = 404


def normalize_username(username: str) -> str:
    """The form usernames are compared in: NFKC, trimmed, case-folded ("Ana" == "ａｎａ")."""
    folded = unicodedata.normalize("NFKC", username).strip().casefold()
    return unicodedata.normalize("NFKC", folded)


def username_skeleton(username: str) -> str:
    """What look-alike usernames share: the SHA-256 (hex) of their case-folded TR39 skeleton.

    "alice", Cyrillic "аlice" and "AIice" (a capital i) have one skeleton. The skeleton
    is taken before case folding, so that "I" still reads as "l". Hashed so the unique
    index holds a fixed 64 characters, however long a skeleton grows.
    """
    name = unicodedata.normalize("NFKC", username).strip()
    return hashlib.sha256(skeleton(name).casefold().encode()).hexdigest()


# The CLI acts with direct database access, which is already full control; it acts as this
# admin. Id 0 is never a stored user's.
LOCAL_OPERATOR = UserProfile(
    id=0,
    username="local operator",
    role=Role.ADMIN,
    disabled=False,
    created_at=datetime(1970, 1, 1, tzinfo=UTC),
)
