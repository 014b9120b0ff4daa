"""No request stalls another: a small request's latency while the largest body is being rejected.

`sandbox serve` (uvicorn, one process) answers Count Sites one request at a time from one client,
first idle, then while another process keeps sending the largest body the server accepts
(`wixsandbox.wire.MAX_BODY` bytes: a Query Sites whose `sort` holds as many items as the server
parses, padded with blanks, which it must read, parse and refuse). The row is the median latency under that load, with the idle
median as its baseline: the goal is a ratio of at most 2.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid

import httpx

from benchmarks import report
from benchmarks.report import Row
from wixsandbox import Sandbox
from wixsandbox.prelimits import MAX_COMMAS
from wixsandbox.process import SandboxProcess
from wixsandbox.wire import MAX_BODY

API_KEY = "bench-stall-key"

# The attacker: a separate process (its own GIL), sending the big body over and over.
_ATTACKER = r"""
import socket, sys
host, port, key, account = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
size, values = int(sys.argv[5]), int(sys.argv[6]) + 1
body = b'{"query":{"sort":[' + b",".join([b"0"] * values) + b"]}}"
body += b" " * (size - len(body))
request = (
    f"POST /site-list/v2/sites/query HTTP/1.1\r\nHost: {host}\r\nAuthorization: {key}\r\n"
    f"wix-account-id: {account}\r\ncontent-type: application/json\r\n"
    f"content-length: {len(body)}\r\n\r\n"
).encode() + body
print("ready", flush=True)
while True:
    with socket.create_connection((host, port)) as conn:
        conn.sendall(request)
        answer = b""
        while b"\r\n\r\n" not in answer:
            chunk = conn.recv(65536)
            if not chunk:
                break
            answer += chunk
        if not answer.startswith(b"HTTP/1.1 400"):
            sys.exit("the big body was not refused: " + answer[:200].decode("latin-1"))
"""


def latencies(url: str, headers: dict[str, str], count: int) -> list[float]:
    found = []
    with httpx.Client(timeout=60) as http:
        for _ in range(count):
            started = time.perf_counter()
            response = http.post(url + "/site-list/v2/sites/count", json={}, headers=headers)
            found.append(time.perf_counter() - started)
            if response.status_code != 200:
                raise RuntimeError(f"Count Sites answered {response.status_code}")
            time.sleep(0.005)
    return found


def _loaded(
    server: SandboxProcess, headers: dict[str, str], account: str, count: int
) -> list[float]:
    arguments = [server.host, str(server.port), API_KEY, account, str(MAX_BODY), str(MAX_COMMAS)]
    attacker = subprocess.Popen(
        [sys.executable, "-c", _ATTACKER, *arguments], stdout=subprocess.PIPE
    )
    try:
        assert attacker.stdout is not None
        attacker.stdout.readline()  # "ready": the body is built
        time.sleep(0.2)  # the first big body is on its way
        found = latencies(server.url, headers, count)
        if attacker.poll() is not None:
            raise RuntimeError("the attacker stopped: the big body was not refused")
        return found
    finally:
        attacker.kill()
        attacker.wait()


def measure(count: int, rounds: int) -> tuple[float, float]:
    """(median latency under the big-body load, idle median latency), in seconds. Idle and loaded
    blocks alternate, so a machine whose load drifts biases neither."""
    account = str(uuid.uuid4())
    idle: list[float] = []
    loaded: list[float] = []
    with tempfile.TemporaryDirectory(prefix="bench-stall-") as tmp:
        db = os.path.join(tmp, "stall.db")
        with Sandbox(db) as sandbox:
            sandbox.seed(account, sites=1000, folders=10, seed=1)
        headers = {"Authorization": API_KEY, "wix-account-id": account}
        with SandboxProcess(db, api_key=API_KEY, account_id=account) as server:
            latencies(server.url, headers, 20)  # warm up
            for _ in range(rounds):
                idle += latencies(server.url, headers, count // rounds)
                loaded += _loaded(server, headers, account, count // rounds)
    return statistics.median(loaded), statistics.median(idle)


def run(quick: bool = False) -> list[Row]:
    loaded, idle = measure(80 if quick else 300, 2 if quick else 5)
    return [
        Row(
            "sandbox serve: small request latency while the largest body is rejected, vs idle",
            loaded * 1000,
            "ms",
            idle * 1000,
            "idle server",
            **report.timed_goal(2.0, "the idle latency"),
        )
    ]


if __name__ == "__main__":
    raise SystemExit(report.main(run, __doc__))
