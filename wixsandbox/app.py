"""The ASGI app: HTTP requests in, `Sandbox.handle` in a worker thread, responses out.

Plain ASGI rather than a framework: the core already routes by openapi.yaml, and fault mode needs
to drop a connection, which is a response whose head is sent and whose body never is (uvicorn then
closes the connection).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import TYPE_CHECKING, Any

import anyio
import anyio.to_thread

from wixsandbox.faults import SLOW_SECONDS, Fault, FaultPlan
from wixsandbox.wire import MAX_BODY, Request, Response

if TYPE_CHECKING:
    from wixsandbox.service import Sandbox

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


class ASGIApp:
    def __init__(
        self,
        sandbox: Sandbox,
        *,
        fault_rate: float = 0.0,
        fault_seed: int = 0,
        body_timeout: float | None = None,
    ) -> None:
        self.sandbox = sandbox
        self.faults = FaultPlan(fault_rate, fault_seed)
        self.body_timeout = body_timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await _lifespan(receive, send, self.sandbox)
            return
        if scope["type"] != "http":
            return
        with anyio.move_on_after(self.body_timeout) as deadline:
            body = await _read_body(receive)
        if deadline.cancelled_caught:
            await _send(send, self.sandbox.slow_body_response(self.body_timeout or 0.0))
            return
        request = Request(
            method=str(scope["method"]),
            raw_path=scope.get("raw_path") or str(scope["path"]).encode("utf-8"),
            query=scope.get("query_string") or b"",
            headers=tuple((bytes(k), bytes(v)) for k, v in scope.get("headers") or ()),
            body=body or b"",
        )
        fault = self.faults.draw()
        if fault is not None:
            immediate = self.sandbox.fault_response(fault)
            if immediate is not None:
                await _send(send, immediate)
                return
            if fault is Fault.DROP_BEFORE:
                await _drop(send)
                return
            if fault is Fault.SLOW:
                await anyio.sleep(SLOW_SECONDS)
        response = await anyio.to_thread.run_sync(self.sandbox.handle, request)
        if fault is Fault.DROP_AFTER:
            await _drop(send)
            return
        await _send(send, response)


async def _read_body(receive: Receive) -> bytes | None:
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return None
        chunk = message.get("body", b"")
        # Keep chunks until the body is known to be too large (read_json then refuses it), never
        # dropping one in the middle: that would hand on a shorter body that may still parse.
        if size <= MAX_BODY:
            chunks.append(chunk)
        size += len(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


async def _send(send: Send, response: Response) -> None:
    headers = [*response.header_pairs(), (b"content-length", str(len(response.body)).encode())]
    await send({"type": "http.response.start", "status": response.status, "headers": headers})
    await send({"type": "http.response.body", "body": response.body})


async def _drop(send: Send) -> None:
    # A head promising a body that never comes: the server closes the connection mid-response.
    await send(
        {"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"64")]}
    )


async def _lifespan(receive: Receive, send: Send, sandbox: Sandbox) -> None:
    """A served sandbox sends its webhooks while it serves (and what a restart finds pending)."""
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            sandbox.webhooks.start(in_child=True)
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await anyio.to_thread.run_sync(sandbox.webhooks.close, 0.0)
            await send({"type": "lifespan.shutdown.complete"})
            return
