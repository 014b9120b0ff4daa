"""`sandbox serve` (uvicorn) under 16 concurrent clients: requests per second, p50 and p99 latency.

The baseline is a bare ASGI app (`benchmarks.floor_app`) under the same uvicorn, loaded the same way
in the same run, so the ratio says what the sandbox's own work costs.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx

from benchmarks import report
from benchmarks.report import Row
from wixsandbox import Sandbox
from wixsandbox.process import SandboxProcess, free_port

CLIENTS = 16
API_KEY = "bench-key"
QUERY = {
    "query": {
        "filter": {"published": True},
        "sort": [{"fieldName": "createdDate", "order": "DESC"}],
        "cursorPaging": {"limit": 50},
    }
}


async def _load(url: str, headers: dict[str, str], seconds: float) -> list[float]:
    latencies: list[float] = []
    stop = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=CLIENTS, max_keepalive_connections=CLIENTS)
    async with httpx.AsyncClient(limits=limits, timeout=30) as client:

        async def worker() -> None:
            while time.perf_counter() < stop:
                start = time.perf_counter()
                response = await client.post(url, json=QUERY, headers=headers)
                if response.status_code != 200:
                    raise RuntimeError(
                        f"{url} answered {response.status_code}: {response.text[:200]}"
                    )
                latencies.append(time.perf_counter() - start)

        await asyncio.gather(*(worker() for _ in range(CLIENTS)))
    return latencies


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _measure(url: str, headers: dict[str, str], seconds: float) -> tuple[float, float, float]:
    asyncio.run(_load(url, headers, min(1.0, seconds / 4)))  # warm up connections and caches
    started = time.perf_counter()
    latencies = asyncio.run(_load(url, headers, seconds))
    elapsed = time.perf_counter() - started
    return len(latencies) / elapsed, _percentile(latencies, 0.5), _percentile(latencies, 0.99)


def _floor(seconds: float) -> tuple[float, float, float]:
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "benchmarks.floor_app:app",
            "--port",
            str(port),
            "--log-level",
            "warning",
        ],
        cwd=Path(__file__).resolve().parent.parent,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                httpx.get(f"http://127.0.0.1:{port}/", timeout=0.5)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("the floor app did not start") from None
                time.sleep(0.05)
        return _measure(f"http://127.0.0.1:{port}/site-list/v2/sites/query", {}, seconds)
    finally:
        process.terminate()
        process.wait(timeout=10)


def run(quick: bool = False) -> list[Row]:
    seconds = 2.0 if quick else 8.0
    account = str(uuid.uuid4())
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as tmp:
        db = os.path.join(tmp, "serve.db")
        with Sandbox(db) as sandbox:
            sandbox.seed(account, sites=10_000, folders=20, seed=1)
        headers = {"Authorization": API_KEY, "wix-account-id": account}
        with SandboxProcess(db, api_key=API_KEY, account_id=account) as server:
            rps, p50, p99 = _measure(server.url + "/site-list/v2/sites/query", headers, seconds)
    floor_rps, floor_p50, floor_p99 = _floor(seconds)
    return [
        Row(
            "sandbox serve: requests/s (16 clients, Query Sites, 50 per page)",
            rps,
            "req/s",
            floor_rps,
            "bare uvicorn app",
            "higher is better",
        ),
        Row(
            "sandbox serve: p50 latency", p50 * 1000, "ms", floor_p50 * 1000, "bare uvicorn app", ""
        ),
        Row(
            "sandbox serve: p99 latency", p99 * 1000, "ms", floor_p99 * 1000, "bare uvicorn app", ""
        ),
    ]


if __name__ == "__main__":
    raise SystemExit(report.main(run, __doc__))
