"""Webhooks of a served sandbox: change-to-delivery latency, and the API's rate with an endpoint.

    python -m benchmarks.webhooks [--quick]

Latency: a served sandbox (`python -m wixsandbox serve`, a file database) with one endpoint, a
threaded receiver in this process answering 200; Update Folder requests one after the other, each
renaming the same folder (one Folder Updated event each); for each, the time from the API's answer
(the change committed) to the receiver having read the token. Baseline: the same sandbox's idle
request latency (a Count Sites round trip). Reported: p50 and p99 of each.

Rate: `wrk` (one thread, 16 connections) sending the same Update Folder (a new name each time, so
every request is a change with an event) for 6 s, against a served sandbox without an endpoint,
then with one (a handler answering 200 at once: `python -m benchmarks.floor_app`'s responder, in a
process of its own); alternated five times after a short pair of warm-ups, each condition on a
fresh database, the median of each kept. Goal: with an endpoint, at least 0.8 of the rate without.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx

from benchmarks import report
from benchmarks.report import Row
from benchmarks.serve import _server
from wixsandbox import Sandbox
from wixsandbox.process import SandboxProcess

API_KEY = "bench-webhooks-key"
CONNECTIONS = 16


class _Receiver:
    """Answers 200 to every POST; notes when each body was read."""

    def __init__(self) -> None:
        self.arrivals: list[float] = []
        self.changed = threading.Condition()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                now = time.perf_counter()
                with receiver.changed:
                    receiver.arrivals.append(now)
                    receiver.changed.notify_all()
                self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")

            def log_message(self, format: str, *args: object) -> None:
                pass

        class Server(ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request: object, client_address: object) -> None:
                pass  # a dispatcher that stops drops its idle connections: nothing to report

        self.server = Server(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/webhooks"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def wait(self, count: int, timeout: float = 10.0) -> float:
        """When the `count`-th body arrived."""
        with self.changed:
            if not self.changed.wait_for(lambda: len(self.arrivals) >= count, timeout):
                raise RuntimeError(f"only {len(self.arrivals)} of {count} webhooks arrived")
            return self.arrivals[count - 1]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _database(path: str, account: str, endpoint: str | None) -> str:
    """A sandbox file with an API key, one folder of the account, and maybe an endpoint; the
    folder's id."""
    with Sandbox(path) as sandbox:
        sandbox.add_api_key(API_KEY, account)
        sandbox.seed(account, sites=10, folders=0, seed=1)
        with httpx.Client(transport=sandbox.transport(), base_url="http://sandbox") as http:
            made = http.post(
                "/site-folders/v2/folders",
                json={"folder": {"name": "renamed"}},
                headers={"Authorization": API_KEY, "wix-account-id": account},
            )
            made.raise_for_status()
        if endpoint:
            sandbox.webhooks.add(endpoint, account)
        return str(made.json()["folder"]["id"])


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _latency(tmp: str, receiver: _Receiver, requests: int) -> tuple[list[float], list[float]]:
    """(change-to-delivery ms, idle Count Sites ms), `requests` of each."""
    account = str(uuid.uuid4())
    folder = _database(str(Path(tmp) / "latency.db"), account, receiver.url)
    headers = {"Authorization": API_KEY, "wix-account-id": account}
    delivery: list[float] = []
    idle: list[float] = []
    with (
        SandboxProcess(Path(tmp) / "latency.db", api_key=API_KEY, account_id=account) as server,
        httpx.Client(base_url=server.url, headers=headers, timeout=30) as http,
    ):
        for _ in range(20):  # warm up: connections, the dispatcher's client, the signer
            http.post("/site-list/v2/sites/count", json={}).raise_for_status()
        base = len(receiver.arrivals)
        for n in range(requests + 10):
            started = time.perf_counter()
            http.post("/site-list/v2/sites/count", json={}).raise_for_status()
            idle.append((time.perf_counter() - started) * 1000)
            answer = http.patch(
                f"/site-folders/v2/folders/{folder}", json={"folder": {"name": f"name {n}"}}
            )
            answer.raise_for_status()
            answered = time.perf_counter()
            arrived = receiver.wait(base + n + 1)
            delivery.append((arrived - answered) * 1000)
    return delivery[10:], idle[10:]


def _lua(account: str, folder: str) -> str:
    return "\n".join(
        [
            'wrk.method = "PATCH"',
            'wrk.headers["Content-Type"] = "application/json"',
            f'wrk.headers["Authorization"] = "{API_KEY}"',
            f'wrk.headers["wix-account-id"] = "{account}"',
            f'wrk.path = "/site-folders/v2/folders/{folder}"',
            "counter = 0",
            "request = function()",
            "  counter = counter + 1",
            '  wrk.body = \'{"folder":{"name":"n\' .. counter .. \'"}}\'',
            "  return wrk.format()",
            "end",
            "",
        ]
    )


def _rate(tmp: str, endpoint: str | None, seconds: float) -> float:
    account = str(uuid.uuid4())
    db = Path(tmp) / f"rate-{uuid.uuid4().hex[:8]}.db"
    folder = _database(str(db), account, endpoint)
    script = Path(tmp) / "rename.lua"
    script.write_text(_lua(account, folder))
    with SandboxProcess(db, api_key=API_KEY, account_id=account) as server:
        out = subprocess.run(
            ["wrk", "-t1", f"-c{CONNECTIONS}", f"-d{max(1, round(seconds))}s", "-s", str(script),
             server.url],
            capture_output=True, text=True, timeout=seconds + 60, check=True,
        ).stdout  # fmt: skip
    if "Non-2xx" in out or "Socket errors" in out:
        raise RuntimeError(f"the sandbox did not answer every rename with 200:\n{out}")
    found = re.search(r"Requests/sec:\s+([\d.]+)", out)
    assert found is not None, out
    os.unlink(db)
    return float(found.group(1))


def run(quick: bool = False) -> list[Row]:
    requests, rounds, seconds = (100, 2, 3.0) if quick else (500, 5, 6.0)
    receiver = _Receiver()
    rows: list[Row] = []
    try:
        with tempfile.TemporaryDirectory(prefix="bench-webhooks-") as tmp:
            delivered, idle = _latency(tmp, receiver, requests)
            p50, p99 = _percentile(delivered, 0.5), _percentile(delivered, 0.99)
            idle50, idle99 = _percentile(idle, 0.5), _percentile(idle, 0.99)
            rows.append(
                Row(
                    "webhooks: change-to-delivery latency, p50 and p99, served sandbox",
                    p50,
                    "ms",
                    idle50,
                    f"p50; p99 {p99:.2f} ms vs {idle99:.2f} ms ({p99 / idle99:.2f}x); baseline: "
                    f"the served sandbox's idle request latency (Count Sites), {requests} of each",
                )
            )
            if shutil.which("wrk") is None:
                reason = "wrk is not installed (apt-get install wrk)"
                print(f"  webhooks: rate not measured: {reason}", file=sys.stderr)
                return [*rows, Row(f"webhooks: rate not measured: {reason}", 0.0, "", None)]
            with_endpoint: list[float] = []
            without: list[float] = []
            # the handler: a responder answering 200 at once, in a process of its own (so the
            # row weighs the sandbox's work, not a Python handler's)
            with _server(["benchmarks.floor_app"], {}) as handler:
                _rate(tmp, None, 2.0)  # warm-ups, not kept: the first round ran low every time
                _rate(tmp, handler + "/webhooks", 2.0)
                for _ in range(rounds):
                    without.append(_rate(tmp, None, seconds))
                    with_endpoint.append(_rate(tmp, handler + "/webhooks", seconds))
    finally:
        receiver.close()
    spread = ", ".join(
        f"{a:,.0f}/{b:,.0f} ({a / b:.2f}x)" for a, b in zip(with_endpoint, without, strict=True)
    )
    rows.append(
        Row(
            "webhooks: requests/s with one endpoint registered vs none",
            statistics.median(with_endpoint),
            "req/s",
            statistics.median(without),
            f"no endpoint (wrk, {CONNECTIONS} connections, Update Folder; rounds with/without: "
            f"{spread})",
            **report.rate_goal(0.8, "the rate without an endpoint"),
        )
    )
    return rows


if __name__ == "__main__":
    raise SystemExit(report.main(run, __doc__))
