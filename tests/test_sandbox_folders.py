"""Site Folders v2 in the sandbox: every folder rule of the spec."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.sandbox_fixtures import (
    FOLDERS,
    MOVE_FOLDERS,
    MOVE_SITES,
    QUERY_FOLDERS,
    QUERY_SITES,
    TickingClock,
    client,
    create_folder,
    error_code,
    make_sandbox,
    violations,
)
from wixsandbox import Sandbox

DATE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")
UNKNOWN = "9f0e0d0c-0b0a-4908-8706-050403020100"


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with make_sandbox(clock=TickingClock()) as sandbox:
        yield sandbox


@pytest.fixture
def http(sandbox: Sandbox) -> Iterator[httpx.Client]:
    with client(sandbox) as http:
        yield http


def site_ids(http: httpx.Client, count: int) -> list[str]:
    body = {"query": {"filter": {"namespace": {"$exists": True}}, "cursorPaging": {"limit": count}}}
    return [site["id"] for site in http.post(QUERY_SITES, json=body).json()["sites"]]


def folder_of(http: httpx.Client, site_id: str) -> dict[str, Any]:
    response = http.get(f"{FOLDERS}/sites/{site_id}")
    assert response.status_code == 200, response.text
    return dict(response.json()["folder"])


def folders(http: httpx.Client, **query: Any) -> list[dict[str, Any]]:
    response = http.post(QUERY_FOLDERS, json={"query": query})
    assert response.status_code == 200, response.text
    return list(response.json()["folders"])


def move_sites(http: httpx.Client, ids: list[str], target: str) -> httpx.Response:
    return http.post(MOVE_SITES, json={"sites": {"id": {"$in": ids}}, "targetFolderId": target})


# -- create -----------------------------------------------------------------------------------


@pytest.mark.parametrize("parent", ["root", "", None])
def test_create_at_root(http: httpx.Client, parent: str | None) -> None:
    folder = create_folder(http, "My Folder", parent)
    assert folder["parentId"] == ""
    assert folder["name"] == "My Folder"
    assert folder["siteCount"] == 0
    assert folder["path"] == []  # Wix: an empty path means the folder is at root
    assert DATE.match(folder["createdDate"])
    assert folder["createdDate"] == folder["updatedDate"]


def test_create_nested_has_the_path_from_root(http: httpx.Client) -> None:
    a = create_folder(http, "A")
    b = create_folder(http, "B", a["id"])
    c = create_folder(http, "C", b["id"])
    assert c["parentId"] == b["id"]
    assert [p["name"] for p in c["path"]] == ["A", "B"]  # its ancestors, root first


def test_sibling_names_clash_but_cousins_do_not(http: httpx.Client) -> None:
    a = create_folder(http, "Clients")
    response = http.post(FOLDERS, json={"folder": {"name": "Clients", "parentId": "root"}})
    assert response.status_code == 409
    assert error_code(response) == "ALREADY_EXISTS"
    create_folder(http, "Clients", a["id"])
    create_folder(http, "clients")  # compared exactly


def test_create_in_unknown_parent_is_404(http: httpx.Client) -> None:
    response = http.post(FOLDERS, json={"folder": {"name": "X", "parentId": UNKNOWN}})
    assert response.status_code == 404
    assert response.json()["details"]["applicationError"]["data"]["unknownIds"] == [UNKNOWN]


@pytest.mark.parametrize(
    ("folder", "field"),
    [
        ({}, "folder.name"),
        ({"name": ""}, "folder.name"),
        ({"name": "   "}, "folder.name"),
        ({"name": "x" * 257}, "folder.name"),
        ({"name": "x", "parentId": "nope"}, "folder.parentId"),
    ],
)
def test_create_validation(http: httpx.Client, folder: dict[str, Any], field: str) -> None:
    response = http.post(FOLDERS, json={"folder": folder})
    assert response.status_code == 400
    assert {v["field"] for v in violations(response)} == {field}


def test_paths_hold_at_most_50_folders(http: httpx.Client) -> None:
    """A path holds the folder's ancestors (Wix: empty at root), at most 50: 51 levels. Before:
    the folder was in its own path, and the 51st level was refused."""
    parent = None
    for level in range(51):
        parent = create_folder(http, f"L{level}", parent)["id"]
    response = http.post(FOLDERS, json={"folder": {"name": "too deep", "parentId": parent}})
    assert response.status_code == 400
    assert error_code(response) == "PATH_TOO_DEEP"
    assert response.json()["details"]["applicationError"]["data"] == {
        "pathLength": 51,
        "maxPathLength": 50,
    }
    deepest = folders(http, filter={"id": parent})[0]
    assert len(deepest["path"]) == 50
    assert deepest["path"][-1]["id"] == deepest["parentId"]


# -- site counts, moving sites, folder of a site -------------------------------------------------


def test_site_count_and_folder_by_site(sandbox: Sandbox, http: httpx.Client) -> None:
    sandbox.seed("11111111-1111-4111-8111-111111111111", sites=10)
    ids = site_ids(http, 5)
    outer = create_folder(http, "Outer")
    inner = create_folder(http, "Inner", outer["id"])
    assert move_sites(http, ids[:3], inner["id"]).json() == {}
    assert move_sites(http, ids[3:4], outer["id"]).status_code == 200
    counts = {f["name"]: f["siteCount"] for f in folders(http)}
    assert counts == {"Outer": 1, "Inner": 3}  # direct sites only
    assert folder_of(http, ids[0])["id"] == inner["id"]
    assert folder_of(http, ids[4]) == {}
    assert move_sites(http, ids[:1], "root").status_code == 200
    assert folder_of(http, ids[0]) == {}
    listed = http.post(QUERY_SITES, json={"query": {"filter": {"folderId": inner["id"]}}}).json()
    assert sorted(s["id"] for s in listed["sites"]) == sorted(ids[1:3])
    assert all(s["folderId"] == inner["id"] for s in listed["sites"])


def test_move_sites_is_all_or_nothing(sandbox: Sandbox, http: httpx.Client) -> None:
    sandbox.seed("11111111-1111-4111-8111-111111111111", sites=5)
    ids = site_ids(http, 3)
    target = create_folder(http, "T")
    response = move_sites(http, [*ids, UNKNOWN], target["id"])
    assert response.status_code == 404
    assert response.json()["details"]["applicationError"]["data"]["unknownIds"] == [UNKNOWN]
    assert all(folder_of(http, sid) == {} for sid in ids)
    response = move_sites(http, ids, UNKNOWN)
    assert response.status_code == 404
    assert response.json()["details"]["applicationError"]["data"]["unknownIds"] == [UNKNOWN]
    # idempotent, duplicates count once
    for _ in range(2):
        assert move_sites(http, [ids[0], ids[0], ids[1].upper()], target["id"]).status_code == 200
    assert folders(http)[0]["siteCount"] == 2


def test_move_sites_limits(http: httpx.Client) -> None:
    ids = [f"00000000-0000-4000-8000-{i:012d}" for i in range(501)]
    response = move_sites(http, ids, "")
    assert response.status_code == 400
    assert violations(response)[0]["field"] == "sites.id.$in"
    response = http.post(MOVE_SITES, json={"sites": {"name": "x"}, "targetFolderId": ""})
    assert response.status_code == 400


def test_folder_of_unknown_site(http: httpx.Client) -> None:
    response = http.get(f"{FOLDERS}/sites/{UNKNOWN}")
    assert response.status_code == 404
    assert response.json()["details"]["applicationError"]["data"]["unknownIds"] == [UNKNOWN]
    assert http.get(f"{FOLDERS}/sites/not-a-guid").status_code == 400


# -- update -------------------------------------------------------------------------------------


def test_rename(http: httpx.Client, sandbox: Sandbox) -> None:
    folder = create_folder(http, "Old")
    url = f"{FOLDERS}/{folder['id']}"
    response = http.patch(
        url, json={"folder": {"id": folder["id"], "name": "New"}, "fieldMask": "name"}
    )
    assert response.status_code == 200, response.text
    assert response.json()["folder"]["name"] == "New"
    response = http.patch(url, json={"folder": {"name": "Newer"}})  # no mask: the fields present
    assert response.json()["folder"]["name"] == "Newer"
    response = http.patch(url, json={"folder": {"name": "Ignored"}, "fieldMask": "parentId"})
    assert response.status_code == 400
    assert violations(response)[0]["field"] == "fieldMask"
    # the URL binds folder.id (gRPC transcoding): a different id in the body is overridden
    response = http.patch(url, json={"folder": {"id": UNKNOWN, "name": "Newest"}})
    assert response.status_code == 200
    assert response.json()["folder"]["id"] == folder["id"]
    response = http.patch(
        url, json={"folder": {"name": "Newer", "colour": "blue"}, "fieldMask": "name"}
    )
    assert response.status_code == 200, "fields the schema does not know are ignored"
    response = http.patch(url, json={"fieldMask": "name"})
    assert response.status_code == 200, "no name to set: the name stays"
    assert response.json()["folder"]["name"] == "Newer"
    assert http.patch(f"{FOLDERS}/{UNKNOWN}", json={"folder": {"name": "X"}}).status_code == 404
    create_folder(http, "Taken")
    response = http.patch(url, json={"folder": {"name": "Taken"}, "fieldMask": "name"})
    assert response.status_code == 409
    assert folders(http, filter={"id": folder["id"]})[0]["name"] == "Newer"


# -- move folders ----------------------------------------------------------------------------


def test_move_folders(http: httpx.Client) -> None:
    a, b = create_folder(http, "A"), create_folder(http, "B")
    c = create_folder(http, "C", a["id"])
    response = http.patch(MOVE_FOLDERS, json={"folderIds": [b["id"]], "targetFolderId": c["id"]})
    assert response.status_code == 200, response.text
    moved = response.json()["folders"]
    assert moved[0]["parentId"] == c["id"]
    assert moved[0]["createdDate"] is None
    assert [p["name"] for p in folders(http, filter={"id": b["id"]})[0]["path"]] == ["A", "C"]
    response = http.patch(MOVE_FOLDERS, json={"folderIds": [b["id"]], "targetFolderId": "root"})
    assert response.json()["folders"][0]["parentId"] == ""


@pytest.mark.parametrize("into", ["self", "child", "grandchild"])
def test_move_folder_into_itself_is_a_cycle(http: httpx.Client, into: str) -> None:
    a = create_folder(http, "A")
    child = create_folder(http, "child", a["id"])
    grandchild = create_folder(http, "grandchild", child["id"])
    target = {"self": a, "child": child, "grandchild": grandchild}[into]
    response = http.patch(
        MOVE_FOLDERS, json={"folderIds": [a["id"]], "targetFolderId": target["id"]}
    )
    assert response.status_code == 400
    assert error_code(response) == "FOLDER_CYCLE"
    assert folders(http, filter={"id": a["id"]})[0]["parentId"] == ""


def test_move_folders_all_or_nothing(http: httpx.Client) -> None:
    a, b, t = create_folder(http, "A"), create_folder(http, "B"), create_folder(http, "T")
    create_folder(http, "B", t["id"])
    response = http.patch(
        MOVE_FOLDERS, json={"folderIds": [a["id"], UNKNOWN], "targetFolderId": t["id"]}
    )
    assert response.status_code == 404
    assert response.json()["details"]["applicationError"]["data"]["unknownIds"] == [UNKNOWN]
    response = http.patch(
        MOVE_FOLDERS, json={"folderIds": [a["id"], b["id"]], "targetFolderId": t["id"]}
    )
    assert response.status_code == 409  # B clashes with T/B: A does not move either
    assert {
        f["name"]: f["parentId"] for f in folders(http, filter={"parentId": {"$exists": False}})
    } == {"A": "", "B": "", "T": ""}
    response = http.patch(MOVE_FOLDERS, json={"folderIds": [a["id"]], "targetFolderId": UNKNOWN})
    assert response.status_code == 404


def test_move_folders_limits(http: httpx.Client) -> None:
    ids = [f"00000000-0000-4000-8000-{i:012d}" for i in range(1001)]
    assert (
        http.patch(MOVE_FOLDERS, json={"folderIds": ids, "targetFolderId": ""}).status_code == 400
    )
    assert http.patch(MOVE_FOLDERS, json={"folderIds": [], "targetFolderId": ""}).status_code == 400


def test_move_folders_depth(http: httpx.Client) -> None:
    parent = None
    for level in range(46):
        parent = create_folder(http, f"L{level}", parent)["id"]
    branch = create_folder(http, "branch")
    below = branch["id"]
    for level in range(5):
        below = create_folder(http, f"B{level}", below)["id"]
    response = http.patch(
        MOVE_FOLDERS, json={"folderIds": [branch["id"]], "targetFolderId": parent}
    )
    assert response.status_code == 400
    assert error_code(response) == "PATH_TOO_DEEP"
    assert response.json()["details"]["applicationError"]["data"]["pathLength"] == 51
    lower = folders(http, filter={"name": "L44"})[0]["id"]  # one level up: 50 above the deepest
    response = http.patch(MOVE_FOLDERS, json={"folderIds": [branch["id"]], "targetFolderId": lower})
    assert response.status_code == 200, response.text


# -- delete ------------------------------------------------------------------------------------


def test_delete_moves_content_to_the_parent(sandbox: Sandbox, http: httpx.Client) -> None:
    sandbox.seed("11111111-1111-4111-8111-111111111111", sites=4)
    ids = site_ids(http, 2)
    top = create_folder(http, "Top")
    doomed = create_folder(http, "Doomed", top["id"])
    kid = create_folder(http, "Kid", doomed["id"])
    move_sites(http, ids, doomed["id"])
    response = http.delete(f"{FOLDERS}/{doomed['id']}")
    assert response.status_code == 200
    assert response.json() == {}
    assert folder_of(http, ids[0])["id"] == top["id"]
    moved = folders(http, filter={"id": kid["id"]})[0]
    assert moved["parentId"] == top["id"]
    assert [p["name"] for p in moved["path"]] == ["Top"]
    assert http.delete(f"{FOLDERS}/{doomed['id']}").status_code == 404
    http.delete(f"{FOLDERS}/{top['id']}")
    assert folder_of(http, ids[1]) == {}
    assert folders(http, filter={"id": kid["id"]})[0]["parentId"] == ""


def test_delete_with_a_name_clash_changes_nothing(sandbox: Sandbox, http: httpx.Client) -> None:
    sandbox.seed("11111111-1111-4111-8111-111111111111", sites=2)
    ids = site_ids(http, 1)
    doomed = create_folder(http, "Doomed")
    create_folder(http, "Same", doomed["id"])
    create_folder(http, "Same")
    move_sites(http, ids, doomed["id"])
    response = http.delete(f"{FOLDERS}/{doomed['id']}")
    assert response.status_code == 409
    assert folder_of(http, ids[0])["id"] == doomed["id"]
    assert len(folders(http)) == 3


# -- query folders -----------------------------------------------------------------------------


def test_query_folders(http: httpx.Client, sandbox: Sandbox) -> None:
    names = ["Folder 1", "Folder 2", "Archive", "folder 3"]
    made = [create_folder(http, name) for name in names]
    sub = create_folder(http, "Sub Folder", made[0]["id"])
    assert [f["name"] for f in folders(http)] == [*names, "Sub Folder"]  # createdDate, then id
    assert {f["name"] for f in folders(http, filter={"name": {"$contains": "older"}})} == {
        "Folder 1",
        "Folder 2",
        "folder 3",
        "Sub Folder",
    }
    assert {f["name"] for f in folders(http, filter={"name": {"$startsWith": "FOLDER"}})} == {
        "Folder 1",
        "Folder 2",
        "folder 3",
    }
    assert [f["name"] for f in folders(http, filter={"name": "Archive"})] == ["Archive"]
    assert [f["id"] for f in folders(http, filter={"id": {"$in": [sub["id"]]}})] == [sub["id"]]
    assert len(folders(http, filter={"parentId": {"$exists": False}})) == 4
    assert [f["name"] for f in folders(http, filter={"parentId": made[0]["id"]})] == ["Sub Folder"]
    by_name = folders(http, sort=[{"fieldName": "name", "order": "DESC"}])
    assert [f["name"] for f in by_name] == sorted([*names, "Sub Folder"], reverse=True)
    response = http.post(QUERY_FOLDERS, json={"query": {"paging": {"limit": 2, "offset": 1}}})
    page = response.json()
    assert [f["name"] for f in page["folders"]] == names[1:3]
    assert page["metadata"] == {"count": 2, "offset": 1, "total": 5}
    assert http.post(QUERY_FOLDERS, json={}).json()["metadata"]["total"] == 5


@pytest.mark.parametrize(
    "query",
    [
        {"paging": {"limit": 1001}},
        {"paging": {"limit": 0}},
        {"paging": {"offset": -1}},
        {"filter": {"name": {"$regex": "x"}}},
        {"filter": {"name": 5}},
        {"filter": []},
    ],
)
def test_query_folders_refuses(http: httpx.Client, query: dict[str, Any]) -> None:
    response = http.post(QUERY_FOLDERS, json={"query": query})
    assert response.status_code == 400, response.text
    assert response.json()["message"]
