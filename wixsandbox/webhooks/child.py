"""The dispatcher of a served sandbox, in a child process of its own.

Sending webhooks costs CPU (an RSA signature and an HTTP exchange per delivery) that a dispatcher
in the server's process would take from the API's requests under the GIL. So a served sandbox
runs its dispatcher as ``python -m wixsandbox --db PATH deliver``, at a lower CPU priority
(``nice`` 10): under load the API's requests come first, and deliveries catch up after.

The server holds the child's standard input: a byte on it means "something was committed, look
now", and its end (the server stopped, or was killed: the kernel closes the pipe) stops the child.
Nothing is lost either way: what is not yet delivered stays in the outbox. A child that dies
while the server runs (killed -9, out of memory) is replaced half a second later, or at once
when a change wakes it, so that retries due go out without waiting for a change.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import subprocess
import sys
import threading
import time

from wixsandbox.store import Store
from wixsandbox.webhooks.dispatcher import Dispatcher

__all__ = ["NICENESS", "DispatcherProcess", "run_child"]

NICENESS = 10
#: seconds before a child that died is replaced (doubled while children die young)
RESTART_PAUSE = 0.5


class DispatcherProcess:
    """The parent's side: starts the child, wakes it, stops it."""

    def __init__(self, db: str, *, retry_base: float, workers: int) -> None:
        self.db = db
        self.retry_base = retry_base
        self.workers = workers
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._stopped = threading.Event()
        self._pause = RESTART_PAUSE

    def __repr__(self) -> str:
        return f"DispatcherProcess(db={self.db!r}, running={self.running})"

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    @property
    def pid(self) -> int | None:
        process = self._process
        return process.pid if process is not None else None

    def start(self) -> DispatcherProcess:
        with self._lock:
            self._spawn()
        return self

    def _spawn(self) -> None:
        command = [
            sys.executable, "-m", "wixsandbox", "--db", self.db, "deliver",
            "--retry-base", repr(self.retry_base), "--workers", str(self.workers),
        ]  # fmt: skip
        process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, env=_environment()
        )
        assert process.stdin is not None
        os.set_blocking(process.stdin.fileno(), False)
        self._process = process
        watcher = threading.Thread(
            target=self._watch, args=(process,), name="wixsandbox-webhooks-watch", daemon=True
        )
        watcher.start()

    def _watch(self, process: subprocess.Popen[bytes]) -> None:
        """Start a new child when this one dies (killed, out of memory) while the server runs:
        what is due, retries included, would otherwise wait for the next change. A child that
        dies soon after its start is started again less and less often (up to once a minute)."""
        started = time.monotonic()
        process.wait()
        lived = time.monotonic() - started
        self._pause = RESTART_PAUSE if lived > 10 * RESTART_PAUSE else min(self._pause * 2, 60.0)
        if self._stopped.wait(self._pause):
            return
        with self._lock:
            if self._process is process:  # neither stopped nor replaced meanwhile
                self._spawn()

    def wake(self) -> None:
        with self._lock:
            if not self.running:  # it died (it should not): a new one picks up the outbox
                self._spawn()
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
            self._stopped.set()
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
