"""The recorded Jolpica responses served from a real HTTP server on loopback.

``../shared/data/fastf1-http-cache`` holds, among FastF1's responses, the Jolpica answers
FastF1 asked for (requests-cache files; the ``url`` says which). The server answers a
path with its recorded body and emulates Jolpica's paging over it (``limit``/``offset``
slice the rows, ``MRData`` says which); a path nobody recorded gets what Jolpica answers
for a round with nothing published: ``total`` 0 and an empty table. ``die_after(n)``
makes it drop every connection after ``n`` more requests, like a server going away.
"""

from __future__ import annotations

import copy
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

_ROWS = ("Results", "SprintResults", "QualifyingResults", "PitStops", "Laps")
_PREFIX = "/ergast/f1"


def recorded_jolpica(replay_dir: Path) -> dict[str, dict[str, Any]]:
    """Recorded MRData by path (``/ergast/f1/2024/12/results.json``), query dropped."""
    found: dict[str, dict[str, Any]] = {}
    for file in sorted(replay_dir.glob("*.json")):
        record = json.loads(file.read_text())
        url = record.get("url", "") if isinstance(record, dict) else ""
        if "jolpi" not in url and "ergast" not in url:
            continue
        path = urlsplit(url).path
        # the first page of a paged answer is all that was recorded: keep whole answers
        mrdata = record["_decoded_content"]["MRData"]
        if int(mrdata["total"]) <= int(mrdata["limit"]) and int(mrdata["offset"]) == 0:
            found[path] = mrdata
    return found


def _page(mrdata: dict[str, Any], limit: int, offset: int) -> dict[str, Any]:
    page = copy.deepcopy(mrdata)
    page["limit"], page["offset"] = str(limit), str(offset)
    races = page.get("RaceTable", {}).get("Races")
    if races is None:
        return page
    if len(races) == 1 and any(key in races[0] for key in _ROWS):
        key = next(key for key in _ROWS if key in races[0])
        races[0][key] = races[0][key][offset : offset + limit]
        if not races[0][key]:
            page["RaceTable"]["Races"] = []
    else:
        page["RaceTable"]["Races"] = races[offset : offset + limit]
    return page


def _empty(path: str, limit: int, offset: int) -> dict[str, Any]:
    table = (
        {"StandingsTable": {"StandingsLists": []}}
        if "Standings" in path
        else {"RaceTable": {"Races": []}}
    )
    return {"series": "f1", "limit": str(limit), "offset": str(offset), "total": "0", **table}


class RecordedJolpica:
    """A loopback server for the recorded answers; ``url`` is the API's base."""

    def __init__(self, answers: dict[str, dict[str, Any]]) -> None:
        self.answers = answers
        self.requests: list[str] = []
        self._die_after: int | None = None
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                with server._lock:
                    server.requests.append(self.path)
                    dead = server._die_after is not None and server._die_after <= 0
                    if server._die_after is not None:
                        server._die_after -= 1
                if dead:
                    self.close_connection = True
                    self.connection.close()  # no answer at all: the server is gone
                    return
                split = urlsplit(self.path)
                query = parse_qs(split.query)
                limit = min(int(query.get("limit", ["30"])[0]), 100)
                offset = int(query.get("offset", ["0"])[0])
                recorded = server.answers.get(split.path)
                mrdata = (
                    _page(recorded, limit, offset)
                    if recorded is not None
                    else _empty(split.path, limit, offset)
                )
                body = json.dumps({"MRData": mrdata}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}{_PREFIX}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    def die_after(self, requests: int) -> None:
        """Answer ``requests`` more requests, then drop every connection."""
        with self._lock:
            self._die_after = requests

    def __enter__(self) -> RecordedJolpica:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


def serve_recorded(replay_dir: Path) -> Iterator[RecordedJolpica]:
    """Fixture body: the recorded answers on a loopback server for the test."""
    with RecordedJolpica(recorded_jolpica(replay_dir)) as server:
        yield server
