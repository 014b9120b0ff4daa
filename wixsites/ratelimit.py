"""A client-side token bucket: the pace Wix documents (200 requests per minute) by default.

The bucket holds a minute's budget and refills continuously, so a burst of a few dozen requests
never waits. `reserve()` takes a token and says how long to wait for it; it only computes (under a
lock, so threads share one bucket), and the sync and async clients do the waiting themselves.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

__all__ = ["TokenBucket"]


class TokenBucket:
    def __init__(
        self,
        per_minute: float,
        *,
        capacity: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if per_minute <= 0:
            raise ValueError("per_minute must be positive")
        self.per_minute = per_minute
        self.capacity = float(capacity if capacity is not None else per_minute)
        self._rate = per_minute / 60.0
        self._clock = clock
        self._tokens = self.capacity
        self._stamp = clock()
        self._lock = threading.Lock()

    def reserve(self) -> float:
        """Take one token; return the seconds to wait before using it (0.0 when one is there).

        Tokens may go negative: each caller reserves its place in the queue, so concurrent callers
        are spaced out rather than all waking up together.
        """
        with self._lock:
            now = self._clock()
            tokens = self._tokens + (now - self._stamp) * self._rate
            if tokens > self.capacity:
                tokens = self.capacity
            self._stamp = now
            tokens -= 1.0
            self._tokens = tokens
        return 0.0 if tokens >= 0.0 else -tokens / self._rate

    def __repr__(self) -> str:
        return f"TokenBucket(per_minute={self.per_minute:g}, capacity={self.capacity:g})"
