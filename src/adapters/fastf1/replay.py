"""FastF1's caches: its parsed-data cache (stage 2) and the offline replay of recorded HTTP.

The replay reaches into FastF1 internals (``Cache._requests_session_cached`` and the
``_backend`` argument of ``Cache.configure``); they were checked against FastF1 3.9 only,
which is why pyproject pins ``fastf1>=3.9,<3.10``. Import this module only from the FastF1
worker thread: it imports FastF1, requests and requests-cache.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import fastf1
import requests
import requests_cache
from requests_cache.backends.filesystem import FileCache

# The recorded responses were keyed with this Accept-Encoding; any other value misses.
_RECORDED_ACCEPT_ENCODING = "gzip, deflate"

_lock = threading.Lock()
_configured: tuple[Path, Path | None] | None = None


def _pin_accept_encoding() -> None:
    """Make every new ``requests.Session`` send the header the recorded keys were made with.

    FastF1 builds its cached session inside ``Cache.configure``, so the patch must be in
    place before that call. Patched once per process; a second call is a no-op.
    """
    init = requests.Session.__init__
    if getattr(init, "_f1_pinned", False):
        return

    def pinned(self: requests.Session) -> None:
        init(self)
        self.headers["Accept-Encoding"] = _RECORDED_ACCEPT_ENCODING

    pinned._f1_pinned = True  # type: ignore[attr-defined]
    requests.Session.__init__ = pinned  # type: ignore[method-assign]


def quiet_fastf1_logging(level: int = logging.ERROR) -> None:
    """FastF1 logs a warning per missing stream; the adapter reports failures itself."""
    # FastF1's modules log through children of the "fastf1" logger, which it sets to DEBUG
    # with its own console handler at import time.
    logging.getLogger("fastf1").setLevel(level)
    fastf1.set_log_level(level)


def configure_fastf1(cache_dir: Path, replay_dir: Path | None = None) -> None:
    """Point FastF1 at ``cache_dir`` and, with ``replay_dir``, replay recorded HTTP offline.

    With a replay dir every HTTP request is answered from the recorded responses (a
    requests-cache filesystem store) and nothing is ever written into them; a request that
    was not recorded fails as if offline. Idempotent: calling again with the same
    directories does nothing, with others reconfigures.
    """
    global _configured
    key = (cache_dir.absolute(), replay_dir.absolute() if replay_dir else None)
    with _lock:
        if _configured == key:
            return
        quiet_fastf1_logging()
        cache_dir.mkdir(parents=True, exist_ok=True)
        if replay_dir is None:
            fastf1.Cache.configure(cache_dir=str(cache_dir))
            fastf1.Cache.offline_mode(False)
        else:
            if not replay_dir.is_dir():
                from f1core.errors import DataUnavailableError

                raise DataUnavailableError(
                    f"the recorded FastF1 data directory {replay_dir} does not exist; "
                    "set F1_FASTF1_REPLAY_DIR to the fastf1-http-cache folder"
                )
            _pin_accept_encoding()
            fastf1.Cache.configure(cache_dir=str(cache_dir), _backend=FileCache(str(replay_dir)))
            settings = fastf1.Cache._requests_session_cached.settings
            settings.expire_after = requests_cache.NEVER_EXPIRE
            settings.cache_control = False
            # An empty tuple of cacheable status codes: the recorded data is never written.
            settings.allowable_codes = ()
            fastf1.Cache.offline_mode(True)
        _configured = key
