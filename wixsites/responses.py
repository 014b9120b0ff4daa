"""The HTTP answer behind a result: `ResponseInfo` (a page's `response`), and `RawResponse`, what
the calls of ``wix.with_raw_response`` return.

The runner notes the answer of each request it makes; a raw call opens a `Recorder` (found
through a context variable, so threads and tasks sharing a client each see their own) and builds
its `RawResponse` from the last answer noted.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

import httpx

__all__ = ["RawResponse", "Recorder", "ResponseInfo", "recorder", "recording"]

R = TypeVar("R")
R_co = TypeVar("R_co", covariant=True)


@dataclass(frozen=True, slots=True)
class ResponseInfo:
    """One answer of the API: its HTTP `status_code`, its `headers` (a case-insensitive
    ``httpx.Headers``; any value holding one of the client's secrets is redacted) and its
    `request_id` (``x-wix-request-id``, to quote to Wix support)."""

    status_code: int
    headers: httpx.Headers = field(repr=False, compare=False)
    request_id: str | None

    def to_dict(self) -> dict[str, Any]:
        """The answer as JSON-ready data (headers redacted as they are here)."""
        return {
            "statusCode": self.status_code,
            "requestId": self.request_id,
            "headers": dict(self.headers.items()),
        }

    @classmethod
    def of(
        cls,
        status: int,
        headers: httpx.Headers | None,
        request_id: str | None,
        redact: Callable[[str], str],
    ) -> ResponseInfo:
        """The answer's status, headers and request id, each header value through `redact`."""
        shown = httpx.Headers([(k, redact(v)) for k, v in (headers or httpx.Headers()).items()])
        return cls(status, shown, None if request_id is None else redact(request_id))


@dataclass(frozen=True, slots=True)
class RawResponse(ResponseInfo, Generic[R_co]):
    """A call's result with the answer it came from: ``.status_code``, ``.headers``,
    ``.request_id``, and ``.parse()`` for the result the call returns otherwise (read when the
    answer came: an answer that cannot be read raised `InvalidResponse` then, as always)."""

    _result: R_co = field(repr=False, compare=False)

    def parse(self) -> R_co:
        """The result the call returns without ``with_raw_response``."""
        return self._result


class Recorder:
    """The answers noted while a raw call runs; the last one is the call's."""

    __slots__ = ("last",)

    def __init__(self) -> None:
        self.last: ResponseInfo | None = None

    def response(self, result: R) -> RawResponse[R]:
        last = self.last
        if last is None:  # every call offered raw makes a request: this is a bug of the SDK
            raise RuntimeError("the call made no request: it has no raw response")
        return RawResponse(last.status_code, last.headers, last.request_id, result)


_RECORDER: ContextVar[Recorder | None] = ContextVar("wixsites_recorder", default=None)


def recorder() -> Recorder | None:
    """The recorder of the raw call running in this context, if any."""
    return _RECORDER.get()


@contextlib.contextmanager
def recording() -> Iterator[Recorder]:
    """A recorder open for the current context (thread or task) while the block runs."""
    rec = Recorder()
    token = _RECORDER.set(rec)
    try:
        yield rec
    finally:
        _RECORDER.reset(token)
