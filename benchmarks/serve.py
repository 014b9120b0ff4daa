"""`sandbox serve` (uvicorn) under `wrk`: Query Sites throughput against a floor app.

    python -m benchmarks.serve [--quick]

The load: `wrk` (Debian's package: `apt-get install wrk`), one thread, 16 connections, each
sending Query Sites (published sites, newest first, 50 a page) of an account of 10,000 sites in a
file database. The floor (`benchmarks.floor_app:app`) is the same uvicorn, the same database and
the sandbox's own SQLite statement for that page, answering a body of the same size; the sandbox's
rate over the floor's is the figure (goal: at least 0.6). The load generator's headroom is its rate
against a bare responder (`python -m benchmarks.floor_app`, a fixed answer without uvicorn) over
the sandbox's rate (goal: at least 5): below that, the figure would measure `wrk`, not the sandbox.
A bare app under uvicorn (`benchmarks.floor_app:bare`) shows uvicorn's own ceiling.

In process: checking the body of a 500-site Move Sites with the compiled validator against the
pure-Python one.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import timeit
import uuid
from collections.abc import Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from benchmarks import report
from benchmarks.report import ROOT, Row
from wixsandbox import Sandbox
from wixsandbox.process import SandboxProcess, free_port
from wixsandbox.spec import operations
from wixsandbox.validation import SchemaCheck

CONNECTIONS = 16
API_KEY = "bench-key"
PATH = "/site-list/v2/sites/query"
QUERY = {
    "query": {
        "filter": {"published": True},
        "sort": [{"fieldName": "createdDate", "order": "DESC"}],
        "cursorPaging": {"limit": 50},
    }
}


@dataclass(frozen=True)
class Load:
    rate: float  # requests per second
    p50_ms: float
    p99_ms: float


def _lua(headers: dict[str, str]) -> str:
    lines = ['wrk.method = "POST"', f"wrk.body = [==[{json.dumps(QUERY)}]==]"]
    for name, value in {"Content-Type": "application/json", **headers}.items():
        lines.append(f'wrk.headers["{name}"] = [==[{value}]==]')
    return "\n".join(lines) + "\n"


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()  # type: ignore[union-attr]
    return float(number) * _UNITS[unit]


def _wrk(url: str, headers: dict[str, str], seconds: float) -> Load:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(_lua(headers))
    try:
        command = ["wrk", "-t1", f"-c{CONNECTIONS}", f"-d{max(1, round(seconds))}s", "--latency"]
        out = subprocess.run(
            [*command, "-s", script.name, url + PATH],
            capture_output=True,
            text=True,
            timeout=seconds + 60,
            check=True,
        ).stdout
    finally:
        os.unlink(script.name)
    if "Non-2xx" in out or "Socket errors" in out:
        raise RuntimeError(f"{url} did not answer every request with 200:\n{out}")
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p50 = re.search(r"^\s*50%\s+(\S+)", out, re.MULTILINE).group(1)  # type: ignore[union-attr]
    p99 = re.search(r"^\s*99%\s+(\S+)", out, re.MULTILINE).group(1)  # type: ignore[union-attr]
    return Load(rate, _ms(p50), _ms(p99))


def _uvicorn(target: str, env: dict[str, str]) -> AbstractContextManager[str]:
    """`python -m uvicorn target` as `sandbox serve` runs (asyncio, default HTTP, warnings only)."""
    return _server(["uvicorn", target, "--log-level", "warning", "--port"], env)


@contextmanager
def _server(module_args: list[str], env: dict[str, str]) -> Iterator[str]:
    """`python -m <module_args> PORT` on a free port, until the block ends."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", *module_args, str(port)],
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError(f"python -m {' '.join(module_args)} did not start") from None
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def _sandbox_page(db: str, account: str) -> tuple[str, int]:
    """The SQLite statement the sandbox runs for QUERY (values bound in), and its answer's size."""
    statements: list[str] = []
    with Sandbox(db) as sandbox:
        sandbox.add_api_key(API_KEY, account)
        headers = {"Authorization": API_KEY, "wix-account-id": account}
        with httpx.Client(transport=sandbox.transport(), base_url="http://sandbox") as http:
            sandbox.store.trace(statements.append)  # every connection a request may use
            response = http.post(PATH, json=QUERY, headers=headers)
            sandbox.store.trace(None)
    response.raise_for_status()
    page = [s for s in statements if s.startswith("SELECT s.id")]
    if len(page) != 1:
        raise RuntimeError(f"expected one page statement, saw {statements}")
    return page[0], len(response.content)


def _size(url: str, headers: dict[str, str]) -> int:
    response = httpx.post(url + PATH, json=QUERY, headers=headers, timeout=30)
    response.raise_for_status()
    return len(response.content)


def _validation(repeats: int) -> tuple[float, float]:
    """Seconds to check a valid 500-site Move Sites body: compiled, and pure-Python."""
    schema = operations()["moveSitesToFolder"].body_schema
    assert schema is not None
    body = {
        "sites": {"id": {"$in": [str(uuid.UUID(int=i, version=4)) for i in range(500)]}},
        "targetFolderId": str(uuid.uuid4()),
    }
    check = SchemaCheck()
    assert check.violations(schema, body) == []
    validator = check.validator(schema)
    assert validator.is_valid(body)
    compiled = min(timeit.repeat(lambda: check.violations(schema, body), number=20, repeat=repeats))
    pure = min(timeit.repeat(lambda: list(validator.iter_errors(body)), number=2, repeat=repeats))
    return compiled / 20, pure / 2


def run(quick: bool = False) -> list[Row]:
    compiled, pure = _validation(3 if quick else 5)
    rows = [
        Row(
            "sandbox: validating a 500-site Move Sites body",
            compiled * 1000,
            "ms",
            pure * 1000,
            "pure-Python jsonschema",
            "lower is better",
        )
    ]
    if shutil.which("wrk") is None:
        reason = "wrk is not installed (apt-get install wrk)"
        print(f"  serve: not measured: {reason}", file=sys.stderr)
        return [*rows, Row(f"sandbox serve: not measured: {reason}", 0.0, "", None)]
    rounds, seconds = (2, 2.0) if quick else (3, 4.0)
    account = str(uuid.uuid4())
    headers = {"Authorization": API_KEY, "wix-account-id": account}
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as tmp, ExitStack() as servers:
        db = str(Path(tmp) / "serve.db")
        with Sandbox(db) as sandbox:
            sandbox.seed(account, sites=10_000, folders=20, seed=1)
        statement, size = _sandbox_page(db, account)
        sandbox_url = servers.enter_context(
            SandboxProcess(db, api_key=API_KEY, account_id=account)
        ).url
        served = _size(sandbox_url, headers)
        floor_env = {"FLOOR_DB": db, "FLOOR_SQL": statement, "FLOOR_SIZE": str(served)}
        floor_url = servers.enter_context(_uvicorn("benchmarks.floor_app:app", floor_env))
        if _size(floor_url, {}) != served:
            raise RuntimeError(f"the floor answered {_size(floor_url, {})} bytes, not {served}")
        bare_url = servers.enter_context(_uvicorn("benchmarks.floor_app:bare", {}))
        raw_url = servers.enter_context(_server(["benchmarks.floor_app"], {}))
        targets = {
            "sandbox": (sandbox_url, headers),
            "floor": (floor_url, {}),
            "bare": (bare_url, {}),
            "raw": (raw_url, {}),
        }
        loads: dict[str, list[Load]] = {name: [] for name in targets}
        for url, sent in targets.values():
            _wrk(url, sent, 1)  # warm up: connections, caches
        # Rounds in turn, the best of each kept: other processes on the machine only slow a round.
        for _ in range(rounds):
            for name, (url, sent) in targets.items():
                loads[name].append(_wrk(url, sent, seconds))
    sandbox_load, floor, bare, raw = (
        max(runs, key=lambda load: load.rate) for runs in loads.values()
    )
    return [
        *rows,
        Row(
            "sandbox serve: requests/s vs floor",
            sandbox_load.rate,
            "req/s",
            floor.rate,
            f"floor app: same uvicorn, statement and {served:,}-byte body"
            f" ({CONNECTIONS} connections, Query Sites, 50 a page)",
            **report.rate_goal(0.6, "the floor's rate"),
        ),
        Row(
            "sandbox serve: load generator headroom",
            raw.rate,
            "req/s",
            sandbox_load.rate,
            "wrk against a bare responder / against the sandbox",
            **report.rate_goal(5.0, "the sandbox's rate"),
        ),
        Row(
            "sandbox serve: bare uvicorn app",
            bare.rate,
            "req/s",
            sandbox_load.rate,
            "the sandbox (uvicorn's own ceiling)",
        ),
        Row("sandbox serve: p50 latency", sandbox_load.p50_ms, "ms", floor.p50_ms, "floor app"),
        Row("sandbox serve: p99 latency", sandbox_load.p99_ms, "ms", floor.p99_ms, "floor app"),
        Row("sandbox serve: answer size", float(served), "bytes", float(size), "in process"),
    ]


if __name__ == "__main__":
    raise SystemExit(report.main(run, __doc__))
