"""Fault mode: a share of requests answered the way a flaky network and service would.

`FaultPlan(rate, seed)` draws, with its own `random.Random(seed)`, whether each request is faulty
and which of five faults it gets, equally likely:

- ``RATE_LIMITED``: 429 ``RESOURCE_EXHAUSTED`` with ``Retry-After: 1``; nothing changes;
- ``UNAVAILABLE``: 503 with the empty system-error body and ``Retry-After: 1``; nothing changes;
- ``DROP_BEFORE``: the connection drops before the request is handled; nothing changes;
- ``DROP_AFTER``: the request is handled and committed, then the connection drops before the answer
  arrives, as when a real network fails on the way back. A client cannot tell it from
  ``DROP_BEFORE``: its retries must cope with both (moves are idempotent; a retried create may
  meet a 409);
- ``SLOW``: the answer is delayed by `SLOW_SECONDS`, then served normally.

A dropped connection is, over ASGI, a response whose head is sent and whose body never is (uvicorn
then closes the connection); the in-process transports raise `httpx.RemoteProtocolError`.
"""

from __future__ import annotations

import enum
import random
import threading

SLOW_SECONDS = 0.2
RETRY_AFTER_SECONDS = 1


class Fault(enum.Enum):
    RATE_LIMITED = "rate_limited"
    UNAVAILABLE = "unavailable"
    DROP_BEFORE = "drop_before"
    DROP_AFTER = "drop_after"
    SLOW = "slow"


class FaultPlan:
    def __init__(self, rate: float = 0.0, seed: int = 0) -> None:
        if not 0.0 <= rate <= 1.0:
            raise ValueError(f"fault_rate must be between 0 and 1, not {rate}")
        self.rate = rate
        self._random = random.Random(seed)
        self._lock = threading.Lock()
        self.drawn: dict[Fault, int] = dict.fromkeys(Fault, 0)

    def draw(self) -> Fault | None:
        if self.rate <= 0.0:
            return None
        with self._lock:
            if self._random.random() >= self.rate:
                return None
            fault = self._random.choice(list(Fault))
            self.drawn[fault] += 1
            return fault
