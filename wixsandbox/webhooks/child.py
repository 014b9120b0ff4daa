"""The dispatcher of a served sandbox, in a child process of its own.

Sending webhooks costs CPU (an RSA signature and an HTTP exchange per delivery) that a dispatcher
in the server's process would take from the API's requests under the GIL. So a served sandbox
runs its dispatcher as ``python -m wixsandbox --db PATH deliver``, at a lower CPU priority
(``nice`` 10): under load the API's requests come first, and deliveries catch up after.

The server holds the child's standard input: a byte on it means "something was committed, look
now", and its end (the server stopped, or was killed: the kernel closes the pipe) stops the child.
Nothing is lost either way: what is not yet delivered stays in the outbox.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import subprocess
import sys
import threading

from wixsandbox.store import Store
from wixsandbox.webhooks.dispatcher import Dispatcher

__all__ = ["NICENESS", "DispatcherProcess", "run_child"]

NICENESS = 10


class DispatcherProcess:
    """The parent's side: starts the child, wakes it, stops it."""

    def __init__(self, db: str, *, retry_base: float, workers: int) -> None:
        self.db = db
        self.retry_base = retry_base
        self.workers = workers
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None

    def __repr__(self) -> str:
        return f"DispatcherProcess(db={self.db!r}, running={self.running})"

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def start(self) -> DispatcherProcess:
        command = [
            sys.executable, "-m", "wixsandbox", "--db", self.db, "deliver",
            "--retry-base", repr(self.retry_base), "--workers", str(self.workers),
        ]  # fmt: skip
        self._process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, env=_environment()
        )
        assert self._process.stdin is not None
        os.set_blocking(self._process.stdin.fileno(), False)
        return self

    def wake(self) -> None:
        with self._lock:
            if not self.running:  # it died (it should not): a new one picks up the outbox
                self.start()
            assert self._process is not None
            assert self._process.stdin is not None
            # a full pipe already says "look now"
            with contextlib.suppress(BlockingIOError, BrokenPipeError):
                os.write(self._process.stdin.fileno(), b".")

    def stop(self, drain: float = 0.0) -> None:
        """Close its input; it stops within a second or two (an attempt in flight is dropped,
        and made again later)."""
        with self._lock:
            process, self._process = self._process, None
        if process is None:
            return
        assert process.stdin is not None
        with contextlib.suppress(OSError):
            process.stdin.close()
        try:
            process.wait(timeout=drain + 5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _environment() -> dict[str, str]:
    """The server's environment without its credentials (an API key or an app secret given to
    `serve` through a variable): the child reads only the database."""
    return {
        name: value
        for name, value in os.environ.items()
        if not any(word in name.upper() for word in ("KEY", "SECRET", "TOKEN", "PASSWORD"))
    }


def run_child(db: str, *, retry_base: float, workers: int) -> None:
    """The child's side: send the outbox until standard input ends."""
    with contextlib.suppress(OSError, AttributeError):
        os.nice(NICENESS)
    store = Store(db)
    try:
        asyncio.run(_serve(Dispatcher(store, retry_base=retry_base, workers=workers)))
    finally:
        store.close()


async def _serve(dispatcher: Dispatcher) -> None:
    loop = asyncio.get_running_loop()
    stop, wake = asyncio.Event(), asyncio.Event()
    fd = sys.stdin.fileno()
    os.set_blocking(fd, False)

    def readable() -> None:
        try:
            data = os.read(fd, 4096)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if data:
            wake.set()
        else:
            loop.remove_reader(fd)
            stop.set()

    loop.add_reader(fd, readable)
    await dispatcher.run(stop, wake)
