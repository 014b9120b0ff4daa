"""A webhook receiver for tests: a threaded HTTP server on 127.0.0.1 that records every request
and answers by a script (a status, a delay, never, a dropped connection, a dribble, a redirect).

    with Receiver([Answer(500), Answer(500)]) as receiver:   # then 200 for every other request
        ... register receiver.url ...
        first, second, third = receiver.wait_for(3)
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType


@dataclass(frozen=True)
class Answer:
    status: int = 200
    delay: float = 0.0  # seconds before answering
    hang: bool = False  # accept, read, and never answer (until the receiver closes)
    drop: bool = False  # close the connection without an answer
    dribble: float = 0.0  # send the answer one byte per this many seconds
    location: str | None = None  # a Location header (for a redirect)


@dataclass(frozen=True)
class Received:
    at: float  # time.monotonic()
    path: str
    headers: dict[str, str]
    body: bytes = field(repr=False)


class Receiver:
    def __init__(
        self, script: Sequence[Answer] = (), default: Answer = Answer(), port: int = 0
    ) -> None:
        self.script = list(script)
        self.default = default
        self.received: list[Received] = []
        self._lock = threading.Condition()
        self._closing = threading.Event()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                with receiver._lock:
                    receiver.received.append(
                        Received(time.monotonic(), self.path, dict(self.headers.items()), body)
                    )
                    answer = receiver.script.pop(0) if receiver.script else receiver.default
                    receiver._lock.notify_all()
                receiver._answer(self, answer)

            do_GET = do_POST

            def log_message(self, format: str, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self._server.daemon_threads = True
        self.port = int(self._server.server_address[1])
        self.url = f"http://127.0.0.1:{self.port}/webhooks"
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def _answer(self, handler: BaseHTTPRequestHandler, answer: Answer) -> None:
        if answer.hang:
            self._closing.wait(60)
            handler.close_connection = True
            return
        if answer.delay:
            self._closing.wait(answer.delay)
        if answer.drop:
            handler.close_connection = True
            return
        head = f"HTTP/1.1 {answer.status} X\r\nContent-Length: 2\r\n"
        if answer.location:
            head += f"Location: {answer.location}\r\n"
        raw = (head + "\r\nok").encode()
        try:
            if answer.dribble:
                for byte in raw:
                    if self._closing.wait(answer.dribble):
                        break
                    handler.wfile.write(bytes([byte]))
                    handler.wfile.flush()
            else:
                handler.wfile.write(raw)
        except OSError:  # the sender gave up
            handler.close_connection = True

    def wait_for(self, count: int, timeout: float = 20.0) -> list[Received]:
        """The first `count` requests, once they have arrived (AssertionError after `timeout`)."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while len(self.received) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"{len(self.received)} of {count} requests arrived")
                self._lock.wait(left)
            return self.received[:count]

    def __enter__(self) -> Receiver:
        self._thread.start()
        return self

    def close(self) -> None:
        self._closing.set()
        self._server.shutdown()
        self._server.server_close()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
