"""Settings read once from the environment; every driver builds its container from these.

Defaults are the embedded, offline setup: data under ``./.data``, SQLite, the recorded
FastF1 responses in ``../shared/data`` when they are there.
"""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path

import msgspec

from entrypoints.scheduler import parse_interval
from f1core.domain.login_throttle import (
    FREE_FAILURES_PER_ACCOUNT_ADDRESS,
    FREE_FAILURES_PER_ADDRESS,
)
from f1core.errors import ConfigurationError

_DEFAULT_REPLAY = Path("../shared/data/fastf1-http-cache")
_DEFAULT_ARCHIVE = Path("../shared/data/ergast-csv")
_JOLPICA = "https://api.jolpi.ca/ergast/f1"  # Ergast's successor: f1 archive update


class Settings(msgspec.Struct, frozen=True, kw_only=True):
    """Runtime configuration. ``from_env`` is the only reader of ``F1_*`` variables."""

    data_dir: Path
    fastf1_cache_dir: Path
    fastf1_replay_dir: Path | None
    database_url: str
    archive_dir: Path | None = None  # an Ergast CSV dump imported into an empty archive
    session_lru_size: int = 16
    database_ssl: str | None = None  # libpq sslmode names: require, verify-full, ...
    database_ssl_root_cert: str | None = None
    database_schema: str | None = None
    jwt_secret: str | None = None
    log_format: str = "auto"  # auto | json | console
    interpreter: str = "offline"  # offline | openai
    openai_api_key: str | None = None
    openai_base_url: str | None = None
    llm_model: str = "gpt-4o-mini"
    llm_phrasing: bool = False
    redis_url: str | None = None
    # f1 serve: how long a client may take to send a request's headers, then its body.
    http_header_timeout: float = 10.0
    http_body_timeout: float = 30.0
    # How long a just-rotated refresh token may be presented again (tabs refreshing at
    # once) and get the same successor instead of ending the login; 0 turns it off.
    refresh_grace_seconds: float = 5.0
    # How stale a process's copy of a user's state (role, disabled, log-out-everywhere)
    # may be when a request authenticates: a change bites on every worker within this.
    auth_cache_seconds: float = 2.0
    # Proxies (IP addresses or CIDR networks) whose X-Forwarded-For/-Proto are believed;
    # none by default, so the client address is the socket peer's.
    trusted_proxies: tuple[str, ...] = ()
    # Failed logins let go before delays start, per (account, address) and per address
    # (see f1core.domain.login_throttle); the counts live in Redis when F1_REDIS_URL is set.
    login_free_failures_per_account_address: int = FREE_FAILURES_PER_ACCOUNT_ADDRESS
    login_free_failures_per_address: int = FREE_FAILURES_PER_ADDRESS
    redis_key_prefix: str = "f1"  # of the login-failure counts, so apps and tests do not mix
    # --- archive kept current (issue 14) ---
    archive_feed_url: str = _JOLPICA
    archive_feed_rate: float = 3.0  # requests a second at most (Jolpica allows 4)
    archive_sync_interval: float | None = None  # seconds; None: no scheduled sync
    # --- scheduled backups (issue 14) ---
    backup_interval: float | None = None  # seconds; None: no scheduled backups
    backup_keep: int = 7
    backup_dir: Path | None = None  # default $F1_DATA_DIR/backups

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Settings:
        """Build settings from ``F1_*`` variables (``os.environ`` by default)."""
        env = dict(os.environ if env is None else env)
        data_dir = Path(env.get("F1_DATA_DIR", ".data")).expanduser().absolute()
        replay = env.get("F1_FASTF1_REPLAY_DIR")
        if replay is None and _DEFAULT_REPLAY.is_dir():
            replay = str(_DEFAULT_REPLAY)
        archive = env.get("F1_ARCHIVE_DIR")
        if archive is None and _DEFAULT_ARCHIVE.is_dir():
            archive = str(_DEFAULT_ARCHIVE)
        return cls(
            data_dir=data_dir,
            archive_dir=Path(archive).absolute() if archive else None,
            fastf1_cache_dir=Path(
                env.get("F1_FASTF1_CACHE_DIR", str(data_dir / "fastf1-cache"))
            ).absolute(),
            fastf1_replay_dir=Path(replay).absolute() if replay else None,
            database_url=env.get(
                "F1_DATABASE_URL", f"sqlite+aiosqlite:///{data_dir / 'f1.sqlite3'}"
            ),
            session_lru_size=int(env.get("F1_SESSION_LRU_SIZE", "16")),
            database_ssl=env.get("F1_DATABASE_SSL"),
            database_ssl_root_cert=env.get("F1_DATABASE_SSL_ROOT_CERT"),
            database_schema=env.get("F1_DATABASE_SCHEMA"),
            jwt_secret=env.get("F1_JWT_SECRET"),
            log_format=env.get("F1_LOG_FORMAT", "auto"),
            # An API key alone selects the OpenAI interpreter; F1_INTERPRETER overrides.
            interpreter=env.get(
                "F1_INTERPRETER", "openai" if env.get("OPENAI_API_KEY") else "offline"
            ),
            openai_api_key=env.get("OPENAI_API_KEY"),
            openai_base_url=env.get("OPENAI_BASE_URL"),
            llm_model=env.get("F1_LLM_MODEL", "gpt-4o-mini"),
            llm_phrasing=env.get("F1_LLM_PHRASING", "0") in {"1", "true", "yes"},
            redis_url=env.get("F1_REDIS_URL"),
            http_header_timeout=_seconds(env, "F1_HTTP_HEADER_TIMEOUT", 10.0),
            http_body_timeout=_seconds(env, "F1_HTTP_BODY_TIMEOUT", 30.0),
            refresh_grace_seconds=_grace_seconds(env),
            auth_cache_seconds=_seconds(env, "F1_AUTH_CACHE_SECONDS", 2.0),
            trusted_proxies=_networks(env, "F1_TRUSTED_PROXIES"),
            login_free_failures_per_account_address=_count(
                env,
                "F1_LOGIN_FREE_FAILURES_PER_ACCOUNT_ADDRESS",
                FREE_FAILURES_PER_ACCOUNT_ADDRESS,
            ),
            login_free_failures_per_address=_count(
                env, "F1_LOGIN_FREE_FAILURES_PER_ADDRESS", FREE_FAILURES_PER_ADDRESS
            ),
            redis_key_prefix=env.get("F1_REDIS_KEY_PREFIX", "").strip() or "f1",
            archive_feed_url=env.get("F1_ARCHIVE_FEED_URL", "").strip() or _JOLPICA,
            archive_feed_rate=_feed_rate(env),
            archive_sync_interval=parse_interval(
                "F1_ARCHIVE_SYNC_INTERVAL", env.get("F1_ARCHIVE_SYNC_INTERVAL")
            ),
            backup_interval=parse_interval("F1_BACKUP_INTERVAL", env.get("F1_BACKUP_INTERVAL")),
            backup_keep=_at_least_one(env, "F1_BACKUP_KEEP", 7),
            backup_dir=Path(env.get("F1_BACKUP_DIR") or data_dir / "backups").absolute(),
        )


_MAX_REFRESH_GRACE = 60.0


def _grace_seconds(env: dict[str, str]) -> float:
    # A long window would let a stolen, already used token be replayed unnoticed.
    raw = env.get("F1_REFRESH_GRACE_SECONDS")
    if raw is None or not raw.strip():
        return 5.0
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0 <= value <= _MAX_REFRESH_GRACE:
        raise ConfigurationError(
            f"F1_REFRESH_GRACE_SECONDS must be 0 to {_MAX_REFRESH_GRACE:g} seconds, not {raw!r}."
        )
    return value


def _seconds(env: dict[str, str], name: str, default: float) -> float:
    raw = env.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = float(raw)
    except ValueError:
        value = 0.0
    if not 0 < value < float("inf"):
        raise ConfigurationError(f"{name} must be a positive number of seconds, not {raw!r}.")
    return value


def _count(env: dict[str, str], name: str, default: int) -> int:
    raw = env.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = int(raw)
    except ValueError:
        value = -1
    if value < 0:
        raise ConfigurationError(f"{name} must be a whole number, 0 or more, not {raw!r}.")
    return value


def _networks(env: dict[str, str], name: str) -> tuple[str, ...]:
    networks = []
    for item in env.get(name, "").split(","):
        if not item.strip():
            continue
        try:
            networks.append(str(ipaddress.ip_network(item.strip(), strict=False)))
        except ValueError:
            raise ConfigurationError(
                f"{name} lists IP addresses or CIDR networks separated by commas; "
                f"{item.strip()!r} is neither."
            ) from None
    return tuple(networks)


def _feed_rate(env: dict[str, str]) -> float:
    # F1_ARCHIVE_FEED_RATE: requests a second at most to the archive feed
    raw = env.get("F1_ARCHIVE_FEED_RATE", "").strip()
    if not raw:
        return 3.0
    try:
        rate = float(raw)
    except ValueError:
        rate = 0.0
    if not 0 < rate < float("inf"):
        raise ConfigurationError(
            f"F1_ARCHIVE_FEED_RATE must be a positive number of requests a second, not {raw!r}."
        )
    return rate


def _at_least_one(env: dict[str, str], name: str, default: int) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit() or int(raw) < 1:
        raise ConfigurationError(f"{name} must be a whole number of at least 1, not {raw!r}.")
    return int(raw)
