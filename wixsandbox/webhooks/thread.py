"""A dispatcher on its own event loop, in a daemon thread of the process."""

from __future__ import annotations

import asyncio
import contextlib
import threading

from wixsandbox.webhooks.dispatcher import Dispatcher

__all__ = ["DispatcherThread"]


class DispatcherThread:
    def __init__(self, dispatcher: Dispatcher) -> None:
        self.dispatcher = dispatcher
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._wake: asyncio.Event | None = None
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._main, name="wixsandbox-webhooks", daemon=True)

    def __repr__(self) -> str:
        return f"DispatcherThread({self.dispatcher!r}, running={self.running})"

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def start(self) -> DispatcherThread:
        self._thread.start()
        self._ready.wait()
        return self

    def _main(self) -> None:
        asyncio.run(self._run())

    async def _run(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stop, self._wake = asyncio.Event(), asyncio.Event()
        self._ready.set()
        await self.dispatcher.run(self._stop, self._wake)

    def _call(self, action: str) -> None:
        loop, stop, wake = self._loop, self._stop, self._wake
        if loop is None or stop is None or wake is None:
            return
        target = stop if action == "stop" else wake
        with contextlib.suppress(RuntimeError):  # the loop has closed: nothing to wake
            loop.call_soon_threadsafe(target.set)

    def wake(self) -> None:
        """Something may be due: look now rather than at the next poll."""
        self._call("wake")

    def stop(self, drain: float = 0.0) -> None:
        """Stop; first, for up to `drain` seconds, send what is due (one attempt each). Anything
        not sent stays in the outbox for the next dispatcher."""
        if not self._thread.is_alive():
            return
        if drain > 0:
            self.dispatcher.draining = True
            self.wake()
            self._thread.join(drain)
        self._call("stop")
        self._thread.join(self.dispatcher.budget + 1.0)
