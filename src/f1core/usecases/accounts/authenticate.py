"""Use case: who is behind an access token."""

from __future__ import annotations

from f1core.domain.accounts import AuthenticationError, PermissionDeniedError, Role, UserProfile
from f1core.ports.clock import Clock, system_clock
from f1core.ports.token_issuer import TokenIssuer
from f1core.ports.unit_of_work import UnitOfWork
from f1core.ports.users import UserStateLookup
from f1core.usecases.accounts._tokens import issued_before_cutoff

_REFUSED = "The access token is no longer valid; log in again."


class Authenticate:
    """Verify an access token and load its user, so disabling or a role change bites.

    With ``users`` (a ``UserStateLookup``) the user comes from it, which may be a short
    per-process cache: a change then bites within that cache's bound, not at once.
    Without it, every call reads the user fresh through the unit of work.
    """

    def __init__(
        self,
        uow: UnitOfWork,
        issuer: TokenIssuer,
        clock: Clock = system_clock,
        users: UserStateLookup | None = None,
    ) -> None:
        self._uow = uow
        self._issuer = issuer
        self._clock = clock
        self._users = users

    async def execute(self, access_token: str, *, require: Role = Role.VIEWER) -> UserProfile:
        """The profile of the token's user.

        Raises ``AuthenticationError`` for a bad or expired token, a refresh token, a
        deleted or disabled user and a token issued before "log out everywhere";
        ``PermissionDeniedError`` when the user's role is below ``require``.
        """
        claims = self._issuer.verify_access(access_token, self._clock())
        if self._users is not None:
            user = await self._users.get_by_public_id(claims.subject)
        else:
            async with self._uow as uow:
                user = await uow.users.get_by_public_id(claims.subject)
        if (
            user is None
            or user.disabled
            or issued_before_cutoff(claims.issued_at, user.tokens_valid_after)
        ):
            raise AuthenticationError(_REFUSED)
        profile = user.profile()
        require_role(profile, require)
        return profile


def require_role(actor: UserProfile, role: Role) -> None:
    """Raise ``PermissionDeniedError`` unless ``actor``'s role includes ``role``."""
    if not actor.role.at_least(role):
        raise PermissionDeniedError(
            f"This needs the {role} role; {actor.username} is {actor.role}. Ask an admin."
        )
