"""The options a call may set for itself: `timeout`, `deadline`, `retry` and extra `headers`.

Every public call takes them as keywords (``wix.sites.count(deadline=10)``), and
``wix.with_options(...)`` gives a client whose calls all have them; each request of the call
(every page of a query, every batch of a bulk move) gets them. They take the values of the
client's arguments of the same name, and are checked here once, for the client and for each call.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypedDict

import httpx

from wixsites.errors import ConfigurationError, InvalidArgument, WixError
from wixsites.retry import RetryPolicy

__all__ = [
    "MANAGED_HEADERS",
    "CallOptions",
    "Options",
    "check_deadline",
    "check_headers",
    "check_retry",
    "check_timeout",
]


class CallOptions(TypedDict, total=False):
    """What a call, or ``with_options``, may set; what is not given is the client's.

    `timeout`: seconds, or an ``httpx.Timeout``, for each network step of an attempt (connect,
    each read, each write); `deadline`: seconds one request may take in all, retries included,
    or None for none; `retry`: a `RetryPolicy`, or None for a single attempt; `headers`: sent with
    every request of the call, on top of the client's (those given last win).
    """

    timeout: float | httpx.Timeout
    deadline: float | None
    retry: RetryPolicy | None
    headers: Mapping[str, str]


OPTION_NAMES = tuple(CallOptions.__annotations__)

# Headers the SDK itself sets: the credentials and their signature, and what the body and its
# decoding need. A call cannot replace them (make another client for other credentials).
MANAGED_HEADERS: dict[str, str] = {
    "authorization": "the client's credentials authenticate every request",
    "x-wix-signature": "the client signs every request",
    "x-wix-timestamp": "the client signs every request",
    "host": "it comes from the base URL",
    "content-type": "every body the SDK sends is JSON",
    "content-length": "httpx computes it",
    "content-encoding": "the SDK sends bodies as they are",
    "transfer-encoding": "httpx chooses it",
    "accept-encoding": "the SDK reads gzip and deflate only",
    "connection": "the connection pool manages connections",
}
_TOKEN = frozenset("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _number(value: object) -> bool:
    return not isinstance(value, bool) and isinstance(value, int | float) and value > 0


def check_timeout(value: object, error: type[WixError] = ConfigurationError) -> httpx.Timeout:
    if isinstance(value, httpx.Timeout):
        return value
    if not _number(value):
        raise error(f"timeout is seconds (> 0) or an httpx.Timeout, not {value!r}")
    assert isinstance(value, int | float)
    return httpx.Timeout(float(value))


def check_deadline(value: object, error: type[WixError] = ConfigurationError) -> float | None:
    if value is None:
        return None
    if not _number(value):
        raise error(f"deadline is seconds per request (> 0), or None for none; not {value!r}")
    assert isinstance(value, int | float)
    return float(value)


def check_retry(value: object, error: type[WixError] = ConfigurationError) -> RetryPolicy:
    if value is None:
        return RetryPolicy.never()
    if not isinstance(value, RetryPolicy):
        raise error(f"retry must be a RetryPolicy, or None for no retry; not {value!r}")
    return value


def check_headers(value: object) -> dict[str, str]:
    """The headers as a dict; a header the SDK sets, or one that could not be sent as it is, is
    refused without showing its value (it may be a secret)."""
    if not isinstance(value, Mapping):
        raise InvalidArgument(f"headers must be a mapping of names to values, not {value!r}")
    out: dict[str, str] = {}
    for name, text in value.items():
        if not isinstance(name, str) or not name or not set(name) <= _TOKEN:
            raise InvalidArgument(
                f"{name!r} is not a header name: use letters, digits and !#$%&'*+-.^_`|~"
            )
        why = MANAGED_HEADERS.get(name.lower())
        if why is not None:
            raise InvalidArgument(f"headers cannot set {name!r}: {why}")
        if not isinstance(text, str):
            raise InvalidArgument(f"the value of header {name!r} must be a string")
        if any(not (" " <= c <= "~" or c == "\t") for c in text):
            raise InvalidArgument(
                f"the value of header {name!r} holds a control or non-ASCII character, which "
                "cannot be sent in a header (the value is not shown here)"
            )
        out[name] = text
    return out


@dataclass(frozen=True, slots=True)
class Options:
    """The options in force for a call: the client's, and what the call itself set."""

    retry: RetryPolicy
    deadline: float | None
    timeout: httpx.Timeout
    headers: Mapping[str, str]

    def merge(self, given: Mapping[str, object]) -> Options:
        """These options with `given` (a call's `CallOptions`) on top; refuses an unknown name or
        a bad value with `InvalidArgument` before any request."""
        if not given:
            return self
        unknown = sorted(set(given) - set(OPTION_NAMES))
        if unknown:
            raise InvalidArgument(
                f"unknown option{'s' if len(unknown) > 1 else ''} "
                f"{', '.join(repr(u) for u in unknown)}: a call takes "
                f"{', '.join(OPTION_NAMES)}"
            )
        retry, deadline, timeout, headers = self.retry, self.deadline, self.timeout, self.headers
        if "retry" in given:
            retry = check_retry(given["retry"], InvalidArgument)
        if "deadline" in given:
            deadline = check_deadline(given["deadline"], InvalidArgument)
        if "timeout" in given:
            timeout = check_timeout(given["timeout"], InvalidArgument)
        if "headers" in given:
            extra = check_headers(given["headers"])
            if extra:
                # a name given again replaces the earlier one, whatever its case
                replaced = {name.lower() for name in extra}
                kept = {k: v for k, v in headers.items() if k.lower() not in replaced}
                headers = {**kept, **extra}
        return Options(retry, deadline, timeout, headers)
