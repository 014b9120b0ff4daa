"""The httpx transport under every request: pace, time and log each attempt, and turn an error
answer into its `WixError`.

It sits below httpx's auth, so each attempt that reaches it has just been signed; the retry loop
sits above the generated functions, so a retried call runs the auth flow (and signs) afresh.
Raising here means the generated functions only ever parse successful answers, and the error is
built from the raw answer (v2 body, legacy body, or none) with its headers.
"""

from __future__ import annotations

import contextlib
import logging
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx

from wixsites.errors import WixError, error_from_response, request_id_of
from wixsites.limits import (
    DEFAULT_MAX_RESPONSE_BYTES,
    CallScope,
    Watchdog,
    current_scope,
    decoder_for,
    read_capped,
)
from wixsites.logs import inert, logger
from wixsites.ratelimit import TokenBucket

__all__ = [
    "AsyncHttpClient",
    "AsyncWireTransport",
    "HttpClient",
    "RequestInfo",
    "WireTransport",
    "logger",
]


@dataclass(frozen=True, slots=True)
class RequestInfo:
    """What the `on_request` hook and the "wixsites" logger learn about each attempt.

    `path` never includes the query string (a signature may travel there); no header is shown.
    """

    method: str
    path: str
    status: int | None
    elapsed: float
    request_id: str | None = None
    error: str | None = None

    def __str__(self) -> str:
        outcome = str(self.status) if self.status is not None else f"failed ({self.error})"
        rid = f" [request id {self.request_id}]" if self.request_id else ""
        return f"{self.method} {self.path} -> {outcome} in {self.elapsed * 1000:.1f} ms{rid}"


OnRequest = Callable[[RequestInfo], None]


class _Wire:
    """What the sync and async transports share."""

    def __init__(
        self,
        *,
        limiter: TokenBucket | None,
        on_request: OnRequest | None,
        redact: Callable[[str], str],
        max_bytes: int,
    ) -> None:
        self.limiter = limiter
        self.on_request = on_request
        self.redact = redact
        self.max_bytes = max_bytes

    def report(
        self,
        request: httpx.Request,
        start: float,
        response: httpx.Response | None = None,
        exc: Exception | None = None,
    ) -> None:
        if self.on_request is None and not logger.isEnabledFor(logging.DEBUG):
            return
        info = RequestInfo(
            method=request.method,
            path=self.redact(request.url.path),
            status=None if response is None else response.status_code,
            elapsed=time.perf_counter() - start,
            request_id=None
            if response is None
            else _redacted(request_id_of(response.headers), self.redact),
            error=None if exc is None else type(exc).__name__,
        )
        logger.debug(
            "%s",
            info,
            extra={
                "wix_method": info.method,
                "wix_path": info.path,
                "wix_status": info.status,
                "wix_elapsed": info.elapsed,
                "wix_request_id": info.request_id,
            },
        )
        if self.on_request is not None:
            self.on_request(info)

    def pace(self, scope: CallScope) -> float:
        """The seconds to wait for the rate limit; refused when the wait outlasts the deadline."""
        if self.limiter is None:
            return 0.0
        wait = self.limiter.reserve()
        left = scope.remaining()
        if left is not None and wait >= left:
            raise scope.exceeded("(waiting for the rate limit)")
        return wait

    @staticmethod
    def cap_timeouts(request: httpx.Request, scope: CallScope) -> float | None:
        """Cap the attempt's socket timeouts at the time the call has left; return that time."""
        left = scope.remaining()
        if left is None:
            return None
        if left <= 0:
            raise scope.exceeded()
        timeouts = dict(request.extensions.get("timeout") or {})
        keys = timeouts.keys() or ("connect", "read", "write", "pool")
        request.extensions["timeout"] = {
            k: left if timeouts.get(k) is None else min(timeouts[k], left) for k in keys
        }
        return left

    def failed(
        self, request: httpx.Request, start: float, exc: Exception, scope: CallScope
    ) -> Exception:
        """What to raise for an attempt that got no complete answer."""
        self.report(request, start, exc=exc)
        if not isinstance(exc, WixError):
            left = scope.remaining()
            if isinstance(exc, TimeoutError) or (left is not None and left <= 0):
                return scope.exceeded()
        return exc

    def answer(
        self,
        request: httpx.Request,
        response: httpx.Response,
        content: bytes,
        start: float,
        scope: CallScope,
    ) -> httpx.Response:
        """The answer as the generated code will read it (its body decoded), or its error."""
        status = response.status_code
        headers = [
            # raw bytes: a header value that is not ASCII (as a server may send) passes unchanged
            (k, v)
            for k, v in response.headers.raw
            if k.lower() not in _BODY_HEADERS
        ]
        clean = httpx.Response(
            status,
            headers=headers,
            content=content,
            request=request,
            extensions={k: v for k, v in response.extensions.items() if k in _EXTENSIONS},
        )
        scope.record(status, request_id_of(clean.headers), content, clean.headers)
        if status >= 400:
            url = request.url  # its netloc holds no credentials: httpx keeps them apart
            err = error_from_response(
                status,
                clean.headers,
                content,
                redact=self.redact,
                server=f"{url.scheme}://{url.netloc.decode('ascii', 'replace')}",
            )
            self.report(request, start, clean)
            raise err
        self.report(request, start, clean)
        problem = _unusable(status, content)
        if problem is not None:
            raise scope.invalid(problem)
        return clean


_JSON_OBJECT = re.compile(rb"[ \t\r\n]*\{")
_BODY_HEADERS = frozenset({b"content-encoding", b"content-length", b"transfer-encoding"})
_EXTENSIONS = ("http_version", "reason_phrase")


def _redacted(text: str | None, redact: Callable[[str], str]) -> str | None:
    return None if text is None else inert(redact(text))


def _unusable(status: int, content: bytes) -> str | None:
    """Why a non-error answer cannot be a Wix API answer, or None. Every operation of the API
    answers 200 with a JSON object; the generated parsers find any other fault in it."""
    if status != 200:
        return f"status {status}, which the API never sends"
    if _JSON_OBJECT.match(content) is None:
        return "not a JSON object"
    return None


class WireTransport(httpx.BaseTransport):
    def __init__(
        self,
        inner: httpx.BaseTransport,
        *,
        limiter: TokenBucket | None = None,
        sleep: Callable[[float], None] = time.sleep,
        on_request: OnRequest | None = None,
        redact: Callable[[str], str] = str,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    ) -> None:
        self._inner = inner
        self._sleep = sleep
        self._wire = _Wire(
            limiter=limiter, on_request=on_request, redact=redact, max_bytes=max_response_bytes
        )
        # Only a transport over real sockets can be held by a server dripping bytes into the
        # head of an answer; at the deadline its connections are closed, which ends the read.
        self._watchdog: Watchdog | None = (
            Watchdog() if isinstance(inner, httpx.HTTPTransport) else None
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        wire = self._wire
        scope = current_scope() or CallScope(None, wire.max_bytes)
        wait = wire.pace(scope)
        if wait > 0.0:
            self._sleep(wait)
        wire.cap_timeouts(request, scope)
        watchdog, watch = self._watchdog, None
        if scope.deadline is not None and watchdog is not None:
            watch = watchdog.arm(scope.deadline, self._inner.close)
        start = time.perf_counter()
        try:
            response = self._inner.handle_request(request)
            try:
                content = read_capped(response, wire.max_bytes, scope)
            finally:
                response.close()
        except Exception as exc:
            raise wire.failed(request, start, exc, scope) from None
        finally:
            if watchdog is not None and watch is not None:
                watchdog.disarm(watch)
        return wire.answer(request, response, content, start, scope)

    def close(self) -> None:
        if self._watchdog is not None:
            self._watchdog.stop()
        self._inner.close()


class AsyncWireTransport(httpx.AsyncBaseTransport):
    def __init__(
        self,
        inner: httpx.AsyncBaseTransport,
        *,
        limiter: TokenBucket | None = None,
        sleep: Callable[[float], Awaitable[None]],
        on_request: OnRequest | None = None,
        redact: Callable[[str], str] = str,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    ) -> None:
        self._inner = inner
        self._sleep = sleep
        self._wire = _Wire(
            limiter=limiter, on_request=on_request, redact=redact, max_bytes=max_response_bytes
        )

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        import asyncio  # here: a program that never awaits need not load asyncio

        wire = self._wire
        scope = current_scope() or CallScope(None, wire.max_bytes)
        wait = wire.pace(scope)
        if wait > 0.0:
            await self._sleep(wait)
        left = wire.cap_timeouts(request, scope)
        start = time.perf_counter()
        try:
            # (no asyncio timeout without a deadline: the client may run under another loop)
            async with contextlib.nullcontext() if left is None else asyncio.timeout(left):
                response, content = await self._fetch(request, scope)
        except Exception as exc:
            raise wire.failed(request, start, exc, scope) from None
        return wire.answer(request, response, content, start, scope)

    async def _fetch(
        self, request: httpx.Request, scope: CallScope
    ) -> tuple[httpx.Response, bytes]:
        response = await self._inner.handle_async_request(request)
        try:
            decoder = decoder_for(response, self._wire.max_bytes, scope)
            if not response.is_stream_consumed:
                async for chunk in response.aiter_raw():
                    decoder.feed(chunk)
            return response, decoder.finish()
        finally:
            await response.aclose()

    async def aclose(self) -> None:
        await self._inner.aclose()


def _prepare(request: httpx.Request) -> None:
    scope = current_scope()
    if scope is not None:
        scope.prepare(request)


class HttpClient(httpx.Client):
    """`httpx.Client` that gives each request the options of the SDK call it belongs to (its own
    headers and timeouts, added before `send` runs the auth, so that a signature covers them),
    and lets go of each answer's body as soon as nothing refers to it.

    httpx wraps the stream of every answer in an object that refers back to the answer: a
    reference cycle, so each body (up to a megabyte for a page of 1,000 sites) lives on until the
    garbage collector runs. Once the body has been read, a plain stream over it breaks the cycle
    and memory stays flat however many pages are iterated.
    """

    def send(self, request: httpx.Request, **kwargs: Any) -> httpx.Response:
        _prepare(request)
        response = super().send(request, **kwargs)
        if not kwargs.get("stream"):
            response.stream = httpx.ByteStream(response.content)
        return response


class AsyncHttpClient(httpx.AsyncClient):
    """`HttpClient` for asyncio."""

    async def send(self, request: httpx.Request, **kwargs: Any) -> httpx.Response:
        _prepare(request)
        response = await super().send(request, **kwargs)
        if not kwargs.get("stream"):
            response.stream = httpx.ByteStream(response.content)
        return response
