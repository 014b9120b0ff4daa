"""How the store answers at scale: Count Sites seeks an index for every documented filter, the
search index and the folders' site counts stay in step with the sites, and a database of an
earlier version gains them when it is opened."""

from __future__ import annotations

import json
import random
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.sandbox_fixtures import (
    ACCOUNT,
    COUNT_SITES,
    MOVE_SITES,
    QUERY_FOLDERS,
    QUERY_SITES,
    client,
    make_sandbox,
)
from wixsandbox import Sandbox, search
from wixsandbox.clock import iso
from wixsandbox.context import Context
from wixsandbox.cursor import CursorCodec
from wixsandbox.sites import count_statement
from wixsandbox.store import INDEX_COLUMNS

GUID = "0c87cd5d-4059-4e86-8f6e-d185b1e4a1bd"
# Count Sites' documented filters (premium and appIds are documented as ignored), each in the
# documented form, and the combination of two.
DOCUMENTED = [
    {"id": GUID},
    {"name": "bakery"},
    {"searchPhrase": "golden-studio"},
    {"folderId": GUID},
    {"folderId": {"$exists": False}},
    {"editorType": "EDITOR"},
    {"published": True},
    {"namespace": "DEV_SITE"},
    {"state": "ACTIVE"},
    {"state": "TRASHED"},
    {"domainConnected": True},
    {"published": True, "editorType": "EDITOR"},
]


def _plan(sandbox: Sandbox, filter_: Any) -> list[str]:
    with sandbox.store.read() as conn:
        ctx = Context(conn, ACCOUNT, 0, CursorCodec(b"k" * 32))
        sql, args = count_statement(ctx, filter_)
        return [str(row[3]) for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", args)]


@pytest.mark.parametrize("filter_", DOCUMENTED, ids=lambda f: "+".join(f))
def test_count_sites_seeks_an_index_for_every_documented_filter(
    filter_: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert search.AVAILABLE, "this SQLite has no FTS5 trigram tokenizer"
    monkeypatch.setattr(search, "SCAN_SITES", 100)  # the account is a large one
    with make_sandbox() as sandbox:
        sandbox.seed(ACCOUNT, sites=300, folders=5, seed=2)
        plan = _plan(sandbox, filter_)
    sites = [line for line in plan if line.split()[:2] in (["SCAN", "s"], ["SEARCH", "s"])]
    assert sites, plan
    for line in sites:
        # A seek on more than the account (the account alone would be a scan of all its sites),
        # or by rowid (the candidates of the search index).
        assert line.startswith("SEARCH s "), plan
        assert "(account_id=? AND " in line or "(rowid=?)" in line, plan


def _counts(sandbox: Sandbox) -> tuple[dict[str, int], dict[str, int]]:
    with sandbox.store.read() as conn:
        kept = dict(conn.execute("SELECT folder_id, sites FROM folder_site_counts WHERE sites > 0"))
        real = dict(
            conn.execute(
                "SELECT folder_id, COUNT(*) FROM sites WHERE folder_id <> '' GROUP BY folder_id"
            )
        )
    return kept, real


def _search_hits(sandbox: Sandbox, text: str) -> set[int]:
    query = search.match_query(text)
    with sandbox.store.read() as conn:
        found = {
            int(row[0])
            for row in conn.execute(
                f"SELECT rowid FROM {search.TABLE} WHERE {search.TABLE} MATCH ?", (query,)
            )
        }
        real = {
            int(row[0])
            for row in conn.execute("SELECT seq FROM sites WHERE instr(search, ?) > 0", (text,))
        }
    assert real <= found  # the index may only narrow
    return real


def test_folder_counts_and_search_index_follow_every_change() -> None:
    with make_sandbox() as sandbox, client(sandbox) as http:
        sandbox.seed(ACCOUNT, sites=120, folders=6, seed=5)
        folders = http.post(QUERY_FOLDERS, json={}).json()["folders"]
        sites = http.post(QUERY_SITES, json={"query": {"cursorPaging": {"limit": 120}}}).json()
        ids = [s["id"] for s in sites["sites"] if "trashedDate" not in s]  # trashed: no folder
        rng = random.Random(4)
        for _ in range(6):
            target = rng.choice([*(f["id"] for f in folders), ""])
            moved = http.post(
                MOVE_SITES,
                json={"sites": {"id": {"$in": rng.sample(ids, 15)}}, "targetFolderId": target},
            )
            assert moved.status_code == 200, moved.text
        kept, real = _counts(sandbox)
        assert kept == real
        listed = {
            f["id"]: f["siteCount"] for f in http.post(QUERY_FOLDERS, json={}).json()["folders"]
        }
        assert {fid: n for fid, n in listed.items() if n} == real
        parents = {f["parentId"] for f in folders}
        leaf = next(f["id"] for f in folders if f["id"] not in parents and real.get(f["id"]))
        deleted = http.delete(f"/site-folders/v2/folders/{leaf}")
        assert deleted.status_code == 200, deleted.text
        assert _counts(sandbox)[0] == _counts(sandbox)[1]
        with sandbox.store.write() as conn:  # a renamed site is found by its new name only
            conn.execute(
                "UPDATE sites SET search = 'renamed-zz-site' WHERE account_id = ? AND id = ?",
                (ACCOUNT, ids[0]),
            )
        assert len(_search_hits(sandbox, "renamed-zz")) == 1
        count = http.post(COUNT_SITES, json={"filter": {"name": "renamed-zz"}}).json()
        assert count == {"count": 1}
        sandbox.reset(ACCOUNT)
        assert _counts(sandbox) == ({}, {})
        assert _search_hits(sandbox, "renamed-zz") == set()


def test_a_database_of_the_previous_version_opens_with_the_new_indexes(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    with make_sandbox(db) as sandbox:
        sandbox.seed(ACCOUNT, sites=200, folders=5, seed=1)
    with sqlite3.connect(db) as old:  # as the previous version left it
        for name, kind in old.execute(
            "SELECT name, type FROM sqlite_master WHERE type IN ('trigger', 'index') "
            "AND sql IS NOT NULL AND tbl_name = 'sites'"
        ).fetchall():
            old.execute(f"DROP {kind.upper()} {name}")
        old.execute(f"DROP TABLE {search.TABLE}")
        old.execute("DROP TABLE folder_site_counts")
        old.execute("CREATE UNIQUE INDEX sites_by_id ON sites (account_id, id)")
        for name, column in (("created", "created_ms"), ("display_name", "display_name")):
            old.execute(f"CREATE INDEX sites_by_{name} ON sites (account_id, {column}, id)")
        old.execute("CREATE INDEX sites_by_folder ON sites (account_id, folder_id)")
    with Sandbox(db) as sandbox, client(sandbox) as http:
        with sandbox.store.read() as conn:
            names = {str(row[0]) for row in conn.execute("SELECT name FROM sqlite_master")}
        assert set(INDEX_COLUMNS) <= names
        assert "sites_by_folder" not in names
        with sandbox.store.read() as conn:
            for name, columns in INDEX_COLUMNS.items():
                assert [row[2] for row in conn.execute(f"PRAGMA index_info({name})")] == columns
        assert search.TABLE in names
        kept, real = _counts(sandbox)
        assert kept == real
        assert real
        name = http.post(QUERY_SITES, json={"query": {"cursorPaging": {"limit": 1}}}).json()
        wanted = name["sites"][0]["name"]
        assert len(_search_hits(sandbox, wanted)) >= 1
        count = http.post(COUNT_SITES, json={"filter": {"name": wanted}}).json()["count"]
        assert count >= 1


@given(st.integers(min_value=0, max_value=253_402_300_799_999))  # through 9999-12-31
def test_iso_dates_are_those_of_datetime(ms: int) -> None:
    moment = datetime.fromtimestamp(ms // 1000, UTC)
    assert iso(ms) == moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{ms % 1000:03d}Z"


def _site_model(row: sqlite3.Row) -> dict[str, Any]:
    """A site as openapi.yaml's Site shows it, built field by field from its row."""
    site: dict[str, Any] = {
        "id": row["id"],
        "htmlAppId": row["html_app_id"],
        "name": row["name"],
        "displayName": row["display_name"],
        "createdDate": iso(row["created_ms"]),
        "updatedDate": iso(row["updated_ms"]),
    }
    if row["trashed_ms"]:
        site["trashedDate"] = iso(row["trashed_ms"])
    site |= {
        "published": bool(row["published"]),
        "premium": bool(row["premium"]),
        "viewUrl": row["view_url"],
        "editUrl": row["edit_url"],
        "thumbnail": row["thumbnail"],
        "ownerAccountId": row["owner_account_id"],
    }
    if contributors := json.loads(row["contributors"]):  # Wix documents 1..1000: none, no list
        site["contributorAccountIds"] = contributors
    site |= {"editorType": row["editor_type"], "blocked": bool(row["blocked"])}
    if row["folder_id"]:
        site["folderId"] = row["folder_id"]
    return site | {"namespace": row["namespace"], "domainConnected": bool(row["domain_connected"])}


def test_sites_are_answered_as_the_spec_shows_them() -> None:
    odd = ['quote " back \\ slash', "line\nbreak\ttab\x01", "émoji 🎉 \u2028 İ", ""]
    with make_sandbox() as sandbox, client(sandbox) as http:
        sandbox.seed(ACCOUNT, sites=300, folders=5, seed=9)
        with sandbox.store.write() as conn:
            for n, name in enumerate(odd):
                conn.execute("UPDATE sites SET display_name = ? WHERE seq = ?", (name, n + 1))
        body = {
            "query": {"filter": {"namespace": {"$exists": True}}, "cursorPaging": {"limit": 1000}}
        }
        response = http.post(QUERY_SITES, json=body)
        assert response.status_code == 200, response.text
        with sandbox.store.read() as conn:
            rows = {r["id"]: r for r in conn.execute("SELECT * FROM sites")}
    sites = response.json()["sites"]
    assert len(sites) == 300
    assert {s["displayName"] for s in sites} >= set(odd)
    assert any("trashedDate" in s for s in sites)
    assert any("folderId" not in s for s in sites)
    for site in sites:
        assert site == _site_model(rows[site["id"]])
        assert list(site) == list(_site_model(rows[site["id"]]))  # the documented order
    models = [_site_model(rows[s["id"]]) for s in sites]
    assert orjson.dumps(models) in response.content  # byte for byte as orjson writes them
