"""When to retry, and how long to wait: exponential backoff with full jitter, and Retry-After.

Retried: 429, 502, 503, 504, and transport failures (connect errors and timeouts, lost
connections, remote protocol errors). The attempt loop itself lives in the sync and async runners;
this module holds the decisions, so both behave alike.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Protocol

import httpx

from wixsites.errors import ConfigurationError, NetworkError, WixError, cap_text

__all__ = ["RetryPolicy", "RetryState", "is_uncertain"]


class _Uniform(Protocol):
    def uniform(self, a: float, b: float, /) -> float: ...


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How many attempts a call gets and how long to wait between them.

    The wait before attempt n+1 is uniform in [0, min(max_delay, base_delay * 2**(n-1))] (full
    jitter), unless the server sent ``Retry-After``, which is honoured as it is; an answer asking
    for more than `max_retry_after` seconds is not waited for but raised.
    """

    max_attempts: int = 5
    base_delay: float = 0.25
    max_delay: float = 20.0
    max_retry_after: float = 60.0
    retry_statuses: frozenset[int] = field(default=frozenset({429, 502, 503, 504}))
    jitter: bool = True

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise ConfigurationError("RetryPolicy.max_attempts must be at least 1")
        if self.base_delay < 0 or self.max_delay < 0 or self.max_retry_after < 0:
            raise ConfigurationError("RetryPolicy delays must not be negative")

    @classmethod
    def never(cls) -> RetryPolicy:
        """One attempt, no retry."""
        return cls(max_attempts=1)

    def backoff(self, attempt: int, rng: _Uniform) -> float:
        """The wait after failed attempt number `attempt` (1-based) when the server gave none."""
        cap = min(self.max_delay, self.base_delay * (2.0 ** (attempt - 1)))
        return rng.uniform(0.0, cap) if self.jitter else cap

    def retryable(self, exc: BaseException) -> bool:
        """Whether a failed attempt may be retried: a status of `retry_statuses`, a timeout or
        a dropped connection."""
        if isinstance(exc, WixError):
            return exc.status in self.retry_statuses
        return isinstance(
            exc, httpx.TimeoutException | httpx.NetworkError | httpx.RemoteProtocolError
        )


# Failures where the request cannot have reached the server: nothing can have been applied.
_NEVER_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


def is_uncertain(exc: BaseException) -> bool:
    """Whether the failed attempt may nonetheless have been applied by the server."""
    if isinstance(exc, WixError):
        return exc.status is not None and exc.status >= 500
    return not isinstance(exc, _NEVER_SENT)


class RetryState:
    """The bookkeeping of one call's attempts."""

    __slots__ = ("attempt", "policy", "reached", "rng", "uncertain")

    def __init__(self, policy: RetryPolicy, rng: _Uniform = random) -> None:
        self.policy = policy
        self.rng = rng
        self.attempt = 1
        self.uncertain = False
        self.reached = False  # whether any attempt may have reached the server

    def observe(self, exc: BaseException) -> None:
        """Record how an attempt failed (every failed attempt, the last one included)."""
        self.reached = self.reached or not isinstance(exc, _NEVER_SENT)

    def next_delay(self, exc: BaseException) -> float | None:
        """The seconds to wait before the next attempt, or None to give up with `exc`."""
        policy = self.policy
        if self.attempt >= policy.max_attempts or not policy.retryable(exc):
            return None
        retry_after = exc.retry_after if isinstance(exc, WixError) else None
        if retry_after is not None:
            if retry_after > policy.max_retry_after:
                return None
            delay = retry_after
        else:
            delay = policy.backoff(self.attempt, self.rng)
        self.uncertain = self.uncertain or is_uncertain(exc)
        self.attempt += 1
        return delay

    def failure(self, exc: Exception) -> WixError:
        """The exception to raise for the last failure, carrying the attempt history."""
        if isinstance(exc, WixError):
            err = exc
        else:
            where = "Wix"
            if isinstance(exc, httpx.RequestError):
                try:
                    url = exc.request.url
                except RuntimeError:  # no request attached
                    pass
                else:
                    # host and port (a wrong port is a common mistake), never the query string
                    where = f"{url.scheme}://{url.netloc.decode('ascii')}{url.path}"
            plural = "s" if self.attempt > 1 else ""
            # A local protocol error is about our own request, whose headers hold the
            # credentials: its text is never quoted.
            detail = "" if isinstance(exc, httpx.LocalProtocolError) else cap_text(str(exc), 200)
            err = NetworkError(
                f"could not reach {where}: {type(exc).__name__}"
                f"{': ' + detail if detail else ''} (after {self.attempt} attempt{plural})"
            )
        err.attempts = self.attempt
        err.earlier_attempt_uncertain = self.uncertain
        err.never_sent = not self.reached
        return err
