"""Bulk moves: the report is exact (every distinct id moved or failed, with its reason), batches
respect the documented limits, progress is reported per batch."""

from __future__ import annotations

import asyncio
import json
import uuid
from typing import Any

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from wixsandbox import Sandbox
from wixsites import AsyncWixSites, MoveReport, WixSites
from wixsites.bulk import IN_FLIGHT, IN_TRASH, NOT_SENT

TARGET = "5a8a82cc-0246-4ed9-ba15-cd4653e8267a"
NOT_FOUND = "not found in this account"


def guid(n: int) -> str:
    return str(uuid.UUID(int=n + 1))


class MoveServer:
    """Move Sites To Folder / Move Folders over a set of known ids, all or nothing per request.

    `name_ids`: whether a 404 names the unknown ids (the sandbox does; live Wix may not).
    `deny_at`: answer 403 from that move request on. `poison`: an id whose batch gets a 400.
    `in_trash`: sites in the trash, which a move refuses with 428 SITE_IN_TRASH (naming them if
    `name_ids`), as the sandbox does; the trash read before a move lists only `listed_trashed`
    (the sites it knows to be trashed: fewer, as when a site is trashed between the two)."""

    def __init__(
        self,
        known: set[str],
        *,
        name_ids: bool = True,
        target_exists: bool = True,
        deny_at: int | None = None,
        poison: str | None = None,
        in_trash: frozenset[str] = frozenset(),
        listed_trashed: frozenset[str] = frozenset(),
    ) -> None:
        self.known = known
        self.name_ids = name_ids
        self.target_exists = target_exists
        self.deny_at = deny_at
        self.poison = poison
        self.in_trash = in_trash
        self.listed_trashed = listed_trashed
        self.reads: list[dict[str, Any]] = []
        self.batches: list[list[str]] = []
        self.moved: list[str] = []
        self.in_flight = 0
        self.max_in_flight = 0

    def answer(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        if request.url.path == "/site-folders/v2/folders/query":
            wanted = body["query"]["filter"]["id"]
            folders = [{"id": wanted, "name": "T"}] if self.target_exists else []
            return httpx.Response(200, json={"folders": folders, "metadata": {}})
        if request.url.path == "/site-list/v2/sites/query":
            wanted = body["query"]["filter"]
            self.reads.append(wanted)
            assert wanted["state"] == "TRASHED"
            assert wanted["namespace"] == {"$exists": True}
            sites = [{"id": i} for i in wanted["id"]["$in"] if i in self.listed_trashed]
            return httpx.Response(200, json={"sites": sites, "metadata": {"hasNext": False}})
        ids = body["sites"]["id"]["$in"] if "sites" in body else body["folderIds"]
        self.batches.append(ids)
        if self.deny_at is not None and len(self.batches) >= self.deny_at:
            return httpx.Response(403, json={"message": "The API key lacks a permission"})
        if self.poison in ids:
            return httpx.Response(400, json={"message": "malformed filter"})
        unknown = [i for i in ids if i not in self.known]
        if not self.target_exists:
            unknown.append(body.get("targetFolderId"))
        if unknown:
            data = {"unknownIds": unknown} if self.name_ids else {}
            details = {"applicationError": {"code": "NOT_FOUND", "description": "", "data": data}}
            return httpx.Response(404, json={"message": "Not found", "details": details})
        trashed = [i for i in ids if i in self.in_trash]
        if trashed:
            data = {"trashedIds": trashed} if self.name_ids else {}
            details = {"applicationError": {"code": "SITE_IN_TRASH", "data": data}}
            return httpx.Response(428, json={"message": "in the trash", "details": details})
        self.moved += ids
        return httpx.Response(200, json={} if "sites" in body else {"folders": []})

    def __call__(self, request: httpx.Request) -> httpx.Response:
        return self.answer(request)


def client(server: MoveServer) -> WixSites:
    return WixSites(
        api_key="test-key-0001",
        account_id="acc",
        transport=httpx.MockTransport(server),
        rate_limit=None,
    )


def check_exact(report: MoveReport, given_ids: list[str], known: set[str]) -> None:
    distinct = list(dict.fromkeys(given_ids))
    assert report.moved == [i for i in distinct if i in known]
    assert set(report.failed) == {i for i in distinct if i not in known}
    assert len(report.moved) + len(report.failed) == len(distinct)


def test_1200_ids_with_unknown_and_malformed() -> None:
    known_ids = [guid(i) for i in range(1150)]
    unknown = [guid(10_000 + i) for i in range(40)]
    malformed = ["not-a-guid", "", "1234", "5a8a82cc-0246-4ed9-ba15-cd4653e8267"] + [
        f"x{i}" for i in range(6)
    ]
    ids = (
        known_ids[:600] + unknown[:20] + malformed + known_ids[600:] + unknown[20:] + known_ids[:5]
    )
    server = MoveServer(set(known_ids))
    calls: list[tuple[int, int]] = []
    report = client(server).sites.move(ids, TARGET, progress=lambda d, t: calls.append((d, t)))
    check_exact(report, ids, set(known_ids))
    assert all(report.failed[i] == NOT_FOUND for i in unknown)
    assert all(report.failed[i] == "not a valid site id" for i in malformed)
    assert len(server.batches) == report.requests >= 3
    assert max(len(b) for b in server.batches) <= 500
    assert not any(m in b for b in server.batches for m in malformed)
    assert len(calls) == 3  # one per batch of 500
    assert calls[-1] == (1200, 1200)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    assert server.moved == [i.lower() for i in report.moved]


@pytest.mark.parametrize("name_ids", [True, False])
def test_a_site_the_server_finds_in_the_trash_fails_alone_and_the_rest_move(
    name_ids: bool,
) -> None:
    """428 SITE_IN_TRASH (the sandbox's answer, shared decision 5) for sites the read before the
    move did not show in the trash (trashed in between): those fail with the trash reason, the
    others of their batch are sent again and move, like a 404's unknownIds."""
    known = [guid(i) for i in range(700)]
    late = frozenset({known[3], known[650]})  # in the trash, and the read did not say so
    server = MoveServer(set(known), name_ids=name_ids, in_trash=late)
    report = client(server).sites.move(known, TARGET)
    assert report.failed == dict.fromkeys([known[3], known[650]], IN_TRASH)
    assert report.moved == [i for i in known if i not in late]
    assert not set(server.moved) & late
    assert report.requests == len(server.batches)


def test_a_site_the_read_shows_in_the_trash_is_never_sent() -> None:
    """A server may accept a trashed site silently (Wix does not say): the read before each batch
    fails it first, so no report ever says a trashed site moved."""
    known = [guid(i) for i in range(700)]
    trashed = frozenset({known[0], known[699]})
    server = MoveServer(set(known), listed_trashed=trashed)  # the move itself would accept them
    report = client(server).sites.move(known, TARGET)
    assert report.failed == dict.fromkeys([known[0], known[699]], IN_TRASH)
    assert not set(server.moved) & trashed
    assert report.moved == [i for i in known if i not in trashed]
    assert len(server.reads) == 2  # one read per batch of 500, naming the batch's ids
    assert [len(read["id"]["$in"]) for read in server.reads] == [500, 200]


def test_folder_moves_read_nothing_first() -> None:
    folders = [guid(i) for i in range(5)]
    server = MoveServer(set(folders))
    report = client(server).folders.move(folders, TARGET)
    assert report.moved == folders
    assert not server.reads


def test_bisects_when_the_404_names_no_ids() -> None:
    known = {guid(i) for i in range(1000)}
    ids = [guid(i) for i in range(1000)] + [guid(5000), guid(5001)]
    ids.insert(17, guid(7000))
    server = MoveServer(known, name_ids=False)
    report = client(server).sites.move(ids, TARGET)
    check_exact(report, ids, known)
    assert report.failed == {guid(7000): NOT_FOUND, guid(5000): NOT_FOUND, guid(5001): NOT_FOUND}
    assert report.requests < 60


def test_unknown_target_fails_every_id_without_bisecting() -> None:
    ids = [guid(i) for i in range(700)]
    server = MoveServer(set(ids), name_ids=False, target_exists=False)
    report = client(server).sites.move(ids, TARGET)
    assert report.moved == []
    assert set(report.failed) == set(ids)
    assert all("target folder" in reason for reason in report.failed.values())
    assert len(server.batches) == 1


def test_unknown_target_named_in_the_404() -> None:
    ids = [guid(i) for i in range(10)]
    report = client(MoveServer(set(ids), target_exists=False)).sites.move(ids, TARGET)
    assert set(report.failed) == set(ids)
    assert report.requests == 1


def test_permission_denied_stops_and_fails_the_rest() -> None:
    ids = [guid(i) for i in range(1400)]
    server = MoveServer(set(ids), deny_at=2)
    report = client(server).sites.move(ids, None)
    assert report.moved == ids[:500]
    assert set(report.failed) == set(ids[500:])
    assert all("permission" in reason for reason in report.failed.values())
    assert len(server.batches) == 2  # the third batch is never sent


def test_other_errors_fail_their_batch_and_carry_on() -> None:
    ids = [guid(i) for i in range(1200)]
    server = MoveServer(set(ids), poison=ids[700])
    report = client(server).sites.move(ids, "root")
    assert report.moved == ids[:500] + ids[1000:]
    assert set(report.failed) == set(ids[500:1000])
    assert all("malformed filter" in r for r in report.failed.values())


def test_folder_moves_go_1000_a_request() -> None:
    ids = [guid(i) for i in range(2500)]
    server = MoveServer(set(ids))
    report = client(server).move_folders(ids, TARGET)
    assert report.ok
    assert [len(b) for b in server.batches] == [1000, 1000, 500]
    assert report.failed == {}


def test_nothing_valid_still_reports_progress_once() -> None:
    calls: list[tuple[int, int]] = []
    report = client(MoveServer(set())).sites.move(
        ["a", "b", "a"], None, progress=lambda d, t: calls.append((d, t))
    )
    assert report.failed == {"a": "not a valid site id", "b": "not a valid site id"}
    assert report.requests == 0
    assert calls == [(2, 2)]


@given(
    known=st.sets(st.integers(0, 300), max_size=200),
    wanted=st.lists(
        st.one_of(st.integers(0, 400).map(guid), st.sampled_from(["nope", "", "123"])), max_size=700
    ),
    name_ids=st.booleans(),
)
def test_report_is_exact_for_any_mix(known: set[int], wanted: list[str], name_ids: bool) -> None:
    known_ids = {guid(k) for k in known}
    server = MoveServer(known_ids, name_ids=name_ids)
    report = client(server).sites.move(wanted, TARGET)
    check_exact(report, wanted, known_ids)
    assert all(len(b) <= 500 for b in server.batches)


async def test_async_moves_run_batches_concurrently_within_the_bound() -> None:
    ids = [guid(i) for i in range(3000)]
    unknown = [guid(9000 + i) for i in range(5)]
    server = MoveServer(set(ids))

    async def handler(request: httpx.Request) -> httpx.Response:
        server.in_flight += 1
        server.max_in_flight = max(server.max_in_flight, server.in_flight)
        await asyncio.sleep(0.01)
        server.in_flight -= 1
        return server.answer(request)

    calls: list[tuple[int, int]] = []
    async with AsyncWixSites(
        api_key="test-key-0001",
        account_id="acc",
        transport=httpx.MockTransport(handler),
        rate_limit=None,
        max_concurrency=3,
    ) as wix:
        report = await wix.sites.move(
            ids + unknown, TARGET, progress=lambda d, t: calls.append((d, t))
        )
    check_exact(report, ids + unknown, set(ids))
    assert server.max_in_flight == 3
    assert len(calls) == 7
    assert calls[-1] == (3005, 3005)


def test_moves_against_the_sandbox() -> None:
    with Sandbox() as sandbox:
        creds = sandbox.default_credentials()
        sandbox.seed(creds.account_id, sites=1100, folders=0, seed=5)
        with WixSites(
            api_key=creds.api_key,
            account_id=creds.account_id,
            base_url="http://sandbox",
            transport=sandbox.transport(),
            rate_limit=None,
        ) as wix:
            ids = [str(s.id) for s in wix.sites.query({"state": "ACTIVE"}, page_size=1000)]
            trashed = [str(s.id) for s in wix.sites.query({"state": "TRASHED"}, page_size=1000)]
            assert trashed  # the seed trashes some: they stay out of folders
            target = wix.folders.create("Everything")
            unknown = [str(uuid.uuid4()) for _ in range(3)]
            report = wix.sites.move([*ids, *trashed, *unknown, "bad"], target)
            check_exact(report, [*ids, *trashed, *unknown, "bad"], set(ids))
            assert all(report.failed[i] == IN_TRASH for i in trashed)
            assert wix.folders.get(str(target.id)).site_count == len(ids)
            a, b = wix.folders.create("A"), wix.folders.create("B")
            report = wix.folders.move([a, str(b.id), unknown[0]], target)
            assert report.moved == [str(a.id), str(b.id)]
            assert report.failed == {unknown[0]: NOT_FOUND}
            assert wix.folders.find("Everything/B") is not None
            missing = wix.sites.move(ids[:3], unknown[1])
            assert set(missing.failed) == set(ids[:3])


@pytest.mark.parametrize("ids", [guid(1), (guid(i) for i in range(3))])
def test_any_iterable_or_a_single_id(ids: Any) -> None:
    server = MoveServer({guid(i) for i in range(3)})
    assert client(server).sites.move(ids, None).ok


@pytest.mark.parametrize("name_ids", [True, False])
def test_the_target_folder_id_given_as_a_site_id_fails_alone(name_ids: bool) -> None:
    ids = [guid(i) for i in range(5)]
    server = MoveServer(set(ids), name_ids=name_ids)
    report = client(server).sites.move([*ids[:2], TARGET, *ids[2:]], TARGET)
    assert report.moved == ids  # the target exists: the other sites move
    assert list(report.failed) == [TARGET]
    assert report.failed[TARGET].startswith(NOT_FOUND)
    assert "target folder" in report.failed[TARGET]


def test_the_target_folder_id_given_as_a_site_id_against_the_sandbox() -> None:
    with Sandbox() as sandbox:
        sandbox.add_api_key("test-key-0001", "11111111-1111-4111-8111-111111111111")
        sandbox.seed("11111111-1111-4111-8111-111111111111", sites=3, seed=1)
        with WixSites(
            api_key="test-key-0001",
            account_id="11111111-1111-4111-8111-111111111111",
            base_url="http://sandbox",
            transport=sandbox.transport(),
            rate_limit=None,
        ) as wix:
            folder = wix.folders.create("Design")
            sites = [str(s.id) for s in wix.sites.query()]
            report = wix.sites.move([*sites, str(folder.id)], folder)
            assert report.moved == sites
            assert list(report.failed) == [str(folder.id)]
            assert "target folder" in report.failed[str(folder.id)]
            assert "not found in this account" in report.failed[str(folder.id)]


class Interrupting(MoveServer):
    """Ctrl-C arrives while the move request number `at` is on the wire."""

    def __init__(self, known: set[str], at: int) -> None:
        super().__init__(known)
        self.at = at

    def answer(self, request: httpx.Request) -> httpx.Response:
        if len(self.batches) + 1 == self.at and request.url.path.endswith("/move"):
            self.batches.append([])
            raise KeyboardInterrupt
        return super().answer(request)


def test_an_interrupted_move_carries_its_exact_partial_report() -> None:
    ids = [guid(i) for i in range(1600)]
    server = Interrupting(set(ids), at=3)
    with pytest.raises(KeyboardInterrupt) as caught:
        client(server).sites.move([*ids, "bad"], TARGET)
    report = caught.value.report  # type: ignore[attr-defined]
    assert isinstance(report, MoveReport)
    assert report.moved == ids[:1000] == server.moved
    assert report.uncertain == dict.fromkeys(ids[1000:1500], IN_FLIGHT)
    assert {i: report.failed[i] for i in ids[1500:]} == dict.fromkeys(ids[1500:], NOT_SENT)
    assert report.failed["bad"] == "not a valid site id"
    assert len(report.moved) + len(report.failed) + len(report.uncertain) == 1601
    assert report.requests == 3


async def test_a_cancelled_async_move_carries_its_exact_partial_report() -> None:
    ids = [guid(i) for i in range(2000)]
    server = MoveServer(set(ids))
    release, both_hang = asyncio.Event(), asyncio.Event()

    async def handler(request: httpx.Request) -> httpx.Response:
        if len(server.batches) >= 2:  # the third and later batches hang until cancelled
            server.batches.append([])
            if len(server.batches) == 4:
                both_hang.set()
            await release.wait()
        return server.answer(request)

    async with AsyncWixSites(
        api_key="test-key-0001",
        account_id="acc",
        transport=httpx.MockTransport(handler),
        rate_limit=None,
        max_concurrency=2,
    ) as wix:
        task = asyncio.create_task(wix.sites.move(ids, TARGET))
        await both_hang.wait()
        task.cancel()
        with pytest.raises(asyncio.CancelledError) as caught:
            await task
    report = caught.value.report  # type: ignore[attr-defined]
    assert report.moved == server.moved == ids[:1000]
    assert set(report.uncertain.values()) == {IN_FLIGHT}
    assert set(report.uncertain) == set(ids[1000:])
    assert report.failed == {}


class TrashAfterTheRead(httpx.BaseTransport):
    """The sandbox, where a teammate trashes `site` right after the read a move makes before its
    batch (the read lists only trashed sites: its filter holds ``"TRASHED"``)."""

    def __init__(self, sandbox: Sandbox, key: str, account: str, site: str) -> None:
        self.inner = sandbox.transport()
        self.teammate = WixSites(
            api_key=key, account_id=account, transport=sandbox.transport(), rate_limit=None
        )
        self.site: str | None = site

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        if b'"TRASHED"' in request.content and self.site is not None:
            assert self.teammate.sites.trash([self.site]).ok
            self.site = None
        return response


def test_a_site_trashed_between_the_read_and_the_move_fails_alone() -> None:
    with Sandbox() as sandbox:
        creds = sandbox.default_credentials()
        sandbox.seed(creds.account_id, sites=60, folders=0, seed=5)
        options: dict[str, Any] = {"api_key": creds.api_key, "account_id": creds.account_id}
        with WixSites(transport=sandbox.transport(), rate_limit=None, **options) as wix:
            query = {"state": "ACTIVE", "premium": False}
            ids = [str(s.id) for s in wix.sites.query(query, page_size=100)]
            target = str(wix.folders.create("Target").id)
        racing = TrashAfterTheRead(sandbox, creds.api_key, creds.account_id, ids[3])
        with WixSites(transport=racing, rate_limit=None, **options) as wix:
            report = wix.sites.move(ids, target)
            assert racing.site is None  # the teammate did trash it
            assert report.failed == {ids[3]: IN_TRASH}
            assert report.moved == [i for i in ids if i != ids[3]]
            assert report.requests == 2
            assert {str(s.id) for s in wix.sites.query({"folderId": target})} == {
                i for i in ids if i != ids[3]
            }
