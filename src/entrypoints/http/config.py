"""HTTP-only knobs (limits, CORS, body size), read from ``F1_HTTP_*`` variables.

Kept apart from ``Settings`` because only the HTTP driver uses them; every worker process
of ``f1 serve`` reads the same environment, so they agree without passing anything.
"""

from __future__ import annotations

import os

import msgspec


class HttpConfig(msgspec.Struct, frozen=True, kw_only=True):
    """Rate limits use the ``limits`` notation: ``"120/minute"``, ``"10 per 1 minute"``."""

    rate_limit: str = "300/minute"  # per client address, and per user, on every API route
    auth_rate_limit: str = "20/minute"  # per address on login and register
    account_rate_limit: str = "10/minute"  # per account name on register (login: see LogIn)
    # Per address on register, on top of the above: accounts are made rarely, and each
    # "taken" answer tells whether a name exists, so enumerating them must be slow.
    register_rate_limit: str = "20/hour"
    rate_limit_prefix: str = "f1-http"  # Redis key prefix, so tests and apps do not collide
    max_body_bytes: int = 64 * 1024  # questions and queries are small; this bounds parsing
    cors_origins: tuple[str, ...] = ()
    trust_tls: bool = False  # HSTS on every response (TLS terminated by a trusted proxy)
    log_requests: bool = True

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> HttpConfig:
        """Read ``F1_HTTP_*`` variables (``os.environ`` by default); unset ones keep defaults."""
        env = dict(os.environ if env is None else env)
        defaults = cls()
        origins = env.get("F1_HTTP_CORS_ORIGINS", "")
        return cls(
            rate_limit=env.get("F1_HTTP_RATE_LIMIT", defaults.rate_limit),
            auth_rate_limit=env.get("F1_HTTP_AUTH_RATE_LIMIT", defaults.auth_rate_limit),
            account_rate_limit=env.get("F1_HTTP_ACCOUNT_RATE_LIMIT", defaults.account_rate_limit),
            register_rate_limit=env.get(
                "F1_HTTP_REGISTER_RATE_LIMIT", defaults.register_rate_limit
            ),
            rate_limit_prefix=env.get("F1_HTTP_RATE_LIMIT_PREFIX", defaults.rate_limit_prefix),
            max_body_bytes=int(env.get("F1_HTTP_MAX_BODY_BYTES", str(defaults.max_body_bytes))),
            cors_origins=tuple(o.strip() for o in origins.split(",") if o.strip()),
            trust_tls=env.get("F1_HTTP_HSTS", "0") in {"1", "true", "yes"},
            log_requests=env.get("F1_HTTP_LOG_REQUESTS", "1") not in {"0", "false", "no"},
        )
