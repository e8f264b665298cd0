"""A scripted chat-completions server on loopback, for testing the real ``openai`` client.

The real client goes through its real HTTP stack (httpx2, retries, timeouts) to a real
socket; the server replies from a script and records every request it received.
"""

from __future__ import annotations

import dataclasses
import json
import threading
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Self


@dataclasses.dataclass(frozen=True)
class ScriptedReply:
    """One HTTP response the server gives, after an optional delay."""

    status: int = 200
    body: dict[str, Any] | None = None
    headers: dict[str, str] = dataclasses.field(default_factory=dict)
    delay_s: float = 0.0


@dataclasses.dataclass(frozen=True)
class RecordedRequest:
    """What the client sent: the path, the headers (lower-cased names) and the JSON body."""

    path: str
    headers: dict[str, str]
    body: dict[str, Any]


def completion(
    message: dict[str, Any], finish_reason: str, model: str = "fake-model"
) -> dict[str, Any]:
    """A chat.completion body with one choice."""
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": 1_700_000_000,
        "model": model,
        "choices": [{"index": 0, "message": message, "finish_reason": finish_reason}],
        "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15},
    }


def tool_call_reply(name: str, arguments: str | dict[str, Any]) -> ScriptedReply:
    """The model calls one tool; ``arguments`` as the raw string the model wrote, or a dict."""
    raw = arguments if isinstance(arguments, str) else json.dumps(arguments)
    call = {"id": "call_1", "type": "function", "function": {"name": name, "arguments": raw}}
    message = {"role": "assistant", "content": None, "tool_calls": [call]}
    return ScriptedReply(body=completion(message, "tool_calls"))


def text_reply(content: str, finish_reason: str = "stop") -> ScriptedReply:
    """The model answers in prose."""
    message = {"role": "assistant", "content": content}
    return ScriptedReply(body=completion(message, finish_reason))


def error_reply(status: int, retry_after_ms: int | None = 10) -> ScriptedReply:
    """An API error; a short Retry-After keeps the client's retries fast in tests."""
    headers = {} if retry_after_ms is None else {"retry-after-ms": str(retry_after_ms)}
    body = {"error": {"message": f"scripted {status}", "type": "server_error", "code": None}}
    return ScriptedReply(status=status, body=body, headers=headers)


class FakeChatCompletionsServer:
    """``POST /v1/chat/completions`` answered from a queue of ``ScriptedReply``.

    With the queue empty it answers 418, so a test that sends more requests than it
    scripted fails loudly instead of hanging.
    """

    def __init__(self) -> None:
        self.requests: list[RecordedRequest] = []
        self._script: deque[ScriptedReply] = deque()
        self._lock = threading.Lock()
        # Set on stop, so a delayed reply does not hold the server thread until it ends.
        self._stopping = threading.Event()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def base_url(self) -> str:
        """The ``base_url`` to give the client."""
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    def enqueue(self, *replies: ScriptedReply) -> None:
        """Add replies, given in order to the next requests."""
        with self._lock:
            self._script.extend(replies)

    def reset(self) -> None:
        """Forget the script and the recorded requests (between tests)."""
        with self._lock:
            self._script.clear()
            self.requests.clear()

    def start(self) -> Self:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def _next(self, request: RecordedRequest) -> ScriptedReply:
        with self._lock:
            self.requests.append(request)
            if self._script:
                return self._script.popleft()
        return ScriptedReply(status=418, body={"error": {"message": "no scripted reply left"}})

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body go out as two writes; without this, Nagle and delayed ACKs
            # add ~40 ms to every reply.
            disable_nagle_algorithm = True

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length", "0"))
                body = json.loads(self.rfile.read(length) or b"{}")
                headers = {k.lower(): v for k, v in self.headers.items()}
                reply = server._next(RecordedRequest(self.path, headers, body))
                if reply.delay_s and server._stopping.wait(reply.delay_s):
                    return
                payload = json.dumps(reply.body or {}).encode()
                try:
                    self.send_response(reply.status)
                    self.send_header("content-type", "application/json")
                    self.send_header("content-length", str(len(payload)))
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout): nothing to tell it

            def log_message(self, format: str, *args: Any) -> None:
                pass  # keep test output clean

        return Handler
