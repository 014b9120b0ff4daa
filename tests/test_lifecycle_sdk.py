"""The SDK's lifecycle of a site: trash in bulk (an exact report, also under faults), duplicate,
publish and transfer (typed errors for Wix's documented codes), sync and async."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.sandbox_fixtures import ACCOUNT, KEY, OTHER_ACCOUNT, OTHER_KEY, make_sandbox
from wixsandbox import Sandbox
from wixsandbox.process import SandboxProcess
from wixsites import (
    AsyncWixSites,
    InvalidArgument,
    NetworkError,
    RequestInfo,
    RetryPolicy,
    SiteInTrash,
    SiteNotInSourceAccount,
    TargetAccountNotFound,
    TransferNotAllowed,
    TransferNotSupported,
    WixSites,
)
from wixsites.reasons import NOT_FOUND, PREMIUM
from wixsites.trash import TRASH, UNCERTAIN

TRASH_PATH = "/site-actions/v1/bulk/sites/delete"
UNKNOWN = "0badbad0-0000-4000-8000-000000000000"
SUB = "55555555-5555-4555-8555-555555555555"
STRANGER = "77777777-7777-4777-8777-777777777777"
NO_SLEEP_RETRY = RetryPolicy(max_attempts=8, base_delay=0.0)


async def no_sleep(seconds: float) -> None:
    await asyncio.sleep(0)


def ids_where(sandbox: Sandbox, account: str, **conditions: Any) -> list[str]:
    where = " AND ".join(f"{column} = ?" for column in conditions)
    with sandbox.store.read() as conn:
        rows = conn.execute(
            f"SELECT id FROM sites WHERE account_id = ? AND namespace = 'WIX' AND {where} "
            "ORDER BY seq",
            (account, *conditions.values()),
        )
        return [str(row[0]) for row in rows]


def trashed_in(sandbox: Sandbox, ids: list[str]) -> set[str]:
    with sandbox.store.read() as conn:
        rows = conn.execute(
            "SELECT id FROM sites WHERE trashed_ms > 0 AND id IN (SELECT value FROM json_each(?))",
            (json.dumps(ids),),
        )
        return {str(row[0]) for row in rows}


def forty_five(sandbox: Sandbox) -> tuple[list[str], list[str]]:
    """42 sites that can be trashed, then 2 premium sites and an unknown id, interleaved."""
    sandbox.seed(ACCOUNT, sites=150, seed=5)
    plain = ids_where(sandbox, ACCOUNT, premium=0, trashed_ms=0)[:42]
    premium = ids_where(sandbox, ACCOUNT, premium=1, trashed_ms=0)[:2]
    assert (len(plain), len(premium)) == (42, 2)
    ids = [*plain[:10], premium[0], *plain[10:30], UNKNOWN, premium[1], *plain[30:]]
    return ids, plain


def test_trash_45_ids_against_a_served_sandbox(tmp_path: Path) -> None:
    db = tmp_path / "trash.db"
    with make_sandbox(db) as sandbox:
        ids, plain = forty_five(sandbox)
    sent: list[RequestInfo] = []
    progress: list[tuple[int, int]] = []
    with (
        SandboxProcess(db, api_key=KEY, account_id=ACCOUNT) as server,
        WixSites(
            api_key=KEY, account_id=ACCOUNT, base_url=server.url, on_request=sent.append
        ) as wix,
    ):
        report = wix.sites.trash(ids, progress=lambda done, total: progress.append((done, total)))
    assert report.target == TRASH
    assert report.moved == plain  # in the order given
    premium, unknown = [ids[10], ids[32]], ids[31]
    assert report.failed == {
        premium[0]: PREMIUM,
        unknown: NOT_FOUND,
        premium[1]: PREMIUM,
    }
    assert report.requests == 3
    assert [info.path for info in sent] == [TRASH_PATH] * 3
    assert progress == [(20, 45), (40, 45), (45, 45)]
    with Sandbox(db) as sandbox:
        assert trashed_in(sandbox, ids) == set(plain)


def test_trash_under_a_20_percent_fault_rate_loses_nothing(tmp_path: Path) -> None:
    db = tmp_path / "faults.db"
    with make_sandbox(db) as sandbox:
        ids, _ = forty_five(sandbox)
        sandbox.seed(ACCOUNT, sites=150, seed=6)
        ids += ids_where(sandbox, ACCOUNT, premium=0, trashed_ms=0)[42:140]
    attempts: list[RequestInfo] = []

    async def run(url: str) -> Any:
        async with AsyncWixSites(
            api_key=KEY,
            account_id=ACCOUNT,
            base_url=url,
            retry=NO_SLEEP_RETRY,
            rate_limit=None,
            timeout=5.0,
            max_concurrency=3,
            sleep=no_sleep,
            on_request=attempts.append,
        ) as wix:
            return await wix.sites.trash(ids)

    with SandboxProcess(
        db, api_key=KEY, account_id=ACCOUNT, fault_rate=0.2, fault_seed=7
    ) as server:
        report = asyncio.run(run(server.url))
    with Sandbox(db) as sandbox:
        trashed = trashed_in(sandbox, ids)
    assert sorted(report.moved) == sorted(trashed)  # every id reported trashed is, and only those
    assert set(report.failed) == set(ids) - trashed
    assert not any(reason.startswith(UNCERTAIN) for reason in report.failed.values())
    assert len(report.failed) == 3
    # seed 7 faults the 2nd request (429), and drops the 7th after applying it: retries happened
    assert report.requests == -(-len(ids) // 20) >= 7
    assert sum(1 for info in attempts if info.path == TRASH_PATH) > report.requests


def sdk(sandbox: Sandbox, key: str = KEY, account: str = ACCOUNT, **options: Any) -> WixSites:
    options.setdefault("rate_limit", None)
    options.setdefault("sleep", lambda seconds: None)
    transport = sandbox.transport(
        fault_rate=options.pop("fault_rate", 0.0), fault_seed=options.pop("fault_seed", 0)
    )
    return WixSites(api_key=key, account_id=account, transport=transport, **options)


@pytest.fixture
def sandbox() -> Sandbox:
    sandbox = make_sandbox()
    sandbox.seed(ACCOUNT, sites=40, seed=8)
    sandbox.relate_accounts(ACCOUNT, [SUB])
    sandbox.seed(OTHER_ACCOUNT, sites=2, seed=8)
    return sandbox


def test_duplicate_then_publish(sandbox: Sandbox) -> None:
    template = ids_where(sandbox, ACCOUNT, premium=1)[0]
    with sdk(sandbox) as wix:
        new_id = wix.sites.duplicate(template, "Client X")
        site = wix.sites.query({"id": new_id}).first()
        assert site is not None
        assert (site.display_name, site.premium, site.published) == ("Client X", False, False)
        wix.sites.publish(new_id)
        published = wix.sites.query({"id": new_id}).first()
        assert published is not None
        assert published.published is True
        with pytest.raises(InvalidArgument, match="must not be empty"):
            wix.sites.duplicate(template, "  ")
        wix.sites.trash([new_id])
        with pytest.raises(SiteInTrash):
            wix.sites.publish(new_id)


def test_a_duplicate_is_not_retried_after_a_lost_answer(sandbox: Sandbox) -> None:
    template = ids_where(sandbox, ACCOUNT, premium=0)[0]
    before = len(ids_where(sandbox, ACCOUNT, blocked=0))
    # seed 0 at rate 1.0: the first request is handled, then its connection drops
    with (
        sdk(sandbox, fault_rate=1.0, fault_seed=0, retry=NO_SLEEP_RETRY) as wix,
        pytest.raises(NetworkError, match="may have been duplicated") as caught,
    ):
        wix.sites.duplicate(template, "Client Y")
    assert caught.value.attempts == 1
    assert len(ids_where(sandbox, ACCOUNT, blocked=0)) == before + 1  # one copy, not two


def test_transfer_to_a_sub_account_and_back(sandbox: Sandbox) -> None:
    site_id = ids_where(sandbox, ACCOUNT, premium=0)[0]
    with sdk(sandbox, KEY, SUB) as to_sub:  # the main account's key, acting for the target
        done = to_sub.sites.transfer(site_id, ACCOUNT, notify=True)
        assert (str(done.site_id), str(done.source_account_id)) == (site_id, ACCOUNT)
        assert done.enable_notifications is True
        assert to_sub.sites.query({"id": site_id}).first() is not None
    with sdk(sandbox) as main:
        main.sites.transfer(site_id, SUB)
        assert main.sites.query({"id": site_id}).first() is not None


def test_a_transfer_applied_before_a_lost_answer_is_a_success(sandbox: Sandbox) -> None:
    site_id = ids_where(sandbox, ACCOUNT, premium=0)[1]
    # seed 47 at rate 0.5: the first transfer is applied and its answer lost; the retry finds
    # the site gone from the source (SITE_NOT_FOUND); the check finds it in the target
    with sdk(sandbox, KEY, SUB, fault_rate=0.5, fault_seed=47, retry=NO_SLEEP_RETRY) as wix:
        done = wix.sites.transfer(site_id, ACCOUNT)
    assert str(done.site_id) == site_id
    assert ids_where(sandbox, SUB, id=site_id) == [site_id]


@pytest.mark.parametrize(
    ("case", "error", "code"),
    [
        ("unknown target", TargetAccountNotFound, "TARGET_ACCOUNT_ID_NOT_FOUND"),
        ("unrelated target", TransferNotAllowed, "SITE_TRANSFER_NOT_ALLOWED"),
        ("site not in source", SiteNotInSourceAccount, "SITE_NOT_FOUND"),
        ("premium site", TransferNotSupported, "SITE_TRANSFER_NOT_SUPPORTED"),
    ],
)
def test_transfer_errors_are_typed(
    sandbox: Sandbox, case: str, error: type[Exception], code: str
) -> None:
    plain = ids_where(sandbox, ACCOUNT, premium=0)[0]
    premium = ids_where(sandbox, ACCOUNT, premium=1)[0]
    site, source, key, target = {
        "unknown target": (plain, ACCOUNT, KEY, STRANGER),
        "unrelated target": (plain, ACCOUNT, KEY, OTHER_ACCOUNT),
        "site not in source": (plain, SUB, KEY, ACCOUNT),
        "premium site": (premium, ACCOUNT, KEY, SUB),
    }[case]
    with sdk(sandbox, key, target) as wix, pytest.raises(error) as caught:
        wix.sites.transfer(site, source)
    assert getattr(caught.value, "code", None) == code
    assert ids_where(sandbox, ACCOUNT, id=site) == [site]  # nothing moved
    if error is TransferNotAllowed:
        # the pair of accounts is refused, not the key: no permission is blamed
        assert "main account and its sub-accounts" in str(caught.value)
        assert "Manage B2B Sites" not in str(caught.value)


def test_bad_arguments_fail_before_sending(sandbox: Sandbox) -> None:
    with sdk(sandbox, OTHER_KEY, OTHER_ACCOUNT) as wix:
        with pytest.raises(InvalidArgument, match="source_account_id must be a site id"):
            wix.sites.transfer(UNKNOWN, "acme")
        with pytest.raises(InvalidArgument, match="notify must be True or False"):
            wix.sites.transfer(UNKNOWN, ACCOUNT, notify="yes")  # type: ignore[arg-type]
        with pytest.raises(InvalidArgument, match="site must be a site id"):
            wix.sites.publish("nope")


class PerItemServer:
    """A Bulk Delete Site whose per-item errors are not the documented ones (the live service may
    answer a retried or repeated request so): the SDK must settle them by reading the sites."""

    def __init__(self, trashed: set[str]) -> None:
        self.trashed = trashed
        self.reads = 0

    def answer(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        if request.url.path == TRASH_PATH:
            results = [
                {
                    "itemMetadata": {
                        "id": site_id,
                        "originalIndex": str(n),
                        "success": False,
                        "error": {"code": "ALREADY_IN_TRASH_OR_BUSY", "description": "odd"},
                    }
                }
                for n, site_id in enumerate(body["ids"])
            ]
            return httpx.Response(200, json={"results": results[:-1]})  # and one left out
        self.reads += 1
        wanted = body["query"]["filter"]["id"]["$in"]
        sites = [
            {"id": s, **({"trashedDate": "2025-01-01T00:00:00.000Z"} if s in self.trashed else {})}
            for s in wanted
        ]
        return httpx.Response(200, json={"sites": sites, "metadata": {"hasNext": False}})


def test_unexplained_per_item_errors_are_settled_by_reading() -> None:
    ids = [f"00000000-0000-4000-8000-{n:012d}" for n in range(4)]
    server = PerItemServer(trashed={ids[0], ids[3]})
    with WixSites(
        api_key=KEY, account_id=ACCOUNT, transport=httpx.MockTransport(server.answer)
    ) as wix:
        report = wix.sites.trash(ids)
    assert report.moved == [ids[0], ids[3]]
    assert report.failed == {
        ids[1]: "ALREADY_IN_TRASH_OR_BUSY: odd",
        ids[2]: "ALREADY_IN_TRASH_OR_BUSY: odd",
    }
    assert (report.requests, server.reads) == (1, 1)


async def test_the_async_client_duplicates_publishes_and_transfers(sandbox: Sandbox) -> None:
    template = ids_where(sandbox, ACCOUNT, premium=1)[0]
    async with AsyncWixSites(
        api_key=KEY, account_id=SUB, transport=sandbox.async_transport(), rate_limit=None
    ) as to_sub:
        with pytest.raises(TransferNotSupported):
            await to_sub.sites.transfer(template, ACCOUNT)
    async with AsyncWixSites(
        api_key=KEY, account_id=ACCOUNT, transport=sandbox.async_transport(), rate_limit=None
    ) as wix:
        new_id = await wix.sites.duplicate(template, "Client Z")
        await wix.sites.publish(new_id)
        copy = await wix.sites.query({"id": new_id}).first()
        assert copy is not None
        assert (copy.published, copy.premium) == (True, False)
    async with AsyncWixSites(
        api_key=KEY, account_id=SUB, transport=sandbox.async_transport(), rate_limit=None
    ) as to_sub:
        done = await to_sub.sites.transfer(new_id, ACCOUNT)
    assert str(done.site_id) == new_id
    assert ids_where(sandbox, SUB, id=new_id) == [new_id]


class Recording(httpx.BaseTransport):
    """The sandbox's transport, keeping the headers of every request it passes on."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self.inner = inner
        self.sent: list[httpx.Headers] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.sent.append(request.headers)
        return self.inner.handle_request(request)


def test_publish_sends_the_site_id_instead_of_the_account_id(sandbox: Sandbox) -> None:
    site_id = ids_where(sandbox, ACCOUNT, premium=0, trashed_ms=0)[0]
    recording = Recording(sandbox.transport())
    with WixSites(api_key=KEY, account_id=ACCOUNT, transport=recording, rate_limit=None) as wix:
        wix.sites.publish(site_id)
        wix.sites.count()
    check, publish, count = recording.sent  # the read that the site is not in the trash first
    assert (check["wix-account-id"], "wix-site-id" in check) == (ACCOUNT, False)
    assert publish["wix-site-id"] == site_id
    assert "wix-account-id" not in publish
    assert (count["wix-account-id"], "wix-site-id" in count) == (ACCOUNT, False)
    assert publish["authorization"] == KEY


def test_publishing_a_trashed_site_fails_with_the_trash_reason_and_sends_nothing(
    sandbox: Sandbox,
) -> None:
    """Wix may publish a trashed site without a word: the SDK reads the site first and refuses
    with the reason moves give too."""
    site_id = ids_where(sandbox, ACCOUNT, premium=0, trashed_ms=0)[0]
    with sdk(sandbox) as wix:
        assert wix.sites.trash([site_id]).ok
    recording = Recording(sandbox.transport())
    with (
        WixSites(api_key=KEY, account_id=ACCOUNT, transport=recording, rate_limit=None) as wix,
        pytest.raises(SiteInTrash, match="in the trash: restore it first"),
    ):
        wix.sites.publish(site_id)
    assert recording.sent
    assert all("wix-site-id" not in h for h in recording.sent)


class LostTrashAnswer(httpx.BaseTransport):
    """The sandbox, where Bulk Delete Site is applied but its answer is lost (a 503), so that the
    SDK settles the batch by reading the sites back; the reads are recorded."""

    def __init__(self, sandbox: Sandbox) -> None:
        self.inner = sandbox.transport()
        self.reads: list[list[dict[str, Any]]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        if request.url.path == TRASH_PATH:
            return httpx.Response(503, json={"message": "lost on the way back"})
        response.read()
        self.reads.append(response.json().get("sites", []))
        return response


def test_settling_a_lost_trash_answer_reads_only_the_trashed_sites(sandbox: Sandbox) -> None:
    sandbox.seed(ACCOUNT, sites=60, seed=5)
    plain = ids_where(sandbox, ACCOUNT, premium=0, trashed_ms=0)[:5]
    premium = ids_where(sandbox, ACCOUNT, premium=1, trashed_ms=0)[:3]
    lossy = LostTrashAnswer(sandbox)
    with WixSites(
        api_key=KEY, account_id=ACCOUNT, transport=lossy, rate_limit=None, retry=None
    ) as wix:
        report = wix.sites.trash([*premium, *plain])
    assert report.moved == plain  # the read shows them in the trash
    assert set(report.failed) == set(premium)  # Wix does not trash a Premium site
    assert lossy.reads, "the batch was settled by a read"
    # the read asks for the trashed sites only: the premium ones, still active, are not fetched
    assert [sorted(str(s["id"]) for s in read) for read in lossy.reads] == [sorted(plain)]
