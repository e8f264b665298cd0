"""Deadlines on reading a request, for ``f1 serve``'s uvicorn.

uvicorn only times out an idle keep-alive connection, and the first byte of a request
cancels even that: a client that sends its headers a byte every few seconds (slowloris)
holds a connection, and its memory, for as long as it likes. Kept out of ``cli_serve`` so
that every ``f1`` command does not import uvicorn.
"""

from __future__ import annotations

import asyncio
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol


class DeadlineHttpProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol with a deadline on reading each request.

    A request's headers must be complete ``header_timeout`` seconds after the connection
    opened or the previous response ended, and its body ``body_timeout`` seconds after
    its headers; otherwise the connection is closed. These are totals, not idle gaps
    between bytes, so trickling does not extend them. While the app works on a request
    nothing is timed.
    """

    def __init__(
        self, *args: Any, header_timeout: float, body_timeout: float, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self._header_timeout = header_timeout
        self._body_timeout = body_timeout
        self._deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)  # type: ignore[arg-type]
        self._arm(self._header_timeout)

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def on_headers_complete(self) -> None:
        super().on_headers_complete()
        if self.pipeline:
            # Queued behind a running request with reading paused: its body cannot
            # arrive yet, so it is timed once reading resumes (on_response_complete).
            self._disarm()
        else:
            self._arm(self._body_timeout)

    def on_message_complete(self) -> None:
        super().on_message_complete()
        self._disarm()

    def on_response_complete(self) -> None:
        pipelined = bool(self.pipeline)
        super().on_response_complete()
        if self.transport.is_closing():
            self._disarm()
        elif not pipelined:
            self._arm(self._header_timeout)  # the next request's headers, on keep-alive
        elif self.cycle.more_body:
            self._arm(self._body_timeout)

    def _arm(self, seconds: float) -> None:
        self._disarm()
        self._deadline = self.loop.call_later(seconds, self._expire)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _expire(self) -> None:
        self._deadline = None
        # An upgraded connection (WebSocket) belongs to another protocol now.
        if self.transport.is_closing() or self.transport.get_protocol() is not self:
            return
        self.logger.info("closing a connection that did not send its request in time")
        self.transport.close()
