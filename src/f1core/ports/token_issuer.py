"""Port: signing and verifying access and refresh tokens."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from f1core.domain.accounts import IssuedToken, TokenClaims


class TokenIssuer(Protocol):
    """Issues short-lived access tokens and longer-lived refresh tokens, and checks them.

    The two kinds are not interchangeable: ``verify_access`` refuses a refresh token and
    ``verify_refresh`` an access token. Verification raises ``AuthenticationError``, also
    for a token whose subject is not a well-formed public id.
    """

    def issue_access(self, subject: str, now: datetime) -> IssuedToken:
        """A signed access token for the user whose ``public_id`` is ``subject``."""
        ...

    def issue_refresh(self, subject: str, family_id: str, now: datetime) -> IssuedToken:
        """A signed refresh token of the rotation family ``family_id``."""
        ...

    def verify_access(self, token: str, now: datetime) -> TokenClaims:
        """The claims of a valid access token at ``now``."""
        ...

    def verify_refresh(self, token: str, now: datetime) -> TokenClaims:
        """The claims (with ``family_id``) of a valid refresh token at ``now``."""
        ...

    def seal_successor(self, successor: str, spent_token: str) -> str:
        """``successor`` encrypted (authenticated) for whoever presents ``spent_token``.

        The key comes from the server's secret and ``spent_token``, so the stored text
        alone (beside the spent token's hash) yields no usable token.
        """
        ...

    def open_successor(self, sealed: str, spent_token: str) -> str | None:
        """What ``seal_successor`` sealed, or None when it does not open (wrong key, tampered)."""
        ...
