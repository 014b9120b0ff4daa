"""The sandbox's Site Actions (trash, duplicate), Publish Site and Transfer Site, true to the docs."""

from __future__ import annotations

import random
import sqlite3
import threading
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.sandbox_fixtures import (
    ACCOUNT,
    BASE_URL,
    COUNT_SITES,
    KEY,
    MOVE_SITES,
    OTHER_ACCOUNT,
    OTHER_KEY,
    QUERY_FOLDERS,
    QUERY_SITES,
    ManualClock,
    client,
    create_folder,
    error_code,
    make_sandbox,
)
from tests.spec_tools import spec
from wixsandbox import Sandbox

TRASH = "/site-actions/v1/bulk/sites/delete"
DUPLICATE = "/site-actions/v1/sites/duplicate"
PUBLISH = "/site-publisher/v1/site/publish"
TRANSFER = "/b2b-site-management/v1/transfer-site"
SUB = "55555555-5555-4555-8555-555555555555"
SUB_KEY = "test-key-sub-account"
SIBLING = "66666666-6666-4666-8666-666666666666"
STRANGER = "77777777-7777-4777-8777-777777777777"
UNKNOWN_SITE = "0badbad0-0000-4000-8000-000000000000"


def sites_of(http: httpx.Client, filter_: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    body = {"query": {"filter": filter_ or {}, "cursorPaging": {"limit": 1000}}}
    response = http.post(QUERY_SITES, json=body)
    assert response.status_code == 200, response.text
    return list(response.json()["sites"])


def one_site(http: httpx.Client, site_id: str) -> dict[str, Any]:
    found = sites_of(http, {"id": site_id, "namespace": {"$exists": True}})
    assert len(found) == 1, found
    return found[0]


@pytest.fixture
def sandbox() -> Sandbox:
    sandbox = make_sandbox(clock=ManualClock())
    sandbox.seed(ACCOUNT, sites=30, seed=4)
    return sandbox


@pytest.fixture
def http(sandbox: Sandbox) -> httpx.Client:
    return client(sandbox)


def test_trash_trashes_each_site_alone_and_never_deletes(http: httpx.Client) -> None:
    folder = create_folder(http, "Suspended")
    plain = [s["id"] for s in sites_of(http, {"premium": False, "state": "ACTIVE"})][:3]
    premium = sites_of(http, {"premium": True})[0]["id"]
    moved = http.post(
        MOVE_SITES, json={"sites": {"id": {"$in": plain}}, "targetFolderId": folder["id"]}
    )
    assert moved.status_code == 200
    total = len(sites_of(http))
    ids = [plain[0], premium, UNKNOWN_SITE, plain[1].upper(), plain[2]]
    response = http.post(TRASH, json={"ids": ids})
    assert response.status_code == 200, response.text
    items = [r["itemMetadata"] for r in response.json()["results"]]
    assert [(i["id"], i["originalIndex"], i["success"]) for i in items] == [
        (ids[0], 0, True),
        (premium, 1, False),
        (UNKNOWN_SITE, 2, False),
        (ids[3], 3, True),
        (plain[2], 4, True),
    ]
    assert items[1]["error"] == {
        "code": "PREMIUM_NOT_PERMITTED",
        "description": "unassign premium request: NOT_PERMITTED",
    }
    assert items[2]["error"]["code"] == "NOT_FOUND"
    assert response.json()["bulkActionMetadata"] == {"totalSuccesses": 3, "totalFailures": 2}
    trashed = {s["id"] for s in sites_of(http, {"state": "TRASHED", "id": {"$in": plain}})}
    assert trashed == set(plain)
    for site_id in plain:
        site = one_site(http, site_id)
        assert site["trashedDate"] == "2025-01-01T12:00:00.000Z"
        assert "folderId" not in site  # in the trash, not in a folder
    assert "trashedDate" not in one_site(http, premium)
    assert len(sites_of(http)) == total  # nothing was deleted


def test_trashing_a_trashed_site_succeeds_and_keeps_its_date(
    sandbox: Sandbox, http: httpx.Client
) -> None:
    site_id = sites_of(http, {"premium": False, "state": "ACTIVE"})[0]["id"]
    assert http.post(TRASH, json={"ids": [site_id]}).status_code == 200
    assert isinstance(sandbox.clock, ManualClock)
    sandbox.clock.advance(hours=1)
    again = http.post(TRASH, json={"ids": [site_id]}).json()
    assert [r["itemMetadata"]["success"] for r in again["results"]] == [True]
    assert one_site(http, site_id)["trashedDate"] == "2025-01-01T12:00:00.000Z"


def test_trash_counts_a_site_once_however_often_it_is_named(http: httpx.Client) -> None:
    """Before: the same id three times (once in upper case) reported totalSuccesses 3."""
    plain = [s["id"] for s in sites_of(http, {"premium": False, "state": "ACTIVE"})][:2]
    premium = sites_of(http, {"premium": True})[0]["id"]
    ids = [plain[0], premium, plain[0].upper(), plain[1], plain[0], premium.upper()]
    response = http.post(TRASH, json={"ids": ids})
    assert response.status_code == 200, response.text
    items = [r["itemMetadata"] for r in response.json()["results"]]
    # one result per site, at its first mention, as it was sent
    assert [(i["id"], i["originalIndex"], i["success"]) for i in items] == [
        (plain[0], 0, True),
        (premium, 1, False),
        (plain[1], 3, True),
    ]
    assert response.json()["bulkActionMetadata"] == {"totalSuccesses": 2, "totalFailures": 1}


def test_a_trashed_site_cannot_move_into_a_folder(sandbox: Sandbox, http: httpx.Client) -> None:
    """Before: Move Sites To Folder took a trashed site, which then had both trashedDate and
    folderId and counted in the folder's siteCount."""
    folder = create_folder(http, "Live")
    plain = [s["id"] for s in sites_of(http, {"premium": False, "state": "ACTIVE"})][:3]
    assert http.post(TRASH, json={"ids": plain[:2]}).status_code == 200
    before = snapshot(sandbox)
    for target in (folder["id"], ""):
        body = {"sites": {"id": {"$in": [plain[2], plain[0].upper(), plain[1]]}}}
        moved = http.post(MOVE_SITES, json={**body, "targetFolderId": target})
        assert (moved.status_code, error_code(moved)) == (428, "SITE_IN_TRASH"), moved.text
        data = moved.json()["details"]["applicationError"]["data"]
        assert data == {"trashedIds": [plain[0], plain[1]]}  # lower case, as sent otherwise
        assert "restore" in moved.json()["message"]
        assert snapshot(sandbox) == before  # nothing moved, the active site either
    assert sandbox.response_violations == []
    again = http.post(
        MOVE_SITES, json={"sites": {"id": {"$in": [plain[2]]}}, "targetFolderId": folder["id"]}
    )
    assert again.status_code == 200
    listed = http.post(QUERY_FOLDERS, json={}).json()["folders"]
    assert [f["siteCount"] for f in listed if f["id"] == folder["id"]] == [1]


def test_moving_a_trashed_site_is_documented_as_the_sandboxs_refusal() -> None:
    op = spec()["paths"]["/site-folders/v2/folders/bulk/sites/move"]["post"]
    ours = {(e["status"], e["code"]): e for e in op["x-wixsites-errors"]}
    assert "x-wixsites-extension" in ours[(428, "SITE_IN_TRASH")]
    assert "428" in op["responses"]
    assert "trashedIds" in " ".join(op["description"].split())


def _trashed_in_folders(sandbox: Sandbox) -> int:
    with sandbox.store.read() as conn:
        row = conn.execute("SELECT COUNT(*) FROM sites WHERE trashed_ms > 0 AND folder_id <> ''")
        return int(row.fetchone()[0])


def _folder_counts_agree(sandbox: Sandbox, account: str, key: str) -> None:
    with client(sandbox, key, account) as http:
        for folder in http.post(QUERY_FOLDERS, json={}).json()["folders"]:
            active = {"folderId": folder["id"], "state": "ACTIVE", "namespace": {"$exists": True}}
            every = {"folderId": folder["id"], "namespace": {"$exists": True}}
            counted = [
                http.post(COUNT_SITES, json={"filter": f}).json()["count"] for f in (active, every)
            ]
            assert counted == [folder["siteCount"]] * 2, folder


def test_seeded_and_migrated_trashed_sites_are_in_no_folder(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    with make_sandbox(db) as sandbox:
        sandbox.seed(ACCOUNT, sites=400, folders=4, seed=8)
        assert _trashed_in_folders(sandbox) == 0
        _folder_counts_agree(sandbox, ACCOUNT, KEY)
        with sandbox.store.write() as conn:  # as an earlier version could leave a database
            folder = conn.execute("SELECT id FROM folders LIMIT 1").fetchone()[0]
            conn.execute("UPDATE sites SET folder_id = ? WHERE trashed_ms > 0", (folder,))
            conn.execute("DELETE FROM meta WHERE key LIKE 'migrated: %'")
        assert _trashed_in_folders(sandbox) > 10
    with Sandbox(db) as again:
        assert _trashed_in_folders(again) == 0
        _folder_counts_agree(again, ACCOUNT, KEY)


def test_racing_trash_moves_and_transfers_leaves_no_trashed_site_in_a_folder(
    tmp_path: Path,
) -> None:
    """Before: racing these on 600 sites left hundreds of trashed sites inside folders."""
    db = tmp_path / "race.db"
    with make_sandbox(db) as first, Sandbox(db) as second:
        first.add_api_key(SUB_KEY, SUB)
        first.relate_accounts(ACCOUNT, [SUB])
        first.seed(ACCOUNT, sites=600, folders=5, seed=11)
        create_folder(client(first, KEY, SUB), "Clients")
        with client(first) as http:
            ids = [s["id"] for s in sites_of(http, {"namespace": {"$exists": True}})]
        assert len(ids) == 600
        targets = {
            account: [
                f["id"]
                for f in client(first, KEY, account).post(QUERY_FOLDERS, json={}).json()["folders"]
            ]
            for account in (ACCOUNT, SUB)
        }
        unexpected: list[str] = []

        def trash(box: Sandbox, seed: int) -> None:
            rng = random.Random(seed)
            with client(box) as http:
                for _ in range(8):
                    answer = http.post(TRASH, json={"ids": rng.sample(ids, 20)})
                    if answer.status_code != 200:
                        unexpected.append(f"trash {answer.status_code}")

        def move(box: Sandbox, seed: int) -> None:
            rng = random.Random(seed)
            for n in range(16):
                account = (ACCOUNT, SUB)[n % 2]
                batch = rng.sample(ids, 60)
                with client(box, KEY, account) as http:
                    for _ in range(4):  # a refused batch is sent again without the ids named
                        body = {
                            "sites": {"id": {"$in": batch}},
                            "targetFolderId": rng.choice(targets[account]),
                        }
                        answer = http.post(MOVE_SITES, json=body)
                        if answer.status_code == 200 or not batch:
                            break
                        if answer.status_code not in (404, 428):
                            unexpected.append(f"move {answer.status_code}")
                            break
                        data = answer.json()["details"]["applicationError"]["data"]
                        named = set(data.get("unknownIds", [])) | set(data.get("trashedIds", []))
                        batch = [i for i in batch if i not in named]

        def transfer_some(box: Sandbox, seed: int) -> None:
            rng = random.Random(seed)
            for site in rng.sample(ids, 24):
                source, target = rng.choice([(ACCOUNT, SUB), (SUB, ACCOUNT)])
                answer = transfer(box, site, source, target)
                if answer.status_code not in (200, 400, 428):  # 400: not in the source (now)
                    unexpected.append(f"transfer {answer.status_code}")

        work = [
            (trash, 1),
            (move, 2),
            (transfer_some, 3),
            (trash, 4),
            (move, 5),
            (transfer_some, 6),
        ]
        threads = [
            threading.Thread(target=job, args=((first, second)[n % 2], seed))
            for n, (job, seed) in enumerate(work)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
        assert unexpected == []
        assert _trashed_in_folders(first) == 0
        for account in (ACCOUNT, SUB):
            _folder_counts_agree(second, account, KEY)


@pytest.mark.parametrize("count", [0, 21])
def test_trash_takes_1_to_20_ids(http: httpx.Client, count: int) -> None:
    ids = [s["id"] for s in sites_of(http, {"state": "ACTIVE"})][:count]
    ids += [f"00000000-0000-4000-8000-{n:012d}" for n in range(count - len(ids))]
    response = http.post(TRASH, json={"ids": ids})
    assert response.status_code == 400
    assert response.json()["details"]["validationError"]["fieldViolations"][0]["field"] == "ids"
    assert sites_of(http, {"state": "TRASHED", "id": {"$in": ids or [UNKNOWN_SITE]}}) == []


def test_duplicate_makes_a_plain_site_in_the_same_account(http: httpx.Client) -> None:
    source = sites_of(http, {"premium": True, "domainConnected": True})[0]
    response = http.post(
        DUPLICATE, json={"sourceSiteId": source["id"], "siteDisplayName": "Client X"}
    )
    assert response.status_code == 200, response.text
    new_id = response.json()["newSiteId"]
    copy = one_site(http, new_id)  # queryable at once
    assert copy["displayName"] == "Client X"
    assert copy["ownerAccountId"] == ACCOUNT
    assert (copy["premium"], copy["domainConnected"], copy["published"]) == (False, False, False)
    assert copy["viewUrl"].endswith(".wixsite.com/client-x")
    assert copy["editorType"] == source["editorType"]
    assert "folderId" not in copy
    assert "trashedDate" not in copy
    second = http.post(DUPLICATE, json={"sourceSiteId": new_id, "siteDisplayName": "Client X"})
    assert one_site(http, second.json()["newSiteId"])["name"] == "client-x-2"


def test_duplicate_refuses_an_unknown_source_and_a_blank_name(
    sandbox: Sandbox, http: httpx.Client
) -> None:
    before = len(sites_of(http))
    unknown = http.post(DUPLICATE, json={"sourceSiteId": UNKNOWN_SITE, "siteDisplayName": "X"})
    assert (unknown.status_code, error_code(unknown)) == (404, "NOT_FOUND")
    source = sites_of(http)[0]["id"]
    other = client(sandbox, OTHER_KEY, OTHER_ACCOUNT)
    foreign = other.post(DUPLICATE, json={"sourceSiteId": source, "siteDisplayName": "X"})
    assert foreign.status_code == 404  # a site of another account
    blank = http.post(DUPLICATE, json={"sourceSiteId": source, "siteDisplayName": "  "})
    assert blank.status_code == 400
    assert len(sites_of(http)) == before


def site_level(sandbox: Sandbox, site_id: str | None, key: str = KEY) -> httpx.Client:
    headers = {"Authorization": key}
    if site_id is not None:
        headers["wix-site-id"] = site_id
    return httpx.Client(transport=sandbox.transport(), base_url=BASE_URL, headers=headers)


def test_publish_is_a_site_level_call_that_sets_published(
    sandbox: Sandbox, http: httpx.Client
) -> None:
    site = sites_of(http, {"published": False, "state": "ACTIVE"})[0]
    assert isinstance(sandbox.clock, ManualClock)
    sandbox.clock.advance(days=1)
    response = site_level(sandbox, site["id"]).post(PUBLISH, json={})
    assert (response.status_code, response.json()) == (200, {})
    after = one_site(http, site["id"])
    assert after["published"] is True
    assert after["updatedDate"] == "2025-01-02T12:00:00.000Z"
    assert site_level(sandbox, site["id"]).post(PUBLISH).status_code == 200  # no body: fine


def test_publish_refusals(sandbox: Sandbox, http: httpx.Client) -> None:
    site_id = sites_of(http, {"premium": False, "state": "ACTIVE"})[0]["id"]
    missing = http.post(PUBLISH, json={})  # wix-account-id alone names no site
    assert (missing.status_code, error_code(missing)) == (401, "UNAUTHENTICATED")
    foreign = site_level(sandbox, site_id, OTHER_KEY).post(PUBLISH, json={})
    assert (foreign.status_code, error_code(foreign)) == (404, "NOT_FOUND")
    assert site_level(sandbox, UNKNOWN_SITE).post(PUBLISH, json={}).status_code == 404
    assert site_level(sandbox, site_id).post(PUBLISH, json={"x": 1}).status_code == 400
    http.post(TRASH, json={"ids": [site_id]})
    trashed = site_level(sandbox, site_id).post(PUBLISH, json={})
    assert (trashed.status_code, error_code(trashed)) == (428, "SITE_IN_TRASH")
    assert one_site(http, site_id)["published"] in (True, False)


# -- transfer -------------------------------------------------------------------------------


@pytest.fixture
def family(sandbox: Sandbox) -> Sandbox:
    """ACCOUNT is a main account with the sub-accounts SUB and SIBLING; OTHER_ACCOUNT is unrelated."""
    sandbox.add_api_key(SUB_KEY, SUB)
    assert sandbox.relate_accounts(ACCOUNT, [SUB, SIBLING]) == [SUB, SIBLING]
    assert sandbox.relate_accounts(ACCOUNT, [SUB]) == []  # again: nothing new
    sandbox.seed(SUB, sites=3, seed=1)
    sandbox.seed(OTHER_ACCOUNT, sites=3, seed=1)
    return sandbox


def transfer(
    sandbox: Sandbox, site_id: str, source: str, target: str, key: str = KEY
) -> httpx.Response:
    body = {"siteTransfer": {"siteId": site_id, "sourceAccountId": source}}
    return client(sandbox, key, target).post(TRANSFER, json=body)


def snapshot(sandbox: Sandbox) -> list[tuple[Any, ...]]:
    with sandbox.store.read() as conn:
        return [tuple(row) for row in conn.execute("SELECT * FROM sites ORDER BY seq")]


def test_transfer_moves_a_plain_site_to_the_header_account(family: Sandbox) -> None:
    http = client(family)
    folder = create_folder(http, "Live")
    site_id = sites_of(http, {"premium": False})[0]["id"]
    http.post(
        MOVE_SITES, json={"sites": {"id": {"$in": [site_id]}}, "targetFolderId": folder["id"]}
    )
    body = {
        "siteTransfer": {"siteId": site_id, "sourceAccountId": ACCOUNT, "enableNotifications": True}
    }
    response = client(family, KEY, SUB).post(TRANSFER, json=body)  # the main key acts for SUB
    assert response.status_code == 200, response.text
    assert response.json() == body
    assert site_id not in {s["id"] for s in sites_of(http)}
    moved = one_site(client(family, SUB_KEY, SUB), site_id)
    assert moved["ownerAccountId"] == SUB
    assert "folderId" not in moved
    # and back, sub to main; then sub to sibling
    assert transfer(family, site_id, SUB, ACCOUNT).status_code == 200
    assert transfer(family, site_id, ACCOUNT, SIBLING).status_code == 200
    assert transfer(family, site_id, SIBLING, SUB).status_code == 200


@pytest.mark.parametrize(
    ("case", "status", "code"),
    [
        ("unknown target", 428, "TARGET_ACCOUNT_ID_NOT_FOUND"),
        ("unrelated target", 403, "SITE_TRANSFER_NOT_ALLOWED"),
        ("unrelated source", 403, "SITE_TRANSFER_NOT_ALLOWED"),
        ("same account", 403, "SITE_TRANSFER_NOT_ALLOWED"),
        ("site not in source", 400, "SITE_NOT_FOUND"),
        ("premium site", 428, "SITE_TRANSFER_NOT_SUPPORTED"),
    ],
)
def test_transfer_errors_change_nothing(family: Sandbox, case: str, status: int, code: str) -> None:
    http = client(family)
    plain = sites_of(http, {"premium": False})[0]["id"]
    premium = sites_of(http, {"premium": True})[0]["id"]
    other = sites_of(client(family, OTHER_KEY, OTHER_ACCOUNT))[0]["id"]
    site, source, target = {
        "unknown target": (plain, ACCOUNT, STRANGER),
        "unrelated target": (plain, ACCOUNT, OTHER_ACCOUNT),
        "unrelated source": (other, OTHER_ACCOUNT, SUB),
        "same account": (plain, ACCOUNT, ACCOUNT),
        "site not in source": (plain, SUB, ACCOUNT),
        "premium site": (premium, ACCOUNT, SUB),
    }[case]
    before = snapshot(family)
    response = transfer(family, site, source, target)
    assert (response.status_code, error_code(response)) == (status, code), response.text
    assert snapshot(family) == before


ACCOUNTS = {"main": ACCOUNT, "sub": SUB, "sibling": SIBLING, "unrelated": OTHER_ACCOUNT}
KEYS = {"main": KEY, "sub": SUB_KEY, "unrelated": OTHER_KEY}


@pytest.mark.parametrize("target", sorted(ACCOUNTS))
@pytest.mark.parametrize("source", sorted(ACCOUNTS))
@pytest.mark.parametrize("caller", sorted(KEYS))
def test_a_transfer_needs_a_key_that_acts_for_both_accounts(
    caller: str, source: str, target: str
) -> None:
    """MAIN has the sub-accounts SUB and SIBLING; UNRELATED is another main account. Only the
    main account's key transfers, between two different accounts of its own (before: SUB's key
    took MAIN's and SIBLING's sites, and moved MAIN's sites into SIBLING)."""
    sandbox = make_sandbox(clock=ManualClock())
    sandbox.add_api_key(SUB_KEY, SUB)
    sandbox.relate_accounts(ACCOUNT, [SUB, SIBLING])
    for account in ACCOUNTS.values():
        sandbox.seed(account, sites=6, seed=2)
    family = {"main", "sub", "sibling"}
    owner = client(sandbox, KEY if source in family else OTHER_KEY, ACCOUNTS[source])
    site = sites_of(owner, {"premium": False})[0]["id"]
    before = snapshot(sandbox)
    response = transfer(sandbox, site, ACCOUNTS[source], ACCOUNTS[target], KEYS[caller])
    allowed = caller == "main" and source != target and {source, target} <= family
    if allowed:
        assert response.status_code == 200, response.text
        with sandbox.store.read() as conn:
            row = conn.execute("SELECT account_id FROM sites WHERE id = ?", (site,)).fetchone()
        assert row[0] == ACCOUNTS[target]
    else:
        assert (response.status_code, error_code(response)) == (403, "SITE_TRANSFER_NOT_ALLOWED")
        assert snapshot(sandbox) == before


def test_the_transfer_rule_is_written_in_the_spec() -> None:
    described = " ".join(
        spec()["paths"]["/b2b-site-management/v1/transfer-site"]["post"]["description"].split()
    )
    assert "allowed to act for both the source and the target account" in described
    assert "a sub-account's key transfers nothing" in described


def test_the_transfer_errors_are_the_documented_ones() -> None:
    op = spec()["paths"]["/b2b-site-management/v1/transfer-site"]["post"]
    documented = {(e["status"], e["code"]) for e in op["x-wix-errors"]}
    assert documented == {
        (428, "TARGET_ACCOUNT_ID_NOT_FOUND"),
        (403, "SITE_TRANSFER_NOT_ALLOWED"),
        (400, "SITE_NOT_FOUND"),
        (428, "SITE_TRANSFER_NOT_SUPPORTED"),
    }
    assert op["x-wix-permissions"] == ["Manage B2B Sites"]


def test_a_main_account_key_acts_for_its_sub_accounts_only(family: Sandbox) -> None:
    assert len(sites_of(client(family, KEY, SUB))) == 3
    assert client(family, SUB_KEY, ACCOUNT).post(QUERY_SITES, json={}).status_code == 403
    assert client(family, KEY, OTHER_ACCOUNT).post(QUERY_SITES, json={}).status_code == 403


def test_relations_are_checked(sandbox: Sandbox) -> None:
    sandbox.relate_accounts(ACCOUNT, [SUB])
    for main, subs, why in (
        (SUB, [SIBLING], "is itself a sub-account"),
        (OTHER_ACCOUNT, [SUB], "already a sub-account"),
        (SIBLING, [ACCOUNT], "has sub-accounts of its own"),
        (ACCOUNT, [ACCOUNT], "of itself"),
        ("not-a-guid", [SIBLING], "must be an account id"),
    ):
        with pytest.raises(ValueError, match=why):
            sandbox.relate_accounts(main, subs)


def test_relations_live_in_the_file_and_old_files_get_the_table(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    with make_sandbox(db) as sandbox:
        pass
    with sqlite3.connect(db) as conn:  # a file made before relations existed
        conn.execute("DROP TABLE account_relations")
    with Sandbox(db) as sandbox:
        sandbox.relate_accounts(ACCOUNT, [SUB])
    with Sandbox(db) as sandbox:
        sandbox.seed(SUB, sites=2)
        assert len(sites_of(client(sandbox, KEY, SUB))) == 2


def test_concurrent_clients_trash_and_duplicate_consistently(tmp_path: Path) -> None:
    db = tmp_path / "shared.db"
    with make_sandbox(db) as first, Sandbox(db) as second:
        first.seed(ACCOUNT, sites=60, seed=9)
        ids = [s["id"] for s in sites_of(client(first), {"premium": False})][:20]
        source = ids[0]
        errors: list[str] = []

        def work(sandbox: Sandbox, n: int) -> None:
            with client(sandbox) as http:
                for i in range(5):
                    trashed = http.post(TRASH, json={"ids": ids})
                    copy = http.post(
                        DUPLICATE, json={"sourceSiteId": source, "siteDisplayName": f"c{n}-{i}"}
                    )
                    if trashed.status_code != 200 or copy.status_code != 200:
                        errors.append(f"{trashed.status_code} {copy.status_code}")
                    elif not all(r["itemMetadata"]["success"] for r in trashed.json()["results"]):
                        errors.append(trashed.text)

        threads = [
            threading.Thread(target=work, args=(box, n))
            for n, box in enumerate((first, second, first, second))
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        http = client(second)
        assert len(sites_of(http, {"state": "TRASHED", "id": {"$in": ids}})) == 20
        names = [s["name"] for s in sites_of(http, {"displayName": {"$startsWith": "c"}})]
        assert len(names) == len(set(names))


@pytest.mark.slow
def test_trash_requests_are_all_or_nothing_under_kill_9(tmp_path: Path) -> None:
    from wixsandbox.process import SandboxProcess

    db = tmp_path / "killed.db"
    with make_sandbox(db) as sandbox:
        sandbox.seed(ACCOUNT, sites=300, seed=6)
        plain = [s["id"] for s in sites_of(client(sandbox), {"premium": False, "state": "ACTIVE"})]
    batches = [plain[i : i + 20] for i in range(0, len(plain) - 19, 20)]
    headers = {"Authorization": KEY, "wix-account-id": ACCOUNT}
    server = SandboxProcess(db).start()
    sent = 0
    try:
        with httpx.Client(base_url=server.url, headers=headers) as http:
            for batch in batches[: len(batches) // 2]:
                assert http.post(TRASH, json={"ids": batch}).status_code == 200
                sent += 1
        stop = threading.Timer(0.05, server.kill)
        stop.start()
        with httpx.Client(base_url=server.url, headers=headers, timeout=2.0) as http:
            for batch in batches[sent:]:
                try:
                    http.post(TRASH, json={"ids": batch})
                except httpx.TransportError:
                    break
        stop.join()
    finally:
        server.kill()
    with Sandbox(db) as again, client(again) as http:
        for n, batch in enumerate(batches):
            trashed = sites_of(http, {"state": "TRASHED", "id": {"$in": batch}})
            assert len(trashed) in (0, 20), n  # one request, one transaction
            assert len(trashed) == 20 or n >= sent
        assert http.post(TRASH, json={"ids": batches[-1]}).status_code == 200  # still usable


def test_python_m_wixsandbox_relates_accounts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from wixsandbox.cli import main

    db = str(tmp_path / "cli.db")
    assert main(["--db", db, "relate", ACCOUNT, SUB, SIBLING]) == 0
    assert capsys.readouterr().out.strip() == f"related to {ACCOUNT}: {SUB}, {SIBLING}"
    with pytest.raises(SystemExit, match="is itself a sub-account"):
        main(["--db", db, "relate", SUB, STRANGER])
    with Sandbox(db) as sandbox, sandbox.store.read() as conn:
        assert conn.execute("SELECT COUNT(*) FROM account_relations").fetchone()[0] == 2


@pytest.mark.parametrize("name", ["a\nb", "tab\there", "x" * 257])
def test_duplicate_refuses_names_no_list_can_show(http: httpx.Client, name: str) -> None:
    source = sites_of(http)[0]["id"]
    response = http.post(DUPLICATE, json={"sourceSiteId": source, "siteDisplayName": name})
    assert response.status_code == 400
