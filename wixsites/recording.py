"""Which answer a raw call returns: the runner notes the answer of each request it makes in the
`Recorder` of the raw call running (found through a context variable, so threads and tasks sharing
a client each see their own), and the raw call builds its `RawResponse` from the last one noted.

Apart from `wixsites.responses` (the answers as data), which only pages and raw calls load.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from wixsites.responses import RawResponse, ResponseInfo

__all__ = ["Recorder", "recorder", "recording"]

R = TypeVar("R")


class Recorder:
    """The answers noted while a raw call runs; the last one is the call's."""

    __slots__ = ("last",)

    def __init__(self) -> None:
        self.last: ResponseInfo | None = None

    def response(self, result: R) -> RawResponse[R]:
        last = self.last
        if last is None:  # every call offered raw makes a request: this is a bug of the SDK
            raise RuntimeError("the call made no request: it has no raw response")
        from wixsites.responses import RawResponse

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
