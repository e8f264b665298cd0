"""Access and refresh tokens as HS256 JWTs (PyJWT)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt
from cryptography.fernet import Fernet, InvalidToken

from f1core.domain.accounts import AuthenticationError, IssuedToken, TokenClaims
from f1core.errors import ConfigurationError

_ALGORITHM = "HS256"
# Only this list is ever accepted, whatever the token's header says: no "none", no RS*.
_ALLOWED_ALGORITHMS = [_ALGORITHM]
_REQUIRED_CLAIMS = ["exp", "iat", "sub", "aud", "iss", "jti", "typ"]
_MIN_SECRET_BYTES = 32
# Tolerated clock skew for "issued in the future".
_IAT_LEEWAY = timedelta(seconds=30)

# Verified access tokens kept at the most (a bound on memory: a miss is one verification).
_MAX_VERIFIED = 10_000

_SEAL_LABEL = b"f1 refresh-token successor seal\x00"

ACCESS = "access"
REFRESH = "refresh"


class PyJwtTokenIssuer:
    """``TokenIssuer``: short-lived access tokens, refresh tokens tied to a rotation family."""

    def __init__(
        self,
        secret: str | None,
        *,
        issuer: str = "f1-analysis",
        audience: str = "f1-analysis",
        access_ttl: timedelta = timedelta(minutes=15),
        refresh_ttl: timedelta = timedelta(days=14),
    ) -> None:
        if not secret:
            raise ConfigurationError(
                "F1_JWT_SECRET is not set; set it to a random string of at least 32 bytes, "
                "e.g. the output of: python -c 'import secrets; print(secrets.token_urlsafe(48))'"
            )
        if len(secret.encode()) < _MIN_SECRET_BYTES:
            raise ConfigurationError(
                f"F1_JWT_SECRET is {len(secret.encode())} bytes; HS256 needs at least "
                f"{_MIN_SECRET_BYTES}. Generate one with: "
                "python -c 'import secrets; print(secrets.token_urlsafe(48))'"
            )
        self._secret = secret
        self._issuer = issuer
        self._audience = audience
        self._access_ttl = access_ttl
        self._refresh_ttl = refresh_ttl
        self._verified: dict[str, TokenClaims] = {}

    def _sealer(self, spent_token: str) -> Fernet:
        key = hmac.new(
            self._secret.encode(), _SEAL_LABEL + spent_token.encode(), hashlib.sha256
        ).digest()
        return Fernet(base64.urlsafe_b64encode(key))

    def seal_successor(self, successor: str, spent_token: str) -> str:
        return self._sealer(spent_token).encrypt(successor.encode()).decode()

    def open_successor(self, sealed: str, spent_token: str) -> str | None:
        try:
            return self._sealer(spent_token).decrypt(sealed.encode()).decode()
        except (InvalidToken, UnicodeError):
            return None

    def issue_access(self, subject: str, now: datetime) -> IssuedToken:
        return self._issue(subject, ACCESS, now, self._access_ttl, {})

    def issue_refresh(self, subject: str, family_id: str, now: datetime) -> IssuedToken:
        return self._issue(subject, REFRESH, now, self._refresh_ttl, {"fam": family_id})

    def verify_access(self, token: str, now: datetime) -> TokenClaims:
        # Every API request checks its access token twice (the rate limit per user, then
        # authentication), with the same token for its 15 minutes: a valid token's claims
        # are kept, and only the clock is checked again. Its signature cannot change.
        claims = self._verified.get(token)
        if claims is None:
            claims = self._verify(token, ACCESS, now)
            if len(self._verified) >= _MAX_VERIFIED:
                self._verified.clear()
            self._verified[token] = claims
        elif claims.expires_at <= now:
            raise AuthenticationError(
                "The access token has expired; get a new one with the refresh token."
            )
        elif claims.issued_at > now + _IAT_LEEWAY:  # the clock went back
            raise AuthenticationError("The access token is invalid; log in again.")
        return claims

    def verify_refresh(self, token: str, now: datetime) -> TokenClaims:
        claims = self._verify(token, REFRESH, now)
        if claims.family_id is None:
            raise AuthenticationError("The refresh token is invalid; log in again.")
        return claims

    def _issue(
        self, subject: str, typ: str, now: datetime, ttl: timedelta, extra: dict[str, Any]
    ) -> IssuedToken:
        jti = secrets.token_urlsafe(16)
        expires = now + ttl
        payload = {
            "iss": self._issuer,
            "aud": self._audience,
            "sub": subject,
            # Sub-second iat, so "log out everywhere" at 12:00:00.4 still accepts a login
            # made at 12:00:00.6 (RFC 7519 NumericDate may be non-integer).
            "iat": round(now.timestamp(), 6),
            "exp": int(expires.timestamp()),
            "jti": jti,
            "typ": typ,
            **extra,
        }
        token = jwt.encode(payload, self._secret, algorithm=_ALGORITHM)
        return IssuedToken(
            token=token,
            jti=jti,
            issued_at=datetime.fromtimestamp(payload["iat"], UTC),
            expires_at=datetime.fromtimestamp(payload["exp"], UTC),
        )

    def _verify(self, token: str, typ: str, now: datetime) -> TokenClaims:
        kind = "access" if typ == ACCESS else "refresh"
        invalid = AuthenticationError(f"The {kind} token is invalid; log in again.")
        try:
            payload = jwt.decode(
                token,
                self._secret,
                algorithms=_ALLOWED_ALGORITHMS,
                audience=self._audience,
                issuer=self._issuer,
                # exp/iat are checked below against the injected clock instead of PyJWT's.
                options={"require": _REQUIRED_CLAIMS, "verify_exp": False, "verify_iat": False},
            )
        except jwt.PyJWTError as error:
            raise invalid from error
        try:
            issued_at = datetime.fromtimestamp(float(payload["iat"]), UTC)
            expires_at = datetime.fromtimestamp(float(payload["exp"]), UTC)
        except (TypeError, ValueError, OverflowError) as error:
            raise invalid from error
        subject = payload["sub"]
        # Only a canonical UUID names a user: anything else (an old integer id, 10**30,
        # "-1") is refused here, before it can reach a database query.
        if not _is_public_id(subject):
            raise invalid
        if payload["typ"] != typ:
            raise invalid
        if expires_at <= now:
            again = "get a new one with the refresh token" if typ == ACCESS else "log in again"
            raise AuthenticationError(f"The {kind} token has expired; {again}.")
        if issued_at > now + _IAT_LEEWAY:
            raise invalid
        family = payload.get("fam")
        return TokenClaims(
            subject=subject,
            jti=str(payload["jti"]),
            issued_at=issued_at,
            expires_at=expires_at,
            family_id=family if isinstance(family, str) else None,
        )


def _is_public_id(value: object) -> bool:
    if not isinstance(value, str) or len(value) != 36:
        return False
    try:
        return str(uuid.UUID(value)) == value
    except ValueError:
        return False
