"""Site List v2 in the sandbox: the query language, the WIX default, cursor paging, counting."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from tests.sandbox_fixtures import (
    ACCOUNT,
    COUNT_SITES,
    OTHER_ACCOUNT,
    OTHER_KEY,
    QUERY_SITES,
    ManualClock,
    all_sites,
    client,
    create_folder,
    error_code,
    make_sandbox,
    violations,
)
from wixsandbox.seed import APP_IDS

Site = dict[str, Any]
EVERY = {"namespace": {"$exists": True}}  # names the namespace: lifts the WIX-only default


class World:
    """A seeded account, its sites as the API returns them, and their app ids from the store."""

    def __init__(self) -> None:
        self.clock = ManualClock()
        self.sandbox = make_sandbox(clock=self.clock)
        self.sandbox.seed(ACCOUNT, sites=400, folders=6, seed=7)
        self.sandbox.seed(OTHER_ACCOUNT, sites=30, seed=7)
        self.http = client(self.sandbox)
        self.sites = all_sites(self.http, {"filter": EVERY}, 1000)
        with self.sandbox.store.read() as conn:
            self.apps = {
                row[0]: set(json.loads(row[1]))
                for row in conn.execute(
                    "SELECT id, app_ids FROM sites WHERE account_id = ?", (ACCOUNT,)
                )
            }


@pytest.fixture(scope="module")
def world() -> Iterator[World]:
    world = World()
    yield world
    world.http.close()
    world.sandbox.close()


def query(http: httpx.Client, body: dict[str, Any]) -> httpx.Response:
    return http.post(QUERY_SITES, json={"query": body})


def ids(http: httpx.Client, filter_: Any) -> set[str]:
    return {site["id"] for site in all_sites(http, {"filter": filter_}, 1000)}


def test_seeded_account_is_realistic(world: World) -> None:
    sites = world.sites
    assert len(sites) == 400
    assert {s["ownerAccountId"] for s in sites} == {ACCOUNT}
    assert {s["editorType"] for s in sites} >= {"EDITOR", "EDITORX", "STUDIO", "ADI"}
    assert 0 < sum(s["namespace"] != "WIX" for s in sites) < 60
    assert 0 < sum("trashedDate" in s for s in sites) < 60
    assert any("folderId" in s for s in sites)
    assert any("folderId" not in s for s in sites)
    assert all(s["editUrl"].startswith("/editor/") for s in sites)
    assert all(s["viewUrl"].startswith("https://") for s in sites)
    assert any(world.apps.values())


def test_unfiltered_queries_see_wix_sites_only(world: World) -> None:
    wix = {s["id"] for s in world.sites if s["namespace"] == "WIX"}
    assert {s["id"] for s in all_sites(world.http, {}, 1000)} == wix
    assert ids(world.http, {"editorType": {"$exists": True}}) == wix
    assert world.http.post(COUNT_SITES, json={}).json() == {"count": len(wix)}
    assert world.http.post(COUNT_SITES, json={"filter": EVERY}).json() == {"count": 400}


def _cases(world: World) -> list[tuple[Any, Callable[[Site], bool]]]:
    sites = sorted(s["id"] for s in world.sites)
    mid = sites[len(sites) // 2]
    folder = next(s["folderId"] for s in world.sites if "folderId" in s)
    app_a, app_b = APP_IDS[0], APP_IDS[1]
    apps = world.apps

    def search(s: Site, text: str) -> bool:
        return any(text.lower() in s[k].lower() for k in ("name", "displayName", "viewUrl"))

    return [
        ({"editorType": "EDITOR"}, lambda s: s["editorType"] == "EDITOR"),
        ({"editorType": {"$eq": "ADI"}}, lambda s: s["editorType"] == "ADI"),
        ({"editorType": {"$ne": "EDITOR"}}, lambda s: s["editorType"] != "EDITOR"),
        (
            {"editorType": {"$in": ["ADI", "STUDIO"]}},
            lambda s: s["editorType"] in ("ADI", "STUDIO"),
        ),
        (
            {"editorType": {"$nin": ["ADI", "STUDIO"]}},
            lambda s: s["editorType"] not in ("ADI", "STUDIO"),
        ),
        ({"editorType": {"$startsWith": "edit"}}, lambda s: s["editorType"].startswith("EDIT")),
        ({"id": {"$gt": mid}}, lambda s: s["id"] > mid),
        ({"id": {"$gte": mid}}, lambda s: s["id"] >= mid),
        ({"id": {"$lt": mid}}, lambda s: s["id"] < mid),
        ({"id": {"$lte": mid.upper()}}, lambda s: s["id"] <= mid),
        ({"id": {"$in": sites[:3]}}, lambda s: s["id"] in sites[:3]),
        ({"id": mid}, lambda s: s["id"] == mid),
        ({"premium": True}, lambda s: s["premium"]),
        ({"published": False}, lambda s: not s["published"]),
        ({"published": {"$ne": True}}, lambda s: not s["published"]),
        ({"domainConnected": True}, lambda s: s["domainConnected"]),
        (
            {"namespace": {"$ne": "WIX"}, "state": "ACTIVE"},
            lambda s: s["namespace"] != "WIX" and "trashedDate" not in s,
        ),
        (
            {"namespace": {"$in": ["WIX", "DEV_SITE"]}},
            lambda s: s["namespace"] in ("WIX", "DEV_SITE"),
        ),
        ({"state": "TRASHED"}, lambda s: "trashedDate" in s),
        ({"state": {"$in": ["ACTIVE"]}}, lambda s: "trashedDate" not in s),
        ({"folderId": {"$exists": False}}, lambda s: "folderId" not in s),
        ({"folderId": {"$exists": True}}, lambda s: "folderId" in s),
        ({"folderId": folder}, lambda s: s.get("folderId") == folder),
        ({"folderId": {"$in": [folder, ""]}}, lambda s: s.get("folderId", folder) == folder),
        ({"name": "bakery"}, lambda s: search(s, "bakery")),
        ({"searchPhrase": "ACME-B"}, lambda s: search(s, "acme-b")),
        (
            {"name": {"$startsWith": "Blue Sky"}},
            lambda s: s["displayName"].lower().startswith("blue sky"),
        ),
        ({"appIds": {"$hasSome": [app_a, app_b]}}, lambda s: bool(apps[s["id"]] & {app_a, app_b})),
        ({"appIds": {"$hasAll": [app_a, app_b]}}, lambda s: {app_a, app_b} <= apps[s["id"]]),
        ({"appIds": app_a}, lambda s: app_a in apps[s["id"]]),
        (
            {"$and": [{"premium": True}, {"published": True}]},
            lambda s: s["premium"] and s["published"],
        ),
        (
            {"$or": [{"editorType": "ADI"}, {"premium": True}]},
            lambda s: s["editorType"] == "ADI" or s["premium"],
        ),
        ({"$not": {"editorType": "EDITOR"}}, lambda s: s["editorType"] != "EDITOR"),
        (
            {"editorType": {"$not": {"$in": ["EDITOR", "ADI"]}}},
            lambda s: s["editorType"] not in ("EDITOR", "ADI"),
        ),
        (
            {"premium": True, "madeUp": {"$regex": 1}, "createdDate": {"$gt": "2020"}},
            lambda s: s["premium"],
        ),
        ({}, lambda s: True),
    ]


def test_every_operator(world: World) -> None:
    for filter_, keep in _cases(world):
        with_default = "namespace" in json.dumps(filter_)
        expected = {
            s["id"] for s in world.sites if keep(s) and (with_default or s["namespace"] == "WIX")
        }
        assert ids(world.http, filter_) == expected, filter_
        if "premium" not in json.dumps(filter_) and "appIds" not in json.dumps(filter_):
            count = world.http.post(COUNT_SITES, json={"filter": filter_}).json()["count"]
            assert count == len(expected), filter_


def test_count_ignores_premium_and_app_ids(world: World) -> None:
    everything = world.http.post(COUNT_SITES, json={}).json()["count"]
    for filter_ in ({"premium": True}, {"appIds": {"$hasAll": [APP_IDS[0]]}}):
        assert world.http.post(COUNT_SITES, json={"filter": filter_}).json()["count"] == everything


@pytest.mark.parametrize(
    ("filter_", "needle"),
    [
        ({"editorType": {"$regex": "x"}}, "$regex"),
        ({"$nor": []}, "$nor"),
        ({"published": "yes"}, "boolean"),
        ({"editorType": {"$in": "ADI"}}, "array"),
        ({"appIds": {"$hasSome": "x"}}, "array"),
        ({"$and": {}}, "$and"),
        ({"$or": []}, "$or"),
        ({"state": "DELETED"}, "ACTIVE"),
        ({"folderId": {"$exists": "no"}}, "$exists"),
        ({"published": {"$gt": True}}, "$gt"),
        ({"editorType": {}}, "empty"),
        ({"editorType": {"$eq": "A", "x": 1}}, "operators"),
    ],
)
def test_malformed_filters(world: World, filter_: Any, needle: str) -> None:
    responses = [query(world.http, {"filter": filter_})]
    if "appIds" not in filter_:  # Count Sites ignores appIds, so it does not check it either
        responses.append(world.http.post(COUNT_SITES, json={"filter": filter_}))
    for response in responses:
        assert response.status_code == 400, response.text
        assert error_code(response) == "MALFORMED_FILTER"
        assert needle in response.json()["message"]


def test_deeply_nested_filter(world: World) -> None:
    node: Any = {"premium": True}
    for _ in range(200):
        node = {"$not": node}
    response = query(world.http, {"filter": node})
    assert response.status_code == 400
    assert error_code(response) == "MALFORMED_FILTER"


SORTS: list[list[dict[str, str]]] = [
    [],
    [{"fieldName": "createdDate", "order": "ASC"}],
    [{"fieldName": "displayName"}],
    [{"fieldName": "displayName", "order": "DESC"}],
    [{"fieldName": "updatedDate", "order": "DESC"}],
    [{"fieldName": "trashedDate", "order": "DESC"}],
    [{"fieldName": "displayName", "order": "ASC"}, {"fieldName": "createdDate", "order": "DESC"}],
    [{"fieldName": "name"}, {"fieldName": "createdDate", "order": "ASC"}],  # name: not sortable
]
KEYS = {
    "createdDate": "createdDate",
    "updatedDate": "updatedDate",
    "trashedDate": "trashedDate",
    "displayName": "displayName",
}


def _sort_id(sort: list[dict[str, str]]) -> str:
    return "+".join(f"{x['fieldName']}:{x.get('order', 'ASC')}" for x in sort) or "default"


# every sort at pages of 7 and 100; pages of a single site only for the one-key sorts (slow otherwise)
PAGING_CASES = [
    (sort, limit) for sort in SORTS for limit in (1, 7, 100) if limit != 1 or len(sort) == 1
]


@pytest.mark.parametrize(
    ("sort", "limit"), PAGING_CASES, ids=[f"{_sort_id(s)}-{n}" for s, n in PAGING_CASES]
)
def test_cursor_paging_gives_every_site_once_in_order(
    world: World, sort: list[dict[str, str]], limit: int
) -> None:
    filter_ = {"namespace": {"$exists": True}} if limit != 1 else {"state": "ACTIVE", **EVERY}
    expected = [s for s in world.sites if limit != 1 or "trashedDate" not in s]
    got = all_sites(world.http, {"filter": filter_, "sort": sort}, limit)
    assert len(got) == len(expected)
    assert {s["id"] for s in got} == {s["id"] for s in expected}
    keys = [(x["fieldName"], x.get("order") == "DESC") for x in sort if x["fieldName"] in KEYS]
    keys = keys or [("createdDate", True)]

    for before, after in itertools.pairwise(got):
        for name, desc in keys:
            a, b = before.get(name, ""), after.get(name, "")
            if a != b:
                assert (a > b) if desc else (a < b), (name, a, b)
                break
        else:
            id_desc = keys[-1][1]
            assert (before["id"] > after["id"]) if id_desc else (before["id"] < after["id"])


def test_page_metadata(world: World) -> None:
    page = query(world.http, {"cursorPaging": {"limit": 2}}).json()
    assert page["metadata"]["count"] == 2
    assert page["metadata"]["hasNext"] is True
    assert page["cursorPaging"]["cursor"] == page["metadata"]["cursors"]["next"]
    first = query(world.http, {}).json()
    assert first["metadata"]["count"] == 100  # default page size
    assert first["sites"][0]["createdDate"] >= first["sites"][1]["createdDate"]  # createdDate DESC
    last = query(
        world.http, {"filter": {"id": world.sites[0]["id"]}, "cursorPaging": {"limit": 5}}
    ).json()
    assert last["metadata"] == {"count": 1, "cursors": {}, "hasNext": False}


def test_cursor_carries_the_filter_and_the_sort(world: World) -> None:
    page = query(
        world.http,
        {
            "filter": {"premium": True},
            "sort": [{"fieldName": "displayName"}],
            "cursorPaging": {"limit": 3},
        },
    ).json()
    cursor = page["metadata"]["cursors"]["next"]
    nxt = query(world.http, {"cursorPaging": {"cursor": cursor}}).json()
    assert nxt["metadata"]["count"] == 3  # the page size is carried too
    assert all(s["premium"] for s in nxt["sites"])
    assert page["sites"][-1]["displayName"] <= nxt["sites"][0]["displayName"]
    response = query(world.http, {"filter": {"premium": True}, "cursorPaging": {"cursor": cursor}})
    assert response.status_code == 400
    assert violations(response)[0]["field"] == "query.filter"
    response = query(
        world.http, {"sort": [{"fieldName": "displayName"}], "cursorPaging": {"cursor": cursor}}
    )
    assert response.status_code == 400


@pytest.mark.parametrize("mangle", ["flip", "truncate", "garbage", "empty-mac", "json"])
def test_tampered_cursor(world: World, mangle: str) -> None:
    cursor = query(world.http, {"cursorPaging": {"limit": 2}}).json()["metadata"]["cursors"]["next"]
    body, _, mac = cursor.partition(".")
    bad = {
        "flip": body[:-3] + ("A" if body[-3] != "A" else "B") + body[-2:] + "." + mac,
        "truncate": cursor[:-4],
        "garbage": "not a cursor at all",
        "empty-mac": body + ".",
        "json": '{"id":"79f4da2d-d56e-4962-b999-548f7bad4c41"}',
    }[mangle]
    response = query(world.http, {"cursorPaging": {"cursor": bad}})
    assert response.status_code == 400
    assert error_code(response) == "INVALID_CURSOR"


def test_cursor_of_another_account_is_invalid(world: World) -> None:
    cursor = query(world.http, {"cursorPaging": {"limit": 2}}).json()["metadata"]["cursors"]["next"]
    with client(world.sandbox, OTHER_KEY, OTHER_ACCOUNT) as other:
        response = query(other, {"cursorPaging": {"cursor": cursor}})
    assert response.status_code == 400
    assert error_code(response) == "INVALID_CURSOR"


def test_cursor_expires_30_minutes_after_the_first_request(world: World) -> None:
    page = query(world.http, {"cursorPaging": {"limit": 2}}).json()
    world.clock.advance(minutes=20)
    page = query(
        world.http, {"cursorPaging": {"cursor": page["metadata"]["cursors"]["next"]}}
    ).json()
    world.clock.advance(minutes=9, seconds=59)
    second = query(world.http, {"cursorPaging": {"cursor": page["metadata"]["cursors"]["next"]}})
    assert second.status_code == 200
    world.clock.advance(seconds=2)
    response = query(
        world.http, {"cursorPaging": {"cursor": second.json()["metadata"]["cursors"]["next"]}}
    )
    assert response.status_code == 400
    assert error_code(response) == "CURSOR_EXPIRED"


@pytest.mark.parametrize("limit", [0, 1001, -1, 10**20])
def test_limits(world: World, limit: int) -> None:
    response = query(world.http, {"cursorPaging": {"limit": limit}})
    assert response.status_code == 400
    assert violations(response)[0]["field"] == "query.cursorPaging.limit"
    assert query(world.http, {"cursorPaging": {"limit": 1000}}).status_code == 200


def test_folder_filter_follows_moves(world: World) -> None:
    with make_sandbox() as sandbox, client(sandbox) as http:
        sandbox.seed(ACCOUNT, sites=5)
        folder = create_folder(http, "F")
        first = query(http, {"cursorPaging": {"limit": 1}}).json()["sites"][0]["id"]
        http.post(
            "/site-folders/v2/folders/bulk/sites/move",
            json={"sites": {"id": {"$in": [first]}}, "targetFolderId": folder["id"]},
        )
        assert ids(http, {"folderId": folder["id"]}) == {first}
        assert first not in ids(http, {"folderId": {"$exists": False}})
