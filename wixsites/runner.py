"""Run calls with retries, and flows (generators of calls) that need several of them.

A flow is a generator that yields `Call`s and receives each result, or has the call's `WixError`
thrown in at the yield: the logic of a multi-request operation (create-or-find, the bulk-move
bisection) is written once as a flow, and the sync and async runners only differ in how they wait.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Awaitable, Callable, Generator
from typing import Any, NoReturn, TypeVar

import httpx
from wix_sites_api import Client

from wixsites.errors import WixError
from wixsites.operations import Call
from wixsites.retry import RetryPolicy, RetryState

__all__ = ["AsyncRunner", "Flow", "SyncRunner"]

R = TypeVar("R")
Flow = Generator[Call[Any], Any, R]

_log = logging.getLogger("wixsites")
_RETRYABLE = (WixError, httpx.TransportError)


class _Base:
    def __init__(
        self,
        api: Client,
        retry: RetryPolicy,
        *,
        redact: Callable[[str], str],
        rng: random.Random | None = None,
    ) -> None:
        self.api = api
        self.retry = retry
        self.redact = redact
        self.rng = rng or random.Random()

    def _give_up(self, state: RetryState, exc: Exception) -> NoReturn:
        err = state.failure(exc)
        if err is exc:
            raise err
        err.message = self.redact(err.message)
        err.args = (err.message,)
        raise err from exc

    @staticmethod
    def _log_retry(call: Call[Any], exc: Exception, state: RetryState, delay: float) -> None:
        if _log.isEnabledFor(logging.INFO):
            why = f"{exc.status}" if isinstance(exc, WixError) else type(exc).__name__
            _log.info(
                "%s: retrying after %s in %.2f s (attempt %d of %d)",
                call.label,
                why,
                delay,
                state.attempt,
                state.policy.max_attempts,
            )


class SyncRunner(_Base):
    def __init__(
        self,
        api: Client,
        retry: RetryPolicy,
        *,
        redact: Callable[[str], str],
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
    ) -> None:
        super().__init__(api, retry, redact=redact, rng=rng)
        self.sleep = sleep

    def run(self, call: Call[R]) -> R:
        state: RetryState | None = None
        while True:
            try:
                response = call.module.sync_detailed(client=self.api, **call.kwargs)
            except _RETRYABLE as exc:
                state = state or RetryState(self.retry, self.rng)
                delay = state.next_delay(exc)
                if delay is None:
                    self._give_up(state, exc)
                self._log_retry(call, exc, state, delay)
                self.sleep(delay)
            else:
                return call.result(
                    response.parsed,
                    int(response.status_code),
                    response.headers.get("x-wix-request-id"),
                )

    def drive(self, flow: Flow[R]) -> R:
        try:
            call = next(flow)
            while True:
                try:
                    result = self.run(call)
                except WixError as exc:
                    call = flow.throw(exc)
                else:
                    call = flow.send(result)
        except StopIteration as stop:
            return stop.value  # type: ignore[no-any-return]


class AsyncRunner(_Base):
    def __init__(
        self,
        api: Client,
        retry: RetryPolicy,
        *,
        redact: Callable[[str], str],
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        rng: random.Random | None = None,
    ) -> None:
        super().__init__(api, retry, redact=redact, rng=rng)
        self.sleep = sleep

    async def run(self, call: Call[R]) -> R:
        state: RetryState | None = None
        while True:
            try:
                response = await call.module.asyncio_detailed(client=self.api, **call.kwargs)
            except _RETRYABLE as exc:
                state = state or RetryState(self.retry, self.rng)
                delay = state.next_delay(exc)
                if delay is None:
                    self._give_up(state, exc)
                self._log_retry(call, exc, state, delay)
                await self.sleep(delay)
            else:
                return call.result(
                    response.parsed,
                    int(response.status_code),
                    response.headers.get("x-wix-request-id"),
                )

    async def drive(self, flow: Flow[R]) -> R:
        try:
            call = next(flow)
            while True:
                try:
                    result = await self.run(call)
                except WixError as exc:
                    call = flow.throw(exc)
                else:
                    call = flow.send(result)
        except StopIteration as stop:
            return stop.value  # type: ignore[no-any-return]
