"""The floors of `sandbox serve`, as ASGI apps under the same uvicorn.

    python -m uvicorn benchmarks.floor_app:app    (FLOOR_DB, FLOOR_SQL, FLOOR_SIZE set)
    python -m uvicorn benchmarks.floor_app:bare
    python -m benchmarks.floor_app PORT

`app` answers the sandbox's Query Sites request of the serve benchmark the least a server can: it
reads the body, runs the sandbox's SQLite statement for that page on the same database in a worker
thread, and returns the rows as JSON arrays padded with spaces to the size of the sandbox's answer.
`bare` answers every request with a fixed body at once: uvicorn's own ceiling. Run as a module, a
responder without uvicorn does the same far faster: it measures the load generator.
"""

from __future__ import annotations

import asyncio
import json
import os
import sqlite3
import sys
import threading
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import anyio
import anyio.to_thread

Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

BARE_BODY = b'{"sites":[],"metadata":{"count":0,"hasNext":false}}'


class Floor:
    """The sandbox's own statement for the page (`FLOOR_SQL`, values bound in), on its database."""

    def __init__(self) -> None:
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    def page(self) -> bytes:
        with self._lock:
            return self._page()

    def _page(self) -> bytes:
        if self._conn is None:
            self._conn = sqlite3.connect(os.environ["FLOOR_DB"], check_same_thread=False)
            self._conn.execute("PRAGMA mmap_size = 1073741824")  # as the sandbox's store
        rows = self._conn.execute(os.environ["FLOOR_SQL"]).fetchall()
        body = json.dumps({"sites": rows}, separators=(",", ":")).encode()
        return body.ljust(int(os.environ["FLOOR_SIZE"]))


async def _answer(receive: Receive, send: Send, make: Callable[[], Awaitable[bytes]]) -> None:
    while (await receive()).get("more_body"):
        pass
    body = await make()
    await send(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


_FLOOR = Floor()


async def app(scope: Message, receive: Receive, send: Send) -> None:
    if scope["type"] == "http":
        # In a worker thread, as the sandbox (and Starlette's sync endpoints) run blocking SQLite.
        await _answer(receive, send, lambda: anyio.to_thread.run_sync(_FLOOR.page))


async def bare(scope: Message, receive: Receive, send: Send) -> None:
    if scope["type"] == "http":
        await _answer(receive, send, _bare_body)


async def _bare_body() -> bytes:
    return BARE_BODY


class _Responder(asyncio.Protocol):
    """HTTP/1.1 keep-alive without a framework: each request (head, then Content-Length bytes of
    body) is answered with BARE_BODY at once."""

    RESPONSE = (
        b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: "
        + str(len(BARE_BODY)).encode()
        + b"\r\n\r\n"
        + BARE_BODY
    )

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        self.buffer = b""

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        answers = 0
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                break
            head = self.buffer[:end].lower()
            at = head.find(b"content-length:")
            length = int(head[at + 15 :].split(b"\r\n", 1)[0]) if at >= 0 else 0
            if len(self.buffer) < end + 4 + length:
                break
            self.buffer = self.buffer[end + 4 + length :]
            answers += 1
        if answers:
            self.transport.write(self.RESPONSE * answers)


async def _serve_raw(port: int) -> None:
    server = await asyncio.get_running_loop().create_server(_Responder, "127.0.0.1", port)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":  # python -m benchmarks.floor_app PORT: the raw responder
    asyncio.run(_serve_raw(int(sys.argv[1])))
