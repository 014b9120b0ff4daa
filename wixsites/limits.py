"""What bounds one SDK call against any server: its deadline, and how large an answer may be.

The runner opens a `CallScope` for each call (all its attempts and the waits between them); the
layers below find it through a context variable: the HTTP client adds the call's own headers and
timeouts to each attempt, and the transport caps each attempt's socket timeouts at the time left, reads the answer's body itself (decompressing it, never past the size
cap) and leaves the answer's status, request id and body in the scope, so that an answer the
generated parsers cannot read becomes an `InvalidResponse` that says what came back (and the
answer's headers, for a page's or a raw call's `ResponseInfo`).
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import threading
import time
import zlib
from collections.abc import Callable, Mapping
from contextvars import ContextVar, Token
from dataclasses import dataclass

import httpx

from wixsites.errors import DeadlineExceeded, InvalidResponse, request_id_of

__all__ = [
    "DEFAULT_DEADLINE",
    "DEFAULT_MAX_RESPONSE_BYTES",
    "EXCERPT_CHARS",
    "CallScope",
    "Decoder",
    "Watchdog",
    "current_scope",
    "decoder_for",
    "excerpt",
    "read_capped",
]

DEFAULT_DEADLINE = 300.0
DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024
EXCERPT_CHARS = 200

_SCOPE: ContextVar[CallScope | None] = ContextVar("wixsites_call_scope", default=None)


@dataclass(slots=True)
class CallScope:
    """One call's deadline (a `time.monotonic()` instant, or None), the socket `timeout` and the
    extra `headers` of its attempts (None: the client's), and its last answer."""

    deadline: float | None
    max_bytes: int
    label: str = ""
    timeout: httpx.Timeout | None = None
    headers: Mapping[str, str] | None = None
    status: int | None = None
    request_id: str | None = None
    body: bytes = b""
    response_headers: httpx.Headers | None = None

    def remaining(self) -> float | None:
        return None if self.deadline is None else self.deadline - time.monotonic()

    def check(self, what: str = "") -> None:
        """Raise `DeadlineExceeded` once the deadline has passed."""
        left = self.remaining()
        if left is not None and left <= 0:
            raise self.exceeded(what)

    def exceeded(self, what: str = "") -> DeadlineExceeded:
        doing = f" {what}" if what else ""
        return DeadlineExceeded(
            f"{self.label or 'the call'}: no complete answer within its deadline{doing}",
            status=self.status,
            request_id=self.request_id,
        )

    def record(
        self,
        status: int,
        request_id: str | None,
        body: bytes,
        headers: httpx.Headers | None = None,
    ) -> None:
        self.status, self.request_id, self.body = status, request_id, body
        self.response_headers = headers

    def forget(self) -> None:
        self.status, self.request_id, self.body = None, None, b""
        self.response_headers = None

    def prepare(self, request: httpx.Request) -> None:
        """Give an attempt the call's own timeouts and headers (before it is signed)."""
        if self.timeout is not None:
            request.extensions["timeout"] = self.timeout.as_dict()
        if self.headers:
            request.headers.update(self.headers)

    def invalid(self, why: str) -> InvalidResponse:
        """The error for an answer the SDK cannot use, with its status, request id and excerpt."""
        return InvalidResponse(
            f"{self.label or 'Wix'}: invalid answer ({why}): {excerpt(self.body)}",
            status=self.status,
            request_id=self.request_id,
            excerpt=excerpt(self.body),
        )

    def refused(self, message: str, code: str) -> InvalidResponse:
        """The error for an answer refused before it was read whole (its status is known)."""
        return InvalidResponse(message, status=self.status, request_id=self.request_id, code=code)

    def enter(self) -> Token[CallScope | None]:
        return _SCOPE.set(self)

    @staticmethod
    def leave(token: Token[CallScope | None]) -> None:
        _SCOPE.reset(token)


def current_scope() -> CallScope | None:
    return _SCOPE.get()


def excerpt(body: bytes, limit: int = EXCERPT_CHARS) -> str:
    """The start of a body as one short line of text."""
    text = body[: limit * 4].decode("utf-8", errors="replace")
    text = " ".join(text.split())
    if not text:
        return "(empty body)"
    return repr(text[:limit] + ("..." if len(text) > limit or len(body) > limit * 4 else ""))


_CORRUPT = "the answer's compressed body is corrupt"


class Decoder:
    """Undo the answer's Content-Encoding (identity, gzip or deflate) without ever holding more
    than `max_bytes` of decoded body: a decompression bomb stops at the cap like a huge body."""

    def __init__(self, encoding: str | None, max_bytes: int, scope: CallScope) -> None:
        self.max_bytes = max_bytes
        self.scope = scope
        self.size = 0
        self.chunks: list[bytes] = []
        codings = [c.strip().lower() for c in (encoding or "").split(",") if c.strip()]
        codings = [c for c in codings if c != "identity"]
        self._zlib: zlib._Decompress | None = None
        if not codings:
            return
        if len(codings) > 1 or codings[0] not in ("gzip", "x-gzip", "deflate"):
            raise scope.refused(
                f"the answer is encoded as {', '.join(codings)!r}, which the SDK does not accept "
                "(it asks for gzip or deflate)",
                "UNSUPPORTED_ENCODING",
            )
        wbits = zlib.MAX_WBITS | 16 if "gzip" in codings[0] else zlib.MAX_WBITS
        self._zlib = zlib.decompressobj(wbits)

    def _take(self, data: bytes) -> None:
        self.size += len(data)
        if self.size > self.max_bytes:
            raise self.too_large()
        if data:
            self.chunks.append(data)

    def too_large(self) -> InvalidResponse:
        return self.scope.refused(
            f"the answer is larger than the {self.max_bytes:,}-byte cap (max_response_bytes); "
            "stopped reading it",
            "RESPONSE_TOO_LARGE",
        )

    def feed(self, raw: bytes) -> None:
        if self._zlib is None:
            self._take(raw)
            return
        try:
            data = self._zlib.decompress(raw, self.max_bytes - self.size + 1)
            self._take(data)
            while self._zlib.unconsumed_tail:
                data = self._zlib.decompress(
                    self._zlib.unconsumed_tail, self.max_bytes - self.size + 1
                )
                if not data:
                    break
                self._take(data)
        except zlib.error:
            raise self.scope.refused(_CORRUPT, "CORRUPT_ENCODING") from None

    def finish(self) -> bytes:
        if self._zlib is not None:
            try:
                self._take(self._zlib.flush())
            except zlib.error:
                raise self.scope.refused(_CORRUPT, "CORRUPT_ENCODING") from None
        return b"".join(self.chunks)


def decoder_for(response: httpx.Response, max_bytes: int, scope: CallScope) -> Decoder:
    """A `Decoder` for the answer's body; the scope learns the answer's status and request id."""
    scope.record(response.status_code, request_id_of(response.headers), b"")
    if response.is_stream_consumed:  # built in memory (a MockTransport's): already decoded
        decoder = Decoder(None, max_bytes, scope)
        decoder.feed(response.content)
        return decoder
    return Decoder(response.headers.get("content-encoding"), max_bytes, scope)


def read_capped(response: httpx.Response, max_bytes: int, scope: CallScope) -> bytes:
    """The decoded body of a sync answer, checking the size cap and the deadline chunk by chunk."""
    decoder = decoder_for(response, max_bytes, scope)
    if response.is_stream_consumed:
        return decoder.finish()
    for chunk in response.iter_raw():
        decoder.feed(chunk)
        scope.check("while reading the answer")
    return decoder.finish()


class Watchdog:
    """Calls a function when a deadline passes, unless disarmed first: for the sync transport,
    whose socket reads time out one by one, so that a server dripping bytes into an answer's
    head is cut off too (by closing the connections, which ends the blocked read).

    One daemon thread per watchdog, started on first use; arming and disarming are a heap push
    and a set removal under a lock."""

    def __init__(self) -> None:
        self._lock = threading.Condition()
        self._heap: list[tuple[float, int, Callable[[], None]]] = []
        self._armed: set[int] = set()
        self._ids = itertools.count()
        self._thread: threading.Thread | None = None
        self._stopped = False

    def arm(self, deadline: float, action: Callable[[], None]) -> int:
        with self._lock:
            token = next(self._ids)
            heapq.heappush(self._heap, (deadline, token, action))
            self._armed.add(token)
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="wixsites-deadline", daemon=True
                )
                self._thread.start()
            self._lock.notify()
            return token

    def disarm(self, token: int) -> None:
        with self._lock:
            self._armed.discard(token)

    def stop(self) -> None:
        """End the thread (the transport is closed): nothing armed fires any more."""
        with self._lock:
            self._stopped = True
            self._armed.clear()
            self._lock.notify()

    def _run(self) -> None:
        while True:
            with self._lock:
                if self._stopped:
                    self._thread = None
                    self._stopped = False
                    return
                while self._heap and self._heap[0][1] not in self._armed:
                    heapq.heappop(self._heap)  # disarmed: forget it
                if not self._heap:
                    self._lock.wait()
                    continue
                deadline, token, action = self._heap[0]
                wait = deadline - time.monotonic()
                if wait > 0:
                    self._lock.wait(wait)
                    continue
                heapq.heappop(self._heap)
                self._armed.discard(token)
            # a failure to cut a connection off must not end the thread
            with contextlib.suppress(Exception):
                action()
