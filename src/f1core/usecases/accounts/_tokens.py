"""What login and refresh share: issuing a token pair and storing the refresh token's hash."""

from __future__ import annotations

import hashlib
from datetime import datetime

from f1core.domain.accounts import RefreshTokenRecord, TokenPair, User
from f1core.ports.token_issuer import TokenIssuer
from f1core.ports.unit_of_work import UnitOfWork


def hash_refresh_token(token: str) -> str:
    """The stored form of a refresh token: its SHA-256, so a database leak yields no tokens.

    A fast hash is enough: refresh tokens carry 128+ random bits, nothing to brute-force.
    """
    return hashlib.sha256(token.encode()).hexdigest()


async def issue_token_pair(
    uow: UnitOfWork, issuer: TokenIssuer, user: User, family_id: str, now: datetime
) -> TokenPair:
    """Issue access + refresh tokens naming ``user.public_id`` and store the refresh token.

    The caller commits.
    """
    access = issuer.issue_access(user.public_id, now)
    refresh = issuer.issue_refresh(user.public_id, family_id, now)
    await uow.refresh_tokens.add(
        RefreshTokenRecord(
            token_hash=hash_refresh_token(refresh.token),
            family_id=family_id,
            user_id=user.id,
            issued_at=refresh.issued_at,
            expires_at=refresh.expires_at,
        )
    )
    return TokenPair(
        access_token=access.token,
        access_expires_at=access.expires_at,
        refresh_token=refresh.token,
        refresh_expires_at=refresh.expires_at,
    )


def issued_before_cutoff(issued_at: datetime, tokens_valid_after: datetime | None) -> bool:
    """Whether a token predates the user's "log out everywhere" time."""
    return tokens_valid_after is not None and issued_at <= tokens_valid_after
