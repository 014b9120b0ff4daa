"""Per-call options (`timeout`, `deadline`, `retry`, `headers`) on every call, sync and async,
and `with_options`, a client that shares the connection pool and the rate limit."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from wixsandbox import Sandbox
from wixsites import (
    AsyncWixSites,
    CallOptions,
    DeadlineExceeded,
    InvalidArgument,
    RetryPolicy,
    ServerError,
    WixSites,
)

KEY = "IST.options-test-key-0123456789abcdef"
ACCOUNT = "11111111-2222-4333-8444-555555555555"
APP_ID = "33333333-3333-4333-8333-333333333333"
APP_SECRET = "options-app-secret-0123456789"
OTHER_ACCOUNT = "66666666-7777-4888-8999-000000000000"
BASE_URL = "http://sandbox.test"


@dataclass(frozen=True)
class Seen:
    method: str
    path: str
    headers: httpx.Headers
    timeout: dict[str, float | None]


class Recording(httpx.BaseTransport):
    """The sandbox's transport, remembering each request it is given."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self.inner = inner
        self.seen: list[Seen] = []
        self.closed = False

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        timeout = dict(request.extensions.get("timeout") or {})
        self.seen.append(Seen(request.method, request.url.path, request.headers, timeout))
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.closed = True
        self.inner.close()


class AsyncRecording(httpx.AsyncBaseTransport):
    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.seen: list[Seen] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        timeout = dict(request.extensions.get("timeout") or {})
        self.seen.append(Seen(request.method, request.url.path, request.headers, timeout))
        return await self.inner.handle_async_request(request)


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox() as box:
        box.add_api_key(KEY, ACCOUNT)
        box.add_app(APP_ID, APP_SECRET)
        box.add_instance(ACCOUNT, APP_ID)
        box.seed(ACCOUNT, sites=30, folders=0, seed=3)
        yield box


def sync_client(
    transport: httpx.BaseTransport, api_key: str = KEY, account_id: str = ACCOUNT, **options: Any
) -> WixSites:
    options.setdefault("rate_limit", None)
    return WixSites(api_key, account_id, BASE_URL, transport=transport, **options)


def site_ids(wix: WixSites) -> list[str]:
    return [str(site.id) for site in wix.sites.query()]


# Headers


def test_a_calls_headers_go_with_every_request_of_it(sandbox: Sandbox) -> None:
    wire = Recording(sandbox.transport())
    with sync_client(wire) as wix:
        ids = site_ids(wix)
        folder = wix.folders.create("Tagged", headers={"x-trace": "create-1"})
        wire.seen.clear()

        pages = list(wix.sites.query(page_size=7, headers={"x-trace": "query-1"}).pages())
        assert len(pages) == 5
        assert [s.headers["x-trace"] for s in wire.seen] == ["query-1"] * 5
        wire.seen.clear()

        report = wix.sites.move(ids, "Tagged", headers={"X-Trace": "move-1"})
        assert report.ok
        # the path is resolved (Query Folders), then one move request
        assert [s.path for s in wire.seen][-1].endswith("/bulk/sites/move")
        assert {s.headers["x-trace"] for s in wire.seen} == {"move-1"}
        wire.seen.clear()

        assert wix.sites.count({"folderId": str(folder.id)}) == len(ids)
        assert "x-trace" not in wire.seen[-1].headers  # a call without options: none


def test_with_options_headers_add_up_and_a_call_replaces_one_by_name(sandbox: Sandbox) -> None:
    wire = Recording(sandbox.transport())
    with sync_client(wire) as wix:
        tagged = wix.with_options(headers={"x-team": "ops", "x-trace": "a"})
        more = tagged.with_options(headers={"x-job": "nightly"})
        more.sites.count(headers={"X-TRACE": "b"})
        sent = wire.seen[-1].headers
        assert (sent["x-team"], sent["x-job"], sent["x-trace"]) == ("ops", "nightly", "b")
        assert sent.get_list("x-trace") == ["b"]
        assert sent["user-agent"].startswith("wixsites-python/")  # the client's own stay
        tagged.sites.count()
        assert "x-job" not in wire.seen[-1].headers  # `more` left `tagged` as it was


def test_a_signed_request_covers_the_calls_own_wix_headers(sandbox: Sandbox) -> None:
    wire = Recording(sandbox.transport())
    with WixSites.from_signature(
        APP_ID, ACCOUNT, APP_SECRET, BASE_URL, transport=wire, rate_limit=None
    ) as wix:
        # x-wix-* headers are signed: added after the signature, the sandbox would refuse it
        assert wix.sites.count(headers={"x-wix-trace": "t-1"}) > 0
        assert wire.seen[-1].headers["x-wix-trace"] == "t-1"


@pytest.mark.parametrize(
    ("headers", "says"),
    [
        ({"Authorization": "another-key"}, "cannot set 'Authorization'"),
        ({"x-wix-signature": "forged"}, "cannot set 'x-wix-signature'"),
        ({"Content-Type": "text/plain"}, "cannot set 'Content-Type'"),
        ({"bad name": "v"}, "is not a header name"),
        ({"x-a": "line\r\nx-b: injected"}, "control or non-ASCII"),
        ({"x-a": 5}, "must be a string"),
    ],
)
def test_a_header_the_sdk_sets_or_cannot_send_is_refused_before_any_request(
    sandbox: Sandbox, headers: dict[str, Any], says: str
) -> None:
    wire = Recording(sandbox.transport())
    with sync_client(wire) as wix, pytest.raises(InvalidArgument) as caught:
        wix.sites.count(headers=headers)
    assert says in str(caught.value)
    assert "another-key" not in str(caught.value)
    assert "injected" not in str(caught.value)
    assert wire.seen == []


def test_an_unknown_option_or_a_bad_value_is_refused_by_name(sandbox: Sandbox) -> None:
    wire = Recording(sandbox.transport())
    with sync_client(wire) as wix:
        with pytest.raises(InvalidArgument, match=r"unknown option 'timout'.*timeout, deadline"):
            wix.sites.count(timout=3)  # type: ignore[call-arg]
        with pytest.raises(InvalidArgument, match="deadline is seconds"):
            wix.folders.tree(deadline=0)
        with pytest.raises(InvalidArgument, match="retry must be a RetryPolicy"):
            wix.sites.query(retry=3)  # type: ignore[arg-type]
        with pytest.raises(InvalidArgument, match="timeout is seconds"):
            wix.with_options(timeout="fast")  # type: ignore[arg-type]
    assert wire.seen == []


# Timeouts and deadlines


def test_a_calls_timeout_and_deadline_bound_each_of_its_requests(sandbox: Sandbox) -> None:
    wire = Recording(sandbox.transport())
    with sync_client(wire, timeout=30.0, deadline=300.0) as wix:
        wix.sites.count()
        assert wire.seen[-1].timeout["read"] == 30.0

        wix.sites.count(timeout=httpx.Timeout(4.0, connect=1.0))
        assert (wire.seen[-1].timeout["read"], wire.seen[-1].timeout["connect"]) == (4.0, 1.0)

        # a deadline caps every socket timeout of the attempt at the time left
        wire.seen.clear()
        list(wix.with_options(deadline=2.0).sites.query(page_size=10).pages())
        assert len(wire.seen) == 3
        for seen in wire.seen:
            assert all(v is not None and v <= 2.0 for v in seen.timeout.values())

        wix.sites.count(deadline=None)  # none: the client's timeouts as they are
        assert wire.seen[-1].timeout["read"] == 30.0


def _busy(answers: list[int]) -> Callable[[httpx.Request], httpx.Response]:
    def handler(request: httpx.Request) -> httpx.Response:
        status = answers.pop(0) if answers else 200
        if status != 200:
            return httpx.Response(status, json={"message": "busy"}, headers={"Retry-After": "0"})
        return httpx.Response(200, json={"count": 7})

    return handler


def test_a_calls_retry_policy_replaces_the_clients() -> None:
    answers = [503, 503]
    with sync_client(httpx.MockTransport(_busy(answers)), retry=None) as wix:
        assert wix.sites.count(retry=RetryPolicy(max_attempts=3, base_delay=0)) == 7
        assert answers == []

        answers.extend([503])
        with pytest.raises(ServerError):
            wix.sites.count()  # the client's: one attempt
        answers.clear()

    answers.extend([503])
    with sync_client(httpx.MockTransport(_busy(answers)), sleep=lambda _: None) as wix:
        with pytest.raises(ServerError) as caught:
            wix.with_options(retry=None).sites.count()
        assert caught.value.attempts == 1


def test_a_calls_deadline_stops_its_retries() -> None:
    calls = [0]

    def handler(request: httpx.Request) -> httpx.Response:
        calls[0] += 1
        return httpx.Response(503, json={}, headers={"Retry-After": "0.2"})

    with (
        sync_client(httpx.MockTransport(handler), retry=RetryPolicy(max_attempts=50)) as wix,
        pytest.raises(DeadlineExceeded) as caught,
    ):
        wix.sites.count(deadline=0.3)
    # waits of 0.2 s: at most one fits in 0.3 s (the client's policy would allow 49)
    assert calls[0] == caught.value.attempts
    assert 1 <= calls[0] <= 2


# with_options: the same connections and the same rate limit


def test_with_options_shares_the_rate_limit_and_the_connection_pool(sandbox: Sandbox) -> None:
    wire = Recording(sandbox.transport())
    wix = sync_client(wire, rate_limit=1)  # one request a minute: the second has to wait
    assert wix.sites.count() > 0
    hurried = wix.with_options(deadline=0.5)
    assert isinstance(hurried, WixSites)
    with pytest.raises(DeadlineExceeded, match="waiting for the rate limit"):
        hurried.sites.count()
    assert len(wire.seen) == 1  # the same transport, so the same connection pool
    hurried.close()
    assert wire.closed  # closing either closes the pool they share


def test_async_calls_take_the_same_options(sandbox: Sandbox) -> None:
    wire = AsyncRecording(sandbox.async_transport())

    async def main() -> None:
        async with AsyncWixSites(
            api_key=KEY, account_id=ACCOUNT, base_url=BASE_URL, transport=wire, rate_limit=None
        ) as wix:
            ids = [str(s.id) async for s in wix.sites.query(page_size=10, headers={"x-q": "1"})]
            assert [s.headers["x-q"] for s in wire.seen] == ["1"] * 3
            await wix.folders.create("Async")
            wire.seen.clear()

            tagged = wix.with_options(headers={"x-job": "j"}, timeout=5.0)
            assert isinstance(tagged, AsyncWixSites)
            report = await tagged.sites.move(ids, "Async", max_concurrency=2, deadline=60)
            assert report.ok
            assert {s.headers["x-job"] for s in wire.seen} == {"j"}
            assert all(s.timeout["read"] == 5.0 for s in wire.seen)
            with pytest.raises(InvalidArgument, match="unknown option"):
                await wix.sites.count(retries=2)  # type: ignore[call-arg]

    asyncio.run(main())


def test_every_public_call_takes_the_options(sandbox: Sandbox) -> None:
    sandbox.add_api_key("other-account-key-0001", OTHER_ACCOUNT)
    sandbox.relate_accounts(ACCOUNT, [OTHER_ACCOUNT])
    sandbox.seed(OTHER_ACCOUNT, sites=1, seed=4)
    with sync_client(sandbox.transport(), "other-account-key-0001", OTHER_ACCOUNT) as other:
        theirs = str(next(iter(other.sites.query())).id)
    wire = Recording(sandbox.transport())
    tag: CallOptions = {"headers": {"x-call": "yes"}}
    with sync_client(wire) as wix:
        site = str(next(iter(wix.sites.query())).id)
        folder = wix.folders.create("All", **tag)
        sub = wix.folders.create("Sub", folder)
        calls: dict[str, Callable[[], object]] = {
            "sites.count": lambda: wix.sites.count(**tag),
            "sites.query": lambda: wix.sites.query(**tag).first(),
            "sites.move": lambda: wix.sites.move([site], folder, **tag),
            "move_sites": lambda: wix.move_sites([site], None, **tag),
            "sites.publish": lambda: wix.sites.publish(site, **tag),
            "sites.duplicate": lambda: wix.sites.duplicate(site, "Copy", **tag),
            "sites.transfer": lambda: wix.sites.transfer(theirs, OTHER_ACCOUNT, **tag),
            "folders.query": lambda: wix.folders.query(**tag).first(),
            "folders.rename": lambda: wix.folders.rename(folder, "All2", **tag),
            "folders.get": lambda: wix.folders.get(str(folder.id), **tag),
            "folders.of_site": lambda: wix.folders.of_site(site, **tag),
            "folders.tree": lambda: wix.folders.tree(**tag),
            "folders.find": lambda: wix.folders.find("All2", **tag),
            "folders.ensure": lambda: wix.folders.ensure("All2/Sub/Deep", **tag),
            "folders.move": lambda: wix.folders.move([sub], None, **tag),
            "move_folders": lambda: wix.move_folders([sub], "All2", **tag),
            "request": lambda: wix.request("POST", "/site-list/v2/sites/count", json={}, **tag),
            "folders.delete": lambda: wix.folders.delete(folder, **tag),
            "sites.trash": lambda: wix.sites.trash([site], **tag),
        }
        for name, call in calls.items():
            wire.seen.clear()
            call()
            assert wire.seen, name
            assert all(s.headers.get("x-call") == "yes" for s in wire.seen), name
