"""Which sessions the offline replay directory can load, read from its recorded URLs.

A session loads from the recorded responses exactly when both of its timing streams,
``TimingData.jsonStream`` and ``TimingAppData.jsonStream``, were recorded (FastF1 builds
laps from the pair). Their URLs name the session:
``https://<host>/static/<year>/<date>_<Event_Name>/<date>_<Session_Name>/<stream>``.

The index is built once per directory and process, on first use: each response file is
decoded into a Struct holding only ``url`` (msgspec skips the bodies without building
them), about 30 ms for the 34 MB / 290 files of the shared recording. This module imports
neither FastF1 nor pandas.
"""

from __future__ import annotations

import logging
import re
import threading
from collections import defaultdict
from pathlib import Path
from urllib.parse import unquote, urlsplit

import msgspec

from adapters.fastf1.names import session_kind
from f1core.domain.session import SessionKind

logger = logging.getLogger(__name__)

KnownSessions = dict[int, frozenset[tuple[str, SessionKind]]]
"""Per year, the ``(event name, kind)`` pairs that load from the recording."""

_TIMING_STREAMS = frozenset({"TimingData.jsonStream", "TimingAppData.jsonStream"})

# /static/2024/2024-06-23_Spanish_Grand_Prix/2024-06-22_Qualifying/TimingData.jsonStream
_STREAM_PATH = re.compile(
    r"/static/(?P<year>\d{4})/\d{4}-\d{2}-\d{2}_(?P<event>[^/]+)"
    r"/\d{4}-\d{2}-\d{2}_(?P<session>[^/]+)/(?P<stream>[^/]+)$"
)


class _Recorded(msgspec.Struct):
    """A requests-cache response file, of which only the request URL matters here."""

    url: str = ""


_decoder = msgspec.json.Decoder(_Recorded)
_lock = threading.Lock()
_indexes: dict[Path, KnownSessions] = {}


def known_sessions(replay_dir: Path) -> KnownSessions:
    """The sessions ``replay_dir`` holds both timing streams of, by year (cached)."""
    key = replay_dir.absolute()
    # One lock for the whole build: two first callers must not both read 34 MB.
    with _lock:
        index = _indexes.get(key)
        if index is None:
            index = _index(key)
            _indexes[key] = index
        return index


def _index(replay_dir: Path) -> KnownSessions:
    streams: dict[tuple[int, str, SessionKind], set[str]] = defaultdict(set)
    for file in sorted(replay_dir.glob("*.json")):
        try:
            url = _decoder.decode(file.read_bytes()).url
        except (OSError, msgspec.DecodeError):
            # Not a recorded response (or unreadable): it cannot make a session loadable.
            logger.debug("skipping %s while indexing the replay directory", file)
            continue
        match = _STREAM_PATH.search(unquote(urlsplit(url).path))
        if match is None or match["stream"] not in _TIMING_STREAMS:
            continue
        year = int(match["year"])
        kind = session_kind(match["session"].replace("_", " "), year)
        if kind is not None:
            streams[(year, match["event"].replace("_", " "), kind)].add(match["stream"])
    by_year: dict[int, set[tuple[str, SessionKind]]] = defaultdict(set)
    for (year, event, kind), found in streams.items():
        if found == _TIMING_STREAMS:
            by_year[year].add((event, kind))
    return {year: frozenset(pairs) for year, pairs in by_year.items()}
