"""The sandbox as a separate process on 127.0.0.1: for end-to-end tests, drills and benchmarks.

with SandboxProcess(db, api_key="k", account_id=ACCOUNT) as server:
    httpx.post(server.url + "/site-list/v2/sites/count", ...)
    server.kill()      # kill -9, as a drill does
    server.start()     # again, on the same database and port
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

# `python -m wixsandbox ARGS...` under a file descriptor limit: python -c _LIMITED LIMIT ARGS...
_LIMITED = """
import resource, runpy, sys
resource.setrlimit(
    resource.RLIMIT_NOFILE, (int(sys.argv[1]), resource.getrlimit(resource.RLIMIT_NOFILE)[1])
)
sys.argv = ["wixsandbox", *sys.argv[2:]]
runpy.run_module("wixsandbox", run_name="__main__")
"""


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


class SandboxProcess:
    """`python -m wixsandbox serve` in a child process; `start()` returns once it accepts connections."""

    def __init__(
        self,
        db: str | Path,
        *,
        api_key: str | None = None,
        account_id: str | None = None,
        app_id: str | None = None,
        app_secret: str | None = None,
        fault_rate: float = 0.0,
        fault_seed: int = 0,
        host: str = "127.0.0.1",
        port: int | None = None,
        env: dict[str, str] | None = None,
        serve_args: Sequence[str] = (),
        max_open_files: int | None = None,
    ) -> None:
        self.db = str(db)
        self.host = host
        self.port = port or free_port(host)
        self.url = f"http://{host}:{self.port}"
        self._args = ["--port", str(self.port), "--host", host]
        if account_id and (api_key or app_id):
            self._args += ["--account-id", account_id]
        if app_id:
            self._args += ["--app-id", app_id]
        if fault_rate:
            self._args += ["--fault-rate", str(fault_rate), "--fault-seed", str(fault_seed)]
        self._args += list(serve_args)  # e.g. ["--head-timeout", "1"]
        self._max_open_files = max_open_files
        self._env = dict(env if env is not None else os.environ)
        if api_key and account_id:
            self._env["WIXSANDBOX_API_KEY"] = api_key  # not on the command line either
        if app_secret:
            self._env["WIXSANDBOX_APP_SECRET"] = (
                app_secret  # not on the command line, where ps shows it
            )
        self._process: subprocess.Popen[bytes] | None = None
        # a file, not a pipe: a long-lived server that logs must never block on a full pipe
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 (lives as long as this object)

    def __repr__(self) -> str:
        return f"SandboxProcess(url={self.url!r}, db={self.db!r}, running={self.running})"

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else None

    def start(self, timeout: float = 30.0) -> SandboxProcess:
        command = ["--db", self.db, "serve", *self._args]
        if self._max_open_files:
            # the limit set by the child itself: no preexec_fn (unsafe in a threaded parent)
            command = ["-c", _LIMITED, str(self._max_open_files), *command]
        else:
            command = ["-m", "wixsandbox", *command]
        self._process = subprocess.Popen(
            [sys.executable, *command],
            env=self._env,
            stdout=subprocess.DEVNULL,
            stderr=self._log,
            start_new_session=True,  # its own process group: `kill` ends its children too
        )
        deadline = time.monotonic() + timeout
        # a TCP connect, not a request: a request would draw from the fault plan
        while True:
            if self._process.poll() is not None:
                raise RuntimeError(
                    f"the sandbox exited with status {self._process.returncode}: {self.log().strip()}"
                )
            try:
                socket.create_connection((self.host, self.port), timeout=0.2).close()
                return self
            except OSError:
                if time.monotonic() > deadline:
                    self.kill()
                    raise TimeoutError(
                        f"the sandbox did not listen on {self.url} within {timeout:.0f} s"
                    ) from None
                time.sleep(0.05)

    def log(self) -> str:
        """What the server wrote to its standard error so far."""
        self._log.seek(0)
        return self._log.read().decode(errors="replace")

    def stop(self) -> None:
        """Terminate politely (SIGTERM), then kill if it lingers."""
        if self._process is None:
            return
        if self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()

    def kill(self) -> None:
        """SIGKILL to the server and its children (its webhook dispatcher): no clean-up, as a
        crash or `kill -9` would leave the database."""
        if self._process is not None and self._process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self._process.pid, signal.SIGKILL)
            self._process.wait()

    def __enter__(self) -> SandboxProcess:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
