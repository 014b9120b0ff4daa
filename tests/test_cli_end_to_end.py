"""The command line as a user runs it: ``python -m wixsites`` subprocesses against a
``wixsites sandbox serve`` subprocess on 127.0.0.1, through --base-url, --account-id and the API
key in WIX_API_KEY (never an argument)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from wixsandbox import Fault, FaultPlan
from wixsandbox.process import free_port
from wixsites.cli.exitcodes import AUTH, PARTIAL

ROOT = Path(__file__).resolve().parents[1]
API_KEY = "e2e-test-api-key-0123456789"
ACCOUNT = "0a0a0a0a-1111-4222-8333-444444444444"
MISSING = "00000000-0000-4000-8000-00000000beef"
pytestmark = pytest.mark.slow


def environment(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WIX_", "WIXSITES_"))}
    paths = [str(ROOT / "generated"), str(ROOT), env.get("PYTHONPATH", "")]
    env["PYTHONPATH"] = os.pathsep.join(p for p in paths if p)
    env["WIXSITES_SANDBOX_DB"] = str(
        tmp / "never-used.db"
    )  # the user's own sandbox stays untouched
    env["NO_COLOR"] = "1"
    return env


@dataclass
class Server:
    url: str
    process: subprocess.Popen[str]
    env: dict[str, str]
    tmp: Path

    def cli(
        self,
        *args: str,
        code: int = 0,
        creds: bool = True,
        key: str | None = None,
        stdin: str | None = None,
    ) -> subprocess.CompletedProcess[str]:
        """Run wixsites; `creds`: at this server with its key; `key`: WIX_API_KEY alone."""
        prefix = ["--base-url", self.url, "--account-id", ACCOUNT] if creds else []
        key = key or (API_KEY if creds else None)
        result = subprocess.run(
            [sys.executable, "-m", "wixsites", *prefix, *args],
            capture_output=True,
            text=True,
            env={**self.env, "WIX_API_KEY": key} if key else self.env,
            input=stdin,
            timeout=120,
            check=False,
        )
        assert "Traceback" not in result.stdout + result.stderr, result.stderr
        assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
        return result

    def data(self, *args: str, code: int = 0) -> Any:
        return json.loads(self.cli(*args, "--json", code=code).stdout)


def start(tmp: Path, *extra: str) -> Server:
    env = environment(tmp)
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "wixsites",
            "sandbox",
            "serve",
            "--port",
            str(port),
            "--account-id",
            ACCOUNT,
            "--json",
            *extra,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**env, "WIXSITES_SANDBOX_API_KEY": API_KEY},  # not in `ps`
    )
    deadline = time.monotonic() + 30
    while True:  # a TCP connect, not a request: a request would draw from the fault plan
        if process.poll() is not None:
            raise AssertionError(
                f"sandbox serve exited: {process.stderr.read() if process.stderr else ''}"
            )
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            if time.monotonic() > deadline:
                process.kill()
                raise
            time.sleep(0.05)
    return Server(f"http://127.0.0.1:{port}", process, env, tmp)


def stop(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    tmp = tmp_path_factory.mktemp("e2e")
    db = tmp / "served.db"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "wixsites",
            "sandbox",
            "seed",
            "--db",
            str(db),
            "--account-id",
            ACCOUNT,
            "--sites",
            "1300",
            "--seed",
            "11",
        ],
        check=True,
        capture_output=True,
        env=environment(tmp),
        timeout=120,
    )
    running = start(tmp, "--db", str(db))
    yield running
    stop(running)


def one_line_error(result: subprocess.CompletedProcess[str], *fragments: str) -> str:
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    for fragment in fragments:
        assert fragment in errors[0], errors[0]
    return errors[0]


def test_serve_prints_the_address_and_credentials(server: Server) -> None:
    assert server.process.stdout is not None
    details = json.loads(server.process.stdout.readline())
    assert details["baseUrl"] == server.url
    assert details["apiKey"] == API_KEY
    assert details["accountId"] == ACCOUNT


def test_agency_workflow_over_http(server: Server) -> None:
    first = server.data("workflow", "init")
    assert first["created"] == ["Design", "QA", "Suspended", "Live"]
    assert server.data("workflow", "init")["created"] == []
    assert "embedded sandbox" not in server.cli("workflow", "status").stderr

    ids = [site["id"] for site in server.data("sites", "list", "--limit", "1200")]
    assert len(ids) == 1200
    sheet = server.tmp / "new-sites.csv"
    sheet.write_text("Site Id,client\n" + "".join(f"{i},client {n}\n" for n, i in enumerate(ids)))

    dry = server.data("sites", "move", "--to", "Design", "--from-file", str(sheet), "--dry-run")
    assert len(dry["wouldMove"]) == 1200
    assert server.data("sites", "count", "--folder", "Design")["count"] == 0

    moved = server.cli(
        "--verbose", "sites", "move", "--to", "Design", "--from-file", str(sheet), "--json"
    )
    report = json.loads(moved.stdout)
    assert report["ok"]
    assert len(report["moved"]) == 1200
    assert report["requests"] == 3
    assert moved.stderr.count("POST /site-folders/v2/folders/bulk/sites/move -> 200") == 3
    assert API_KEY not in moved.stderr

    server.cli("workflow", "advance", "--to", "QA", *ids[:10])
    unpaid = server.tmp / "unpaid.txt"
    unpaid.write_text(f"# unpaid this month\n{ids[0]}\n{ids[500]}\n{MISSING}\n")
    suspended = server.cli("workflow", "suspend", "--unpaid", str(unpaid), "--json", code=PARTIAL)
    report = json.loads(suspended.stdout)
    assert report["moved"] == [ids[0], ids[500]]
    assert list(report["failed"]) == [MISSING]
    one_line_error(suspended, "1 of 3 sites not moved")

    server.cli("workflow", "rename-stage", "QA", "Review")
    status = {row["stage"]: row["sites"] for row in server.data("workflow", "status")}
    assert status["Design"] == 1200 - 10 - 1
    assert status["Review"] == 9
    assert status["Suspended"] == 2
    assert "Review" in server.cli("folders", "tree").stdout


@pytest.mark.parametrize(
    ("args", "code", "fragment"),
    [
        (("sites", "move", "--to", "Clients/Nobody", MISSING), 2, "unknown folder path"),
        (("sites", "move", "--to", "/", "not-a-site"), 2, "not a site id"),
    ],
)
def test_bad_input_over_http(
    server: Server, args: tuple[str, ...], code: int, fragment: str
) -> None:
    one_line_error(server.cli(*args, code=code), fragment)


def test_malformed_csv_over_http(server: Server) -> None:
    sheet = server.tmp / "broken.csv"
    sheet.write_text('site_id,name\n"0c87cd5d-4059-4e86-8f6e-d185b1e4a1bd,unterminated\n')
    one_line_error(
        server.cli("sites", "move", "--to", "/", "--from-file", str(sheet), code=2),
        "broken.csv",
        "malformed CSV",
    )


def test_credentials_errors(server: Server) -> None:
    one_line_error(
        server.cli("--base-url", server.url, "sites", "count", creds=False, key=API_KEY, code=2),
        "account id",
        "WIX_ACCOUNT_ID",
    )
    wrong = server.cli(
        "--base-url",
        server.url,
        "--account-id",
        ACCOUNT,
        "sites",
        "count",
        creds=False,
        key="wrong-key-000000",
        code=AUTH,
    )
    line = one_line_error(wrong, "401")
    assert "wrong-key-000000" not in wrong.stderr, line


def test_unreachable_server(server: Server) -> None:
    closed = f"http://127.0.0.1:{free_port()}"
    result = server.cli(
        "--base-url",
        closed,
        "--account-id",
        ACCOUNT,
        "--max-retries",
        "0",
        "sites",
        "count",
        creds=False,
        key=API_KEY,
        code=1,
    )
    one_line_error(result)


def _fault_seed(*faults: Fault) -> int:
    """A seed whose first draws at fault rate 1.0 are `faults`, in order."""
    for seed in range(10_000):
        plan = FaultPlan(1.0, seed)
        if [plan.draw() for _ in faults] == list(faults):
            return seed
    raise AssertionError("no such seed")


def test_rate_limit_and_server_error_are_one_line(tmp_path: Path) -> None:
    seed = _fault_seed(Fault.RATE_LIMITED, Fault.UNAVAILABLE)
    faulty = start(
        tmp_path,
        "--db",
        str(tmp_path / "faulty.db"),
        "--fault-rate",
        "1.0",
        "--fault-seed",
        str(seed),
    )
    try:
        limited = faulty.cli("--max-retries", "0", "sites", "count", code=1)
        one_line_error(limited, "429", "200 requests per minute")
        unavailable = faulty.cli("--max-retries", "0", "sites", "count", code=1)
        one_line_error(unavailable, "503")
    finally:
        stop(faulty)


def test_serve_on_a_busy_port_is_one_line(tmp_path: Path) -> None:
    env = environment(tmp_path)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "wixsites",
                "sandbox",
                "serve",
                "--port",
                str(port),
                "--db",
                str(tmp_path / "x.db"),
            ],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            check=False,
        )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "cannot listen" in result.stderr
