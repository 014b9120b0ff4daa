"""A signed request acts on its own instance's site only, and the same signature is accepted once;
the SDK's retries, which sign every attempt afresh, are unaffected."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import httpx
import pytest

from tests.sandbox_fixtures import (
    ACCOUNT,
    APP_ID,
    APP_SECRET,
    BASE_URL,
    COUNT_SITES,
    FOLDERS,
    QUERY_SITES,
    ManualClock,
    client,
    error_code,
    make_sandbox,
)
from tests.spec_tools import spec
from wixauth import WixSignatureAuth, parse_timestamp
from wixsandbox import Sandbox
from wixsites import RequestInfo, RetryPolicy, WixSites

PUBLISH = "/site-publisher/v1/site/publish"


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def sandbox(clock: ManualClock) -> Iterator[Sandbox]:
    with make_sandbox(clock=clock) as sandbox:
        sandbox.seed(ACCOUNT, sites=40, seed=3)
        yield sandbox


def _unpublished(sandbox: Sandbox, count: int) -> list[str]:
    filter_ = {"published": False, "state": "ACTIVE"}
    with client(sandbox) as http:
        body = {"query": {"filter": filter_}}
        sites = http.post(QUERY_SITES, json=body).json()["sites"]
    assert len(sites) >= count
    return [s["id"] for s in sites[:count]]


def _published(sandbox: Sandbox, site_id: str) -> bool:
    with sandbox.store.read() as conn:
        row = conn.execute("SELECT published FROM sites WHERE id = ?", (site_id,)).fetchone()
    return bool(row[0])


def _signed_publish(sandbox: Sandbox, instance: str, site_id: str) -> httpx.Request:
    request = httpx.Request("POST", BASE_URL + PUBLISH, json={}, headers={"wix-site-id": site_id})
    WixSignatureAuth(APP_SECRET, APP_ID, instance, clock=sandbox.clock).sign(request)
    return request


def _send(sandbox: Sandbox, request: httpx.Request, **headers: str) -> httpx.Response:
    sent = httpx.Request(
        request.method,
        request.url,
        headers={**dict(request.headers), **headers},
        content=request.content,
    )
    with httpx.Client(transport=sandbox.transport()) as http:
        return http.send(sent)


def test_a_signed_request_acts_on_its_instances_site_only(sandbox: Sandbox) -> None:
    """Before: a signed Publish Site for site A, replayed with wix-site-id changed to site B,
    published B (the header is not signed)."""
    site_a, site_b = _unpublished(sandbox, 2)
    instance_a = sandbox.add_instance(None, APP_ID, site_id=site_a)
    request = _signed_publish(sandbox, instance_a, site_a)
    other = _send(sandbox, request, **{"wix-site-id": site_b})
    assert (other.status_code, error_code(other)) == (403, "PERMISSION_DENIED"), other.text
    assert "instance's site only" in other.json()["message"]
    assert not _published(sandbox, site_b)
    assert _send(sandbox, _signed_publish(sandbox, instance_a, site_a)).status_code == 200
    assert _published(sandbox, site_a)
    # an instance of the account (ACCOUNT's, registered by make_sandbox) has no site to act on
    by_account = _send(sandbox, _signed_publish(sandbox, ACCOUNT, site_b))
    assert (by_account.status_code, error_code(by_account)) == (403, "PERMISSION_DENIED")
    assert "instance of an account" in by_account.json()["message"]
    assert not _published(sandbox, site_b)
    # nor may an account-level call name a site other than its instance's
    count = httpx.Request("POST", BASE_URL + COUNT_SITES, json={}, headers={"wix-site-id": site_b})
    WixSignatureAuth(APP_SECRET, APP_ID, instance_a, clock=sandbox.clock).sign(count)
    assert _send(sandbox, count).status_code == 403
    assert sandbox.response_violations == []


def test_an_instance_of_a_site_is_bound_to_that_site() -> None:
    with make_sandbox() as sandbox:
        sandbox.seed(ACCOUNT, sites=20, seed=1)
        (site,) = _unpublished(sandbox, 1)
        instance = sandbox.add_instance(None, APP_ID, site_id=site.upper())
        assert sandbox.add_instance(instance, APP_ID, site_id=site) == instance  # again: same
        with pytest.raises(ValueError, match="already bound"):
            sandbox.add_instance(instance, APP_ID)  # the same instance as the account's
        with pytest.raises(ValueError, match="not a site of"):
            sandbox.add_instance(None, APP_ID, site_id="0badbad0-0000-4000-8000-000000000000")
        other = "22222222-2222-4222-8222-222222222222"
        with pytest.raises(ValueError, match="not a site of"):
            sandbox.add_instance(None, APP_ID, other, site_id=site)


def _other_alphabet(signature: str) -> str:
    """The same signature in standard Base64 with padding (the verifier accepts both)."""
    raw = base64.urlsafe_b64decode(signature + "=" * (-len(signature) % 4))
    return base64.b64encode(raw).decode()


def test_an_exact_replay_of_an_accepted_signature_is_refused(
    sandbox: Sandbox, clock: ManualClock
) -> None:
    """Before: the same signed request was accepted three times within its 60 s window."""
    with client(sandbox) as http:
        folder = http.post(FOLDERS, json={"folder": {"name": "Once"}}).json()["folder"]
    request = httpx.Request("DELETE", f"{BASE_URL}{FOLDERS}/{folder['id']}")
    WixSignatureAuth(APP_SECRET, APP_ID, ACCOUNT, clock=clock).sign(request)
    assert _send(sandbox, request).status_code == 200
    clock.advance(seconds=30)
    for replay in (
        _send(sandbox, request),
        _send(
            sandbox,
            request,
            **{"x-wix-signature": _other_alphabet(request.headers["x-wix-signature"])},
        ),
    ):
        assert (replay.status_code, error_code(replay)) == (403, "PERMISSION_DENIED")
        assert "replay" in replay.json()["message"]
        assert APP_SECRET not in replay.text
    clock.advance(minutes=5)  # long past its window: stale, and forgotten
    stale = _send(sandbox, request)
    assert stale.status_code == 403
    assert "timestamp" in stale.json()["message"]


def test_the_replay_rule_is_marked_as_the_sandboxs_own() -> None:
    scheme = spec()["components"]["securitySchemes"]["wixSignature"]
    described = " ".join(scheme["description"].split())
    assert "accepted once" in described
    assert "instance's site" in described
    assert "nonce" in scheme["x-wixsites-extension"]


def test_the_sdks_signed_retries_are_not_replays() -> None:
    """Every attempt is signed afresh, one within the same millisecond as the last too: none is
    refused as a replay (the sandbox's clock is the real one here, as the SDK signer's is)."""
    attempts: list[RequestInfo] = []
    with make_sandbox() as sandbox:
        sandbox.seed(ACCOUNT, sites=40, seed=3)
        sites = _unpublished(sandbox, 3)
        with WixSites.from_signature(
            application_id=APP_ID,
            instance_id=ACCOUNT,
            secret=APP_SECRET,
            base_url=BASE_URL,
            transport=sandbox.transport(fault_rate=0.5, fault_seed=4),
            retry=RetryPolicy(max_attempts=20),
            rate_limit=None,
            sleep=lambda _: None,
            on_request=attempts.append,
        ) as wix:
            assert len({wix.sites.count() for _ in range(15)}) == 1
            assert wix.move_sites(sites, None).ok
    assert 403 not in [a.status for a in attempts]
    assert len(attempts) > 16  # faults were retried
    assert {a.status or a.error for a in attempts} & {503, 429, "RemoteProtocolError"}


def test_a_signer_never_repeats_a_timestamp(clock: ManualClock) -> None:
    auth = WixSignatureAuth(APP_SECRET, APP_ID, ACCOUNT, clock=clock)
    first, second = (httpx.Request("POST", BASE_URL + COUNT_SITES, json={}) for _ in range(2))
    auth.sign(first)
    auth.sign(second)  # at the same instant
    assert first.headers["x-wix-signature"] != second.headers["x-wix-signature"]
    stamps = [parse_timestamp(r.headers["x-wix-timestamp"]) for r in (first, second)]
    assert stamps[1] - stamps[0] == timedelta(milliseconds=1)


def test_the_cli_binds_an_instance_to_a_site(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from wixsites.cli import cli

    db = tmp_path / "cli.db"
    with make_sandbox(db) as sandbox:
        sandbox.seed(ACCOUNT, sites=20, seed=1)
        (site,) = _unpublished(sandbox, 1)
    args = ["sandbox", "add-instance", "--db", str(db), "--app-id", APP_ID, "--site-id", site]
    result = CliRunner().invoke(cli, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    added = json.loads(result.stdout)
    assert added["siteId"] == site
    with Sandbox(db) as sandbox:
        response = _send(sandbox, _signed_publish(sandbox, added["instanceId"], site))
        assert response.status_code == 200, response.text
        assert _published(sandbox, site)
