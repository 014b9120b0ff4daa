"""The httpx transport under every request: pace, time and log each attempt, and turn an error
answer into its `WixError`.

It sits below httpx's auth, so each attempt that reaches it has just been signed; the retry loop
sits above the generated functions, so a retried call runs the auth flow (and signs) afresh.
Raising here means the generated functions only ever parse successful answers, and the error is
built from the raw answer (v2 body, legacy body, or none) with its headers.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx

from wixsites.errors import error_from_response
from wixsites.ratelimit import TokenBucket

__all__ = [
    "AsyncHttpClient",
    "AsyncWireTransport",
    "HttpClient",
    "RequestInfo",
    "WireTransport",
    "logger",
]

logger = logging.getLogger("wixsites")


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
    ) -> None:
        self.limiter = limiter
        self.on_request = on_request
        self.redact = redact

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
            request_id=None if response is None else response.headers.get("x-wix-request-id"),
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

    def raise_for(self, request: httpx.Request, response: httpx.Response, start: float) -> None:
        """Raise the error of an answer whose body has been read (and its stream closed)."""
        url = request.url
        err = error_from_response(
            response.status_code,
            response.headers,
            response.content,
            redact=self.redact,
            server=f"{url.scheme}://{url.netloc.decode('ascii', 'replace')}",
        )
        self.report(request, start, response)
        raise err


class WireTransport(httpx.BaseTransport):
    def __init__(
        self,
        inner: httpx.BaseTransport,
        *,
        limiter: TokenBucket | None = None,
        sleep: Callable[[float], None] = time.sleep,
        on_request: OnRequest | None = None,
        redact: Callable[[str], str] = str,
    ) -> None:
        self._inner = inner
        self._sleep = sleep
        self._wire = _Wire(limiter=limiter, on_request=on_request, redact=redact)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        wire = self._wire
        if wire.limiter is not None:
            wait = wire.limiter.reserve()
            if wait > 0.0:
                self._sleep(wait)
        start = time.perf_counter()
        try:
            response = self._inner.handle_request(request)
        except Exception as exc:
            wire.report(request, start, exc=exc)
            raise
        if response.status_code >= 400:
            try:
                response.read()
            finally:
                response.close()
            wire.raise_for(request, response, start)
        wire.report(request, start, response)
        return response

    def close(self) -> None:
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
    ) -> None:
        self._inner = inner
        self._sleep = sleep
        self._wire = _Wire(limiter=limiter, on_request=on_request, redact=redact)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        wire = self._wire
        if wire.limiter is not None:
            wait = wire.limiter.reserve()
            if wait > 0.0:
                await self._sleep(wait)
        start = time.perf_counter()
        try:
            response = await self._inner.handle_async_request(request)
        except Exception as exc:
            wire.report(request, start, exc=exc)
            raise
        if response.status_code >= 400:
            try:
                await response.aread()
            finally:
                await response.aclose()
            wire.raise_for(request, response, start)
        wire.report(request, start, response)
        return response

    async def aclose(self) -> None:
        await self._inner.aclose()


class HttpClient(httpx.Client):
    """`httpx.Client` that lets go of each answer's body as soon as nothing refers to it.

    httpx wraps the stream of every answer in an object that refers back to the answer: a
    reference cycle, so each body (up to a megabyte for a page of 1,000 sites) lives on until the
    garbage collector runs. Once the body has been read, a plain stream over it breaks the cycle
    and memory stays flat however many pages are iterated.
    """

    def send(self, request: httpx.Request, **kwargs: Any) -> httpx.Response:
        response = super().send(request, **kwargs)
        if not kwargs.get("stream"):
            response.stream = httpx.ByteStream(response.content)
        return response


class AsyncHttpClient(httpx.AsyncClient):
    """`HttpClient` for asyncio."""

    async def send(self, request: httpx.Request, **kwargs: Any) -> httpx.Response:
        response = await super().send(request, **kwargs)
        if not kwargs.get("stream"):
            response.stream = httpx.ByteStream(response.content)
        return response
