"""One delivery attempt: POST the token, as Wix does, and classify the answer.

Only a 200 within the budget (Wix's 1,250 ms) is a delivery: any other status, a redirect (never
followed), a refused connection, or an answer that has not fully arrived when the budget runs out
is a failure to retry. The budget holds for the whole exchange, connecting included, so a handler
that dribbles its answer byte by byte cannot stretch it; at most `MAX_ANSWER` bytes of the answer
are read, and none is kept or shown: only its status and the class of the outcome.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

import httpx

__all__ = ["BUDGET", "HEADERS", "MAX_ANSWER", "Outcome", "client", "post"]

#: seconds an answer may take (Wix: "return a 200 within 1,250 ms")
BUDGET = 1.25
#: bytes of an answer read at most (then the connection is closed)
MAX_ANSWER = 1024
HEADERS = {"Content-Type": "text/plain", "User-Agent": "wixsites-sandbox-webhooks"}


@dataclass(frozen=True)
class Outcome:
    status: int | None  # the HTTP status; None when there was no answer
    outcome: str  # "delivered", "http 500", "timeout", "cannot connect", "error: <class>"
    latency_ms: int

    @property
    def delivered(self) -> bool:
        return self.outcome == "delivered"


def client(connections: int) -> httpx.AsyncClient:
    """The HTTP client of a dispatcher: no proxy or certificate settings from the environment
    (`trust_env`), no redirects, no cookies kept between endpoints."""
    return httpx.AsyncClient(
        trust_env=False,
        follow_redirects=False,
        timeout=httpx.Timeout(BUDGET),
        limits=httpx.Limits(max_connections=connections, max_keepalive_connections=connections),
    )


async def post(http: httpx.AsyncClient, url: str, token: str, budget: float = BUDGET) -> Outcome:
    started = time.monotonic()
    status: int | None = None
    try:
        async with asyncio.timeout(budget):
            http.cookies.clear()
            async with http.stream(
                "POST", url, content=token.encode("ascii"), headers=HEADERS
            ) as r:
                status = r.status_code
                read = 0
                async for chunk in r.aiter_raw():
                    read += len(chunk)
                    if read >= MAX_ANSWER:
                        break
    except (TimeoutError, httpx.TimeoutException):
        return Outcome(status, "timeout", _ms(started))
    except httpx.ConnectError:
        return Outcome(None, "cannot connect", _ms(started))
    except (httpx.HTTPError, httpx.InvalidURL, OSError) as error:
        # the class alone: an error's text may quote what the server sent
        return Outcome(status, f"error: {type(error).__name__}", _ms(started))
    outcome = "delivered" if status == 200 else f"http {status}"
    return Outcome(status, outcome, _ms(started))


def _ms(started: float) -> int:
    return round((time.monotonic() - started) * 1000)
