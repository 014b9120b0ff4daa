"""No request holds the others: reads run side by side (WAL), every request has a time budget,
and a name search is scoped to the caller's account before the search index is used."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.sandbox_fixtures import (
    ACCOUNT,
    COUNT_SITES,
    FOLDERS,
    OTHER_ACCOUNT,
    OTHER_KEY,
    QUERY_FOLDERS,
    QUERY_SITES,
    client,
    error_code,
    make_sandbox,
)
from wixsandbox import Sandbox, search, store
from wixsandbox.accounts import user_tag
from wixsandbox.context import Context
from wixsandbox.cursor import CursorCodec
from wixsandbox.sites import count_statement
from wixsandbox.spec import load_spec


@pytest.fixture
def shared(tmp_path: Path) -> Iterator[Sandbox]:
    with make_sandbox(tmp_path / "shared.db") as sandbox:
        sandbox.seed(ACCOUNT, sites=50, folders=2, seed=1)
        sandbox.seed(OTHER_ACCOUNT, sites=5, seed=1)
        yield sandbox


@pytest.mark.parametrize("held", ["read", "write"])
def test_a_request_does_not_wait_for_another_transaction(shared: Sandbox, held: str) -> None:
    """Before: one lock around the one connection; a probe waited for whatever ran."""
    finished = threading.Event()

    def probe() -> int:
        with client(shared, OTHER_KEY, OTHER_ACCOUNT) as http:
            status = http.post(COUNT_SITES, json={}).status_code
        finished.set()
        return status

    transaction = shared.store.read if held == "read" else shared.store.write
    held_open, release = threading.Event(), threading.Event()

    def hold() -> None:
        with transaction():
            held_open.set()
            release.wait(20)

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert held_open.wait(10)
        statuses: list[int] = []
        worker = threading.Thread(target=lambda: statuses.append(probe()))
        worker.start()
        assert finished.wait(10), f"the request waited for the {held} transaction"
        worker.join(10)
        assert statuses == [200]
    finally:
        release.set()
        holder.join(20)


def _patterns(count: int) -> list[str]:
    return [f"no-such-site-{n:04d}" for n in range(count)]


def test_a_request_past_its_time_budget_is_a_400_and_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with make_sandbox(tmp_path / "budget.db") as sandbox:
        sandbox.seed(ACCOUNT, sites=400, folders=1, seed=2)
    # A budget that any request doing real work exceeds: it is checked every PROGRESS_STEPS
    # instructions of SQLite's, made few here so that a small request does that much work.
    monkeypatch.setattr(store, "PROGRESS_STEPS", 2000)
    with Sandbox(tmp_path / "budget.db", time_budget=1e-9) as tight, client(tight) as http:
        costly = http.post(COUNT_SITES, json={"filter": {"name": {"$in": _patterns(1000)}}})
        assert costly.status_code == 400, costly.text
        assert error_code(costly) == "TIME_BUDGET_EXCEEDED"
        body = costly.json()
        assert "nothing was changed" in body["message"]
        assert body["details"]["applicationError"]["data"] == {"budgetSeconds": 1e-9}
        assert tight.response_violations == []
        folder = http.post(QUERY_FOLDERS, json={}).json()["folders"][0]
        assert folder["siteCount"] > 100
        deleted = http.delete(f"{FOLDERS}/{folder['id']}")  # moves its hundreds of sites
        assert error_code(deleted) == "TIME_BUDGET_EXCEEDED", deleted.text
    with Sandbox(tmp_path / "budget.db") as again, client(again) as http:
        kept = http.post(QUERY_FOLDERS, json={}).json()["folders"]
        assert [(f["id"], f["siteCount"]) for f in kept] == [(folder["id"], folder["siteCount"])]
        counted = http.post(COUNT_SITES, json={"filter": {"name": {"$in": _patterns(50)}}})
        assert counted.json() == {"count": 0}  # within the default budget


def test_the_budget_error_is_documented_and_not_a_retried_status() -> None:
    spec = load_spec()
    for item in spec["paths"].values():
        for method, op in item.items():
            if method == "parameters":
                continue
            codes = {(e["status"], e["code"]) for e in op["x-wixsites-errors"]}
            assert (400, "TIME_BUDGET_EXCEEDED") in codes, op["operationId"]
    for text in (
        spec["info"]["description"],
        spec["components"]["responses"]["BadRequest"]["description"],
    ):
        assert "TIME_BUDGET_EXCEEDED" in text
    with pytest.raises(ValueError, match="time_budget"):
        Sandbox(time_budget=0)


def _plan(sandbox: Sandbox, account: str, filter_: Any) -> list[str]:
    with sandbox.store.read() as conn:
        ctx = Context(conn, account, 0, CursorCodec(b"k" * 32))
        sql, args = count_statement(ctx, filter_)
        return [str(row[3]) for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", args)]


def test_a_small_account_searches_its_own_sites_not_every_accounts_index() -> None:
    """Before: 1,000 name patterns from an account of one site each looked through the index of
    every account's sites (18 s while another account had 100,000)."""
    assert search.AVAILABLE
    with make_sandbox() as sandbox:
        sandbox.seed(ACCOUNT, sites=search.SCAN_SITES + 10, seed=3)
        sandbox.seed(OTHER_ACCOUNT, sites=1, seed=3)
        patterns = {"name": {"$in": ["golden-bakery", "fresh-design-2", "acme-studio"]}}
        small = _plan(sandbox, OTHER_ACCOUNT, patterns)
        assert not any(search.TABLE in line for line in small), small
        assert any("(account_id=?)" in line for line in small), small
        large = _plan(sandbox, ACCOUNT, patterns)
        assert any(search.TABLE in line for line in large), large
        with client(sandbox, OTHER_KEY, OTHER_ACCOUNT) as http:
            mine = http.post(QUERY_SITES, json={}).json()["sites"][0]["name"]
            found = http.post(COUNT_SITES, json={"filter": {"name": {"$in": [mine, "zz-none"]}}})
            assert found.json() == {"count": 1}


def test_the_accounts_own_address_narrows_nothing() -> None:
    """Before: the digits of `user-44776da7`, in every site address of that account, looked like
    the rarest trigrams of a pattern, so a search by them read every site of the account."""
    tag = user_tag(ACCOUNT)
    shared = frozenset(
        f"https://{tag}.wixsite.com/"[i : i + 3]
        for i in range(len(f"https://{tag}.wixsite.com/") - 2)
    )
    assert search.match_query(tag[5:], shared) is None  # only the tag: nothing tells sites apart
    query = search.match_query(f"{tag}.wixsite.com/golden-bakery-12", shared)
    assert query is not None
    assert not any(f'"{gram}"' in query for gram in shared), query
    with make_sandbox() as sandbox:
        sandbox.seed(ACCOUNT, sites=search.SCAN_SITES + 10, seed=3)
        plan = _plan(sandbox, ACCOUNT, {"name": tag})
        assert not any(search.TABLE in line for line in plan), plan
        with client(sandbox) as http:
            counted = http.post(COUNT_SITES, json={"filter": {"name": tag}}).json()["count"]
            every = http.post(COUNT_SITES, json={"filter": {"domainConnected": False}}).json()
            assert counted == every["count"]  # every free address holds the tag


def test_wixsites_sandbox_serve_takes_a_time_budget(tmp_path: Path) -> None:
    """`wixsites sandbox serve --time-budget` is the served sandbox's budget (as `python -m
    wixsandbox serve --time-budget`): a request past it is the documented 400."""
    db = tmp_path / "served-budget.db"
    with Sandbox(db) as sandbox:  # its own credentials: `serve` prints them
        sandbox.seed(sandbox.default_credentials().account_id, sites=400, folders=0, seed=2)
    root = Path(__file__).resolve().parent.parent
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WIX_", "WIXSITES_"))}
    env["PYTHONPATH"] = os.pathsep.join([str(root / "generated"), str(root)])
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    serving = subprocess.Popen(
        [sys.executable, "-m", "wixsites", "sandbox", "serve", "--db", str(db), "--port",
         str(port), "--time-budget", "1e-9", "--json"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )  # fmt: skip
    try:
        assert serving.stdout is not None
        details = json.loads(serving.stdout.readline() or "{}")  # printed before it listens
        assert details.get("baseUrl") == f"http://127.0.0.1:{port}", serving.stderr
        headers = {"Authorization": details["apiKey"], "wix-account-id": details["accountId"]}
        deadline = time.monotonic() + 30
        with httpx.Client(base_url=details["baseUrl"], headers=headers) as http:
            while True:
                try:
                    costly = http.post(
                        COUNT_SITES, json={"filter": {"name": {"$in": _patterns(1000)}}}
                    )
                    break
                except httpx.TransportError:
                    assert time.monotonic() < deadline, "the server did not answer"
                    assert serving.poll() is None, serving.stderr
                    time.sleep(0.05)
    finally:
        os.killpg(serving.pid, signal.SIGTERM)
        serving.wait(30)
    assert costly.status_code == 400, costly.text
    assert error_code(costly) == "TIME_BUDGET_EXCEEDED"
    assert costly.json()["details"]["applicationError"]["data"] == {"budgetSeconds": 1e-9}
