"""In-process httpx transports over `Sandbox.handle`: no sockets, no event loop needed (sync)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import anyio
import anyio.to_thread
import httpx

from wixsandbox.faults import SLOW_SECONDS, Fault, FaultPlan
from wixsandbox.wire import Request, Response

if TYPE_CHECKING:
    from wixsandbox.service import Sandbox


def _request(request: httpx.Request, body: bytes) -> Request:
    raw = request.url.raw_path
    path, _, query = raw.partition(b"?")
    return Request(
        method=request.method,
        raw_path=path or b"/",
        query=query,
        headers=tuple(request.headers.raw),
        body=body,
    )


def _response(response: Response, request: httpx.Request) -> httpx.Response:
    return httpx.Response(
        response.status, headers=response.headers, content=response.body, request=request
    )


def _dropped(request: httpx.Request) -> httpx.RemoteProtocolError:
    return httpx.RemoteProtocolError(
        "Server disconnected without sending a response (sandbox fault mode).", request=request
    )


class SandboxTransport(httpx.BaseTransport):
    """A synchronous transport; safe to share between threads."""

    def __init__(self, sandbox: Sandbox, *, fault_rate: float = 0.0, fault_seed: int = 0) -> None:
        self.sandbox = sandbox
        self.faults = FaultPlan(fault_rate, fault_seed)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        body = request.read()
        fault = self.faults.draw()
        if fault is not None:
            immediate = self.sandbox.fault_response(fault)
            if immediate is not None:
                return _response(immediate, request)
            if fault is Fault.DROP_BEFORE:
                raise _dropped(request)
            if fault is Fault.SLOW:
                time.sleep(SLOW_SECONDS)
        response = self.sandbox.handle(_request(request, body))
        if fault is Fault.DROP_AFTER:
            raise _dropped(request)
        return _response(response, request)


class AsyncSandboxTransport(httpx.AsyncBaseTransport):
    """An asynchronous transport; the store work runs in a worker thread."""

    def __init__(self, sandbox: Sandbox, *, fault_rate: float = 0.0, fault_seed: int = 0) -> None:
        self.sandbox = sandbox
        self.faults = FaultPlan(fault_rate, fault_seed)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        body = await request.aread()
        fault = self.faults.draw()
        if fault is not None:
            immediate = self.sandbox.fault_response(fault)
            if immediate is not None:
                return _response(immediate, request)
            if fault is Fault.DROP_BEFORE:
                raise _dropped(request)
            if fault is Fault.SLOW:
                await anyio.sleep(SLOW_SECONDS)
        response = await anyio.to_thread.run_sync(self.sandbox.handle, _request(request, body))
        if fault is Fault.DROP_AFTER:
            raise _dropped(request)
        return _response(response, request)
