"""Slow and idle connections are cut: a read deadline for request heads and a connection cap.

Uvicorn closes a keep-alive connection that stays idle, but not one that sends its request head a
byte at a time, nor a new one that sends nothing: thousands of those exhaust the process's file
descriptors. `guarded_protocol` makes uvicorn's httptools protocol (passed as ``Config(http=...)``)
close any connection whose request head is not complete `head_timeout` seconds after the
connection opened or its previous response ended, and keep at most `max_connections` open: a new
connection beyond the cap closes the one that has waited longest for a head (an attacker's, or an
idle keep-alive one), or itself if every connection is busy with a request. The request body has its
own deadline in the ASGI app (`wixsandbox.app`).
"""

from __future__ import annotations

import asyncio
import resource
import time
from typing import Any

HEAD_TIMEOUT = 10.0
BODY_TIMEOUT = 30.0
_END_OF_HEAD = b"\r\n\r\n"


def _open_files_limit() -> int | None:
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    return None if soft == resource.RLIM_INFINITY else int(soft)


def default_max_connections() -> int:
    """At most 1,000, and half the file descriptors the process may open (the rest are for the
    database, logs and the connections accepted and then closed, see `backlog`)."""
    limit = _open_files_limit()
    return 1000 if limit is None else max(8, min(1000, limit // 2))


def backlog(max_connections: int) -> int:
    """The listen backlog, which is also how many connections asyncio accepts in one go before
    any of them is counted: kept within the file descriptors the cap leaves free, or a flood
    of connections runs the process out of them before the cap can close any."""
    limit = _open_files_limit()
    if limit is None:
        return 2048
    return max(16, min(2048, limit - max_connections - 64))


class _Guard:
    """What the connections of one server share: which of them wait for a head, since when."""

    def __init__(self, head_timeout: float, max_connections: int) -> None:
        self.head_timeout = head_timeout
        self.max_connections = max_connections
        self.open: set[Any] = set()
        self.waiting: dict[Any, float] = {}  # insertion order: the longest waiting first


def guarded_protocol(
    head_timeout: float = HEAD_TIMEOUT, max_connections: int | None = None
) -> type[asyncio.Protocol]:
    """A uvicorn protocol class for ``uvicorn.Config(http=...)`` with the deadline and the cap."""
    # only a server needs uvicorn; its C parser (httptools): a big body costs the loop less than h11
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

    guard = _Guard(head_timeout, max_connections or default_max_connections())

    class GuardedProtocol(HttpToolsProtocol):
        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            super().connection_made(transport)  # type: ignore[arg-type]
            self._guard_tail = b""
            self._guard_timer: asyncio.TimerHandle | None = None
            guard.open.add(self)
            if len(guard.open) > guard.max_connections:
                victim = next((c for c in guard.waiting if c is not self), self)
                victim._guard_drop()
                if victim is self:
                    return
            self._guard_wait()

        def data_received(self, data: bytes) -> None:
            if self in guard.waiting:
                seen = self._guard_tail + data
                if _END_OF_HEAD in seen:
                    self._guard_stop()
                else:
                    self._guard_tail = seen[-3:]
            super().data_received(data)

        def on_response_complete(self) -> None:
            super().on_response_complete()
            if not self.transport.is_closing():
                self._guard_wait()  # the next request's head has the same deadline

        def connection_lost(self, exc: Exception | None) -> None:
            self._guard_stop()
            guard.open.discard(self)
            super().connection_lost(exc)

        def _guard_wait(self) -> None:
            self._guard_stop()
            self._guard_tail = b""
            guard.waiting[self] = time.monotonic()
            self._guard_timer = self.loop.call_later(guard.head_timeout, self._guard_expire)

        def _guard_stop(self) -> None:
            guard.waiting.pop(self, None)
            if self._guard_timer is not None:
                self._guard_timer.cancel()
                self._guard_timer = None

        def _guard_expire(self) -> None:
            if self in guard.waiting:
                self._guard_drop()

        def _guard_drop(self) -> None:
            # counted out at once: connection_lost comes only on a later turn of the loop
            self._guard_stop()
            guard.open.discard(self)
            self.transport.abort()

    return GuardedProtocol
