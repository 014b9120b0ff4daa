"""Authentication in the sandbox: API keys, signed requests, account isolation."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import httpx
import pytest

from tests.sandbox_fixtures import (
    ACCOUNT,
    APP_ID,
    APP_SECRET,
    BASE_URL,
    COUNT_SITES,
    FOLDERS,
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
from wixauth import WixApiKeyAuth, WixSignatureAuth
from wixsandbox import Sandbox
from wixsandbox.wire import Request


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def sandbox(clock: ManualClock) -> Iterator[Sandbox]:
    with make_sandbox(clock=clock) as sandbox:
        sandbox.seed(ACCOUNT, sites=20, seed=1)
        sandbox.seed(OTHER_ACCOUNT, sites=20, seed=1)
        yield sandbox


def bare(sandbox: Sandbox, auth: httpx.Auth | None = None) -> httpx.Client:
    return httpx.Client(transport=sandbox.transport(), base_url=BASE_URL, auth=auth)


def test_api_key(sandbox: Sandbox) -> None:
    with bare(sandbox, WixApiKeyAuth(KEY, account_id=ACCOUNT)) as http:
        response = http.post(QUERY_SITES, json={})
    assert response.status_code == 200
    assert {s["ownerAccountId"] for s in response.json()["sites"]} == {ACCOUNT}
    assert response.headers["x-wix-request-id"]


@pytest.mark.parametrize(
    ("headers", "status", "code"),
    [
        ({}, 401, "UNAUTHENTICATED"),
        ({"Authorization": "wrong"}, 401, "UNAUTHENTICATED"),
        ({"Authorization": KEY}, 401, "UNAUTHENTICATED"),
        ({"Authorization": KEY, "wix-account-id": OTHER_ACCOUNT}, 403, "PERMISSION_DENIED"),
        ({"Authorization": KEY, "wix-site-id": ACCOUNT}, 400, "INVALID_ARGUMENT"),
        (
            {"Authorization": KEY, "wix-account-id": ACCOUNT, "wix-site-id": ACCOUNT},
            400,
            "INVALID_ARGUMENT",
        ),
    ],
)
def test_api_key_refusals(
    sandbox: Sandbox, headers: dict[str, str], status: int, code: str
) -> None:
    with bare(sandbox) as http:
        response = http.post(QUERY_SITES, json={}, headers=headers)
    assert response.status_code == status
    assert error_code(response) == code
    assert response.json()["message"]
    assert KEY not in response.text


def test_default_credentials_are_kept(tmp_path: object) -> None:
    with Sandbox() as sandbox:
        first = sandbox.default_credentials()
        assert first == sandbox.default_credentials()
        assert first.api_key.startswith("sandbox-")
        assert first.api_key not in repr(first)
        with client(sandbox, first.api_key, first.account_id) as http:
            assert http.post(QUERY_SITES, json={}).status_code == 200


@pytest.mark.parametrize("placement", ["header", "query"])
def test_signed_requests(sandbox: Sandbox, clock: ManualClock, placement: str) -> None:
    auth = WixSignatureAuth(APP_SECRET, APP_ID, ACCOUNT, placement=placement, clock=clock)  # type: ignore[arg-type]
    with bare(sandbox, auth) as http:
        response = http.post(QUERY_SITES, json={"query": {"cursorPaging": {"limit": 3}}})
        assert response.status_code == 200, response.text
        assert {s["ownerAccountId"] for s in response.json()["sites"]} == {ACCOUNT}
        folder = http.post(FOLDERS, json={"folder": {"name": "Signed"}})
        assert folder.status_code == 200
        assert http.get(f"{FOLDERS}/sites/{response.json()['sites'][0]['id']}").status_code == 200
        assert http.delete(f"{FOLDERS}/{folder.json()['folder']['id']}").status_code == 200


def test_bad_signature(sandbox: Sandbox, clock: ManualClock) -> None:
    auth = WixSignatureAuth("not-the-secret", APP_ID, ACCOUNT, clock=clock)
    with bare(sandbox, auth) as http:
        response = http.post(QUERY_SITES, json={})
    assert response.status_code == 403
    assert error_code(response) == "PERMISSION_DENIED"
    assert APP_SECRET not in response.text


def test_tampered_body(sandbox: Sandbox, clock: ManualClock) -> None:
    auth = WixSignatureAuth(APP_SECRET, APP_ID, ACCOUNT, clock=clock)
    request = httpx.Request("POST", BASE_URL + QUERY_SITES, json={"query": {}})
    auth.sign(request)
    forged = httpx.Request(
        "POST", request.url, headers=request.headers, content=b'{"query":{"filter":{}}}'
    )
    with bare(sandbox) as http:
        response = http.send(forged)
    assert response.status_code == 403


@pytest.mark.parametrize("skew", [timedelta(minutes=-2), timedelta(minutes=2)])
def test_stale_signature(sandbox: Sandbox, clock: ManualClock, skew: timedelta) -> None:
    signer_clock = ManualClock(clock.now + skew)
    auth = WixSignatureAuth(APP_SECRET, APP_ID, ACCOUNT, clock=signer_clock)
    with bare(sandbox, auth) as http:
        response = http.post(QUERY_SITES, json={})
    assert response.status_code == 403
    assert "timestamp" in response.json()["message"]


@pytest.mark.parametrize("drop", ["x-wix-application-id", "x-wix-instance-id", "x-wix-timestamp"])
def test_signed_request_missing_headers(sandbox: Sandbox, clock: ManualClock, drop: str) -> None:
    auth = WixSignatureAuth(APP_SECRET, APP_ID, ACCOUNT, clock=clock)
    request = httpx.Request("POST", BASE_URL + QUERY_SITES, json={})
    auth.sign(request)
    del request.headers[drop]
    with bare(sandbox) as http:
        response = http.send(request)
    assert response.status_code in (400, 401)
    assert response.json()["message"]


def test_unknown_app_and_bad_instance(sandbox: Sandbox, clock: ManualClock) -> None:
    with bare(sandbox, WixSignatureAuth(APP_SECRET, ACCOUNT, ACCOUNT, clock=clock)) as http:
        assert http.post(QUERY_SITES, json={}).status_code == 401
    with bare(sandbox, WixSignatureAuth(APP_SECRET, APP_ID, "not-a-guid", clock=clock)) as http:
        assert http.post(QUERY_SITES, json={}).status_code == 403


def test_accounts_are_isolated(sandbox: Sandbox) -> None:
    with client(sandbox) as mine, client(sandbox, OTHER_KEY, OTHER_ACCOUNT) as theirs:
        folder = create_folder(mine, "Mine")
        their_site = theirs.post(QUERY_SITES, json={}).json()["sites"][0]["id"]
        my_sites = {
            s["id"]
            for s in mine.post(
                QUERY_SITES, json={"query": {"cursorPaging": {"limit": 1000}}}
            ).json()["sites"]
        }
        assert their_site not in my_sites
        assert mine.get(f"{FOLDERS}/sites/{their_site}").status_code == 404
        moved = mine.post(
            MOVE_SITES,
            json={"sites": {"id": {"$in": [their_site]}}, "targetFolderId": folder["id"]},
        )
        assert moved.status_code == 404
        assert theirs.post(QUERY_FOLDERS, json={}).json()["folders"] == []
        assert theirs.delete(f"{FOLDERS}/{folder['id']}").status_code == 404
        assert (
            theirs.patch(f"{FOLDERS}/{folder['id']}", json={"folder": {"name": "x"}}).status_code
            == 404
        )
        response = theirs.post(
            FOLDERS, json={"folder": {"name": "Theirs", "parentId": folder["id"]}}
        )
        assert response.status_code == 404
        assert theirs.post(FOLDERS, json={"folder": {"name": "Mine"}}).status_code == 200


@pytest.mark.parametrize(
    ("path", "query"),
    [
        (f"{FOLDERS}/sites/\xff".encode("latin-1"), b""),
        (f"{FOLDERS}/sites/{ACCOUNT}".encode(), b"a=\xff"),
        (f"{FOLDERS}/sites/{ACCOUNT}".encode(), b"a=\x00"),
    ],
)
def test_signed_request_with_raw_bytes_in_the_url_is_400(
    sandbox: Sandbox, clock: ManualClock, path: bytes, query: bytes
) -> None:
    # Such a URL cannot be rebuilt for the verifier exactly as it was signed; it used to be a 500.
    signed = httpx.Request("GET", BASE_URL + f"{FOLDERS}/sites/{ACCOUNT}")
    WixSignatureAuth(APP_SECRET, APP_ID, ACCOUNT, clock=clock).sign(signed)
    response = sandbox.handle(Request("GET", path, query, tuple(signed.headers.raw)))
    assert response.status == 400, response.body
    assert b"percent-encode" in response.body
    assert sandbox.response_violations == []


def test_an_api_key_request_is_authenticated_by_its_key_whatever_signature_headers_it_carries() -> (
    None
):
    # the spec's two security requirements are alternatives; the live v2 service ignores x-wix-*
    with (
        make_sandbox() as sandbox,
        httpx.Client(transport=sandbox.transport(), base_url="http://sandbox") as http,
    ):
        headers = {"Authorization": KEY, "wix-account-id": ACCOUNT, "x-wix-signature": "bogus"}
        assert http.post(COUNT_SITES, json={}, headers=headers).status_code == 200
        bad_key = {**headers, "Authorization": "not-a-key"}
        assert http.post(COUNT_SITES, json={}, headers=bad_key).status_code == 401
        signed_only = {
            "x-wix-signature": "bogus",
            "x-wix-application-id": APP_ID,
            "x-wix-instance-id": ACCOUNT,
            "x-wix-timestamp": "2026-01-01T00:00:00.000Z",
        }
        assert http.post(COUNT_SITES, json={}, headers=signed_only).status_code == 403
