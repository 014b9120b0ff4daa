"""The SDK's `on_request` hook for the command line: counts requests and, with ``--verbose``, logs
each one (method, path, status, time, request id) to stderr.

The SDK shows no header, no body and no query string, so neither an API key nor a signature can
leak; `mask_secret` is for echoing the configuration.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wixsites import RequestInfo

__all__ = ["RequestLog", "mask_secret"]


def mask_secret(secret: str) -> str:
    """Enough of a secret to recognise it, never enough to use it."""
    if len(secret) < 12:
        return "****"
    return f"****{secret[-4:]}"


class RequestLog:
    def __init__(self, log: Callable[[str], None] | None = None) -> None:
        self.log = log
        self.count = 0

    def __call__(self, info: RequestInfo) -> None:
        self.count += 1
        if self.log is not None:
            self.log(str(info))
