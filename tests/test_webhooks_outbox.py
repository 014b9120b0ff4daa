"""The sandbox records each change's webhooks in the change's transaction and sends them after it:
every action sends the documented events, each of the documented shape, to the right endpoints;
a refused request, or a change nobody listens to, records nothing; the key is sealed at rest.

Deliveries go to a real receiver on 127.0.0.1 (tests/webhook_receiver.py), from the dispatcher
thread of the embedded sandbox."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import jwt
import pytest

from tests.sandbox_fixtures import (
    ACCOUNT,
    APP_ID,
    APP_SECRET,
    BASE_URL,
    FOLDERS,
    MOVE_FOLDERS,
    MOVE_SITES,
    OTHER_ACCOUNT,
    OTHER_KEY,
    QUERY_SITES,
    all_sites,
    client,
    create_folder,
    make_sandbox,
)
from tests.spec_tools import pointer, validator
from tests.webhook_receiver import Receiver
from tests.webhook_tools import inner, outbox
from wixauth import WixSignatureAuth
from wixsandbox import Sandbox
from wixsandbox.process import free_port
from wixsandbox.webhooks import keys
from wixsandbox.webhooks.catalog import kinds
from wixsites import webhooks

SUB = "55555555-5555-4555-8555-555555555555"
BY_TYPE = {k.event_type: k for k in kinds().values()}


class Events:
    """What a receiver got, read in order: (short name, entity id, envelope, data)."""

    def __init__(self, receiver: Receiver, sandbox: Sandbox) -> None:
        self.receiver = receiver
        self.pem = sandbox.webhooks.public_key()
        self.seen = 0

    def next(self, count: int) -> list[tuple[str, str, dict[str, Any], dict[str, Any]]]:
        got = self.receiver.wait_for(self.seen + count)[self.seen :]
        self.seen += count
        found = []
        for request in got:
            envelope, data = inner(request.body, self.pem)
            kind = BY_TYPE[envelope["eventType"]]
            errors = list(
                validator(pointer("components", "schemas", kind.schema)).iter_errors(data)
            )
            assert not errors, (kind.name, [e.message for e in errors])
            assert (data["entityFqdn"], data["slug"]) == (kind.entity_fqdn, kind.slug)
            found.append((kind.name, data["entityId"], envelope, data))
        return found

    def none_since(self) -> None:
        assert len(self.receiver.received) == self.seen, self.receiver.received[self.seen :]


@pytest.fixture
def sandbox(tmp_path: Path) -> Iterator[Sandbox]:
    with make_sandbox(tmp_path / "hooks.db") as sandbox:
        sandbox.seed(ACCOUNT, sites=6, seed=2)
        sandbox.seed(SUB, sites=3, seed=4)
        sandbox.relate_accounts(ACCOUNT, [SUB])
        yield sandbox


def _sites(http: httpx.Client, **filter_: Any) -> list[dict[str, Any]]:
    body = {"query": {"filter": {"premium": False, "state": "ACTIVE", **filter_}}}
    return list(http.post(QUERY_SITES, json=body).json()["sites"])


def test_every_action_sends_its_documented_events_in_order(sandbox: Sandbox) -> None:
    with Receiver() as receiver, client(sandbox) as http:
        sandbox.webhooks.add(receiver.url, ACCOUNT)
        events = Events(receiver, sandbox)
        a = create_folder(http, "A")
        [(name, entity, envelope, data)] = events.next(1)
        assert (name, entity, data["createdEvent"]["entity"]) == ("folder.created", a["id"], a)
        assert envelope["instanceId"] == ACCOUNT
        assert envelope["identity"] == f'{{"identityType":"WIX_USER","wixUserId":"{ACCOUNT}"}}'
        b = create_folder(http, "B", a["id"])
        assert [e[:2] for e in events.next(1)] == [("folder.created", b["id"])]

        renamed = http.patch(f"{FOLDERS}/{a['id']}", json={"folder": {"name": "A2"}}).json()
        [(name, entity, _, data)] = events.next(1)
        assert (name, entity) == ("folder.updated", a["id"])
        assert data["updatedEvent"]["currentEntity"] == renamed["folder"]

        source, other = (s["id"] for s in _sites(http)[:2])
        made = http.post(
            "/site-actions/v1/sites/duplicate",
            json={"sourceSiteId": source, "siteDisplayName": "Spring launch"},
        ).json()["newSiteId"]
        [(name, entity, _, data)] = events.next(1)
        assert (name, entity) == ("site.created", made)
        assert data["createdEvent"]["entity"] == _sites(http, id=made)[0]

        moved = {"sites": {"id": {"$in": [made, other]}}, "targetFolderId": a["id"]}
        assert http.post(MOVE_SITES, json=moved).status_code == 200
        [(name, entity, _, data)] = events.next(1)
        assert (name, entity) == ("sites.moved", a["id"])
        assert data["actionEvent"]["body"] == {
            "targetFolderId": a["id"],
            "metaSiteIds": [made, other],
        }

        publish = http.post(
            "/site-publisher/v1/site/publish", json={}, headers={"wix-site-id": made}
        )
        assert publish.status_code == 200, publish.text
        [(name, entity, _, data)] = events.next(1)
        assert (name, entity, data["updatedEvent"]["currentEntity"]["published"]) == (
            "site.updated",
            made,
            True,
        )

        assert http.patch(MOVE_FOLDERS, json={"folderIds": [b["id"]]}).status_code == 200
        [(name, entity, _, data)] = events.next(1)
        assert (name, entity, data["updatedEvent"]["currentEntity"]["parentId"]) == (
            "folder.updated",
            b["id"],
            "",
        )

        c = create_folder(http, "C", a["id"])
        events.next(1)
        assert http.delete(f"{FOLDERS}/{a['id']}").status_code == 200
        deleted = events.next(3)
        assert [e[:2] for e in deleted] == [
            ("sites.moved", ""),
            ("folder.updated", c["id"]),
            ("folder.deleted", a["id"]),
        ]
        assert sorted(deleted[0][3]["actionEvent"]["body"]["metaSiteIds"]) == sorted([made, other])
        assert deleted[1][3]["updatedEvent"]["currentEntity"]["parentId"] == ""
        assert deleted[2][3]["deletedEvent"] == {}

        missing = "00000000-0000-4000-8000-000000000001"
        trash = http.post("/site-actions/v1/bulk/sites/delete", json={"ids": [made, missing]})
        assert trash.json()["bulkActionMetadata"]["totalFailures"] == 1
        [(name, entity, _, data)] = events.next(1)
        assert (name, entity, data["deletedEvent"]) == (
            "site.deleted",
            made,
            {"movedToTrash": True},
        )

        # Transfer Site: a Site Updated of the site as it is in the target account
        in_sub = _sites(client(sandbox, account=SUB))[0]["id"]
        transfer = http.post(
            "/b2b-site-management/v1/transfer-site",
            json={"siteTransfer": {"siteId": in_sub, "sourceAccountId": SUB}},
        )
        assert transfer.status_code == 200, transfer.text
        [(name, entity, envelope, data)] = events.next(1)
        assert (name, entity, envelope["instanceId"]) == ("site.updated", in_sub, ACCOUNT)
        assert data["updatedEvent"]["currentEntity"]["ownerAccountId"] == ACCOUNT
        events.none_since()


def test_a_request_that_changes_nothing_or_is_refused_records_nothing(sandbox: Sandbox) -> None:
    port = free_port()  # nothing listens: every event stays in the outbox, where it can be read
    with client(sandbox) as http:
        sandbox.webhooks.add(f"http://127.0.0.1:{port}/hooks", ACCOUNT)
        a = create_folder(http, "A")
        site = _sites(http)[0]["id"]
        assert (
            http.post(
                MOVE_SITES, json={"sites": {"id": {"$in": [site]}}, "targetFolderId": a["id"]}
            ).status_code
            == 200
        )
        before = outbox(sandbox)
        assert [e[0] for e in before] == [BY_NAME("folder.created"), BY_NAME("sites.moved")]
        refused = [
            http.post(FOLDERS, json={"folder": {"name": "A"}}),  # 409: the name is taken
            http.post(FOLDERS, json={"folder": {"name": 7}}),  # 400: invalid
            http.patch(
                f"{FOLDERS}/00000000-0000-4000-8000-000000000009", json={"folder": {"name": "x"}}
            ),
            http.post(
                MOVE_SITES,
                json={"sites": {"id": {"$in": [site, "00000000-0000-4000-8000-00000000000a"]}}},
            ),
            http.post(
                "/site-actions/v1/sites/duplicate",
                json={
                    "sourceSiteId": "00000000-0000-4000-8000-00000000000b",
                    "siteDisplayName": "x",
                },
            ),
        ]
        assert [r.status_code for r in refused] == [409, 400, 404, 404, 404]
        unchanged = [
            http.patch(f"{FOLDERS}/{a['id']}", json={"folder": {"name": "A"}}),  # the same name
            http.post(
                MOVE_SITES, json={"sites": {"id": {"$in": [site]}}, "targetFolderId": a["id"]}
            ),
            http.patch(MOVE_FOLDERS, json={"folderIds": [a["id"]]}),  # at root already
        ]
        assert [r.status_code for r in unchanged] == [200, 200, 200]
        assert outbox(sandbox) == before  # (the dispatcher could not deliver them)


def BY_NAME(name: str) -> str:
    return kinds()[name].event_type


def test_without_an_endpoint_nothing_is_written(sandbox: Sandbox) -> None:
    with client(sandbox) as http:
        create_folder(http, "Nobody listens")
        site = _sites(http)[0]["id"]
        http.post("/site-actions/v1/bulk/sites/delete", json={"ids": [site]}).raise_for_status()
    assert outbox(sandbox) == []
    assert not sandbox.webhooks.sending  # and no dispatcher was started for it


def test_a_sub_accounts_events_reach_its_main_accounts_endpoints_never_the_reverse(
    sandbox: Sandbox,
) -> None:
    sandbox.add_api_key("sub-key", SUB)
    with Receiver() as main_hooks, Receiver() as sub_hooks, Receiver() as stranger_hooks:
        sandbox.webhooks.add(main_hooks.url, ACCOUNT)
        sandbox.webhooks.add(sub_hooks.url, SUB)
        sandbox.webhooks.add(stranger_hooks.url, OTHER_ACCOUNT)
        with client(sandbox, key="sub-key", account=SUB) as sub:
            in_sub = create_folder(sub, "Client work")
        with client(sandbox) as main:
            create_folder(main, "Agency only")
            acting = main.post(
                FOLDERS,
                json={"folder": {"name": "Made by the main key"}},
                headers={"wix-account-id": SUB},
            )
            assert acting.status_code == 200, acting.text
        pem = sandbox.webhooks.public_key()
        got = [inner(r.body, pem) for r in main_hooks.wait_for(3)]
        assert (got[0][0]["instanceId"], got[0][1]["entityId"]) == (SUB, in_sub["id"])
        assert [e["instanceId"] for e, _ in got] == [SUB, ACCOUNT, SUB]
        sub_got = [inner(r.body, pem) for r in sub_hooks.wait_for(2)]
        assert [e["instanceId"] for e, _ in sub_got] == [SUB, SUB]
        # the sub-account's own key: its user; the main account's key acting for it: the main's
        assert [json_of(e["identity"])["wixUserId"] for e, _ in sub_got] == [SUB, ACCOUNT]
    assert stranger_hooks.received == []
    assert len(sub_hooks.received) == 2  # never the main account's own event


def json_of(text: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def test_an_endpoint_gets_only_the_events_it_asked_for(sandbox: Sandbox) -> None:
    with Receiver() as sites_only, Receiver() as everything, client(sandbox) as http:
        sandbox.webhooks.add(sites_only.url, ACCOUNT, ["site.*"])
        sandbox.webhooks.add(everything.url, ACCOUNT)
        create_folder(http, "Not for sites_only")
        site = _sites(http)[0]["id"]
        http.post("/site-actions/v1/bulk/sites/delete", json={"ids": [site]}).raise_for_status()
        everything.wait_for(2)
        [trashed] = sites_only.wait_for(1)
        envelope, data = inner(trashed.body, sandbox.webhooks.public_key())
        assert (envelope["eventType"], data["entityId"]) == (BY_NAME("site.deleted"), site)
    assert len(sites_only.received) == 1


def test_a_signed_call_is_the_apps_identity(sandbox: Sandbox) -> None:
    with Receiver() as receiver, client(sandbox) as http:
        site = _sites(http)[0]["id"]
        instance = sandbox.add_instance(None, APP_ID, site_id=site)
        sandbox.webhooks.add(receiver.url, ACCOUNT, ["site.updated"])
        request = httpx.Request(
            "POST",
            BASE_URL + "/site-publisher/v1/site/publish",
            json={},
            headers={"wix-site-id": site},
        )
        WixSignatureAuth(APP_SECRET, APP_ID, instance, clock=sandbox.clock).sign(request)
        with httpx.Client(transport=sandbox.transport()) as raw:
            assert raw.send(request).status_code == 200
        [delivered] = receiver.wait_for(1)
    event = webhooks.parse(delivered.body, sandbox.webhooks.public_key())
    assert isinstance(event, webhooks.SiteUpdated)
    assert (event.identity.identity_type, event.identity.app_id) == ("APP", APP_ID)
    assert (event.site.id, event.site.published) == (site, True)


def test_the_private_key_is_sealed_at_rest_and_the_public_key_verifies(tmp_path: Path) -> None:
    db = tmp_path / "sealed.db"
    with make_sandbox(db) as sandbox:
        pem = sandbox.webhooks.public_key()
        signer = keys.signer(sandbox.store)
        token = signer.sign({"data": "{}", "iat": 1})
        assert repr(signer).startswith("Signer(kid=")
        with sandbox.store.read() as conn:
            sealed = conn.execute("SELECT value FROM meta WHERE key = ?", (keys.PRIVATE,))
            private = sandbox.store.vault.unseal(str(sealed.fetchone()[0]))
    body = "".join(private.splitlines()[1:-1]).encode()  # the key itself, base64
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir())
    assert b"PRIVATE KEY" not in raw
    assert not any(body[i : i + 32] in raw for i in range(0, len(body) - 32, 32))
    assert b"BEGIN PUBLIC KEY" in raw

    assert jwt.decode(token, pem, algorithms=["RS256"], options={"verify_iat": False}) == {
        "data": "{}",
        "iat": 1,
    }
    with make_sandbox(db) as again:  # the same pair, from the same file
        assert again.webhooks.public_key() == pem
    assert re.search(rb"sealed1:", raw)
    assert private not in repr(signer)


def test_delete_folder_of_more_than_500_sites_sends_a_move_event_per_500(tmp_path: Path) -> None:
    port = free_port()  # nothing listens: the events stay in the outbox, where they can be read
    with make_sandbox(tmp_path / "big.db") as sandbox:
        sandbox.seed(OTHER_ACCOUNT, sites=620, seed=5)
        sandbox.webhooks.add(f"http://127.0.0.1:{port}/hooks", OTHER_ACCOUNT, ["sites.moved"])
        with client(sandbox, key=OTHER_KEY, account=OTHER_ACCOUNT) as http:
            big = create_folder(http, "Big")
            active = all_sites(http, {"filter": {"state": "ACTIVE"}}, 100)
            ids = sorted(str(site["id"]) for site in active)[:501]
            assert len(ids) == 501
            for start in (0, 500):
                chunk = ids[start : start + 500]
                moved = {"sites": {"id": {"$in": chunk}}, "targetFolderId": big["id"]}
                assert http.post(MOVE_SITES, json=moved).status_code == 200
            assert http.delete(f"{FOLDERS}/{big['id']}").status_code == 200
        with sandbox.store.read() as conn:
            envelopes = [str(r[0]) for r in conn.execute("SELECT envelope FROM webhook_outbox")]
    bodies = [json.loads(json.loads(e)["data"])["actionEvent"]["body"] for e in envelopes]
    to_root = [b["metaSiteIds"] for b in bodies if b["targetFolderId"] == ""]
    assert [len(chunk) for chunk in to_root] == [500, 1]
    assert sorted(site for chunk in to_root for site in chunk) == ids
