"""The HTTP answer behind a result: ``wix.with_raw_response...`` for the calls that make one
request, and ``page.response`` for each page of a query."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator

import httpx
import pytest

from wixsandbox import Sandbox
from wixsites import (
    AsyncWixSites,
    NotFound,
    RawResponse,
    ResponseInfo,
    WixSites,
)

KEY = "IST.raw-response-test-key-0123456789"
ACCOUNT = "11111111-2222-4333-8444-555555555555"
BASE_URL = "http://sandbox.test"


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox() as box:
        box.add_api_key(KEY, ACCOUNT)
        box.seed(ACCOUNT, sites=25, folders=0, seed=5)
        yield box


@pytest.fixture
def wix(sandbox: Sandbox) -> Iterator[WixSites]:
    with WixSites(KEY, ACCOUNT, BASE_URL, transport=sandbox.transport(), rate_limit=None) as c:
        yield c


def answered(raw: RawResponse[object], status: int = 200) -> None:
    assert raw.status_code == status
    assert raw.request_id
    assert raw.headers["x-wix-request-id"] == raw.request_id
    assert raw.headers["content-type"].startswith("application/json")


def test_a_count_with_its_raw_response(wix: WixSites) -> None:
    raw = wix.with_raw_response.sites.count({"published": True})
    answered(raw)
    assert isinstance(raw, ResponseInfo)
    assert raw.parse() == wix.sites.count({"published": True})
    again = wix.with_raw_response.sites.count()
    assert again.request_id != raw.request_id  # each call its own answer


def test_every_single_request_call_has_a_raw_response(wix: WixSites) -> None:
    site = str(next(iter(wix.sites.query())).id)
    raw = wix.with_raw_response
    created = raw.folders.create("Raw")
    answered(created)
    folder = created.parse()
    assert folder.name == "Raw"
    assert raw.folders.rename(folder, "Raw2").parse().name == "Raw2"
    assert raw.folders.get(str(folder.id)).parse().id == folder.id
    wix.sites.move([site], folder)
    of_site = raw.folders.of_site(site)
    answered(of_site)
    assert of_site.parse() is not None
    answered(raw.sites.publish(site))
    copy = raw.sites.duplicate(site, "Raw copy")
    answered(copy)
    assert wix.sites.query({"id": copy.parse()}).first() is not None
    answered(raw.request("POST", "/site-list/v2/sites/count", json={}))
    deleted = raw.folders.delete(folder)
    answered(deleted)
    assert deleted.parse() is None


def test_a_raw_call_takes_the_call_options(sandbox: Sandbox) -> None:
    sent: list[httpx.Headers] = []
    inner = sandbox.transport()

    def recording(request: httpx.Request) -> httpx.Response:
        sent.append(request.headers)
        return inner.handle_request(request)

    with WixSites(KEY, ACCOUNT, BASE_URL, transport=httpx.MockTransport(recording)) as wix:
        answered(wix.with_raw_response.sites.count(headers={"x-trace": "1"}, deadline=5))
        answered(wix.with_options(headers={"x-job": "2"}).with_raw_response.sites.count())
    assert (sent[0]["x-trace"], sent[1]["x-job"]) == ("1", "2")


def test_each_page_of_a_query_carries_its_answer(wix: WixSites) -> None:
    pages = list(wix.sites.query(page_size=10).pages())
    assert len(pages) == 3
    for page in pages:
        assert page.response is not None
        assert page.response.status_code == 200
        assert page.response.request_id == page.request_id
        assert page.response.headers["x-wix-request-id"] == page.request_id
    assert len({p.request_id for p in pages}) == 3
    wix.folders.create("Paged")
    (folder_page,) = wix.folders.query().pages()
    assert folder_page.response is not None
    assert folder_page.response.status_code == 200


def test_an_error_answer_raises_as_always(wix: WixSites) -> None:
    with pytest.raises(NotFound) as caught:
        wix.with_raw_response.folders.get("283f4660-8f6f-462b-94a1-160a57338032")
    assert caught.value.request_id


def test_the_raw_headers_never_show_the_key() -> None:
    def echo(request: httpx.Request) -> httpx.Response:
        key = request.headers["authorization"]
        return httpx.Response(
            200, json={"count": 1}, headers={"x-wix-request-id": key, "x-echo": f"you are {key}"}
        )

    with WixSites(KEY, ACCOUNT, transport=httpx.MockTransport(echo), rate_limit=None) as wix:
        raw = wix.with_raw_response.sites.count()
        (page,) = wix.sites.query().pages()
    assert raw.parse() == 1
    assert raw.headers["x-echo"] == "you are ***"
    assert raw.request_id == "***"
    assert page.response is not None
    assert page.request_id == page.response.request_id == "***"
    for text in (repr(raw), str(raw.headers), repr(page), repr(page.response)):
        assert KEY not in text


def test_threads_sharing_a_client_each_get_their_own_answer() -> None:
    both_in_flight = threading.Barrier(2, timeout=5)

    def handler(request: httpx.Request) -> httpx.Response:
        both_in_flight.wait()
        trace = request.headers["x-trace"]
        return httpx.Response(200, json={"count": len(trace)}, headers={"x-wix-request-id": trace})

    results: dict[str, RawResponse[int]] = {}
    with WixSites(KEY, ACCOUNT, transport=httpx.MockTransport(handler), rate_limit=None) as wix:

        def run(trace: str) -> None:
            results[trace] = wix.with_raw_response.sites.count(headers={"x-trace": trace})

        threads = [threading.Thread(target=run, args=(t,)) for t in ("a", "bb")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(10)
    assert {t: (r.request_id, r.parse()) for t, r in results.items()} == {
        "a": ("a", 1),
        "bb": ("bb", 2),
    }


def test_async_raw_responses(sandbox: Sandbox) -> None:
    async def main() -> None:
        async with AsyncWixSites(
            KEY, ACCOUNT, BASE_URL, transport=sandbox.async_transport(), rate_limit=None
        ) as wix:
            first, second = await asyncio.gather(
                wix.with_raw_response.sites.count(), wix.with_raw_response.sites.count()
            )
            answered(first)
            answered(second)
            assert first.request_id != second.request_id
            assert first.parse() == await wix.sites.count()
            folder = await wix.with_raw_response.folders.create("Async raw")
            answered(folder)
            answered(await wix.with_raw_response.folders.delete(folder.parse()))
            answered(await wix.with_raw_response.request("POST", "/site-list/v2/sites/count"))
            async for page in wix.sites.query(page_size=20).pages():
                assert page.response is not None
                assert page.response.request_id == page.request_id

    asyncio.run(main())
