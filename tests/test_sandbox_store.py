"""The sandbox's store: file databases, reopening, several threads and processes, seeding."""

from __future__ import annotations

import threading
from pathlib import Path

import httpx
import pytest

from tests.sandbox_fixtures import (
    ACCOUNT,
    COUNT_SITES,
    FOLDERS,
    KEY,
    QUERY_FOLDERS,
    QUERY_SITES,
    client,
    create_folder,
    make_sandbox,
)
from wixsandbox import Sandbox
from wixsandbox.process import SandboxProcess


def test_file_database_survives_reopen(tmp_path: Path) -> None:
    db = tmp_path / "sandbox.db"
    with make_sandbox(db) as sandbox:
        credentials = sandbox.default_credentials()
        sandbox.seed(ACCOUNT, sites=50, folders=5)
        with client(sandbox) as http:
            folder = create_folder(http, "Kept")
            cursor = http.post(QUERY_SITES, json={"query": {"cursorPaging": {"limit": 10}}}).json()
    with Sandbox(db) as again:
        assert again.default_credentials() == credentials
        with client(again) as http:
            names = [f["name"] for f in http.post(QUERY_FOLDERS, json={}).json()["folders"]]
            assert "Kept" in names
            assert folder["id"] in {
                f["id"] for f in http.post(QUERY_FOLDERS, json={}).json()["folders"]
            }
            nxt = http.post(
                QUERY_SITES,
                json={"query": {"cursorPaging": {"cursor": cursor["metadata"]["cursors"]["next"]}}},
            )
            assert nxt.status_code == 200  # the cursor key is kept in the database too


def test_seed_is_deterministic() -> None:
    def snapshot() -> list[tuple[object, ...]]:
        with Sandbox() as sandbox:
            sandbox.seed(ACCOUNT, sites=200, folders=10, seed=3)
            with sandbox.store.read() as conn:
                return [tuple(row) for row in conn.execute("SELECT * FROM sites ORDER BY id")]

    assert snapshot() == snapshot()


def test_reset() -> None:
    with make_sandbox() as sandbox:
        sandbox.seed(ACCOUNT, sites=20, folders=3)
        sandbox.reset()
        with client(sandbox) as http:
            assert http.post(QUERY_SITES, json={}).json()["sites"] == []
            assert http.post(QUERY_FOLDERS, json={}).json()["folders"] == []


def test_threads_share_one_sandbox(tmp_path: Path) -> None:
    with make_sandbox(tmp_path / "threads.db") as sandbox:
        sandbox.seed(ACCOUNT, sites=100, folders=0)
        errors: list[str] = []

        def work(n: int) -> None:
            with client(sandbox) as http:
                for i in range(10):
                    response = http.post(FOLDERS, json={"folder": {"name": f"t{n}-{i}"}})
                    if response.status_code != 200:
                        errors.append(response.text)
                    if http.post(QUERY_SITES, json={}).status_code != 200:
                        errors.append("query")

        threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        with client(sandbox) as http:
            assert http.post(QUERY_FOLDERS, json={}).json()["metadata"]["total"] == 80


def test_two_connections_to_one_file(tmp_path: Path) -> None:
    db = tmp_path / "shared.db"
    with make_sandbox(db) as first, Sandbox(db) as second, client(first) as a, client(second) as b:
        for i in range(10):
            create_folder(a, f"a{i}")
            create_folder(b, f"b{i}")
        assert b.post(QUERY_FOLDERS, json={}).json()["metadata"]["total"] == 20


@pytest.mark.slow
def test_database_usable_after_kill_9(tmp_path: Path) -> None:
    db = tmp_path / "killed.db"
    with make_sandbox(db):
        pass
    headers = {"Authorization": KEY, "wix-account-id": ACCOUNT}
    server = SandboxProcess(db).start()
    try:
        for i in range(20):
            response = httpx.post(
                server.url + FOLDERS, json={"folder": {"name": f"f{i}"}}, headers=headers
            )
            assert response.status_code == 200
    finally:
        server.kill()
    with Sandbox(db) as again, client(again) as http:
        assert http.post(QUERY_FOLDERS, json={}).json()["metadata"]["total"] == 20
        create_folder(http, "after the crash")


def test_the_seed_summary_agrees_with_what_the_api_serves() -> None:
    # how fast seeding is belongs to benchmarks/sandbox.py, not to a timed test
    with make_sandbox() as sandbox:
        summary = sandbox.seed(ACCOUNT, sites=3_000, folders=30)
        with client(sandbox) as http:

            def count(flt: dict[str, object]) -> int:
                return int(http.post(COUNT_SITES, json={"filter": flt}).json()["count"])

            assert summary.sites == 3_000
            assert count({"namespace": {"$exists": True}}) == summary.sites
            assert count({}) == summary.wix_sites
            assert (
                count({"state": "TRASHED", "namespace": {"$exists": True}}) == summary.trashed_sites
            )
            assert (
                count({"folderId": {"$exists": False}, "namespace": {"$exists": True}})
                == summary.root_sites
            )
            assert (
                http.post(QUERY_FOLDERS, json={}).json()["metadata"]["total"]
                == summary.folders
                == 30
            )


def test_the_sandbox_never_takes_a_file_that_is_not_its_database(tmp_path: Path) -> None:
    from wixsandbox.cli import main
    from wixsandbox.dbfile import NotASandboxDatabase

    notes = tmp_path / "notes.txt"
    notes.write_text("not a database\n")
    notes.chmod(0o644)
    empty = tmp_path / "empty.db"
    empty.touch()
    with pytest.raises(NotASandboxDatabase, match="not a sandbox database"):
        Sandbox(notes)
    with pytest.raises(NotASandboxDatabase, match="not a regular file"):
        Sandbox(tmp_path)
    for command in (["reset"], ["seed", "--sites", "1"]):
        with pytest.raises(SystemExit, match="not a sandbox database"):
            main(["--db", str(notes), *command])
    assert notes.read_text() == "not a database\n"
    assert notes.stat().st_mode & 0o777 == 0o644
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.db", "notes.txt"]
    with Sandbox(empty) as sandbox:  # an empty file is an empty database: nothing to lose
        sandbox.seed(ACCOUNT, sites=2)
    with Sandbox(empty) as again, again.store.read() as conn:  # and then a sandbox's
        assert conn.execute("SELECT COUNT(*) FROM sites").fetchone()[0] == 2
