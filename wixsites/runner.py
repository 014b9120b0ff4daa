"""Run calls with retries, and flows (generators of calls) that need several of them.

A flow is a generator that yields `Call`s and receives each result, or has the call's `WixError`
thrown in at the yield: the logic of a multi-request operation (create-or-find, the bulk-move
bisection) is written once as a flow, and the sync and async runners only differ in how they wait.
"""

from __future__ import annotations

import copy
import dataclasses
import logging
import random
import sys
import time
from collections.abc import Awaitable, Callable, Generator, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any, NoReturn, Self, TypeVar

import httpx
from wix_sites_api import Client

from wixsites.errors import InvalidResponse, PermissionDenied, WixError
from wixsites.limits import DEFAULT_MAX_RESPONSE_BYTES, CallScope
from wixsites.logs import logger as _log
from wixsites.operations import Call
from wixsites.options import Options
from wixsites.recording import recorder
from wixsites.retry import RetryPolicy, RetryState, is_uncertain

if TYPE_CHECKING:
    from wixsites.responses import ResponseInfo

__all__ = ["AsyncRunner", "Flow", "SyncRunner"]

R = TypeVar("R")
Flow = Generator[Call[Any], Any, R]

_RETRYABLE = (WixError, httpx.TransportError)
# What the generated parsers (and the pages built from them) raise on an answer of the wrong shape
# (RecursionError: JSON nested deeper than the parser recurses).
_MALFORMED = (
    ValueError,
    TypeError,
    KeyError,
    AttributeError,
    IndexError,
    OverflowError,
    RecursionError,
)


class _Base:
    def __init__(
        self,
        api: Client,
        options: Options,
        *,
        redact: Callable[[str], str],
        rng: random.Random | None = None,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    ) -> None:
        self.api = api
        self.options = options
        self.redact = redact
        self.rng = rng or random.Random()
        self.max_response_bytes = max_response_bytes

    def with_options(self, given: Mapping[str, object]) -> Self:
        """This runner with a call's `CallOptions` on top of its own (itself when none are
        given); it shares everything else, and so the client's connection pool and rate limit."""
        options = self.options.merge(given)
        if options is self.options:
            return self
        runner = copy.copy(self)
        runner.options = options
        return runner

    def _scope(self, call: Call[Any]) -> CallScope:
        options = self.options
        deadline = None if options.deadline is None else time.monotonic() + options.deadline
        return CallScope(
            deadline, self.max_response_bytes, call.label, options.timeout, options.headers
        )

    def _policy(self, call: Call[Any]) -> RetryPolicy:
        retry = self.options.retry
        if call.min_attempts <= retry.max_attempts:
            return retry
        return dataclasses.replace(retry, max_attempts=call.min_attempts)

    def _result(self, call: Call[R], parsed: object, scope: CallScope) -> R:
        """The call's result from its parsed answer; a page also gets the answer's `response`."""
        out = call.result(parsed, scope.status, scope.request_id)
        # (a page can only have been made once wixsites.paging is loaded: a client that only
        # counts never loads it)
        paging = sys.modules.get("wixsites.paging")
        if paging is not None and isinstance(out, paging.Page):
            info = self._info(scope)
            return replace(out, request_id=info.request_id, response=info)
        return out

    def _info(self, scope: CallScope) -> ResponseInfo:
        from wixsites.responses import ResponseInfo

        assert scope.status is not None
        return ResponseInfo.of(scope.status, scope.response_headers, scope.request_id, self.redact)

    def _note(self, scope: CallScope) -> None:
        """Tell the raw call running (if any) about the answer this call ended with."""
        rec = recorder()
        if rec is not None and scope.status is not None:
            rec.last = self._info(scope)

    def _delay(self, call: Call[Any], state: RetryState, exc: Exception, scope: CallScope) -> float:
        """The wait before the next attempt; raises the failure when there is none in time."""
        state.observe(exc)
        # a call that is not idempotent is never repeated after a possibly applied attempt
        delay = None if not call.idempotent and is_uncertain(exc) else state.next_delay(exc)
        if delay is None:
            self._give_up(call, state, exc)
        left = scope.remaining()
        if left is not None and delay >= left:
            state.attempt -= 1  # the attempt just counted will not be made
            why = f"{exc.status}" if isinstance(exc, WixError) else type(exc).__name__
            self._give_up(call, state, scope.exceeded(f"(no time left to retry after {why})"))
        return delay

    def _give_up(self, call: Call[Any], state: RetryState, exc: Exception) -> NoReturn:
        if isinstance(exc, PermissionDenied):
            exc.needs(call.label, call.permissions)
        err = self._scrub(state.failure(exc))
        if _log.isEnabledFor(logging.INFO):
            status = f" (status {err.status})" if err.status is not None else ""
            attempts = f"{err.attempts} attempt{'s' if err.attempts != 1 else ''}"
            _log.info("%s: failed after %s: %s%s", call.label, attempts, type(err).__name__, status)
        # Never chained: a transport's exception may quote a header, and so a credential.
        raise err from None

    def _scrub(self, err: WixError) -> WixError:
        """The error with every text a server could have filled redacted (a hostile or broken
        server may echo a request header back)."""
        redact = self.redact
        err.message = redact(err.message)
        err.args = (err.message,)
        if err.request_id:
            err.request_id = redact(err.request_id)
        if err.description:
            err.description = redact(err.description)
        if isinstance(err, InvalidResponse) and err.excerpt:
            err.excerpt = redact(err.excerpt)
        return err

    def _malformed(self, scope: CallScope, exc: Exception) -> Exception:
        """An `InvalidResponse` for a parsing failure on an answer; `exc` itself if no answer came
        (then it is a fault of the SDK or its arguments, not of the server)."""
        if scope.status is None:
            return exc
        return self._scrub(scope.invalid(f"{type(exc).__name__}: {exc}"[:200]))

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
        options: Options,
        *,
        sleep: Callable[[float], None] = time.sleep,
        **settings: Any,
    ) -> None:
        super().__init__(api, options, **settings)
        self.sleep = sleep

    def run(self, call: Call[R]) -> R:
        scope = self._scope(call)
        token = scope.enter()
        try:
            state: RetryState | None = None
            while True:
                scope.forget()
                try:
                    response = call.module.sync_detailed(client=self.api, **call.kwargs)
                    return self._result(call, response.parsed, scope)
                except _RETRYABLE as exc:
                    state = state or RetryState(self._policy(call), self.rng)
                    delay = self._delay(call, state, exc, scope)
                    self._log_retry(call, exc, state, delay)
                    self.sleep(delay)
                except _MALFORMED as exc:
                    raise self._malformed(scope, exc) from None
        finally:
            CallScope.leave(token)
            self._note(scope)

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
        options: Options,
        *,
        sleep: Callable[[float], Awaitable[None]] | None = None,
        **settings: Any,
    ) -> None:
        import asyncio  # here: a program that never awaits need not load asyncio

        super().__init__(api, options, **settings)
        self.sleep = asyncio.sleep if sleep is None else sleep

    async def run(self, call: Call[R]) -> R:
        scope = self._scope(call)
        token = scope.enter()
        try:
            state: RetryState | None = None
            while True:
                scope.forget()
                try:
                    response = await call.module.asyncio_detailed(client=self.api, **call.kwargs)
                    return self._result(call, response.parsed, scope)
                except _RETRYABLE as exc:
                    state = state or RetryState(self._policy(call), self.rng)
                    delay = self._delay(call, state, exc, scope)
                    self._log_retry(call, exc, state, delay)
                    await self.sleep(delay)
                except _MALFORMED as exc:
                    raise self._malformed(scope, exc) from None
        finally:
            CallScope.leave(token)
            self._note(scope)

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
