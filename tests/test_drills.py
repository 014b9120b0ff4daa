"""Fault drills: nothing is lost under faults, crashes and concurrency.

Each drill runs the real programs: `python -m wixsandbox serve` (uvicorn on 127.0.0.1) and the
`wixsites` command line or SDK as its clients. The oracle is the server's own SQLite file, read
directly: every site is in exactly one folder (or root), folder site counts are exact, no two sibling
folders share a name, and `PRAGMA integrity_check` is ok.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from wixsandbox import Sandbox
from wixsandbox.process import SandboxProcess
from wixsites import WixSites

pytestmark = pytest.mark.slow

API_KEY = "drill-key"
ROOT = Path(__file__).resolve().parent.parent


def seeded(tmp_path: Path, sites: int, folders: int = 5) -> tuple[Path, str]:
    db = tmp_path / "drill.db"
    account = str(
        uuid.uuid5(uuid.NAMESPACE_URL, f"wixsites-drill-{sites}-{folders}")
    )  # the same data every run
    with Sandbox(db) as sandbox:
        sandbox.seed(account, sites=sites, folders=folders, seed=7)
        sandbox.add_api_key(API_KEY, account)
    return db, account


def placement(db: Path, account: str) -> dict[str, str]:
    """site id -> folder id ('' at root), straight from the server's database."""
    with sqlite3.connect(db) as conn:
        return dict(
            conn.execute(
                "SELECT id, folder_id FROM sites WHERE account_id = ?", (account,)
            ).fetchall()
        )


def folders_by_name(db: Path, account: str) -> dict[str, str]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT name, id FROM folders WHERE account_id = ? AND parent_id = ''", (account,)
        )
        return dict(rows.fetchall())


def assert_invariants(db: Path, account: str, url: str | None = None) -> None:
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        sites = conn.execute(
            "SELECT id, folder_id FROM sites WHERE account_id = ?", (account,)
        ).fetchall()
        folders = conn.execute(
            "SELECT id, parent_id, name FROM folders WHERE account_id = ?", (account,)
        ).fetchall()
    ids = [site_id for site_id, _ in sites]
    assert len(ids) == len(set(ids)), "a site is listed twice"
    folder_ids = {f[0] for f in folders}
    assert {folder for _, folder in sites} <= folder_ids | {""}, (
        "a site is in a folder that does not exist"
    )
    siblings = Counter((parent, name) for _, parent, name in folders)
    assert all(n == 1 for n in siblings.values()), (
        f"duplicate sibling names: {siblings.most_common(3)}"
    )
    if url is not None:  # the counts the API reports agree with the placement
        expected = Counter(folder for _, folder in sites)
        with WixSites(api_key=API_KEY, account_id=account, base_url=url, rate_limit=None) as wix:
            for folder in wix.folders.query():
                assert folder.site_count == expected.get(str(folder.id), 0), folder.name


def cli(
    url: str, account: str, *args: str, timeout: float = 600
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "WIX_API_KEY": API_KEY}  # the key: never an argument
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "wixsites",
            "--base-url",
            url,
            "--account-id",
            account,
            *args,
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        check=False,
        cwd=ROOT,
    )


def test_suspending_5000_unpaid_sites_under_a_20_percent_fault_rate_loses_nothing(
    tmp_path: Path,
) -> None:
    db, account = seeded(
        tmp_path, sites=6_000, folders=0
    )  # so that Suspended holds exactly the unpaid
    before = placement(db, account)
    unpaid = sorted(before)[:5_000]
    listed = tmp_path / "unpaid.csv"
    listed.write_text("site_id,plan\n" + "".join(f"{site},unpaid\n" for site in unpaid))

    with SandboxProcess(
        db, api_key=API_KEY, account_id=account, fault_rate=0.2, fault_seed=11
    ) as server:
        init = cli(server.url, account, "workflow", "init")
        assert init.returncode == 0, init.stderr
        result = cli(server.url, account, "--json", "workflow", "suspend", "--unpaid", str(listed))
        assert "Traceback" not in result.stderr
        assert result.returncode == 0, result.stderr

    report = json.loads(result.stdout)
    after = placement(db, account)
    suspended = folders_by_name(db, account)["Suspended"]
    assert sorted(report["moved"]) == unpaid
    assert not report["failed"]
    assert {site for site, folder in after.items() if folder == suspended} == set(unpaid)
    assert {s: f for s, f in after.items() if s not in set(unpaid)} == {
        s: f for s, f in before.items() if s not in set(unpaid)
    }
    assert_invariants(db, account)


def test_a_kill_9_in_the_middle_of_a_5000_site_move_loses_nothing_and_a_rerun_finishes(
    tmp_path: Path,
) -> None:
    db, account = seeded(tmp_path, sites=5_500)
    before = placement(db, account)
    moving = sorted(before)[:5_000]
    listed = tmp_path / "ids.txt"
    listed.write_text("\n".join(moving) + "\n")
    server = SandboxProcess(db, api_key=API_KEY, account_id=account).start()
    try:
        with WixSites(
            api_key=API_KEY, account_id=account, base_url=server.url, rate_limit=None
        ) as wix:
            target = str(wix.folders.create("Drill target").id)
        first = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "wixsites",
                "--base-url",
                server.url,
                "--account-id",
                account,
                "--max-retries",
                "1",
                "--json",
                "sites",
                "move",
                "--to",
                "Drill target",
                "--from-file",
                str(listed),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env={**os.environ, "WIX_API_KEY": API_KEY},
        )
        deadline = time.monotonic() + 120
        while sum(1 for f in placement(db, account).values() if f == target) == 0:
            assert time.monotonic() < deadline, "the move never started"
            time.sleep(0.005)
        server.kill()  # SIGKILL, mid-move
        out, err = first.communicate(timeout=300)
        assert "Traceback" not in err

        moved_before_crash = {s for s, f in placement(db, account).items() if f == target}
        assert 0 < len(moved_before_crash) < len(moving), "the kill did not land mid-move"
        assert first.returncode != 0
        report = json.loads(out)
        # the report is exact: what it says moved did move, what it says failed did not, and every
        # other id is uncertain (its request was in flight and the dead server cannot be read back)
        assert set(report["moved"]) <= moved_before_crash
        assert not set(report["failed"]) & moved_before_crash
        assert set(report["moved"]) | set(report["failed"]) | set(report["uncertain"]) == set(
            moving
        )
        assert_invariants(db, account)
        assert set(placement(db, account)) == set(before), "a site was lost"

        server.start()  # the same database, the same port
        rerun = cli(
            server.url,
            account,
            "--json",
            "sites",
            "move",
            "--to",
            "Drill target",
            "--from-file",
            str(listed),
        )
        assert rerun.returncode == 0, rerun.stderr
        assert {s for s, f in placement(db, account).items() if f == target} == set(moving)
        assert_invariants(db, account, server.url)
    finally:
        server.stop()


def test_eight_concurrent_clients_keep_every_invariant(tmp_path: Path) -> None:
    db, account = seeded(tmp_path, sites=2_000, folders=0)
    ids = sorted(placement(db, account))
    errors: list[BaseException] = []
    with SandboxProcess(db, api_key=API_KEY, account_id=account) as server:

        def client(n: int) -> None:
            try:
                with WixSites(
                    api_key=API_KEY, account_id=account, base_url=server.url, rate_limit=None
                ) as wix:
                    shared = wix.folders.ensure("Shared")
                    own = wix.folders.create(f"Client {n}")
                    stage = wix.folders.ensure(f"Shared/Stage {n % 3}")
                    disjoint = ids[n * 200 : (n + 1) * 200]
                    overlapping = ids[1_600 + (n % 4) * 50 : 1_600 + (n % 4) * 50 + 300]
                    for batch, target in (
                        (disjoint, own),
                        (overlapping, stage),
                        (disjoint[:50], shared),
                    ):
                        report = wix.sites.move(batch, target)
                        assert not report.failed, report.failed
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=client, args=(n,)) for n in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=300)
        assert not errors, errors
        assert_invariants(db, account, server.url)
    after = placement(db, account)
    names = folders_by_name(db, account)
    assert {f"Client {n}" for n in range(8)} | {"Shared"} <= set(names)
    for n in range(8):  # the disjoint sets end where their own client put them last
        assert all(after[s] == names["Client " + str(n)] for s in ids[n * 200 + 50 : (n + 1) * 200])
        assert all(after[s] == names["Shared"] for s in ids[n * 200 : n * 200 + 50])


def _snapshot(db: Path) -> dict[str, Any]:
    with sqlite3.connect(db) as conn:
        return {
            table: sorted(conn.execute(f"SELECT * FROM {table}").fetchall())
            for table in ("sites", "folders")
        }


SCHEMATHESIS_EXAMPLES = (
    60  # per operation: several hundred requests of schemathesis's own invention
)
PREBUILT = 10_000  # tests/malformed.py: documented requests with one to three parts broken


@pytest.mark.drill
def test_ten_thousand_malformed_requests_produce_no_5xx_and_change_nothing(tmp_path: Path) -> None:
    """Ten thousand requests that each break the spec somewhere (body, path, headers), built from
    the documented requests (tests/malformed.py, cheap to make): the sandbox must refuse each with a
    4xx and change nothing. Then a few hundred drawn by schemathesis in negative mode (slow to draw,
    but of a variety no list has), which must get no 5xx. In process, through the ASGI app that
    `serve` runs."""
    import asyncio

    import schemathesis
    from schemathesis.config import SchemathesisConfig
    from schemathesis.engine import events
    from schemathesis.engine import from_schema as engine_for

    from tests.malformed import malformed_requests
    from wixsandbox.spec import load_spec

    db, account = seeded(tmp_path, sites=300, folders=10)
    before = _snapshot(db)
    statuses: Counter[int] = Counter()
    with Sandbox(db) as sandbox:
        app = sandbox.asgi_app()

        async def counting(scope: Any, receive: Any, send: Any) -> None:
            async def record(message: Any) -> None:
                if message["type"] == "http.response.start":
                    statuses[message["status"]] += 1
                await send(message)

            await app(scope, receive, record)

        prebuilt = malformed_requests(PREBUILT)
        accepted = asyncio.run(_send_all(counting, prebuilt, account))
        assert not accepted, f"{len(accepted)} malformed requests were not refused: {accepted[:3]}"
        assert _snapshot(db) == before, "a malformed request changed the state"
        # schemathesis's negative mode is not held to "refused, nothing changed": it reuses ids that
        # earlier answers returned, so some of its requests are valid (a Delete Folder of a real
        # folder). It is held to no 5xx; the 10,000 prebuilt requests are all certainly malformed.

        config = SchemathesisConfig.from_dict(
            {
                "headers": {"Authorization": API_KEY, "wix-account-id": account},
                "seed": 1,
                "generation": {
                    "mode": "negative",
                    "max-examples": SCHEMATHESIS_EXAMPLES,
                    "database": "none",
                },
                "phases": {
                    "examples": {"enabled": False},
                    "coverage": {"enabled": False},
                    "fuzzing": {"enabled": True},
                    "stateful": {"enabled": False},
                },
                "checks": {"enabled": False, "not_a_server_error": {"enabled": True}},
            }
        )
        schema = schemathesis.openapi.from_dict(load_spec(), config=config)
        schema.app = counting
        failures = [
            event
            for event in engine_for(schema).execute()
            if isinstance(event, events.ScenarioFinished) and event.status.name != "SUCCESS"
        ]
    assert not failures, [str(f.recorder) for f in failures][:3]
    assert sum(statuses.values()) >= 10_000, statuses
    assert not [s for s in statuses if s >= 500], statuses


async def _send_all(app: Any, requests: list[Any], account: str) -> list[str]:
    """Send each request; return a line for each one that was not answered 4xx."""
    import httpx

    accepted = []
    credentials = {"Authorization": API_KEY, "wix-account-id": account}
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://sandbox"
    ) as http:
        for request in requests:
            headers = {**credentials, "content-type": "application/json", **dict(request.headers)}
            response = await http.request(
                request.method, request.path, content=request.content, headers=headers
            )
            if not 400 <= response.status_code < 500:
                accepted.append(
                    f"{request.method} {request.path} ({request.broken}): {response.status_code}"
                )
    return accepted
